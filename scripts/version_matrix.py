#!/usr/bin/env python3
"""Run the pages' code blocks and every example's smoke run on each TensorFlow/Keras pair.

Per column (see version_envs.py) the pages' blocks run under pytest, whose JUnit XML gives
each block's outcome, and each example runs through ``run_examples.py --smoke`` (as many
at once as --workers gives the blocks). The outcomes land in ``docs/generated/versions.json``;
the execution report shows them as a matrix and every page says which pairs it was verified on.

  python -m scripts.version_matrix run                    # every column, recorded
  python -m scripts.version_matrix run oldest             # one column
  python -m scripts.version_matrix run newest --python "$(command -v python)" \\
      --no-record --summary "$GITHUB_STEP_SUMMARY"        # whatever that Python has
  python -m scripts.version_matrix check                  # exit 1 if the record is stale
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts import version_envs as envs
from scripts.version_envs import COLUMNS, REPO, Column, VersionsError
from scripts.version_report import RECORD

DOCS = REPO / "docs"
EXECUTED = {"python", "sh", "bash"}  # the fences pytest-codeblocks runs
VERSIONS_CODE = ("import json, sys; from scripts import example_cache; "
                 "print(json.dumps({**example_cache.library_versions(), "
                 "'python': '.'.join(map(str, sys.version_info[:3]))}))")


# --- what there is to verify ------------------------------------------------------------

def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def block_pages() -> dict[str, str]:
    """Every Markdown file with blocks pytest-codeblocks runs: {path under docs/: hash}."""
    from pytest_codeblocks import extract_from_file

    pages = {}
    for path in sorted(DOCS.rglob("*.md")):
        rel = path.relative_to(DOCS)
        if "generated" in rel.parts:
            continue
        blocks = [(b.syntax, b.code, b.expected_output, b.marks)
                  for b in extract_from_file(path) if b.syntax in EXECUTED]
        if blocks:
            pages[rel.as_posix()] = sha256(json.dumps(blocks))
    return pages


def example_hashes() -> dict[str, str]:
    """Every example: {name: hash of its code cells and smoke parameters}."""
    from scripts import example_cache as cache

    hashes = {}
    for name, example in cache.discover().items():
        notebook = example.read()
        code = [c.source for c in notebook.cells if c.cell_type == "code"]
        hashes[name] = sha256(json.dumps([code, cache.smoke_overrides(notebook, name)]))
    return hashes


# --- running one column -----------------------------------------------------------------

def column_versions(python: Path) -> dict:
    result = subprocess.run([str(python), "-c", VERSIONS_CODE], cwd=REPO,
                            capture_output=True, text=True)
    if result.returncode:
        raise VersionsError(f"{python} cannot report its library versions "
                            f"({result.stderr.strip()[-300:]})")
    return json.loads(result.stdout)


def run_blocks(python: Path, pages: dict[str, str], workers: str) -> dict[str, dict]:
    """Every page's blocks in one pytest run: {page: {"passed", "failed", "failed_lines"}}."""
    with tempfile.TemporaryDirectory(prefix="handbook-versions-") as scratch:
        junit = Path(scratch) / "blocks.xml"
        command = [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-q", "-n", workers,
                   f"--junitxml={junit}", *(f"docs/{p}" for p in pages)]
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
        if result.returncode not in (0, 1) or not junit.exists():
            raise VersionsError(f"pytest could not run the blocks (exit {result.returncode}): "
                                f"{(result.stdout + result.stderr).strip()[-800:]}")
        if result.returncode:
            print(result.stdout[-6000:])
        cases = ET.parse(junit).getroot().iter("testcase")
    by_class = {f"docs/{p}".replace("/", "."): p for p in pages}
    outcomes = {p: {"passed": 0, "failed": 0, "failed_lines": []} for p in pages}
    for case in cases:
        page = by_class.get(case.get("classname"))
        if page is None:
            continue
        failed = case.find("failure") is not None or case.find("error") is not None
        outcome = outcomes[page]
        if failed:
            outcome["failed"] += 1
            outcome["failed_lines"].append(int(case.get("name").removeprefix("line ")))
        elif case.find("skipped") is None:
            outcome["passed"] += 1
    return outcomes


def worker_count(text: str) -> str:
    """--workers as pytest-xdist takes it: a count (0: one process) or auto."""
    if text == "auto" or text.isdigit():
        return text
    raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers; give a count "
                                     f"such as 2, 0 for one process, or auto")


def smoke_workers(workers: str) -> int:
    """How many smoke runs go at once for a --workers value."""
    return (os.cpu_count() or 1) if workers == "auto" else max(1, int(workers))


def run_smoke(python: Path, name: str) -> dict:
    """One example's smoke run through the runner: {"outcome", "seconds"}."""
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="handbook-versions-smoke-") as scratch:
        result = subprocess.run(
            [str(python), "-m", "scripts.run_examples", "--smoke", "--only", name,
             "--keep", scratch], cwd=REPO, capture_output=True, text=True)
    passed = result.returncode == 0
    if not passed:
        print(f"{name}: smoke run failed\n{(result.stdout + result.stderr)[-3000:]}")
    return {"outcome": "passed" if passed else "failed",
            "seconds": round(time.monotonic() - start, 1)}


def run_examples(python: Path, names: list[str], workers: int) -> dict[str, dict]:
    """Every example's smoke run, `workers` at a time: {name: {"outcome", "seconds"}}."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(names, pool.map(lambda name: run_smoke(python, name), names)))


def run_column(col: Column, python: Path | None, workers: str, previous: dict) -> dict:
    install = None
    if python is None:
        install = envs.ensure_env(col)
        python = col.python
    versions = column_versions(python)
    print(f"{col.name}: TensorFlow {versions['tensorflow']}, Keras {versions['keras']}"
          + (f" (installed in {install:.0f} s)" if install else ""))
    pages, examples = block_pages(), example_hashes()
    start = time.monotonic()
    blocks = run_blocks(python, pages, workers)
    blocks_seconds = round(time.monotonic() - start, 1)
    start = time.monotonic()
    smoke = run_examples(python, list(examples), smoke_workers(workers))
    smoke_seconds = round(time.monotonic() - start, 1)
    for page, outcome in blocks.items():
        outcome["hash"] = pages[page]
    for name, outcome in smoke.items():
        outcome["hash"] = examples[name]
    seconds = {"blocks": blocks_seconds,
               "examples": smoke_seconds,
               "install": install if install is not None
               else previous.get("seconds", {}).get("install")}
    return {**versions, "pages": blocks, "examples": smoke, "seconds": seconds}


# --- the record ---------------------------------------------------------------------------

def load() -> dict:
    if not RECORD.exists():
        return {}
    try:
        return json.loads(RECORD.read_text())
    except json.JSONDecodeError as err:
        raise VersionsError(f"{RECORD.relative_to(REPO)} is not valid JSON ({err}): "
                            "restore it with git or run `make test-versions`") from None


def save(record: dict) -> None:
    from scripts import example_cache
    from scripts import execution_report

    ordered = {name: record[name] for name in COLUMNS if name in record}
    temp = RECORD.with_suffix(".tmp")
    temp.write_text(json.dumps(ordered, indent=1, sort_keys=True) + "\n")
    temp.replace(RECORD)
    execution_report.write(example_cache.discover())


def failures(result: dict) -> list[str]:
    pages = [f"docs/{p} line {n}" for p, o in result["pages"].items() for n in o["failed_lines"]]
    return pages + [f"example {n} (smoke run)" for n, o in result["examples"].items()
                    if o["outcome"] != "passed"]


def summary(name: str, result: dict) -> str:
    broken = sorted({p for p, o in result["pages"].items() if o["failed"]})
    examples = [n for n, o in result["examples"].items() if o["outcome"] != "passed"]
    lines = [f"### {name}: TensorFlow {result['tensorflow']}, Keras {result['keras']}", ""]
    total = sum(o["passed"] + o["failed"] for o in result["pages"].values())
    failed = sum(o["failed"] for o in result["pages"].values())
    lines.append(f"Code blocks: {total - failed} passed, {failed} failed. Smoke runs: "
                 f"{len(result['examples']) - len(examples)} passed, {len(examples)} failed.")
    if broken or examples:
        lines += ["", "Broken:"] + [f"- `docs/{p}` (lines {', '.join(map(str, result['pages'][p]['failed_lines']))})"
                                    for p in broken] + [f"- example `{n}`" for n in examples]
    return "\n".join(lines) + "\n"


def run(args) -> int:
    names = args.columns or list(COLUMNS)
    cols = [envs.column(n) for n in names]
    if args.python and len(cols) != 1:
        raise VersionsError("--python runs one column: name it, e.g. `run newest --python ...`")
    record, broken = load(), []
    for col in cols:
        same = col.name != "pinned" and col.pins() == COLUMNS["pinned"].pins()
        if same and not args.python:
            record[col.name] = {"same_as": "pinned", **col.pins()}
            print(f"{col.name}: TensorFlow {col.pins()['tensorflow']}, Keras {col.pins()['keras']}"
                  " is the pinned pair: it shares the pinned column's results")
            continue
        result = run_column(col, Path(args.python) if args.python else None, args.workers,
                            record.get(col.name) or {})
        record[col.name] = result
        broken += [f"{col.name}: {f}" for f in failures(result)]
        text = summary(col.name, result)
        print(text)
        if args.summary:
            with open(args.summary, "a") as out:
                out.write(text + "\n")
    if not args.no_record:
        save(record)
        print(f"recorded in {RECORD.relative_to(REPO)} and the execution report")
    for line in broken:
        print(f"failed: {line}", file=sys.stderr)
    return 1 if broken else 0


# --- freshness ------------------------------------------------------------------------------

def problems(record: dict | None = None) -> list[str]:
    """Why the committed record does not describe the current pages, examples and pins."""
    record = load() if record is None else record
    pages, examples = block_pages(), example_hashes()
    found = []
    for name, col in COLUMNS.items():
        if (problem := envs.lock_problem(col)) and not record.get(name, {}).get("same_as"):
            found.append(problem)
        entry = record.get(name)
        if entry is None:
            found.append(f"column {name!r} was never run")
            continue
        if {k: entry.get(k) for k in ("tensorflow", "keras")} != col.pins():
            found.append(f"column {name!r} ran TensorFlow {entry.get('tensorflow')}, Keras "
                         f"{entry.get('keras')}; {col.pins_file.relative_to(REPO)} asks for "
                         f"{col.pins()['tensorflow']}, {col.pins()['keras']}")
        if "same_as" in entry:
            continue
        stale = sorted(p for p in pages.keys() | entry["pages"].keys()
                       if pages.get(p) != entry["pages"].get(p, {}).get("hash"))
        stale += sorted(n for n in examples.keys() | entry["examples"].keys()
                        if examples.get(n) != entry["examples"].get(n, {}).get("hash"))
        if stale:
            found.append(f"column {name!r} is stale for {', '.join(stale)}")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[2:]))
    sub = parser.add_subparsers(dest="action", required=True)
    runner = sub.add_parser("run", help="run the columns and record their outcomes")
    runner.add_argument("columns", nargs="*", metavar="COLUMN", help=", ".join(COLUMNS))
    runner.add_argument("--python", help="run the column in this interpreter (no install)")
    runner.add_argument("--no-record", action="store_true", help="leave the record unchanged")
    runner.add_argument("--summary", help="append a Markdown summary of what broke to this file")
    runner.add_argument("--workers", type=worker_count,
                        default=os.environ.get("VERSION_WORKERS", "0"),
                        help="pytest-xdist workers for the blocks, and how many smoke runs go at "
                             "once (default 0: one process, one run at a time)")
    sub.add_parser("check", help="exit 1 if the record is stale")
    args = parser.parse_args(argv)
    try:
        if args.action == "run":
            return run(args)
        found = problems()
        for line in found:
            print(f"stale: {line}", file=sys.stderr)
        if found:
            print(f"run `make test-versions` (VERSIONS=... for some columns) and commit "
                  f"{RECORD.relative_to(REPO)}", file=sys.stderr)
            return 1
        print("the version matrix is fresh")
        return 0
    except VersionsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

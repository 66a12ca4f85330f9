"""The recorded version matrix, told to readers: the report's tables and each page's line.

Reads ``docs/generated/versions.json`` (written by version_matrix.py) and nothing else; runs
nothing. A page counts as verified on a pair when every block it shows (its own and those of
the questions it includes) and the smoke run of every example it draws on passed there.
"""

import json
import re
from pathlib import Path, PurePosixPath

import yaml

from scripts import layout
from scripts.version_envs import COLUMNS

DOCS = Path(__file__).resolve().parents[1] / "docs"
RECORD = layout.GENERATED / layout.VERSIONS
QUESTION_INCLUDE = re.compile(r'^\s*-{2}8<-{2} "docs/(questions/[\w-]+\.md)"$', re.M)
EXAMPLE_USE = re.compile(r'generated/(\w+)/|(?:manifest|complete_example)\("(\w+)"\)')
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
TITLE = re.compile(r"^# (.+)$", re.M)
REPORT_ANCHOR = "versions-verified"


def load(path: Path = RECORD) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def columns(record: dict) -> dict[str, dict]:
    """Each recorded column's results, in order; a column that is another's pair shares them."""
    found = {}
    for name in COLUMNS:
        entry = record.get(name)
        if entry and "same_as" in entry:
            entry = {**record.get(entry["same_as"], {}), "same_as": entry["same_as"]}
        if entry and "pages" in entry:
            found[name] = entry
    return found


def pair(entry: dict) -> str:
    return f"TensorFlow {entry['tensorflow']} + Keras {entry['keras']}"


def page_inputs(src_uri: str) -> tuple[list[str], list[str]]:
    """(Markdown files whose blocks the page shows, examples it draws on) for a page."""
    path = PurePosixPath(src_uri)
    if path.suffix == ".ipynb":
        return [], [path.stem]
    source = (DOCS / src_uri).read_text()
    examples = sorted({a or b for a, b in EXAMPLE_USE.findall(source)} | facts_examples(source))
    return [src_uri, *QUESTION_INCLUDE.findall(source)], examples


def facts_examples(source: str) -> set[str]:
    """The examples whose facts a page's front matter names (``facts: NAME`` or a mapping)."""
    match = FRONT_MATTER.match(source)
    named = (yaml.safe_load(match.group(1)) or {}).get("facts") if match else None
    if isinstance(named, dict):
        return set(named.values())
    return {named} if named else set()


def outcome(entry: dict, files: list[str], examples: list[str]) -> tuple[int, int] | None:
    """(checks passed, checks failed) on one column, or None if it verified none of them."""
    pages = [entry["pages"][f] for f in files if f in entry["pages"]]
    runs = [entry["examples"][e] for e in examples if e in entry["examples"]]
    if not pages and not runs:
        return None
    passed = sum(p["passed"] for p in pages) + sum(r["outcome"] == "passed" for r in runs)
    failed = sum(p["failed"] for p in pages) + sum(r["outcome"] != "passed" for r in runs)
    return passed, failed


def what_ran(files: list[str], examples: list[str], entry: dict) -> str:
    blocks = sum(entry["pages"][f]["passed"] + entry["pages"][f]["failed"]
                 for f in files if f in entry["pages"])
    parts = [f"{blocks} code block{'s' * (blocks != 1)}"] if blocks else []
    if examples:
        parts.append(f"the smoke run of {len(examples)} example{'s' * (len(examples) != 1)}")
    return " and ".join(parts)


def verified_line(src_uri: str, record: dict) -> str | None:
    """'Verified on ...' for a page, or None when the matrix checked nothing on it."""
    cols = columns(record)
    files, examples = page_inputs(src_uri)
    held, broke, sample = [], [], None
    for name, entry in cols.items():
        result = outcome(entry, files, examples)
        if result is None or entry.get("same_as") in cols:  # named with the column it shares
            continue
        sample = sample or entry
        labels = [COLUMNS[name].label] + [COLUMNS[n].label for n, e in cols.items()
                                          if e.get("same_as") == name]
        text = f"{pair(entry)} ({', '.join(labels)})"
        if result[1]:
            broke.append(f"{text}, where {result[1]} of {sum(result)} checks failed")
        else:
            held.append(text)
    if sample is None:
        return None
    line = f"Verified on {'; '.join(held)}" if held else "Verified on none of the pairs"
    line += f", on CPU: {what_ran(files, examples, sample)}."
    if broke:
        line += " Fails on " + "; ".join(broke) + "."
    return line


def _cell(result: tuple[int, int] | None) -> str:
    if result is None:
        return "–"
    passed, failed = result
    return f"{passed} passed" if not failed else f"**{failed} failed**, {passed} passed"


def _minutes(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 60:.1f}"


def _page_label(rel: str) -> str:
    """A page as a link with its title; a question (not a page of its own) by its file."""
    if rel.startswith("questions/"):
        return f"`{rel}`"
    match = TITLE.search((DOCS / rel).read_text())
    title = match.group(1) if match else rel
    return f"[{title}](../{rel})"


def matrix_markdown(record: dict) -> list[str]:
    """The execution report's section: pairs, time per column, pages and examples."""
    cols = columns(record)
    if not cols:
        return []
    names = list(cols)
    head = "| | " + " | ".join(COLUMNS[n].label for n in names) + " |"
    rule = "| :-- |" + " --: |" * len(names)

    def row(label, cells):
        return f"| {label} | " + " | ".join(cells) + " |"

    def same(n, text):
        return f"same as {cols[n]['same_as']}" if "same_as" in cols[n] else text

    lines = [
        "## Versions verified",
        "",
        "Every page's code blocks and every example's smoke run (tiny parameters), on each",
        "TensorFlow/Keras pair, recorded by `make test-versions` in `docs/generated/versions.json`.",
        "Each page's \"Verified on\" line is read from here. Times are minutes on the machine that",
        "recorded them (install is a fresh environment from PyPI).",
        "",
        head, rule,
        row("TensorFlow", [cols[n]["tensorflow"] for n in names]),
        row("Keras", [cols[n]["keras"] for n in names]),
        row("NumPy", [cols[n]["numpy"] for n in names]),
        row("Python", [cols[n]["python"] for n in names]),
    ]
    for key, label in (("install", "Install, min"), ("blocks", "Code blocks, min"),
                       ("examples", "Smoke runs, min")):
        lines.append(row(label, [same(n, _minutes(cols[n]["seconds"].get(key))) for n in names]))
    pages = sorted({p for c in cols.values() for p in c["pages"]})
    lines += ["", "| Page (code blocks) | " + " | ".join(COLUMNS[n].label for n in names) + " |", rule]
    lines += [row(_page_label(p), [_cell(outcome(cols[n], [p], [])) for n in names]) for p in pages]
    examples = sorted({e for c in cols.values() for e in c["examples"]})
    lines += ["", "| Example (smoke run) | " + " | ".join(COLUMNS[n].label for n in names) + " |", rule]
    lines += [row(f"`{e}`", [_cell(outcome(cols[n], [], [e])) for n in names]) for e in examples]
    return lines + [""]

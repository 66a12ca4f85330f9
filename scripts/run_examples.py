#!/usr/bin/env python3
"""Execute the handbook's examples and regenerate what the pages show.

Each ``examples/NAME.py`` runs as a notebook; its executed notebook, figures, tables,
results and manifest land in ``docs/generated/NAME/``. Examples whose code, parameters,
shared helpers and library versions are unchanged are skipped.

  python scripts/run_examples.py               # run what is stale, full fidelity
  python scripts/run_examples.py --only NAME   # just this example (repeatable)
  python scripts/run_examples.py --force       # run even when fresh
  python scripts/run_examples.py --smoke       # tiny parameters, into a temp folder (CI)
  python scripts/run_examples.py --check       # exit 1 if any committed artifact is stale
"""

import argparse
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

import example_cache as cache
import execution_report

# A recorded run time is replaced only when a new run differs from it by more than this
# fraction, so that re-running unchanged examples leaves the committed files byte-identical.
TIMING_TOLERANCE = 0.25
interrupted = threading.Event()


def on_interrupt(signum, frame):
    # nbclient may turn a KeyboardInterrupt into another error while it shuts the kernel
    # down; the flag lets the runner still report it as the interruption it was.
    interrupted.set()
    raise KeyboardInterrupt


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.split("\n\n")[2:]),
    )
    parser.add_argument("--only", action="append", metavar="NAME", help="run only NAME")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true", help="run even when up to date")
    mode.add_argument("--smoke", action="store_true",
                      help="tiny parameters, output to a temporary folder; commits nothing")
    mode.add_argument("--check", action="store_true",
                      help="list stale examples and exit 1 if there are any; runs nothing")
    parser.add_argument("--keep", metavar="DIR", type=Path,
                        help="with --smoke: write the outputs to DIR instead of a temp folder")
    return parser.parse_args(argv)


def select(examples, names):
    if not names:
        return examples
    unknown = [n for n in names if n not in examples]
    if unknown:
        valid = ", ".join(examples) or "(none)"
        print(f"error: unknown example {', '.join(map(repr, unknown))}; valid names: {valid}",
              file=sys.stderr)
        sys.exit(2)
    return {n: examples[n] for n in names}


class Progress:
    """One line per example: a ticking elapsed/ETA line on a terminal, start+end otherwise."""

    def __init__(self, label: str, expected: float | None):
        self.label, self.expected = label, expected
        self.start = time.monotonic()
        self.live = sys.stdout.isatty()
        self._stop = threading.Event()
        eta = f", last run took {expected:.0f} s" if expected else ""
        if not self.live:
            print(f"{label}: running{eta}", flush=True)
        self._thread = threading.Thread(target=self._tick, daemon=True)
        self._thread.start()

    def _line(self) -> str:
        elapsed = time.monotonic() - self.start
        eta = f", ETA {max(self.expected - elapsed, 0):.0f} s" if self.expected else ""
        return f"{self.label}: {elapsed:.0f} s elapsed{eta}"

    def _tick(self):
        while self.live and not self._stop.wait(1.0):
            print("\r" + self._line() + "   ", end="", flush=True)

    def finish(self, outcome: str) -> float:
        self._stop.set()
        self._thread.join()
        elapsed = time.monotonic() - self.start
        print(("\r" if self.live else "") + f"{self.label}: {outcome} in {elapsed:.1f} s   ",
              flush=True)
        return elapsed


def recorded_seconds(elapsed: float, previous: dict | None) -> float:
    old = (previous or {}).get("seconds")
    if old and abs(elapsed - old) <= TIMING_TOLERANCE * old:
        return old
    return round(elapsed, 1)


def manifest_for(example, notebook, parameters, seconds, folder) -> dict:
    from execute_example import output_files

    title = next((c.source.splitlines()[0].lstrip("# ") for c in notebook.cells
                  if c.cell_type == "markdown" and c.source.startswith("# ")), example.name)
    return {
        "example": example.name,
        "title": title,
        "source": f"examples/{example.path.name}",
        "source_hash": cache.source_hash(example),
        "cache_key": cache.cache_key(notebook, parameters),
        "parameters": parameters,
        "helpers": cache.helper_hashes(),
        "versions": cache.library_versions(),
        "seconds": seconds,
        "outputs": output_files(folder),
    }


def run_one(example, label, smoke_root: Path | None) -> None:
    """Execute one example; publish into docs/generated (or into smoke_root with --smoke)."""
    import execute_example as ex

    notebook = example.read()
    parameters = cache.default_parameters(notebook)
    overrides = cache.smoke_overrides(notebook) if smoke_root else {}
    final = smoke_root / example.name if smoke_root else example.generated
    previous = None if smoke_root else example.manifest()
    staging = ex.staging_folder(final)
    progress = Progress(label, (previous or {}).get("seconds"))
    try:
        executed = ex.execute(example, overrides, staging)
        ex.write_notebook(executed, staging / example.notebook_name)
        elapsed = progress.finish("done")
        if not smoke_root:
            seconds = recorded_seconds(elapsed, previous)
            ex.write_manifest(manifest_for(example, notebook, parameters, seconds, staging),
                              staging)
        ex.publish(staging, final)
    except BaseException:
        if not progress._stop.is_set():
            progress.finish("stopped")
        shutil.rmtree(staging, ignore_errors=True)
        if interrupted.is_set():
            raise KeyboardInterrupt from None
        raise


def rerender_one(example, label) -> None:
    """Prose-only change: refresh the notebook's Markdown cells, keep every output."""
    import execute_example as ex

    staging = ex.staging_folder(example.generated)
    try:
        shutil.copytree(example.generated, staging, dirs_exist_ok=True)
        ex.write_notebook(ex.rerender(example), staging / example.notebook_name)
        manifest = example.manifest()
        manifest["source_hash"] = cache.source_hash(example)
        ex.write_manifest(manifest, staging)
        ex.publish(staging, example.generated)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    print(f"{label}: prose changed, notebook re-rendered (not re-run)")


def orphans(examples) -> list[Path]:
    if not cache.GENERATED.exists():
        return []
    return [p for p in sorted(cache.GENERATED.iterdir())
            if p.is_dir() and not p.name.startswith(".") and p.name not in examples]


def check(examples) -> int:
    problems = [f"{name}: {reason}" for name, e in examples.items()
                if (reason := cache.staleness(e))]
    problems += [f"{p.name}: generated folder without an example (delete it)"
                 for p in orphans(examples)]
    if not execution_report.is_current(cache.discover()):
        problems.append(f"{execution_report.REPORT.relative_to(cache.REPO)}: out of date")
    for line in problems:
        print(f"stale: {line}")
    if problems:
        print("run `python scripts/run_examples.py` and commit docs/generated/", file=sys.stderr)
        return 1
    print(f"all {len(examples)} examples fresh")
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGINT, on_interrupt)
    try:
        examples = select(cache.discover(), args.only)
        if args.check:
            return check(examples)
        import execute_example as ex

        ex.prepare_environment()
        smoke_root = None
        if args.smoke:
            smoke_root = args.keep or Path(tempfile.mkdtemp(prefix="handbook-smoke-"))
            print(f"smoke run: outputs go to {smoke_root}")
        for index, (name, example) in enumerate(examples.items(), 1):
            label = f"[{index}/{len(examples)}] {name}"
            reason = None if args.smoke or args.force else cache.staleness(example)
            if not (args.smoke or args.force) and reason is None:
                print(f"{label}: up to date, skipped")
            elif reason == "prose":
                rerender_one(example, label)
            else:
                run_one(example, label, smoke_root)
        if not args.smoke:
            execution_report.write(cache.discover())
        return 0
    except cache.ExampleError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted: the published files in docs/generated are unchanged",
              file=sys.stderr)
        return 130
    except Exception as err:
        from execute_example import ExampleFailed

        if not isinstance(err, ExampleFailed):
            raise
        if err.details:
            print(err.details, file=sys.stderr)
        print(f"error: {err.summary}; the other examples' files are unchanged", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

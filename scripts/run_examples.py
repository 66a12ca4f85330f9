#!/usr/bin/env python3
"""Execute the handbook's examples and regenerate what the pages show.

Each ``examples/NAME.py`` runs as a notebook; its executed notebook, figures,
results and manifest land in ``docs/generated/NAME/``. Examples whose code, parameters,
chart style and library versions are unchanged are skipped.

  python -m scripts.run_examples               # run what is stale, full fidelity
  python -m scripts.run_examples --only NAME   # just this example (repeatable)
  python -m scripts.run_examples --force       # run even when fresh
  python -m scripts.run_examples --smoke       # tiny parameters, into a temp folder (CI)
  python -m scripts.run_examples --check       # exit 1 if any committed artifact is stale
"""

import os
import signal
import sys


def quit_before_start(signum, frame):
    sys.stderr.write("interrupted: nothing was run\n")
    os._exit(130)


if __name__ == "__main__":  # Ctrl-C while the imports below load; main() sets its own handler
    signal.signal(signal.SIGINT, quit_before_start)

import argparse
import asyncio
import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path

from scripts import example_cache as cache
from scripts import layout
from scripts import execution_report

DEFAULT_TIME_LIMIT = 1800  # seconds per example; the slowest full run takes about 6 minutes
LOG_EVERY = 30  # seconds between progress lines when the output is not a terminal
interrupted = threading.Event()


def on_interrupt(signum, frame):
    # nbclient may turn a KeyboardInterrupt into another error while it shuts the kernel
    # down; the flag lets the runner still report it as the interruption it was.
    interrupted.set()
    raise KeyboardInterrupt


def say(text: str = "", stream=None, end: str = "\n") -> None:
    """Print, surviving a reader that went away (``... | head``, a ``tee`` killed by Ctrl-C)."""
    stream = stream or sys.stdout
    try:
        stream.write(text + end)
        stream.flush()
    except (BrokenPipeError, ValueError):
        # Further writes, and the one at exit, go nowhere instead of raising again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


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
    parser.add_argument("--timeout", metavar="SECONDS", type=float, default=DEFAULT_TIME_LIMIT,
                        help=f"stop an example that runs longer (default {DEFAULT_TIME_LIMIT})")
    args = parser.parse_args(argv)
    if args.keep and not args.smoke:
        parser.error("--keep goes with --smoke (full runs always publish to docs/generated)")
    if args.keep and args.keep.resolve().is_relative_to(layout.GENERATED.resolve()):
        parser.error(f"--keep {args.keep} is inside {cache.shown(layout.GENERATED)}, where the "
                     "committed full runs live; give a folder outside it")
    if args.timeout <= 0:
        parser.error("--timeout takes a positive number of seconds")
    return args


def select(examples, names):
    if not names:
        return examples
    unknown = [n for n in names if n not in examples]
    if unknown:
        valid = ", ".join(examples) or "(none)"
        raise cache.ExampleError(f"unknown example {', '.join(map(repr, unknown))}; "
                                 f"valid names: {valid}")
    return {n: examples[n] for n in names}


class Progress:
    """A ticking line on a terminal; in a log, a start line and one every LOG_EVERY seconds."""

    def __init__(self, label: str, expected: float | None):
        self.label, self.expected, self.cell, self.cells = label, expected, 0, 0
        self.start = time.monotonic()
        self.live = sys.stdout.isatty()
        self._stop = threading.Event()
        if not self.live:
            say(f"{label}: running" + (f", last run took {expected:.0f} s" if expected else ""))
        self._thread = threading.Thread(target=self._tick, daemon=True)
        self._thread.start()

    def at_cell(self, index: int, total: int) -> None:
        self.cell, self.cells = index + 1, total

    def _line(self) -> str:
        elapsed = time.monotonic() - self.start
        where = f", cell {self.cell} of {self.cells}" if self.cells else ""
        eta = f", ETA {max(self.expected - elapsed, 0):.0f} s" if self.expected else ""
        return f"{self.label}: {elapsed:.0f} s elapsed{where}{eta}"

    def _tick(self):
        while not self._stop.wait(1.0 if self.live else LOG_EVERY):
            if self.live:
                say("\r" + self._line() + "   ", end="")
            else:
                say(self._line())

    def finish(self, outcome: str) -> float:
        if not self._stop.is_set():
            self._stop.set()
            self._thread.join()
            elapsed = time.monotonic() - self.start
            say(("\r" if self.live else "") + f"{self.label}: {outcome} in {elapsed:.1f} s   ")
        return time.monotonic() - self.start


def previous_manifest(example) -> dict | None:
    """The published manifest, or None if there is none or it is unreadable (a run repairs it)."""
    try:
        return example.manifest()
    except cache.ExampleError:
        return None


def run_one(example, label, smoke_root: Path | None, time_limit: float) -> None:
    """Execute one example; publish into docs/generated (or into smoke_root with --smoke)."""
    from scripts import execute_example as ex

    notebook = example.read()
    parameters = cache.default_parameters(notebook, example.name)
    overrides = cache.smoke_overrides(notebook, example.name) if smoke_root else {}
    final = smoke_root / example.name if smoke_root else example.generated
    previous = None if smoke_root else previous_manifest(example)
    progress = Progress(label, (previous or {}).get("seconds"))
    staging = ex.staging_folder(final)
    try:
        executed, record = ex.execute(example, overrides, time_limit, progress)
        ex.write_outputs(example, executed, record, staging)
        elapsed = progress.finish("done")
        if not smoke_root:
            key = cache.cache_key(notebook, parameters)
            # The same computation keeps its recorded time: a re-run on a slower (or busier)
            # machine must not change committed files.
            same = previous and previous.get("cache_key") == key and previous.get("seconds")
            ex.write_manifest({
                "example": example.name,
                "title": title(notebook, example.name),
                "source": f"examples/{example.path.name}",
                "source_hash": cache.source_hash(example),
                "cache_key": key,
                "parameters": parameters,
                "versions": cache.library_versions(),
                "seconds": previous["seconds"] if same else round(elapsed, 1),
                "outputs": cache.output_hashes(staging),
            }, staging)
        ex.publish(staging, final)
    except BaseException as error:
        progress.finish("stopped")
        shutil.rmtree(staging, ignore_errors=True)
        # While the kernel starts, asyncio's own Ctrl-C handler is the one in place: it
        # cancels the start instead of calling on_interrupt.
        if interrupted.is_set() or isinstance(error, asyncio.CancelledError):
            raise KeyboardInterrupt from None
        raise


def title(notebook, default: str) -> str:
    return next((c.source.splitlines()[0].lstrip("# ") for c in notebook.cells
                 if c.cell_type == "markdown" and c.source.startswith("# ")), default)


def rerender_one(example, label) -> None:
    """Prose-only change: refresh the notebook's Markdown cells, keep every output."""
    from scripts import execute_example as ex

    staging = ex.staging_folder(example.generated)
    try:
        shutil.copytree(example.generated, staging, dirs_exist_ok=True)
        ex.write_notebook(ex.rerender(example), staging / example.notebook_name)
        manifest = example.manifest()
        manifest["source_hash"] = cache.source_hash(example)
        manifest["title"] = title(example.read(), example.name)
        manifest["outputs"] = cache.output_hashes(staging)
        ex.write_manifest(manifest, staging)
        ex.publish(staging, example.generated)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    say(f"{label}: prose changed, notebook re-rendered (not re-run)")


def orphans(examples) -> list[Path]:
    if not layout.GENERATED.exists():
        return []
    return [p for p in sorted(layout.GENERATED.iterdir())
            if p.is_dir() and not p.name.startswith(".") and p.name not in examples]


def check(selected, everything) -> int:
    problems = []
    for name, example in selected.items():
        try:
            reason = cache.staleness(example)
        except cache.ExampleError as err:
            reason = str(err)
        if reason:
            problems.append(f"{name}: {reason}")
    if selected.keys() == everything.keys():  # with --only, other folders are not orphans
        problems += [f"{p.name}: generated folder without an example (delete it)"
                     for p in orphans(everything)]
        try:
            if not execution_report.is_current(everything):
                problems.append(f"{cache.shown(layout.report_path())}: out of date")
        except cache.ExampleError as err:
            problems.append(str(err))
    for line in problems:
        say(f"stale: {line}")
    if problems:
        say("run `python -m scripts.run_examples` and commit docs/generated/", sys.stderr)
        return 1
    say(f"all {len(selected)} examples fresh" if len(selected) > 1 else f"{next(iter(selected))} is fresh")
    return 0


def run(args) -> int:
    everything = cache.discover()
    examples = select(everything, args.only)
    if args.check:
        return check(examples, everything)
    from scripts import handbook_env

    handbook_env.prepare_kernel_environment()
    smoke_root = None
    if args.smoke:
        smoke_root = args.keep or Path(tempfile.mkdtemp(prefix="handbook-smoke-"))
        say(f"smoke run: outputs go to {smoke_root}")
    for index, (name, example) in enumerate(examples.items(), 1):
        label = f"[{index}/{len(examples)}] {name}"
        if args.smoke or args.force:
            reason = "forced"
        else:
            try:
                reason = cache.staleness(example)
            except cache.ExampleError:
                reason = "unreadable manifest"  # a run writes a new one
        if reason is None:
            say(f"{label}: up to date, skipped")
        elif reason == "prose":
            rerender_one(example, label)
        else:
            run_one(example, label, smoke_root, args.timeout)
    if not args.smoke:
        execution_report.write(everything)
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGINT, on_interrupt)
    try:
        return run(args)
    except cache.ExampleError as err:
        say(f"error: {err}", sys.stderr)
        return 2
    except KeyboardInterrupt:
        # nbclient's kernel-polling task may die with the kernel; asyncio would print its
        # traceback at exit, which says nothing the line below does not.
        logging.getLogger("asyncio").disabled = True
        # CPython remembers a KeyboardInterrupt that escaped an exec() of source text
        # (fastjsonschema compiles nbformat's validator that way) and would end the process
        # by SIGINT instead of the code returned here; the next such exec() forgets it.
        exec("")
        say("\ninterrupted: the published files in docs/generated are unchanged", sys.stderr)
        return 130
    except Exception as err:
        from scripts.execute_example import ExampleFailed

        if not isinstance(err, ExampleFailed):
            raise
        if err.details:
            say(err.details, sys.stderr)
        say(f"error: {err.summary}; the published files are unchanged", sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

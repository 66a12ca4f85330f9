"""Executing one example as a notebook, capturing what pages use, publishing without loss.

The example is a plain Keras program. It runs in a fresh kernel whose environment
``handbook_env.prepare_kernel_environment`` set; the runner then captures:

- figures: every figure a cell displays, named by that cell's ``figures=[...]`` metadata;
- results: the ``results`` dict the example ends with, written as ``results.json``, raw
  values only: the tables pages show are built from them by ``scripts/facts/NAME.py``.

Files are written into a staging folder that replaces the published one, by renames, only
when everything succeeded.
"""

import copy
import json
import math
import re
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from scripts.example_cache import MANIFEST, RESULTS, Example, parameters_cell

KEEP_NOTEBOOK_METADATA = ("language_info",)
RUNNER_CELL_METADATA = ("smoke", "figures", "lines_to_next_cell", "execution")
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
# Results keep this many significant digits: beyond float32's precision, so a number a page
# writes to 3 or 4 decimals is rounded once, from the value itself (6 decimals made a value
# such as 0.63625002 a tie, 0.63625, which then rounded down).
SIGNIFICANT_DIGITS = 10
SVG = "image/svg+xml"
CAPTURE = "capture"
# Run after the example's last cell, in its kernel; never published.
CAPTURE_SOURCE = """\
import json as _json
def _plain(value):
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON-serialisable")
try:
    results
except NameError:
    raise NameError("the example defines no `results` dict") from None
print(_json.dumps({"results": results}, default=_plain))
"""
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


class ExampleFailed(Exception):
    """The example did not run through; ``summary`` is one line, ``details`` the cell."""

    def __init__(self, summary: str, details: str = ""):
        super().__init__(summary)
        self.summary = summary
        self.details = details


def with_runner_cells(notebook, name: str, overrides: dict):
    """A copy with the smoke parameters injected after the parameters cell and the capture
    cell appended."""
    notebook = copy.deepcopy(notebook)
    if overrides:
        lines = ["# Parameters injected by scripts/run_examples.py"]
        lines += [f"{key} = {value!r}" for key, value in overrides.items()]
        cell = nbformat.v4.new_code_cell("\n".join(lines),
                                         metadata={"tags": ["injected-parameters"]})
        notebook.cells.insert(parameters_cell(notebook, name) + 1, cell)
    notebook.cells.append(nbformat.v4.new_code_cell(CAPTURE_SOURCE, metadata={"tags": [CAPTURE]}))
    return notebook


def merge_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks: how a print is split depends on timing."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.output_type == "stream" and previous is not None
                and previous.output_type == "stream" and previous.name == output.name):
            previous.text += output.text
        else:
            merged.append(output)
    return merged


def normalise(notebook):
    """Strip everything that changes between identical runs or concerns only the runner."""
    notebook.metadata = {k: v for k, v in notebook.metadata.items()
                         if k in KEEP_NOTEBOOK_METADATA}
    notebook.metadata["kernelspec"] = KERNELSPEC
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index}"
        for key in RUNNER_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    return notebook


def failure(name: str, err) -> ExampleFailed:
    """One line for a cell that raised; a missing dataset gets its remedy."""
    if "fetch failure" in err.evalue or "URL fetch" in err.evalue:
        url = re.search(r"https?://\S+?(?=[:\s]|$)", err.evalue)
        wanted = url.group(0).rsplit("/", 1)[-1] if url else "a dataset"
        return ExampleFailed(
            f"example {name!r}: {wanted} is not in the Keras cache ($KERAS_HOME/datasets) and "
            "could not be downloaded; copy the Keras dataset files there, or set "
            "HANDBOOK_DATASETS to a folder holding them (datasets/...)")
    details = ANSI_COLOUR.sub("", str(err))
    return ExampleFailed(f"example {name!r} raised {err.ename}: {err.evalue}", details)


def execute(example: Example, overrides: dict, time_limit: float, progress):
    """Run the example in a fresh kernel, in a temporary working folder (so that nothing
    it might write lands anywhere); return (executed notebook, captured record)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    notebook = with_runner_cells(example.read(), example.name, overrides)
    deadline = time.monotonic() + time_limit
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout_func=lambda cell: max(1, deadline - time.monotonic()),
        record_timing=False,
        extra_arguments=["--IPKernelApp.log_level=ERROR", "--InlineBackend.figure_formats=svg"],
        on_cell_start=lambda cell, cell_index: progress.at_cell(cell_index, len(notebook.cells)),
    )
    workdir = tempfile.TemporaryDirectory(prefix="handbook-kernel-")
    client.resources = {"metadata": {"path": workdir.name}}
    kernel_log = Path(workdir.name) / ".kernel.log"
    try:
        with open(kernel_log, "w") as log:  # the kernel's own chatter, shown only if it dies
            client.execute(stderr=log)
    except CellTimeoutError:
        raise ExampleFailed(
            f"example {example.name!r} still running after {time_limit:.0f} s, its time limit "
            f"(cell {progress.cell} of {len(notebook.cells)}); stopped it. If it is just slow, "
            "raise the limit with --timeout SECONDS") from None
    except CellExecutionError as err:
        raise failure(example.name, err) from None
    except Exception as err:
        # On Ctrl-C nbclient's own signal handler shuts the kernel down, and the interrupt
        # surfaces as a dead-kernel error; its cleanup future tells the two apart.
        if getattr(client, "_async_cleanup_kernel_future", None) is not None:
            raise KeyboardInterrupt from None
        summary = f"example {example.name!r}: the kernel failed ({type(err).__name__}: {err})"
        raise ExampleFailed(summary, kernel_log.read_text()[-4000:]) from None
    finally:
        workdir.cleanup()
    capture = notebook.cells.pop()
    record = json.loads("".join(o.text for o in capture.outputs if o.output_type == "stream"))
    return normalise(notebook), record


def figures(notebook, source, name: str) -> dict[str, str]:
    """Each displayed SVG figure, by the name its cell gives it in ``figures=[...]``."""
    names = [c.metadata.get("figures", []) for c in source.cells if c.cell_type == "code"]
    executed = [c for c in notebook.cells
                if c.cell_type == "code" and "injected-parameters" not in c.metadata.get("tags", [])]
    found = {}
    for number, (cell, wanted) in enumerate(zip(executed, names), 1):
        shown = [o.data[SVG] for o in cell.outputs if SVG in o.get("data", {})]
        if len(shown) != len(wanted):
            raise ExampleFailed(
                f"example {name!r}: code cell {number} shows {len(shown)} figure(s) but names "
                f"{len(wanted)}; list one name per figure in its `# %% figures=[...]` line")
        found.update(zip(wanted, shown))
    return found


def rounded(value):
    if isinstance(value, float):
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}") if math.isfinite(value) else str(value)
    if isinstance(value, dict):
        return {str(k): rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(v) for v in value]
    return value


def write_outputs(example: Example, notebook, record: dict, folder: Path) -> None:
    """The notebook, its figures and results, into ``folder``."""
    write_notebook(notebook, folder / example.notebook_name)
    for name, svg in figures(notebook, example.read(), example.name).items():
        (folder / f"{name}.svg").write_text(svg)
    (folder / RESULTS).write_text(
        json.dumps(rounded(record["results"]), indent=2, sort_keys=True) + "\n")


def rerender(example: Example):
    """The current source with the outputs of the published notebook (code is unchanged)."""
    published = nbformat.read(example.generated / example.notebook_name, as_version=4)
    old_code = [c for c in published.cells if c.cell_type == "code"]
    notebook = example.read()
    new_code = [c for c in notebook.cells if c.cell_type == "code"]
    if [c.source for c in new_code] != [c.source for c in old_code]:
        raise ExampleFailed(f"example {example.name!r}: code cells differ; re-run it")
    for new, old in zip(new_code, old_code):
        new.outputs, new.execution_count = old.outputs, old.execution_count
    return normalise(notebook)


def write_notebook(notebook, path: Path) -> None:
    path.write_text(nbformat.writes(notebook) + "\n")


def write_manifest(manifest: dict, folder: Path) -> None:
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def staging_folder(final: Path) -> Path:
    """A hidden folder beside ``final`` (same file system, so publishing is a rename)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".staging-{final.name}-", dir=final.parent))


def publish(staging: Path, final: Path) -> None:
    """Replace ``final`` by ``staging`` with renames; the old folder goes only at the end."""
    retired = None
    if final.exists():
        retired = final.with_name(f".retired-{final.name}")
        shutil.rmtree(retired, ignore_errors=True)
        final.rename(retired)
    staging.chmod(0o755)  # mkdtemp made it private
    staging.rename(final)
    if retired is not None:
        shutil.rmtree(retired)

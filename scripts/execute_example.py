"""Executing one example as a notebook and publishing its files without losing any.

The notebook runs in a fresh kernel whose working folder is a staging folder; the example
writes its figures, tables and results there (``output_dir = "."``). Only when everything
succeeded does the staging folder replace the published one, by renames.
"""

import copy
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

from example_cache import EXAMPLES, HELPERS, MANIFEST, RESULTS, Example, parameters_cell

sys.path.insert(0, str(HELPERS.parent))
from common.environment import configure_keras_cache, quiet_tensorflow  # noqa: E402

CELL_TIMEOUT = 3600  # seconds; a full-fidelity CNN epoch loop fits comfortably
KEEP_NOTEBOOK_METADATA = ("language_info",)
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


class ExampleFailed(Exception):
    """The example raised; ``summary`` is one line, ``details`` the cell and traceback."""

    def __init__(self, summary: str, details: str = ""):
        super().__init__(summary)
        self.summary = summary
        self.details = details


def prepare_environment() -> None:
    """The kernel inherits this process's environment: set it once, before any kernel starts."""
    quiet_tensorflow()
    configure_keras_cache()
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    inherited = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    paths = [str(HELPERS.parent), str(EXAMPLES), *inherited]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))


def with_parameters(notebook, overrides: dict):
    """A copy of ``notebook`` with an injected-parameters cell after its parameters cell."""
    notebook = copy.deepcopy(notebook)
    lines = ["# Parameters injected by scripts/run_examples.py"]
    lines += [f"{key} = {value!r}" for key, value in overrides.items()]
    cell = nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": ["injected-parameters"]})
    notebook.cells.insert(parameters_cell(notebook) + 1, cell)
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
    """Strip everything that changes between identical runs (ids, timings, local metadata)."""
    notebook.metadata = {
        k: v for k, v in notebook.metadata.items() if k in KEEP_NOTEBOOK_METADATA
    }
    notebook.metadata["kernelspec"] = KERNELSPEC
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index}"
        cell.metadata.pop("execution", None)
        for key in ("smoke", "lines_to_next_cell"):
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    return notebook


def execute(example: Example, overrides: dict, workdir: Path):
    """Run the example with ``overrides`` in ``workdir``; return the executed notebook."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = with_parameters(example.read(), {"output_dir": ".", **overrides})
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        record_timing=False,
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no transport chatter
        resources={"metadata": {"path": str(workdir)}},
    )
    kernel_log = workdir.parent / f".kernel-{workdir.name}.log"
    try:
        with open(kernel_log, "w") as log:  # the kernel's own chatter, shown only if it dies
            client.execute(stderr=log)
    except CellExecutionError as err:
        if err.ename == "DatasetUnavailable":
            raise ExampleFailed(f"example {example.name!r}: {err.evalue}") from None
        raise ExampleFailed(
            f"example {example.name!r} raised {err.ename}: {err.evalue}", str(err)
        ) from None
    except Exception as err:
        # On Ctrl-C nbclient's own signal handler shuts the kernel down, and the interrupt
        # surfaces as a dead-kernel error; its cleanup future tells the two apart.
        if getattr(client, "_async_cleanup_kernel_future", None) is not None:
            raise KeyboardInterrupt from None
        summary = f"example {example.name!r}: the kernel failed ({type(err).__name__}: {err})"
        raise ExampleFailed(summary, kernel_log.read_text()[-4000:]) from None
    finally:
        kernel_log.unlink(missing_ok=True)
    if not (workdir / RESULTS).exists():
        raise ExampleFailed(f"example {example.name!r} ran but wrote no {RESULTS}")
    return normalise(notebook)


def rerender(example: Example):
    """The current source with the outputs of the published notebook (code is unchanged)."""
    published = nbformat.read(example.generated / example.notebook_name, as_version=4)
    old_code = [c for c in published.cells if c.cell_type == "code"]
    injected = [c for c in old_code if "injected-parameters" in c.metadata.get("tags", [])]
    notebook = example.read()
    if injected:
        notebook.cells.insert(parameters_cell(notebook) + 1, injected[0])
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


def output_files(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST
    )


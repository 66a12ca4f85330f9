"""execute_example: runner cells, notebook normalisation, failures, figures, results rounding,
the Markdown table writer, and publishing by renames (the kernel itself: tests/test_run_examples.py)."""

import json
import math
import stat

import jupytext
import nbformat
import numpy as np
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from scripts import layout
from scripts import example_cache
from scripts import execute_example as ex

SOURCE = '''\
# %% [markdown]
# # Tiny example

# %% tags=["parameters"] smoke={"value": 1}
value = 3

# %% figures=["line", "bars"]
results = {"total": value}
'''


def stream(text, name="stdout"):
    return new_output("stream", name=name, text=text)


def svg(body):
    return new_output("display_data", data={ex.SVG: body, "text/plain": "<Figure>"})


# --- the runner's cells ---------------------------------------------------------------------

def test_smoke_parameters_are_injected_after_the_parameters_cell():
    source = jupytext.reads(SOURCE, fmt="py:percent")
    notebook = ex.with_runner_cells(source, "tiny", {"value": 1, "name": "a"})
    injected = notebook.cells[2]
    assert injected.source == "# Parameters injected by scripts/run_examples.py\nvalue = 1\nname = 'a'"
    assert injected.metadata["tags"] == ["injected-parameters"]
    assert notebook.cells[3].source == source.cells[2].source
    assert notebook.cells[-1].source == ex.CAPTURE_SOURCE
    assert notebook.cells[-1].metadata["tags"] == [ex.CAPTURE]
    assert len(source.cells) == 3, "the example's own notebook was changed"


def test_without_overrides_only_the_capture_cell_is_added():
    source = jupytext.reads(SOURCE, fmt="py:percent")
    notebook = ex.with_runner_cells(source, "tiny", {})
    assert [c.source for c in notebook.cells[:-1]] == [c.source for c in source.cells]
    assert notebook.cells[-1].metadata["tags"] == [ex.CAPTURE]


def capture(namespace):
    """Run the capture cell as the kernel would, in ``namespace``; what it prints."""
    printed = []
    namespace["print"] = printed.append
    exec(ex.CAPTURE_SOURCE, namespace)
    return json.loads(printed[0])


def test_capture_cell_prints_results_as_json():
    record = capture({"results": {"loss": np.float32(0.5), "curve": np.arange(3)}})
    assert record == {"results": {"loss": 0.5, "curve": [0, 1, 2]}}
    assert capture({"results": {}}) == {"results": {}}


def test_capture_cell_without_results_says_so():
    with pytest.raises(NameError, match=r"^the example defines no `results` dict$"):
        capture({})


def test_capture_cell_names_what_cannot_be_serialised():
    with pytest.raises(TypeError, match="object is not JSON-serialisable"):
        capture({"results": {"x": object()}})


# --- normalisation ----------------------------------------------------------------------------

def test_merge_streams_joins_consecutive_chunks_of_one_stream_only():
    merged = ex.merge_streams([stream("a"), stream("b\n"), stream("!", "stderr"), stream("c"),
                               svg("<svg/>"), stream("d"), stream("e")])
    assert [(o.output_type, o.get("name"), o.get("text")) for o in merged] == [
        ("stream", "stdout", "ab\n"), ("stream", "stderr", "!"), ("stream", "stdout", "c"),
        ("display_data", None, None), ("stream", "stdout", "de")]
    assert ex.merge_streams([]) == []


def test_normalise_strips_what_changes_between_runs():
    notebook = new_notebook(metadata={"language_info": {"name": "python"}, "widgets": {},
                                      "kernelspec": {"name": "other", "display_name": "Other"}})
    notebook.nbformat_minor = 2
    notebook.cells = [
        new_markdown_cell("# T", metadata={"lines_to_next_cell": 2}),
        new_code_cell("print(1)", metadata={"tags": ["parameters"], "smoke": {}, "figures": [],
                                            "execution": {"iopub.status.busy": "2020"}},
                      outputs=[stream("1"), stream("\n")]),
    ]
    result = ex.normalise(notebook)
    assert result.metadata == {"language_info": {"name": "python"}, "kernelspec": ex.KERNELSPEC}
    assert (result.nbformat, result.nbformat_minor) == (4, 5)
    assert [c.id for c in result.cells] == ["cell-0", "cell-1"]
    assert result.cells[0].metadata == {}
    assert result.cells[1].metadata == {"tags": ["parameters"]}
    assert [o.text for o in result.cells[1].outputs] == ["1\n"]
    nbformat.validate(result)


# --- failures ---------------------------------------------------------------------------------

class CellError(Exception):
    """Shaped like nbclient's CellExecutionError."""

    def __init__(self, ename, evalue, text=""):
        super().__init__(text)
        self.ename, self.evalue = ename, evalue


def test_failure_gives_the_error_and_the_cell_without_colour():
    err = CellError("ValueError", "broken on purpose", "\x1b[0;31mraise ValueError\x1b[0m here")
    failed = ex.failure("bad", err)
    assert failed.summary == "example 'bad' raised ValueError: broken on purpose"
    assert str(failed) == failed.summary
    assert failed.details == "raise ValueError here"


@pytest.mark.parametrize("evalue, wanted", [
    ("Exception: URL fetch failure on https://storage.googleapis.com/x/mnist.npz: None -- "
     "[Errno 111]", "mnist.npz"),
    ("fetch failure on https://host/data/train.gz", "train.gz"),
    ("URL fetch failure, no address", "a dataset"),
])
def test_missing_dataset_names_the_file_and_the_remedy(evalue, wanted):
    failed = ex.failure("needs_data", CellError("Exception", evalue))
    assert failed.summary.startswith(f"example 'needs_data': {wanted} is not in the Keras cache "
                                     "($KERAS_HOME/datasets) and could not be downloaded;")
    assert "HANDBOOK_DATASETS" in failed.summary
    assert failed.details == ""


# --- figures ----------------------------------------------------------------------------------

def executed(*outputs_per_cell, injected=False):
    cells = [new_markdown_cell("# T"), new_code_cell("value = 3")]
    if injected:
        cells.append(new_code_cell("value = 1", metadata={"tags": ["injected-parameters"]}))
    cells += [new_code_cell("plot", outputs=list(outputs)) for outputs in outputs_per_cell]
    return new_notebook(cells=cells)


@pytest.mark.parametrize("injected", [False, True], ids=["full", "smoke"])
def test_figures_are_named_by_their_cell(injected):
    source = jupytext.reads(SOURCE, fmt="py:percent")
    notebook = executed([stream("x"), svg("<svg>1</svg>"), svg("<svg>2</svg>")], injected=injected)
    assert ex.figures(notebook, source, "tiny") == {"line": "<svg>1</svg>", "bars": "<svg>2</svg>"}


@pytest.mark.parametrize("shown", [1, 3])
def test_figures_and_names_that_do_not_match_are_refused(shown):
    source = jupytext.reads(SOURCE, fmt="py:percent")
    notebook = executed([svg(f"<svg>{i}</svg>") for i in range(shown)])
    with pytest.raises(ex.ExampleFailed, match=rf"^example 'tiny': code cell 2 shows {shown} "
                                               r"figure\(s\) but names 2; list one name per "
                                               r"figure in its `# %% figures=\[...\]` line$"):
        ex.figures(notebook, source, "tiny")


# --- results ------------------------------------------------------------------------------

def test_rounded_keeps_ten_significant_digits_and_makes_results_json_safe():
    value = {1: 1 / 3, "nested": [(2.00000000004, True), {"n": 7}], "s": "x", "none": None,
             "small": 4.5123456789e-08, "bad": [math.nan, math.inf, -math.inf]}
    assert ex.rounded(value) == {"1": 0.3333333333, "nested": [[2.0, True], {"n": 7}], "s": "x",
                                 "none": None, "small": 4.512345679e-08,
                                 "bad": ["nan", "inf", "-inf"]}
    json.dumps(ex.rounded(value), allow_nan=False)


# --- writing and publishing --------------------------------------------------------------------

@pytest.fixture
def tiny(tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "GENERATED", tmp_path / "generated")
    path = tmp_path / "tiny.py"
    path.write_text(SOURCE)
    return example_cache.Example("tiny", path)


def test_write_outputs_writes_notebook_figures_and_rounded_results(tiny, tmp_path):
    notebook = ex.normalise(executed([svg("<svg>1</svg>"), svg("<svg>2</svg>")]))
    record = {"results": {"loss": 0.1234567, "b": 1}}
    folder = tmp_path / "out"
    folder.mkdir()
    ex.write_outputs(tiny, notebook, record, folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "bars.svg", "line.svg", "results.json", "tiny.ipynb"]
    assert (folder / "line.svg").read_text() == "<svg>1</svg>"
    assert (folder / "results.json").read_text() == '{\n  "b": 1,\n  "loss": 0.1234567\n}\n'
    assert nbformat.read(folder / "tiny.ipynb", as_version=4) == notebook


def test_write_notebook_and_manifest_end_with_a_newline_and_sort_keys(tmp_path):
    ex.write_manifest({"b": 1, "a": {"d": 2, "c": 3}}, tmp_path)
    assert (tmp_path / ex.MANIFEST).read_text() == (
        '{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}\n')
    ex.write_notebook(ex.normalise(executed()), tmp_path / "n.ipynb")
    text = (tmp_path / "n.ipynb").read_text()
    assert text.endswith("}\n") and not text.endswith("\n\n")


def test_rerender_takes_the_new_prose_and_the_published_outputs(tiny):
    tiny.generated.mkdir(parents=True)
    published = ex.normalise(jupytext.reads(SOURCE, fmt="py:percent"))
    published.cells[2].outputs = [stream("3\n")]
    published.cells[2].execution_count = 2
    ex.write_notebook(published, tiny.generated / tiny.notebook_name)
    tiny.path.write_text(SOURCE.replace("# # Tiny example", "# # Tiny example, retitled"))
    notebook = ex.rerender(tiny)
    assert notebook.cells[0].source == "# Tiny example, retitled"
    assert notebook.cells[2].outputs == [stream("3\n")]
    assert notebook.cells[2].execution_count == 2
    assert notebook.cells[1].metadata == {"tags": ["parameters"]}


def test_rerender_refuses_changed_code(tiny):
    tiny.generated.mkdir(parents=True)
    ex.write_notebook(ex.normalise(jupytext.reads(SOURCE, fmt="py:percent")),
                      tiny.generated / tiny.notebook_name)
    tiny.path.write_text(SOURCE.replace("value = 3", "value = 4"))
    with pytest.raises(ex.ExampleFailed, match=r"^example 'tiny': code cells differ; re-run it$"):
        ex.rerender(tiny)


def test_staging_folder_is_hidden_beside_the_final_one(tmp_path):
    final = tmp_path / "generated" / "tiny"
    staging = ex.staging_folder(final)
    assert staging.parent == final.parent and staging.is_dir()
    assert staging.name.startswith(".staging-tiny-")
    assert ex.staging_folder(final) != staging


@pytest.mark.parametrize("existing", [False, True], ids=["first", "replace"])
def test_publish_replaces_the_folder_and_leaves_nothing_behind(tmp_path, existing):
    final = tmp_path / "tiny"
    if existing:
        final.mkdir()
        (final / "old.txt").write_text("old")
    staging = ex.staging_folder(final)
    (staging / "new.txt").write_text("new")
    ex.publish(staging, final)
    assert [p.name for p in final.iterdir()] == ["new.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["tiny"]
    assert stat.S_IMODE(final.stat().st_mode) == 0o755


def test_example_failed_keeps_summary_and_details():
    failed = ex.ExampleFailed("one line", "the cell")
    assert (str(failed), failed.summary, failed.details) == ("one line", "one line", "the cell")
    assert ex.ExampleFailed("x").details == ""

"""run_examples in-process: arguments, selection, freshness checks, manifest errors, and what
``main(argv)`` answers, on examples of the tests' own.

The kernel is replaced by ``exec`` of the code cells in this process (``run_in_process``), so
each case takes milliseconds; tests/test_run_examples.py runs the real kernel where it is the
point (figures, failing cells, missing datasets, time limits, Ctrl-C).
"""

import contextlib
import io
import json
import logging
import os
import signal

import pytest
from nbformat.v4 import new_output

from scripts import layout
from scripts import example_cache as cache
from scripts import execute_example
from scripts import execution_report
from scripts import handbook_env
from scripts import run_examples

TINY = '''\
# %% [markdown]
# # Tiny example
#
# **Description:** writes a number.

# %% tags=["parameters"] smoke={"value": 1}
value = 3

# %%
total = sum(range(value))
print("total", total)
results = {"total": total}
'''


def run_in_process(example, overrides, time_limit, progress):
    """What ``execute_example.execute`` returns, with the code cells run by ``exec``."""
    notebook = execute_example.with_runner_cells(example.read(), example.name, overrides)
    namespace = {}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        progress.at_cell(index, len(notebook.cells))
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(cell.source, namespace)
        cell.outputs = [new_output("stream", name="stdout", text=printed.getvalue())]
    capture = notebook.cells.pop()
    return execute_example.normalise(notebook), json.loads(capture.outputs[0].text)


class Sandbox:
    def __init__(self, root):
        self.examples, self.generated = root / "examples", root / "generated"
        self.examples.mkdir()
        self.executed = []  # names of the examples "executed", in order

    def write(self, name, source=TINY):
        path = self.examples / f"{name}.py"
        path.write_text(source)
        return path

    def snapshot(self) -> dict:
        return {str(p.relative_to(self.generated)): p.read_bytes()
                for p in sorted(self.generated.rglob("*")) if p.is_file()}

    def hidden(self) -> list[str]:
        return [p.name for p in self.generated.iterdir() if p.name.startswith(".")]


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    box = Sandbox(tmp_path)
    monkeypatch.setattr(layout, "EXAMPLES", box.examples)
    monkeypatch.setattr(layout, "GENERATED", box.generated)
    monkeypatch.setattr(handbook_env, "prepare_kernel_environment", lambda: None)

    def execute(example, *args):
        box.executed.append(example.name)
        return run_in_process(example, *args)

    monkeypatch.setattr(execute_example, "execute", execute)
    handler = signal.getsignal(signal.SIGINT)
    asyncio_logger = logging.getLogger("asyncio").disabled
    yield box
    signal.signal(signal.SIGINT, handler)  # main() installs its own
    logging.getLogger("asyncio").disabled = asyncio_logger
    run_examples.interrupted.clear()


def main(capsys, *argv):
    """(exit code, stdout, stderr) of ``run_examples.main(argv)``; argparse's exit included."""
    capsys.readouterr()
    try:
        code = run_examples.main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


# --- arguments ----------------------------------------------------------------------------------

def test_defaults():
    args = run_examples.parse_args([])
    assert (args.only, args.force, args.smoke, args.check, args.keep) == (None, False, False,
                                                                          False, None)
    assert args.timeout == run_examples.DEFAULT_TIME_LIMIT
    assert run_examples.parse_args(["--only", "a", "--only", "b"]).only == ["a", "b"]


@pytest.mark.parametrize("argv, message", [
    (["--keep", "out"], "--keep goes with --smoke (full runs always publish to docs/generated)"),
    (["--timeout", "0"], "--timeout takes a positive number of seconds"),
    (["--timeout", "-3"], "--timeout takes a positive number of seconds"),
    (["--timeout", "soon"], "argument --timeout: invalid float value: 'soon'"),
    (["--smoke", "--check"], "argument --check: not allowed with argument --smoke"),
    (["--force", "--smoke"], "argument --smoke: not allowed with argument --force"),
    (["--only"], "argument --only: expected one argument"),
    (["--fast"], "unrecognized arguments: --fast"),
])
def test_bad_arguments_exit_2_with_one_line(sandbox, capsys, argv, message):
    sandbox.write("tiny")
    code, out, err = main(capsys, *argv)
    assert code == 2
    assert last_line(err).endswith(f"error: {message}")
    assert out == "" and sandbox.executed == [] and not sandbox.generated.exists()


@pytest.mark.parametrize("inside", ["", "tiny", "new/deeper"])
def test_smoke_output_may_not_go_into_the_published_folder(sandbox, capsys, inside):
    sandbox.write("tiny")
    assert main(capsys)[0] == 0
    before = sandbox.snapshot()
    code, _, err = main(capsys, "--smoke", "--keep", str(sandbox.generated / inside))
    assert code == 2
    assert last_line(err).endswith(
        f"error: --keep {sandbox.generated / inside} is inside {sandbox.generated}, where the "
        "committed full runs live; give a folder outside it")
    assert sandbox.snapshot() == before
    assert sandbox.executed == ["tiny"]


def test_select_keeps_the_order_asked_for():
    examples = {"a": 1, "b": 2, "c": 3}
    assert run_examples.select(examples, None) is examples
    assert run_examples.select(examples, ["c", "a"]) == {"c": 3, "a": 1}


@pytest.mark.parametrize("examples, names, message", [
    ({"tiny": 1}, ["nope"], "unknown example 'nope'; valid names: tiny"),
    ({"a": 1, "b": 2}, ["a", "x", "y"], "unknown example 'x', 'y'; valid names: a, b"),
    ({}, ["a"], "unknown example 'a'; valid names: (none)"),
])
def test_select_refuses_unknown_names(examples, names, message):
    with pytest.raises(cache.ExampleError) as err:
        run_examples.select(examples, names)
    assert str(err.value) == message


def test_unknown_name_lists_valid_names(sandbox, capsys):
    sandbox.write("tiny")
    for argv in (["--only", "nope"], ["--check", "--only", "nope"]):
        code, out, err = main(capsys, *argv)
        assert code == 2
        assert err == "error: unknown example 'nope'; valid names: tiny\n"
        assert out == ""


# --- small parts --------------------------------------------------------------------------------

def test_say_survives_a_reader_that_went_away():
    read, write = os.pipe()
    os.close(read)
    stream = os.fdopen(write, "w")
    run_examples.say("first", stream)  # BrokenPipeError inside
    assert os.readlink(f"/proc/self/fd/{write}") == os.devnull  # further writes go nowhere
    run_examples.say("second", stream)
    stream.close()


def test_say_writes_a_line(capsys):
    run_examples.say("a")
    run_examples.say("b", end="")
    assert capsys.readouterr().out == "a\nb"


def test_progress_in_a_log_says_when_it_starts_and_ends(capsys):
    progress = run_examples.Progress("[1/2] tiny", 12.4)
    progress.at_cell(2, 5)
    progress.start -= 3
    assert progress._line() == "[1/2] tiny: 3 s elapsed, cell 3 of 5, ETA 9 s"
    progress.start -= 20
    assert progress._line().endswith("ETA 0 s")
    assert progress.finish("done") >= 23
    assert progress.finish("stopped") >= 23  # a second finish says nothing
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "[1/2] tiny: running, last run took 12 s"
    assert out[1].startswith("[1/2] tiny: done in 23.") and len(out) == 2


def test_progress_without_a_previous_run_gives_no_eta(capsys):
    progress = run_examples.Progress("tiny", None)
    assert progress._line() == "tiny: 0 s elapsed"
    progress.finish("done")
    assert capsys.readouterr().out.startswith("tiny: running\ntiny: done in ")


def test_title_is_the_first_heading():
    import jupytext

    assert run_examples.title(jupytext.reads(TINY, fmt="py:percent"), "tiny") == "Tiny example"
    untitled = jupytext.reads(TINY.replace("# # Tiny", "# Tiny"), fmt="py:percent")
    assert run_examples.title(untitled, "tiny") == "tiny"


def test_orphans_are_generated_folders_without_an_example(sandbox):
    assert run_examples.orphans({}) == []
    for name in ("kept", "gone", ".staging-kept-1"):
        (sandbox.generated / name).mkdir(parents=True)
    (sandbox.generated / "report.md").write_text("")
    assert [p.name for p in run_examples.orphans({"kept": None})] == ["gone"]


def test_previous_manifest_is_none_when_unreadable(sandbox):
    example = cache.Example("tiny", sandbox.write("tiny"))
    assert run_examples.previous_manifest(example) is None
    example.generated.mkdir(parents=True)
    (example.generated / cache.MANIFEST).write_text("{")
    assert run_examples.previous_manifest(example) is None
    (example.generated / cache.MANIFEST).write_text('{"seconds": 2}')
    assert run_examples.previous_manifest(example) == {"seconds": 2}


# --- runs, skips and re-renders -------------------------------------------------------------------

def test_unchanged_source_is_not_executed_again(sandbox, capsys):
    source = sandbox.write("tiny")
    code, out, _ = main(capsys)
    assert code == 0 and "[1/1] tiny: done" in out, out
    notebook = sandbox.generated / "tiny" / "tiny.ipynb"
    stamp = notebook.stat().st_mtime_ns

    code, out, _ = main(capsys)
    assert code == 0 and out == "[1/1] tiny: up to date, skipped\n"
    assert notebook.stat().st_mtime_ns == stamp

    # prose only: the notebook is re-rendered from stored outputs, nothing re-runs
    source.write_text(source.read_text().replace("writes a number", "writes one number"))
    code, out, _ = main(capsys)
    assert out == "[1/1] tiny: prose changed, notebook re-rendered (not re-run)\n"
    assert "writes one number" in notebook.read_text()
    assert "total 3" in notebook.read_text(), "the stored output was lost"
    assert main(capsys, "--check")[:2] == (0, "tiny is fresh\n")

    # code: runs again
    source.write_text(source.read_text().replace("value = 3", "value = 4"))
    code, out, err = main(capsys, "--check")
    assert (code, out) == (1, "stale: tiny: code, parameters or chart style changed\n")
    assert err == "run `python -m scripts.run_examples` and commit docs/generated/\n"
    assert main(capsys)[0] == 0
    assert json.loads((sandbox.generated / "tiny" / "results.json").read_text()) == {"total": 6}
    assert sandbox.executed == ["tiny", "tiny"]
    assert not sandbox.hidden()


def test_a_run_writes_the_manifest_and_the_report(sandbox, capsys):
    sandbox.write("tiny")
    assert main(capsys)[0] == 0
    folder = sandbox.generated / "tiny"
    manifest = json.loads((folder / cache.MANIFEST).read_text())
    assert manifest["example"] == "tiny" and manifest["title"] == "Tiny example"
    assert manifest["source"] == "examples/tiny.py"
    assert manifest["parameters"] == {"value": 3}
    assert manifest["versions"] == cache.library_versions()
    assert manifest["outputs"] == cache.output_hashes(folder)
    assert set(manifest["outputs"]) == {"tiny.ipynb", "results.json"}
    assert isinstance(manifest["seconds"], float)
    assert execution_report.is_current(cache.discover())


def test_forced_run_of_the_same_code_keeps_the_recorded_time(sandbox, capsys):
    source = sandbox.write("tiny")
    assert main(capsys)[0] == 0
    path = sandbox.generated / "tiny" / cache.MANIFEST
    path.write_text(path.read_text().replace('"seconds": ', '"seconds": 123.4, "old": '))
    assert main(capsys, "--force")[0] == 0
    assert json.loads(path.read_text())["seconds"] == 123.4
    source.write_text(source.read_text().replace("value = 3", "value = 5"))
    assert main(capsys)[0] == 0
    assert json.loads(path.read_text())["seconds"] < 100
    assert sandbox.executed == ["tiny"] * 3


def test_smoke_run_uses_the_smoke_parameters_and_publishes_nothing(sandbox, capsys, tmp_path):
    sandbox.write("tiny")
    keep = tmp_path / "smoke"
    code, out, _ = main(capsys, "--smoke", "--keep", str(keep))
    assert code == 0
    assert out.splitlines()[0] == f"smoke run: outputs go to {keep}"
    assert sorted(p.name for p in (keep / "tiny").iterdir()) == ["results.json", "tiny.ipynb"]
    assert json.loads((keep / "tiny" / "results.json").read_text()) == {"total": 0}
    assert not sandbox.generated.exists()


def test_smoke_parameter_unknown_to_the_example_is_refused(sandbox, capsys, tmp_path):
    sandbox.write("tiny", TINY.replace('smoke={"value": 1}', 'smoke={"epochs": 1}'))
    code, _, err = main(capsys, "--smoke", "--keep", str(tmp_path / "smoke"))
    assert code == 2
    assert err == ("error: example 'tiny': smoke parameters ['epochs'] are not in its "
                   "parameters cell; fix the `smoke={...}` metadata\n")
    assert sandbox.executed == []


@pytest.mark.parametrize("cell, message", [
    ("value = 3 * 1", "example 'tiny': parameter 'value' is not a literal (`3 * 1`)"),
    ("value = 3\nprint(value)", "example 'tiny': parameters cell line 2 is not a plain"),
])
def test_parameters_cell_problems_name_the_example(sandbox, capsys, cell, message):
    sandbox.write("tiny", TINY.replace("value = 3", cell))
    code, _, err = main(capsys)
    assert code == 2
    assert message in last_line(err)
    assert last_line(err).startswith("error: ")
    assert not (sandbox.generated / "tiny").exists()
    assert sandbox.executed == []


def test_failed_example_keeps_the_published_files(sandbox, capsys, monkeypatch):
    sandbox.write("good")
    sandbox.write("bad")
    assert main(capsys)[0] == 0
    before = sandbox.snapshot()

    def fails(example, *args):
        raise execute_example.ExampleFailed(f"example {example.name!r} raised X: y", "the cell")

    monkeypatch.setattr(execute_example, "execute", fails)
    code, out, err = main(capsys, "--force")
    assert code == 1
    assert err == "the cell\nerror: example 'bad' raised X: y; the published files are unchanged\n"
    assert "[1/2] bad: stopped in " in out
    assert sandbox.snapshot() == before and not sandbox.hidden()


def test_interrupted_run_exits_130_and_keeps_the_published_files(sandbox, capsys, monkeypatch):
    sandbox.write("tiny")
    assert main(capsys)[0] == 0
    before = sandbox.snapshot()

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(execute_example, "execute", interrupted)
    code, _, err = main(capsys, "--force")
    assert code == 130
    assert err == "\ninterrupted: the published files in docs/generated are unchanged\n"
    assert sandbox.snapshot() == before and not sandbox.hidden()


def test_ctrl_c_turned_into_another_error_is_still_an_interruption(sandbox, capsys,
                                                                   monkeypatch):
    sandbox.write("tiny")

    def interrupted_then_other_error(*args):
        with pytest.raises(KeyboardInterrupt):
            run_examples.on_interrupt(signal.SIGINT, None)
        raise RuntimeError("kernel died")  # as nbclient may report the interrupted kernel

    monkeypatch.setattr(execute_example, "execute", interrupted_then_other_error)
    code, _, err = main(capsys)
    assert code == 130
    assert err == "\ninterrupted: the published files in docs/generated are unchanged\n"
    assert run_examples.interrupted.is_set()
    assert not (sandbox.generated / "tiny").exists() and not sandbox.hidden()


def test_main_handles_ctrl_c_itself(sandbox):
    sandbox.write("tiny")
    sandbox.write("more")
    run_examples.main(["--check"])
    assert signal.getsignal(signal.SIGINT) is run_examples.on_interrupt


def test_an_unexpected_error_is_not_disguised(sandbox, capsys, monkeypatch):
    sandbox.write("tiny")

    def broken(*args):
        raise RuntimeError("a bug in the runner")

    monkeypatch.setattr(execute_example, "execute", broken)
    with pytest.raises(RuntimeError, match="a bug in the runner"):
        run_examples.main([])
    assert not sandbox.hidden()


# --- --check -------------------------------------------------------------------------------------

def test_check_says_every_example_is_fresh(sandbox, capsys):
    sandbox.write("first")
    sandbox.write("second")
    assert main(capsys)[0] == 0
    assert main(capsys, "--check") == (0, "all 2 examples fresh\n", "")


def test_check_only_one_example_does_not_call_the_others_orphans(sandbox, capsys):
    sandbox.write("first")
    sandbox.write("second")
    assert main(capsys)[0] == 0
    (sandbox.generated / "gone").mkdir()
    code, out, _ = main(capsys, "--check", "--only", "first")
    assert code == 0, out
    assert out == "first is fresh\n"
    assert "orphan" not in out and "delete" not in out
    code, out, _ = main(capsys, "--check")
    assert (code, out) == (1, "stale: gone: generated folder without an example (delete it)\n")


def test_check_before_any_run_lists_every_example(sandbox, capsys):
    sandbox.write("tiny")
    code, out, _ = main(capsys, "--check")
    assert code == 1
    assert out.splitlines() == ["stale: tiny: never generated",
                                f"stale: {sandbox.generated / 'report.md'}: out of date"]
    assert sandbox.executed == [] and not sandbox.generated.exists()


def test_check_notices_an_edited_report(sandbox, capsys):
    sandbox.write("first")
    sandbox.write("second")
    assert main(capsys)[0] == 0
    report = sandbox.generated / "report.md"
    report.write_text(report.read_text().replace("Tiny example", "Edited"))
    code, out, _ = main(capsys, "--check")
    assert (code, out) == (1, f"stale: {report}: out of date\n")
    assert main(capsys, "--check", "--only", "first")[0] == 0  # the report is not one example's


@pytest.mark.parametrize("change, named", [
    (lambda f: (f / "results.json").write_text('{"total": 99}\n'), "results.json"),
    (lambda f: (f / "results.json").unlink(), "results.json"),
    (lambda f: (f / "notes.md").write_text("added"), "notes.md"),
], ids=["edited", "missing", "added"])
def test_check_notices_a_generated_file_changed_by_hand(sandbox, capsys, change, named):
    sandbox.write("tiny")
    assert main(capsys)[0] == 0
    change(sandbox.generated / "tiny")
    code, out, _ = main(capsys, "--check")
    assert code == 1
    assert out == f"stale: tiny: generated files missing, added or edited by hand: {named}\n"


def test_truncated_manifest_is_named_and_repaired(sandbox, capsys):
    sandbox.write("tiny")
    assert main(capsys)[0] == 0
    manifest = sandbox.generated / "tiny" / "manifest.json"
    manifest.write_text(manifest.read_text()[:40])
    code, out, _ = main(capsys, "--check")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"stale: tiny: example 'tiny': {manifest} is not valid JSON (")
    assert lines[0].endswith("regenerate it with "
                             "`python -m scripts.run_examples --force --only tiny`")
    assert lines[1] == "stale: " + lines[0].removeprefix("stale: tiny: ")  # and the report
    code, out, err = main(capsys)
    assert code == 0, err
    assert "[1/1] tiny: done" in out
    assert json.loads(manifest.read_text())["example"] == "tiny"
    assert main(capsys, "--check")[0] == 0
    assert not sandbox.hidden()

"""The examples as readers run them, and scripts/run_examples.py: freshness, caching, errors.

Every generated notebook runs here in a kernel with a clean environment (no path into this
repository, only KERAS_HOME), as a reader who downloads it would run it. Tests of the
runner's own behaviour drive it on tiny examples written into a temporary folder
(HANDBOOK_EXAMPLES_DIR / HANDBOOK_GENERATED_DIR), so they take seconds. Only what needs a
real process or kernel is here; the runner's arguments, caching, checks and manifest errors
are answered by ``main(argv)`` in-process in tests/unit/test_run_examples_main.py.
"""

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest

from scripts import handbook_env
from scripts.example_cache import REPO, discover, parameters_cell, smoke_overrides
from scripts.layout import GENERATED

RUNNER = ["-m", "scripts.run_examples"]
EXAMPLES = discover()


def run(*args, env=None, timeout=1800):
    return subprocess.run(
        [sys.executable, *RUNNER, *args],
        capture_output=True, text=True, timeout=timeout, cwd=REPO,
        env={**os.environ, **(env or {})},
    )


def tree_digest(folder: Path) -> dict:
    """Hashes of the published files (hidden staging folders of a run in progress aside)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


def hidden_leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")] if folder.exists() else []


# --- the real examples, as readers get them ----------------------------------------------

@pytest.fixture(scope="module")
def reader_keras_home(tmp_path_factory):
    """A copy of the offline datasets in a Keras home of its own, as a reader would have."""
    source = handbook_env.configure_keras_cache()
    if source is None or not (source / "datasets").is_dir():
        pytest.fail("no offline Keras datasets: set HANDBOOK_DATASETS or KERAS_HOME")
    home = tmp_path_factory.mktemp("keras-home")
    shutil.copytree(source / "datasets", home / "datasets", symlinks=False)
    return home


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_generated_notebook_runs_in_a_clean_kernel(name, reader_keras_home, tmp_path):
    """The committed notebook, with its smoke parameters, in a kernel that knows nothing of
    this repository: working folder a temporary one, no PYTHONPATH, only KERAS_HOME."""
    from nbclient import NotebookClient

    notebook = nbformat.read(GENERATED / name / f"{name}.ipynb", as_version=4)
    smoke = smoke_overrides(EXAMPLES[name].read(), name)
    cell = nbformat.v4.new_code_cell("\n".join(f"{k} = {v!r}" for k, v in smoke.items()))
    notebook.cells.insert(parameters_cell(notebook, name) + 1, cell)
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "KERAS_HOME": str(reader_keras_home)}
    NotebookClient(notebook, kernel_name="python3", timeout=900,
                   resources={"metadata": {"path": str(tmp_path)}}).execute(env=env)
    assert not list(tmp_path.glob("*.py")), "the example wrote files into the working folder"
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]


def test_runner_smoke_run_writes_every_published_file(tmp_path):
    """One real example through the runner's smoke mode: the same files as the full run."""
    name = "trace_mse_crossentropy"
    before = tree_digest(GENERATED)
    result = run("--smoke", "--only", name, "--keep", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    published = set(EXAMPLES[name].manifest()["outputs"])
    assert {p.name for p in (tmp_path / name).iterdir()} == published
    assert tree_digest(GENERATED) == before, "a smoke run changed docs/generated"


def test_committed_artifacts_are_fresh():
    result = run("--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_default_run_skips_unchanged_examples():
    before = tree_digest(GENERATED)
    result = run()
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("up to date, skipped") == len(EXAMPLES), result.stdout
    assert tree_digest(GENERATED) == before


def test_generated_files_carry_no_local_details():
    """No absolute paths, host names, timestamps or memory addresses (as in TensorFlow's
    retracing warning) in what is committed: each would change on every run."""
    markers = [str(REPO), "/tmp/", os.uname().nodename, '"execution":', '"iopub.', " at 0x"]
    dated = re.compile(r"<dc:date>(?!1970-01-01T00:00:00)")  # SOURCE_DATE_EPOCH=0 is fine
    for path in GENERATED.rglob("*"):
        if path.is_file():
            text = path.read_text(errors="replace")
            found = [m for m in markers if m in text] + dated.findall(text)
            assert not found, f"{path.relative_to(REPO)} contains {found}"


# --- the runner's behaviour, on examples of the tests' own ---------------------------------

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


def write_example(folder: Path, name: str, extra: str = "", source: str = TINY) -> Path:
    path = folder / f"{name}.py"
    path.write_text(source + textwrap.dedent(extra) + "\n")
    return path


@pytest.fixture
def sandbox(tmp_path):
    examples, generated = tmp_path / "examples", tmp_path / "generated"
    examples.mkdir()
    env = {"HANDBOOK_EXAMPLES_DIR": str(examples), "HANDBOOK_GENERATED_DIR": str(generated)}
    return examples, generated, env


def last_line(result) -> str:
    return result.stderr.strip().splitlines()[-1]


FIGURE = """
    # %% figures=["line"]
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [2, 1, 3])
    plt.show()
"""


def test_forced_runs_are_byte_identical_and_capture_figures(sandbox):
    examples, generated, env = sandbox
    write_example(examples, "tiny", extra=FIGURE)
    assert run(env=env).returncode == 0
    first = tree_digest(generated)
    assert {"tiny/line.svg", "tiny/results.json"} <= set(first)
    svg = (generated / "tiny" / "line.svg").read_text()
    assert "#0072b2" in svg.lower(), "the handbook's chart style was not applied"
    assert run("--force", env=env).returncode == 0
    assert tree_digest(generated) == first


@pytest.mark.parametrize("source, message", [
    (TINY + textwrap.dedent(FIGURE).replace(' figures=["line"]', ""),
     "example 'tiny': code cell 3 shows 1 figure(s) but names 0"),
    (TINY.replace('results = {"total": total}', ""), "the example defines no `results` dict"),
], ids=["unnamed-figure", "no-results"])
def test_example_the_runner_cannot_capture_says_why(sandbox, source, message):
    examples, generated, env = sandbox
    write_example(examples, "tiny", source=source)
    result = run(env=env)
    assert result.returncode == 1
    assert message in last_line(result)
    assert not (generated / "tiny").exists() and not hidden_leftovers(generated)


def test_failing_example_reports_cell_and_keeps_other_artifacts(sandbox):
    examples, generated, env = sandbox
    write_example(examples, "good")
    assert run(env=env).returncode == 0
    good_before = tree_digest(generated / "good")
    write_example(examples, "bad", extra="raise ValueError('broken on purpose')")
    result = run("--force", env=env)
    assert result.returncode == 1
    assert "raise ValueError('broken on purpose')" in result.stderr  # the failing cell
    assert last_line(result).startswith("error: example 'bad' raised ValueError: broken")
    assert tree_digest(generated / "good") == good_before
    assert not (generated / "bad").exists() and not hidden_leftovers(generated)


def test_missing_dataset_names_it_and_the_remedy(sandbox, tmp_path):
    examples, generated, env = sandbox
    write_example(examples, "needs_data",
                  extra="import keras\nkeras.datasets.fashion_mnist.load_data()")
    empty_home = tmp_path / "empty-keras-home"
    empty_home.mkdir()
    offline = {
        **env,
        "KERAS_HOME": str(empty_home),
        # an unreachable proxy makes the download fail at once, online or not
        "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9",
    }
    result = run(env=offline)
    assert result.returncode == 1
    assert "is not in the Keras cache" in last_line(result)
    assert "HANDBOOK_DATASETS" in last_line(result)
    assert not (generated / "needs_data").exists()


def interrupt_runner(env, started: Path, close_stdout=False):
    """Start the runner, Ctrl-C it once the kernel is in the example's sleeping cell (the
    cell touches `started` first); (exit code, stderr)."""
    process = subprocess.Popen(
        [sys.executable, *RUNNER], cwd=REPO, env={**os.environ, **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    while not started.exists():
        assert process.poll() is None and time.monotonic() < deadline, "the kernel never started"
        time.sleep(0.2)
    if close_stdout:  # as when `... | tee log` is ended by the same Ctrl-C
        process.stdout.close()
    process.send_signal(signal.SIGINT)
    stderr = process.stderr.read()
    process.wait(timeout=60)
    if not close_stdout:
        process.stdout.close()
    process.stderr.close()
    return process.returncode, stderr


@pytest.mark.parametrize("piped", [False, True], ids=["terminal", "piped"])
def test_ctrl_c_leaves_published_files_unchanged(sandbox, piped):
    examples, generated, env = sandbox
    source = write_example(examples, "slow")
    assert run(env=env).returncode == 0
    before = tree_digest(generated)
    started = examples / "started"
    source.write_text(source.read_text() + f"\nimport pathlib, time\n"
                      f"pathlib.Path({str(started)!r}).touch()\ntime.sleep(60)\n")
    code, stderr = interrupt_runner(env, started, close_stdout=piped)
    assert code == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr, stderr
    assert tree_digest(generated) == before
    assert not hidden_leftovers(generated)


@pytest.mark.parametrize("after", [0.3, 0.6, 1.0])
def test_ctrl_c_at_startup_says_one_line(after, tmp_path):
    """Ctrl-C while the runner is still loading its modules (or just starting its first
    example): one line, exit 130, no traceback."""
    process = subprocess.Popen(
        [sys.executable, *RUNNER, "--smoke", "--only", "regression_outliers", "--keep", str(tmp_path)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr, stderr


def test_hung_cell_stops_at_the_time_limit(sandbox):
    examples, generated, env = sandbox
    write_example(examples, "hangs", extra="import time\ntime.sleep(120)")
    started = time.monotonic()
    result = run("--timeout", "8", env=env)
    assert time.monotonic() - started < 60
    assert result.returncode == 1
    assert "example 'hangs' still running after 8 s, its time limit" in last_line(result)
    assert "--timeout" in last_line(result)
    assert not (generated / "hangs").exists() and not hidden_leftovers(generated)


def test_ctrl_c_inside_an_exec_of_source_text_still_exits_130(tmp_path):
    """nbformat's validator is compiled by an exec() of source text; a Ctrl-C landing there
    must still end the runner with 130 and one line, not by SIGINT."""
    (tmp_path / "interrupted_in_exec.py").write_text(textwrap.dedent("""
        import sys
        from scripts import run_examples
        run_examples.run = lambda args: exec("raise KeyboardInterrupt")
        sys.exit(run_examples.main(["--smoke"]))
    """))
    result = subprocess.run(
        [sys.executable, "-m", "interrupted_in_exec"], cwd=tmp_path, capture_output=True,
        text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 130, result.stderr
    assert "interrupted" in result.stderr and "Traceback" not in result.stderr, result.stderr

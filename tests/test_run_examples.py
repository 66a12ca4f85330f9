"""scripts/run_examples.py: the real examples in smoke mode, freshness, caching, errors.

Tests of the runner's own behaviour drive it on tiny examples written into a temporary
folder (HANDBOOK_EXAMPLES_DIR / HANDBOOK_GENERATED_DIR), so they take seconds.
"""

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from example_cache import GENERATED, REPO, discover

RUNNER = REPO / "scripts" / "run_examples.py"
EXAMPLES = sorted(discover())


def run(*args, env=None, timeout=1800):
    return subprocess.run(
        [sys.executable, str(RUNNER), *args],
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


# --- the real examples -------------------------------------------------------------------

@pytest.mark.parametrize("name", EXAMPLES)
def test_example_smoke_run(name, tmp_path):
    """Every example runs end to end with its smoke parameters and touches nothing published."""
    before = tree_digest(GENERATED)
    result = run("--smoke", "--only", name, "--keep", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / name
    assert (out / "results.json").exists()
    assert (out / f"{name}.ipynb").exists()
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
    """No absolute paths, host names or timestamps in what is committed."""
    markers = [str(REPO), "/tmp/", os.uname().nodename, '"execution":', '"iopub.']
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
output_dir = "build/tiny"

# %%
import common

total = sum(range(value))
print("total", total)
common.save_results({"total": total}, output_dir)
'''


def write_example(folder: Path, name: str, extra: str = "") -> Path:
    path = folder / f"{name}.py"
    path.write_text(TINY + textwrap.dedent(extra) + "\n")
    return path


@pytest.fixture
def sandbox(tmp_path):
    examples, generated = tmp_path / "examples", tmp_path / "generated"
    examples.mkdir()
    env = {"HANDBOOK_EXAMPLES_DIR": str(examples), "HANDBOOK_GENERATED_DIR": str(generated)}
    return examples, generated, env


def test_unchanged_source_is_not_executed_again(sandbox):
    examples, generated, env = sandbox
    source = write_example(examples, "tiny")
    first = run(env=env)
    assert "tiny: done" in first.stdout, first.stdout + first.stderr
    notebook = generated / "tiny" / "tiny.ipynb"
    stamp = notebook.stat().st_mtime_ns

    second = run(env=env)
    assert "tiny: up to date, skipped" in second.stdout
    assert notebook.stat().st_mtime_ns == stamp

    # prose only: the notebook is re-rendered from stored outputs, nothing re-runs
    source.write_text(source.read_text().replace("writes a number", "writes one number"))
    third = run(env=env)
    assert "re-rendered (not re-run)" in third.stdout, third.stdout + third.stderr
    assert "writes one number" in notebook.read_text()
    assert run("--check", env=env).returncode == 0

    # code: runs again
    source.write_text(source.read_text().replace("value = 3", "value = 4"))
    assert run("--check", env=env).returncode == 1
    fourth = run(env=env)
    assert "tiny: done" in fourth.stdout
    assert json.loads((generated / "tiny" / "results.json").read_text()) == {"total": 6}


def test_forced_runs_are_byte_identical(sandbox):
    examples, generated, env = sandbox
    write_example(examples, "tiny", extra="""
        import matplotlib.pyplot as plt
        common.setup(0)
        fig, ax = plt.subplots()
        ax.plot([0, 1, 2], [2, 1, 3])
        common.save_figure(fig, output_dir, "line")
        plt.show()
    """)
    assert run(env=env).returncode == 0
    first = tree_digest(generated)
    assert run("--force", env=env).returncode == 0
    assert tree_digest(generated) == first


def test_unknown_name_lists_valid_names(sandbox):
    examples, _, env = sandbox
    write_example(examples, "tiny")
    result = run("--only", "nope", env=env)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: unknown example 'nope'; valid names: tiny"


def test_failing_example_reports_cell_and_keeps_other_artifacts(sandbox):
    examples, generated, env = sandbox
    write_example(examples, "good")
    assert run(env=env).returncode == 0
    good_before = tree_digest(generated / "good")
    write_example(examples, "bad", extra="raise ValueError('broken on purpose')")
    write_example(examples, "good")  # unchanged
    result = run("--force", env=env)
    assert result.returncode == 1
    assert "ValueError: broken on purpose" in result.stderr
    assert "raise ValueError('broken on purpose')" in result.stderr  # the failing cell
    assert result.stderr.strip().splitlines()[-1].startswith("error: example 'bad' raised")
    assert tree_digest(generated / "good") == good_before
    assert not (generated / "bad").exists()
    assert not [p for p in generated.iterdir() if p.name.startswith(".")]


def test_missing_dataset_names_it_and_the_remedy(sandbox, tmp_path):
    examples, generated, env = sandbox
    write_example(examples, "needs_data", extra="common.load_dataset('fashion_mnist')")
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
    last = result.stderr.strip().splitlines()[-1]
    assert "'fashion_mnist' is not in the Keras cache" in last
    assert "HANDBOOK_DATASETS" in last
    assert not (generated / "needs_data").exists()


def test_ctrl_c_leaves_published_files_unchanged(sandbox):
    examples, generated, env = sandbox
    source = write_example(examples, "slow")
    assert run(env=env).returncode == 0
    before = tree_digest(generated)
    source.write_text(source.read_text() + "\nimport time\ntime.sleep(60)\n")
    process = subprocess.Popen(
        [sys.executable, str(RUNNER)], cwd=REPO, env={**os.environ, **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(6)  # the kernel is up and sleeping in the last cell
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr
    assert tree_digest(generated) == before
    assert not [p for p in generated.iterdir() if p.name.startswith(".")]

"""The recorded version matrix describes the current pages, examples and version pins, and
the pages' "Verified on" lines are read from it."""

from pathlib import Path

import pytest

from scripts import version_envs
from scripts import version_matrix
from scripts import version_report


def test_version_matrix_is_fresh():
    problems = version_matrix.problems()
    assert not problems, ("; ".join(problems) + ": run `make test-versions` (VERSIONS=... for "
                          "some columns) and commit docs/generated/versions.json")


def test_every_column_pins_an_exact_pair():
    for column in version_envs.COLUMNS.values():
        assert set(column.pins()) == {"tensorflow", "keras"}


def record(oldest_failed: int) -> dict:
    def column(tf, keras, failed):
        return {"tensorflow": tf, "keras": keras,
                "pages": {"a.md": {"passed": 3 - failed, "failed": failed, "failed_lines": []},
                          "questions/q.md": {"passed": 1, "failed": 0, "failed_lines": []}},
                "examples": {"ex": {"outcome": "passed"}}}
    return {"oldest": column("2.16.2", "3.3.3", oldest_failed),
            "pinned": column("2.21.0", "3.15.1", 0),
            "newest": {"same_as": "pinned", "tensorflow": "2.21.0", "keras": "3.15.1"}}


def test_verified_line_names_each_pair_once(monkeypatch):
    monkeypatch.setattr(version_report, "page_inputs", lambda src: (["a.md", "questions/q.md"], []))
    line = version_report.verified_line("a.md", record(0))
    assert line == ("Verified on TensorFlow 2.16.2 + Keras 3.3.3 (oldest supported); "
                    "TensorFlow 2.21.0 + Keras 3.15.1 (pinned, newest release), on CPU: "
                    "4 code blocks.")


def test_verified_line_says_where_a_page_fails(monkeypatch):
    monkeypatch.setattr(version_report, "page_inputs", lambda src: (["a.md"], ["ex"]))
    line = version_report.verified_line("a.md", record(2))
    assert line.startswith("Verified on TensorFlow 2.21.0 + Keras 3.15.1 (pinned, newest release)")
    assert "Fails on TensorFlow 2.16.2 + Keras 3.3.3 (oldest supported), where 2 of 4 checks" in line


@pytest.mark.parametrize("workers, expected", [("0", 1), ("1", 1), ("3", 3)])
def test_smoke_runs_go_as_many_at_once_as_block_workers(workers, expected):
    assert version_matrix.smoke_workers(workers) == expected


def test_auto_workers_run_one_smoke_run_per_core(monkeypatch):
    monkeypatch.setattr(version_matrix.os, "cpu_count", lambda: 2)
    assert version_matrix.smoke_workers("auto") == 2


def test_bad_workers_value_is_one_line_before_any_install(capsys):
    with pytest.raises(SystemExit) as stop:
        version_matrix.main(["run", "oldest", "--workers", "two"])
    assert stop.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert "'two' is not a number of workers" in error and "auto" in error


def test_smoke_runs_keep_the_examples_order(monkeypatch):
    monkeypatch.setattr(version_matrix, "run_smoke",
                        lambda python, name: {"outcome": "passed", "seconds": len(name)})
    names = ["c", "bb", "a"]
    assert list(version_matrix.run_examples(Path("python"), names, 2)) == names

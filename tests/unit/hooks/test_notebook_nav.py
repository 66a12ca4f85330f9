"""notebook_nav on a small nav and generated folder: the Notebooks section lists every run
example by its title, after the execution report."""

import json

import pytest

from scripts import layout
from scripts.hooks import notebook_nav


def test_notebooks_nav_lists_each_run_example_by_its_title_after_the_report(tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "GENERATED", tmp_path)
    for name, title in [("b", "Beta run"), ("a", "alpha run"), ("never", None)]:
        (tmp_path / name).mkdir()
        if title:
            (tmp_path / name / "manifest.json").write_text(json.dumps({"title": title}))
            (tmp_path / name / f"{name}.ipynb").write_text("{}")
    config = {"nav": [{"Home": "index.md"},
                      {"Notebooks": [{"Execution report": "generated/report.md"}]}]}
    notebook_nav.on_config(config)
    assert config["nav"][1]["Notebooks"] == [{"Execution report": "generated/report.md"},
                                             {"alpha run": "generated/a/a.ipynb"},
                                             {"Beta run": "generated/b/b.ipynb"}]


def test_nav_without_the_report_says_where_the_notebooks_go():
    with pytest.raises(ValueError, match="no nav section lists generated/report.md"):
        notebook_nav.on_config({"nav": [{"Home": "index.md"}]})

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


def test_a_notebook_is_listed_once_and_only_once_it_has_run(tmp_path, monkeypatch):
    """The report may sit in a nested section; a notebook mkdocs.yml names already is not
    listed again; an example with a manifest but no notebook yet is not listed at all."""
    monkeypatch.setattr(layout, "GENERATED", tmp_path)
    for name, notebook in [("a", True), ("b", True), ("unrun", False)]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "manifest.json").write_text(json.dumps({"title": f"Run {name}"}))
        if notebook:
            (tmp_path / name / f"{name}.ipynb").write_text("{}")
    notebooks = [{"Execution report": "generated/report.md"}, {"First": "generated/b/b.ipynb"}]
    config = {"nav": [{"Home": "index.md"}, {"Appendix": [{"Notebooks": notebooks}]}]}
    notebook_nav.on_config(config)
    assert notebooks == [{"Execution report": "generated/report.md"},
                         {"First": "generated/b/b.ipynb"},
                         {"Run a": "generated/a/a.ipynb"}]

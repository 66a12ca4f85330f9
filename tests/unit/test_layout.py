"""layout: the one place that spells where generated files live, on disk and in the site."""

import sys
from pathlib import Path

import pytest

from scripts import layout


def test_paths_of_an_example_follow_the_generated_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "GENERATED", tmp_path)
    assert layout.notebook_path("x") == tmp_path / "x" / "x.ipynb"
    assert layout.results_path("x") == tmp_path / "x" / "results.json"
    assert layout.manifest_path("x") == tmp_path / "x" / "manifest.json"
    assert layout.report_path() == tmp_path / "report.md"


def test_site_addresses_of_an_example():
    assert layout.notebook_page_uri("x") == "generated/x/x.ipynb"
    assert layout.notebook_download_uri("x") == "generated/x/x/x.ipynb"
    assert layout.notebook_repo_path("x") == "docs/generated/x/x.ipynb"
    assert layout.report_page_url() == "generated/report/"


@pytest.mark.parametrize("src, name", [("generated/x/x.ipynb", "x"), ("generated/x/y.ipynb", None),
                                       ("generated/report.md", None), ("traces/x.md", None)])
def test_example_of_page(src, name):
    assert layout.example_of_page(src) == name


def test_no_script_module_shadows_the_standard_library():
    """`python scripts/NAME.py` puts scripts/ first on sys.path, where a scripts/numbers.py
    once replaced the standard library's numbers module for everything imported after it."""
    names = {p.stem for p in (Path(__file__).resolve().parents[2] / "scripts").rglob("*.py")}
    assert not names & sys.stdlib_module_names

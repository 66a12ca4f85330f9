"""static_site: the pages in nav order, the local server, finding Chromium."""

import json
import textwrap
import urllib.request

import pytest

from scripts import layout, static_site


def test_nav_urls_follow_the_navigation_in_order(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: Test
        nav:
          - Home: index.md
          - Section:
              - First: section/first.md
              - Deeper:
                  - Overview: section/deeper/index.md
          - plain.md
          - Notebooks:
              - Execution report: generated/report.md
          - Last: last.md
    """))
    generated = tmp_path / "docs" / "generated"
    for name, title in [("zeta", "A notebook"), ("alpha", "The last notebook")]:
        (generated / name).mkdir(parents=True)
        (generated / name / f"{name}.ipynb").write_text("{}")
        (generated / name / layout.MANIFEST).write_text(json.dumps({"title": title}))
    monkeypatch.setattr(static_site, "REPO", tmp_path)
    monkeypatch.setattr(layout, "GENERATED", generated)
    # the notebooks follow the report, by title, as the notebook_nav hook lists them
    assert static_site.nav_urls() == ["", "section/first/", "section/deeper/", "plain/",
                                      "generated/report/", "generated/zeta/zeta/",
                                      "generated/alpha/alpha/", "last/"]


def test_every_notebook_is_a_nav_page():
    notebooks = {f"generated/{p.parent.name}/{p.stem}/" for p in layout.GENERATED.glob("*/*.ipynb")}
    assert notebooks and notebooks <= set(static_site.nav_urls())


def test_serve_serves_the_folder_quietly(tmp_path, capsys):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>")
    server = static_site.serve(tmp_path)
    try:
        base = f"http://127.0.0.1:{server.server_port}/"
        with urllib.request.urlopen(base + "page/") as response:
            assert response.read() == b"<p>hello</p>"
        with pytest.raises(urllib.error.HTTPError, match="404"):
            urllib.request.urlopen(base + "missing/")
    finally:
        server.shutdown()
        server.server_close()
    assert capsys.readouterr().err == ""


def test_find_chromium_prefers_the_variable_then_the_path(monkeypatch):
    found = {"chromium-browser": "/usr/bin/chromium-browser"}
    monkeypatch.setattr(static_site.shutil, "which", found.get)
    monkeypatch.delenv("HANDBOOK_CHROMIUM", raising=False)
    assert static_site.find_chromium() == "/usr/bin/chromium-browser"
    found["chromium"] = "/usr/bin/chromium"
    assert static_site.find_chromium() == "/usr/bin/chromium"
    monkeypatch.setenv("HANDBOOK_CHROMIUM", "/opt/chrome")
    assert static_site.find_chromium() == "/opt/chrome"
    monkeypatch.setenv("HANDBOOK_CHROMIUM", "")
    found.clear()
    assert static_site.find_chromium() is None

"""static_site: the pages in nav order, the local server, finding Chromium."""

import textwrap
import urllib.request

import pytest

from scripts import static_site


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
                  - Notebook: generated/x/x.ipynb
          - plain.md
          - Last: last.md
    """))
    monkeypatch.setattr(static_site, "REPO", tmp_path)
    assert static_site.nav_urls() == ["", "section/first/", "section/deeper/",
                                      "generated/x/x/", "plain/", "last/"]


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

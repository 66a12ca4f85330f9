"""screenshot_pages and make_pdf before a browser starts: which pages, and the one-line errors."""

import pytest

from scripts import make_pdf
from scripts import screenshot_pages
from scripts.static_site import NO_CHROMIUM


def test_screenshots_cover_every_page_but_the_assets(tmp_path):
    for folder in ("", "traces/mse", "generated/x/x", "assets/javascripts/lunr", "a"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "index.html").write_text("")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.html").write_text("")
    assert screenshot_pages.page_urls(tmp_path) == ["", "a/", "generated/x/x/", "traces/mse/"]


@pytest.mark.parametrize("tool", [screenshot_pages, make_pdf])
def test_without_chromium_the_tools_say_how_to_get_it(tool, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(tool, "find_chromium", lambda: None)
    argv = [str(tmp_path), str(tmp_path / "shots")] if tool is screenshot_pages else [str(tmp_path)]
    assert tool.main(argv) == 2
    assert capsys.readouterr() == ("", f"error: {NO_CHROMIUM}\n")


def test_screenshots_of_a_folder_that_is_no_site(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(screenshot_pages, "find_chromium", lambda: "/usr/bin/chromium")
    assert screenshot_pages.main([str(tmp_path), str(tmp_path / "shots")]) == 2
    assert capsys.readouterr().err == (f"error: {tmp_path} is not a built site; run "
                                       f"`mkdocs build -d {tmp_path}` first\n")
    assert not (tmp_path / "shots").exists()


def test_pdf_of_a_site_without_the_print_page(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(make_pdf, "find_chromium", lambda: "/usr/bin/chromium")
    (tmp_path / "index.html").write_text("")
    assert make_pdf.main([str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path} has no print_page/; build the site first\n"
    assert not (tmp_path / "handbook.pdf").exists()

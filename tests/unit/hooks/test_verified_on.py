"""verified_on on small pages, with the recorded matrix replaced by one line per page: the
"Verified on" line sits under the title (atop a notebook page), links to the matrix in the
execution report, and is absent where the matrix checked nothing."""

import pytest

from scripts import version_report
from scripts.hooks import verified_on
from tests.unit.hooks.fake_site import notebook_page, page

RECORD = {"recorded": "matrix"}
LINES = {"traces/mse.md": "Verified on TensorFlow 2.21 + Keras 3.15 (pinned) & <more>.",
         "index.md": "Verified on one pair.",
         "generated/trace/trace.ipynb": "Verified on one pair: the smoke run.",
         "generated/report.md": "Verified on the report itself."}


@pytest.fixture(autouse=True)
def recorded_lines(monkeypatch):
    monkeypatch.setattr(version_report, "load", lambda: RECORD)
    monkeypatch.setattr(version_report, "verified_line",
                        lambda src, record: LINES.get(src) if record is RECORD else None)


def test_the_line_follows_the_title_once_and_links_to_the_matrix():
    content = '<h1 id="mse">MSE</h1>\n<p>Text.</p>\n<h1>Not a title</h1>'
    out = verified_on.on_page_content(content, page("traces/mse.md", "traces/mse/"), {}, None)
    assert out == ('<h1 id="mse">MSE</h1>\n<p class="verified-on">Verified on TensorFlow 2.21 + '
                   "Keras 3.15 (pinned) &amp; &lt;more&gt;. "
                   '<a href="../../generated/report/#versions-verified">The version matrix</a>'
                   "</p>\n\n<p>Text.</p>\n<h1>Not a title</h1>")


def test_the_link_is_relative_to_the_page():
    out = verified_on.on_page_content("<h1>Home</h1>", page("index.md", ""), {}, None)
    assert '<a href="generated/report/#versions-verified">' in out


def test_a_notebook_page_opens_with_the_line():
    out = verified_on.on_page_content("<p>body</p>", notebook_page(), {}, None)
    assert out == ('<p class="verified-on">Verified on one pair: the smoke run. '
                   '<a href="../../report/#versions-verified">The version matrix</a></p>\n'
                   "<p>body</p>")


@pytest.mark.parametrize("src_uri, url", [
    ("generated/report.md", "generated/report/"),  # holds the matrix itself
    ("practice.md", "practice/"),                  # nothing of it was checked
])
def test_the_report_and_pages_the_matrix_checked_nothing_of_get_no_line(src_uri, url):
    content = "<h1>Title</h1>\n<p>x</p>"
    out = verified_on.on_page_content(content, page(src_uri, url), {}, None)
    assert "verified-on" not in out and out.split() == content.split()

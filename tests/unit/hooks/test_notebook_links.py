"""notebook_links on small pages: a notebook page opens with its example's links, relative to
it; every other page is left as it is."""

import pytest

from scripts.example_links import example_links
from scripts.hooks import notebook_links
from tests.unit.hooks.fake_site import notebook_page, page

GITHUB = {"repo_url": "https://github.com/owner/handbook", "extra": {}}


def test_a_notebook_page_opens_with_its_examples_links():
    out = notebook_links.on_page_content("<p>body</p>", notebook_page(), GITHUB, None)
    assert out == example_links("trace", GITHUB, "generated/trace/trace/") + "<p>body</p>"
    assert out.startswith('<p class="example-links"><a href="trace.ipynb" download>')
    assert "/blob/main/examples/trace.py" in out and "Open in Colab" in out


@pytest.mark.parametrize("src_uri", ["traces/mse.md", "generated/report.md",
                                     "generated/trace/other.ipynb"])
def test_other_pages_get_no_links(src_uri):
    assert notebook_links.on_page_content("<p>body</p>", page(src_uri), GITHUB, None) == (
        "<p>body</p>")

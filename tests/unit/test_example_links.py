"""example_links: download, source and Colab links, relative to the page that shows them."""

import pytest

from scripts import layout
from scripts.example_links import COLAB, example_links

GITHUB = {"repo_url": "https://github.com/owner/handbook/", "extra": {"repo_branch": None}}


def test_notebook_download_is_where_mkdocs_jupyter_copies_it():
    assert layout.notebook_download_uri("trace") == "generated/trace/trace/trace.ipynb"


@pytest.mark.parametrize("page_url, href", [
    ("", "generated/x/x/x.ipynb"),
    ("traces/mse/", "../../generated/x/x/x.ipynb"),
    ("generated/x/x/", "x.ipynb"),
])
def test_download_link_is_relative_to_the_page(page_url, href):
    assert example_links("x", {"repo_url": None, "extra": {}}, page_url) == (
        f'<p class="example-links"><a href="{href}" download>Download the notebook</a></p>')


@pytest.mark.parametrize("repo_url", [None, "", "https://gitlab.com/owner/handbook",
                                      "https://github.com.example.org/owner/handbook"])
def test_without_a_github_repository_there_are_no_source_or_colab_links(repo_url):
    html = example_links("x", {"repo_url": repo_url, "extra": {"repo_branch": "dev"}}, "")
    assert html.count("<a ") == 1
    assert "View the source" not in html and "Colab" not in html


def test_github_repository_gives_source_and_colab_links_on_main():
    html = example_links("x", GITHUB, "traces/mse/")
    links = html.removeprefix('<p class="example-links">').removesuffix("</p>").split(" · ")
    assert links == [
        '<a href="../../generated/x/x/x.ipynb" download>Download the notebook</a>',
        '<a href="https://github.com/owner/handbook/blob/main/examples/x.py">View the source</a>',
        f'<a href="{COLAB}/owner/handbook/blob/main/docs/generated/x/x.ipynb">Open in Colab</a>',
    ]


def test_links_follow_the_configured_branch():
    html = example_links("x", {**GITHUB, "extra": {"repo_branch": "gh-pages-2"}}, "")
    assert "/blob/gh-pages-2/examples/x.py" in html
    assert "/owner/handbook/blob/gh-pages-2/docs/generated/x/x.ipynb" in html
    assert "/blob/main/" not in html

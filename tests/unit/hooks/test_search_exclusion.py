"""search_exclusion on small pages: search indexes a page's prose but none of its code blocks,
and leaves the notebook pages out whole (their prose is on the page that explains them)."""

import pytest

from scripts.hooks import search_exclusion
from tests.unit.hooks.fake_site import page

PROSE_PAGE = ('<h1 id="mse">Mean squared error</h1><p>The loss <code>mse</code> averages.</p>'
              '<div class="language-python highlight"><pre><span></span><code>x = 1</code></pre>'
              '</div><pre class="text"><code>0.25</code></pre>')


def test_every_code_block_is_left_out_and_the_prose_kept():
    out = search_exclusion.on_page_content(PROSE_PAGE, page(), {}, None)
    assert out == PROSE_PAGE.replace("<pre>", "<pre data-search-exclude>").replace(
        '<pre class="text">', '<pre data-search-exclude class="text">')
    assert out.count("data-search-exclude") == 2
    assert '<code>mse</code>' in out, "code inside a sentence stays searchable"


@pytest.mark.parametrize("src_uri, left_out", [
    ("generated/trace/trace.ipynb", True),     # an example's notebook page
    ("generated/report.md", False),            # the execution report
    ("generated/trace/other.ipynb", False),    # not the example's own notebook
    ("traces/mse-and-cross-entropy.md", False),
])
def test_only_the_notebook_pages_leave_search_whole(src_uri, left_out):
    nb_or_prose = page(src_uri, meta={"title": "T"})
    search_exclusion.on_page_content("<p>prose</p>", nb_or_prose, {}, None)
    expected = {"title": "T", "search": {"exclude": True}} if left_out else {"title": "T"}
    assert nb_or_prose.meta == expected

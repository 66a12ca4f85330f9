"""The hooks chained as mkdocs.yml orders them, on one page or one build: what search, the
header cells, the notebook links, the alt texts, the notebook stylesheet and the KaTeX fonts
come to together, and that one build's state is not the next one's."""

import json

import pytest

from scripts.hooks import (chart_images, notebook_links, notebook_styles, page_assets,
                           search_exclusion, static_math, table_headers, verified_on)
from tests.unit.hooks.fake_site import data_img, notebook_page, page


CONTENT_HOOKS = (search_exclusion, table_headers, verified_on, notebook_links, page_assets,
                 chart_images)  # in mkdocs.yml's order


def on_page_content(html, page, config, files):
    for hook in CONTENT_HOOKS:
        html = hook.on_page_content(html, page, config, files)
    return html


def on_post_page(html, page, config):
    for hook in (static_math, page_assets, chart_images, notebook_styles):
        html = hook.on_post_page(html, page, config)
    return html


def on_post_build(config):
    static_math.on_post_build(config)
    notebook_styles.on_post_build(config)


# --- on_page_content ----------------------------------------------------------------------------

def test_code_leaves_search_and_an_empty_corner_is_no_header():
    html = ('<pre><code>x</code></pre><pre class="a">y</pre><pretty/>'
            '<table><tr><th></th><th>A</th><th class="c"> \n</th></tr></table>')
    assert on_page_content(html, page(), {}, None) == (
        '<pre data-search-exclude><code>x</code></pre><pre data-search-exclude class="a">y</pre>'
        '<pretty/><table><tr><td></td><th>A</th><td class="c"></td></tr></table>')


def test_a_page_teaches_the_alt_text_of_the_charts_it_shows():
    html = ('<img alt="Loss falls" src="../../generated/trace/loss_curves.svg">'
            '<img src="../../generated/trace/other.svg">'
            '<img alt="A photo" src="photo.png">'
            '<img alt="" src="../empty.svg">')
    on_page_content(html, page(url="traces/mse/"), {}, None)
    assert chart_images._build.alts == {"generated/trace/loss_curves.svg": "Loss falls"}


@pytest.mark.parametrize("markdown, has_math", [
    ("The loss $L = -\\log p$ falls.", True),
    ("Costs 5 $ per\nline $", False),
    ("No maths here.", False),
])
def test_notebook_page_opens_with_its_links_and_leaves_search(tmp_path, docs, markdown,
                                                              has_math):
    notebook = tmp_path / "trace.ipynb"
    notebook.write_text(json.dumps({"cells": [
        {"cell_type": "markdown", "source": ["# Title\n", markdown]},
        {"cell_type": "code", "source": ["x = '$a$'"]},
    ]}))
    nb_page = page("generated/trace/trace.ipynb", "generated/trace/trace/", str(notebook))
    out = on_page_content("<p>body</p><pre>x</pre>", nb_page, docs, None)
    assert out.startswith('<p class="example-links"><a href="trace.ipynb" download>')
    assert out.endswith("</p><p>body</p><pre data-search-exclude>x</pre>")
    assert nb_page.meta == {"search": {"exclude": True}, "notebook_math": has_math}


# --- on_post_page and on_post_build -------------------------------------------------------------

BIG_CSS = ".jp-Cell{a:b}.jp-Unused{c:d}" + " " * notebook_styles.INLINE_LIMIT
MATHJAX = ('<!-- Load mathjax -->\n    <script src=""> </script>\n'
           '<script type="text/x-mathjax-config">MathJax.Hub.Config({});</script>\n'
           '<!-- End of mathjax configuration -->')


def notebook_html(css=BIG_CSS):
    return (f"<html><head><style>{css}</style><style>.small{{x:y}}</style>{MATHJAX}</head>"
            '<body><div class="jp-Cell jp-CodeCell">x</div></body></html>')


def test_notebook_page_links_the_shared_stylesheet_and_drops_mathjax(docs):
    out = on_post_page(notebook_html(), notebook_page(), docs)
    assert out == ('<html><head><link rel="stylesheet" '
                   'href="../../../assets/stylesheets/notebook.css">'
                   '<style>.small{x:y}</style></head>'
                   '<body><div class="jp-Cell jp-CodeCell">x</div></body></html>')
    assert notebook_styles._build.css == BIG_CSS
    assert notebook_styles._build.used_classes == {"jp-Cell", "jp-CodeCell"}


def test_a_notebook_stylesheet_that_differs_between_pages_is_an_error(docs):
    on_post_page(notebook_html(), notebook_page(), docs)
    with pytest.raises(ValueError, match=r"^generated/trace/trace.ipynb: notebook stylesheet "
                                         "differs between pages$"):
        on_post_page(notebook_html(BIG_CSS + "x"), notebook_page(), docs)


def test_other_pages_keep_their_styles(docs):
    html = notebook_html()
    assert on_post_page(html, page(), docs) == html
    assert notebook_styles._build == notebook_styles.NotebookStyles()


def test_post_build_writes_the_purged_stylesheet_and_lets_fonts_swap(docs, tmp_path):
    site = tmp_path / "site"
    katex = site / "assets" / "katex" / "katex.min.css"
    katex.parent.mkdir(parents=True)
    katex.write_text("@font-face{font-display:block;src:url(a.woff2)}"
                     "@font-face{font-display:block;src:url(b.woff2)}")
    on_post_page(notebook_html(), notebook_page(), docs)
    on_post_build(docs)
    assert katex.read_text() == ("@font-face{font-display:swap;src:url(a.woff2)}"
                                 "@font-face{font-display:swap;src:url(b.woff2)}")
    assert (site / notebook_styles.NOTEBOOK_CSS).read_text() == ".jp-Cell{a:b}"


def test_post_build_of_a_site_without_notebooks_or_katex_writes_nothing(docs, tmp_path):
    (tmp_path / "site").mkdir()
    on_post_build(docs)
    assert list((tmp_path / "site").iterdir()) == []


# --- one build's state is not the next one's (mkdocs serve rebuilds in one process) -------------

def test_a_second_build_forgets_the_first_builds_alt_texts_and_styles(docs):
    on_page_content('<img alt="Loss falls" src="../../generated/trace/loss_curves.svg">',
                    page(url="traces/mse/"), docs, None)
    on_post_page(notebook_html(), notebook_page(), docs)
    chart_images.on_pre_build(docs)
    notebook_styles.on_pre_build(docs)
    assert chart_images._build.alts == {}
    assert notebook_styles._build == notebook_styles.NotebookStyles()
    out = on_post_page(data_img(), notebook_page(), docs)
    assert 'alt="Chart: loss curves (the example\'s figure)"' in out

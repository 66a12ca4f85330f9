"""notebook_weight on small notebook cells and stylesheets: which spans go, which merge, the
text kept; and which of JupyterLab's rules can never match."""

import re

import pytest

from scripts.hooks import notebook_weight
from tests.unit.hooks import fake_site

# As nbconvert writes it into a notebook page: one comment per class.
PAGE_CSS = """
pre { line-height: 125%; }
.highlight-ipynb .hll { background-color: var(--jp-cell-editor-active-background) }
.highlight-ipynb { background: var(--jp-cell-editor-background); color: var(--jp-mirror-editor-variable-color) }
.highlight-ipynb .o { color: var(--jp-mirror-editor-operator-color); font-weight: bold } /* Operator */
.highlight-ipynb .p { color: var(--jp-mirror-editor-punctuation-color) } /* Punctuation */
.highlight-ipynb .w { color: var(--jp-mirror-editor-variable-color) } /* Text.Whitespace */
.highlight-ipynb .mi { color: var(--jp-mirror-editor-number-color) } /* Literal.Number.Integer */
.highlight-ipynb .k { color: var(--jp-mirror-editor-keyword-color); font-weight: bold } /* Keyword */
.highlight-ipynb .s2 { color: var(--jp-mirror-editor-string-color) } /* Literal.String.Double */
.highlight-ipynb .si { color: var(--jp-mirror-editor-string-color) } /* Literal.String.Interpol */
"""
# Two properties alike in one scheme: still two colours.
SCHEMES = """
.jupyter-wrapper{--jp-mirror-editor-number-color:#080;--jp-mirror-editor-keyword-color:#080}
[data-md-color-scheme=slate] .jupyter-wrapper{--jp-mirror-editor-number-color:#8f8}
"""
STYLES = notebook_weight.cell_styles(PAGE_CSS + SCHEMES)


def cell(code: str) -> str:
    return f'<div class="highlight-ipynb hl-python"><pre data-search-exclude><span></span>{code}</pre></div>'


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_styles_are_the_cells_own_as_written():
    assert STYLES["o"] == "color:var(--jp-mirror-editor-operator-color);font-weight:bold"
    assert STYLES["s2"] == STYLES["si"] == "color:var(--jp-mirror-editor-string-color)"
    assert STYLES["mi"] == "color:var(--jp-mirror-editor-number-color)"  # not resolved
    assert STYLES["w"] == ""  # the cell's own colour
    assert "n" not in STYLES  # no rule: plain


def test_plain_spans_become_text_and_alike_neighbours_merge():
    code = ('<span class="n">x</span><span class="w"> </span><span class="o">=</span> '
            '<span class="s2">&quot;a</span><span class="si">{</span><span class="n">b</span>'
            '<span class="p">)</span><span class="p">,</span> <span class="mi">1</span>')
    lighter = notebook_weight.lighter_cells(cell(code), STYLES)
    assert lighter == cell(
        'x <span class="o">=</span> <span class="s2">&quot;a{</span>b<span class="p">),</span> '
        '<span class="mi">1</span>')
    assert text(lighter) == text(cell(code))


def test_colours_alike_in_one_scheme_stay_apart():
    code = '<span class="mi">1</span><span class="k">in</span>'
    assert notebook_weight.lighter_cells(cell(code), STYLES) == cell(code)


def test_markdown_code_blocks_are_left_to_code_spans():
    block = '<div class="highlight"><pre><span></span><code><span class="n">x</span></code></pre></div>'
    assert notebook_weight.lighter_cells(block, STYLES) == block


@pytest.mark.parametrize("selector, expected", [
    (".jupyter-wrapper :root", False),
    (".jupyter-wrapper body", False),
    (".jupyter-wrapper body[data-format=mobile] .jp-InputArea", False),
    (".jupyter-wrapper > html", False),
    (":root", True),
    ("body.jp-x .jupyter-wrapper", True),
    (".jupyter-wrapper .jp-body", True),
    ("[data-md-color-scheme=slate] .jupyter-wrapper", True),
])
def test_the_root_or_the_body_inside_something_never_matches(selector, expected):
    assert notebook_weight.can_match(selector) is expected


def test_unmatchable_rules_go_and_the_rest_stay_as_written():
    css = ('@charset "UTF-8";\n.jupyter-wrapper{--a:1}\n.jupyter-wrapper :root{--jp-icon:url(x)}\n'
           '@media (max-width:760px){.jupyter-wrapper body .jp-X{margin:0}.jp-Y{margin:1px}}\n'
           '@media print{.jupyter-wrapper body{color:red}}\n'
           '.jupyter-wrapper body,.jupyter-wrapper .jp-Z{color:blue}')
    assert notebook_weight.drop_unmatchable(css) == (
        '@charset "UTF-8";\n.jupyter-wrapper{--a:1}\n'
        "@media (max-width:760px){.jp-Y{margin:1px}}\n"
        ".jupyter-wrapper body,.jupyter-wrapper .jp-Z{color:blue}")


def test_the_built_stylesheet_is_rewritten_and_a_site_without_one_is_left_alone(tmp_path):
    notebook_weight.on_post_build({"site_dir": str(tmp_path)})  # no notebooks: nothing written
    assert not any(tmp_path.iterdir())
    target = tmp_path / notebook_weight.NOTEBOOK_CSS
    target.parent.mkdir(parents=True)
    target.write_text(".jupyter-wrapper :root{--a:1}\n.jp-Y{margin:0}")
    notebook_weight.on_post_build({"site_dir": str(tmp_path)})
    assert target.read_text() == ".jp-Y{margin:0}"


def test_a_page_without_notebook_cells_is_returned_unchanged():
    html = '<div class="highlight"><pre><code><span class="n">x</span></code></pre></div>'
    assert notebook_weight.on_post_page(html, fake_site.page("index.md", ""), {}) is html

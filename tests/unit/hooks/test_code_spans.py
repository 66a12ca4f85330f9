"""code_spans on small stylesheets and code blocks: which spans go, which merge, the text kept;
and the theme's own stylesheets, read as the build reads them."""

import re

import pytest
from mkdocs.config import load_config

from scripts import layout
from scripts.hooks import code_spans
from tests.unit.hooks import fake_site

CSS = """
:root,[data-md-color-scheme=default]{--md-code-fg-color:#36464e;
  --md-code-hl-name-color:var(--md-code-fg-color);--md-code-hl-operator-color:#0000008a;
  --md-code-hl-punctuation-color:#0000008a;--md-code-hl-string-color:#1c7d4d}
@media screen{[data-md-color-scheme=slate]{--md-code-fg-color:#ddd;
  --md-code-hl-name-color:var(--md-code-fg-color);--md-code-hl-operator-color:#aaa;
  --md-code-hl-punctuation-color:#bbb;--md-code-hl-string-color:#2fb170}}
.highlight .o,.highlight .ow{color:var(--md-code-hl-operator-color)}
.highlight .p{color:var(--md-code-hl-punctuation-color)}
.highlight .s1,.highlight .s2,.highlight .si{color:var(--md-code-hl-string-color)}
.highlight .kc,.highlight .n{color:var(--md-code-hl-name-color)}
.highlight .gi{padding:0 .125em;background-color:#0bd57026}
.highlight code a[id]{position:absolute}
"""
STYLES = code_spans.token_styles(CSS)


def block(code: str) -> str:
    return ('<div class="language-python highlight"><pre><span></span><code>'
            f"{code}</code></pre></div>")


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_styles_are_read_from_the_stylesheets_with_custom_properties_resolved():
    assert STYLES["n"] == STYLES["kc"] == "color:var(--md-code-fg-color)"  # one value: followed
    assert STYLES["o"] == STYLES["ow"] == "color:var(--md-code-hl-operator-color)"
    assert STYLES["s1"] == STYLES["si"] == "color:var(--md-code-hl-string-color)"
    assert STYLES["gi"] == "padding:0 .125em;background-color:#0bd57026"
    assert "w" not in STYLES and "a" not in STYLES  # no rule of its own; not a token rule


def test_properties_set_alike_by_the_same_rules_compare_equal():
    twins = ":root{--a:#111;--b:#111}.dark{--a:#eee;--b:#eee}.highlight .x{color:var(--b)}"
    assert code_spans.token_styles(twins) == {"x": "color:var(--a)"}
    # Punctuation and operators differ in the dark scheme (#bbb, #aaa): never merged.
    assert STYLES["p"] != STYLES["o"]


@pytest.mark.parametrize("code, lighter", [
    # a name has the code's own colour and whitespace no rule: both become text
    ('<span class="n">x</span><span class="w"> </span><span class="o">=</span>',
     'x <span class="o">=</span>'),
    # spans styled alike merge, across whitespace between them too
    ('<span class="s1">f"</span><span class="si">{</span>',
     '<span class="s1">f"{</span>'),
    ('<span class="o">+</span> <span class="ow">in</span>', '<span class="o">+ in</span>'),
    # a whitespace-only span's colour never shows
    ('<span class="s2">"a"</span><span class="o"> </span><span class="s2">"b"</span>',
     '<span class="s2">"a" "b"</span>'),
    # text between spans keeps them apart; different colours stay apart
    ('<span class="o">=</span>x<span class="o">=</span>',
     '<span class="o">=</span>x<span class="o">=</span>'),
    ('<span class="o">=</span><span class="p">(</span>',
     '<span class="o">=</span><span class="p">(</span>'),
    # a background is not merged across whitespace, nor is a whitespace span with one dropped
    ('<span class="gi">+</span> <span class="gi">+</span>',
     '<span class="gi">+</span> <span class="gi">+</span>'),
    ('<span class="gi"> </span>', '<span class="gi"> </span>'),
    # other markup (a highlighted line, an anchor) is left as it is and keeps spans apart
    ('<span class="hll"><span class="o">=</span></span><span class="o">=</span>',
     '<span class="hll"><span class="o">=</span></span><span class="o">=</span>'),
    ('<span class="o">=</span><a id="l1"></a><span class="o">=</span>',
     '<span class="o">=</span><a id="l1"></a><span class="o">=</span>'),
    ("&lt;<span class=\"n\">a</span>&amp;", "&lt;a&amp;"),
])
def test_code_loses_spans_that_change_nothing(code, lighter):
    assert code_spans.lighter_code(code, STYLES) == lighter
    assert text(lighter) == text(code)


def test_only_markdown_code_blocks_are_touched():
    span = '<span class="n">x</span>'
    page = (block(span)
            + f'<div class="highlight-ipynb hl-python"><pre><span></span>{span}</pre></div>'
            + f'<p>{span}</p><span class="katex"><span class="mord">x</span></span>'
            + '<div class="highlight"><span class="filename">a.py</span><pre><span></span>'
            + f'<code>{span}</code></pre></div>')
    assert code_spans.lighter_page(page, STYLES) == page.replace(span, "x", 1).replace(
        f"<code>{span}", "<code>x")


def test_the_sites_own_stylesheets_keep_names_plain_and_tokens_coloured():
    """On the installed theme and this site's stylesheets: the spans the hook drops are the
    ones Material paints in the code's own colour, and strings, keywords and numbers keep
    colours of their own."""
    config = load_config(str(layout.REPO / "mkdocs.yml"))
    css = code_spans.site_stylesheets(config)
    assert any(".md-typeset pre" in selectors.split(",")
               and re.search(r"(^|;)color:" + re.escape(code_spans.CODE_COLOUR), body)
               for selectors, body in code_spans.RULE.findall(css))
    styles = code_spans.token_styles(css)
    assert code_spans.is_plain(styles["n"]) and "w" not in styles
    coloured = {styles[name] for name in ("s2", "k", "mi", "nb", "nf")}
    assert len(coloured) == 5 and not any(code_spans.is_plain(s) for s in coloured)


def test_the_hook_reads_the_stylesheets_once_per_build(monkeypatch):
    monkeypatch.setattr(code_spans, "site_stylesheets", lambda config: CSS)
    code_spans.on_config({})
    page = block('<span class="n">x</span>')
    assert code_spans.on_post_page(page, fake_site.page(), {}) == block("x")

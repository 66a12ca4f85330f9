"""The site's hooks (scripts/hooks/) on small HTML and CSS: the notebook stylesheet's purge, search exclusion, header
cells, alt text, per-page assets, chart files and sizes, maths, MathJax and font-display."""

import base64
import json
import subprocess
from types import SimpleNamespace

import pytest

from scripts.hooks import (chart_images, notebook_links, notebook_styles, page_assets,
                           search_exclusion, static_math, table_headers, verified_on)

SVG = (b'<?xml version="1.0"?>\n<svg xmlns:xlink="http://www.w3.org/1999/xlink" '
       b'width="432pt" height="216pt" viewBox="0 0 432 216">...</svg>')


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


@pytest.fixture(autouse=True)
def fresh_state(tmp_path):
    """Every test is a build of its own."""
    config = {"docs_dir": str(tmp_path / "docs")}
    chart_images.on_pre_build(config)
    notebook_styles.on_pre_build(config)


def page(src_uri="reference/page.md", url="reference/page/", abs_src_path=None, meta=None):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, abs_src_path=abs_src_path),
                           url=url, meta=meta if meta is not None else {})


@pytest.fixture
def docs(tmp_path):
    """A docs folder with one generated chart; the configuration that points at it."""
    chart = tmp_path / "docs" / "generated" / "trace" / "loss_curves.svg"
    chart.parent.mkdir(parents=True)
    chart.write_bytes(SVG)
    return {"docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
            "repo_url": None, "extra": {}}


# --- the CSS purge ------------------------------------------------------------------------------

def test_css_blocks_split_top_level_rules_statements_and_nested_blocks():
    css = '@import url("x.css");\n.a, .b { color: red }\n@media (max-width: 1px) { .c { x: 1 } }'
    assert list(notebook_styles.css_blocks(css)) == [
        ('@import url("x.css")', None),
        (".a, .b", " color: red "),
        ("@media (max-width: 1px)", " .c { x: 1 } "),
    ]
    assert list(notebook_styles.css_blocks("")) == []


@pytest.mark.parametrize("selector, used, expected", [
    (".jp-Cell", {"jp-Cell"}, True),
    (".jp-Cell", {"jp-Other"}, False),
    (".a .b > .c:hover", {"a", "b", "c"}, True),
    (".a.b", {"a"}, False),
    ("pre", set(), True),
    (":root", set(), True),
    (".-x_y-1", {"-x_y-1"}, True),
])
def test_a_selector_is_used_when_every_class_it_names_is(selector, used, expected):
    assert notebook_styles.selector_used(selector, used) is expected


def test_purge_drops_rules_that_cannot_match_and_keeps_the_rest():
    css = """
    @import url("fonts.css");
    :root { --jp-x: 1px; }
    .used { color: red; }
    .unused { color: blue; }
    .unused, .used:hover { color: green; }
    .used .unused { margin: 0; }
    @media print { .unused { display: none; } }
    @media (min-width: 10px) { .unused { a: b; } .used { c: d; } }
    @supports (display: grid) { .used { display: grid; } }
    @font-face { font-family: X; src: url(x.woff2); }
    @keyframes spin { from { transform: rotate(0) } to { transform: rotate(1turn) } }
    """
    assert notebook_styles.purge(css, {"used"}).splitlines() == [
        '@import url("fonts.css");',
        ":root{--jp-x: 1px;}",
        ".used{color: red;}",
        ".unused, .used:hover{color: green;}",
        "@media (min-width: 10px){.used{c: d;}}",
        "@supports (display: grid){.used{display: grid;}}",
        "@font-face{font-family: X; src: url(x.woff2);}",
        "@keyframes spin{from { transform: rotate(0) } to { transform: rotate(1turn) }}",
    ]
    assert notebook_styles.purge(".a{x:1}", set()) == ""


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


@pytest.mark.parametrize("src, page_url, path", [
    ("../generated/x/a.svg", "traces/mse/", "traces/generated/x/a.svg"),
    ("../../generated/x/a.svg", "traces/mse/", "generated/x/a.svg"),
    ("a.svg", "", "a.svg"),
    ("/generated/x/a.svg", "traces/mse/", "generated/x/a.svg"),
])
def test_site_path_resolves_a_link_against_its_page(src, page_url, path):
    assert chart_images.site_path(src, page_url) == path


# --- per-page assets --------------------------------------------------------------------------

HEAD = """<html><head>
<link rel="stylesheet" href="../assets/katex/katex.min.css">
<link rel="stylesheet" href="../stylesheets/extra.css">
<script src="../assets/katex/katex.min.js" defer></script>
<script src="../javascripts/katex-init.js" defer></script>
<script src="../javascripts/quiz.js" defer></script>
<script src="../javascripts/loss-explorer.js" defer></script>
<script src="../javascripts/a11y.js" defer></script>
</head><body>"""


def assets(body, meta=None):
    out = page_assets.drop_unused_assets(HEAD + body + "</body></html>", page(meta=meta))
    return [name for name in ("katex.min.css", "extra.css", "katex.min.js", "katex-init.js",
                              "quiz.js", "loss-explorer.js", "a11y.js") if name in out]


def test_a_page_without_markers_keeps_only_the_shared_assets():
    assert assets("<p>prose</p>") == ["extra.css", "a11y.js"]


def test_maths_rendered_at_build_time_needs_the_stylesheet_but_no_script():
    assert assets('<span class="arithmatex katex-static">x</span>') == [
        "katex.min.css", "extra.css", "a11y.js"]


def test_maths_left_for_the_browser_keeps_katex():
    expected = ["katex.min.css", "extra.css", "katex.min.js", "katex-init.js", "a11y.js"]
    assert assets('<span class="arithmatex">\\(x\\)</span>') == expected
    assert assets("<p>notebook</p>", meta={"notebook_math": True}) == expected


def test_the_questions_and_the_explorer_get_their_scripts():
    assert assets('<div class="quiz" id="q">') == ["extra.css", "quiz.js", "a11y.js"]
    assert assets('<div class="loss-explorer">') == ["extra.css", "loss-explorer.js", "a11y.js"]


def test_dropped_tags_take_their_line_with_them():
    out = page_assets.drop_unused_assets(HEAD + "</body>", page())
    assert "<script" in out and "\n\n" not in out
    assert out.count("</head>") == 1


# --- charts: files, sizes, alt text -------------------------------------------------------------

@pytest.mark.parametrize("svg, size", [
    (SVG, (576, 288)),
    (b'<svg width="460.8pt" height="345.6pt">', (614, 461)),
    (b'<svg width="300px" height="150px">', (300, 150)),
    (b'<svg version="1.1" width="300" height="150.4">', (300, 150)),
    (b'<svg viewBox="0 0 10 10">', None),
    (b'<svg height="10" width="20">', None),
    (b"<svg" + b" " * 2000 + b'width="1" height="1">', None),
    (b"not an svg \xff", None),
])
def test_svg_size_in_css_pixels(svg, size):
    assert chart_images.svg_size(svg) == size


def test_chart_file_finds_a_generated_chart_by_its_bytes(docs):
    assert chart_images.Charts(docs["docs_dir"]).file_of(SVG) == "generated/trace/loss_curves.svg"
    assert chart_images.Charts(docs["docs_dir"]).file_of(SVG + b" ") is None


def data_img(svg=SVG, alt="x"):
    return f'<img alt="{alt}" src="{chart_images.DATA_SVG}{base64.b64encode(svg).decode()}">'


def test_notebook_chart_becomes_the_chart_file_with_the_pages_alt_text(docs):
    charts = chart_images.Charts(docs["docs_dir"])
    charts.alts["generated/trace/loss_curves.svg"] = "Loss falls with every epoch"
    out = chart_images.fix_images(data_img(), "generated/trace/trace/", charts)
    assert out == ('<img alt="Loss falls with every epoch" src="../loss_curves.svg" '
                   'width="576" height="288" loading="lazy" decoding="async">')


def test_notebook_chart_no_page_shows_is_named_after_its_file(docs):
    out = chart_images.fix_images(data_img(alt="output"), "generated/trace/trace/",
                                 chart_images.Charts(docs["docs_dir"]))
    assert 'alt="Chart: loss curves (the example\'s figure)"' in out


def test_inline_image_that_is_no_generated_chart_is_left_alone(docs):
    img = data_img(b'<svg width="1pt" height="1pt"></svg>')
    assert chart_images.fix_images(img, "reference/page/", chart_images.Charts(docs["docs_dir"])) == img


def test_chart_file_on_a_page_is_sized_and_lazy(docs):
    img = '<img alt="Loss" src="../../generated/trace/loss_curves.svg" class="c">'
    out = chart_images.fix_images(f"<p>{img}</p>", "traces/mse/",
                                 chart_images.Charts(docs["docs_dir"]))
    assert out == ('<p><img alt="Loss" src="../../generated/trace/loss_curves.svg" class="c" '
                   'width="576" height="288" loading="lazy" decoding="async"></p>')


@pytest.mark.parametrize("img", [
    '<img alt="x" src="../../generated/trace/missing.svg">',
    '<img alt="x" src="https://example.org/a.svg">',
    '<img alt="x" src="photo.png">',
])
def test_images_that_are_not_local_charts_are_left_alone(docs, img):
    assert chart_images.fix_images(img, "traces/mse/", chart_images.Charts(docs["docs_dir"])) == img


# --- maths at build time ------------------------------------------------------------------------

def test_page_without_maths_or_without_node_is_left_as_it_is(monkeypatch):
    def no_subprocess(*args, **kwargs):
        raise AssertionError("node must not run")

    monkeypatch.setattr(static_math.subprocess, "run", no_subprocess)
    assert static_math.render_math("<p>x</p>", page(), {}) == "<p>x</p>"
    monkeypatch.setattr(static_math.shutil, "which", lambda name: None)
    html = '<span class="arithmatex">\\(x\\)</span>'
    assert static_math.render_math(html, page(), {"docs_dir": "docs"}) == html


@pytest.fixture
def fake_node(monkeypatch):
    """KaTeX replaced by a function of its input; the calls it got."""
    calls = []

    def run(argv, input, **kwargs):
        calls.append((argv, json.loads(input)))
        return subprocess.CompletedProcess(argv, 0, json.dumps(
            [f"<k>{tex}|{display}</k>" for tex, display in json.loads(input)]), "")

    monkeypatch.setattr(static_math.shutil, "which", lambda name: "/usr/bin/node")
    monkeypatch.setattr(static_math.subprocess, "run", run)
    return calls


def test_formulas_go_to_katex_in_one_call_and_come_back_in_place(fake_node, tmp_path):
    html = ('<p><span class="arithmatex">\\(a &lt; b\\)</span> and</p>'
            '<div class="arithmatex">\\[\n\\sum_i x_i\n\\]</div>')
    out = static_math.render_math(html, page(), {"docs_dir": str(tmp_path)})
    assert out == ('<p><span class="arithmatex katex-static"><k>a < b|False</k></span> and</p>'
                   '<div class="arithmatex katex-static"><k>\n\\sum_i x_i\n|True</k></div>')
    ((argv, formulas),) = fake_node
    assert argv[0] == "/usr/bin/node" and argv[-1] == str(tmp_path / static_math.KATEX_JS)
    assert formulas == [["a < b", False], ["\n\\sum_i x_i\n", True]]


def test_formula_katex_refuses_names_the_page(monkeypatch, tmp_path):
    monkeypatch.setattr(static_math.shutil, "which", lambda name: "/usr/bin/node")
    monkeypatch.setattr(static_math.subprocess, "run", lambda argv, **kw: subprocess.CompletedProcess(
        argv, 1, "", "\\frac{: Expected group after '\\frac'"))
    with pytest.raises(ValueError, match=r"^reference/page.md: KaTeX cannot render \\frac\{: "):
        static_math.render_math('<span class="arithmatex">\\(\\frac{\\)</span>', page(),
                          {"docs_dir": str(tmp_path)})


# --- on_post_page and on_post_build -------------------------------------------------------------

BIG_CSS = ".jp-Cell{a:b}.jp-Unused{c:d}" + " " * notebook_styles.INLINE_LIMIT
MATHJAX = ('<!-- Load mathjax -->\n    <script src=""> </script>\n'
           '<script type="text/x-mathjax-config">MathJax.Hub.Config({});</script>\n'
           '<!-- End of mathjax configuration -->')


def notebook_html(css=BIG_CSS):
    return (f"<html><head><style>{css}</style><style>.small{{x:y}}</style>{MATHJAX}</head>"
            '<body><div class="jp-Cell jp-CodeCell">x</div></body></html>')


def notebook_page(url="generated/trace/trace/"):
    return page("generated/trace/trace.ipynb", url)


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


def test_a_page_without_a_head_gets_no_stray_head_end():
    html = '<p>x</p><script src="../javascripts/quiz.js"></script>'
    assert page_assets.drop_unused_assets(html, page()) == "<p>x</p>"

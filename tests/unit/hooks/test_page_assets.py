"""page_assets on a small page head: each page keeps only the scripts and stylesheets its
content uses, and a dropped tag leaves no gap."""

from scripts.hooks import page_assets
from tests.unit.hooks.fake_site import page

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


def test_a_page_without_a_head_gets_no_stray_head_end():
    html = '<p>x</p><script src="../javascripts/quiz.js"></script>'
    assert page_assets.drop_unused_assets(html, page()) == "<p>x</p>"

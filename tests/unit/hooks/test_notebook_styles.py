"""notebook_styles on small stylesheets: how CSS splits into rules and which rules the purge
keeps. (What it does to a notebook page and to the build: test_hooks_in_order.py.)"""

import pytest

from scripts.hooks import notebook_styles


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

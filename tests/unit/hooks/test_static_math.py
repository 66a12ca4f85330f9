"""static_math with KaTeX faked: formulas rendered in one Node.js call and put back in place,
a formula KaTeX refuses names its page, and pages without maths or without Node.js left as
they are."""

import json
import subprocess

import pytest

from scripts.hooks import static_math
from tests.unit.hooks.fake_site import page


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

"""Pages only interpolate facts: no Jinja statements, no logic or arithmetic inside ``{{ }}``,
and numbers written only with the number-style filters (scripts/number_style.py).

Analysis belongs in the example's facts module (scripts/facts/NAME.py), where it has return
values, types and tests; a sentence that depends on a result is asserted there as a claim.
"""

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "generated" not in p.relative_to(DOCS).parts)
EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
STRING = re.compile(r'"[^"]*"|\'[^\']*\'')
LAST_ITEMS = re.compile(r"\[-\d+\]")
# Logic, comparisons, arithmetic and the old formatting idioms.
FORBIDDEN = re.compile(r"[<>=*/+%]|\s-\s|(?<![\w.])-(?=\w)|\b(?:if|else|not|and|or|round|format|int|abs)\b")


def expressions(page: Path) -> list[tuple[int, str]]:
    text = page.read_text()
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in EXPRESSION.finditer(text)]


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_page_has_no_jinja_statements(page):
    lines = [n for n, line in enumerate(page.read_text().splitlines(), 1) if "{%" in line]
    assert not lines, (f"{page.relative_to(DOCS)}: Jinja statements on lines {lines}; compute "
                       "the finding in scripts/facts/ and interpolate it")


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_page_expressions_only_interpolate(page):
    bad = [(n, e.strip()) for n, e in expressions(page)
           if FORBIDDEN.search(LAST_ITEMS.sub("", STRING.sub("", e)))]
    assert not bad, (f"{page.relative_to(DOCS)}: logic, arithmetic or an old number idiom in "
                     f"{bad}; move it to scripts/facts/ and use a filter of scripts/number_style.py")


def test_the_check_catches_what_it_is_for(tmp_path):
    page = tmp_path / "page.md"
    page.write_text('{{ (a - b) | round(2) }} {{ x[-1] | loss }} {{ f["delta=1"].slope | fixed(2) }}\n'
                    '{{ "yes" if a else "no" }} {{ -g.mse }}')
    flagged = [e for _, e in expressions(page)
               if FORBIDDEN.search(LAST_ITEMS.sub("", STRING.sub("", e)))]
    assert [e.strip() for e in flagged] == ["(a - b) | round(2)", '"yes" if a else "no"', "-g.mse"]

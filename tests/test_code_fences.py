"""No Python fence under docs/ escapes execution.

pytest-codeblocks runs only fences whose info string is exactly ``python``, ``sh`` or
``bash``; ```` ```py ```` or ```` ```python title="x" ```` would be skipped without a word.
This test reads every page with pytest-codeblocks' own parser and fails on any such fence,
on any skip/xfail mark, and on fences with no language at all. The one exception is a
fence that only includes a whole example or shared helper (``--8<-- "examples/NAME.py"``,
``examples/FOLDER/NAME.py``): smoke runs and tests execute that code.
"""

import re
from pathlib import Path

import pytest
from pytest_codeblocks import extract_from_file

DOCS = Path(__file__).resolve().parents[1] / "docs"
EXECUTED = {"python", "sh", "bash"}
PYTHONISH = re.compile(r"^(py|python|python3|ipython|ipython3|pycon)\b", re.IGNORECASE)
EXAMPLE_INCLUDE = re.compile(r'^-{2}8<-{2} "(examples/(?:[\w-]+/)?[\w-]+\.py)"$')
PAGES = sorted(p for p in DOCS.rglob("*.md") if "generated" not in p.relative_to(DOCS).parts)


def classify(block) -> str:
    syntax = (block.syntax or "").strip()
    if syntax in EXECUTED:
        return "skipped" if block.marks else "executed"
    if not syntax:
        return "no-language"
    if PYTHONISH.match(syntax):
        match = EXAMPLE_INCLUDE.match(block.code.strip())
        if match and (DOCS.parent / match.group(1)).exists():
            return "example-include"
        return "uncollected-python"
    return "other"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_python_fence_is_executed(page):
    problems = []
    for block in extract_from_file(page):
        kind = classify(block)
        where = f"{page.relative_to(DOCS.parent)}:{block.lineno}"
        if kind == "uncollected-python":
            problems.append(f"{where}: fence '{block.syntax}' is not run by pytest-codeblocks; "
                            "write exactly ```python (put titles in the prose)")
        elif kind == "skipped":
            problems.append(f"{where}: marks {block.marks} skip a block; make it run instead")
        elif kind == "no-language":
            problems.append(f"{where}: fence without a language; use ```python or ```text")
    assert not problems, "\n".join(problems)


def test_classifier_catches_the_silent_cases():
    """The rules above must reject exactly the fences pytest-codeblocks would not run."""
    from io import StringIO

    from pytest_codeblocks.main import extract_from_buffer

    page = StringIO(
        "```py\nx = 1\n```\n\n"
        '```python title="a.py"\nx = 1\n```\n\n'
        "```\nx = 1\n```\n\n"
        '<!--pytest.mark.skip-->\n```python\nx = 1\n```\n\n'
        '```python title="examples/trace_mse_crossentropy.py"\n'
        '--8<-- "examples/trace_mse_crossentropy.py"\n```\n\n'
        "```python\nx = 1\n```\n"
    )
    kinds = [classify(b) for b in extract_from_buffer(page)]
    assert kinds == ["uncollected-python", "uncollected-python", "no-language", "skipped",
                     "example-include", "executed"]

"""No Python fence under docs/ escapes execution.

pytest-codeblocks runs only fences whose info string is exactly ``python``, ``sh`` or
``bash``; ```` ```py ```` or ```` ```python title="x" ```` would be skipped without a word.
This test reads every page with pytest-codeblocks' own parser and fails on any such fence,
on any skip/xfail mark, and on fences with no language at all. The one exception is a
fence that only includes a whole example (``--8<-- "examples/NAME.py"``): the suite executes
its generated notebook in a clean kernel.

Readers paste these blocks into a Python that has only TensorFlow, NumPy and matplotlib:
a block that imports anything else (this repository's modules included) fails here too.
"""

import ast
import re
import sys
from pathlib import Path

import pytest
from pytest_codeblocks import extract_from_file

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXECUTED = {"python", "sh", "bash"}
PYTHONISH = re.compile(r"^(py|python|python3|ipython|ipython3|pycon)\b", re.IGNORECASE)
EXAMPLE_INCLUDE = re.compile(r'^-{2}8<-{2} "(examples/[\w-]+\.py)"$')
READER_PACKAGES = {"keras", "tensorflow", "numpy", "matplotlib"}
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


def imported_modules(code: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            modules.add("." if node.level else node.module.split(".")[0])
    return modules


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_python_blocks_import_only_what_readers_have(page):
    allowed = READER_PACKAGES | set(sys.stdlib_module_names)
    problems = [
        f"{page.relative_to(DOCS.parent)}:{block.lineno}: imports {sorted(extra)}"
        for block in extract_from_file(page) if block.syntax == "python"
        for extra in [imported_modules(block.code) - allowed] if extra
    ]
    assert not problems, "readers have only TensorFlow, NumPy and matplotlib:\n" + "\n".join(
        problems)


def test_import_check_catches_repository_modules():
    assert imported_modules("import numpy as np\nfrom reference.numpy_losses import x\n"
                            "from . import y") == {"numpy", "reference", "."}

"""Every example keeps the header and the contract readers and the runner rely on (the way
keras-io's autogen validates its examples): a title, a one-sentence description, what it
demonstrates; one parameters cell of literals; imports only what readers have; charts
coloured by the style's cycle, not by hex literals."""

import ast
import re
import sys

import pytest

from scripts import example_cache

EXAMPLES = example_cache.discover()
READER_MODULES = {"keras", "tensorflow", "numpy", "matplotlib"}
HEX_COLOUR = re.compile(r"""["']#[0-9A-Fa-f]{6}["']""")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_header_has_title_description_and_what_it_demonstrates(name):
    header = EXAMPLES[name].read().cells[0]
    lines = header.source.splitlines()
    assert header.cell_type == "markdown" and lines[0].startswith("# "), (
        f"examples/{name}.py: start with a Markdown cell whose first line is '# Title'")
    description = re.search(r"\*\*Description:\*\*(.*?)(?:\n\n|$)", header.source, re.S)
    assert description, f"examples/{name}.py: the header needs '**Description:** one sentence.'"
    sentence = " ".join(description.group(1).split())
    assert sentence.endswith(".") and sentence.count(". ") == 0, (
        f"examples/{name}.py: the description is one sentence, ending with a full stop")
    assert "**Demonstrates:**" in header.source, f"examples/{name}.py: say what it **Demonstrates:**"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_parameters_are_literals(name):
    notebook = EXAMPLES[name].read()
    assert example_cache.default_parameters(notebook, name)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_imports_only_what_readers_have(name):
    tree = ast.parse(EXAMPLES[name].path.read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    extra = sorted(imported - READER_MODULES - set(sys.stdlib_module_names))
    assert not extra, f"examples/{name}.py imports {extra}: readers have only TensorFlow, NumPy, matplotlib"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_charts_use_the_styles_colour_cycle(name):
    found = HEX_COLOUR.findall(EXAMPLES[name].path.read_text())
    assert not found, (f"examples/{name}.py: colours {found} bypass scripts/matplotlibrc; "
                       "use the cycle ('C0', 'C1', ...) or plt.rcParams")

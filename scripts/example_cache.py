"""What an example is, where its generated files live, and when they are stale.

This module is the one place that defines the cache key. It must stay cheap: it never
imports TensorFlow or the notebook machinery, so that a no-op run takes well under a second.
"""

import ast
import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import jupytext

from scripts import layout
from scripts.handbook_env import CHART_STYLE, REPO
from scripts.layout import MANIFEST, RESULTS
# Distributions whose versions change results; the first installed name of each group counts.
VERSIONED = {
    "tensorflow": ("tensorflow", "tensorflow-cpu"),
    "keras": ("keras",),
    "numpy": ("numpy",),
    "matplotlib": ("matplotlib",),
}


class ExampleError(Exception):
    """An example, or a file generated from it, that the runner cannot use as it is."""


def shown(path: Path) -> str:
    """A path as a user would type it: relative to the repository when inside it."""
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


@dataclass
class Example:
    name: str
    path: Path

    @property
    def generated(self) -> Path:
        return layout.output_dir(self.name)

    @property
    def notebook_name(self) -> str:
        return layout.notebook_name(self.name)

    def read(self):
        try:
            return jupytext.read(self.path)
        except Exception as err:
            raise ExampleError(f"example {self.name!r}: {shown(self.path)} cannot be read "
                               f"as a percent-format notebook ({err})") from None

    def manifest(self) -> dict | None:
        path = self.generated / MANIFEST
        if not path.exists():
            return None
        try:
            return json.loads(path.read_text())
        except ValueError as err:
            raise ExampleError(
                f"example {self.name!r}: {shown(path)} is not valid JSON ({err}); "
                f"regenerate it with `python -m scripts.run_examples --force --only {self.name}`"
            ) from None


def discover() -> dict[str, Example]:
    """Every ``examples/*.py`` file is an example."""
    return {p.stem: Example(p.stem, p) for p in sorted(layout.EXAMPLES.glob("*.py"))}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parameters_cell(notebook, name: str) -> int:
    for index, cell in enumerate(notebook.cells):
        if "parameters" in cell.metadata.get("tags", []):
            return index
    raise ExampleError(f"example {name!r} has no cell tagged 'parameters'; "
                       "start one with `# %% tags=[\"parameters\"]`")


def default_parameters(notebook, name: str) -> dict:
    """The assignments of the parameters cell, as a dict; each value must be a literal."""
    cell = notebook.cells[parameters_cell(notebook, name)]
    values = {}
    for node in ast.parse(cell.source).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)):
            raise ExampleError(f"example {name!r}: parameters cell line {node.lineno} is not "
                               "a plain `name = value` assignment; keep other code elsewhere")
        try:
            values[node.targets[0].id] = ast.literal_eval(node.value)
        except ValueError:
            raise ExampleError(
                f"example {name!r}: parameter {node.targets[0].id!r} is not a literal "
                f"(`{ast.unparse(node.value)}`); write its value out, e.g. 0.001 rather than 1e-3 * 1"
            ) from None
    return values


def smoke_overrides(notebook, name: str) -> dict:
    """Tiny parameters for CI, from the parameters cell's ``smoke={...}`` metadata."""
    overrides = notebook.cells[parameters_cell(notebook, name)].metadata.get("smoke", {})
    unknown = sorted(set(overrides) - set(default_parameters(notebook, name)))
    if unknown:
        raise ExampleError(f"example {name!r}: smoke parameters {unknown} are not in its "
                           "parameters cell; fix the `smoke={...}` metadata")
    return dict(overrides)


def library_versions() -> dict:
    versions = {}
    for label, names in VERSIONED.items():
        for name in names:
            try:
                versions[label] = metadata.version(name)
                break
            except metadata.PackageNotFoundError:
                continue
    return versions


def cache_key(notebook, parameters: dict) -> str:
    """Hash of what decides the results: code cells, parameters, chart style, versions.

    Markdown cells are left out, so editing an example's prose never retrains it.
    """
    payload = {
        "code": [c.source for c in notebook.cells if c.cell_type == "code"],
        "parameters": parameters,
        "chart_style": sha256(CHART_STYLE.read_bytes()),
        "versions": library_versions(),
    }
    return sha256(json.dumps(payload, sort_keys=True).encode())


def source_hash(example: Example) -> str:
    return sha256(example.path.read_bytes())


def output_hashes(folder: Path) -> dict[str, str]:
    """Every generated file but the manifest, with its sha256."""
    return {
        str(p.relative_to(folder)): sha256(p.read_bytes())
        for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST
    }


def staleness(example: Example) -> str | None:
    """None when the committed artifacts match the source; else why they do not.

    Returns ``"prose"`` when only Markdown cells changed: the notebook needs
    re-rendering, the results do not need re-running.
    """
    manifest = example.manifest()
    if manifest is None:
        return "never generated"
    notebook = example.read()
    if manifest.get("cache_key") != cache_key(notebook, default_parameters(notebook, example.name)):
        old, new = manifest.get("versions", {}), library_versions()
        if old != new:
            return f"library versions changed ({old} -> {new})"
        return "code, parameters or chart style changed"
    recorded, actual = manifest.get("outputs", {}), output_hashes(example.generated)
    if recorded != actual:
        changed = sorted(f for f in recorded.keys() | actual.keys()
                         if recorded.get(f) != actual.get(f))
        return f"generated files missing, added or edited by hand: {', '.join(changed)}"
    if manifest.get("source_hash") != source_hash(example):
        return "prose"
    return None

"""What an example is, where its generated files live, and when they are stale.

This module is the one place that defines the cache key. It must stay cheap: it never
imports TensorFlow or the notebook machinery, so that a no-op run takes well under a second.
"""

import ast
import hashlib
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import jupytext

REPO = Path(__file__).resolve().parents[1]
HELPERS = REPO / "examples" / "common"
# Overridable so that the tests can drive the runner on examples of their own.
EXAMPLES = Path(os.environ.get("HANDBOOK_EXAMPLES_DIR", REPO / "examples"))
GENERATED = Path(os.environ.get("HANDBOOK_GENERATED_DIR", REPO / "docs" / "generated"))
MANIFEST = "manifest.json"
RESULTS = "results.json"
# Distributions whose versions change results; the first installed name of each group counts.
VERSIONED = {
    "tensorflow": ("tensorflow", "tensorflow-cpu"),
    "keras": ("keras",),
    "numpy": ("numpy",),
    "matplotlib": ("matplotlib",),
}


class ExampleError(Exception):
    """An example file that the runner cannot use as it is."""


@dataclass
class Example:
    name: str
    path: Path

    @property
    def generated(self) -> Path:
        return GENERATED / self.name

    @property
    def notebook_name(self) -> str:
        return f"{self.name}.ipynb"

    def read(self):
        return jupytext.read(self.path)

    def manifest(self) -> dict | None:
        path = self.generated / MANIFEST
        return json.loads(path.read_text()) if path.exists() else None


def discover() -> dict[str, Example]:
    """Every ``examples/*.py`` file is an example (helpers live in ``examples/common``)."""
    return {p.stem: Example(p.stem, p) for p in sorted(EXAMPLES.glob("*.py"))}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parameters_cell(notebook) -> int:
    for index, cell in enumerate(notebook.cells):
        if "parameters" in cell.metadata.get("tags", []):
            return index
    raise ExampleError("has no cell tagged 'parameters' (write `# %% tags=[\"parameters\"]`)")


def default_parameters(notebook) -> dict:
    """The literal assignments of the parameters cell, as a dict (``output_dir`` aside:
    where files are written changes nothing in them)."""
    cell = notebook.cells[parameters_cell(notebook)]
    values = {}
    for node in ast.parse(cell.source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                values[target.id] = ast.literal_eval(node.value)
    values.pop("output_dir", None)
    return values


def smoke_overrides(notebook) -> dict:
    """Tiny parameters for CI, from the parameters cell's ``smoke={...}`` metadata."""
    return dict(notebook.cells[parameters_cell(notebook)].metadata.get("smoke", {}))


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


def helper_hashes() -> dict:
    return {
        str(p.relative_to(REPO)): _sha256(p.read_bytes())[:16]
        for p in sorted(HELPERS.rglob("*.py"))
    }


def cache_key(notebook, parameters: dict) -> str:
    """Hash of what decides the results: code cells, parameters, helpers, library versions.

    Markdown cells are left out, so editing an example's prose never retrains it.
    """
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    payload = {
        "code": code,
        "parameters": parameters,
        "helpers": helper_hashes(),
        "versions": library_versions(),
    }
    return _sha256(json.dumps(payload, sort_keys=True).encode())


def source_hash(example: Example) -> str:
    return _sha256(example.path.read_bytes())


def staleness(example: Example) -> str | None:
    """None when the committed artifacts match the source; else why they do not.

    Returns ``"prose"`` when only Markdown cells changed: the notebook needs
    re-rendering, the results do not need re-running.
    """
    manifest = example.manifest()
    if manifest is None:
        return "never generated"
    notebook = example.read()
    if manifest.get("cache_key") != cache_key(notebook, default_parameters(notebook)):
        old, new = manifest.get("versions", {}), library_versions()
        if old != new:
            return f"library versions changed ({old} -> {new})"
        return "code, parameters or shared helpers changed"
    if manifest.get("source_hash") != source_hash(example):
        return "prose"
    missing = [f for f in manifest.get("outputs", []) if not (example.generated / f).exists()]
    if missing:
        return f"generated files missing: {', '.join(missing)}"
    return None

"""Writing an example's generated files: figures, results (JSON) and Markdown tables.

Every writer takes ``output_dir`` explicitly: the runner points it at a staging folder,
a plain ``python examples/NAME.py`` run at a folder of its own under ``build/``.
"""

import json
import math
from pathlib import Path

DIGITS = 6  # results are rounded so that printing noise never reaches the pages


def _rounded(value):
    if isinstance(value, float):
        return round(value, DIGITS) if math.isfinite(value) else str(value)
    if isinstance(value, dict):
        return {str(k): _rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    if hasattr(value, "tolist"):  # NumPy scalars and arrays
        return _rounded(value.tolist())
    return value


def _target(output_dir, filename: str) -> Path:
    path = Path(output_dir) / filename
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def save_figure(fig, output_dir, name: str) -> Path:
    """Save ``fig`` as ``<name>.svg`` with no date in its metadata."""
    path = _target(output_dir, f"{name}.svg")
    fig.savefig(path, format="svg", metadata={"Date": None})
    return path


def save_results(results: dict, output_dir, filename: str = "results.json") -> Path:
    """Write ``results`` as sorted, indented JSON with floats rounded to 6 decimals."""
    path = _target(output_dir, filename)
    path.write_text(json.dumps(_rounded(results), indent=2, sort_keys=True) + "\n")
    return path


def markdown_table(headers, rows, align=None) -> str:
    """A pipe table; ``align`` is one of 'l', 'r', 'c' per column (numbers: 'r')."""
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    align = align or ["l"] + ["r"] * (len(headers) - 1)
    lines = [
        "| " + " | ".join(str(h) for h in headers) + " |",
        "| " + " | ".join(marks[a] for a in align) + " |",
    ]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def save_table(headers, rows, output_dir, name: str, align=None) -> str:
    """Write ``<name>.md`` (for pages to include) and return the table text."""
    text = markdown_table(headers, rows, align)
    _target(output_dir, f"{name}.md").write_text(text)
    return text

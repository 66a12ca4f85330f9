"""mkdocs-macros hooks: let pages quote generated results instead of typing numbers.

In a page with ``render_macros: true`` in its front matter:
``{{ results("trace_mse_crossentropy").regression.row_mse | round(4) }}``.
"""

import json
from pathlib import Path

GENERATED = Path(__file__).resolve().parents[1] / "docs" / "generated"


def define_env(env):
    @env.macro
    def results(example: str) -> dict:
        """The ``results.json`` an example wrote, as a dict (KeyError if never generated)."""
        path = GENERATED / example / "results.json"
        if not path.exists():
            raise KeyError(f"no generated results for {example!r}: run scripts/run_examples.py")
        return json.loads(path.read_text())

    @env.filter
    def pct(value: float, digits: int = 1) -> str:
        """0.9876 -> '98.8 %'."""
        return f"{100 * value:.{digits}f} %"

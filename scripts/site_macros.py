"""mkdocs-macros hooks: let pages quote generated results instead of typing numbers.

In a page with ``render_macros: true`` in its front matter:
``{{ results("trace_mse_crossentropy").regression.row_mse | round(4) }}`` or
``{{ manifest("trace_mse_crossentropy").seconds | duration }}``.
"""

import json
from pathlib import Path

from scripts import layout, version_report
from scripts.example_links import example_links


def generated_json(example: str, path: Path) -> dict:
    if not path.exists():
        raise KeyError(f"no {path.name} for {example!r}: run `python -m scripts.run_examples`")
    return json.loads(path.read_text())


def define_env(env):
    # The pair the pages' captured outputs and prose were checked on, as the version matrix
    # recorded it: ``{{ pinned.keras }}``, ``{{ pinned.tensorflow }}``.
    env.variables["pinned"] = version_report.load().get("pinned", {})

    @env.macro
    def results(example: str) -> dict:
        """The ``results.json`` an example wrote."""
        return generated_json(example, layout.results_path(example))

    @env.macro
    def manifest(example: str) -> dict:
        """What the runner recorded about an example's run (parameters, versions, seconds)."""
        return generated_json(example, layout.manifest_path(example))

    @env.macro
    def complete_example(example: str) -> str:
        """Every example page's "run it yourself" block: links, the folded source, and how
        to regenerate its outputs."""
        if not layout.notebook_path(example).exists():
            raise KeyError(f"no notebook for {example!r}: run `python -m scripts.run_examples`")
        source = layout.example_source_uri(example)
        return "\n".join([
            example_links(example, env.conf, env.page.url),
            "",
            f'??? example "The complete example: `{source}`"',
            "    It needs only TensorFlow, NumPy and matplotlib: run it as it is with",
            f"    `python {example}.py`, in Jupyter or in Colab.",
            "",
            f'    ```python title="{source}"',
            f'    --8<-- "{source}"',
            "    ```",
            "",
            "The charts, tables and numbers on this page are its outputs; regenerate them with",
            f"`.venv/bin/python -m scripts.run_examples --only {example}`.",
        ])

    @env.filter
    def duration(seconds: float) -> str:
        """83.0 -> 'about 1.4 minutes'; 40 -> 'about 40 seconds'."""
        if seconds < 90:
            return f"about {seconds:.0f} seconds"
        return f"about {seconds / 60:.1f} minutes"

    @env.filter
    def pct(value: float, digits: int = 1) -> str:
        """0.9876 -> '98.8 %'."""
        return f"{100 * value:.{digits}f} %"

"""mkdocs-macros hooks: let pages quote generated results instead of typing numbers.

In a page with ``render_macros: true`` in its front matter:
``{{ results("trace_mse_crossentropy").regression.row_mse | round(4) }}`` or
``{{ manifest("trace_mse_crossentropy").seconds | duration }}``.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # mkdocs-macros loads this file by path
import version_report  # noqa: E402
from example_links import example_links  # noqa: E402

GENERATED = Path(__file__).resolve().parents[1] / "docs" / "generated"


def generated_json(example: str, filename: str) -> dict:
    path = GENERATED / example / filename
    if not path.exists():
        raise KeyError(f"no {filename} for {example!r}: run scripts/run_examples.py")
    return json.loads(path.read_text())


def percent(value: float, digits: int = 1) -> str:
    """0.9876 -> '98.8 %'."""
    return f"{100 * value:.{digits}f} %"


def accuracy_target_verdict(model: dict, targets: dict) -> str:
    """Whether a model of the overfitting experiment meets its accuracy targets (validation at
    least one, evaluated training accuracy below the other), naming each one it misses."""
    val, train = model["val_accuracy"], model["train_accuracy"]
    missed = []
    if val < targets["val_accuracy"]:
        missed.append(f"validation {percent(val)} is below {percent(targets['val_accuracy'], 0)}")
    if train >= targets["train_accuracy"]:
        missed.append(f"training {percent(train)} (evaluated) is not below "
                      f"{percent(targets['train_accuracy'], 0)}")
    if missed:
        return "misses the target: " + " and ".join(missed)
    return f"meets the target: validation {percent(val)}, training {percent(train)} (evaluated)"


def define_env(env):
    # The pair the pages' captured outputs and prose were checked on, as the version matrix
    # recorded it: ``{{ pinned.keras }}``, ``{{ pinned.tensorflow }}``.
    env.variables["pinned"] = version_report.load().get("pinned", {})

    @env.macro
    def results(example: str) -> dict:
        """The ``results.json`` an example wrote."""
        return generated_json(example, "results.json")

    @env.macro
    def manifest(example: str) -> dict:
        """What the runner recorded about an example's run (parameters, versions, seconds)."""
        return generated_json(example, "manifest.json")

    @env.macro
    def complete_example(example: str) -> str:
        """Every example page's "run it yourself" block: links, the folded source, and how
        to regenerate its outputs."""
        if not (GENERATED / example / f"{example}.ipynb").exists():
            raise KeyError(f"no notebook for {example!r}: run scripts/run_examples.py")
        source = f"examples/{example}.py"
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
            f"`.venv/bin/python scripts/run_examples.py --only {example}`.",
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
        return percent(value, digits)

    # {{ accuracy_target_verdict(results("experiment_overfitting").models.dropout, targets) }}
    env.macro(accuracy_target_verdict)

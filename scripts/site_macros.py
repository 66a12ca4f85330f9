"""mkdocs-macros hooks: pages quote an example's facts, written in the one number style.

A page with ``render_macros: true`` names the facts it uses in its front matter,
``facts: experiment_overfitting`` (then ``{{ f.dropout.kept_epoch }}``) or
``facts: {r: regression_outliers, t: trace_mse_crossentropy}`` (then ``{{ r.… }}``), and
writes numbers with the filters of scripts/number_style.py: ``{{ f.dropout.val_loss | loss }}``,
``{{ f.dropout.val_accuracy | pct }}``, ``{{ m.seconds | duration }}``.
"""

from scripts import facts as facts_layer
from scripts import layout, number_style, version_report
from scripts.example_links import example_links

NUMBER_FILTERS = {"fixed": number_style.fixed, "loss": number_style.loss, "pct": number_style.percent,
                  "points": number_style.points, "count": number_style.count, "count_of": number_style.count_of,
                  "scientific": number_style.scientific, "short": number_style.short,
                  "duration": number_style.duration}


def page_facts(meta: dict) -> dict:
    """The variables a page's ``facts:`` front matter asks for: name -> that example's facts."""
    wanted = meta.get("facts") or {}
    if isinstance(wanted, str):
        wanted = {"f": wanted}
    return {name: facts_layer.load(example) for name, example in wanted.items()}


def define_env(env):
    # The pair the pages' captured outputs and prose were checked on, as the version matrix
    # recorded it: ``{{ pinned.keras }}``, ``{{ pinned.tensorflow }}``.
    env.variables["pinned"] = version_report.load().get("pinned", {})

    @env.macro
    def manifest(example: str) -> dict:
        """What the runner recorded about an example's run (parameters, versions, seconds)."""
        return facts_layer.generated_json(example, layout.manifest_path(example))

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

    # The number style, scripts/number_style.py: `{{ x | loss }}`, `{{ x | pct(0) }}`, ...
    for name, function in NUMBER_FILTERS.items():
        env.filter(function, name)


def on_pre_page_macros(env):
    """Before a page is rendered: its facts, as its front matter names them."""
    env.variables["_page_facts"] = page_facts(env.page.meta)
    env.variables.update(env.variables["_page_facts"])


def on_post_page_macros(env):
    """After it: forget them, so no page reads another page's facts."""
    for name in env.variables.pop("_page_facts", {}):
        env.variables.pop(name, None)

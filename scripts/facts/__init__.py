"""The facts layer: per example, a small pure module (``scripts/facts/NAME.py``) that turns
its raw ``results.json`` and ``manifest.json`` into typed findings and the tables a page
shows. Pages only interpolate them (``{{ f.dropout.kept_epoch }}``); a page names the
facts it uses in its front matter (``facts: experiment_overfitting``, or
``facts: {r: regression_outliers, ...}`` for several).

Where a page states a finding in words, the module lists it as a ``Claim``: the page, the
sentence, and a check over the facts. ``tests/unit/test_claims.py`` runs every check on the
committed results, so a re-run that flips one fails there, naming page and sentence.
"""

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from scripts import layout


@dataclass(frozen=True)
class Claim:
    page: str  # docs-relative
    sentence: str  # as the page words it, enough to find it
    holds: Callable[[object], bool]  # over the example's facts


def generated_json(example: str, path) -> dict:
    if not path.exists():
        raise KeyError(f"no {path.name} for {example!r}: run `python -m scripts.run_examples "
                       f"--only {example}`")
    return json.loads(path.read_text())


def module(example: str):
    return importlib.import_module(f"scripts.facts.{example}")


@cache
def _facts(example: str, generated: str):
    results = generated_json(example, layout.results_path(example))
    manifest = generated_json(example, layout.manifest_path(example))
    return module(example).facts(results, manifest)


def load(example: str):
    """The facts of ``example`` from its committed results (read once per generated folder)."""
    return _facts(example, str(layout.GENERATED))


def claims(example: str) -> list[Claim]:
    return list(getattr(module(example), "CLAIMS", []))


class Results:
    """An example's ``results.json`` as it is (a page reads ``r.classifier.test_loss``), with
    the parameters and the run time its manifest recorded (``r.parameters``, ``r.seconds``).
    A facts module subclasses it and adds its findings as typed properties. (Not a dict:
    mkdocs-macros would turn a dict into its own mapping type and lose the properties.)"""

    def __init__(self, results: dict, manifest: dict):
        self._values = {**results, "parameters": manifest["parameters"],
                        "seconds": manifest["seconds"]}

    def __getattr__(self, key):
        try:
            return self.__dict__["_values"][key]
        except KeyError:
            raise AttributeError(key) from None

    def __getitem__(self, key):
        return self._values[key]


def first_epoch_at_least(values: list[float], level: float) -> int | None:
    """The first epoch (1-based) whose value reaches ``level``, or None."""
    return next((i for i, v in enumerate(values, 1) if v >= level), None)


def rising_epochs(values: list[float]) -> list[int]:
    """The epochs (1-based) whose value is above the epoch before's."""
    return [i for i in range(2, len(values) + 1) if values[i - 1] > values[i - 2]]


def epochs_below(first: list[float], second: list[float]) -> int:
    """In how many epochs ``first`` is below ``second`` (over the epochs both have)."""
    return sum(a < b for a, b in zip(first, second))


def above_from(first: list[float], second: list[float]) -> int | None:
    """The epoch (1-based) from which ``first`` stays above ``second`` to the end, or None."""
    start = None
    for epoch in range(len(first), 0, -1):
        if first[epoch - 1] > second[epoch - 1]:
            start = epoch
        else:
            break
    return start


def best_epoch(values: list[float]) -> int:
    """The epoch (1-based) of the lowest value; the first of equals."""
    return values.index(min(values)) + 1

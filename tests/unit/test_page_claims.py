"""Findings the pages state in words, asserted over the committed results.

A re-run that flips one fails here, naming the page and the sentence to rewrite.
"""

import json
import math
from pathlib import Path

from site_macros import accuracy_target_verdict

GENERATED = Path(__file__).resolve().parents[2] / "docs" / "generated"


def results(example: str) -> dict:
    return json.loads((GENERATED / example / "results.json").read_text())


def test_regression_outliers_beyond_the_largest_delta():
    r = results("regression_outliers")
    delta = r["parameters"]["huber_deltas"][-1]
    nearest = r["fits"][f"Huber, delta={delta:g}"]["outlier_errors"][0]
    assert nearest > delta, (
        "reference/regression-outliers.md: 'Even then the outliers lie ... beyond `delta`, so "
        f"each one's pull is capped' is false: the nearest outlier is {nearest:.2f} from the "
        f"line, inside delta={delta:g}")


def test_first_logged_epoch_can_lie_well_below_ln_k():
    first = results("experiment_mse_vs_bce")["bonus"]["sparse"]["history"]["loss"][0]
    assert first < math.log(10) / 2, (
        "traces/mse-and-cross-entropy.md, Claim checked: 'can already lie well below ln K in a "
        f"healthy run: the ten-digit run ... logged' {first:.3f}, no longer well below ln 10")


def test_overfitting_target_verdicts_agree_with_the_example():
    r = results("experiment_overfitting")
    for name, model in r["models"].items():
        verdict = accuracy_target_verdict(model, r["targets"])
        assert verdict.startswith("meets") == model["meets_target"], (
            f"experiments/reducing-overfitting.md: the verdict on {name} ('{verdict}') "
            "disagrees with the example's meets_target")

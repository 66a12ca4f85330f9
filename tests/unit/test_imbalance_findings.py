"""The sentences of reference/imbalanced-classes.md that state a finding, checked against the
committed results of examples/imbalanced_digits.py."""

import json
from pathlib import Path

import pytest

RESULTS = (Path(__file__).resolve().parents[2] / "docs" / "generated" / "imbalanced_digits"
           / "results.json")


@pytest.fixture(scope="module")
def results():
    return json.loads(RESULTS.read_text())


def test_positives_are_a_few_percent(results):
    assert 0.01 <= results["base_rate"] <= 0.05


def test_bias_start_begins_near_base_rate_entropy_not_ln2(results):
    first = results["methods"]["bias at log-odds"]["first_loss"]
    assert abs(first - results["base_rate_entropy"]) < 0.1 * results["base_rate_entropy"]
    assert first < results["methods"]["plain BCE"]["first_loss"] < results["ln2"]


def test_named_winners_are_the_computed_ones(results):
    methods = results["methods"]
    assert results["best_pr_auc"] == max(methods, key=lambda m: methods[m]["pr_auc"])
    assert results["highest_recall"] == "class_weight"
    assert results["lowest_precision"] == "class_weight"


def test_accuracy_says_little(results):
    plain = results["methods"]["plain BCE"]["accuracy"]
    assert plain - results["always_negative_accuracy"] < 0.02

"""The sentences of reference/likelihood-and-entropy.md that state a finding, checked against
the committed results of examples/likelihood_entropy.py."""

import json
from pathlib import Path

import pytest

RESULTS = (Path(__file__).resolve().parents[2] / "docs" / "generated" / "likelihood_entropy"
           / "results.json")
SMOOTHED = ["label_smoothing=0.1", "label_smoothing=0.3"]


@pytest.fixture(scope="module")
def runs():
    return json.loads(RESULTS.read_text())["runs"]


def test_cross_entropy_is_entropy_plus_kl(runs):
    for r in runs.values():
        assert r["cross_entropy"] == pytest.approx(r["entropy"] + r["kl_divergence"], abs=1e-4)
    assert json.loads(RESULTS.read_text())["largest_identity_gap"] < 1e-4


def test_hard_labels_have_no_entropy_so_ce_equals_kl(runs):
    hard = runs["hard labels"]
    assert hard["entropy"] == 0
    assert hard["cross_entropy"] == pytest.approx(hard["kl_divergence"], abs=1e-4)


def test_smoothed_loss_stays_above_the_labels_entropy(runs):
    assert json.loads(RESULTS.read_text())["loss_stays_above_entropy"]
    for name in SMOOTHED:
        assert runs[name]["lowest_logged_loss"] > runs[name]["entropy"] > 0
    # "with label_smoothing=0.1 my loss will not go below 0.5"
    assert runs["label_smoothing=0.1"]["entropy"] == pytest.approx(0.5, abs=0.01)


def test_kl_divergences_are_close_while_cross_entropies_are_far_apart(runs):
    kls = [r["kl_divergence"] for r in runs.values()]
    ces = [r["cross_entropy"] for r in runs.values()]
    assert max(kls) - min(kls) < 0.1
    assert max(ces) - min(ces) > 5 * (max(kls) - min(kls))


def test_smoothing_lowers_confidence_and_the_likelihood_of_true_labels(runs):
    order = ["hard labels", *SMOOTHED]
    top = [runs[name]["test_mean_top_probability"] for name in order]
    nll = [runs[name]["test_nll_hard_labels"] for name in order]
    assert top == sorted(top, reverse=True)
    assert nll == sorted(nll)
    assert json.loads(RESULTS.read_text())["most_confident"] == "hard labels"

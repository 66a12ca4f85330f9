"""The facts layer's helpers, on small series whose answers can be read off."""

import dataclasses

import pytest

from scripts import facts, layout
from scripts.facts.why_cross_entropy import epoch_reached


def test_first_epoch_at_least_is_one_based_or_none():
    assert facts.first_epoch_at_least([0.5, 0.84, 0.85, 0.9], 0.85) == 3
    assert facts.first_epoch_at_least([0.5, 0.84], 0.85) is None


def test_rising_epochs_are_those_above_the_epoch_before():
    assert facts.rising_epochs([0.5, 0.4, 0.45, 0.3, 0.31]) == [3, 5]
    assert facts.rising_epochs([0.5, 0.4]) == []


def test_epochs_below_counts_over_the_common_epochs():
    assert facts.epochs_below([0.1, 0.5, 0.2], [0.2, 0.4, 0.3, 0.9]) == 2


@pytest.mark.parametrize("first, second, start", [
    ([0.1, 0.9, 0.9], [0.5, 0.5, 0.5], 2),   # above from epoch 2 to the end
    ([0.9, 0.1, 0.9], [0.5, 0.5, 0.5], 3),   # only the last run of epochs counts
    ([0.9, 0.9, 0.1], [0.5, 0.5, 0.5], None),  # below at the end: never stays above
])
def test_above_from(first, second, start):
    assert facts.above_from(first, second) == start


def test_best_epoch_is_the_first_lowest():
    assert facts.best_epoch([0.3, 0.1, 0.2, 0.1]) == 2


@pytest.mark.parametrize("epoch, words", [(6, "epoch 6"), (None, "never")])
def test_data_dependent_wording_has_both_branches(epoch, words):
    assert epoch_reached(epoch) == words


def test_missing_results_name_the_example_and_the_command(tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "GENERATED", tmp_path)
    with pytest.raises(KeyError, match="no results.json for 'regression_outliers': run "
                                       "`python -m scripts.run_examples --only regression_outliers`"):
        facts.load("regression_outliers")


def test_results_read_as_attributes_with_the_manifest_parameters(tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "GENERATED", tmp_path)
    (tmp_path / "x").mkdir()
    results = facts.Results({"loss": 0.5, "parameters": {"old": 1}},
                            {"parameters": {"epochs": 3}, "seconds": 2.0})
    assert (results.loss, results.parameters, results.seconds) == (0.5, {"epochs": 3}, 2.0)
    assert results["loss"] == 0.5
    with pytest.raises(AttributeError):
        results.missing


@pytest.mark.parametrize("val, train, meets_val, meets_train", [
    (0.85, 0.9199, True, True),  # validation at the target counts, training just under it
    (0.8499, 0.90, False, True),
    (0.90, 0.92, True, False),  # training at the ceiling is not below it
])
def test_overfitting_targets_are_at_least_and_strictly_below(val, train, meets_val, meets_train):
    f = facts.load("experiment_overfitting")
    model = dataclasses.replace(f.dropout, val_accuracy=val, train_accuracy=train)
    assert (f.meets_val_target(model), f.meets_train_target(model)) == (meets_val, meets_train)

"""The number style: every page, table and report writes numbers through scripts/number_style.py."""

import pytest

from scripts import number_style


@pytest.mark.parametrize("value, digits, text", [(0.090466, 3, "0.090"), (2.5, 2, "2.50"),
                                                 (-0.0001, 2, "0.00"), (-1.25, 1, "-1.2"),
                                                 (499.7, 0, "500")])
def test_fixed_keeps_trailing_zeros_and_never_writes_minus_zero(value, digits, text):
    assert number_style.fixed(value, digits) == text


def test_kinds():
    assert number_style.loss(0.2381) == "0.238"
    assert number_style.percent(0.9604) == "96.0\u00a0%"
    assert number_style.percent(0.85, 0) == "85\u00a0%"
    assert number_style.points(0.0403) == "4.0"
    assert number_style.count(121605) == "121,605"
    assert number_style.scientific(0.0067) == "6.7e-03"
    assert number_style.short(2.0) == "2" and number_style.short(0.5) == "0.5"
    assert number_style.yes_no(True) == "yes"


@pytest.mark.parametrize("n, text", [(1, "1 epoch"), (3, "3 epochs"), (0, "0 epochs")])
def test_count_of_is_singular_for_one(n, text):
    assert number_style.count_of(n, "epoch") == text


@pytest.mark.parametrize("seconds, prose, cell", [(40, "about 40 seconds", "40 s"),
                                                  (89.4, "about 89 seconds", "89 s"),
                                                  (90, "about 1.5 minutes", "1.5 min"),
                                                  (341.6, "about 5.7 minutes", "5.7 min")])
def test_run_times_in_prose_and_in_tables_share_one_threshold(seconds, prose, cell):
    assert number_style.duration(seconds) == prose
    assert number_style.duration_short(seconds) == cell

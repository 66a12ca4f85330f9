"""tables: results written as Markdown in the number style, columns by kind."""

import pytest

from scripts.tables import Column, markdown


def test_cells_are_written_by_kind_and_numbers_align_right():
    columns = [Column("Model"), Column("Loss", "loss"), Column("Acc.", "percent"),
               Column("Gap", "points"), Column("Met?", "yes_no")]
    assert markdown(columns, [["A", 0.090466, 0.96, 0.065, False]]) == (
        "| Model | Loss | Acc. | Gap | Met? |\n"
        "| :-- | --: | --: | --: | :-- |\n"
        "| A | 0.090 | 96.0\u00a0% | 6.5\u00a0pts | no |\n")


def test_unknown_kind_names_the_column_and_the_kinds():
    with pytest.raises(ValueError, match="column 'Loss': unknown kind 'los'; use one of text, number"):
        Column("Loss", "los")


def test_row_of_the_wrong_length_is_named():
    with pytest.raises(ValueError, match=r"table row \['A'\] has 1 cells for 2 columns"):
        markdown([Column("Model"), Column("Loss", "loss")], [["A"]])


@pytest.mark.parametrize("kind, value, cell", [
    ("fixed1", 500.501, "500.5"), ("percent2", 0.9999, "99.99\u00a0%"), ("ratio", 1.987, "2.0x"),
    ("number", 9050, "9050"), ("fixed4", -0.00001, "0.0000")])
def test_each_kind_writes_its_cell(kind, value, cell):
    assert markdown([Column("h", kind)], [[value]]).splitlines()[2] == f"| {cell} |"


def test_a_missing_value_is_a_dash_and_does_not_align_the_column():
    assert markdown([Column("Accuracy")], [[None]]).splitlines()[1:] == ["| :-- |", "| - |"]

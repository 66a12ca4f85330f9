"""Markdown pipe tables: the one writer for every table the pages show.

A table built from results declares each column's kind (``loss``, ``percent``...), so its
cells are written in the handbook's number style (scripts/number_style.py) when the site is
built: re-formatting costs a rebuild, never a re-run. Number columns are right-aligned.
"""

from dataclasses import dataclass
from functools import partial

from scripts import number_style

# kind -> (how a raw value is written, right-aligned?)
KINDS = {
    "text": (str, False),
    "number": (str, True),  # as recorded, e.g. a grid point
    "fixed1": (partial(number_style.fixed, digits=1), True),
    "fixed3": (partial(number_style.fixed, digits=3), True),
    "fixed4": (partial(number_style.fixed, digits=4), True),
    "signed3": (lambda v: ("+" if v >= 0 else "") + number_style.fixed(v, 3), True),
    "scientific": (number_style.scientific, True),
    "loss": (number_style.loss, True),
    "loss4": (partial(number_style.loss, digits=4), True),
    "percent": (number_style.percent, True),
    "percent2": (partial(number_style.percent, digits=2), True),
    "points": (lambda v: f"{number_style.points(v)}{number_style.NO_BREAK}pts", True),
    "count": (number_style.count, True),
    "ratio": (lambda v: f"{number_style.fixed(v, 1)}x", True),
    "yes_no": (number_style.yes_no, False),
}


NONE = "-"  # a cell with no value (None)


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"column {self.title!r}: unknown kind {self.kind!r}; "
                             f"use one of {', '.join(KINDS)}")


def pipe_table(header: list[str], rows: list[list[str]], right: list[bool]) -> str:
    """Already-written cells as a Markdown table, ``right`` saying which columns align right."""
    lines = ["| " + " | ".join(header) + " |",
             "| " + " | ".join("--:" if r else ":--" for r in right) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def markdown(columns: list[Column], rows: list[list]) -> str:
    """Raw values, one list per row, written as each column's kind says."""
    for row in rows:
        if len(row) != len(columns):
            raise ValueError(f"table row {row!r} has {len(row)} cells for {len(columns)} columns")
    written = [[NONE if value is None else KINDS[c.kind][0](value) for c, value in zip(columns, row)]
               for row in rows]
    return pipe_table([c.title for c in columns], written, [KINDS[c.kind][1] for c in columns])

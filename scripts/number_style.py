"""The handbook's one number style: how a loss, a share, a count or a run time is written,
on the pages (as mkdocs-macros filters), in the tables built from results and in the
execution report. Results hold raw values; only this module decides how they read.
"""

UNITS_MINUTE = 90  # seconds: from here on a run time is given in minutes


def fixed(value: float, digits: int = 2) -> str:
    """A number with exactly ``digits`` decimals, trailing zeros kept: 0.090466 -> '0.090'
    with 3 (Jinja's ``round`` would write 0.09). Never '-0.00'."""
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def loss(value: float, digits: int = 3) -> str:
    """A loss value: 0.2381 -> '0.238'."""
    return fixed(value, digits)


NO_BREAK = "\u00a0"  # between a number and its unit: "96.0 %" never splits over two lines


def percent(share: float, digits: int = 1) -> str:
    """A share as a percentage: 0.9604 -> '96.0 %' (a no-break space before the sign)."""
    return f"{fixed(100 * share, digits)}{NO_BREAK}%"


def points(difference: float, digits: int = 1) -> str:
    """A difference of two shares in percentage points, the number alone: 0.0403 -> '4.0'."""
    return fixed(100 * difference, digits)


def count(value: int) -> str:
    """A whole number with thousands separators: 121605 -> '121,605'."""
    return f"{int(value):,}"


def duration(seconds: float) -> str:
    """A run time in prose: 40 -> 'about 40 seconds'; 83.0 * 10 -> 'about 13.8 minutes'."""
    if seconds < UNITS_MINUTE:
        return f"about {seconds:.0f} seconds"
    return f"about {seconds / 60:.1f} minutes"


def duration_short(seconds: float) -> str:
    """A run time in a table cell: 40 -> '40 s'; 341.6 -> '5.7 min'."""
    if seconds < UNITS_MINUTE:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.1f} min"


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def count_of(value: int, noun: str) -> str:
    """A count with its noun, singular for one: (1, 'epoch') -> '1 epoch', (3, ...) -> '3 epochs'."""
    return f"{count(value)} {noun}{'' if value == 1 else 's'}"


def scientific(value: float, digits: int = 1) -> str:
    """A very small or large number: 3.2e-05."""
    return f"{value:.{digits}e}"


def short(value: float) -> str:
    """A parameter as briefly as it reads: 2.0 -> '2', 0.5 -> '0.5'."""
    return f"{value:g}"

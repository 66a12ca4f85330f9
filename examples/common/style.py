"""The one chart style of the handbook.

Charts are drawn on an opaque light card, so they read the same on the light and the
dark site theme; the site's CSS only dims them a little in dark mode.
"""

import os

import matplotlib

# Colour-blind-safe (Okabe-Ito) colours, in the order lines are drawn.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

RC = {
    "figure.figsize": (6.4, 3.6),
    "figure.dpi": 100,
    "figure.facecolor": "#ffffff",
    "axes.facecolor": "#ffffff",
    "axes.edgecolor": "#444444",
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "axes.titleweight": "bold",
    "font.size": 11,
    "font.family": "sans-serif",
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "savefig.bbox": "tight",
    "savefig.facecolor": "#ffffff",
    # byte-identical SVGs: fixed element ids, text kept as text (small, crisp)
    "svg.hashsalt": "loss-handbook",
    "svg.fonttype": "none",
}


def apply_style() -> None:
    """Use the handbook style for every figure from here on, in scripts and notebooks."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")  # no timestamp in SVG metadata
    matplotlib.rcParams.update(RC)
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:  # inside a notebook: inline figures as SVG, same look as files
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("svg")

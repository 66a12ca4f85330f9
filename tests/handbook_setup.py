"""Suite-wide set-up: quiet, deterministic TensorFlow and offline datasets for every test
and every documentation code block (pytest-codeblocks items take no fixtures, so this is
done with hooks).
"""

import os

import pytest

from scripts.handbook_env import configure_keras_cache, quiet_tensorflow
from pytest_codeblocks.plugin import TestBlock

SEED = 0

# Before anything imports TensorFlow or Keras: they read these once, at import time.
quiet_tensorflow()
configure_keras_cache()
os.environ["MPLBACKEND"] = "Agg"
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")


def pytest_collection_modifyitems(items):
    """A warning a reader would see under a block (Keras's UserWarnings are the usual ones)
    fails the block; a block that shows a warning on purpose catches it itself."""
    for item in items:
        if isinstance(item, TestBlock):
            item.add_marker(pytest.mark.filterwarnings("error::UserWarning"))


def pytest_runtest_setup(item):
    """Each code block starts like a fresh Python session would: no old graphs, seeds reset."""
    if not isinstance(item, TestBlock):
        return
    import keras
    import matplotlib.pyplot as plt

    plt.close("all")
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)


def pytest_terminal_summary(terminalreporter):
    """Say how many documentation blocks ran, so a silently empty collection shows."""
    counts = {
        outcome: len({r.nodeid for r in terminalreporter.stats.get(outcome, [])
                      if ".md::line " in r.nodeid})
        for outcome in ("passed", "failed", "skipped", "xfailed")
    }
    terminalreporter.write_line(
        "documentation code blocks: " + ", ".join(f"{n} {k}" for k, n in counts.items())
    )

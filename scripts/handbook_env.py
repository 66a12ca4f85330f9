"""The environment every kernel, test and script of the handbook runs in.

Examples are plain Keras programs: everything that only the handbook needs (offline
datasets, quiet and deterministic TensorFlow, the chart style) is set here, as environment
variables, before a kernel starts or TensorFlow is imported.
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Where a read-only copy of a Keras cache may sit (``datasets/`` inside it).
# Override with HANDBOOK_DATASETS; the default is the shared folder beside the checkout.
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets" / "keras"
MIRROR = REPO / ".cache" / "keras"
CHART_STYLE = REPO / "scripts" / "matplotlibrc"

QUIET_TF = {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",  # oneDNN reorders float sums: results drift between runs
    "PYTHONHASHSEED": "0",
}
# Only for example kernels, whose reruns must be byte-identical. Not for the pages' code
# blocks: deterministic ops change what readers see (an out-of-range sparse label gives NaN
# instead of an error, a tiny loss prints as -0.0000).
DETERMINISTIC_TF = {"TF_DETERMINISTIC_OPS": "1"}


def quiet_tensorflow() -> None:
    """Silence TensorFlow's start-up chatter, as a reader's session would be otherwise."""
    for key, value in QUIET_TF.items():
        os.environ.setdefault(key, value)


def configure_keras_cache() -> Path | None:
    """Point Keras at a read-only dataset cache, if one is available.

    Keras may write into ``$KERAS_HOME`` (``keras.json``, extracted archives), so the
    read-only files are mirrored as symlinks into ``.cache/keras`` and that folder
    becomes ``KERAS_HOME``. A ``KERAS_HOME`` set by the user is always respected.
    Returns the folder Keras will use, or None for Keras's own default (``~/.keras``).
    """
    if os.environ.get("KERAS_HOME"):
        return Path(os.environ["KERAS_HOME"])
    source = Path(os.environ.get("HANDBOOK_DATASETS", DEFAULT_DATASETS))
    if not (source / "datasets").is_dir():
        return None
    for original in sorted((source / "datasets").rglob("*")):
        if original.is_dir():
            continue
        link = MIRROR / original.relative_to(source)
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.is_symlink():
            try:
                link.symlink_to(original.resolve())
            except FileExistsError:  # another test worker made it a moment ago
                pass
    os.environ["KERAS_HOME"] = str(MIRROR)
    return MIRROR


def prepare_kernel_environment() -> None:
    """What a kernel that runs an example inherits: set once, before any kernel starts."""
    quiet_tensorflow()
    os.environ.update(DETERMINISTIC_TF)
    configure_keras_cache()
    os.environ["SOURCE_DATE_EPOCH"] = "0"  # no date in SVG metadata
    os.environ["MATPLOTLIBRC"] = str(CHART_STYLE)
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"

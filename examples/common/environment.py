"""Process set-up shared by examples, tests and the runner.

Everything here must happen before TensorFlow or Keras is imported: Keras reads
``KERAS_HOME`` and TensorFlow reads its logging variables once, at import time.
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Where a read-only copy of a Keras cache may sit (``datasets/`` inside it).
# Override with HANDBOOK_DATASETS; the default is the shared folder beside the checkout.
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets" / "keras"
MIRROR = REPO / ".cache" / "keras"

QUIET_TF = {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",  # oneDNN reorders float sums: results drift between runs
    "PYTHONHASHSEED": "0",
}


def quiet_tensorflow() -> None:
    """Silence TensorFlow's start-up chatter and make its CPU kernels deterministic."""
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
            link.symlink_to(original.resolve())
    os.environ["KERAS_HOME"] = str(MIRROR)
    return MIRROR


def seed_everything(seed: int) -> None:
    """Fixed seeds and deterministic kernels, so a re-run gives the same numbers."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()


def setup(seed: int = 0) -> None:
    """Call first in every example: offline data, quiet logs, fixed seeds, chart style."""
    from common.style import apply_style

    quiet_tensorflow()
    configure_keras_cache()
    seed_everything(seed)
    apply_style()

"""The one place examples load Keras datasets from."""

import os

DOWNLOAD_HINT = (
    "copy the Keras dataset files into $KERAS_HOME/datasets (default ~/.keras/datasets), "
    "or set HANDBOOK_DATASETS to a folder holding them, or connect to the internet once"
)


class DatasetUnavailable(RuntimeError):
    """A dataset is neither in the Keras cache nor downloadable."""


def load_dataset(name: str):
    """Return ``(x_train, y_train), (x_test, y_test)`` from ``keras.datasets.<name>``."""
    import keras  # imported here: callers set up the environment before Keras loads

    loader = getattr(keras.datasets, name, None)
    if loader is None:
        raise ValueError(f"unknown Keras dataset {name!r}")
    try:
        return loader.load_data()
    except Exception as err:  # Keras wraps every download failure in a bare Exception
        if "fetch failure" not in str(err) and not isinstance(err, OSError):
            raise
        cache = os.environ.get("KERAS_HOME", "~/.keras")
        raise DatasetUnavailable(
            f"dataset {name!r} is not in the Keras cache ({cache}/datasets) and could not "
            f"be downloaded; {DOWNLOAD_HINT}"
        ) from None

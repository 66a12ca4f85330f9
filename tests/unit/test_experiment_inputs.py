"""The overfitting experiment's code path for CIFAR-10-shaped inputs (32×32 colour images).

The published run uses Fashion-MNIST (28×28 greyscale); `dataset = "cifar10"` switches the
example to CIFAR-10, whose files are not needed here: the example's own `prepare` and
`build_model` functions are taken from its source (without running the experiment) and
driven with random arrays of CIFAR-10's shapes and dtypes.
"""

import ast
from pathlib import Path

import numpy as np
import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "experiment_overfitting.py"
FUNCTIONS = ("prepare", "build_model")


@pytest.fixture(scope="module")
def example_functions():
    """``prepare`` and ``build_model`` as defined in the example, nothing else executed."""
    import keras

    tree = ast.parse(EXAMPLE.read_text())
    defs = [node for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name in FUNCTIONS]
    assert sorted(d.name for d in defs) == sorted(FUNCTIONS), "example functions renamed?"
    namespace = {"keras": keras, "np": np}
    exec(compile(ast.Module(body=defs, type_ignores=[]), str(EXAMPLE), "exec"), namespace)
    return namespace


def cifar_like(n, seed=0):
    """Arrays shaped and typed like keras.datasets.cifar10: uint8 images, (N, 1) labels."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(n, 32, 32, 3), dtype=np.uint8)
    labels = rng.integers(0, 10, size=(n, 1), dtype=np.uint8)
    return images, labels


def test_prepare_keeps_five_classes_of_colour_images(example_functions):
    images, labels = cifar_like(200)
    x, y = example_functions["prepare"](images, labels, [0, 1, 2, 3, 4])
    kept = int(np.isin(labels.reshape(-1), [0, 1, 2, 3, 4]).sum())
    assert x.shape == (kept, 32, 32, 3) and x.dtype == np.float32
    assert 0.0 <= x.min() and x.max() <= 1.0
    assert y.shape == (kept,) and set(np.unique(y)) <= {0, 1, 2, 3, 4}


@pytest.mark.parametrize("variant", ["baseline", "dropout", "batchnorm", "augment"])
def test_model_trains_one_step_on_cifar_shaped_arrays(example_functions, variant):
    import keras

    keras.utils.set_random_seed(0)
    images, labels = cifar_like(64)
    x, y = example_functions["prepare"](images, labels, list(range(10)))
    y = y % 5  # five classes, as in the experiment
    model = example_functions["build_model"](variant, x.shape[1:], 5)
    assert model.input_shape == (None, 32, 32, 3)
    assert model.output_shape == (None, 5)
    assert model.loss == "categorical_crossentropy"
    history = model.fit(x, keras.utils.to_categorical(y, 5), epochs=1, batch_size=64,
                        verbose=0).history
    assert len(history["loss"]) == 1 and np.isfinite(history["loss"][0])
    probabilities = model.predict(x[:4], verbose=0)
    assert probabilities.shape == (4, 5)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)

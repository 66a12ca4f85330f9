"""The NumPy reference losses agree with Keras on many random inputs.

The functions are taken from the page that presents them
(docs/reference/numpy-implementations.md): its blocks are one continued program, run here
as pytest-codeblocks runs it, so what readers copy is what is tested.

Hypothesis draws batches of labels, probabilities and logits, including the edge cases
that matter: probabilities of exactly 0 and 1 (clipped to 1e-7 by both), logits far
beyond the range where a sigmoid or softmax rounds to 0 or 1, label smoothing.
"""

import contextlib
import io
import types
from pathlib import Path

import keras
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from pytest_codeblocks import extract_from_file

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "numpy-implementations.md"


def page_functions() -> types.SimpleNamespace:
    """Run the page's first block (with the blocks that continue it) and keep its names."""
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()):  # its comparison with Keras prints
        exec(compile(extract_from_file(PAGE)[0].code, str(PAGE), "exec"), namespace)
    return types.SimpleNamespace(**namespace)


ref = page_functions()

CASES = settings(max_examples=200, deadline=None, database=None)  # no .hypothesis/ folder

batch = st.integers(1, 8)
classes = st.integers(2, 6)
# Probabilities with exact 0 and 1 well represented, and values near the clip point.
# Subnormal floats (below 1.2e-38) are left out: TensorFlow's CPU kernels flush them to
# zero, so a row made only of them sums to 0 and Keras returns NaN (0/0 when rescaling).
probability = st.one_of(
    st.sampled_from([0.0, 1.0, 1e-9, 1e-7, 1 - 1e-7]),
    st.floats(0.0, 1.0, width=32, allow_subnormal=False),
)
logit = st.one_of(st.sampled_from([-200.0, -100.0, 0.0, 100.0, 200.0]),
                  st.floats(-60.0, 60.0, width=32))
smoothing = st.sampled_from([0.0, 0.1, 0.3])


def keras_value(loss, y_true, y_pred):
    y_true = np.asarray(y_true)
    if y_true.dtype.kind == "f":
        y_true = y_true.astype("float32")
    return float(loss(y_true, np.asarray(y_pred, dtype="float32")))


def close(keras_result, reference, rel=1e-4, abs_=1e-5):
    assert np.isfinite(reference)
    assert keras_result == pytest.approx(reference, rel=rel, abs=abs_)


@st.composite
def regression_batch(draw):
    shape = (draw(batch), draw(st.integers(1, 4)))
    values = st.floats(-1e3, 1e3, width=32)
    y_true = draw(arrays("float32", shape, elements=values))
    return y_true, draw(arrays("float32", shape, elements=values))


@st.composite
def one_hot_batch(draw, n_classes=None):
    n, k = draw(batch), n_classes or draw(classes)
    labels = np.array(draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)))
    return labels, np.eye(k, dtype="float32")[labels]


@st.composite
def probability_rows(draw, n, k):
    """Rows of non-negative numbers with a positive sum (Keras rescales them to sum to 1)."""
    rows = draw(arrays("float32", (n, k), elements=probability))
    rows[rows.sum(axis=1) == 0, 0] = 1.0
    return rows


@given(regression_batch())
@CASES
def test_mean_squared_and_absolute_error(data):
    y_true, y_pred = data
    close(keras_value(keras.losses.MeanSquaredError(), y_true, y_pred),
          ref.mean_squared_error(y_true.astype(float), y_pred.astype(float)))
    close(keras_value(keras.losses.MeanAbsoluteError(), y_true, y_pred),
          ref.mean_absolute_error(y_true.astype(float), y_pred.astype(float)))


@given(regression_batch(), st.sampled_from([0.1, 0.5, 1.0, 5.0, 100.0]))
@CASES
def test_huber(data, delta):
    y_true, y_pred = data
    close(keras_value(keras.losses.Huber(delta=delta), y_true, y_pred),
          ref.huber(y_true.astype(float), y_pred.astype(float), delta))


@st.composite
def binary_batch(draw, values):
    shape = (draw(batch), draw(st.integers(1, 3)))
    y_true = draw(arrays("float32", shape, elements=st.sampled_from([0.0, 1.0])))
    return y_true, draw(arrays("float32", shape, elements=values))


@given(binary_batch(probability), smoothing)
@CASES
def test_binary_crossentropy_clips_probabilities(data, label_smoothing):
    y_true, probs = data
    loss = keras.losses.BinaryCrossentropy(label_smoothing=label_smoothing)
    close(keras_value(loss, y_true, probs),
          ref.binary_crossentropy(y_true, probs.astype(float), label_smoothing))


@given(binary_batch(logit), smoothing)
@CASES
def test_binary_crossentropy_from_logits(data, label_smoothing):
    y_true, logits = data
    loss = keras.losses.BinaryCrossentropy(from_logits=True, label_smoothing=label_smoothing)
    close(keras_value(loss, y_true, logits),
          ref.binary_crossentropy_from_logits(y_true, logits.astype(float), label_smoothing))


@given(st.data(), smoothing)
@CASES
def test_categorical_crossentropy_rescales_and_clips(data, label_smoothing):
    labels, one_hot = data.draw(one_hot_batch())
    probs = data.draw(probability_rows(*one_hot.shape))
    loss = keras.losses.CategoricalCrossentropy(label_smoothing=label_smoothing)
    close(keras_value(loss, one_hot, probs),
          ref.categorical_crossentropy(one_hot, probs.astype(float), label_smoothing))


@given(st.data(), smoothing)
@CASES
def test_categorical_crossentropy_from_logits(data, label_smoothing):
    labels, one_hot = data.draw(one_hot_batch())
    logits = data.draw(arrays("float32", one_hot.shape, elements=logit))
    loss = keras.losses.CategoricalCrossentropy(from_logits=True,
                                                label_smoothing=label_smoothing)
    close(keras_value(loss, one_hot, logits),
          ref.categorical_crossentropy_from_logits(one_hot, logits.astype(float),
                                                   label_smoothing))


@given(st.data())
@CASES
def test_sparse_categorical_crossentropy(data):
    labels, one_hot = data.draw(one_hot_batch())
    probs = data.draw(probability_rows(*one_hot.shape))
    logits = data.draw(arrays("float32", one_hot.shape, elements=logit))
    close(keras_value(keras.losses.SparseCategoricalCrossentropy(), labels, probs),
          ref.sparse_categorical_crossentropy(labels, probs.astype(float)))
    close(keras_value(keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                      labels, logits),
          ref.sparse_categorical_crossentropy_from_logits(labels, logits.astype(float)))


@given(st.sampled_from([0.0, 1e-12, 1e-9]), st.integers(2, 6))
@CASES
def test_clipping_caps_a_confident_mistake_at_minus_log_epsilon(p_true, n_classes):
    """A probability of (almost) 0 on the true class costs -log(1e-7), never infinity."""
    cap = -np.log(ref.EPSILON)
    y = np.array([[1.0]], dtype="float32")
    p = np.array([[p_true]], dtype="float32")
    close(keras_value(keras.losses.BinaryCrossentropy(), y, p), cap)
    close(ref.binary_crossentropy(y, p), cap)
    one_hot = np.eye(n_classes, dtype="float32")[[0]]
    probs = np.full((1, n_classes), (1 - p_true) / (n_classes - 1), dtype="float32")
    probs[0, 0] = p_true
    close(keras_value(keras.losses.CategoricalCrossentropy(), one_hot, probs), cap)
    close(ref.categorical_crossentropy(one_hot, probs), cap)
    # at the other end the bound is float32's 1 - 1e-7, so p = 1 for a negative costs less
    zero = np.array([[0.0]], dtype="float32")
    other_cap = -np.log(1 - ref.ONE_MINUS_EPSILON)
    assert other_cap == pytest.approx(15.942, abs=1e-3)
    close(keras_value(keras.losses.BinaryCrossentropy(), zero, [[1.0]]), other_cap)
    close(ref.binary_crossentropy(zero, np.array([[1.0]])), other_cap)
    # the logits path has no cap: a logit of -100 on the true class costs 100
    close(keras_value(keras.losses.BinaryCrossentropy(from_logits=True), y, [[-100.0]]), 100.0)
    close(ref.binary_crossentropy_from_logits(y, np.array([[-100.0]])), 100.0)

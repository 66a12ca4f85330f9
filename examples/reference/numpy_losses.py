"""The handbook's losses in plain NumPy, giving the numbers Keras 3 gives.

Each function takes ``y_true`` and ``y_pred`` as arrays of shape
``(batch, outputs)`` (sparse labels: ``(batch,)`` integers) and returns one
number, the mean over the batch: what a Keras loss object returns with its
default reduction. ``tests/test_numpy_losses.py`` checks every function
against Keras on random inputs.
"""

import numpy as np

# keras.config.epsilon(): the probability paths clip predictions
# to [EPSILON, 1 - EPSILON].
EPSILON = 1e-7
# Keras computes in float32, where 1 - 1e-7 rounds to 0.99999988 (1 - 1.19e-7).
ONE_MINUS_EPSILON = float(np.float32(1 - EPSILON))


def mean_squared_error(y_true, y_pred):
    return np.mean((y_true - y_pred) ** 2)


def mean_absolute_error(y_true, y_pred):
    return np.mean(np.abs(y_true - y_pred))


def huber(y_true, y_pred, delta=1.0):
    """Squared error up to ``delta``, linear (slope ``delta``) beyond it."""
    error = np.abs(y_pred - y_true)
    quadratic = 0.5 * error**2
    linear = delta * error - 0.5 * delta**2
    return np.mean(np.where(error <= delta, quadratic, linear))


def binary_crossentropy(y_true, probs, label_smoothing=0.0):
    """``probs`` are sigmoid outputs; 0 and 1 are clipped: the loss stays finite."""
    y = y_true * (1 - label_smoothing) + 0.5 * label_smoothing
    p = np.clip(probs, EPSILON, ONE_MINUS_EPSILON)
    return np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))


def binary_crossentropy_from_logits(y_true, logits, label_smoothing=0.0):
    """The same loss from the logit z: max(z, 0) - z*y + log(1 + exp(-|z|))."""
    y = y_true * (1 - label_smoothing) + 0.5 * label_smoothing
    z = logits
    return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))


def log_softmax(logits):
    """log(softmax(z)) without overflow: shift by the row maximum first."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def categorical_crossentropy(y_true, probs, label_smoothing=0.0):
    """One-hot labels; rows of ``probs`` are rescaled to sum to 1, then clipped."""
    n_classes = y_true.shape[-1]
    y = y_true * (1 - label_smoothing) + label_smoothing / n_classes
    p = probs / probs.sum(axis=-1, keepdims=True)
    p = np.clip(p, EPSILON, ONE_MINUS_EPSILON)
    return np.mean(-np.sum(y * np.log(p), axis=-1))


def categorical_crossentropy_from_logits(y_true, logits, label_smoothing=0.0):
    n_classes = y_true.shape[-1]
    y = y_true * (1 - label_smoothing) + label_smoothing / n_classes
    return np.mean(-np.sum(y * log_softmax(logits), axis=-1))


def sparse_categorical_crossentropy_from_logits(labels, logits):
    """Integer labels: minus the log-probability of each row's own class."""
    rows = np.arange(len(labels))
    return np.mean(-log_softmax(logits)[rows, labels])


def sparse_categorical_crossentropy(labels, probs):
    """Keras clips the probabilities and treats their logarithm as logits."""
    log_p = np.log(np.clip(probs, EPSILON, ONE_MINUS_EPSILON))
    return sparse_categorical_crossentropy_from_logits(labels, log_p)

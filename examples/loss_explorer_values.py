# %% [markdown]
# # Loss explorer values: Keras losses and gradients on a grid
#
# **Description:** compute MSE, binary and categorical cross-entropy and their gradients with
# Keras and `tf.GradientTape` at the points the handbook's loss explorer is checked against.
#
# **Demonstrates:** a loss's gradient with respect to the probability and to the logit, taken
# by TensorFlow; Keras clipping probabilities at its epsilon (1e-7) before the logarithm, which
# caps the loss and zeroes its gradient; the same loss computed from logits, with no clip.

# %% tags=["parameters"]
binary_logits = [-18.0, -16.5, -15.0, -12.0, -9.0, -6.0, -4.5, -3.0, -2.0, -1.0, -0.5, 0.0,
                 0.5, 1.0, 2.0, 3.0, 4.5, 6.0, 9.0, 12.0, 15.0, 16.5, 18.0]
class_logits = [[0.0, 0.0, 0.0], [2.0, 1.0, -1.0], [4.0, -2.0, 0.5], [-10.0, 10.0, 10.0],
                [10.0, -10.0, -10.0], [1.5, 1.5, -3.0]]

# %%
import keras
import numpy as np
import tensorflow as tf

# Double precision, so that float32 rounding (of 1 - p near p = 1, above all) does not hide
# the formulas.
DTYPE = "float64"
mse = keras.losses.MeanSquaredError(dtype=DTYPE)
bce = keras.losses.BinaryCrossentropy(dtype=DTYPE)
bce_from_logits = keras.losses.BinaryCrossentropy(from_logits=True, dtype=DTYPE)
cce = keras.losses.CategoricalCrossentropy(dtype=DTYPE)
print("Keras epsilon:", keras.config.epsilon())

# %% [markdown]
# ## One sigmoid output
#
# For each logit *z* and label *y*: *p* = σ(*z*), each loss, and its gradient with respect to
# *p* and to *z*. Binary cross-entropy is taken twice: from the probability (what a model
# ending in a sigmoid gives the loss, clipped to [1e-7, 1 − 1e-7]) and from the logit.


# %%
def binary_point(logit, label):
    z = tf.Variable([[logit]], dtype=DTYPE)
    y = tf.constant([[float(label)]], dtype=DTYPE)
    with tf.GradientTape(persistent=True) as tape:
        p = tf.sigmoid(z)
        losses = {"mse": mse(y, p), "bce": bce(y, p), "bce_logits": bce_from_logits(y, z)}
    point = {"logit": logit, "label": label, "probability": float(p[0, 0])}
    for name, value in losses.items():
        point[name] = float(value)
        point[name + "_grad_z"] = float(tape.gradient(value, z)[0, 0])
        if name != "bce_logits":
            point[name + "_grad_p"] = float(tape.gradient(value, p)[0, 0])
    return point


binary = [binary_point(z, y) for y in (0, 1) for z in binary_logits]
print(" y      z        p       MSE    dMSE/dz      BCE    dBCE/dz  BCE(logits)")
for b in binary[::4]:
    print(f"{b['label']:2d} {b['logit']:6.1f} {b['probability']:8.2e} {b['mse']:9.4f} "
          f"{b['mse_grad_z']:10.4f} {b['bce']:8.4f} {b['bce_grad_z']:10.4f} {b['bce_logits']:12.4f}")

# %% [markdown]
# ## Three classes
#
# Softmax over three logits, a one-hot label, categorical cross-entropy (from probabilities,
# so clipped) and MSE averaged over the three outputs; gradients with respect to the logits.


# %%
def class_point(logits, label):
    z = tf.Variable([logits], dtype=DTYPE)
    y = tf.one_hot([label], 3, dtype=DTYPE)
    with tf.GradientTape(persistent=True) as tape:
        p = tf.nn.softmax(z)
        losses = {"cce": cce(y, p), "mse": mse(y, p)}
    point = {"logits": logits, "label": label, "probabilities": p.numpy()[0].tolist()}
    for name, value in losses.items():
        point[name] = float(value)
        point[name + "_grad_z"] = tape.gradient(value, z).numpy()[0].tolist()
    return point


three_class = [class_point(z, y) for z in class_logits for y in range(3)]
for c in three_class[:6]:
    print(c["logits"], c["label"], f"CCE {c['cce']:.4f}  MSE {c['mse']:.4f}")

# %%
epsilon = keras.config.epsilon()
clipped_loss = float(-np.log(epsilon))
clip_logit = float(np.log((1 - epsilon) / epsilon))  # |z| beyond which sigmoid(z) is clipped
print(f"{len(binary)} binary points, {len(three_class)} three-class points; "
      f"clipped loss -ln(1e-7) = {clipped_loss:.4f} for |z| > {clip_logit:.4f}")
results = {
    "epsilon": epsilon,
    "clipped_loss": clipped_loss,
    "clip_logit": clip_logit,
    "binary": binary,
    "three_class": three_class,
    "points": len(binary) + len(three_class),
}

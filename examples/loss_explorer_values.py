# %% [markdown]
# # Loss explorer values: Keras losses and gradients on a grid
#
# **Description:** compute MSE, binary and categorical cross-entropy and their gradients with
# Keras and `tf.GradientTape` at the points the handbook's loss explorer is checked against,
# and draw two things Keras's cross-entropy does: the clip at 1e-7 and label smoothing.
#
# **Demonstrates:** a loss's gradient with respect to the probability and to the logit, taken
# by TensorFlow; Keras clipping probabilities at its epsilon (1e-7) before the logarithm, which
# caps the loss and zeroes its gradient; the same loss computed from logits, with no clip;
# label smoothing giving categorical cross-entropy a minimum at a finite logit.

# %% tags=["parameters"]
binary_logits = [-18.0, -16.5, -15.0, -12.0, -9.0, -6.0, -4.5, -3.0, -2.0, -1.0, -0.5, 0.0,
                 0.5, 1.0, 2.0, 3.0, 4.5, 6.0, 9.0, 12.0, 15.0, 16.5, 18.0]
class_logits = [[0.0, 0.0, 0.0], [2.0, 1.0, -1.0], [4.0, -2.0, 0.5], [-10.0, 10.0, 10.0],
                [10.0, -10.0, -10.0], [1.5, 1.5, -3.0]]

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

# Double precision, so that float32 rounding (of 1 - p near p = 1, above all) does not hide
# the formulas. Losses compute in Keras's float type, set here for the whole program (the
# losses' own `dtype` argument is missing from older Keras 3 releases).
DTYPE = "float64"
keras.config.set_floatx(DTYPE)
mse = keras.losses.MeanSquaredError()
bce = keras.losses.BinaryCrossentropy()
bce_from_logits = keras.losses.BinaryCrossentropy(from_logits=True)
cce = keras.losses.CategoricalCrossentropy()
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

# %% [markdown]
# ## The clip, drawn
#
# A positive example (*y* = 1) predicted with a smaller and smaller probability *p*. Keras's
# `BinaryCrossentropy` on *p* clips it to 1e-7 first, so its value stops at −ln(1e-7); the same
# loss from the logit (`from_logits=True`) is the exact −ln *p* all the way down. Here *p* comes
# from `tf.sigmoid`, a plain tensor, as `model.predict` output would be. The output of a Keras
# sigmoid layer is different with the TensorFlow backend: it carries its logit, and the loss
# uses that, unclipped (the handbook's `from_logits` page runs both cases).

# %% figures=["clipping"]
epsilon = keras.config.epsilon()
clipped_loss = float(-np.log(epsilon))
clip_logit = float(np.log((1 - epsilon) / epsilon))  # |z| beyond which sigmoid(z) is clipped
z_curve = tf.constant(np.linspace(-30.0, 5.0, 701)[:, None], dtype=DTYPE)
p_curve = tf.sigmoid(z_curve)
ones = tf.ones_like(z_curve)
each_from_p = keras.losses.BinaryCrossentropy(reduction=None)(ones, p_curve)
each_from_z = keras.losses.BinaryCrossentropy(from_logits=True, reduction=None)(ones, z_curve)
fig, ax = plt.subplots(figsize=(7, 3.6))
ax.plot(p_curve.numpy()[:, 0], each_from_z.numpy(), linestyle="--",
        label="exact: from the logit (from_logits=True)")
ax.plot(p_curve.numpy()[:, 0], each_from_p.numpy(),
        label="Keras from p (clipped at 1e-7)")
ax.axvline(epsilon, color="grey", linewidth=1)
ax.annotate(f"below p = {epsilon:g} the clipped loss\nstays at -ln(1e-7) = {clipped_loss:.2f}",
            (1e-10, clipped_loss), xytext=(1e-13, 4), arrowprops={"arrowstyle": "->"})
ax.set_xscale("log")
ax.set_xlabel("predicted probability p of the true class (log scale)")
ax.set_ylabel("binary cross-entropy")
ax.set_title("Binary cross-entropy, true label 1")
ax.legend(loc="upper right")
fig.tight_layout()
plt.show()
curve_min_logit = float(tf.reduce_min(z_curve))
curve_min_log10_probability = float(np.log10(tf.reduce_min(p_curve)))
curve_max_exact_loss = float(tf.reduce_max(each_from_z))
print(f"clipped loss -ln(1e-7) = {clipped_loss:.4f} for z < -{clip_logit:.4f}; "
      f"at z = {curve_min_logit:g}, p = 10^{curve_min_log10_probability:.2f}: "
      f"from p {float(each_from_p[0]):.4f}, from the logit {curve_max_exact_loss:.4f}")

# %% [markdown]
# ## Label smoothing: a minimum at a finite logit
#
# Three classes, true class 1, logits [0, *gap*, 0]. With `label_smoothing=ε` the target becomes
# (1 − ε)·one-hot + ε/3, and the loss (from logits) is lowest where the softmax equals that
# target: at a gap of ln((1 − ε + ε/3) / (ε/3)). Without smoothing it has no minimum and keeps
# falling as the gap grows.

# %% figures=["label_smoothing"]
smoothing_values = [0.0, 0.1, 0.2]
gaps = np.linspace(0.0, 10.0, 1001)
gap_logits = np.zeros((len(gaps), 3))
gap_logits[:, 1] = gaps
gap_labels = np.tile([0.0, 1.0, 0.0], (len(gaps), 1))
smoothing_minimum = {}
fig, ax = plt.subplots(figsize=(7, 3.6))
for eps, style in zip(smoothing_values, ["-", "--", "-."]):
    loss = keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=eps,
                                                reduction=None)
    values = loss(gap_labels, gap_logits).numpy()
    i = int(np.argmin(values))
    label = f"label_smoothing={eps:g}"
    if eps > 0:
        formula = float(np.log((1 - eps + eps / 3) / (eps / 3)))
        smoothing_minimum[f"{eps:g}"] = {"gap": float(gaps[i]), "loss": float(values[i]),
                                         "formula_gap": formula}
        label += f": lowest at gap {gaps[i]:.2f}"
    line, = ax.plot(gaps, values, linestyle=style, label=label)
    if eps > 0:
        ax.plot(gaps[i], values[i], "o", markersize=8, color=line.get_color())
ax.set_ylim(0, 2.0)
ax.set_xlabel("logit gap: true class's logit minus the others'")
ax.set_ylabel("categorical cross-entropy")
ax.set_title("Three classes, from logits")
ax.legend(loc="upper right")
fig.tight_layout()
plt.show()
for eps, m in smoothing_minimum.items():
    print(f"label_smoothing={eps}: lowest loss {m['loss']:.4f} at gap {m['gap']:.2f} "
          f"(formula: {m['formula_gap']:.4f})")

# %%
print(f"{len(binary)} binary points, {len(three_class)} three-class points")
results = {
    "epsilon": epsilon,
    "clipped_loss": clipped_loss,
    "clip_logit": clip_logit,
    "curve_min_logit": curve_min_logit,
    "curve_min_log10_probability": curve_min_log10_probability,
    "curve_max_exact_loss": curve_max_exact_loss,
    "smoothing_minimum": smoothing_minimum,
    "binary": binary,
    "three_class": three_class,
    "points": len(binary) + len(three_class),
}

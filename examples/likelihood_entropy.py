# %% [markdown]
# # Entropy, cross-entropy and KL divergence: hard and smoothed labels on MNIST
#
# **Description:** train the same small softmax classifier on MNIST with hard (one-hot)
# labels and with label smoothing, and split each model's training loss into the entropy of
# its labels and the KL divergence from them.
#
# **Demonstrates:** that cross-entropy is entropy plus KL divergence
# (`keras.losses.CategoricalCrossentropy` = entropy + `keras.losses.KLDivergence`), that
# with one-hot labels the entropy is 0 and the two losses are the same number, and that with
# smoothed labels the loss cannot fall below the labels' entropy; the held-out accuracy,
# likelihood and confidence of each model.

# %% tags=["parameters"] smoke={"epochs": 1, "n_train": 256, "n_test": 128}
n_train = 10000
n_test = 2000
epochs = 8
batch_size = 128
hidden_units = 64
smoothings = [0.0, 0.1, 0.3]
seed = 0

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np

keras.utils.set_random_seed(seed)  # the same weights and batches on every run

# %% [markdown]
# ## The data and the model
#
# MNIST digits, pixels scaled to 0..1, one-hot labels over the 10 classes. The model ends in
# 10 logits; every loss is told `from_logits=True`.

# %%
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[:n_train].reshape(n_train, -1).astype("float32") / 255.0
x_test = x_test[:n_test].reshape(n_test, -1).astype("float32") / 255.0
n_classes = 10
onehot_train = np.eye(n_classes, dtype="float32")[y_train[:n_train]]
onehot_test = np.eye(n_classes, dtype="float32")[y_test[:n_test]]


def build():
    return keras.Sequential([
        keras.Input(shape=(784,)),
        keras.layers.Dense(hidden_units, activation="relu"),
        keras.layers.Dense(n_classes),
    ])


def smoothed(onehot, epsilon):
    """The targets `label_smoothing=epsilon` trains on: (1 - epsilon) * y + epsilon / K."""
    return onehot * (1 - epsilon) + epsilon / n_classes


def entropy(q):
    """Mean entropy of the rows of q, in nats (0 log 0 counts as 0)."""
    terms = np.where(q > 0, -q * np.log(np.where(q > 0, q, 1.0)), 0.0)
    return float(np.mean(np.sum(terms, axis=-1)))


# %% [markdown]
# ## Train with hard and with smoothed labels
#
# Each model starts from the same weights and sees the same batches; only
# `label_smoothing` differs. The loss `fit` logs is the cross-entropy between the smoothed
# targets and the model's probabilities.

# %%
names = {eps: "hard labels" if eps == 0 else f"label_smoothing={eps}" for eps in smoothings}
models, histories = {}, {}
for eps in smoothings:
    keras.utils.set_random_seed(seed)
    model = build()
    model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(
        from_logits=True, label_smoothing=eps))
    histories[eps] = model.fit(x_train, onehot_train, epochs=epochs, batch_size=batch_size,
                               verbose=0).history["loss"]
    models[eps] = model
    print(f"{names[eps]:20s} training loss per epoch:",
          [round(v, 3) for v in histories[eps]])

# %% [markdown]
# ## Cross-entropy = entropy of the labels + KL divergence
#
# On the training set, for each model: the entropy of the targets it was trained on, the
# KL divergence `keras.losses.KLDivergence` measures from those targets to the model's
# probabilities, and `keras.losses.CategoricalCrossentropy` between the two. The last
# column checks that cross-entropy minus KL is the entropy.

# %%
cross_entropy = keras.losses.CategoricalCrossentropy()
kl_divergence = keras.losses.KLDivergence()
runs = {}
for eps in smoothings:
    q = smoothed(onehot_train, eps)
    p = keras.ops.convert_to_numpy(keras.ops.softmax(models[eps].predict(x_train, verbose=0)))
    p_test = keras.ops.convert_to_numpy(keras.ops.softmax(models[eps].predict(x_test,
                                                                               verbose=0)))
    runs[names[eps]] = {
        "label_smoothing": eps,
        "true_class_target": float(q[0].max()),
        "other_class_target": float(q[0].min()),
        "entropy": entropy(q),
        "cross_entropy": float(cross_entropy(q, p)),
        "kl_divergence": float(kl_divergence(q, p)),
        "final_logged_loss": histories[eps][-1],
        "lowest_logged_loss": min(histories[eps]),
        "test_accuracy": float(np.mean(p_test.argmax(axis=1) == y_test[:n_test])),
        "test_nll_hard_labels": float(cross_entropy(onehot_test, p_test)),
        "test_mean_top_probability": float(np.mean(p_test.max(axis=1))),
    }
for r in runs.values():
    r["ce_minus_kl_minus_entropy"] = r["cross_entropy"] - r["kl_divergence"] - r["entropy"]
    # the likelihood per image: the geometric mean of the probabilities of the true labels
    r["test_true_label_probability"] = float(np.exp(-r["test_nll_hard_labels"]))

for name, r in runs.items():
    print(f"{name}: entropy {r['entropy']:.4f} + KL {r['kl_divergence']:.4f} = cross-entropy "
          f"{r['cross_entropy']:.4f} (off by {r['ce_minus_kl_minus_entropy']:.1e})")

# %% figures=["entropy_bars"]
fig, ax = plt.subplots(figsize=(7, 3.8))
width = 0.26
positions = np.arange(len(runs))
parts = [("entropy", "entropy of the labels H(q)", "//"),
         ("kl_divergence", "KL divergence KL(q ‖ p)", ".."),
         ("cross_entropy", "cross-entropy H(q, p)", "")]
for i, (key, label, hatch) in enumerate(parts):
    values = [r[key] for r in runs.values()]
    bars = ax.bar(positions + (i - 1) * width, values, width, label=label, hatch=hatch,
                  color=f"C{i}", edgecolor="white")
    ax.bar_label(bars, fmt="%.3f", fontsize=9, padding=2)
ax.set_xticks(positions, list(runs))
ax.set_ylabel("nats per training image")
ax.set_ylim(0, 1.2 * max(r["cross_entropy"] for r in runs.values()))
ax.set_title("Cross-entropy = entropy + KL, after training")
ax.legend(loc="upper left")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## The loss levels off at the labels' entropy
#
# The logged loss of each run per epoch, with the entropy of its targets as a dotted line:
# with smoothed labels, that entropy is the lowest value the loss can reach.

# %% figures=["loss_floor"]
fig, ax = plt.subplots(figsize=(7, 3.6))
epoch_axis = np.arange(1, epochs + 1)
for i, (eps, name) in enumerate(names.items()):
    ax.plot(epoch_axis, histories[eps], color=f"C{i}", marker="o", label=name)
    ax.axhline(runs[name]["entropy"], color=f"C{i}", linestyle=":", linewidth=1.5)
ax.plot([], [], color="grey", linestyle=":", linewidth=1.5,
        label="dotted: entropy of that run's labels")
ax.set_xlabel("epoch")
ax.set_ylabel("training loss (nats)")
ax.set_ylim(-0.02, 1.5 * max(max(h) for h in histories.values()))
ax.set_title("The logged loss and its floor")
ax.legend(fontsize=9, loc="upper right", ncol=2)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## On held-out images
#
# Each model's test accuracy, its cross-entropy against the hard test labels (the negative
# log-likelihood of those labels per image), e to the minus that (the geometric mean of the
# probabilities it gives the true labels), and the mean probability it gives its top class.

# %%
for name, r in runs.items():
    print(f"{name}: accuracy {r['test_accuracy']:.3f}, NLL {r['test_nll_hard_labels']:.4f}, "
          f"e^-NLL {r['test_true_label_probability']:.3f}, "
          f"top probability {r['test_mean_top_probability']:.3f}")

# %%
smoothed_runs = [r for r in runs.values() if r["label_smoothing"] > 0]
results = {
    "parameters": {"n_train": n_train, "n_test": n_test, "epochs": epochs,
                   "batch_size": batch_size, "hidden_units": hidden_units,
                   "smoothings": smoothings},
    "runs": runs,
    "largest_identity_gap": max(abs(r["ce_minus_kl_minus_entropy"]) for r in runs.values()),
    "loss_stays_above_entropy": all(r["lowest_logged_loss"] > r["entropy"]
                                    for r in smoothed_runs),
    "most_confident": max(runs, key=lambda name: runs[name]["test_mean_top_probability"]),
    "test_nll_rises_with_smoothing": bool(np.all(np.diff(
        [runs[names[eps]]["test_nll_hard_labels"] for eps in sorted(smoothings)]) > 0)),
}
print("largest |CE - KL - H|:", f"{results['largest_identity_gap']:.1e}")
print("smoothed losses stay above the labels' entropy:", results["loss_stays_above_entropy"])

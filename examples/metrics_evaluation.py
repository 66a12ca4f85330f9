# %% [markdown]
# # Metrics and evaluation: reading binary cross-entropy on MNIST
#
# **Description:** train a small "is this digit a 5?" classifier on MNIST with binary
# cross-entropy, then read its predictions through a confusion matrix, a decision-threshold
# sweep and the reference values of the loss; then make a model overfit and let a data leak
# flatter a validation loss.
#
# **Demonstrates:** `tf.math.confusion_matrix` with actual classes as rows, where the
# cross-entropy comes from cell by cell, Keras `Precision`/`Recall` metrics with a list of
# thresholds (the loss does not move when the threshold does), the loss of a uniform and of a
# base-rate guess, training vs validation loss of a run that overfits with the epoch where they
# part, and a validation split that leaks copies of training images.

# %% tags=["parameters"] smoke={"n_train": 1000, "epochs": 1, "overfit_train": 200, "overfit_val": 500, "overfit_epochs": 3, "leak_originals": 200, "leak_epochs": 1}
positive_digit = 5
n_train = 12000
epochs = 5
batch_size = 128
hidden_units = 32
overfit_train = 400
overfit_val = 2000
overfit_units = 512
overfit_epochs = 60
leak_originals = 3000
leak_epochs = 8
seed = 0

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(seed)  # the same weights and batches on every run
INK = plt.rcParams["axes.edgecolor"]  # the style's colour for axes, also for annotations

# %% [markdown]
# ## The data: one digit against the other nine
#
# Pixels are scaled to 0-1 and flattened; the label is 1 for images of the positive digit and
# 0 for everything else, so only about one image in ten is positive. The first `n_train`
# training images train the model; all 10,000 test images evaluate it.

# %%
(x_train_all, y_train_all), (x_test_all, y_test_all) = keras.datasets.mnist.load_data()
x_train_all = x_train_all.reshape(len(x_train_all), -1).astype("float32") / 255.0
x_test = x_test_all.reshape(len(x_test_all), -1).astype("float32") / 255.0
y_train_all = (y_train_all == positive_digit).astype("float32")
y_test = (y_test_all == positive_digit).astype("float32")

x_train, y_train = x_train_all[:n_train], y_train_all[:n_train]
print("train:", x_train.shape, f"positives {y_train.mean():.1%}")
print("test: ", x_test.shape, f"positives {y_test.mean():.1%}")

# %% [markdown]
# ## Train the classifier with binary cross-entropy

# %%
def dense_classifier(units, layers=1):
    model = keras.Sequential([keras.Input(shape=(784,))])
    for _ in range(layers):
        model.add(keras.layers.Dense(units, activation="relu"))
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    return model


classifier = dense_classifier(hidden_units)
classifier.compile(optimizer="adam", loss="binary_crossentropy",
                   metrics=[keras.metrics.BinaryAccuracy(name="accuracy")])
classifier.fit(x_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
test_loss, test_accuracy = classifier.evaluate(x_test, y_test, verbose=0)
p_test = classifier.predict(x_test, batch_size=1000, verbose=0)[:, 0]
print(f"test binary cross-entropy {test_loss:.4f}, accuracy {test_accuracy:.4f}")

# %% [markdown]
# ## Confusion matrix at the default threshold 0.5
#
# Rows are the actual classes, columns the predicted ones (TensorFlow's convention too):
# the top row holds the actual negatives (TN, FP), the bottom row the actual positives (FN, TP).

# %%
labels = y_test.astype("int32")
predicted = (p_test >= 0.5).astype("int32")
matrix = tf.math.confusion_matrix(labels, predicted, num_classes=2).numpy()
(tn, fp), (fn, tp) = matrix.tolist()
print(matrix)

names = [f"not {positive_digit}", f"{positive_digit}"]

# %% [markdown]
# ## Where the cross-entropy comes from
#
# The loss never sees the matrix: it scores each predicted probability. Splitting the
# per-image losses by confusion-matrix cell shows how much of the total each cell carries.

# %%
eps = 1e-7
p_clipped = np.clip(p_test, eps, 1 - eps)
per_image = -(y_test * np.log(p_clipped) + (1 - y_test) * np.log(1 - p_clipped))
keras_bce = float(keras.losses.BinaryCrossentropy()(y_test[:, None], p_test[:, None]))
print(f"mean of per-image losses {per_image.mean():.4f}, Keras loss {keras_bce:.4f}")

cells = {"TN": (labels == 0) & (predicted == 0), "FP": (labels == 0) & (predicted == 1),
         "FN": (labels == 1) & (predicted == 0), "TP": (labels == 1) & (predicted == 1)}
cell_results = {}
for cell, mask in cells.items():
    count = int(mask.sum())
    share = per_image[mask].sum() / per_image.sum()
    mean_p = float(p_test[mask].mean()) if count else float("nan")
    mean_loss = float(per_image[mask].mean()) if count else float("nan")
    print(f"{cell}: {count} images, mean P({positive_digit}) {mean_p:.3f}, "
          f"mean loss {mean_loss:.3f}, {share:.1%} of the total loss")
    cell_results[cell] = {"count": count, "mean_probability": mean_p,
                          "mean_loss": mean_loss, "loss_share": share}
# %% figures=["confusion_matrix"]
fig, (ax_matrix, ax_hist) = plt.subplots(1, 2, figsize=(10, 4.2),
                                         gridspec_kw={"width_ratios": [1, 1.5]})
image = ax_matrix.imshow(matrix, cmap="Blues", norm="log")
ax_matrix.grid(False)
cell_names = [["TN", "FP"], ["FN", "TP"]]
for i in range(2):
    for j in range(2):
        red, green, blue, _ = image.cmap(image.norm(matrix[i, j]))
        dark = 0.299 * red + 0.587 * green + 0.114 * blue < 0.5  # text colour by luminance
        ax_matrix.text(j, i, f"{cell_names[i][j]}\n{matrix[i, j]}", ha="center", va="center",
                       fontsize=13, color="white" if dark else plt.rcParams["text.color"])
ax_matrix.set_xticks([0, 1], names)
ax_matrix.set_yticks([0, 1], names)
ax_matrix.set_xlabel("predicted class")
ax_matrix.set_ylabel("actual class")
ax_matrix.set_title("Confusion matrix (threshold 0.5)")

bins = np.linspace(0, 1, 41)
ax_hist.hist(p_test[labels == 0], bins=bins, alpha=0.75, label=f"actual {names[0]}")
ax_hist.hist(p_test[labels == 1], bins=bins, alpha=0.75, label=f"actual {names[1]}")
ax_hist.axvline(0.5, color=INK, linestyle="--", linewidth=1.5)
ax_hist.text(0.52, 0.97, "threshold 0.5", transform=ax_hist.get_xaxis_transform(),
             va="top", color=INK)
ax_hist.set_yscale("log")
ax_hist.set_xlabel(f"predicted probability of '{positive_digit}'")
ax_hist.set_ylabel("test images (log scale)")
ax_hist.set_title("The probabilities cross-entropy scores")
ax_hist.legend(loc="upper center", bbox_to_anchor=(0.3, 1.0))
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Sweeping the decision threshold
#
# Keras' `Precision`, `Recall` and count metrics accept a list of thresholds and return one
# value per threshold. The cross-entropy is computed once: it takes no threshold at all.
# (To pick a threshold for real use, sweep on validation data, not on the test set.)

# %%
sweep = [round(t, 2) for t in np.linspace(0.05, 0.95, 19)]
metric_types = {"precision": keras.metrics.Precision, "recall": keras.metrics.Recall,
                "TP": keras.metrics.TruePositives, "FP": keras.metrics.FalsePositives,
                "FN": keras.metrics.FalseNegatives, "TN": keras.metrics.TrueNegatives}
curves = {}
for name, metric_type in metric_types.items():
    metric = metric_type(thresholds=sweep)
    metric.update_state(y_test, p_test)
    curves[name] = np.asarray(metric.result())

shown = [0.1, 0.3, 0.5, 0.7, 0.9]
for t in shown:
    k = sweep.index(t)
    print(f"threshold {t:.1f}: TP {int(curves['TP'][k])}, FP {int(curves['FP'][k])}, "
          f"FN {int(curves['FN'][k])}, precision {curves['precision'][k]:.3f}, "
          f"recall {curves['recall'][k]:.3f}; cross-entropy {keras_bce:.4f} at every threshold")

# %% figures=["threshold_sweep"]
fig, (ax_pr, ax_counts) = plt.subplots(1, 2, figsize=(10, 3.8))
ax_pr.plot(sweep, curves["precision"], marker="o", label="precision")
ax_pr.plot(sweep, curves["recall"], marker="s", linestyle="--", label="recall")
ax_pr.set_xlabel("decision threshold")
ax_pr.set_ylabel("test set value")
ax_pr.set_title("Precision rises, recall falls")
ax_pr.legend()

ax_counts.plot(sweep, curves["FP"], marker="o", label="false positives")
ax_counts.plot(sweep, curves["FN"], marker="s", linestyle="--", label="false negatives")
ax_counts.set_xlabel("decision threshold")
ax_counts.set_ylabel("test images")
ax_counts.set_title("Counts move, the loss does not")
ax_loss = ax_counts.twinx()
ax_loss.plot(sweep, [keras_bce] * len(sweep), color="C2", linestyle=":",
             label="binary cross-entropy")
ax_loss.set_ylim(0, 2 * keras_bce)
ax_loss.set_ylabel("binary cross-entropy", color="C2")
ax_loss.grid(False)
ax_loss.spines["right"].set_visible(True)
lines = ax_counts.get_legend_handles_labels()
more = ax_loss.get_legend_handles_labels()
ax_counts.legend(lines[0] + more[0], lines[1] + more[1], loc="upper center")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Reference points for the loss
#
# A model that has learned nothing still gets a loss. Guessing 0.5 for every image gives
# ln 2; guessing the share of positives in the training data for every image gives the
# entropy of the labels, which is lower when the classes are unbalanced.

# %%
bce = keras.losses.BinaryCrossentropy()
uniform_bce = float(bce(y_test[:, None], np.full((len(y_test), 1), 0.5)))
base_rate = float(y_train.mean())
base_rate_bce = float(bce(y_test[:, None], np.full((len(y_test), 1), base_rate)))
print(f"every image 0.5: {uniform_bce:.4f}; every image {base_rate:.3f} (the share of "
      f"positives in training): {base_rate_bce:.4f}; the classifier: {keras_bce:.4f}")

# %% [markdown]
# ## A run that overfits
#
# A much wider network (two layers of `overfit_units`) on only `overfit_train` images, trained
# for many epochs, with an honest validation set of other training images. The epoch where the
# curves part is the one with the lowest validation loss: after it, the training loss keeps
# falling while the validation loss climbs.

# %%
x_small = x_train_all[:overfit_train]
y_small = y_train_all[:overfit_train]
x_val = x_train_all[overfit_train:overfit_train + overfit_val]
y_val = y_train_all[overfit_train:overfit_train + overfit_val]

keras.utils.set_random_seed(seed)
overfitter = dense_classifier(overfit_units, layers=2)
overfitter.compile(optimizer="adam", loss="binary_crossentropy")
overfit = overfitter.fit(x_small, y_small, epochs=overfit_epochs, batch_size=32,
                         validation_data=(x_val, y_val), verbose=0).history
train_curve, val_curve = np.array(overfit["loss"]), np.array(overfit["val_loss"])
part = int(np.argmin(val_curve))  # 0-based epoch with the lowest validation loss
print(f"curves part at epoch {part + 1}: train {train_curve[part]:.4f}, "
      f"validation {val_curve[part]:.4f}")
print(f"last epoch {overfit_epochs}: train {train_curve[-1]:.6f}, "
      f"validation {val_curve[-1]:.4f}")

# %% figures=["overfitting"]
fig, ax = plt.subplots(figsize=(8, 4))
epoch_axis = np.arange(1, overfit_epochs + 1)
ax.plot(epoch_axis, train_curve, label="training loss")
ax.plot(epoch_axis, val_curve, linestyle="--", label="validation loss")
ax.axvline(part + 1, color=INK, linestyle=":", linewidth=1.5)
ax.scatter([part + 1, part + 1], [train_curve[part], val_curve[part]], color=INK,
           zorder=3)
ax.annotate(f"epoch {part + 1}: lowest validation loss\n"
            f"train {train_curve[part]:.3f}, validation {val_curve[part]:.3f}",
            xy=(part + 1, val_curve[part]), xytext=(0.25, 0.55), textcoords="axes fraction",
            arrowprops={"arrowstyle": "->", "color": INK})
ax.set_ylim(bottom=0)
ax.set_xlabel("epoch")
ax.set_ylabel("binary cross-entropy")
ax.set_title(f"Overfitting: {overfit_train} training images, 2 x {overfit_units} units")
ax.legend(loc="center right")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## A leak that flatters the validation loss
#
# A common mistake: make extra training images first (here every image shifted by one pixel
# up, down, left and right) and only then split them into training and validation. The
# validation images are not copies of training images, but each has near-copies (its own
# shifted siblings) in the training set, so the validation loss measures memory, not
# generalisation. The honest version splits the original images first and shifts each side
# separately: same sizes, no sibling across the boundary. Both models are also scored on the
# 10,000 untouched test images.

# %%
leak_x = x_train_all[-leak_originals:]  # images not used by the runs above
leak_y = y_train_all[-leak_originals:]


def shifted_copies(images, labels):
    grids = images.reshape(-1, 28, 28)
    moves = [(1, 0), (-1, 0), (0, 1), (0, -1)]  # down, up, right, left: no exact duplicates
    shifted = [np.roll(grids, move, axis=(1, 2)).reshape(len(images), -1) for move in moves]
    return np.concatenate(shifted), np.concatenate([labels] * len(moves))


def train_and_score(x_fit, y_fit, x_check, y_check):
    keras.utils.set_random_seed(seed)
    model = dense_classifier(overfit_units, layers=2)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.fit(x_fit, y_fit, epochs=leak_epochs, batch_size=64, verbose=0)
    return (float(model.evaluate(x_check, y_check, verbose=0)),
            float(model.evaluate(x_test, y_test, verbose=0)))


rng = np.random.default_rng(seed)
# Leaky: shift every image, then split the shifted images 80/20 at random.
x_aug, y_aug = shifted_copies(leak_x, leak_y)
order = rng.permutation(len(x_aug))
fit_rows, check_rows = order[:int(0.8 * len(x_aug))], order[int(0.8 * len(x_aug)):]
leaky_sizes = (len(fit_rows), len(check_rows))
leaky_val, leaky_test = train_and_score(x_aug[fit_rows], y_aug[fit_rows],
                                        x_aug[check_rows], y_aug[check_rows])

# Honest: split the original images 80/20, then shift each side on its own.
order = rng.permutation(leak_originals)
fit_rows, check_rows = order[:int(0.8 * leak_originals)], order[int(0.8 * leak_originals):]
x_fit, y_fit = shifted_copies(leak_x[fit_rows], leak_y[fit_rows])
x_check, y_check = shifted_copies(leak_x[check_rows], leak_y[check_rows])
honest_sizes = (len(x_fit), len(x_check))
honest_val, honest_test = train_and_score(x_fit, y_fit, x_check, y_check)

for name, sizes, val, test in [("shift, then split", leaky_sizes, leaky_val, leaky_test),
                               ("split, then shift", honest_sizes, honest_val, honest_test)]:
    print(f"{name}: {sizes[0]} / {sizes[1]} images, validation loss {val:.4f}, "
          f"test loss {test:.4f} ({test / val:.1f}x)")

# %% [markdown]
# ## Results file

# %%
results = {
    "parameters": {"positive_digit": positive_digit, "n_train": n_train, "epochs": epochs,
                   "hidden_units": hidden_units, "overfit_train": overfit_train,
                   "overfit_val": overfit_val, "overfit_units": overfit_units,
                   "overfit_epochs": overfit_epochs, "leak_originals": leak_originals,
                   "leak_epochs": leak_epochs, "seed": seed},
    "data": {"train_positive_share": base_rate, "test_positive_share": float(y_test.mean()),
             "n_test": len(y_test)},
    "classifier": {"test_loss": keras_bce, "test_accuracy": test_accuracy},
    "confusion": {"tn": tn, "fp": fp, "fn": fn, "tp": tp, "cells": cell_results},
    "sweep": {"thresholds": sweep, "shown": shown, **{k: v for k, v in curves.items()}},
    "reference": {"uniform_bce": uniform_bce, "base_rate": base_rate,
                  "base_rate_bce": base_rate_bce},
    "overfitting": {"part_epoch": part + 1, "train_at_part": train_curve[part],
                    "val_at_part": val_curve[part], "train_last": train_curve[-1],
                    "val_last": val_curve[-1], "history": overfit},
    "leakage": {"leaky_val": leaky_val, "leaky_test": leaky_test,
                "honest_val": honest_val, "honest_test": honest_test,
                "leaky_sizes": leaky_sizes, "honest_sizes": honest_sizes},
}
print("confusion [[TN, FP], [FN, TP]]:", matrix.tolist())

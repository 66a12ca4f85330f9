# %% [markdown]
# # Imbalanced classes: one MNIST digit against the rest, at 2 % positives
#
# **Description:** train the same small dense classifier four ways on a skewed task (digit 0
# against every other digit, positives subsampled to 2 %) and compare them on a held-out set
# with the same skew.
#
# **Demonstrates:** plain binary cross-entropy, `class_weight`, focal loss
# (`keras.losses.BinaryFocalCrossentropy`) and an output bias initialised to the log-odds of
# the base rate; precision, recall and PR-AUC for each, the precision-recall curves, and the
# first loss of the bias-initialised model next to the base rate's entropy and ln 2.

# %% tags=["parameters"] smoke={"epochs": 1, "n_negatives": 600, "n_test_negatives": 300}
positive_digit = 0
positive_rate = 0.02  # share of positives kept, in training and in the held-out set
n_negatives = 12000
n_test_negatives = 5000
epochs = 5
batch_size = 128
hidden_units = 32
focal_gamma = 2.0
seed = 0

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np

keras.utils.set_random_seed(seed)

# %% [markdown]
# ## A skewed task
#
# Keep `n_negatives` images of the other digits and only enough images of the positive digit
# for them to be `positive_rate` of the set; the held-out set, from MNIST's test images, has
# the same skew.

# %%
(x_train_all, y_train_all), (x_test_all, y_test_all) = keras.datasets.mnist.load_data()
rng = np.random.default_rng(seed)


def skewed(images, digits, n_neg):
    neg = rng.choice(np.flatnonzero(digits != positive_digit), n_neg, replace=False)
    n_pos = max(1, round(n_neg * positive_rate / (1 - positive_rate)))
    pos = rng.choice(np.flatnonzero(digits == positive_digit), n_pos, replace=False)
    order = rng.permutation(np.concatenate([neg, pos]))
    x = images[order].reshape(len(order), -1).astype("float32") / 255.0
    return x, (digits[order] == positive_digit).astype("float32")


x_train, y_train = skewed(x_train_all, y_train_all, n_negatives)
x_test, y_test = skewed(x_test_all, y_test_all, n_test_negatives)
base_rate = float(y_train.mean())
base_rate_entropy = float(-(base_rate * np.log(base_rate)
                            + (1 - base_rate) * np.log(1 - base_rate)))
print(f"train: {len(y_train)} images, {int(y_train.sum())} positives ({base_rate:.2%})")
print(f"held out: {len(y_test)} images, {int(y_test.sum())} positives")
print(f"entropy of the base rate: {base_rate_entropy:.4f} nats;  ln 2 = {np.log(2):.4f}")

# %% [markdown]
# ## Four ways to train the same model
#
# The output is one logit; every loss is told `from_logits=True`. `class_weight` multiplies
# each positive's loss by `n_negatives / n_positives / 2` and each negative's by
# `n / n_negatives / 2`, so both classes weigh the same in total. The bias start sets the
# output bias to `log(p / (1 - p))`, so the untrained model already predicts the base rate.

# %%
n_pos = float(y_train.sum())
n_neg = len(y_train) - n_pos
class_weight = {0: len(y_train) / n_neg / 2, 1: len(y_train) / n_pos / 2}
log_odds = float(np.log(base_rate / (1 - base_rate)))


def build(output_bias=0.0):
    return keras.Sequential([
        keras.Input(shape=(784,)),
        keras.layers.Dense(hidden_units, activation="relu"),
        keras.layers.Dense(1, bias_initializer=keras.initializers.Constant(output_bias)),
    ])


methods = {
    "plain BCE": {"loss": keras.losses.BinaryCrossentropy(from_logits=True)},
    "class_weight": {"loss": keras.losses.BinaryCrossentropy(from_logits=True),
                     "class_weight": class_weight},
    "focal loss": {"loss": keras.losses.BinaryFocalCrossentropy(gamma=focal_gamma,
                                                                from_logits=True)},
    "bias at log-odds": {"loss": keras.losses.BinaryCrossentropy(from_logits=True),
                         "output_bias": log_odds},
}
scores, histories, first_losses = {}, {}, {}
for name, setup in methods.items():
    keras.utils.set_random_seed(seed)  # the same initial weights and batches for every method
    model = build(setup.get("output_bias", 0.0))
    model.compile(optimizer="adam", loss=setup["loss"])
    first_losses[name] = float(model.evaluate(x_train, y_train, verbose=0))
    histories[name] = model.fit(x_train, y_train, epochs=epochs, batch_size=batch_size,
                                class_weight=setup.get("class_weight"), verbose=0).history
    scores[name] = 1 / (1 + np.exp(-model.predict(x_test, verbose=0)[:, 0]))
    print(f"{name:17s} loss before training {first_losses[name]:.4f}, "
          f"after {epochs} epochs {histories[name]['loss'][-1]:.4f}")

# %% [markdown]
# ## Precision, recall and PR-AUC on the held-out set
#
# Precision and recall at the threshold 0.5; PR-AUC (the area under the precision-recall
# curve) from `keras.metrics.AUC(curve="PR")`, which does not depend on a threshold.
# Accuracy is shown to see how little it says here: predicting "negative" for every image
# already scores `1 - base rate`.

# %%
def evaluate(score):
    predicted = score >= 0.5
    tp = float(np.sum(predicted & (y_test == 1)))
    auc = keras.metrics.AUC(curve="PR", num_thresholds=1000)
    auc.update_state(y_test, score)
    return {"precision": tp / max(1.0, float(predicted.sum())),
            "recall": tp / float(y_test.sum()),
            "pr_auc": float(auc.result()),
            "accuracy": float(np.mean(predicted == (y_test == 1)))}


metrics = {name: evaluate(score) for name, score in scores.items()}
print("method             precision  recall  PR-AUC  accuracy")
for name, m in metrics.items():
    print(f"{name:17s}  {m['precision']:9.3f}  {m['recall']:6.3f}  {m['pr_auc']:6.3f}  "
          f"{m['accuracy']:8.4f}")

# %% figures=["pr_curves"]
def pr_curve(score):
    order = np.argsort(-score)
    hits = np.cumsum(y_test[order])
    return hits / y_test.sum(), hits / np.arange(1, len(order) + 1)


fig, ax = plt.subplots(figsize=(6, 4.2))
for (name, score), style in zip(scores.items(), ["-", "--", "-.", ":"]):
    recall, precision = pr_curve(score)
    ax.plot(recall, precision, linestyle=style, linewidth=2,
            label=f"{name} (PR-AUC {metrics[name]['pr_auc']:.3f})")
ax.axhline(float(y_test.mean()), color="grey", linewidth=1, label="always positive")
ax.set_xlabel("recall")
ax.set_ylabel("precision")
ax.set_ylim(0, 1.02)
ax.set_title(f"Digit {positive_digit} against the rest, {y_test.mean():.1%} positives")
ax.legend(loc="lower left")
fig.tight_layout()
plt.show()

# %%
best = max(metrics, key=lambda name: metrics[name]["pr_auc"])
results = {
    "parameters": {"positive_digit": positive_digit, "positive_rate": positive_rate,
                   "epochs": epochs, "batch_size": batch_size, "focal_gamma": focal_gamma},
    "n_train": len(y_train), "n_train_positives": int(n_pos),
    "n_test": len(y_test), "n_test_positives": int(y_test.sum()),
    "base_rate": base_rate, "base_rate_entropy": base_rate_entropy,
    "ln2": float(np.log(2)), "log_odds": log_odds, "class_weight": class_weight,
    "methods": {name: {**metrics[name], "first_loss": first_losses[name],
                       "final_train_loss": histories[name]["loss"][-1]}
                for name in methods},
    "method_order": list(methods),
    "best_pr_auc": best,
    "highest_recall": max(metrics, key=lambda name: metrics[name]["recall"]),
    "lowest_precision": min(metrics, key=lambda name: metrics[name]["precision"]),
    "always_negative_accuracy": float(1 - y_test.mean()),
}
print("highest PR-AUC:", best)

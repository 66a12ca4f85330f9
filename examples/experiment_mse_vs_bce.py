# %% [markdown]
# # Experiment: MSE vs binary cross-entropy on MNIST digit pairs
#
# **Description:** train one small network (784 → Dense 64 ReLU → Dense 1 sigmoid) twice from
# the same initial weights, once with mean squared error and once with binary cross-entropy,
# and measure where the choice of loss changes the outcome.
#
# **Demonstrates:** a side-by-side table and overlaid learning curves for MNIST 0 vs 1; the
# first training steps; a harder pair (4 vs 9); a confidently wrong start, where the gradient
# of MSE through the sigmoid vanishes; the gradient of each loss against the predicted
# probability; and, as a bonus, ten digits with sparse categorical cross-entropy (integer
# labels) and categorical cross-entropy (one-hot labels).

# %% tags=["parameters"] smoke={"epochs": 1, "train_subset": 1000, "bad_start_epochs": 1, "bonus_epochs": 1, "probe_steps": 15}
pair = [0, 1]  # the easy pair: 0 is the negative class, 1 the positive one
hard_pair = [4, 9]  # two digits that are easily mistaken for each other
epochs = 10
batch_size = 32
hidden_units = 64
train_subset = 0  # 0 keeps every training image; a number keeps that many (smoke runs)
probe_steps = 60  # first-epoch probe: validation accuracy over the first training steps
probe_every = 5
bad_start_bias = -8.0  # output bias of the confidently wrong start: sigmoid of it is near 0
bad_start_epochs = 5
bad_start_sgd_lr = 0.1
bonus_epochs = 5
bonus_batch_size = 128  # ten digits: all 60 000 training images, so larger batches
seed = 0

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(seed)  # the same weights and batches on every run

LOSSES = {"MSE": "mean_squared_error", "Binary cross-entropy": "binary_crossentropy"}

# %% [markdown]
# ## The data: two digits, flattened and scaled to 0-1
#
# MNIST's own split is kept: its 60 000 training images give the training set and its 10 000
# test images the validation set, each filtered to the two digits. Labels become 0 and 1
# (first digit of the pair → 0).

# %%
(x_all, y_all), (x_all_val, y_all_val) = keras.datasets.mnist.load_data()


def digit_pair(digits, subset=train_subset):
    """Flattened 0-1 images of two digits and 0/1 labels (first digit → 0)."""
    def select(images, labels):
        keep = np.isin(labels, digits)
        x = images[keep].reshape(-1, 28 * 28).astype("float32") / 255.0
        y = (labels[keep] == digits[1]).astype("float32")
        return x, y

    x_train, y_train = select(x_all, y_all)
    if subset:
        x_train, y_train = x_train[:subset], y_train[:subset]
    x_val, y_val = select(x_all_val, y_all_val)
    return x_train, y_train, x_val, y_val


x_train, y_train, x_val, y_val = digit_pair(pair)
print(f"digits {pair[0]} vs {pair[1]}: train {x_train.shape}, validation {x_val.shape}, "
      f"share of positives {y_train.mean():.3f} / {y_val.mean():.3f}")

# %% [markdown]
# ## One architecture, two losses
#
# `build` re-seeds Keras before creating the layers, so both losses start from exactly the same
# weights and see the batches in the same order. Accuracy is `BinaryAccuracy` (threshold 0.5)
# for both runs.


# %%
def build(output_bias=0.0):
    keras.utils.set_random_seed(seed)
    return keras.Sequential(
        [
            keras.Input(shape=(28 * 28,)),
            keras.layers.Dense(hidden_units, activation="relu"),
            keras.layers.Dense(
                1, activation="sigmoid",
                bias_initializer=keras.initializers.Constant(output_bias),
            ),
        ]
    )


class FirstSteps(keras.callbacks.Callback):
    """Validation accuracy before training and every few batches of the first epoch."""

    def __init__(self, x, y):
        super().__init__()
        self.x, self.y, self.steps, self.accuracy = x, y, [], []

    def record(self, step):
        p = self.model(self.x, training=False).numpy()[:, 0]
        self.steps.append(step)
        self.accuracy.append(float(np.mean((p > 0.5) == (self.y > 0.5))))

    def on_train_begin(self, logs=None):
        self.record(0)

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        step = batch + 1
        if self.epoch == 0 and step <= probe_steps and step % probe_every == 0:
            self.record(step)


def train(loss, data, optimizer="adam", n_epochs=epochs, output_bias=0.0):
    x_tr, y_tr, x_v, y_v = data
    model = build(output_bias)
    model.compile(optimizer=optimizer, loss=loss,
                  metrics=[keras.metrics.BinaryAccuracy(name="accuracy")])
    probe = FirstSteps(x_v, y_v)
    history = model.fit(x_tr, y_tr, epochs=n_epochs, batch_size=batch_size,
                        validation_data=(x_v, y_v), callbacks=[probe], verbose=0).history
    train_loss, train_acc = model.evaluate(x_tr, y_tr, verbose=0)
    val_loss, val_acc = model.evaluate(x_v, y_v, verbose=0)
    p_val = model.predict(x_v, verbose=0)[:, 0]
    return {
        "history": history,
        "first_steps": {"step": probe.steps, "val_accuracy": probe.accuracy},
        "train_loss": train_loss, "train_accuracy": train_acc,
        "val_loss": val_loss, "val_accuracy": val_acc,
        "val_errors": int(np.sum((p_val > 0.5) != (y_v > 0.5))),
        "n_val": len(y_v),
        "epochs": len(history["loss"]),
    }


easy = {name: train(loss, (x_train, y_train, x_val, y_val)) for name, loss in LOSSES.items()}

# %% [markdown]
# ## Side by side: 0 vs 1
#
# Train figures are the trained model evaluated on the whole training set (not the running
# average Keras logs during an epoch). Each loss is reported in its own units: an MSE of 0.01
# and a cross-entropy of 0.01 are not comparable numbers, the accuracies are.

# %%
def print_comparison(runs):
    for loss_name, run in runs.items():
        print(f"{loss_name}: train loss {run['train_loss']:.4f}, "
              f"accuracy {run['train_accuracy']:.2%}; val loss {run['val_loss']:.4f}, "
              f"accuracy {run['val_accuracy']:.2%}, "
              f"{run['val_errors']} errors of {run['n_val']}")


print_comparison(easy)


# %% figures=["curves_easy_pair"]
def plot_curves(runs, title):
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9.5, 3.6))
    for (loss_name, run), colour in zip(runs.items(), ["C0", "C1"]):
        h = run["history"]
        axis = np.arange(1, len(h["loss"]) + 1)
        ax_loss.plot(axis, h["loss"], color=colour, label=f"{loss_name}, train")
        ax_loss.plot(axis, h["val_loss"], color=colour, linestyle="--",
                     label=f"{loss_name}, val")
        ax_acc.plot(axis, h["accuracy"], color=colour, label=f"{loss_name}, train")
        ax_acc.plot(axis, h["val_accuracy"], color=colour, linestyle="--",
                    label=f"{loss_name}, val")
    ax_loss.set_yscale("log")
    ax_loss.set_title("Loss (each in its own units, log scale)")
    ax_acc.set_title("Accuracy")
    for ax in (ax_loss, ax_acc):
        ax.set_xlabel("epoch")
    ax_acc.legend(fontsize=9)
    fig.suptitle(title)
    fig.tight_layout()
    plt.show()


plot_curves(easy, f"MNIST {pair[0]} vs {pair[1]}: same network, two losses")

# %% [markdown]
# ## Harder pair: 4 vs 9
#
# The same two runs on a pair of digits that look alike, where there are real mistakes left
# to make.

# %% figures=["curves_hard_pair"]
hard_data = digit_pair(hard_pair)
hard = {name: train(loss, hard_data) for name, loss in LOSSES.items()}
print_comparison(hard)
plot_curves(hard, f"MNIST {hard_pair[0]} vs {hard_pair[1]}: same network, two losses")

# %% [markdown]
# ## The first training steps
#
# Validation accuracy measured before training and every few batches of the first epoch, for
# both pairs.

# %% figures=["first_steps"]
fig, axes = plt.subplots(1, 2, figsize=(9.5, 3.4), sharey=True)
for ax, runs, digits in [(axes[0], easy, pair), (axes[1], hard, hard_pair)]:
    for loss_name, run in runs.items():
        steps = run["first_steps"]
        ax.plot(steps["step"], steps["val_accuracy"], marker="o", markersize=3,
                label=loss_name)
    ax.set_title(f"{digits[0]} vs {digits[1]}")
    ax.set_xlabel(f"training step (batches of {batch_size})")
axes[0].set_ylabel("validation accuracy")
axes[0].legend()
fig.tight_layout()
plt.show()


def accuracy_at(run, step):
    steps = run["first_steps"]
    return steps["val_accuracy"][steps["step"].index(step)]


shown_steps = (0, probe_every, 2 * probe_every, probe_steps)
for digits, runs in [(pair, easy), (hard_pair, hard)]:
    for loss_name, run in runs.items():
        print(f"{digits[0]} vs {digits[1]}, {loss_name}: validation accuracy at steps",
              shown_steps,
              ", ".join(f"{accuracy_at(run, s):.1%}" for s in shown_steps))

# %% [markdown]
# ## Where the gradient vanishes: loss gradient against predicted probability
#
# For one example with label 1 and output $p = \sigma(z)$, the gradient of each loss with
# respect to the logit $z$ is measured with `tf.GradientTape` over a sweep of logits.
# Cross-entropy gives $p - 1$; MSE gives $2(p - 1)\,p(1 - p)$, which goes to zero as the
# prediction becomes confidently wrong ($p \to 0$).

# %% figures=["gradient_vs_probability"]
logits = tf.constant(np.linspace(-12.0, 12.0, 481), dtype=tf.float32)
label = tf.ones_like(logits)
with tf.GradientTape(persistent=True) as tape:
    tape.watch(logits)
    prob = tf.sigmoid(logits)
    per_example = {
        "MSE": tf.square(label - prob),
        "Binary cross-entropy": keras.losses.binary_crossentropy(
            label[:, None], logits[:, None], from_logits=True),
    }
gradient = {name: np.abs(tape.gradient(value, logits).numpy())
            for name, value in per_example.items()}
prob = prob.numpy()

fig, ax = plt.subplots(figsize=(6.4, 3.6))
for name, grad in gradient.items():
    ax.plot(prob, grad, label=name)
ax.set_yscale("log")
ax.set_ylim(1e-6, 2)
ax.set_xlabel("predicted probability of the true class (label = 1)")
ax.set_ylabel("|d loss / d logit|")
ax.set_title("Gradient reaching the output logit")
ax.legend()
fig.tight_layout()
plt.show()

gradient_points = {}
for target in [0.0003, 0.01, 0.1, 0.5, 0.9, 0.99]:
    i = int(np.argmin(np.abs(prob - target)))
    gradient_points[f"{target:g}"] = {"p": float(prob[i]),
                                      **{name: float(grad[i]) for name, grad in gradient.items()}}
    print(f"p = {prob[i]:.4f}: |dL/dz| MSE {gradient['MSE'][i]:.2e}, "
          f"cross-entropy {gradient['Binary cross-entropy'][i]:.2e}")

# The same two gradients exactly where the confidently wrong start below begins.
start_logit = tf.constant([bad_start_bias], dtype=tf.float32)
with tf.GradientTape(persistent=True) as tape:
    tape.watch(start_logit)
    start_prob = tf.sigmoid(start_logit)
    at_start = {
        "MSE": tf.square(1.0 - start_prob),
        "Binary cross-entropy": keras.losses.binary_crossentropy(
            tf.ones((1, 1)), start_logit[:, None], from_logits=True),
    }
start_gradient = {"probability": float(start_prob[0])}
start_gradient.update({name: float(abs(tape.gradient(value, start_logit)[0]))
                       for name, value in at_start.items()})
print(f"at the start, p = sigmoid({bad_start_bias:g}) = {start_gradient['probability']:.6f}:",
      {name: round(g, 5) for name, g in start_gradient.items() if name != "probability"})

# %% [markdown]
# ## A confidently wrong start
#
# The output bias starts at `bad_start_bias`, so the untrained network says "0" with near
# certainty for every image: right for the zeros, confidently wrong for the ones. Both losses
# train from there with plain SGD (the step is the raw gradient times the learning rate) and
# with Adam (which rescales each weight's step by its recent gradient size).

# %% figures=["bad_start"]
bad_start = {}
for optimizer_name in ["SGD", "Adam"]:
    for loss_name, loss in LOSSES.items():
        optimizer = (keras.optimizers.SGD(learning_rate=bad_start_sgd_lr)
                     if optimizer_name == "SGD" else keras.optimizers.Adam())
        bad_start[f"{loss_name}, {optimizer_name}"] = train(
            loss, (x_train, y_train, x_val, y_val), optimizer=optimizer,
            n_epochs=bad_start_epochs, output_bias=bad_start_bias)

fig, axes = plt.subplots(1, 2, figsize=(9.5, 3.4), sharey=True)
for ax, optimizer_name in zip(axes, ["SGD", "Adam"]):
    for loss_name, colour in zip(LOSSES, ["C0", "C1"]):
        run = bad_start[f"{loss_name}, {optimizer_name}"]
        ax.plot(np.arange(run["epochs"] + 1),
                [run["first_steps"]["val_accuracy"][0]] + run["history"]["val_accuracy"],
                marker="o", color=colour, label=loss_name)
    title = (f"SGD, learning rate {bad_start_sgd_lr:g}" if optimizer_name == "SGD"
             else "Adam, learning rate 0.001")
    ax.set_title(title)
    ax.set_xlabel("epoch")
axes[0].set_ylabel("validation accuracy")
axes[0].legend()
fig.suptitle(f"Start: output bias {bad_start_bias:g}, every prediction ≈ 0")
fig.tight_layout()
plt.show()

for name, run in bad_start.items():
    print(f"{name}: validation accuracy from the start",
          ", ".join(f"{a:.1%}" for a in [run["first_steps"]["val_accuracy"][0]]
                    + run["history"]["val_accuracy"]))

# %% [markdown]
# ## Bonus: all ten digits
#
# Ten softmax units instead of one sigmoid. With integer labels (0-9) the loss is
# `sparse_categorical_crossentropy`; with one-hot labels it is `categorical_crossentropy`.
# Both runs start from the same weights and see the same batches.

# %%
x10 = x_all.reshape(-1, 28 * 28).astype("float32") / 255.0
y10 = y_all.astype("int64")
if train_subset:
    x10, y10 = x10[:train_subset], y10[:train_subset]
x10_val = x_all_val.reshape(-1, 28 * 28).astype("float32") / 255.0
y10_val = y_all_val.astype("int64")


def build_ten():
    keras.utils.set_random_seed(seed)
    return keras.Sequential([
        keras.Input(shape=(28 * 28,)),
        keras.layers.Dense(hidden_units, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])


label_formats = {
    "sparse_categorical_crossentropy": (y10, y10_val),
    "categorical_crossentropy": (keras.utils.to_categorical(y10, 10),
                                 keras.utils.to_categorical(y10_val, 10)),
}
bonus = {}
for loss, (labels, val_labels) in label_formats.items():
    model = build_ten()
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    history = model.fit(x10, labels, epochs=bonus_epochs, batch_size=bonus_batch_size,
                        validation_data=(x10_val, val_labels), verbose=0).history
    train_loss, train_acc = model.evaluate(x10, labels, verbose=0)
    val_loss, val_acc = model.evaluate(x10_val, val_labels, verbose=0)
    bonus[loss] = {"history": history, "train_loss": train_loss, "train_accuracy": train_acc,
                   "val_loss": val_loss, "val_accuracy": val_acc,
                   "epochs": len(history["loss"]),
                   "label_shape": list(labels.shape[1:]) or ["scalar"]}

largest_gap = max(
    abs(a - b)
    for key in ["loss", "val_loss"]
    for a, b in zip(bonus["sparse_categorical_crossentropy"]["history"][key],
                    bonus["categorical_crossentropy"]["history"][key])
)
for loss, run in bonus.items():
    print(f"{loss}: train loss {run['train_loss']:.4f}, val loss {run['val_loss']:.4f}, "
          f"val accuracy {run['val_accuracy']:.2%}")
print(f"largest difference between the two runs' per-epoch losses: {largest_gap:.2e}")

# %% [markdown]
# ## Results file

# %%
results = {
    "parameters": {"pair": pair, "hard_pair": hard_pair, "epochs": epochs,
                   "batch_size": batch_size, "hidden_units": hidden_units,
                   "train_subset": train_subset, "bad_start_bias": bad_start_bias,
                   "bad_start_epochs": bad_start_epochs, "bad_start_sgd_lr": bad_start_sgd_lr,
                   "bonus_epochs": bonus_epochs, "bonus_batch_size": bonus_batch_size,
                   "seed": seed},
    "n_train": len(y_train), "n_val": len(y_val),
    "n_train_hard": len(hard_data[1]), "n_val_hard": len(hard_data[3]),
    "easy": {"mse": easy["MSE"], "bce": easy["Binary cross-entropy"]},
    "hard": {"mse": hard["MSE"], "bce": hard["Binary cross-entropy"]},
    "bad_start": {"mse_sgd": bad_start["MSE, SGD"],
                  "bce_sgd": bad_start["Binary cross-entropy, SGD"],
                  "mse_adam": bad_start["MSE, Adam"],
                  "bce_adam": bad_start["Binary cross-entropy, Adam"]},
    "gradient": gradient_points,
    "start_gradient": start_gradient,
    "bonus": {"n_train": len(y10), "n_val": len(y10_val),
              "sparse": bonus["sparse_categorical_crossentropy"],
              "onehot": bonus["categorical_crossentropy"],
              "largest_loss_difference": largest_gap},
}
for name, group in [("0 vs 1", easy), ("4 vs 9", hard)]:
    print(name, {k: round(v["val_accuracy"], 4) for k, v in group.items()})

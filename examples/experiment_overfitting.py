# %% [markdown]
# # Experiment: reducing overfitting with categorical cross-entropy on 5 image classes
#
# **Description:** train a small CNN on five image classes with categorical cross-entropy,
# first as an overfitting baseline, then regularised with dropout, a smaller dense layer and
# early stopping, then with batch normalisation instead of dropout, then with dropout and data
# augmentation together, and measure each one.
#
# **Demonstrates:** an explicit overfitting baseline and its train/validation gap; what
# dropout and early stopping change; whether "validation ≥ 85 % with training < 92 %" is met
# and what it takes to meet it; batch normalisation compared in the same table and charts.
#
# **Data:** Fashion-MNIST's first five classes (T-shirt/top, trouser, pullover, dress, coat),
# 28×28 greyscale. Setting `dataset = "cifar10"` in the parameters cell runs the same code on
# CIFAR-10's first five classes (32×32 colour), if its files are in the Keras cache.

# %% tags=["parameters"] smoke={"train_subset": 600, "val_subset": 300, "baseline_epochs": 1, "max_epochs": 2, "patience": 1}
dataset = "fashion_mnist"  # or "cifar10": the same code, on CIFAR-10's first five classes
classes = [0, 1, 2, 3, 4]
train_subset = 6000  # training images drawn at random from the chosen classes (0 = all)
val_subset = 0  # validation images (0 = all of the test split's images of these classes)
baseline_epochs = 15  # the baseline trains for a fixed number of epochs, no early stopping
max_epochs = 30  # the regularised models stop early, at the latest after this many
patience = 5
batch_size = 64
learning_rate = 1e-3
baseline_dense_units = 512
dense_units = 64
target_val_accuracy = 0.85
target_train_accuracy = 0.92
seed = 0

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np

keras.utils.set_random_seed(seed)  # the same weights and batches on every run

CLASS_NAMES = {
    "fashion_mnist": ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                      "Shirt", "Sneaker", "Bag", "Ankle boot"],
    "cifar10": ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
                "ship", "truck"],
}

# %% [markdown]
# ## The data
#
# `prepare` works for both datasets: Fashion-MNIST gives `(N, 28, 28)` images and `(N,)`
# labels, CIFAR-10 `(N, 32, 32, 3)` images and `(N, 1)` labels. Images become float32 in 0-1
# with a channel axis; labels become integers 0-4 and then one-hot vectors, since the loss is
# categorical cross-entropy. Validation uses the dataset's own test split.


# %%
def prepare(images, labels, keep_classes):
    """Images of ``keep_classes`` as float32 (N, H, W, C) in 0-1, labels as 0..k-1."""
    labels = np.asarray(labels).reshape(-1)
    mask = np.isin(labels, keep_classes)
    x = np.asarray(images)[mask].astype("float32") / 255.0
    if x.ndim == 3:  # greyscale: add the channel axis the convolutions expect
        x = x[..., None]
    y = np.searchsorted(np.asarray(keep_classes), labels[mask])
    return x, y


(x_all, y_all), (x_all_val, y_all_val) = getattr(keras.datasets, dataset).load_data()
x_train, y_train = prepare(x_all, y_all, classes)
x_val, y_val = prepare(x_all_val, y_all_val, classes)
rng = np.random.default_rng(seed)
if train_subset:
    pick = np.sort(rng.permutation(len(y_train))[:train_subset])
    x_train, y_train = x_train[pick], y_train[pick]
if val_subset:
    pick = np.sort(rng.permutation(len(y_val))[:val_subset])
    x_val, y_val = x_val[pick], y_val[pick]
n_classes = len(classes)
y_train_onehot = keras.utils.to_categorical(y_train, n_classes)
y_val_onehot = keras.utils.to_categorical(y_val, n_classes)
class_names = [CLASS_NAMES[dataset][c] for c in classes]
print(f"{dataset}, classes {class_names}")
print(f"train {x_train.shape} per class {np.bincount(y_train).tolist()}")
print(f"validation {x_val.shape} per class {np.bincount(y_val).tolist()}")

# %% [markdown]
# ## Four models, one loss
#
# All four share two convolution blocks (32 and 64 filters of 3×3, each followed by 2×2 max
# pooling), a softmax output of five units, Adam and categorical cross-entropy:
#
# - **baseline**: no regularisation and a large dense layer (512 units), trained for a fixed
#   number of epochs. This is the overfitting model the rest is compared with.
# - **dropout**: dropout 0.25 after each convolution block, a dense layer of 64 units followed
#   by dropout 0.5, and early stopping on validation loss with the best weights restored.
# - **batchnorm**: batch normalisation after each convolution (before the ReLU) instead of
#   dropout, the same 64-unit dense layer and the same early stopping.
# - **augment**: the dropout model with random horizontal flips and shifts of up to 10 % of
#   the image size in front of it (active during training only), the same early stopping.


# %%
def build_model(variant, input_shape, n_classes, learning_rate=1e-3,
                baseline_dense_units=512, dense_units=64):
    """A compiled CNN: ``variant`` is "baseline", "dropout", "batchnorm" or "augment"."""
    layers = keras.layers
    augmentation = ([layers.RandomFlip("horizontal"), layers.RandomTranslation(0.1, 0.1)]
                    if variant == "augment" else [])

    def conv_block(filters):
        if variant == "batchnorm":
            return [layers.Conv2D(filters, 3, use_bias=False), layers.BatchNormalization(),
                    layers.ReLU(), layers.MaxPooling2D(2)]
        block = [layers.Conv2D(filters, 3, activation="relu"), layers.MaxPooling2D(2)]
        return block + ([layers.Dropout(0.25)] if variant in ("dropout", "augment") else [])

    if variant == "baseline":
        head = [layers.Dense(baseline_dense_units, activation="relu")]
    elif variant in ("dropout", "augment"):
        head = [layers.Dense(dense_units, activation="relu"), layers.Dropout(0.5)]
    elif variant == "batchnorm":
        head = [layers.Dense(dense_units, activation="relu")]
    else:
        raise ValueError(f"unknown variant {variant!r}")
    model = keras.Sequential(
        [keras.Input(shape=input_shape), *augmentation, *conv_block(32), *conv_block(64),
         layers.Flatten(),
         *head, layers.Dense(n_classes, activation="softmax")],
        name=variant,
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="categorical_crossentropy", metrics=["accuracy"])
    return model


VARIANTS = {"baseline": "Baseline", "dropout": "Dropout", "batchnorm": "Batch norm",
            "augment": "Dropout + augmentation"}
sizes = [f"{variant:>9}: {build_model(variant, x_train.shape[1:], n_classes).count_params():>7,}"
         " weights" for variant in VARIANTS]
print("\n".join(sizes))  # one print: the notebook keeps a single output

# %% [markdown]
# ## Training
#
# Each model starts from the same seed. "Train accuracy" below is the trained model
# evaluated on the training images in inference mode (dropout off, batch normalisation using
# its moving averages), with the weights that were kept. The accuracy Keras logs during `fit`
# is a running average over the epoch with dropout on; it is reported separately because the
# two differ.


# %%
def run(variant):
    keras.utils.set_random_seed(seed)
    model = build_model(variant, x_train.shape[1:], n_classes, learning_rate,
                        baseline_dense_units, dense_units)
    early_stopping = variant != "baseline"
    callbacks = ([keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                                restore_best_weights=True)]
                 if early_stopping else [])
    history = model.fit(
        x_train, y_train_onehot, epochs=max_epochs if early_stopping else baseline_epochs,
        batch_size=batch_size, validation_data=(x_val, y_val_onehot), callbacks=callbacks,
        verbose=0,
    ).history
    epochs_run = len(history["loss"])
    # the weights kept: the best validation loss with early stopping, the last epoch without
    kept = int(np.argmin(history["val_loss"])) if early_stopping else epochs_run - 1
    train_loss, train_accuracy = model.evaluate(x_train, y_train_onehot, verbose=0)
    val_loss, val_accuracy = model.evaluate(x_val, y_val_onehot, verbose=0)
    return {
        "history": history, "epochs_run": epochs_run, "kept_epoch": kept + 1,
        "train_loss": train_loss, "train_accuracy": train_accuracy,
        "val_loss": val_loss, "val_accuracy": val_accuracy,
        "logged_train_accuracy": history["accuracy"][kept],
        "gap": train_accuracy - val_accuracy,
        "meets_target": bool(val_accuracy >= target_val_accuracy
                             and train_accuracy < target_train_accuracy),
        "weights": model.count_params(),
    }


runs = {variant: run(variant) for variant in VARIANTS}

# %% [markdown]
# ## Results

# %%
print("model                   train loss  train acc.  val loss  val acc.  gap  logged train acc."
      "  target met")
for v, r in runs.items():
    print(f"{VARIANTS[v]:<22}  {r['train_loss']:10.3f}  {r['train_accuracy']:10.1%}"
          f"  {r['val_loss']:8.3f}  {r['val_accuracy']:8.1%}  {r['gap']:4.1%}"
          f"  {r['logged_train_accuracy']:17.1%}  {r['meets_target']}")

# %% [markdown]
# ## Learning curves
#
# One chart per model: loss and accuracy per epoch, training (logged during `fit`) solid and
# validation dashed; a vertical line marks the epoch whose weights were kept.

# %% figures=["curves_baseline", "curves_dropout", "curves_batchnorm", "curves_augment"]
for variant, r in runs.items():
    h = r["history"]
    axis = np.arange(1, r["epochs_run"] + 1)
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9.5, 3.4))
    for ax, key, label in [(ax_loss, "loss", "categorical cross-entropy"),
                           (ax_acc, "accuracy", "accuracy")]:
        ax.plot(axis, h[key], label="train (logged in fit)")
        ax.plot(axis, h[f"val_{key}"], linestyle="--", label="validation")
        ax.axvline(r["kept_epoch"], color="C6", alpha=0.5, linewidth=1, linestyle=":")
        ax.set_xlabel("epoch")
        ax.set_ylabel(label)
    ax_acc.axhline(target_val_accuracy, color="C2", linewidth=1,
                   label=f"target: val ≥ {target_val_accuracy:.0%}")
    ax_acc.legend(fontsize=9)
    fig.suptitle(f"{VARIANTS[variant]}: {r['epochs_run']} epochs, weights kept from epoch "
                 f"{r['kept_epoch']}")
    fig.tight_layout()
    plt.show()

# %% figures=["comparison"]
fig, ax = plt.subplots(figsize=(8.5, 3.8))
positions = np.arange(len(runs))
train_bars = [r["train_accuracy"] for r in runs.values()]
val_bars = [r["val_accuracy"] for r in runs.values()]
ax.bar(positions - 0.2, train_bars, width=0.4, label="train (evaluated)")
ax.bar(positions + 0.2, val_bars, width=0.4, label="validation")
for x, (t, v) in enumerate(zip(train_bars, val_bars)):
    ax.annotate(f"{t:.1%}", (x - 0.2, t), ha="center", va="bottom", fontsize=9)
    ax.annotate(f"{v:.1%}", (x + 0.2, v), ha="center", va="bottom", fontsize=9)
ax.axhline(target_val_accuracy, color="C2", linewidth=1, linestyle="--",
           label=f"target: val ≥ {target_val_accuracy:.0%}")
ax.axhline(target_train_accuracy, color="C3", linewidth=1, linestyle=":",
           label=f"target: train < {target_train_accuracy:.0%}")
ax.set_xticks(positions, [VARIANTS[v].replace(" + ", " +\n") for v in runs])
ax.set_ylim(0.75, 1.02)
ax.set_ylabel("accuracy")
ax.set_title("Train and validation accuracy of the weights kept")
ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0))
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Results file

# %%
results = {
    "class_names": class_names,
    "n_train": len(y_train), "n_val": len(y_val),
    "input_shape": list(x_train.shape[1:]),
    "labels": VARIANTS,
    "models": runs,
}
print({v: (round(r["train_accuracy"], 4), round(r["val_accuracy"], 4)) for v, r in runs.items()})

# %% [markdown]
# # Pipeline trace: categorical cross-entropy on 1,000 MNIST digits
#
# **Description:** follow 1000 handwritten digits from raw 28×28 pixels through scaling,
# flattening, a small dense network with a softmax output and categorical cross-entropy, to
# the predicted probabilities for one digit the network has never seen.
#
# **Demonstrates:** the shape and a few values of the data at each of six stages, one-hot
# labels over 10 classes, a 5-epoch loss and accuracy trace, and each layer's output for one
# image, ending in that image's loss.

# %% tags=["parameters"] smoke={"epochs": 1, "n_images": 200}
epochs = 5
batch_size = 32
n_images = 1000
n_classes = 10
hidden_units = 128
seed = 0

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np

keras.utils.set_random_seed(seed)  # the same weights and batches on every run

# %% [markdown]
# ## Stage 1: data in
#
# The first `n_images` digits of MNIST's training set are what the network learns from. The
# first `n_images` digits of MNIST's separate test set are only used to measure it, and the
# digit whose prediction is traced at the end is the first of those: an image the network
# never trained on. Labels become one-hot vectors over the 10 classes, the format
# `categorical_crossentropy` expects.

# %%
(train_images, train_labels), (test_images, test_labels) = keras.datasets.mnist.load_data()
images, labels = train_images[:n_images], train_labels[:n_images]
new_images, new_labels = test_images[:n_images], test_labels[:n_images]
labels_onehot = keras.utils.to_categorical(labels, n_classes)
new_onehot = keras.utils.to_categorical(new_labels, n_classes)
print("images:", images.shape, images.dtype, " labels:", labels.shape,
      " one-hot:", labels_onehot.shape)
print("digits per class:", np.bincount(labels, minlength=n_classes))
print("first label:", labels[0], "->", labels_onehot[0].astype(int))

# A strip of pixels across the first image's centre, followed through stages 2 and 3.
strip_row, strip_cols = 14, slice(12, 16)
print("raw pixels, row 14, columns 12-15:", images[0, strip_row, strip_cols])

# %% [markdown]
# ## Stages 2 and 3: scale to 0-1, flatten to 784
#
# Pixels are integers from 0 to 255, so dividing by 255 maps them exactly onto 0-1. A dense
# layer takes a vector, so each 28×28 image becomes 784 numbers, row after row: pixel
# (row 14, column 12) lands at position 14 × 28 + 12 = 404.

# %%
scaled = images.astype("float32") / 255.0
new_scaled = new_images.astype("float32") / 255.0
flat = scaled.reshape(len(scaled), -1)
new_flat = new_scaled.reshape(len(new_scaled), -1)
flat_start = strip_row * 28 + strip_cols.start
flat_cols = slice(flat_start, flat_start + (strip_cols.stop - strip_cols.start))
print("scaled:", scaled.shape, "range", scaled.min(), "to", scaled.max())
print("flattened:", flat.shape, " positions 404-407:", flat[0, flat_cols].round(3))

# %% [markdown]
# ## Stage 4: dense layers with a softmax output
#
# One hidden layer of ReLU units, then 10 output units. The softmax is a layer of its own
# here, so that the trace below can show the raw scores (logits) before it turns them into
# probabilities; the model is the same as `Dense(10, activation="softmax")`.

# %%
model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(hidden_units, activation="relu", name="hidden"),
        keras.layers.Dense(n_classes, name="logits"),
        keras.layers.Activation("softmax", name="softmax"),
    ]
)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
initial_loss, initial_accuracy = model.evaluate(flat, labels_onehot, verbose=0)
print(f"before training: loss {initial_loss:.4f} (ln 10 = {np.log(n_classes):.4f}), "
      f"accuracy {initial_accuracy:.3f}")

# %% [markdown]
# ## Stage 5: loss and accuracy, epoch by epoch
#
# Training loss and accuracy are Keras's running averages over each epoch's batches; the
# test columns are measured on the held-out digits after each epoch.

# %%
history = model.fit(
    flat, labels_onehot, epochs=epochs, batch_size=batch_size,
    validation_data=(new_flat, new_onehot), verbose=0,
).history


print("epoch  train CE  train accuracy  test CE  test accuracy")
for e in range(epochs):
    print(f"{e + 1:5d}  {history['loss'][e]:8.4f}  {history['accuracy'][e]:14.4f}  "
          f"{history['val_loss'][e]:7.4f}  {history['val_accuracy'][e]:13.4f}")

# %% figures=["training_curves"]
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.6))
epoch_axis = np.arange(1, epochs + 1)
for ax, key, title in [(ax_loss, "loss", "Categorical cross-entropy"),
                       (ax_acc, "accuracy", "Accuracy")]:
    ax.plot(epoch_axis, history[key], marker="o", label=f"train ({n_images} digits)")
    ax.plot(epoch_axis, history[f"val_{key}"], marker="s", linestyle="--",
            label=f"test ({n_images} new digits)")
    ax.set_title(title)
    ax.set_xlabel("epoch")
    ax.set_xticks(epoch_axis)
    ax.legend()
ax_loss.set_ylabel("loss")
ax_acc.set_ylabel("fraction correct")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Stage 6: predict one new digit, layer by layer

# %%
row = new_flat[:1]
true_digit = int(new_labels[0])
layer_outputs = {
    name: keras.Model(model.inputs[0], model.get_layer(name).output).predict(row, verbose=0)
    for name in ["hidden", "logits", "softmax"]
}
hidden, logits, probabilities = (layer_outputs[k] for k in ["hidden", "logits", "softmax"])
predicted_digit = int(np.argmax(probabilities))
row_loss = float(keras.losses.CategoricalCrossentropy()(new_onehot[:1], probabilities))


first_ink = int(np.flatnonzero(row[0])[0])  # the digit's first non-blank pixel
print(f"input: {np.count_nonzero(row)} of 784 pixels are not blank, the first at {first_ink}")
print(f"hidden: {np.count_nonzero(hidden)} of {hidden_units} units > 0")
print("logits:", logits[0].round(3))
print("probabilities:", probabilities[0].round(3), "sum", round(float(probabilities.sum()), 3))
print(f"true digit {true_digit}: CE = -ln {probabilities[0, true_digit]:.3f} = {row_loss:.4f}")

# %% figures=["prediction"]
fig, (ax_img, ax_bar) = plt.subplots(1, 2, figsize=(8, 3.2),
                                     gridspec_kw={"width_ratios": [1, 2.2]})
ax_img.imshow(new_images[0], cmap="gray_r", interpolation="nearest")
ax_img.set_title(f"Input: a {true_digit} (test image 0)")
ax_img.set_xticks([])
ax_img.set_yticks([])
ax_img.grid(False)
for spine in ax_img.spines.values():
    spine.set_visible(True)
colours = ["C1" if d == predicted_digit else "C0" for d in range(n_classes)]
ax_bar.set_axisbelow(True)
ax_bar.bar(np.arange(n_classes), probabilities[0], color=colours)
for digit, p in enumerate(probabilities[0]):
    ax_bar.text(digit, p + 0.02, f"{p:.3f}", ha="center", va="bottom", fontsize=8)
ax_bar.set_xticks(np.arange(n_classes))
ax_bar.set_ylim(0, 1.1)
ax_bar.set_yticks(np.linspace(0, 1, 6))
ax_bar.set_xlabel("digit")
ax_bar.set_ylabel("probability")
ax_bar.set_title(f"Softmax output: predicts {predicted_digit} "
                 f"(p = {probabilities[0, predicted_digit]:.3f})")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## The data flow, drawn from the shapes of this run
#
# Each array is drawn as a card holding one example's values (a square for an image, a strip
# for a vector), stacked when the array holds several examples; the arrows name the operation
# between two stages. Training goes through the network in batches, so its shapes start with
# the batch size.

# %% figures=["data_flow_shapes"]
INK = plt.rcParams["axes.edgecolor"]  # arrows and their labels in the style's axes colour
ARROW = {"arrowstyle": "-|>", "color": INK, "lw": 1.2}


def draw_chain(ax, y, steps, x=0.0, start=None, gap=2.0):
    """Draw arrays left to right on the line y from ``x``, ``gap`` apart, an arrow naming the
    operation between each two. ``steps`` holds (operation, shape, name); the first arrow, if
    any, comes from the point ``start``. An image is a square card, a vector a strip, their
    sides growing with the log of the axis length; several examples make a stack. Returns
    each array's right edge."""
    edges, here = [], start
    for operation, shape, name in steps:
        rows, cols = ((1, 1) + tuple(shape[1:]))[-2:]
        width, height = 0.3 + 0.4 * np.log10(cols), 0.3 + 0.4 * np.log10(rows)
        if operation is not None:
            if edges:
                x = here[0] + gap
            # an arrow coming back from the right lands on top of the array's name
            end = (x + width / 2, y + 0.75) if here[0] > x else (x - 0.08, y)
            ax.annotate("", xy=end, xytext=(here[0] + 0.08, here[1]), arrowprops=ARROW)
            ax.text((here[0] + end[0]) / 2, (here[1] + end[1]) / 2, operation,
                    ha="center", va="center", fontsize=9, style="italic", color=INK,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        depth = 2 if len(shape) and shape[0] > 1 else 0
        for k in range(depth, -1, -1):
            ax.add_patch(plt.Rectangle((x + 0.07 * k, y - height / 2 + 0.07 * k), width,
                                       height, facecolor="C0", edgecolor="white",
                                       alpha=1 - 0.3 * k))
        ax.text(x + width / 2, y + height / 2 + 0.07 * depth + 0.08, name, ha="center",
                va="bottom", fontweight="bold")
        ax.text(x + width / 2, y - height / 2 - 0.08, str(tuple(shape)), ha="center",
                va="top", family="monospace")
        x += width + 0.07 * depth
        edges.append(x)
        here = (x, y)
    return edges

batch = flat[:batch_size]
batch_outputs = {
    name: np.asarray(keras.Model(model.inputs[0], model.get_layer(name).output)(batch))
    for name in ["hidden", "logits", "softmax"]
}
batch_loss = keras.losses.CategoricalCrossentropy()(labels_onehot[:batch_size],
                                                     batch_outputs["softmax"])

fig, ax = plt.subplots(figsize=(9, 4.4))
prepared = draw_chain(ax, 0, [(None, images.shape, "1. images"),
                              ("÷ 255", scaled.shape, "2. scaled"),
                              ("reshape", flat.shape, "3. flattened")])
targets = draw_chain(ax, 0, [(None, labels.shape, "1. labels"),
                             ("one-hot", labels_onehot.shape, "targets")],
                     x=prepared[-1] + 1.6)
draw_chain(ax, 2.1, [(None, new_images.shape, "test images"),
                     ("first image,\n÷ 255, reshape", row.shape, "6. a new digit"),
                     ("trained\nnetwork", probabilities.shape, "output")], gap=2.6)
trained = draw_chain(ax, -2.3, [
    (f"batches of {batch_size}", batch.shape, "a batch"),
    (f"Dense {hidden_units}\nReLU", batch_outputs["hidden"].shape, "4. hidden"),
    (f"Dense {n_classes}", batch_outputs["logits"].shape, "4. logits"),
    ("softmax", batch_outputs["softmax"].shape, "4. softmax"),
    ("cross-\nentropy", tuple(batch_loss.shape), "5. loss"),
], x=0.6, start=(prepared[-1] - 0.6, -0.75), gap=1.9)
ax.annotate("", xy=(trained[-1] - 0.15, -1.55), xytext=(targets[-1] - 0.3, -0.5),
            arrowprops=ARROW)
ax.set_xlim(-0.4, trained[-1] + 0.6)
ax.set_ylim(-3.0, 3.3)
ax.set_aspect("equal")
ax.axis("off")
plt.show()

# %% [markdown]
# ## The results file

# %%
train_loss, train_accuracy = model.evaluate(flat, labels_onehot, verbose=0)
test_loss, test_accuracy = model.evaluate(new_flat, new_onehot, verbose=0)


first_label_probability = float(np.asarray(model(flat[:1]))[0, labels[0]])
results = {
    "parameters": {"epochs": epochs, "batch_size": batch_size, "n_images": n_images,
                   "hidden_units": hidden_units, "seed": seed},
    "class_counts": np.bincount(labels, minlength=n_classes),
    "first_image": {"label": labels[0], "label_probability": first_label_probability,
                    "strip_pixels": images[0, strip_row, strip_cols],
                    "strip_scaled": scaled[0, strip_row, strip_cols],
                    "flat_start": flat_start, "flat_values": flat[0, flat_cols]},
    "initial": {"loss": initial_loss, "accuracy": initial_accuracy,
                "uniform_guess_loss": np.log(n_classes)},
    "history": history,
    "final": {"train_loss": train_loss, "train_accuracy": train_accuracy,
              "test_loss": test_loss, "test_accuracy": test_accuracy},
    "prediction": {"true_digit": true_digit, "predicted_digit": predicted_digit,
                   "probabilities": probabilities[0], "loss": row_loss,
                   "hidden_active": np.count_nonzero(hidden),
                   "first_ink": first_ink, "inked_pixels": row[0, first_ink:first_ink + 4],
                   "pixels_not_blank": np.count_nonzero(row), "hidden": hidden[0],
                   "logits": logits[0]},
}
print(f"epoch 1: loss {history['loss'][0]:.4f}, accuracy {history['accuracy'][0]:.4f}; "
      f"epoch {epochs}: loss {history['loss'][-1]:.4f}, accuracy {history['accuracy'][-1]:.4f}")

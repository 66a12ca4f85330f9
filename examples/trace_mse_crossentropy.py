# %% [markdown]
# # Pipeline trace: MSE and cross-entropy on 1,000 rows of tabular data
#
# **Description:** follow 1,000 rows of 10 features through scaling, an 800/200 split,
# training with MSE (regression) and categorical cross-entropy (3 classes), and a prediction.
#
# **Demonstrates:** the shape of the data at every stage, the epoch-by-epoch loss of both
# losses, and what each layer outputs for one row, ending in the loss value for that row.

# %% tags=["parameters"] smoke={"epochs": 2}
epochs = 10
batch_size = 32
n_rows = 1000
n_features = 10
n_classes = 3
n_train = 800
hidden_units = 16
seed = 0

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np

keras.utils.set_random_seed(seed)  # the same weights and batches on every run

# %% [markdown]
# ## Stage 1: data in
#
# A synthetic table, so that every number below can be regenerated anywhere: 10 features on
# very different scales, a continuous target (a noisy linear mix of the features) and a
# 3-class label (which of three linear scores is largest).

# %%
rng = np.random.default_rng(seed)
feature_scale = np.linspace(1.0, 50.0, n_features)  # column j spans 0 .. feature_scale[j]
x_raw = rng.uniform(0.0, 1.0, size=(n_rows, n_features)) * feature_scale
x_unit = x_raw / feature_scale
y_regression = x_unit @ rng.normal(size=n_features) + 0.1 * rng.normal(size=n_rows)
y_class = np.argmax((x_unit - 0.5) @ rng.normal(size=(n_features, n_classes)), axis=1)
print("features:", x_raw.shape, " regression target:", y_regression.shape,
      " class labels:", y_class.shape, np.bincount(y_class))

# %% [markdown]
# ## Stages 2 and 3: scale to 0-1, split 800/200
#
# Scaling is min-max per column: `(x - min) / (max - min)`. Dividing every column by one
# constant (say 10) does not give 0-1 when the columns have different ranges. The minimum and
# maximum are taken from the 800 training rows only, so nothing about the test rows leaks into
# training; a test value can therefore land slightly outside 0-1.

# %%
order = rng.permutation(n_rows)
train_idx, test_idx = order[:n_train], order[n_train:]
col_min = x_raw[train_idx].min(axis=0)
col_max = x_raw[train_idx].max(axis=0)
x_scaled = (x_raw - col_min) / (col_max - col_min)
x_train, x_test = x_scaled[train_idx], x_scaled[test_idx]
print("scaled range (train):", x_train.min().round(3), "to", x_train.max().round(3))
print("train:", x_train.shape, " test:", x_test.shape)

# %% [markdown]
# ## Stage 4: train the same small network twice
#
# The hidden layer is identical; only the output layer and the loss differ. Regression ends
# in one linear unit and is trained with mean squared error; classification ends in three
# softmax units and is trained with categorical cross-entropy on one-hot labels.

# %%
y_train_reg, y_test_reg = y_regression[train_idx], y_regression[test_idx]
# Reference points for reading the losses below: the test MSE of always predicting the mean
# training target, and the accuracy of always predicting the most frequent training class.
baseline_mse = float(np.mean((y_test_reg - y_train_reg.mean()) ** 2))
majority_class = int(np.argmax(np.bincount(y_class[train_idx])))
majority_accuracy = float(np.mean(y_class[test_idx] == majority_class))
print(f"predict-the-mean test MSE: {baseline_mse:.3f}  "
      f"majority-class test accuracy: {majority_accuracy:.3f}")


def build(n_outputs, activation):
    return keras.Sequential(
        [
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(hidden_units, activation="relu", name="hidden"),
            keras.layers.Dense(n_outputs, activation=activation, name="output"),
        ]
    )


regressor = build(1, None)
regressor.compile(optimizer="adam", loss="mse", metrics=["mae"])
reg_initial = regressor.evaluate(x_train, y_train_reg, verbose=0)[0]  # before any update
reg_history = regressor.fit(
    x_train, y_train_reg, epochs=epochs, batch_size=batch_size,
    validation_data=(x_test, y_test_reg), verbose=0,
).history

y_onehot = keras.utils.to_categorical(y_class, n_classes)
classifier = build(n_classes, "softmax")
classifier.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
cls_initial = classifier.evaluate(x_train, y_onehot[train_idx], verbose=0)[0]
cls_history = classifier.fit(
    x_train, y_onehot[train_idx], epochs=epochs, batch_size=batch_size,
    validation_data=(x_test, y_onehot[test_idx]), verbose=0,
).history

# %% [markdown]
# ## Training trace, epoch by epoch
#
# Keras reports the training loss of an epoch as the average over its batches, while the
# weights are still moving; the test loss is measured once, after the epoch.

# %%
print("epoch  train MSE  train MAE  test MSE | train CE  train acc.  test CE")
for e in range(epochs):
    print(f"{e + 1:5d}  {reg_history['loss'][e]:9.4f}  {reg_history['mae'][e]:9.4f}  "
          f"{reg_history['val_loss'][e]:8.4f} | {cls_history['loss'][e]:8.4f}  "
          f"{cls_history['accuracy'][e]:10.4f}  {cls_history['val_loss'][e]:7.4f}")

# %% figures=["loss_curves"]
fig, (ax_reg, ax_cls) = plt.subplots(1, 2, figsize=(9, 3.6))
epoch_axis = np.arange(1, epochs + 1)
for ax, history, title in [(ax_reg, reg_history, "Regression: MSE"),
                           (ax_cls, cls_history, "Classification: cross-entropy")]:
    ax.plot(epoch_axis, history["loss"], marker="o", label="train")
    ax.plot(epoch_axis, history["val_loss"], marker="s", linestyle="--", label="test")
    ax.set_title(title)
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    ax.set_xticks(epoch_axis)
    ax.legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Stage 5: predict one new row, layer by layer
#
# The first test row goes through the trained networks one layer at a time. The last step
# compares the output with the row's true target, which is exactly what the loss does for
# every row during training.

# %%
row = x_test[:1]
hidden_layer = keras.Model(regressor.inputs[0], regressor.get_layer("hidden").output)
reg_hidden = hidden_layer.predict(row, verbose=0)
reg_out = regressor.predict(row, verbose=0)
cls_hidden = keras.Model(classifier.inputs[0], classifier.get_layer("hidden").output).predict(
    row, verbose=0
)
cls_out = classifier.predict(row, verbose=0)

true_value = y_regression[test_idx[0]]
true_class = int(y_class[test_idx[0]])
row_mse = float(keras.losses.MeanSquaredError()(np.array([[true_value]]), reg_out))
row_ce = float(keras.losses.CategoricalCrossentropy()(y_onehot[test_idx[:1]], cls_out))


print("input row:", row[0].round(3))
for name, hidden, out in [("regression", reg_hidden, reg_out),
                          ("classification", cls_hidden, cls_out)]:
    print(f"{name}: {np.count_nonzero(hidden)} of {hidden_units} hidden units > 0, "
          f"output {out[0].round(3)}")
print(f"MSE for this row: ({reg_out[0, 0]:.3f} - {true_value:.3f})² = {row_mse:.4f}")
print(f"cross-entropy for this row, true class {true_class}: "
      f"-ln {cls_out[0, true_class]:.3f} = {row_ce:.4f}")

# %% [markdown]
# ## The data flow, drawn from the shapes of this run
#
# Each array is drawn as a card holding one example's values (a strip of features), stacked
# when the array holds several examples; the arrows name the operation between two stages.
# Training goes through the network in batches, so its shapes start with the batch size.

# %% figures=["data_flow_shapes"]
INK = plt.rcParams["axes.edgecolor"]  # arrows and their labels in the style's axes colour
GAP, HEIGHT = 2.0, 0.3  # between two arrays; of a card


def draw_chain(ax, y, steps, x=0.0, start=None):
    """Draw arrays left to right on the line y, an arrow naming the operation between each
    two. ``steps`` holds (operation, shape, name); the first arrow comes from the point
    ``start``; the first array sits at ``x``, or a gap to the right of ``start`` when ``x``
    is None. Every array here is a table of rows: a strip as long as the log of its
    columns, stacked when it holds several rows. Returns each array's right edge."""
    edges, here = [], start
    for operation, shape, name in steps:
        width = 0.3 + 0.4 * np.log10(shape[1] if len(shape) > 1 else 1)
        if operation is not None:
            if edges or x is None:
                x = here[0] + GAP
            # an arrow coming back from the right lands on top of the array's name
            end = (x + width / 2, y + 0.75) if here[0] > x else (x - 0.08, y)
            ax.annotate("", xy=end, xytext=(here[0] + 0.08, here[1]),
                        arrowprops={"arrowstyle": "-|>", "color": INK, "lw": 1.2})
            ax.text((here[0] + end[0]) / 2, (here[1] + end[1]) / 2, operation,
                    ha="center", va="center", fontsize=9, style="italic", color=INK,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        depth = 2 if len(shape) and shape[0] > 1 else 0
        for k in range(depth, -1, -1):
            ax.add_patch(plt.Rectangle((x + 0.07 * k, y - HEIGHT / 2 + 0.07 * k), width,
                                       HEIGHT, facecolor="C0", edgecolor="white",
                                       alpha=1 - 0.3 * k))
        ax.text(x + width / 2, y + HEIGHT / 2 + 0.07 * depth + 0.08, name, ha="center",
                va="bottom", fontweight="bold")
        ax.text(x + width / 2, y - HEIGHT / 2 - 0.08, str(tuple(shape)), ha="center",
                va="top", family="monospace")
        x += width + 0.07 * depth
        edges.append(x)
        here = (x, y)
    return edges

batch = x_train[:batch_size]
batch_regression = np.asarray(regressor(batch))
batch_classification = np.asarray(classifier(batch))
batch_loss = keras.losses.MeanSquaredError()(y_train_reg[:batch_size, None], batch_regression)

fig, ax = plt.subplots(figsize=(9, 4.4))
prepared = draw_chain(ax, 0, [(None, x_raw.shape, "1. data in"),
                              ("min-max\nper column", x_scaled.shape, "2. scaled"),
                              (f"{n_train} rows", x_train.shape, "3. train")])
predicted = draw_chain(ax, 1.6, [(f"{n_rows - n_train} rows", x_test.shape, "3. test"),
                                 ("first row", row.shape, "5. new row"),
                                 ("trained\nregressor", reg_out.shape, "output")],
                       x=None, start=(prepared[1], 0))
draw_chain(ax, 0.1, [("trained\nclassifier", cls_out.shape, "output")],
           x=None, start=(predicted[1], 1.6))
trained = draw_chain(ax, -2.1, [
    (f"batches of {batch_size}", batch.shape, "4. a batch"),
    (f"Dense {hidden_units}\nReLU", tuple(hidden_layer(batch).shape), "hidden"),
    ("Dense 1", batch_regression.shape, "output"),
    ("MSE", tuple(batch_loss.shape), "loss"),
], x=0.6, start=(prepared[2] - 0.4, -0.55))
draw_chain(ax, -3.4, [(f"Dense {n_classes}\nsoftmax", batch_classification.shape, "output"),
                      ("cross-\nentropy", tuple(batch_loss.shape), "loss")],
           x=None, start=(trained[1], -2.1))
ax.set_xlim(-0.4, max(predicted + trained) + 0.6)
ax.set_ylim(-4.0, 2.3)
ax.set_aspect("equal")
ax.axis("off")
plt.show()

# %% [markdown]
# ## The results file

# %%
results = {
    "parameters": {"epochs": epochs, "batch_size": batch_size, "n_rows": n_rows,
                   "n_train": n_train, "hidden_units": hidden_units, "seed": seed},
    "column_ranges": {"min": col_min, "max": col_max},  # fitted on the training rows
    "first_rows": {"raw": x_raw[0], "scaled": x_scaled[0], "train": x_train[0]},
    "prediction": {"row": row[0], "regression_hidden": reg_hidden[0],
                   "classification_hidden": cls_hidden[0]},
    "regression": {"history": reg_history, "initial_loss": reg_initial,
                   "baseline_mse": baseline_mse, "row_prediction": reg_out[0, 0],
                   "row_target": true_value, "row_mse": row_mse},
    "classification": {"history": cls_history, "initial_loss": cls_initial,
                       "majority_accuracy": majority_accuracy,
                       "class_counts": np.bincount(y_class),
                       "row_probabilities": cls_out[0],
                       "row_class": true_class, "row_cross_entropy": row_ce},
}
print("final train MSE:", round(reg_history["loss"][-1], 4),
      " final train accuracy:", round(cls_history["accuracy"][-1], 4))

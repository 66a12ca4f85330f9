# %% [markdown]
# # Regression losses under outliers: MSE, MAE and Huber
#
# **Description:** fit the same straight line with mean squared error, mean absolute error
# and Keras's `Huber` loss to data where a few targets are far off, and compare the lines.
#
# **Demonstrates:** the shape of each loss and of its gradient as the error grows; how far a
# handful of outliers pull each loss's fit away from the line that generated the data, and how
# Huber's `delta` moves it between MAE-like and MSE-like.

# %% tags=["parameters"] smoke={"steps": 60, "settle_steps": 10, "huber_deltas": [1.0]}
n_points = 60
n_outliers = 6
outlier_shift = -25.0
noise = 1.0
true_slope = 2.0
true_intercept = 1.0
steps = 1000
settle_steps = 50
learning_rate = 0.1
huber_deltas = [0.5, 1.0, 3.0, 10.0]
seed = 0

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(seed)  # the same weights and batches on every run

# %% [markdown]
# ## The three losses, one error at a time
#
# Each loss on a single prediction as its error (prediction minus target) goes from −4 to 4,
# and its gradient with respect to the prediction, both from Keras and `tf.GradientTape`. The
# gradient is how hard a point pulls on the fit: MSE's grows with the error, MAE's is always
# ±1, Huber's grows like MSE's up to `delta` and then stays at ±`delta`.

# %% figures=["shapes"]
residual = tf.constant(np.linspace(-4.0, 4.0, 801)[:, None], dtype="float32")
shape_losses = {
    "MSE": keras.losses.MeanSquaredError(reduction=None),
    "MAE": keras.losses.MeanAbsoluteError(reduction=None),
    "Huber, delta=1": keras.losses.Huber(delta=1.0, reduction=None),
}
fig, (ax_loss, ax_grad) = plt.subplots(1, 2, figsize=(9, 3.6))
for (name, loss), style in zip(shape_losses.items(), ["-", "--", "-."]):
    with tf.GradientTape() as tape:
        tape.watch(residual)
        values = loss(tf.zeros_like(residual), residual)  # target 0: the error is the prediction
    gradient = tape.gradient(values, residual)
    ax_loss.plot(residual[:, 0], values, linestyle=style, label=name)
    ax_grad.plot(residual[:, 0], gradient[:, 0], linestyle=style, label=name)
ax_loss.set_title("Loss")
ax_loss.set_ylim(0, 8)
ax_grad.set_title("Gradient with respect to the prediction")
ax_grad.set_ylim(-4.5, 4.5)
for ax in (ax_loss, ax_grad):
    ax.set_xlabel("error: prediction − target")
ax_grad.legend(loc="upper left")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## The data
#
# Points on the line *y* = 2*x* + 1 with Gaussian noise (standard deviation 1), then a few of
# the points with the largest *x* get their target shifted far down: the kind of error a
# broken sensor or a unit mix-up leaves in a data set.

# %%
rng = np.random.default_rng(seed)
x = np.sort(rng.uniform(0.0, 10.0, n_points)).astype("float32")
y = (true_slope * x + true_intercept + noise * rng.normal(size=n_points)).astype("float32")
outlier = np.zeros(n_points, dtype=bool)
outlier[-n_outliers:] = True
y[outlier] += outlier_shift
print(f"{n_points} points, {n_outliers} outliers shifted by {outlier_shift}")

# Least squares in closed form: the line MSE training should converge to.
design = np.column_stack([x, np.ones_like(x)])
lstsq_slope, lstsq_intercept = np.linalg.lstsq(design, y, rcond=None)[0]
clean_slope, clean_intercept = np.linalg.lstsq(design[~outlier], y[~outlier], rcond=None)[0]
print(f"least squares, all points: slope {lstsq_slope:.3f}, intercept {lstsq_intercept:.3f}")
print(f"least squares, outliers removed: slope {clean_slope:.3f}, "
      f"intercept {clean_intercept:.3f}")

# %% [markdown]
# ## Fitting one line per loss
#
# A single `Dense(1)` unit is a straight line. Each loss trains it from the same start
# (slope 0, intercept 0) with Adam on the whole data set at every step. The last
# `settle_steps` steps are run separately, so the table can show how much the slope still
# moves at the end: a fit that has settled moves by almost nothing.

# %%
full_batch = tf.data.Dataset.from_tensors((x[:, None], y[:, None])).repeat()


def fit_line(loss):
    model = keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(1, kernel_initializer="zeros", bias_initializer="zeros"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    model.fit(full_batch, epochs=1, steps_per_epoch=steps - settle_steps, shuffle=False,
              verbose=0)
    slope_before = float(model.layers[0].get_weights()[0][0, 0])
    model.fit(full_batch, epochs=1, steps_per_epoch=settle_steps, shuffle=False, verbose=0)
    kernel, bias = model.layers[0].get_weights()
    final_loss = model.evaluate(x[:, None], y[:, None], batch_size=n_points, verbose=0)
    return float(kernel[0, 0]), float(bias[0]), final_loss, float(kernel[0, 0]) - slope_before


fits = {
    "MSE": fit_line(keras.losses.MeanSquaredError()),
    "MAE": fit_line(keras.losses.MeanAbsoluteError()),
}
for delta in huber_deltas:
    fits[f"Huber, delta={delta:g}"] = fit_line(keras.losses.Huber(delta=delta))

print(f"{'loss':<28}{'slope':>7}{'intercept':>10}  slope moved, last {settle_steps} steps")
for name, (slope, intercept, final_loss, settle) in fits.items():
    print(f"{name:<28}{slope:7.3f}{intercept:10.3f}  {abs(settle):.1e}")
print(f"{'least squares, all points':<28}{lstsq_slope:7.3f}{lstsq_intercept:10.3f}")
print(f"{'least squares, no outliers':<28}{clean_slope:7.3f}{clean_intercept:10.3f}")
print(f"{'true line':<28}{true_slope:7.3f}{true_intercept:10.3f}")

# %% figures=["fits"]
fig, ax = plt.subplots(figsize=(8, 4.2))
ax.scatter(x[~outlier], y[~outlier], s=18, color="C6", alpha=0.45, label="data")
ax.scatter(x[outlier], y[outlier], s=40, marker="x", color="C6", label="outliers")
grid = np.array([0.0, 10.0])
drawn = {"MSE": "-", "MAE": "--", "Huber, delta=1": "-."}
for name, style in drawn.items():
    if name in fits:
        slope, intercept = fits[name][:2]
        ax.plot(grid, slope * grid + intercept, linestyle=style, label=name)
ax.plot(grid, true_slope * grid + true_intercept, linestyle=":", color="C6",
        linewidth=1.5, label="true line")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("Lines fitted with each loss")
ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0))
fig.tight_layout()
plt.show()

# %%
results = {
    "least_squares": {"slope": lstsq_slope, "intercept": lstsq_intercept},
    "least_squares_clean": {"slope": clean_slope, "intercept": clean_intercept},
    "fits": {name: {"slope": s, "intercept": b, "final_loss": loss, "settle_change": change,
                    # how far the fitted line passes from the outliers, smallest and largest
                    "outlier_errors": [float(e.min()), float(e.max())]}
             for name, (s, b, loss, change) in fits.items()
             for e in [np.abs(y[outlier] - (s * x[outlier] + b))]},
}

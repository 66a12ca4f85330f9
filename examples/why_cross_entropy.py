# %% [markdown]
# # Why cross-entropy for classification: gradients through a sigmoid
#
# **Description:** compare the gradient that MSE and binary cross-entropy send back to a
# sigmoid unit's logit, then train the same logistic-regression model with each loss.
#
# **Demonstrates:** the gradient of each loss with respect to the logit across predicted
# probabilities (computed by TensorFlow, not by hand), and a small training run on MNIST 3 vs 5
# from a normal and from a saturated start, showing how confidently wrong outputs slow MSE down.

# %% tags=["parameters"] smoke={"epochs": 1, "n_train": 128, "n_test": 128}
epochs = 30
batch_size = 32
learning_rate = 0.1
n_train = 2000
n_test = 1000
saturated_stddev = 0.5
digits = [3, 5]
seed = 0

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(seed)  # the same weights and batches on every run

# %% [markdown]
# ## 1. The gradient each loss sends to the logit
#
# One sigmoid output, true label 1, logit *z* and prediction *p* = σ(*z*). TensorFlow
# differentiates both losses with respect to *z* for predictions from 0.001 (confidently
# wrong) to 0.999 (confidently right). By the chain rule the MSE gradient carries the factor
# σ′(*z*) = *p*(1 − *p*), which vanishes at both ends; the cross-entropy gradient is *p* − 1.

# %%
p_grid = np.linspace(0.001, 0.999, 999)
z = tf.constant(np.log(p_grid / (1 - p_grid)), dtype="float32")[:, None]
y_true = tf.ones_like(z)
mse_each = keras.losses.MeanSquaredError(reduction=None)
bce_each = keras.losses.BinaryCrossentropy(from_logits=True, reduction=None)
with tf.GradientTape(persistent=True) as tape:
    tape.watch(z)
    mse_values = mse_each(y_true, tf.sigmoid(z))
    bce_values = bce_each(y_true, z)
mse_grad = tape.gradient(mse_values, z).numpy()[:, 0]
bce_grad = tape.gradient(bce_values, z).numpy()[:, 0]

shown = [0.001, 0.01, 0.1, 0.333, 0.5, 0.9, 0.99]
gradients = {}
print("p      dMSE/dz   dBCE/dz   BCE/MSE")
for p in shown:
    i = int(np.argmin(np.abs(p_grid - p)))
    gradients[f"p={p_grid[i]:.3f}"] = {"p": float(p_grid[i]), "mse": float(mse_grad[i]),
                                      "bce": float(bce_grad[i])}
    print(f"{p_grid[i]:.3f}  {mse_grad[i]:8.4f}  {bce_grad[i]:8.4f}  {bce_grad[i] / mse_grad[i]:7.1f}")

# %% figures=["gradients"]
fig, (ax_loss, ax_grad) = plt.subplots(1, 2, figsize=(9, 3.6))
ax_loss.plot(p_grid, mse_values, label="MSE on sigmoid output")
ax_loss.plot(p_grid, bce_values, linestyle="--", label="binary cross-entropy")
ax_loss.set_title("Loss, true label 1")
ax_loss.set_xlabel("predicted probability p")
ax_loss.set_ylabel("loss")
ax_loss.set_ylim(0, 4)
ax_loss.legend()
ax_grad.plot(p_grid, np.abs(mse_grad), label="MSE")
ax_grad.plot(p_grid, np.abs(bce_grad), linestyle="--", label="binary cross-entropy")
ax_grad.set_title("Gradient size |∂loss/∂logit|")
ax_grad.set_xlabel("predicted probability p")
ax_grad.set_ylabel("|gradient|")
ax_grad.legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 2. Training the same model with each loss
#
# Logistic regression (one sigmoid unit on the 784 pixels) separating MNIST digits 3 and 5,
# trained with plain SGD, whose steps are proportional to the gradient. Two starts:
#
# - **normal start:** Keras's default initialisation, outputs near 0.5;
# - **saturated start:** weights drawn with a large standard deviation, so most outputs start
#   near 0 or 1, about half of them confidently wrong.
#
# Everything except the loss is the same in each pair, down to the initial weights.

# %%
(x_all, y_all), (x_all_test, y_all_test) = keras.datasets.mnist.load_data()


def binary_subset(x, y, count):
    keep = np.isin(y, digits)
    x = x[keep][:count].reshape(-1, 28 * 28).astype("float32") / 255.0
    return x, (y[keep][:count] == digits[1]).astype("float32")[:, None]


x_train, y_train = binary_subset(x_all, y_all, n_train)
x_test, y_test = binary_subset(x_all_test, y_all_test, n_test)
print("train:", x_train.shape, "test:", x_test.shape, "share of digit", digits[1], "in train:",
      round(float(y_train.mean()), 3))

starts = {
    "normal start": keras.initializers.GlorotUniform(seed=seed),
    "saturated start": keras.initializers.RandomNormal(stddev=saturated_stddev, seed=seed),
}
losses = {"MSE": "mse", "binary cross-entropy": "binary_crossentropy"}


CONFIDENTLY_WRONG_BELOW = 0.05  # probability of the true class under which a prediction counts


def confidently_wrong(model):
    p = model.predict(x_train, verbose=0)
    p_true = np.where(y_train == 1, p, 1 - p)
    return float(np.mean(p_true < CONFIDENTLY_WRONG_BELOW))


histories, summary = {}, []
for start_name, initializer in starts.items():
    for loss_name, loss in losses.items():
        keras.utils.set_random_seed(seed)  # same batches for every run
        model = keras.Sequential([
            keras.Input(shape=(28 * 28,)),
            keras.layers.Dense(1, activation="sigmoid", kernel_initializer=initializer),
        ])
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss=loss,
                      metrics=["accuracy"])
        wrong_before = confidently_wrong(model)
        accuracy_before = model.evaluate(x_test, y_test, verbose=0)[1]
        history = model.fit(x_train, y_train, epochs=epochs, batch_size=batch_size,
                            validation_data=(x_test, y_test), verbose=0).history
        val_accuracy = [accuracy_before] + history["val_accuracy"]
        histories[f"{start_name}, {loss_name}"] = val_accuracy
        reach = next((e for e, a in enumerate(val_accuracy) if a >= 0.9), None)
        summary.append({
            "start": start_name, "loss": loss_name,
            "test_accuracy_before": accuracy_before,
            "test_accuracy_epoch_1": val_accuracy[1],
            "test_accuracy_final": val_accuracy[-1],
            "first_epoch_at_90": reach,
            "confidently_wrong_before": wrong_before,
            "confidently_wrong_after": confidently_wrong(model),
        })

for s in summary:
    print(f"{s['start']}, {s['loss']}: test accuracy {s['test_accuracy_epoch_1']:.3f} after epoch 1, "
          f"{s['test_accuracy_final']:.3f} after {epochs}; 90 % from epoch {s['first_epoch_at_90']}; "
          f"confidently wrong {s['confidently_wrong_before']:.1%} -> {s['confidently_wrong_after']:.1%}")

# %% figures=["training"]
fig, axes = plt.subplots(1, 2, figsize=(9, 3.6), sharey=True)
epoch_axis = np.arange(0, epochs + 1)
for ax, start_name in zip(axes, starts):
    for style, loss_name in zip(["-", "--"], losses):
        ax.plot(epoch_axis, histories[f"{start_name}, {loss_name}"], linestyle=style,
                label=loss_name)
    ax.set_title(start_name.capitalize())
    ax.set_xlabel("epoch")
    ax.legend(loc="lower right")
axes[0].set_ylabel("test accuracy")
fig.tight_layout()
plt.show()

# %%
results = {
    "parameters": {"epochs": epochs, "batch_size": batch_size, "learning_rate": learning_rate,
                   "n_train": int(len(x_train)), "n_test": int(len(x_test)),
                   "saturated_stddev": saturated_stddev, "digits": digits, "seed": seed},
    "confidently_wrong_below": CONFIDENTLY_WRONG_BELOW,
    "gradients": gradients,
    "runs": {f"{s['start']}, {s['loss']}": s for s in summary},
}

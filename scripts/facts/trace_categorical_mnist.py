"""Facts of examples/trace_categorical_mnist.py for traces/categorical-cross-entropy.md."""

from scripts.facts import Claim, Results, above_from
from scripts.number_style import fixed
from scripts.tables import Column, markdown

PAGE = "traces/categorical-cross-entropy.md"


def values(array: list[float], shown: int = 3) -> str:
    """The first few values, as the trace tables show them: '[1.431, 2.582, 0.253, ...]'."""
    text = ", ".join(fixed(v, 3) for v in array[:shown])
    return f"[{text}, ...]" if len(array) > shown else f"[{text}]"


def ints(array: list) -> str:
    return "[" + ", ".join(str(int(v)) for v in array) + "]"


class Facts(Results):
    @property
    def training_ahead_from(self) -> int | None:
        """The epoch from which training accuracy stays above test accuracy to the end."""
        return above_from(self.history["accuracy"], self.history["val_accuracy"])

    @property
    def test_loss_fall_last_epoch(self) -> float:
        return self.history["val_loss"][-2] - self.history["val_loss"][-1]

    @property
    def test_loss_fall_second_epoch(self) -> float:
        return self.history["val_loss"][0] - self.history["val_loss"][1]

    @property
    def predicted_probability(self) -> float:
        return self.prediction["probabilities"][self.prediction["predicted_digit"]]

    @property
    def true_probability(self) -> float:
        return self.prediction["probabilities"][self.prediction["true_digit"]]

    @property
    def epochs_table(self) -> str:
        h = self.history
        columns = [Column("Epoch", "number"), Column("Train CE ↓", "fixed4"),
                   Column("Train accuracy ↑", "fixed4"), Column("Test CE ↓", "fixed4"),
                   Column("Test accuracy ↑", "fixed4")]
        return markdown(columns, [[e, *epoch] for e, epoch in enumerate(
            zip(h["loss"], h["accuracy"], h["val_loss"], h["val_accuracy"]), 1)])

    @property
    def prediction_trace_table(self) -> str:
        pr = self.prediction
        probabilities, logits, hidden = pr["probabilities"], pr["logits"], pr["hidden"]
        ink = pr["first_ink"]
        top = sorted(range(len(probabilities)), key=lambda d: -probabilities[d])[:3]
        n_pixels = 28 * 28
        columns = [Column("Layer"), Column("Output shape"), Column("Values for this digit")]
        return markdown(columns, [
            ["1. Input (scaled, flattened)", f"(1, {n_pixels})",
             f"first inked pixels, positions {ink}-{ink + 3}: {values(pr['inked_pixels'], 4)}; "
             f"{pr['pixels_not_blank']} of {n_pixels} pixels are not blank"],
            [f"2. Hidden, {len(hidden)} ReLU units", f"(1, {len(hidden)})",
             f"{values(hidden)}; {pr['hidden_active']} of {len(hidden)} units > 0"],
            ["3. Output scores (logits)", f"(1, {len(logits)})",
             f"{values(logits)}; largest: {fixed(max(logits), 3)} for digit "
             f"{logits.index(max(logits))}"],
            ["4. Softmax probabilities", f"(1, {len(probabilities)})",
             "top 3: " + ", ".join(f"digit {d}: {fixed(probabilities[d], 3)}" for d in top)
             + f"; sum {fixed(sum(probabilities), 3)}"],
            ["5. Loss for this digit", "()",
             f"true digit {pr['true_digit']}: CE = -ln {fixed(self.true_probability, 3)} "
             f"= {fixed(pr['loss'], 4)}"],
        ])

    @property
    def data_flow_table(self) -> str:
        first, pr, final = self.first_image, self.prediction, self.final
        onehot = [int(d == first["label"]) for d in range(len(self.class_counts))]
        start = first["flat_start"]
        columns = [Column("Stage"), Column("Operation"), Column("Sample values")]
        return markdown(columns, [
            ["1. Data in", "load, one-hot", f"label {first['label']} → {ints(onehot)}"],
            ["2. Scale", "÷ 255",
             f"{ints(first['strip_pixels'])} → {values(first['strip_scaled'], 4)}"],
            ["3. Flatten", "reshape",
             f"at {start}-{start + len(first['flat_values']) - 1}: "
             f"{values(first['flat_values'], 4)}"],
            ["4. Dense", "dense + softmax",
             f"p({first['label']}) = {fixed(first['label_probability'], 3)}"],
            ["5. Loss", "CE, accuracy",
             f"train {fixed(final['train_loss'], 3)}, {fixed(final['train_accuracy'], 3)}; "
             f"test {fixed(final['test_loss'], 3)}, {fixed(final['test_accuracy'], 3)}"],
            ["6. Predict", "forward pass", f"a new {pr['true_digit']}: "
             f"p({pr['predicted_digit']}) = {fixed(self.predicted_probability, 3)}"],
        ])


facts = Facts

CLAIMS = [
    Claim(PAGE, "In epoch 1 the test columns beat the training columns",
          lambda f: f.history["val_loss"][0] < f.history["loss"][0]
          and f.history["val_accuracy"][0] > f.history["accuracy"][0]),
    Claim(PAGE, "Then training pulls ahead. From epoch N on, the training accuracy is above "
          "the test accuracy", lambda f: f.training_ahead_from is not None),
]

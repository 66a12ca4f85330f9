"""Facts of examples/trace_mse_crossentropy.py for traces/mse-and-cross-entropy.md."""

import math

from scripts.facts import Claim, Results
from scripts.number_style import fixed
from scripts.tables import Column, markdown

PAGE = "traces/mse-and-cross-entropy.md"
NEAR_LN_K = 0.1  # how close to ln K the page's "close to ln 3" allows


def last_fall(values: list[float]) -> float:
    """By what share the last epoch's value fell from the one before (negative: it rose)."""
    return 1 - values[-1] / values[-2]


def sample(values: list[float], shown: int = 3) -> str:
    """The first few values of a row, as the trace tables show them: '[0.090, 0.595, ...]'."""
    text = ", ".join(fixed(v, 3) for v in values[:shown])
    return f"[{text}, ...]" if len(values) > shown else f"[{text}]"


def active(values: list[float]) -> str:
    return f"{sum(v != 0 for v in values)} of {len(values)} units > 0"


def epochs_table(history: dict, loss: str, metric: str, metric_title: str) -> str:
    columns = [Column("Epoch", "number"), Column(f"Train {loss} ↓", "fixed4"),
               Column(f"Train {metric_title}", "fixed4"), Column(f"Test {loss} ↓", "fixed4")]
    return markdown(columns, [[e, *values] for e, values in enumerate(
        zip(history["loss"], history[metric], history["val_loss"]), 1)])


LAYER_COLUMNS = [Column("Layer"), Column("Output shape"), Column("Values")]


class Facts(Results):
    @property
    def n_test_rows(self) -> int:
        return self.parameters["n_rows"] - self.parameters["n_train"]

    @property
    def test_mse_below_baseline_ratio(self) -> float:
        """How many times lower the final test MSE is than always predicting the mean."""
        return self.regression["baseline_mse"] / self.regression["history"]["val_loss"][-1]

    @property
    def last_falls(self) -> dict[str, float]:
        """The last epoch's fall of each curve: train_mse, train_ce, test_mse, test_ce."""
        reg, cls = self.regression["history"], self.classification["history"]
        return {"train_mse": last_fall(reg["loss"]), "train_ce": last_fall(cls["loss"]),
                "test_mse": last_fall(reg["val_loss"]), "test_ce": last_fall(cls["val_loss"])}

    @property
    def row_true_class_probability(self) -> float:
        cls = self.classification
        return cls["row_probabilities"][cls["row_class"]]

    @property
    def epochs_regression_table(self) -> str:
        return epochs_table(self.regression["history"], "MSE", "mae", "MAE ↓")

    @property
    def epochs_classification_table(self) -> str:
        return epochs_table(self.classification["history"], "CE", "accuracy", "accuracy ↑")

    def layer_rows(self, hidden: list[float], output: list[float]) -> list[list[str]]:
        row = self.prediction["row"]
        units = "1 linear unit" if len(output) == 1 else f"{len(output)} softmax units"
        total = "" if len(output) == 1 else f"; sum {fixed(sum(output), 3)}"
        return [["1. Input (scaled row)", f"(1, {len(row)})", sample(row)],
                [f"2. Hidden, {len(hidden)} ReLU units", f"(1, {len(hidden)})",
                 f"{sample(hidden)}; {active(hidden)}"],
                [f"3. Output, {units}", f"(1, {len(output)})", sample(output) + total]]

    @property
    def prediction_trace_regression_table(self) -> str:
        reg = self.regression
        rows = self.layer_rows(self.prediction["regression_hidden"], [reg["row_prediction"]])
        rows.append(["4. MSE for this row", "()", f"({fixed(reg['row_prediction'], 3)} - "
                     f"{fixed(reg['row_target'], 3)})² = {fixed(reg['row_mse'], 4)}"])
        return markdown(LAYER_COLUMNS, rows)

    @property
    def prediction_trace_classification_table(self) -> str:
        cls = self.classification
        rows = self.layer_rows(self.prediction["classification_hidden"], cls["row_probabilities"])
        rows.append(["4. Cross-entropy for this row", "()",
                     f"true class {cls['row_class']}: -ln "
                     f"{fixed(self.row_true_class_probability, 3)} = "
                     f"{fixed(cls['row_cross_entropy'], 4)}"])
        return markdown(LAYER_COLUMNS, rows)

    @property
    def data_flow_table(self) -> str:
        first, p = self.first_rows, self.parameters
        reg, cls = self.regression["history"]["loss"], self.classification["history"]["loss"]
        columns = [Column("Stage"), Column("Operation"), Column("Sample (first row)")]
        return markdown(columns, [
            ["1. Data in", "generate rows", sample(first["raw"])],
            ["2. Scale", "min-max per column", sample(first["scaled"])],
            ["3. Split", f"{p['n_train']} / {self.n_test_rows} rows", sample(first["train"])],
            ["4. Train", f"{p['epochs']} epochs, batches of {p['batch_size']}",
             f"MSE {fixed(reg[0], 3)} → {fixed(reg[-1], 3)}, "
             f"CE {fixed(cls[0], 3)} → {fixed(cls[-1], 3)}"],
            ["5. Predict", "forward pass", f"{sample([self.regression['row_prediction']])} or "
             f"{sample(self.classification['row_probabilities'])}"],
        ])

    @property
    def ln_k(self) -> float:
        return math.log(self.parameters["n_classes"])


facts = Facts

CLAIMS = [
    Claim(PAGE, "Always predicting the mean training target gives a test MSE of ...: the "
          "network ends N times lower",
          lambda f: f.regression["history"]["val_loss"][-1] < f.regression["baseline_mse"]),
    Claim(PAGE, "Always answering the most frequent class would score ... below the network",
          lambda f: f.classification["majority_accuracy"]
          < f.classification["history"]["val_accuracy"][-1]),
    Claim(PAGE, "Neither model has finished learning. In epoch 10 the training MSE fell by ... "
          "More epochs would help, and there is no sign of overfitting yet.",
          lambda f: all(fall > 0 for fall in f.last_falls.values())),
    Claim(PAGE, "Before training the classifier scored ..., close to ln 3",
          lambda f: abs(f.classification["initial_loss"] - f.ln_k) < NEAR_LN_K),
]

"""Facts of examples/trace_mse_crossentropy.py for traces/mse-and-cross-entropy.md."""

import math

from scripts.facts import Claim, Results

PAGE = "traces/mse-and-cross-entropy.md"
NEAR_LN_K = 0.1  # how close to ln K the page's "close to ln 3" allows


def last_fall(values: list[float]) -> float:
    """By what share the last epoch's value fell from the one before (negative: it rose)."""
    return 1 - values[-1] / values[-2]


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

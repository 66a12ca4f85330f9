"""Facts of examples/trace_categorical_mnist.py for traces/categorical-cross-entropy.md."""

from scripts.facts import Claim, Results, above_from

PAGE = "traces/categorical-cross-entropy.md"


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


facts = Facts

CLAIMS = [
    Claim(PAGE, "In epoch 1 the test columns beat the training columns",
          lambda f: f.history["val_loss"][0] < f.history["loss"][0]
          and f.history["val_accuracy"][0] > f.history["accuracy"][0]),
    Claim(PAGE, "Then training pulls ahead. From epoch N on, the training accuracy is above "
          "the test accuracy", lambda f: f.training_ahead_from is not None),
]

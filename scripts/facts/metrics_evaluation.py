"""Facts of examples/metrics_evaluation.py for metrics.md."""

import math

from scripts.facts import Claim, Results

PAGE = "metrics.md"


class Facts(Results):
    @property
    def misclassified(self) -> int:
        return self.confusion["fn"] + self.confusion["fp"]

    @property
    def misclassified_share(self) -> float:
        return self.misclassified / self.data["n_test"]

    @property
    def misclassified_loss_share(self) -> float:
        cells = self.confusion["cells"]
        return cells["FN"]["loss_share"] + cells["FP"]["loss_share"]

    @property
    def geometric_mean_probability(self) -> float:
        """The probability whose -log is the test loss: the classifier's typical confidence."""
        return math.exp(-self.classifier["test_loss"])


facts = Facts

CLAIMS = [
    Claim(PAGE, "its false positives and false negatives traded places across the sweep",
          lambda f: f.sweep["FP"][0] > f.sweep["FN"][0] and f.sweep["FP"][-1] < f.sweep["FN"][-1]),
]

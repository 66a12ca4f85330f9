"""Facts of examples/metrics_evaluation.py for metrics.md."""

import math

from scripts.facts import Claim, Results
from scripts.number_style import count, fixed
from scripts.tables import Column, markdown

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

    @property
    def loss_by_cell_table(self) -> str:
        columns = [Column("Cell"), Column("Images", "count"),
                   Column(f"Mean predicted P({self.parameters['positive_digit']})", "fixed3"),
                   Column("Mean cross-entropy", "fixed3"),
                   Column("Share of the total loss", "percent")]
        return markdown(columns, [
            [name, c["count"], c["mean_probability"], c["mean_loss"], c["loss_share"]]
            for name, c in ((n, self.confusion["cells"][n]) for n in ("TN", "FP", "FN", "TP"))])

    @property
    def threshold_sweep_table(self) -> str:
        sweep = self.sweep
        columns = [Column("Threshold", "fixed1"), Column("TP", "number"), Column("FP", "number"),
                   Column("FN", "number"), Column("Precision", "fixed3"), Column("Recall", "fixed3"),
                   Column("Cross-entropy", "fixed4")]
        rows = []
        for t in sweep["shown"]:
            k = sweep["thresholds"].index(t)
            rows.append([t, int(sweep["TP"][k]), int(sweep["FP"][k]), int(sweep["FN"][k]),
                         sweep["precision"][k], sweep["recall"][k], self.classifier["test_loss"]])
        return markdown(columns, rows)

    @property
    def reference_points_table(self) -> str:
        ref, data = self.reference, self.data
        columns = [Column("Prediction for every test image"),
                   Column("Binary cross-entropy", "fixed4"), Column("Accuracy")]
        return markdown(columns, [
            ["0.5 (uniform guess)", ref["uniform_bce"], None],
            [f"{fixed(ref['base_rate'], 3)} (share of positives in training)", ref["base_rate_bce"],
             f"{fixed(1 - data['test_positive_share'], 4)} "
             f"(always 'not {self.parameters['positive_digit']}')"],
            ["the trained classifier", self.classifier["test_loss"],
             fixed(self.classifier["test_accuracy"], 4)]])

    @property
    def leakage_ratios(self) -> dict[str, float]:
        """Test loss over validation loss, per way of splitting (1 is a perfect forecast)."""
        leak = self.leakage
        return {"leaky": leak["leaky_test"] / leak["leaky_val"],
                "honest": leak["honest_test"] / leak["honest_val"]}

    @property
    def leakage_table(self) -> str:
        leak = self.leakage
        columns = [Column("Split"), Column("Train / validation images"),
                   Column("Validation loss", "fixed4"), Column("Test loss", "fixed4"),
                   Column("Test / validation", "ratio")]
        return markdown(columns, [
            [name, f"{count(sizes[0])} / {count(sizes[1])}", val, test, ratio]
            for name, sizes, val, test, ratio in [
                ("shift, then split (leak)", leak["leaky_sizes"], leak["leaky_val"],
                 leak["leaky_test"], self.leakage_ratios["leaky"]),
                ("split, then shift each side", leak["honest_sizes"], leak["honest_val"],
                 leak["honest_test"], self.leakage_ratios["honest"])]])


facts = Facts

CLAIMS = [
    Claim(PAGE, "The leaky split reports a validation loss of ..., while on unseen images the "
          "same model scores ...", lambda f: f.leakage["leaky_val"] < f.leakage["leaky_test"]),
    Claim(PAGE, "Split first, then augment, and the validation loss comes much closer to the "
          "test loss: off by a factor of ... instead of ...",
          lambda f: abs(math.log(f.leakage_ratios["honest"]))
          < abs(math.log(f.leakage_ratios["leaky"])) / 2),
    Claim(PAGE, "its false positives and false negatives traded places across the sweep",
          lambda f: f.sweep["FP"][0] > f.sweep["FN"][0] and f.sweep["FP"][-1] < f.sweep["FN"][-1]),
]

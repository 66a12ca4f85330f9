"""Facts of examples/imbalanced_digits.py for reference/imbalanced-classes.md."""

from scripts.facts import Claim, Results
from scripts.tables import Column, markdown

PAGE = "reference/imbalanced-classes.md"


class Facts(Results):
    @property
    def plain(self) -> dict:
        return self.methods["plain BCE"]

    @property
    def bias_start(self) -> dict:
        return self.methods["bias at log-odds"]

    @property
    def class_weight(self) -> dict:
        return self.methods["class_weight"]

    @property
    def best(self) -> dict:
        """The method with the highest PR-AUC (its name is ``best_pr_auc``)."""
        return self.methods[self.best_pr_auc]

    @property
    def methods_table(self) -> str:
        columns = [Column("Method"), Column("Loss before training", "loss4"),
                   Column("Precision ↑", "fixed3"), Column("Recall ↑", "fixed3"),
                   Column("PR-AUC ↑", "fixed3"), Column("Accuracy", "fixed4")]
        return markdown(columns, [
            [name, m["first_loss"], m["precision"], m["recall"], m["pr_auc"], m["accuracy"]]
            for name, m in ((name, self.methods[name]) for name in self.method_order)])


facts = Facts

CLAIMS = [
    Claim(PAGE, "with the positives subsampled to a few % (a skewed task)",
          lambda f: 0.01 <= f.base_rate <= 0.05),
    Claim(PAGE, "The bias start begins where the data is: next to the base rate's entropy; "
          "plain BCE starts at ... (near, not at, ln 2)",
          lambda f: abs(f.bias_start["first_loss"] - f.base_rate_entropy) < 0.1 * f.base_rate_entropy
          and f.bias_start["first_loss"] < f.plain["first_loss"] < f.ln2),
    Claim(PAGE, "Highest PR-AUC: {{ r.best_pr_auc }} (the name the example computed)",
          lambda f: f.best_pr_auc == max(f.methods, key=lambda m: f.methods[m]["pr_auc"])),
    Claim(PAGE, "`class_weight` trades precision for recall. It has the highest recall ... and "
          "the lowest precision",
          lambda f: f.highest_recall == "class_weight" == f.lowest_precision),
    Claim(PAGE, "Accuracy says little: predicting 'negative' for every image already scores ...",
          lambda f: f.plain["accuracy"] - f.always_negative_accuracy < 0.02),
]

"""Facts of examples/loss_explorer_values.py for reference/loss-explorer.md and
reference/from-logits.md."""

from scripts.facts import Results
from scripts.tables import Column, markdown

SHOWN_LOGITS = [-18.0, -15.0, -6.0, -2.0, 0.0, 2.0, 6.0]  # the rows the explorer page shows


class Facts(Results):
    @property
    def binary_points_table(self) -> str:
        """Some of the grid's points for a true label of 1: what Keras gives there."""
        columns = [Column("*z*", "number"), Column("∂MSE/∂z", "fixed4"), Column("CE(*p*)", "fixed4"),
                   Column("∂CE(*p*)/∂z", "fixed4"), Column("CE(*z*)", "fixed4")]
        return markdown(columns, [
            [b["logit"], b["mse_grad_z"], b["bce"], b["bce_grad_z"], b["bce_logits"]]
            for b in self.binary if b["label"] == 1 and b["logit"] in SHOWN_LOGITS])

    @property
    def n_binary(self) -> int:
        return len(self.binary)

    @property
    def n_three_class(self) -> int:
        return len(self.three_class)


facts = Facts

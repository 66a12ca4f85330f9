"""Facts of examples/likelihood_entropy.py for reference/likelihood-and-entropy.md."""

from scripts.facts import Claim, Results
from scripts.tables import Column, markdown

PAGE = "reference/likelihood-and-entropy.md"
RUNS = ["hard labels", "label_smoothing=0.1", "label_smoothing=0.3"]  # least to most smoothed


class Facts(Results):
    @property
    def hard(self) -> dict:
        return self.runs["hard labels"]

    @property
    def smoothed_01(self) -> dict:
        return self.runs["label_smoothing=0.1"]

    @property
    def smoothed_03(self) -> dict:
        return self.runs["label_smoothing=0.3"]

    def across_runs(self, key: str) -> list[float]:
        return [self.runs[name][key] for name in RUNS]

    def row_label(self, name: str) -> str:
        """A run as a table row names it, short enough for a phone."""
        eps = self.runs[name]["label_smoothing"]
        return "hard (one-hot)" if eps == 0 else f"smoothed, ε = {eps}"

    @property
    def decomposition_table(self) -> str:
        columns = [Column("Labels"), Column("Entropy H(q)", "fixed4"),
                   Column("KL(q ‖ p)", "fixed4"), Column("Cross-entropy H(q, p)", "fixed4"),
                   Column("CE − KL − H", "scientific")]
        return markdown(columns, [
            [self.row_label(name), r["entropy"], r["kl_divergence"], r["cross_entropy"],
             r["ce_minus_kl_minus_entropy"]] for name, r in ((n, self.runs[n]) for n in RUNS)])

    @property
    def held_out_table(self) -> str:
        columns = [Column("Trained with"), Column("Accuracy ↑", "fixed3"),
                   Column("NLL ↓", "fixed4"), Column("e^−NLL ↑", "fixed3"),
                   Column("Top probability", "fixed3")]
        return markdown(columns, [
            [self.row_label(name), r["test_accuracy"], r["test_nll_hard_labels"],
             r["test_true_label_probability"], r["test_mean_top_probability"]]
            for name, r in ((n, self.runs[n]) for n in RUNS)])


facts = Facts


def _spread(values: list[float]) -> float:
    return max(values) - min(values)


CLAIMS = [
    Claim(PAGE, "Cross-entropy minus KL divergence is the entropy of the labels in every run",
          lambda f: f.largest_identity_gap < 1e-4 and all(
              abs(r["cross_entropy"] - r["entropy"] - r["kl_divergence"]) < 1e-4
              for r in f.runs.values())),
    Claim(PAGE, "With hard labels the entropy is 0 and cross-entropy equals KL",
          lambda f: f.hard["entropy"] == 0
          and abs(f.hard["cross_entropy"] - f.hard["kl_divergence"]) < 1e-4),
    Claim(PAGE, "The KL divergences ... are close ... The cross-entropies are far apart "
          "because the entropies are",
          lambda f: _spread(f.across_runs("kl_divergence")) < 0.1
          and _spread(f.across_runs("cross_entropy")) > 5 * _spread(f.across_runs("kl_divergence"))),
    Claim(PAGE, "Each loss falls towards its dotted line and stays above it",
          lambda f: f.loss_stays_above_entropy and all(
              f.runs[name]["lowest_logged_loss"] > f.runs[name]["entropy"] > 0
              for name in RUNS[1:])),
    Claim(PAGE, "'with label_smoothing=0.1 my loss will not go below 0.5': the smoothed labels' "
          "entropy is ...", lambda f: abs(f.smoothed_01["entropy"] - 0.5) < 0.01),
    Claim(PAGE, "Smoothing makes the model less sure of itself ... and the likelihood of the "
          "true test labels falls with it (the NLL rises)",
          lambda f: f.most_confident == "hard labels"
          and f.across_runs("test_mean_top_probability") == sorted(
              f.across_runs("test_mean_top_probability"), reverse=True)
          and f.across_runs("test_nll_hard_labels") == sorted(f.across_runs("test_nll_hard_labels"))),
]

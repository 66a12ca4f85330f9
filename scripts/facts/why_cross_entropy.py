"""Facts of examples/why_cross_entropy.py for reference/why-cross-entropy.md."""

from scripts import number_style
from scripts.facts import Claim, Results
from scripts.tables import Column, markdown

PAGE = "reference/why-cross-entropy.md"
ABOUT_EQUAL = 0.01  # final accuracies this close: "trains fine"


def epoch_reached(epoch: int | None) -> str:
    """When a run first reached 90 % test accuracy, in words: 'epoch 6', or 'never'."""
    return "never" if epoch is None else f"epoch {epoch}"


class Facts(Results):
    def run(self, start: str, loss: str) -> dict:
        return self.runs[f"{start} start, {'MSE' if loss == 'mse' else 'binary cross-entropy'}"]

    @property
    def sat_mse(self) -> dict:
        return self.run("saturated", "mse")

    @property
    def sat_bce(self) -> dict:
        return self.run("saturated", "bce")

    @property
    def norm_mse(self) -> dict:
        return self.run("normal", "mse")

    @property
    def norm_bce(self) -> dict:
        return self.run("normal", "bce")

    @property
    def reached_90(self) -> dict[str, str]:
        """sat_mse, sat_bce, norm_mse, norm_bce -> 'epoch N' or 'never'."""
        return {name: epoch_reached(getattr(self, name)["first_epoch_at_90"])
                for name in ("sat_mse", "sat_bce", "norm_mse", "norm_bce")}

    @property
    def gradient_ratio_at_0_001(self) -> float:
        g = self.gradients["p=0.001"]
        return g["bce"] / g["mse"]

    @property
    def mse_gradient_peak(self) -> float:
        return -self.gradients["p=0.333"]["mse"]

    @property
    def normal_final_gap(self) -> float:
        return abs(self.norm_bce["test_accuracy_final"] - self.norm_mse["test_accuracy_final"])


    @property
    def gradients_table(self) -> str:
        columns = [Column("Predicted p (true label 1)", "fixed3"), Column("∂MSE/∂z", "fixed4"),
                   Column("∂BCE/∂z", "fixed4"), Column("Ratio BCE / MSE", "fixed1")]
        return markdown(columns, [[g["p"], g["mse"], g["bce"], g["bce"] / g["mse"]]
                                  for g in self.gradients.values()])

    @property
    def training_table(self) -> str:
        columns = [Column("Run"), Column("Test accuracy, epoch 1", "fixed3"),
                   Column(f"epoch {self.parameters['epochs']}", "fixed3"),
                   Column("≥ 90 % from epoch", "number"), Column("Confidently wrong (train)")]
        return markdown(columns, [
            [name, run["test_accuracy_epoch_1"], run["test_accuracy_final"],
             "never" if run["first_epoch_at_90"] is None else run["first_epoch_at_90"],
             f"{number_style.percent(run['confidently_wrong_before'])} → "
             f"{number_style.percent(run['confidently_wrong_after'])}"]
            for name, run in self.runs.items()])


def reaches_later(slower: dict, faster: dict) -> bool:
    never = float("inf")
    return (slower["first_epoch_at_90"] or never) > (faster["first_epoch_at_90"] or never)


facts = Facts

CLAIMS = [
    Claim(PAGE, "From the saturated start, MSE is slower. ... The confidently wrong images are "
          "the ones MSE barely learns from", lambda f: reaches_later(f.sat_mse, f.sat_bce)),
    Claim(PAGE, "On an easy problem with a well-initialised model, MSE through a sigmoid trains fine",
          lambda f: f.normal_final_gap < ABOUT_EQUAL),
    Claim(PAGE, "Saturation is not permanent",
          lambda f: f.sat_mse["confidently_wrong_after"] < f.sat_mse["confidently_wrong_before"]),
]

"""Facts of examples/regression_outliers.py for reference/regression-outliers.md."""

from scripts.facts import Claim, Results
from scripts.tables import Column, markdown

PAGE = "reference/regression-outliers.md"
SAME_SLOPE = 0.01  # slopes this close are "the same" (the page's "within 0.01")
OVERLAP = 0.05  # slopes this close draw overlapping lines in the chart


class Facts(Results):
    def slope(self, fit: str) -> float:
        return self.fits[fit]["slope"]

    @property
    def huber_10_share_to_mse(self) -> float:
        """How far Huber with delta=10 sits from MAE's slope towards MSE's."""
        mae, mse = self.slope("MAE"), self.slope("MSE")
        return (mae - self.slope("Huber, delta=10")) / (mae - mse)

    @property
    def n_inliers(self) -> int:
        return self.parameters["n_points"] - self.parameters["n_outliers"]

    @property
    def mae_settle_change(self) -> float:
        return abs(self.fits["MAE"]["settle_change"])

    @property
    def others_settle_change(self) -> float:
        """The largest slope change over the last steps of every fit but MAE's."""
        return max(abs(fit["settle_change"]) for name, fit in self.fits.items() if name != "MAE")


    @property
    def fit_names(self) -> list[str]:
        """MSE, MAE, then Huber from the smallest ``delta``: the order the example fits them."""
        return ["MSE", "MAE"] + [f"Huber, delta={d:g}" for d in self.parameters["huber_deltas"]]

    @property
    def fits_table(self) -> str:
        true_slope, true_intercept = self.parameters["true_slope"], self.parameters["true_intercept"]
        columns = [Column("Loss"), Column("Slope", "fixed3"), Column("Intercept", "fixed3"),
                   Column("Slope error", "signed3"),
                   Column(f"Slope moved, last {self.parameters['settle_steps']} steps", "scientific")]
        rows = [[name, fit["slope"], fit["intercept"], fit["slope"] - true_slope,
                 abs(fit["settle_change"])] for name in self.fit_names for fit in [self.fits[name]]]
        for label, line in [("least squares, all points", self.least_squares),
                            ("least squares, no outliers", self.least_squares_clean),
                            ("true line", {"slope": true_slope, "intercept": true_intercept})]:
            rows.append([label, line["slope"], line["intercept"], line["slope"] - true_slope, None])
        return markdown(columns, rows)


facts = Facts

CLAIMS = [
    Claim(PAGE, "It lands on the closed-form least-squares line through all points",
          lambda f: abs(f.slope("MSE") - f.least_squares["slope"]) < SAME_SLOPE),
    Claim(PAGE, "MAE and Huber mostly ignore them ..., whose lines overlap in the chart",
          lambda f: abs(f.slope("MAE") - f.slope("Huber, delta=1")) < OVERLAP),
    Claim(PAGE, "They still pull: both slopes are below the clean fit's",
          lambda f: max(f.slope("MAE"), f.slope("Huber, delta=1")) < f.least_squares_clean["slope"]),
    Claim(PAGE, "With delta of 0.5 and 1 Huber's slope is within 0.01 of MAE's",
          lambda f: all(abs(f.slope(h) - f.slope("MAE")) < SAME_SLOPE
                        for h in ("Huber, delta=0.5", "Huber, delta=1"))),
    Claim(PAGE, "Even then the outliers lie ... from the line, beyond `delta`, so each one's "
          "pull is capped",
          lambda f: min(f.fits["Huber, delta=10"]["outlier_errors"]) > f.parameters["huber_deltas"][-1]),
    Claim(PAGE, "MAE's slope still moved by ..., the others not at all",
          lambda f: f.others_settle_change == 0 and f.mae_settle_change > 0),
]

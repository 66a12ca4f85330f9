"""Facts of examples/experiment_mse_vs_bce.py for experiments/mse-vs-binary-cross-entropy.md."""

import math
from dataclasses import dataclass

from scripts.facts import Claim, best_epoch
from scripts.number_style import count
from scripts.tables import Column, markdown

PAGE = "experiments/mse-vs-binary-cross-entropy.md"
STUCK_LEVEL = 0.9  # the page's "stays below 90 %"
LOSS_LABELS = {"mse": "MSE", "bce": "Binary cross-entropy"}
BAD_STARTS = {"mse_sgd": "MSE, SGD", "bce_sgd": "Binary cross-entropy, SGD",
              "mse_adam": "MSE, Adam", "bce_adam": "Binary cross-entropy, Adam"}
TEN_DIGIT_LABELS = {"sparse": ("`sparse_categorical_crossentropy`", "integers (N,)"),
                    "onehot": ("`categorical_crossentropy`", "one-hot (N, 10)")}


def comparison_table(runs: dict[str, dict]) -> str:
    columns = [Column("Loss"), Column("Train loss", "loss4"), Column("Train acc.", "percent2"),
               Column("Val loss", "loss4"), Column("Val acc.", "percent2"),
               Column("Val errors", "number")]
    return markdown(columns, [
        [LOSS_LABELS[key], run["train_loss"], run["train_accuracy"], run["val_loss"],
         run["val_accuracy"], f"{count(run['val_errors'])} of {count(run['n_val'])}"]
        for key, run in runs.items()])


def accuracy_at(run: dict, step: int) -> float:
    steps = run["first_steps"]
    return steps["val_accuracy"][steps["step"].index(step)]


@dataclass(frozen=True)
class Facts:
    n_train: int
    n_val: int
    n_train_hard: int
    n_val_hard: int
    parameters: dict
    seconds: float
    easy_mse: dict
    easy_bce: dict
    hard_mse: dict
    hard_bce: dict
    bad_start: dict
    bonus: dict
    gradient: dict  # prediction (as text) -> loss -> gradient on the logit
    start_gradient: dict  # at the confidently wrong start: its probability, loss -> gradient

    @property
    def easy_lowest_val_accuracy(self) -> float:
        """The lowest validation accuracy of any epoch of either 0-vs-1 run."""
        return min(self.easy_mse["history"]["val_accuracy"] + self.easy_bce["history"]["val_accuracy"])

    @property
    def easy_accuracy_difference(self) -> float:
        return self.easy_bce["val_accuracy"] - self.easy_mse["val_accuracy"]

    @property
    def first_steps_largest_gap(self) -> float:
        """The largest validation-accuracy gap between MSE and BCE at any measured early step."""
        return max(abs(a - b)
                   for mse, bce in [(self.easy_mse, self.easy_bce), (self.hard_mse, self.hard_bce)]
                   for a, b in zip(mse["first_steps"]["val_accuracy"], bce["first_steps"]["val_accuracy"]))

    @property
    def hard_bce_best_epoch(self) -> int:
        return best_epoch(self.hard_bce["history"]["val_loss"])

    @property
    def hard_bce_best_val_loss(self) -> float:
        return min(self.hard_bce["history"]["val_loss"])

    @property
    def hard_bce_val_accuracy_at_best(self) -> float:
        return self.hard_bce["history"]["val_accuracy"][self.hard_bce_best_epoch - 1]

    @property
    def mse_sgd_epochs_stuck(self) -> int:
        """Epochs in which SGD with MSE, from the confidently wrong start, is below 90 %."""
        return sum(a < STUCK_LEVEL for a in self.bad_start["mse_sgd"]["history"]["val_accuracy"])

    @property
    def adam_lowest_first_epoch(self) -> float:
        return min(self.bad_start[run]["history"]["val_accuracy"][0] for run in ("mse_adam", "bce_adam"))


    @property
    def easy_pair_table(self) -> str:
        return comparison_table({"mse": self.easy_mse, "bce": self.easy_bce})

    @property
    def hard_pair_table(self) -> str:
        return comparison_table({"mse": self.hard_mse, "bce": self.hard_bce})

    @property
    def first_steps_table(self) -> str:
        every, last = self.parameters["probe_every"], self.parameters["probe_steps"]
        steps = [0, every, 2 * every, last]
        columns = [Column("Pair", "number"), Column("Loss")] + [
            Column(f"Step {s}", "percent") for s in steps]
        pairs = [(self.parameters["pair"], {"mse": self.easy_mse, "bce": self.easy_bce}),
                 (self.parameters["hard_pair"], {"mse": self.hard_mse, "bce": self.hard_bce})]
        return markdown(columns, [
            [f"{digits[0]} vs {digits[1]}", LOSS_LABELS[key]] + [accuracy_at(run, s) for s in steps]
            for digits, runs in pairs for key, run in runs.items()])

    @property
    def bad_start_table(self) -> str:
        epochs = self.parameters["bad_start_epochs"]
        columns = [Column("Optimizer and loss"), Column("Start", "percent")] + [
            Column(f"Epoch {e}", "percent") for e in range(1, epochs + 1)]
        return markdown(columns, [
            [label, self.bad_start[key]["first_steps"]["val_accuracy"][0],
             *self.bad_start[key]["history"]["val_accuracy"]]
            for key, label in BAD_STARTS.items()])

    @property
    def ten_digits_table(self) -> str:
        columns = [Column("Loss"), Column("Labels"), Column("Train loss", "loss4"),
                   Column("Val loss", "loss4"), Column("Val acc.", "percent2")]
        return markdown(columns, [
            [*TEN_DIGIT_LABELS[key], self.bonus[key]["train_loss"], self.bonus[key]["val_loss"],
             self.bonus[key]["val_accuracy"]] for key in TEN_DIGIT_LABELS])


def facts(results: dict, manifest: dict) -> Facts:
    return Facts(
        n_train=results["n_train"], n_val=results["n_val"], n_train_hard=results["n_train_hard"],
        n_val_hard=results["n_val_hard"], parameters=manifest["parameters"],
        seconds=manifest["seconds"], easy_mse=results["easy"]["mse"], easy_bce=results["easy"]["bce"],
        hard_mse=results["hard"]["mse"], hard_bce=results["hard"]["bce"],
        bad_start=results["bad_start"], bonus=results["bonus"], gradient=results["gradient"],
        start_gradient=results["start_gradient"])


CLAIMS = [
    Claim(PAGE, "A loss that rises while accuracy holds is a model growing more confident",
          lambda f: f.hard_bce["history"]["val_loss"][-1] > f.hard_bce_best_val_loss),
    Claim(PAGE, "With SGD ... MSE ... stays below 90 % for N epochs",
          lambda f: f.mse_sgd_epochs_stuck > 0),
    Claim(PAGE, "with cross-entropy it is above 90 % after the first",
          lambda f: f.bad_start["bce_sgd"]["history"]["val_accuracy"][0] >= STUCK_LEVEL),
    Claim("traces/mse-and-cross-entropy.md", "Claim checked: the loss logged for epoch 1 ... can "
          "already lie well below ln K in a healthy run: the ten-digit run ... logged ...",
          lambda f: f.bonus["sparse"]["history"]["loss"][0] < math.log(10) / 2),
    Claim(PAGE, "The largest difference between the two runs' per-epoch losses is exactly 0",
          lambda f: f.bonus["largest_loss_difference"] == 0),
]

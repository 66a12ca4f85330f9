"""Facts of examples/experiment_overfitting.py for experiments/reducing-overfitting.md."""

from dataclasses import dataclass

from scripts.facts import Claim, above_from, best_epoch, epochs_below, first_epoch_at_least, rising_epochs
from scripts.tables import Column, markdown

PAGE = "experiments/reducing-overfitting.md"


@dataclass(frozen=True)
class Model:
    label: str
    weights: int
    epochs_run: int
    kept_epoch: int
    train_loss: float
    train_accuracy: float
    val_loss: float
    val_accuracy: float
    gap: float  # evaluated train minus validation accuracy
    logged_train_accuracy: float
    meets_target: bool
    history: dict[str, list[float]]
    stopped_by_limit: bool  # ran its full epoch budget

    @property
    def best_val_loss_epoch(self) -> int:
        return best_epoch(self.history["val_loss"])

    @property
    def best_val_loss(self) -> float:
        return min(self.history["val_loss"])

    @property
    def kept_epoch_val_loss(self) -> float:
        return self.history["val_loss"][self.kept_epoch - 1]

    @property
    def rising_loss_epochs(self) -> list[int]:
        return rising_epochs(self.history["loss"])

    @property
    def logged_below_val_epochs(self) -> int:
        """Epochs whose logged training accuracy (dropout on) is below validation accuracy."""
        return epochs_below(self.history["accuracy"], self.history["val_accuracy"])

    @property
    def logged_above_val_from(self) -> int | None:
        return above_from(self.history["accuracy"], self.history["val_accuracy"])


@dataclass(frozen=True)
class Facts:
    class_names: list[str]
    n_train: int
    n_val: int
    input_shape: str  # "28×28×1"
    parameters: dict
    seconds: float  # the run time the manifest recorded
    target_val_accuracy: float
    target_train_accuracy: float
    baseline: Model
    dropout: Model
    batchnorm: Model
    augment: Model

    @property
    def models(self) -> dict[str, Model]:
        return {"baseline": self.baseline, "dropout": self.dropout,
                "batchnorm": self.batchnorm, "augment": self.augment}

    def meets_val_target(self, model: Model) -> bool:
        return model.val_accuracy >= self.target_val_accuracy

    def meets_train_target(self, model: Model) -> bool:
        """Evaluated training accuracy below the ceiling."""
        return model.train_accuracy < self.target_train_accuracy

    def first_at_target(self, model: Model) -> int | None:
        return first_epoch_at_least(model.history["val_accuracy"], self.target_val_accuracy)

    @property
    def dropout_first_at_target(self) -> int | None:
        return self.first_at_target(self.dropout)

    @property
    def batchnorm_first_at_target(self) -> int | None:
        return self.first_at_target(self.batchnorm)

    @property
    def augment_first_at_target(self) -> int | None:
        return self.first_at_target(self.augment)

    @property
    def batchnorm_loss_below_dropout_epochs(self) -> int:
        return epochs_below(self.batchnorm.history["loss"], self.dropout.history["loss"])

    def ranked_by(self, key: str, reverse: bool = False) -> list[str]:
        return sorted(self.models, key=lambda m: getattr(self.models[m], key), reverse=reverse)

    @property
    def models_table(self) -> str:
        columns = [Column("Model"), Column("Train loss", "loss"), Column("Train acc.", "percent"),
                   Column("Val loss", "loss"), Column("Val acc.", "percent"),
                   Column("Gap", "points"), Column("Logged train acc.", "percent"),
                   Column("Target met?", "yes_no")]
        return markdown(columns, [
            [m.label, m.train_loss, m.train_accuracy, m.val_loss, m.val_accuracy, m.gap,
             m.logged_train_accuracy, m.meets_target] for m in self.models.values()])


def facts(results: dict, manifest: dict) -> Facts:
    parameters = manifest["parameters"]
    models = {}
    for name, run in results["models"].items():
        budget = parameters["baseline_epochs" if name == "baseline" else "max_epochs"]
        models[name] = Model(label=results["labels"][name], stopped_by_limit=run["epochs_run"] == budget,
                             **run)
    return Facts(
        class_names=results["class_names"], n_train=results["n_train"], n_val=results["n_val"],
        input_shape="×".join(map(str, results["input_shape"])), parameters=parameters,
        seconds=manifest["seconds"],
        target_val_accuracy=parameters["target_val_accuracy"],
        target_train_accuracy=parameters["target_train_accuracy"], **models)


def _claim(sentence, holds):
    return Claim(PAGE, sentence, holds)


CLAIMS = [
    _claim("Baseline: validation loss is lowest at epoch N and ends higher",
           lambda f: f.baseline.history["val_loss"][-1] > f.baseline.best_val_loss),
    _claim("Baseline: training loss falls overall, rising at epoch(s) ...",
           lambda f: f.baseline.history["loss"][-1] < f.baseline.history["loss"][0]
           and f.baseline.rising_loss_epochs),
    _claim("Dropout: logged training accuracy ... above it from epoch N on",
           lambda f: f.dropout.logged_above_val_from is not None),
    _claim("Dropout: the 30-epoch limit ended the run before early stopping did",
           lambda f: f.dropout.stopped_by_limit),
    _claim("Dropout: the kept model's validation loss is that of epoch N, not of the last epoch",
           lambda f: f.dropout.kept_epoch < f.dropout.epochs_run),
    _claim("Batch norm: validation accuracy first reaches the target at epoch N",
           lambda f: f.batchnorm_first_at_target is not None),
    _claim("Batch norm: Early stopping ends the run at epoch N",
           lambda f: not f.batchnorm.stopped_by_limit),
    _claim("Augmentation: the logged training loss is above the validation loss",
           lambda f: f.augment.history["loss"][-1] > f.augment.history["val_loss"][-1]),
    _claim("Augmentation: the 30-epoch limit ended the run before early stopping did",
           lambda f: f.augment.stopped_by_limit),
    _claim("'Target met?' checks validation ≥ 85 % and training < 92 %",
           lambda f: all(m.meets_target == (f.meets_val_target(m) and f.meets_train_target(m))
                         for m in f.models.values())),
    _claim("Measured below, this solution misses the target: validation ... reaches 85 %, but "
           "training ... (evaluated) is not below 92 %",
           lambda f: f.meets_val_target(f.dropout) and not f.meets_train_target(f.dropout)),
    _claim("The regularised model as specified does not meet it",
           lambda f: not f.dropout.meets_target),
    _claim("[dropout] has the highest validation accuracy of the four and the lowest "
           "validation loss",
           lambda f: f.ranked_by("val_accuracy", reverse=True)[0] == "dropout"
           and f.ranked_by("val_loss")[0] == "dropout"),
    _claim("Dropout + augmentation meets it", lambda f: f.augment.meets_target),
    _claim("Batch normalisation does not meet it", lambda f: not f.batchnorm.meets_target),
    _claim("Dropout, a smaller dense layer and early stopping lower the validation loss and "
           "shrink the gap",
           lambda f: f.dropout.val_loss < f.baseline.val_loss and f.dropout.gap < f.baseline.gap),
    _claim("Only the augmented model meets 'training below 92 %', and its validation accuracy "
           "is lower than the dropout model's",
           lambda f: [m for m in f.models if f.models[m].meets_target] == ["augment"]
           and f.augment.val_accuracy < f.dropout.val_accuracy),
    _claim("The smallest gap belongs to dropout + augmentation",
           lambda f: f.ranked_by("gap")[0] == "augment"),
    _claim("Augmentation learns more slowly: it first reaches the target at a later epoch "
           "than the dropout model",
           lambda f: None not in (f.augment_first_at_target, f.dropout_first_at_target)
           and f.augment_first_at_target > f.dropout_first_at_target),
    _claim("[batch norm's] best validation loss comes at epoch N (earlier than the dropout "
           "model's)", lambda f: f.batchnorm.kept_epoch < f.dropout.kept_epoch),
    _claim("[batch norm's] validation accuracy is the lowest of the four",
           lambda f: f.ranked_by("val_accuracy")[0] == "batchnorm"),
    _claim("Judged by the gap, batch normalisation is a weaker regulariser than dropout here",
           lambda f: f.batchnorm.gap > f.dropout.gap),
]

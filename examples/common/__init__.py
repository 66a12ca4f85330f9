"""Helpers shared by every example: environment setup, data loading, chart style, outputs."""

from common.data import DatasetUnavailable, load_dataset
from common.environment import setup
from common.outputs import save_figure, save_results, save_table

__all__ = [
    "DatasetUnavailable",
    "load_dataset",
    "save_figure",
    "save_results",
    "save_table",
    "setup",
]

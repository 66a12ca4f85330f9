"""handbook_env: what kernels, tests and scripts inherit (os.environ restored after each test)."""

import os

import pytest

from scripts import handbook_env

KEYS = ("KERAS_HOME", "HANDBOOK_DATASETS", "TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS",
        "PYTHONHASHSEED", "TF_DETERMINISTIC_OPS", "SOURCE_DATE_EPOCH", "MATPLOTLIBRC",
        "MPLBACKEND")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for key in KEYS:
        monkeypatch.delenv(key, raising=False)  # and restored afterwards, whatever is set
    monkeypatch.setattr(handbook_env, "MIRROR", tmp_path / "mirror")


def test_quiet_tensorflow_keeps_what_the_user_set(monkeypatch):
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "1")
    handbook_env.quiet_tensorflow()
    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "1"
    assert os.environ["TF_ENABLE_ONEDNN_OPTS"] == "0"
    assert os.environ["PYTHONHASHSEED"] == "0"


def test_a_keras_home_set_by_the_user_is_respected(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "mine"))
    assert handbook_env.configure_keras_cache() == tmp_path / "mine"
    assert not handbook_env.MIRROR.exists()


def test_without_datasets_keras_keeps_its_default(monkeypatch, tmp_path):
    monkeypatch.setenv("HANDBOOK_DATASETS", str(tmp_path / "nothing"))
    assert handbook_env.configure_keras_cache() is None
    assert "KERAS_HOME" not in os.environ


def test_read_only_datasets_are_mirrored_as_links(monkeypatch, tmp_path):
    source = tmp_path / "shared"
    (source / "datasets" / "fashion-mnist").mkdir(parents=True)
    (source / "datasets" / "mnist.npz").write_bytes(b"m")
    (source / "datasets" / "fashion-mnist" / "train.gz").write_bytes(b"f")
    monkeypatch.setenv("HANDBOOK_DATASETS", str(source))
    assert handbook_env.configure_keras_cache() == handbook_env.MIRROR
    assert os.environ["KERAS_HOME"] == str(handbook_env.MIRROR)
    link = handbook_env.MIRROR / "datasets" / "fashion-mnist" / "train.gz"
    assert link.is_symlink() and link.read_bytes() == b"f"
    assert (handbook_env.MIRROR / "datasets" / "mnist.npz").resolve() == (
        source / "datasets" / "mnist.npz")
    monkeypatch.delenv("KERAS_HOME")
    assert handbook_env.configure_keras_cache() == handbook_env.MIRROR  # again: links kept


def test_kernel_environment_is_deterministic_with_the_chart_style(monkeypatch, tmp_path):
    monkeypatch.setenv("HANDBOOK_DATASETS", str(tmp_path / "nothing"))
    handbook_env.prepare_kernel_environment()
    assert os.environ["TF_DETERMINISTIC_OPS"] == "1"
    assert os.environ["SOURCE_DATE_EPOCH"] == "0"
    assert os.environ["MATPLOTLIBRC"] == str(handbook_env.CHART_STYLE)
    assert handbook_env.CHART_STYLE.is_file()
    assert os.environ["MPLBACKEND"] == "module://matplotlib_inline.backend_inline"
    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "3"

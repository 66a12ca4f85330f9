"""The build every hook test runs in: fresh hook state and a small docs tree."""

import pytest

from scripts.hooks import chart_images, notebook_styles

from tests.unit.hooks.fake_site import SVG


@pytest.fixture(autouse=True)
def fresh_state(tmp_path):
    """Every test is a build of its own."""
    config = {"docs_dir": str(tmp_path / "docs")}
    chart_images.on_pre_build(config)
    notebook_styles.on_pre_build(config)


@pytest.fixture
def docs(tmp_path):
    """A docs folder with one generated chart; the configuration that points at it."""
    chart = tmp_path / "docs" / "generated" / "trace" / "loss_curves.svg"
    chart.parent.mkdir(parents=True)
    chart.write_bytes(SVG)
    return {"docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
            "repo_url": None, "extra": {}}

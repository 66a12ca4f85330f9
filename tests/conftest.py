"""Fixtures shared by the tests: the site, built once per test session."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import static_site

REPO = Path(__file__).resolve().parents[1]
SITE_FIXTURES = {"site_build", "site_dir"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Under pytest-xdist, the tests that use the built site share one worker, so the site
    is built once rather than once per worker."""
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("site"))


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """``mkdocs build --strict`` into a temporary folder: (site folder, build log)."""
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=REPO, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


@pytest.fixture(scope="session")
def site_dir(site_build):
    return site_build[0]


@pytest.fixture(scope="session")
def nav_urls():
    """Every page in the navigation, as a URL path relative to the site root."""
    return static_site.nav_urls()

"""The built site, shared by every test of this tier: built once, served once, one browser.

Every module here is in the xdist group "site" (``pytestmark`` at its top), so under
pytest-xdist the whole tier runs on one worker and the site is built once per suite run.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from scripts import static_site

from tests.site.browsing import CHROMIUM, CHROMIUM_ARGS, SUB_PATH

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def missing(message: str):
    """Skip a test that cannot run here, except under CI, where it must run."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def built_once_per_run(tmp_path_factory):
    """Fail if another xdist worker of this run built the site too: the "site" group no
    longer holds (as with pytest 9.2 and pytest-xdist 3.8), and every site test pays twice."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    run_root = tmp_path_factory.getbasetemp().parent  # shared by this run's workers only
    (run_root / f"site-built-by-{worker}").touch()  # before looking: two at once both fail
    others = [p.name for p in run_root.glob("site-built-by-*") if p.name != f"site-built-by-{worker}"]
    assert not others, (f"{worker} builds the site, which {others} already did: the tests of "
                        "tests/site/ are not in one xdist group any more")


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """``mkdocs build --strict`` into a temporary folder: (site folder, build log)."""
    built_once_per_run(tmp_path_factory)
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


@pytest.fixture(scope="session")
def base_url(site_dir, tmp_path_factory):
    """The site served under a sub-path, as a static host serves a project site."""
    root = tmp_path_factory.mktemp("static-host")
    (root / SUB_PATH).symlink_to(site_dir, target_is_directory=True)
    server = static_site.serve(root)
    yield f"http://127.0.0.1:{server.server_port}/{SUB_PATH}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        missing(static_site.NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_script():
    if not AXE.exists():
        missing("axe-core not installed: run `npm ci`")
    return AXE.read_text()

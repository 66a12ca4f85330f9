"""The built site, shared by every test of this tier: built once per run, served and
browsed by each worker.

The site is built once per suite run and shared by every pytest-xdist worker, so the
tier's tests spread over the workers; each worker has its own server and browser.
"""

import fcntl
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


def run_folder(tmp_path_factory) -> Path:
    """A folder shared by this run's xdist workers (and by nobody else)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """``mkdocs build --strict`` once per suite run: (site folder, build log). The first
    worker to need the site builds it; the others wait for that build and share it."""
    run = run_folder(tmp_path_factory)
    site, log, outcome = run / "site", run / "site-build.log", run / "site-build.exit"
    with open(run / "site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not outcome.exists():
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                cwd=REPO, capture_output=True, text=True, timeout=600,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
            log.write_text(result.stdout + result.stderr)
            outcome.write_text(str(result.returncode))
    assert outcome.read_text() == "0", log.read_text()
    return site, log.read_text()


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

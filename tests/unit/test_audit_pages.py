"""audit_pages with Lighthouse replaced by its results: the table, the median, the goals."""

import json
from types import SimpleNamespace

import pytest

from scripts import audit_pages


def scores(performance, accessibility=100, weight=123_456, benchmark=1500.4):
    return {"performance": performance, "accessibility": accessibility, "best-practices": 100,
            "seo": 100, "weight": weight, "benchmarkIndex": round(benchmark), "metrics": {},
            "failed": []}




REPORT = {
    "categories": {
        "performance": {"score": 0.874}, "accessibility": {"score": 0.96, "auditRefs": [
            {"id": "color-contrast", "weight": 7}, {"id": "image-alt", "weight": 10},
            {"id": "aria-allowed-attr", "weight": 0}, {"id": "bypass", "weight": 7}]},
        "best-practices": {"score": 1}, "seo": {"score": 0.995},
    },
    "audits": {
        "total-byte-weight": {"numericValue": 734567.8},
        "color-contrast": {"score": 0}, "image-alt": {"score": 1},
        "aria-allowed-attr": {"score": 0}, "bypass": {"score": None},
        "first-contentful-paint": {"displayValue": "1.9 s"},
        "largest-contentful-paint": {"displayValue": "3.1 s"},
        "total-blocking-time": {"displayValue": "0 ms"},
        "cumulative-layout-shift": {"score": 1},
        "speed-index": {"displayValue": "2.0 s"},
    },
    "environment": {"benchmarkIndex": 1499.6},
}




@pytest.fixture
def lighthouse(monkeypatch):
    """Lighthouse answering from a list of performance scores per URL; the URLs it ran on."""
    queue, ran = {}, []

    def run(url, chromium):
        ran.append(url)
        return scores(queue[url].pop(0))

    monkeypatch.setattr(audit_pages, "lighthouse", run)
    return queue, ran




@pytest.fixture
def site(tmp_path, monkeypatch):
    """A built site of three pages, Chromium and Lighthouse present."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>home</p>")
    tool = tmp_path / "lighthouse"
    tool.write_text("")
    monkeypatch.setattr(audit_pages, "LIGHTHOUSE", tool)
    monkeypatch.setattr(audit_pages, "find_chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(audit_pages, "nav_urls", lambda: ["", "traces/a/", "traces/b/"])
    # Lighthouse is not run, so nothing needs serving (a real server takes 0.5 s to stop).
    monkeypatch.setattr(audit_pages, "serve", lambda folder: SimpleNamespace(
        server_port=8000, shutdown=lambda: None))
    return tmp_path / "site"








@pytest.mark.parametrize("broken, message", [
    ("chromium", "error: Chromium not found; install it (Debian: apt-get install chromium) "
                 "or set HANDBOOK_CHROMIUM to a Chromium binary"),
    ("lighthouse", "error: Lighthouse not installed; run `npm ci`"),
    ("site", "error: {site} is not a built site"),
])
def test_missing_tools_or_site_exit_2_with_one_line(site, capsys, monkeypatch, broken, message):
    folder = site
    if broken == "chromium":
        monkeypatch.setattr(audit_pages, "find_chromium", lambda: None)
    elif broken == "lighthouse":
        monkeypatch.setattr(audit_pages, "LIGHTHOUSE", folder / "no-lighthouse")
    else:
        (folder / "index.html").unlink()
    assert audit_pages.main([str(folder)]) == 2
    assert capsys.readouterr() == ("", message.format(site=folder) + "\n")

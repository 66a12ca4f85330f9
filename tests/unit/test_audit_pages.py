"""audit_pages with Lighthouse replaced by its results: the table, the median, the goals."""

import json
from types import SimpleNamespace

import pytest

import audit_pages


def scores(performance, accessibility=100, weight=123_456, benchmark=1500.4):
    return {"performance": performance, "accessibility": accessibility, "best-practices": 100,
            "seo": 100, "weight": weight, "benchmarkIndex": round(benchmark), "metrics": {},
            "failed": []}


def test_table_has_a_row_per_page_with_its_scores_weight_and_host():
    text = audit_pages.table({"": scores(91, weight=1_234_567), "traces/": scores(45, 98)})
    assert text == (
        "| Page | Performance | Accessibility | Best practices | SEO | Weight (kB) "
        "| Host CPU (benchmarkIndex) |\n"
        "| :-- | --: | --: | --: | --: | --: | --: |\n"
        "| / | 91 | 100 | 100 | 100 | 1,235 | 1500 |\n"
        "| /traces/ | 45 | 98 | 100 | 100 | 123 | 1500 |\n")


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


def test_one_lighthouse_run_is_read_from_its_report(monkeypatch):
    calls = []

    def run(argv, check, timeout, env):
        calls.append((argv, env["CHROME_PATH"]))
        path = next(a for a in argv if a.startswith("--output-path=")).split("=", 1)[1]
        with open(path, "w") as report:
            json.dump(REPORT, report)

    monkeypatch.setattr(audit_pages.subprocess, "run", run)
    result = audit_pages.lighthouse("http://127.0.0.1:1/traces/", "/usr/bin/chromium")
    assert result == {
        "performance": 87, "accessibility": 96, "best-practices": 100, "seo": 100,
        "weight": 734567, "benchmarkIndex": 1500,
        "metrics": {"first-contentful-paint": "1.9 s", "largest-contentful-paint": "3.1 s",
                    "total-blocking-time": "0 ms", "cumulative-layout-shift": "",
                    "speed-index": "2.0 s"},
        "failed": ["color-contrast"],
    }
    ((argv, chromium),) = calls
    assert argv[:2] == [str(audit_pages.LIGHTHOUSE), "http://127.0.0.1:1/traces/"]
    assert "--only-categories=performance,accessibility,best-practices,seo" in argv
    assert chromium == "/usr/bin/chromium"


@pytest.fixture
def lighthouse(monkeypatch):
    """Lighthouse answering from a list of performance scores per URL; the URLs it ran on."""
    queue, ran = {}, []

    def run(url, chromium):
        ran.append(url)
        return scores(queue[url].pop(0))

    monkeypatch.setattr(audit_pages, "lighthouse", run)
    return queue, ran


@pytest.mark.parametrize("first, runs, goal, calls, kept", [
    ([95], 1, 90, 1, [95]),
    ([80, 95, 70], 1, 90, 3, [70, 80, 95]),
    ([80], 1, None, 1, [80]),
    ([91, 99, 93], 3, 90, 3, [91, 93, 99]),
    ([10, 20, 30, 40, 50], 5, 90, 5, [10, 20, 30, 40, 50]),
])
def test_audit_keeps_the_median_and_measures_a_low_score_three_times(lighthouse, first, runs,
                                                                     goal, calls, kept):
    queue, ran = lighthouse
    queue["u"] = list(first)
    result = audit_pages.audit("u", "chromium", runs, goal)
    assert len(ran) == calls
    assert result["performance runs"] == kept
    assert result["performance"] == kept[len(kept) // 2]


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


def test_audit_of_pages_at_the_goals_writes_the_table_and_the_measurements(site, tmp_path,
                                                                           capsys, monkeypatch):
    monkeypatch.setattr(audit_pages, "lighthouse", lambda url, chromium: scores(95))
    table, measurements = tmp_path / "out" / "audit.md", tmp_path / "out" / "audit.json"
    code = audit_pages.main([str(site), "--table", str(table), "--json", str(measurements)])
    out = capsys.readouterr().out
    assert code == 0
    assert table.read_text() == audit_pages.table(json.loads(measurements.read_text()))
    assert list(json.loads(measurements.read_text())) == ["", "traces/a/", "traces/b/"]
    assert "3 pages in " in out and "3 of 3 pages at the goal of 90" in out
    assert "short of the performance goal" not in out


def test_pages_below_a_goal_fail_and_are_listed(site, capsys, monkeypatch):
    folder = site
    answers = {"": [95], "traces/a/": [60, 70, 65], "traces/b/": [95]}

    def run(url, chromium):
        page = url.split("/", 3)[3]
        result = scores(answers[page].pop(0), accessibility=97 if page == "traces/b/" else 100)
        return result

    monkeypatch.setattr(audit_pages, "lighthouse", run)
    code = audit_pages.main([str(folder)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err == ("below the goals:\n  /traces/a/: performance 65 < 90\n"
                   "  /traces/b/: accessibility 97 < 100\n")
    assert "/traces/a/: performance 65, accessibility 100, best-practices 100, seo 100 " \
           "(runs [60, 65, 70])" in out
    assert "performance 65-95 (median 95); 2 of 3 pages at the goal of 90" in out
    assert "short of the performance goal (points): /traces/a/ 25" in out


def test_performance_floor_and_enforced_pages(site, capsys, monkeypatch):
    folder = site
    monkeypatch.setattr(audit_pages, "lighthouse", lambda url, chromium: scores(50))
    assert audit_pages.main([str(folder), "--performance-floor", "40"]) == 0
    assert audit_pages.main([str(folder), "--enforce-performance", "traces/a/"]) == 1
    assert capsys.readouterr().err == "below the goals:\n  /traces/a/: performance 50 < 90\n"
    assert audit_pages.main([str(folder), "--only", "traces/b", "--enforce-performance",
                             "traces/a/"]) == 0
    assert audit_pages.main([str(folder), "--only", "", "--performance-floor", "50"]) == 0
    assert "1 pages in " in capsys.readouterr().out


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

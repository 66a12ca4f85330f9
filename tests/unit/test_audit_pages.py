"""audit_pages with Lighthouse replaced by its results: one run read from its report, the
median, the table, the goals, the arguments; and serve_site on a port already taken."""

import json
import socket
from types import SimpleNamespace

import pytest

from scripts import audit_pages, serve_site


def scores(performance, accessibility=100, weight=123_456, benchmark=1500, tbt=120.4,
           lcp=2345.6):
    return {"performance": performance, "accessibility": accessibility, "best-practices": 100,
            "seo": 100, "weight": weight, "benchmarkIndex": benchmark,
            "metrics": {"largest-contentful-paint": lcp, "total-blocking-time": tbt},
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
        "first-contentful-paint": {"numericValue": 1900.2},
        "largest-contentful-paint": {"numericValue": 3100.7},
        "total-blocking-time": {"numericValue": 0},
        "cumulative-layout-shift": {"numericValue": 0.01},
        "speed-index": {"numericValue": 2000},
        "mainthread-work-breakdown": {"details": {"items": [
            {"groupLabel": "Style & Layout", "duration": 812.6},
            {"groupLabel": "Script Evaluation", "duration": 301.2}]}},
        "dom-size-insight": {"numericValue": 5549},
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
        "metrics": {"first-contentful-paint": 1900.2, "largest-contentful-paint": 3100.7,
                    "total-blocking-time": 0, "cumulative-layout-shift": 0.01,
                    "speed-index": 2000},
        "main thread": {"Style & Layout": 813, "Script Evaluation": 301},
        "elements": 5549,
        "failed": ["color-contrast"],
    }
    ((argv, chromium),) = calls
    assert argv[:2] == [str(audit_pages.LIGHTHOUSE), "http://127.0.0.1:1/traces/"]
    assert "--only-categories=performance,accessibility,best-practices,seo" in argv
    assert chromium == "/usr/bin/chromium"


def test_a_performance_only_run_asks_for_and_reads_performance_alone(monkeypatch):
    def run(argv, check, timeout, env):
        assert "--only-categories=performance" in argv
        path = next(a for a in argv if a.startswith("--output-path=")).split("=", 1)[1]
        with open(path, "w") as report:
            json.dump(REPORT, report)

    monkeypatch.setattr(audit_pages.subprocess, "run", run)
    result = audit_pages.lighthouse("u", "c", categories=("performance",))
    assert result["performance"] == 87 and "accessibility" not in result
    assert "failed" not in result


@pytest.fixture
def lighthouse(monkeypatch):
    """Lighthouse answering from a list of scores per URL; the URLs it ran on, in order."""
    queue, ran = {}, []

    def run(url, chromium, categories=audit_pages.CATEGORIES):
        ran.append(url)
        answer = queue[url].pop(0)
        return answer if isinstance(answer, dict) else scores(answer)

    monkeypatch.setattr(audit_pages, "lighthouse", run)
    return queue, ran


@pytest.mark.parametrize("performance, kept", [
    ([95], 95), ([80, 95, 70], 80), ([91, 99, 93], 93), ([10, 50, 20, 40, 30], 30),
])
def test_the_run_with_the_median_score_is_kept_with_every_runs_score_and_host(
        lighthouse, performance, kept):
    queue, ran = lighthouse
    queue["u"] = [scores(p, benchmark=1000 + p) for p in performance]
    result = audit_pages.median_run("u", "chromium", len(performance))
    assert len(ran) == len(performance)
    assert result["performance"] == kept and result["benchmarkIndex"] == 1000 + kept
    assert result["performance runs"] == sorted(performance)
    assert result["benchmarkIndex runs"] == [1000 + p for p in sorted(performance)]


def test_table_has_a_row_per_page_gzip_and_plain_with_timings_weight_and_host(monkeypatch):
    monkeypatch.setattr(audit_pages, "lighthouse_version", lambda: "13.0.1")
    rows = {
        "": {**scores(93, weight=1_234_567, tbt=150.4, lcp=2049), "plain": scores(77, weight=2e6)},
        "print_page/": {**scores(40, 98), "plain": scores(30)},
        "traces/": scores(91),
    }
    lines = audit_pages.table(rows, 3).splitlines()
    assert lines[0].startswith("Lighthouse 13.0.1 (mobile defaults), median of 3 runs per page")
    assert "The print page is for printing (`make pdf`) and has no performance goal." in lines[0]
    assert lines[2:] == [
        "| Page | Performance gzip | plain | LCP (s) | TBT (ms) | Accessibility "
        "| Best practices | SEO | Transferred gzip (kB) | plain (kB) | benchmarkIndex |",
        "| :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
        "| / | 93 | 77 | 2.0 | 150 | 100 | 100 | 100 | 1,235 | 2,000 | 1500 |",
        "| /print_page/ | 40 (no goal) | 30 | 2.3 | 120 | 98 | 100 | 100 | 123 | 123 | 1500 |",
        "| /traces/ | 91 | – | 2.3 | 120 | 100 | 100 | 100 | 123 | – | 1500 |",
    ]


@pytest.mark.parametrize("url, prefixes, matched", [
    ("", [""], True), ("traces/a/", [""], False), ("traces/a/", ["traces/"], True),
    ("reference/x/", ["traces/", "reference/x/"], True), ("traces/", [], False),
])
def test_only_and_enforced_pages_match_by_prefix_and_empty_means_home(url, prefixes, matched):
    assert audit_pages.matches(url, prefixes) is matched


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A built site of three pages and a print page, Chromium and Lighthouse present."""
    (tmp_path / "site" / "print_page").mkdir(parents=True)
    (tmp_path / "site" / "index.html").write_text("<p>home</p>")
    tool = tmp_path / "lighthouse"
    tool.write_text("")
    monkeypatch.setattr(audit_pages, "LIGHTHOUSE", tool)
    monkeypatch.setattr(audit_pages, "lighthouse_version", lambda: "13.0.1")
    monkeypatch.setattr(audit_pages, "find_chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(audit_pages, "nav_urls", lambda: ["", "traces/a/", "traces/b/"])
    ports = iter([8001, 8002])  # gzip first, then plain
    # Lighthouse is not run, so nothing needs serving (a real server takes 0.5 s to stop).
    monkeypatch.setattr(audit_pages, "serve", lambda folder, compress=False: SimpleNamespace(
        server_port=next(ports), compress=compress, shutdown=lambda: None))
    return tmp_path / "site"


def answers(lighthouse, gzip: dict, plain: int = 50):
    queue, ran = lighthouse
    for page, results in gzip.items():
        queue[f"http://127.0.0.1:8001/{page}"] = list(results)
        queue[f"http://127.0.0.1:8002/{page}"] = [plain] * 3
    return ran


def test_pages_at_the_goals_pass_and_the_table_and_measurements_are_written(
        site, lighthouse, tmp_path, capsys):
    ran = answers(lighthouse, {"": [95] * 3, "traces/a/": [92] * 3, "traces/b/": [99] * 3,
                               "print_page/": [30] * 3})
    table, measurements = tmp_path / "out" / "audit.md", tmp_path / "out" / "audit.json"
    code = audit_pages.main([str(site), "--table", str(table), "--json", str(measurements)])
    out = capsys.readouterr().out
    assert code == 0
    rows = json.loads(measurements.read_text())
    assert list(rows) == ["", "traces/a/", "traces/b/", "print_page/"]
    assert table.read_text() == audit_pages.table(rows, 3)
    assert len(ran) == 4 * 6  # three runs on each server
    assert "4 pages in " in out and "3 of 3 pages at the goal of 90" in out
    assert "performance (gzip, print page aside) 92-99 (median 95, lowest /traces/a/)" in out
    assert "short of the performance goal" not in out


def test_pages_below_a_goal_fail_and_are_listed_but_the_print_page_has_none(
        site, lighthouse, capsys):
    answers(lighthouse, {"": [95] * 3, "traces/a/": [60, 70, 65],
                         "traces/b/": [scores(95, accessibility=97)] * 3,
                         "print_page/": [20] * 3})
    assert audit_pages.main([str(site), "--plain-runs", "1"]) == 1
    out, err = capsys.readouterr()
    assert err == ("below the goals:\n  /traces/a/: performance 65 < 90\n"
                   "  /traces/b/: accessibility 97 < 100\n")
    assert "/traces/a/: performance 65, accessibility 100, best-practices 100, seo 100 " \
           "(gzip runs [60, 65, 70], plain runs [50])" in out
    assert "2 of 3 pages at the goal of 90" in out
    assert "short of the performance goal (points): /traces/a/ 25" in out


@pytest.mark.parametrize("args, code", [
    (["--performance-floor", "40"], 0),
    (["--enforce-performance", "traces/a/"], 1),
    (["--enforce-performance", "traces/b/"], 0),
])
def test_performance_floor_and_enforced_pages(site, lighthouse, capsys, args, code):
    answers(lighthouse, {"": [95] * 3, "traces/a/": [50] * 3, "traces/b/": [95] * 3,
                         "print_page/": [10] * 3})
    assert audit_pages.main([str(site), "--plain-runs", "0", *args]) == code
    err = capsys.readouterr().err
    assert err == ("" if code == 0 else "below the goals:\n  /traces/a/: performance 50 < 90\n")


def test_only_narrows_the_pages_and_plain_runs_zero_skips_the_plain_server(
        site, lighthouse, capsys):
    ran = answers(lighthouse, {"traces/a/": [91]})
    assert audit_pages.main([str(site), "--only", "traces/a/", "--runs", "1",
                             "--plain-runs", "0"]) == 0
    assert ran == ["http://127.0.0.1:8001/traces/a/"]
    assert "| /traces/a/ | 91 | – |" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--runs", "0"], ["--plain-runs", "-1"]])
def test_run_counts_out_of_range_are_refused_in_one_line(site, capsys, args):
    with pytest.raises(SystemExit) as exit:
        audit_pages.main([str(site), *args])
    assert exit.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].endswith("error: --runs must be at least 1 and --plain-runs at least 0")


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


def test_serve_on_a_port_in_use_says_so_in_one_line_and_exits_1(capsys, monkeypatch):
    monkeypatch.setattr(serve_site.os, "execv", lambda *args: pytest.fail("served anyway"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert serve_site.main(["--port", str(port)]) == 1
    assert capsys.readouterr() == (
        "", f"error: port {port} is already in use (another server?); choose another with "
            f"`make serve PORT={port + 1}`\n")


def test_serve_on_a_free_port_hands_over_to_mkdocs_serve(monkeypatch):
    calls = []
    monkeypatch.setattr(serve_site.os, "execv", lambda path, argv: calls.append(argv))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve_site.main(["--port", str(port)])
    assert calls[0][1:] == ["-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]

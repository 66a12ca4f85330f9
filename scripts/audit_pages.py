#!/usr/bin/env python3
"""Lighthouse on every page of a built site, served as it is hosted: scores, timings, weight.

  python -m mkdocs build -d site && python -m scripts.audit_pages site
  python -m scripts.audit_pages site --only traces/ --table build/audit.md

Lighthouse (npm, pinned in package.json: `npm ci`) runs with its mobile defaults (a simulated
mid-range phone on a slow 4G network) against the system Chromium. The site is served the way
GitHub Pages serves it, with HTML, CSS, JavaScript, JSON and SVG gzipped; each page is also
measured from a plain server (no compression) for comparison. Exits 1 when a page scores
below a goal: 100 for accessibility, best practices and SEO on every page, 90 for performance
(or the bar ``--performance-floor`` sets) on the pages given with ``--enforce-performance``
(all pages by default). The print page (``print_page/``, the handbook as one page, for
printing) is measured but held to no performance goal.

Lighthouse's performance score depends on the CPU of the machine it runs on (its simulated
phone is the host slowed down four times; ``benchmarkIndex``, given for each page, measures
the host) and varies from run to run: each page is measured ``--runs`` times (3) on each
server and the run with the median performance score is kept.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.static_site import NO_CHROMIUM, find_chromium, nav_urls, serve

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"
PRINT_PAGE = "print_page/"  # for printing (make pdf): no performance goal
TIMINGS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def lighthouse(url: str, chromium: str, categories=CATEGORIES) -> dict:
    """One Lighthouse run: {category: score 0-100, "weight": bytes transferred, ...}."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(categories)}", f"--chrome-flags={CHROME_FLAGS}"],
            check=True, timeout=300, env={**os.environ, "CHROME_PATH": chromium},
        )
        data = json.loads(report.read_text())
    audits = data["audits"]
    result = {c: round(100 * data["categories"][c]["score"]) for c in categories}
    result["weight"] = int(audits["total-byte-weight"]["numericValue"])
    result["benchmarkIndex"] = round(data["environment"]["benchmarkIndex"])
    result["metrics"] = {name: audits[name].get("numericValue") for name in TIMINGS}
    # What occupies the main thread (ms, by kind of work), and how many elements there are.
    result["main thread"] = {
        item["groupLabel"]: round(item["duration"])
        for item in audits["mainthread-work-breakdown"]["details"]["items"]
    }
    result["elements"] = audits["dom-size-insight"].get("numericValue")
    if "accessibility" in categories:
        result["failed"] = sorted(
            ref["id"] for ref in data["categories"]["accessibility"]["auditRefs"]
            if ref["weight"] and audits[ref["id"]]["score"] not in (None, 1)
        )
    return result


def median_run(url: str, chromium: str, runs: int, categories=CATEGORIES) -> dict:
    """The run with the median performance score of ``runs`` runs."""
    results = sorted((lighthouse(url, chromium, categories) for _ in range(runs)),
                     key=lambda r: r["performance"])
    median = results[len(results) // 2]
    median["performance runs"] = [r["performance"] for r in results]
    median["benchmarkIndex runs"] = [r["benchmarkIndex"] for r in results]
    return median


def table(rows: dict[str, dict], runs: int) -> str:
    lines = [
        f"Lighthouse {lighthouse_version()} (mobile defaults), median of {runs} runs per page "
        "and server. **gzip**: served as GitHub Pages serves it (HTML, CSS, JavaScript, JSON "
        "and SVG gzipped); **plain**: a static server without compression. Timings and scores "
        "other than performance are the gzip median run's. The print page is for printing "
        "(`make pdf`) and has no performance goal.",
        "",
        "| Page | Performance gzip | plain | LCP (s) | TBT (ms) | Accessibility "
        "| Best practices | SEO | Transferred gzip (kB) | plain (kB) | benchmarkIndex |",
        "| :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
    ]
    for url, r in rows.items():
        plain = r.get("plain")
        goal = "" if url != PRINT_PAGE else " (no goal)"
        cells = [
            f"/{url}", f"{r['performance']}{goal}", str(plain["performance"]) if plain else "–",
            f"{r['metrics']['largest-contentful-paint'] / 1000:.1f}",
            f"{r['metrics']['total-blocking-time']:,.0f}",
            *(str(r[c]) for c in CATEGORIES[1:]),
            f"{r['weight'] / 1000:,.0f}", f"{plain['weight'] / 1000:,.0f}" if plain else "–",
            str(r["benchmarkIndex"]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def lighthouse_version() -> str:
    package = REPO / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"]


def matches(url: str, prefixes: list[str]) -> bool:
    return any(url == p or (p and url.startswith(p)) for p in prefixes)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build -d ...)")
    parser.add_argument("--only", action="append", default=[],
                        help="only pages whose URL starts with this (repeatable; '' is home)")
    parser.add_argument("--table", type=Path, help="write the Markdown table to this file")
    parser.add_argument("--json", type=Path, help="write every measurement to this file")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs per page and server; the median is kept (default: 3)")
    parser.add_argument("--plain-runs", type=int,
                        help="runs per page on the plain server (default: --runs; 0: none)")
    parser.add_argument("--performance-floor", type=int, default=GOALS["performance"],
                        help="the performance score enforced (default: the goal, 90)")
    parser.add_argument("--enforce-performance", action="append", metavar="PAGE",
                        help="enforce the performance goal only on pages whose URL starts "
                             "with this (repeatable; '' is home; default: every page)")
    args = parser.parse_args(argv)
    plain_runs = args.runs if args.plain_runs is None else args.plain_runs
    if args.runs < 1 or plain_runs < 0:
        parser.error("--runs must be at least 1 and --plain-runs at least 0")

    chromium = find_chromium()
    if not chromium:
        print(f"error: {NO_CHROMIUM}", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.exists():
        print("error: Lighthouse not installed; run `npm ci`", file=sys.stderr)
        return 2
    if not (args.site / "index.html").exists():
        print(f"error: {args.site} is not a built site", file=sys.stderr)
        return 2

    urls = nav_urls() + ([PRINT_PAGE] if (args.site / PRINT_PAGE).is_dir() else [])
    if args.only:
        urls = [u for u in urls if matches(u, args.only)]
    hosted, plain = serve(args.site, compress=True), serve(args.site)
    rows, failures, start = {}, [], time.monotonic()
    try:
        for url in urls:
            r = rows[url] = median_run(f"http://127.0.0.1:{hosted.server_port}/{url}",
                                       chromium, args.runs)
            if plain_runs:
                r["plain"] = median_run(f"http://127.0.0.1:{plain.server_port}/{url}",
                                        chromium, plain_runs, categories=("performance",))
            print(f"/{url}: " + ", ".join(f"{c} {r[c]}" for c in CATEGORIES)
                  + f" (gzip runs {r['performance runs']}"
                  + (f", plain runs {r['plain']['performance runs']}" if plain_runs else "")
                  + f"), {r['weight']:,} bytes, benchmarkIndex {r['benchmarkIndex runs']}; "
                  + f"TBT {r['metrics']['total-blocking-time']:.0f} ms, "
                  + f"LCP {r['metrics']['largest-contentful-paint']:.0f} ms"
                  + (f"; accessibility audits failed: {r['failed']}" if r["failed"] else ""),
                  flush=True)
            enforced = url != PRINT_PAGE and (
                args.enforce_performance is None or matches(url, args.enforce_performance))
            goals = {**GOALS, "performance": args.performance_floor if enforced else 0}
            failures += [f"/{url}: {c} {r[c]} < {goals[c]}" for c in CATEGORIES
                         if r[c] < goals[c]]
    finally:
        hosted.shutdown()
        plain.shutdown()

    text = table(rows, args.runs)
    print("\n" + text)
    goal = GOALS["performance"]
    perf = {u: r["performance"] for u, r in rows.items() if u != PRINT_PAGE}
    short = {u: goal - p for u, p in perf.items() if p < goal}
    if perf:
        lowest = min(perf, key=perf.get)
        print(f"{len(rows)} pages in {time.monotonic() - start:.0f} s; performance (gzip, "
              f"print page aside) {perf[lowest]}-{max(perf.values())} "
              f"(median {statistics.median(perf.values())}, lowest /{lowest}); "
              f"{len(perf) - len(short)} of {len(perf)} pages at the goal of {goal}")
    if short:
        print("short of the performance goal (points): "
              + ", ".join(f"/{u} {d}" for u, d in short.items()))
    if args.table:
        args.table.parent.mkdir(parents=True, exist_ok=True)
        args.table.write_text(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=1))
    if failures:
        print("below the goals:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

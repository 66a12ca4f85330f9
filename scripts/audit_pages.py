#!/usr/bin/env python3
"""Lighthouse on every page of a built site: the four scores and the page weight, as a table.

  python -m mkdocs build -d site && python scripts/audit_pages.py site
  python scripts/audit_pages.py site --only traces/ --table build/audit.md

Lighthouse (npm, pinned in package.json: `npm ci`) runs with its mobile defaults (a simulated
mid-range phone on a slow 4G network) against the system Chromium, and the site is served by a
plain static server (no compression), as the cheapest static host would. Exits 1 when a page
scores below a goal: 100 for accessibility, best practices and SEO on every page, 90 for
performance (or the bar ``--performance-floor`` sets) on the pages given with
``--enforce-performance`` (all pages by default). The table and the summary always measure
performance against the goal of 90.

Lighthouse's performance score depends on the CPU of the machine it runs on (its simulated
phone is the host slowed down four times; ``benchmarkIndex``, printed for each run, measures
the host). A page whose first run falls below the performance goal is measured twice more and
its median kept, as Lighthouse advises for noisy scores.
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

from static_site import NO_CHROMIUM, find_chromium, nav_urls, serve

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"


def lighthouse(url: str, chromium: str) -> dict:
    """One Lighthouse run: {category: score 0-100, "weight": bytes, "metrics": {...}}."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            check=True, timeout=300, env={**os.environ, "CHROME_PATH": chromium},
        )
        data = json.loads(report.read_text())
    audits = data["audits"]
    result = {c: round(100 * data["categories"][c]["score"]) for c in CATEGORIES}
    result["weight"] = int(audits["total-byte-weight"]["numericValue"])
    result["benchmarkIndex"] = round(data["environment"]["benchmarkIndex"])
    result["metrics"] = {
        name: audits[name].get("displayValue", "")
        for name in ("first-contentful-paint", "largest-contentful-paint",
                     "total-blocking-time", "cumulative-layout-shift", "speed-index")
    }
    result["failed"] = sorted(
        ref["id"] for ref in data["categories"]["accessibility"]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] not in (None, 1)
    )
    return result


def audit(url: str, chromium: str, runs: int, goal: int | None) -> dict:
    """The run with the median performance score of ``runs`` runs, or of three when the first
    falls below ``goal``."""
    results = [lighthouse(url, chromium)]
    if goal is not None and results[0]["performance"] < goal:
        runs = max(runs, 3)
    results += [lighthouse(url, chromium) for _ in range(runs - 1)]
    results.sort(key=lambda r: r["performance"])
    median = results[len(results) // 2]
    median["performance runs"] = [r["performance"] for r in results]
    return median


def table(rows: dict[str, dict]) -> str:
    lines = ["| Page | Performance | Accessibility | Best practices | SEO | Weight (kB) "
             "| Host CPU (benchmarkIndex) |",
             "| :-- | --: | --: | --: | --: | --: | --: |"]
    for url, r in rows.items():
        scores = " | ".join(str(r[c]) for c in CATEGORIES)
        lines.append(f"| /{url} | {scores} | {r['weight'] / 1000:,.0f} | {r['benchmarkIndex']} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build -d ...)")
    parser.add_argument("--only", action="append", default=[],
                        help="only pages whose URL starts with this (repeatable; '' is home)")
    parser.add_argument("--table", type=Path, help="write the Markdown table to this file")
    parser.add_argument("--json", type=Path, help="write every measurement to this file")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median is kept)")
    parser.add_argument("--performance-floor", type=int, default=GOALS["performance"],
                        help="the performance score enforced (default: the goal, 90)")
    parser.add_argument("--enforce-performance", action="append", metavar="PAGE",
                        help="enforce the performance goal only on pages whose URL starts "
                             "with this (repeatable; '' is home; default: every page)")
    args = parser.parse_args(argv)

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

    urls = nav_urls()
    if args.only:
        urls = [u for u in urls if any(u == o or (o and u.startswith(o)) for o in args.only)]
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_port}/"
    enforced = args.enforce_performance
    rows, failures, start = {}, [], time.monotonic()
    try:
        for url in urls:
            perf_enforced = enforced is None or any(
                url == o or (o and url.startswith(o)) for o in enforced)
            goals = {**GOALS, "performance": args.performance_floor if perf_enforced else 0}
            r = rows[url] = audit(base + url, chromium, args.runs,
                                  goals["performance"] if perf_enforced else None)
            print(f"/{url}: " + ", ".join(f"{c} {r[c]}" for c in CATEGORIES)
                  + f" (runs {r['performance runs']}), {r['weight']:,} bytes, "
                  + f"benchmarkIndex {r['benchmarkIndex']}; {r['metrics']}"
                  + (f"; accessibility audits failed: {r['failed']}" if r["failed"] else ""),
                  flush=True)
            failures += [f"/{url}: {c} {r[c]} < {goals[c]}" for c in CATEGORIES
                         if r[c] < goals[c]]
    finally:
        server.shutdown()

    text = table(rows)
    print("\n" + text)
    perf = [r["performance"] for r in rows.values()]
    short = {u: GOALS["performance"] - r["performance"] for u, r in rows.items()
             if r["performance"] < GOALS["performance"]}
    print(f"{len(rows)} pages in {time.monotonic() - start:.0f} s; performance "
          f"{min(perf)}-{max(perf)} (median {statistics.median(perf)}); "
          f"{len(perf) - len(short)} of {len(perf)} pages at the goal of {GOALS['performance']}")
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

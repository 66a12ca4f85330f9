#!/usr/bin/env python3
"""Print the whole handbook to one PDF: the print page of a built site, by headless Chromium.

  python -m mkdocs build && python -m scripts.make_pdf site          # writes site/handbook.pdf

The print page (``print_page/``, made by mkdocs-print-site-plugin) holds every page in nav
order after a cover and a table of contents. Before printing, every collapsible block is
opened and every tab's content shown under its label, so the PDF has what a reader could
reveal on screen. The PDF has page numbers (``@page`` in stylesheets/access.css), an outline (bookmarks) from the
headings, and tags for screen readers. Uses the system Chromium (or HANDBOOK_CHROMIUM).
"""

import argparse
import sys
from pathlib import Path

from scripts.static_site import NO_CHROMIUM, find_chromium, serve

PRINT_PAGE = "print_page/"
# Open what a reader could open, and label each tab's content, before printing.
REVEAL = """() => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  document.querySelectorAll(".tabbed-set").forEach((set) => {
    const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")];
    set.querySelectorAll(":scope > .tabbed-content > .tabbed-block").forEach((block, i) => {
      if (labels[i]) block.dataset.printLabel = labels[i].textContent.trim();
    });
  });
}"""
MATH_DONE = """() => [...document.querySelectorAll(".arithmatex")]
  .every((e) => e.querySelector(".katex"))"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build -d ...)")
    parser.add_argument("--out", type=Path, help="the PDF (default: SITE/handbook.pdf)")
    args = parser.parse_args(argv)
    out = args.out or args.site / "handbook.pdf"

    chromium = find_chromium()
    if not chromium:
        print(f"error: {NO_CHROMIUM}", file=sys.stderr)
        return 2
    if not (args.site / PRINT_PAGE / "index.html").exists():
        print(f"error: {args.site} has no {PRINT_PAGE}; build the site first", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    server = serve(args.site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            page.emulate_media(media="print", color_scheme="light")
            page.goto(f"http://127.0.0.1:{server.server_port}/{PRINT_PAGE}",
                      wait_until="networkidle", timeout=120_000)
            page.wait_for_function(MATH_DONE, timeout=60_000)
            page.evaluate(REVEAL)
            out.parent.mkdir(parents=True, exist_ok=True)
            # Page size, margins and page numbers: the @page rule of stylesheets/access.css.
            page.pdf(path=out, prefer_css_page_size=True, print_background=True,
                     outline=True, tagged=True)
            browser.close()
    finally:
        server.shutdown()
    print(f"{out}: {out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Screenshot every page of a built site in light and dark, at phone and desktop widths.

  python -m mkdocs build -d site && python -m scripts.screenshot_pages site shots/
  python -m scripts.screenshot_pages site shots/ --only traces/ --width 1280

Uses the system Chromium (``chromium`` on PATH, or HANDBOOK_CHROMIUM) through Playwright.
"""

import argparse
import sys
from pathlib import Path

from scripts.static_site import NO_CHROMIUM, find_chromium, serve

WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")


def page_urls(site: Path) -> list[str]:
    pages = sorted(p.parent.relative_to(site) for p in site.rglob("index.html"))
    return ["" if str(p) == "." else f"{p}/" for p in pages if not str(p).startswith("assets")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build -d ...)")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--only", default="", help="only pages whose URL starts with this")
    parser.add_argument("--width", type=int, action="append", help="viewport width(s)")
    args = parser.parse_args(argv)

    chromium = find_chromium()
    if not chromium:
        print(f"error: {NO_CHROMIUM}", file=sys.stderr)
        return 2
    if not (args.site / "index.html").exists():
        print(f"error: {args.site} is not a built site; run `mkdocs build -d {args.site}` first",
              file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_port}/"
    urls = [u for u in page_urls(args.site) if u.startswith(args.only)]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for width in args.width or WIDTHS:
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": 900}, color_scheme=scheme
                )
                page = context.new_page()
                for url in urls:
                    page.goto(base + url, wait_until="networkidle")
                    # A full-page shot shows the whole page at once: load the charts that
                    # a reader's scrolling would load (they are lazy below the fold).
                    page.eval_on_selector_all("img[loading=lazy]",
                                              "els => els.forEach(e => e.loading = 'eager')")
                    page.wait_for_function("[...document.images].every(e => e.complete)",
                                           timeout=15_000)
                    # and paint the blocks the site leaves unpainted until they near the screen
                    page.add_style_tag(content=".md-typeset > * "
                                       "{ content-visibility: visible !important; }")
                    name = (url.strip("/").replace("/", "_") or "home") + f"-{width}-{scheme}.png"
                    page.screenshot(path=str(args.out / name), full_page=True)
                context.close()
        browser.close()
    server.shutdown()
    print(f"{len(urls)} pages x {len(args.width or WIDTHS)} widths x 2 schemes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Headless Chromium for the site tier: the system's Chromium driven by Playwright (nothing
is downloaded), and one page load that records console errors and requests to other hosts."""

from urllib.parse import urlparse

from scripts.static_site import find_chromium

SUB_PATH = "loss-functions-handbook"
CHROMIUM = find_chromium()
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 900}


class Visit:
    """One page load in a fresh context, with every console error and every request to
    another host (which is blocked)."""

    def __init__(self, browser, url, wait_until="networkidle", **context):
        self.errors, self.blocked = [], []
        self.context = browser.new_context(viewport=VIEWPORT, **context)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url, wait_until=wait_until)

    def _route(self, route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()

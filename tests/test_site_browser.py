"""The built site as a reader gets it: every nav page in headless Chromium, served under a
sub-path as a static host would (e.g. a GitHub Pages project site).

Chromium is the system's (Debian: ``apt-get install chromium``), driven by Playwright;
nothing is downloaded. Without Chromium the test is skipped locally and fails in CI.
"""

import os
from urllib.parse import urlparse

import pytest
from static_site import NO_CHROMIUM, find_chromium, serve

SUB_PATH = "loss-functions-handbook"
CHROMIUM = find_chromium()
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
# Pages whose search for this word must be found by the site's search.
SEARCH_TERM = "cross-entropy"
SEARCH_MUST_FIND = ["traces/mse-and-cross-entropy/", "traces/categorical-cross-entropy/"]


@pytest.fixture(scope="module")
def base_url(site_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("static-host")
    (root / SUB_PATH).symlink_to(site_dir, target_is_directory=True)
    server = serve(root)
    yield f"http://127.0.0.1:{server.server_port}/{SUB_PATH}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        message = NO_CHROMIUM
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """One page load, with every console error and every request to another host."""

    def __init__(self, browser, url):
        self.errors, self.blocked = [], []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url, wait_until="networkidle")

    def _route(self, route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()


def check_page(visit: Visit) -> list[str]:
    page, problems = visit.page, []
    # Charts below the fold load lazily: load them all, as a reader scrolling down would.
    page.eval_on_selector_all("img[loading=lazy]", "els => els.forEach(e => e.loading = 'eager')")
    page.wait_for_function("[...document.images].every(e => e.complete)", timeout=15_000)
    broken = page.eval_on_selector_all(
        "img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.src)"
    )
    problems += [f"image not loaded: {src}" for src in broken]

    blocks = page.locator(".md-content pre > code").count()
    buttons = page.locator(".md-content .md-clipboard, .md-content .md-code__button").count()
    if buttons < blocks:
        problems.append(f"{blocks} code blocks but {buttons} copy buttons")

    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate(scheme)
    if before == after:
        problems.append(f"colour toggle did not switch the scheme ({before})")

    for summary in page.locator(".md-content details > summary:visible").all():
        summary.click()
    closed = page.eval_on_selector_all(
        ".md-content details", "els => els.filter(e => e.offsetParent && !e.open).length"
    )
    if closed:
        problems.append(f"{closed} collapsible block(s) did not open")
    return problems


def test_every_page_reads_well_in_a_browser(browser, base_url, nav_urls):
    problems, blocked = {}, []
    for url in nav_urls:
        visit = Visit(browser, base_url + url)
        found = check_page(visit) + [f"console error: {e}" for e in visit.errors]
        blocked += visit.blocked
        if found:
            problems[url or "/"] = found
        visit.close()
    print(f"pages visited: {len(nav_urls)}; requests to other hosts blocked: {len(blocked)}")
    assert not blocked, f"requests to other hosts: {blocked}"
    assert not problems, "\n".join(f"{u}: {p}" for u, ps in problems.items() for p in ps)


def test_search_finds_the_cross_entropy_pages(browser, base_url):
    visit = Visit(browser, base_url)
    page = visit.page
    page.locator("input.md-search__input").click()
    page.keyboard.type(SEARCH_TERM, delay=20)  # Material searches on key events, not fill()
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    links = page.eval_on_selector_all(
        ".md-search-result__item > a", "els => els.map(e => e.href)"
    )
    visit.close()
    found = {urlparse(link).path.removeprefix(urlparse(base_url).path) for link in links}
    missing = [p for p in SEARCH_MUST_FIND if p not in found]
    assert not missing, f"search for {SEARCH_TERM!r} did not list {missing}; got {sorted(found)}"


TABLE_WIDTHS = """() => {
  const column = document.querySelector("article").getBoundingClientRect().width;
  return [...document.querySelectorAll("article table")].map(table => ({
    over: Math.round(table.getBoundingClientRect().width - column),
    header: (table.querySelector("tr") || table).innerText.replace(/\\s+/g, " ").slice(0, 60),
  })).filter(t => t.over > 1);
}"""


def test_no_table_is_wider_than_the_content_column(browser, base_url, nav_urls):
    """At 1280 px every table fits the content column, so no column that makes the table's
    point hides behind a sideways scroll."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    too_wide = []
    for url in nav_urls:
        page.goto(base_url + url, wait_until="networkidle")
        too_wide += [f"{url or '/'}: {t['over']} px too wide: {t['header']}"
                     for t in page.evaluate(TABLE_WIDTHS)]
    context.close()
    assert not too_wide, "\n".join(too_wide)


# ---- accessibility: axe-core on every page, light and dark ---------------------------------
AXE = os.path.join(os.path.dirname(__file__), "..", "node_modules", "axe-core", "axe.min.js")
AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} element(s), `
    + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; "));
}"""


@pytest.fixture(scope="module")
def axe_script():
    if not os.path.exists(AXE):
        message = "axe-core not installed: run `npm ci`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with open(AXE) as file:
        return file.read()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(browser, base_url, nav_urls, axe_script, scheme):
    """axe-core's rules (WCAG 2.x A/AA and its best practices) on every page, in the colour
    scheme a reader's system asks for: no violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for url in nav_urls:
        page.goto(base_url + url, wait_until="load")
        page.add_script_tag(content=axe_script)
        violations = page.evaluate(AXE_RUN)
        if violations:
            found[url or "/"] = violations
    context.close()
    print(f"axe-core, {scheme} scheme: {len(nav_urls) - len(found)} of {len(nav_urls)} pages "
          f"without violations")
    assert not found, "\n".join(f"{u}: {v}" for u, vs in found.items() for v in vs)

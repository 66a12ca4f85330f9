"""Every nav page as a reader gets it, in headless Chromium, served under a sub-path as a
static host would (e.g. a GitHub Pages project site).

One load per page runs every per-page check: no console error, no request to another host,
every table within the content column, every image loaded, axe-core with no violation in
the light and (after the toggle) the dark scheme, every collapsible block opening, and then a
copy button on every code block shown (each scrolled to: it gets its button in view).
"""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from scripts import static_site

from tests.site.browsing import Visit


# Pages whose search for this word must be found by the site's search.
SEARCH_TERM = "cross-entropy"
SEARCH_MUST_FIND = ["traces/mse-and-cross-entropy/", "traces/categorical-cross-entropy/"]

TABLE_WIDTHS = """() => {
  const column = document.querySelector("article").getBoundingClientRect().width;
  return [...document.querySelectorAll("article table")].map(table => ({
    over: Math.round(table.getBoundingClientRect().width - column),
    header: (table.querySelector("tr") || table).innerText.replace(/\\s+/g, " ").slice(0, 60),
  })).filter(t => t.over > 1);
}"""
AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} element(s), `
    + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; "));
}"""
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


def tables_too_wide(page) -> list[str]:
    """At 1280 px every table fits the content column, so no column that makes the table's
    point hides behind a sideways scroll."""
    return [f"{t['over']} px too wide: {t['header']}" for t in page.evaluate(TABLE_WIDTHS)]


def images_not_loaded(page) -> list[str]:
    # Charts below the fold load lazily: load them all, as a reader scrolling down would.
    page.eval_on_selector_all("img[loading=lazy]", "els => els.forEach(e => e.loading = 'eager')")
    page.wait_for_function("[...document.images].every(e => e.complete)", timeout=15_000)
    broken = page.eval_on_selector_all(
        "img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.src)"
    )
    return [f"image not loaded: {src}" for src in broken]


SCROLL_TO_EACH_BLOCK = """async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  for (const block of document.querySelectorAll(".md-content pre > code")) {
    if (!block.checkVisibility()) continue;
    block.scrollIntoView({ block: "center" });
    await frame();  // the visibility observer reports after the next frame
  }
}"""
COPY_BUTTONS = """() => [
  [...document.querySelectorAll(".md-content pre > code")].filter((e) => e.checkVisibility()).length,
  document.querySelectorAll(".md-content .md-clipboard, .md-content .md-code__button").length,
]"""


def copy_buttons_missing(page) -> list[str]:
    # A block gets its copy button as it comes into view (content.lazy): scroll to each, in
    # one script (a round trip per block costs more than the page's other checks together).
    page.evaluate(SCROLL_TO_EACH_BLOCK)
    try:
        page.wait_for_function(f"(({COPY_BUTTONS})()).reduce((blocks, buttons) => buttons >= blocks)",
                               timeout=2_000)
    except PlaywrightTimeout:
        pass  # reported below with the counts
    blocks, buttons = page.evaluate(COPY_BUTTONS)
    return [f"{blocks} code blocks but {buttons} copy buttons"] if buttons < blocks else []


def axe_violations(page, axe_script) -> list[str]:
    """axe-core's rules (WCAG 2.x A/AA and its best practices) in the scheme shown now."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_script)
    scheme = page.evaluate(SCHEME)
    return [f"axe, {scheme} scheme: {v}" for v in page.evaluate(AXE_RUN)]


def toggle_scheme(page) -> list[str]:
    before = page.evaluate(SCHEME)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    # The colours fade into the new scheme: check them once the transitions have ended.
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000)
    after = page.evaluate(SCHEME)
    return [f"colour toggle did not switch the scheme ({before})"] if before == after else []


# Each summary shown is clicked where a reader would click it: scrolled into view, and only if
# it is the element on top at its centre (what Playwright's click checks), in one script.
CLICK_EACH_SUMMARY = """() => {
  const shown = [...document.querySelectorAll(".md-content details > summary")]
    .filter((e) => e.checkVisibility({ visibilityProperty: true }));
  const covered = [];
  for (const summary of shown) {
    summary.scrollIntoView({ block: "center" });
    const box = summary.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (summary.contains(top)) summary.click();
    else covered.push(summary.innerText.slice(0, 60));
  }
  return covered;
}"""


def collapsibles_closed(page) -> list[str]:
    covered = page.evaluate(CLICK_EACH_SUMMARY)
    closed = page.eval_on_selector_all(
        ".md-content details", "els => els.filter(e => e.offsetParent && !e.open).length"
    )
    return ([f"collapsible summary covered by another element: {text}" for text in covered]
            + ([f"{closed} collapsible block(s) did not open"] if closed else []))


@pytest.mark.parametrize("url", static_site.nav_urls(), ids=lambda url: url or "/")
def test_page_reads_well_in_a_browser(browser, base_url, request, url):
    """The page opens in the light scheme (a fresh context, no stored choice)."""
    axe_script = None
    try:
        axe_script = request.getfixturevalue("axe_script")
    except pytest.skip.Exception as skipped:
        axe_missing = str(skipped)
    # "load", not "networkidle": requests that come later are still recorded until the checks end.
    visit = Visit(browser, base_url + url, wait_until="load", color_scheme="light")
    page = visit.page
    try:
        problems = tables_too_wide(page) + images_not_loaded(page)
        if axe_script:
            problems += axe_violations(page, axe_script)
        problems += toggle_scheme(page)
        if axe_script:
            problems += axe_violations(page, axe_script)
        problems += collapsibles_closed(page)
        problems += copy_buttons_missing(page)  # in the opened collapsibles too
    finally:
        visit.close()
    problems += [f"console error: {e}" for e in visit.errors]
    problems += [f"request to another host: {r}" for r in visit.blocked]
    assert not problems, "\n".join(problems)
    if not axe_script:
        pytest.skip(f"{axe_missing} (the other checks passed)")


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

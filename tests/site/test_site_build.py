"""The built site: strict and warning-free, light, self-contained, with alt text everywhere."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from tests.page_text import bare_counts



PAGE_BUDGET = 1_500_000  # bytes: HTML + CSS + JS + images of the heaviest page


def test_strict_build_has_no_warnings(site_build):
    site, log = site_build
    assert "WARNING" not in log, log
    assert (site / "index.html").exists()


class Assets(HTMLParser):
    """The local files a page loads, and its images with their alt text."""

    def __init__(self):
        super().__init__()
        self.files, self.images = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.files.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.files.append(attrs["src"])
        elif tag == "img":
            self.files.append(attrs.get("src", ""))
            self.images.append((attrs.get("src", ""), attrs.get("alt")))


def page_assets(site: Path, url: str) -> Assets:
    parser = Assets()
    parser.feed((site / url / "index.html").read_text())
    return parser


def page_weight(site: Path, url: str) -> int:
    total = (site / url / "index.html").stat().st_size
    for ref in set(page_assets(site, url).files):
        target = urlparse(urljoin(f"/{url}", ref))
        if target.scheme or target.netloc:
            continue  # external: caught by test_no_external_references
        path = site / target.path.lstrip("/")
        total += path.stat().st_size
    return total


def test_every_page_within_weight_budget(site_dir, nav_urls):
    weights = {url or "/": page_weight(site_dir, url) for url in nav_urls}
    heaviest = max(weights, key=weights.get)
    print(f"heaviest page: {heaviest} {weights[heaviest]:,} bytes")
    over = {u: w for u, w in weights.items() if w > PAGE_BUDGET}
    assert not over, f"pages over {PAGE_BUDGET:,} bytes: {over}"


def test_every_image_has_alt_text(site_dir, nav_urls):
    missing = [
        f"{url or '/'}: {src[:60]}"
        for url in nav_urls
        for src, alt in page_assets(site_dir, url).images
        if not (alt or "").strip()
    ]
    assert not missing, "images without alt text:\n" + "\n".join(missing)


def test_no_external_references(site_dir, nav_urls):
    """Nothing a page loads (stylesheets, scripts, images) comes from another host."""
    external = [
        f"{url or '/'}: {ref}"
        for url in nav_urls
        for ref in page_assets(site_dir, url).files
        if urlparse(ref).scheme in ("http", "https") or ref.startswith("//")
    ]
    assert not external, "\n".join(external)


class Links(HTMLParser):
    """The links inside a page's example-links paragraph, as (text, href)."""

    def __init__(self):
        super().__init__()
        self.inside, self.links, self.text = False, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p" and attrs.get("class") == "example-links":
            self.inside = True
        elif tag == "a" and self.inside:
            self.links.append([None, attrs["href"]])

    def handle_data(self, data):
        if self.inside and self.links and self.links[-1][0] is None:
            self.links[-1][0] = data

    def handle_endtag(self, tag):
        if tag == "p":
            self.inside = False


def example_links(site: Path) -> dict[str, dict[str, str]]:
    """Page URL -> {link text: absolute-from-site-root target or external URL}."""
    found = {}
    for html in site.rglob("index.html"):
        parser = Links()
        parser.feed(html.read_text())
        if parser.links:
            url = str(html.parent.relative_to(site)) + "/"
            found[url] = {text: href if urlparse(href).scheme else
                          urlparse(urljoin(f"/{url}", href)).path for text, href in parser.links}
    return found


def test_every_example_offers_its_notebook_on_its_pages(site_dir):
    from scripts.example_cache import discover

    links = example_links(site_dir)
    for name in discover():
        notebook_page = f"generated/{name}/{name}/"
        pages = [u for u, l in links.items()
                 if l.get("Download the notebook", "").endswith(f"/{name}.ipynb")]
        assert notebook_page in pages, f"{name}: no links on its notebook page"
        assert len(pages) >= 2, f"{name}: no page but its notebook page links it"
        for url in pages:
            target = site_dir / links[url]["Download the notebook"].lstrip("/")
            assert target.is_file(), f"{url}: {target} is not in the site"
            assert set(links[url]) == {"Download the notebook"}, (
                f"{url}: source/Colab links without a repository: {links[url]}")



def test_counts_are_written_with_thousands_separators(site_dir, nav_urls):
    """One number style: 12,665 images, not 12665 (the pages' `count` filter, the tables'
    count columns)."""
    found = {url or "/": hits for url in nav_urls
             if (hits := bare_counts((site_dir / url / "index.html").read_text()))}
    assert not found, "counts without thousands separators:\n" + "\n".join(
        f"{url}: …{hit}…" for url, hits in found.items() for hit in hits)

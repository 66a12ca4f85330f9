"""The built site: strict and warning-free, light, self-contained, with alt text everywhere."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

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

"""MkDocs hook: notebook charts, which mkdocs-jupyter inlines as base64 data, point to the
chart files the runner wrote (the same bytes), with the alt text the handbook's pages give
that chart. Every chart is sized (no layout shift) and loads lazily.

The alt texts are collected from the Markdown pages' content, which MkDocs renders for every
page before it writes any (on_page_content of all pages runs before any on_post_page).
"""

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

from scripts import layout

IMG_TAG = re.compile(r"<img\b[^>]*>")
ATTR = re.compile(r'([\w-]+)="([^"]*)"')
SVG_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)(pt|px)?"[^>]*?height="([\d.]+)(pt|px)?"')
DATA_SVG = "data:image/svg+xml;base64,"


@dataclass
class Charts:
    """What one build has learnt about its charts."""
    docs_dir: str
    alts: dict[str, str] = field(default_factory=dict)  # site path of a chart -> a page's alt
    by_hash: dict[str, str] | None = None  # sha256 of a generated chart -> its site path

    def file_of(self, data: bytes) -> str | None:
        """The site path of the generated chart with exactly these bytes, if there is one."""
        if self.by_hash is None:
            docs = Path(self.docs_dir)
            self.by_hash = {hashlib.sha256(svg.read_bytes()).hexdigest():
                            svg.relative_to(docs).as_posix() for svg in layout.chart_files(docs)}
        return self.by_hash.get(hashlib.sha256(data).hexdigest())


_build: Charts | None = None  # replaced at the start of every build (mkdocs serve rebuilds)


def site_path(src: str, page_url: str) -> str:
    return urljoin("/" + page_url, src).lstrip("/")


def learn_alts(content: str, page_url: str, charts: Charts) -> None:
    for tag in IMG_TAG.findall(content):
        attrs = dict(ATTR.findall(tag))
        if attrs.get("alt") and attrs.get("src", "").endswith(".svg"):
            charts.alts[site_path(attrs["src"], page_url)] = attrs["alt"]


def svg_size(svg: bytes) -> tuple[int, int] | None:
    match = SVG_SIZE.search(svg[:2000].decode("utf-8", "replace"))
    if not match:
        return None
    scale = 4 / 3 if match.group(2) == "pt" else 1
    return round(float(match.group(1)) * scale), round(float(match.group(3)) * scale)


def fix_images(output: str, page_url: str, charts: Charts) -> str:
    """Notebook charts as files; every chart sized and loaded lazily."""

    def fix(match):
        attrs = dict(ATTR.findall(match.group(0)))
        src = attrs.get("src", "")
        data = None
        if src.startswith(DATA_SVG):
            data = base64.b64decode(src[len(DATA_SVG):])
            path = charts.file_of(data)
            if path is None:
                return match.group(0)
            src = get_relative_url(path, page_url)
            name = PurePosixPath(path).stem.replace("_", " ")
            attrs["alt"] = charts.alts.get(path) or f"Chart: {name} (the example's figure)"
        elif src.endswith(".svg") and "://" not in src:
            file = Path(charts.docs_dir) / site_path(src, page_url)
            data = file.read_bytes() if file.is_file() else None
        if data is None:
            return match.group(0)
        attrs["src"] = src
        size = svg_size(data)
        if size:
            attrs["width"], attrs["height"] = map(str, size)
        attrs["loading"] = "lazy"  # charts sit below a page's opening text
        attrs["decoding"] = "async"
        return "<img " + " ".join(f'{k}="{v}"' for k, v in attrs.items()) + ">"  # as found

    return IMG_TAG.sub(fix, output)


def on_pre_build(config):
    global _build
    _build = Charts(config["docs_dir"])


def on_page_content(content: str, page, config, files):
    if layout.example_of_page(page.file.src_uri) is None:
        learn_alts(content, page.url, _build)
    return content


def on_post_page(output: str, page, config):
    return fix_images(output, page.url, _build)

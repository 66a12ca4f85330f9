"""What MkDocs hands the hooks, faked: a page, and the chart the fake docs tree holds
(conftest.py's ``docs``)."""

import base64
from types import SimpleNamespace

from scripts.hooks import chart_images

SVG = (b'<?xml version="1.0"?>\n<svg xmlns:xlink="http://www.w3.org/1999/xlink" '
       b'width="432pt" height="216pt" viewBox="0 0 432 216">...</svg>')


def page(src_uri="reference/page.md", url="reference/page/", abs_src_path=None, meta=None):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, abs_src_path=abs_src_path),
                           url=url, meta=meta if meta is not None else {})


def notebook_page(url="generated/trace/trace/"):
    return page("generated/trace/trace.ipynb", url)


def data_img(svg=SVG, alt="x"):
    """A chart as mkdocs-jupyter inlines it into a notebook page."""
    return f'<img alt="{alt}" src="{chart_images.DATA_SVG}{base64.b64encode(svg).decode()}">'

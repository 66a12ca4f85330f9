"""MkDocs hooks: keep notebook pages light and self-contained.

mkdocs-jupyter inlines JupyterLab's whole stylesheet (~570 kB) into every notebook page and
adds an empty MathJax loader (``<script src="">``, which re-requests the page itself). Here
the stylesheet is moved to one cached file, ``assets/stylesheets/notebook.css``, and the
MathJax loader and its configuration are dropped (math on this site is rendered by KaTeX).
"""

import re
from pathlib import Path

from mkdocs.utils import get_relative_url

NOTEBOOK_CSS = "assets/stylesheets/notebook.css"
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
MATHJAX = re.compile(
    r'<!-- Load mathjax -->\s*<script src=""> </script>.*?<!-- End of mathjax configuration -->',
    re.S,
)
INLINE_LIMIT = 100_000  # characters; only JupyterLab's main stylesheet is that large

_stylesheet: dict[str, str] = {}


def on_post_page(output: str, page, config):
    if not page.file.src_uri.endswith(".ipynb"):
        return output

    def externalise(match):
        css = match.group(1)
        if len(css) < INLINE_LIMIT:
            return match.group(0)
        known = _stylesheet.setdefault("css", css)
        if known != css:
            raise ValueError(f"{page.file.src_uri}: notebook stylesheet differs between pages")
        href = get_relative_url(NOTEBOOK_CSS, page.url)
        return f'<link rel="stylesheet" href="{href}">'

    output = STYLE_BLOCK.sub(externalise, output)
    return MATHJAX.sub("", output)


def on_post_build(config):
    if "css" in _stylesheet:
        target = Path(config["site_dir"]) / NOTEBOOK_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_stylesheet["css"])

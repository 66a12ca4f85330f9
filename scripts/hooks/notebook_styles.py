"""MkDocs hook: mkdocs-jupyter inlines JupyterLab's whole stylesheet (~570 kB) into every
notebook page and adds an empty MathJax loader (``<script src="">``, which re-requests the page
itself). Here the stylesheet is moved to one cached file, ``assets/stylesheets/notebook.css``,
stripped of the rules whose classes no notebook page uses, and the MathJax loader and its
configuration are dropped (math on this site is rendered by KaTeX)."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts import layout

NOTEBOOK_CSS = "assets/stylesheets/notebook.css"
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
MATHJAX = re.compile(
    r'<!-- Load mathjax -->\s*<script src=""> </script>.*?<!-- End of mathjax configuration -->',
    re.S,
)
INLINE_LIMIT = 100_000  # characters; only JupyterLab's main stylesheet is that large
CLASS_ATTR = re.compile(r'class="([^"]*)"')
CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


@dataclass
class NotebookStyles:
    """The stylesheet the notebook pages of one build share, and the classes they use."""
    css: str | None = None
    used_classes: set[str] = field(default_factory=set)


_build: NotebookStyles | None = None  # replaced at the start of every build (mkdocs serve)


def css_blocks(css: str):
    """Split CSS into top-level ``(prelude, body)`` pairs; body is None for ``@import;``."""
    depth, start, prelude = 0, 0, ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield prelude, css[start:index]
                start = index + 1
        elif char == ";" and depth == 0:
            yield css[start:index].strip(), None
            start = index + 1


def selector_used(selector: str, used: set[str]) -> bool:
    return all(name in used for name in CLASS_SELECTOR.findall(selector))


def purge(css: str, used: set[str]) -> str:
    """Drop the rules none of whose selectors can match (a class they need is never used)."""
    kept = []
    for prelude, body in css_blocks(css):
        if body is None:
            kept.append(prelude + ";")
        elif prelude.startswith(("@media", "@supports")):
            inner = purge(body, used)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@") or any(
            selector_used(s, used) for s in prelude.split(",")
        ):
            kept.append(f"{prelude}{{{body.strip()}}}")
    return "\n".join(kept)


def externalise_styles(output: str, page, styles: NotebookStyles) -> str:
    """The notebook page with its big stylesheet linked, not inlined; its classes noted."""

    def externalise(match):
        css = match.group(1)
        if len(css) < INLINE_LIMIT:
            return match.group(0)
        if styles.css is None:
            styles.css = css
        elif styles.css != css:
            raise ValueError(f"{page.file.src_uri}: notebook stylesheet differs between pages")
        href = get_relative_url(NOTEBOOK_CSS, page.url)
        return f'<link rel="stylesheet" href="{href}">'

    output = STYLE_BLOCK.sub(externalise, output)
    for names in CLASS_ATTR.findall(output):
        styles.used_classes.update(names.split())
    return MATHJAX.sub("", output)


def write_stylesheet(site_dir: str, styles: NotebookStyles) -> None:
    if styles.css is not None:
        target = Path(site_dir) / NOTEBOOK_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(purge(styles.css, styles.used_classes))


def on_pre_build(config):
    global _build
    _build = NotebookStyles()


def on_post_page(output: str, page, config):
    if layout.example_of_page(page.file.src_uri) is None:
        return output
    return externalise_styles(output, page, _build)


def on_post_build(config):
    write_stylesheet(config["site_dir"], _build)

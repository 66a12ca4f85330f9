"""MkDocs hook: notebook pages with fewer elements and a smaller stylesheet, looking the same.

A notebook page's code cells (``<div class="highlight-ipynb …"><pre>``) wrap every token in
a ``<span>``, as Markdown pages' code does: thousands of elements a phone must style and lay
out before the page responds. Here the spans that change nothing on screen become text and
alike neighbours merge, as scripts/hooks/code_spans.py does for Markdown pages, with the styles the
notebook cells use (the ``.highlight-ipynb .CLASS`` rules of the page's own stylesheet, and
the site's): a span whose only style is the cell's own colour is plain. The text of every
cell is unchanged, so its copy button copies the same code.

JupyterLab's stylesheet, scoped by mkdocs-jupyter under ``.jupyter-wrapper``, keeps about
90 kB of rules for ``.jupyter-wrapper :root`` and ``.jupyter-wrapper body``: the root and the
body are never inside another element, so those rules never apply. They are dropped from
``assets/stylesheets/notebook.css`` (written by scripts/hooks/notebook_styles.py, listed before this
hook), which every notebook page loads before it can show anything.
"""

import re
from pathlib import Path

from scripts.hooks import code_spans
from scripts.hooks.notebook_styles import NOTEBOOK_CSS, css_blocks

CELL = re.compile(
    r'(<div class="highlight-ipynb(?:\s[^"]*)?"><pre[^>]*>(?:<span></span>)?)(.*?)(</pre>)', re.S)
CELL_TOKEN = re.compile(r"\.highlight-ipynb\s+\.([\w-]+)")
CELL_RULE = re.compile(r"\.highlight-ipynb\s*\{([^{}]*)\}")
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
COMMENT = re.compile(r"/\*.*?\*/", re.S)  # Pygments names each class in one
# The root element or the body as a descendant (or sibling) of something: never matches.
BELOW_ROOT = re.compile(r"[\s>+~]\s*(?::root|html|body)(?![\w-])")

_site_css = ""  # the theme's and the site's stylesheets, read anew by each build in on_config


def cell_styles(css: str) -> dict[str, str]:
    """Token class -> its style in notebook cells, "" where it is only the cell's colour.

    Declarations are compared as written: a custom property's value differs between colour
    schemes, so ``var(--a)`` and ``var(--b)`` stay apart even where they look alike in one."""
    css = "".join(f"{selectors}{{{body}}}"
                  for selectors, body in code_spans.RULE.findall(COMMENT.sub("", css))
                  if "highlight-ipynb" in selectors)  # no custom property is resolved
    styles = code_spans.token_styles(css, CELL_TOKEN)
    colours = {f"color:{value.strip()}" for body in CELL_RULE.findall(css)
               for prop, _, value in (d.partition(":") for d in body.split(";"))
               if prop.strip() == "color"}
    return {name: "" if style in colours else style for name, style in styles.items()}


def lighter_cells(html: str, styles: dict[str, str]) -> str:
    return CELL.sub(
        lambda m: m.group(1) + code_spans.lighter_code(m.group(2), styles) + m.group(3), html)


def can_match(selector: str) -> bool:
    return not BELOW_ROOT.search(selector)


def drop_unmatchable(css: str) -> str:
    """CSS without the rules none of whose selectors can ever match."""
    kept = []
    for prelude, body in css_blocks(css):
        if body is None:
            kept.append(prelude + ";")
        elif prelude.startswith(("@media", "@supports")):
            inner = drop_unmatchable(body)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@") or any(can_match(s) for s in prelude.split(",")):
            kept.append(f"{prelude}{{{body.strip()}}}")
    return "\n".join(kept)


def on_config(config):
    global _site_css
    _site_css = code_spans.site_stylesheets(config)


def on_post_page(output: str, page, config):
    if 'class="highlight-ipynb' not in output:
        return output
    styles = cell_styles("\n".join([_site_css, *STYLE_BLOCK.findall(output)]))
    return lighter_cells(output, styles)


def on_post_build(config):
    target = Path(config["site_dir"]) / NOTEBOOK_CSS
    if target.exists():
        target.write_text(drop_unmatchable(target.read_text()))

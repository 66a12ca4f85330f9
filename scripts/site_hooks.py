"""MkDocs hooks: keep pages light, self-contained and accessible.

mkdocs-jupyter inlines JupyterLab's whole stylesheet (~570 kB) into every notebook page and
adds an empty MathJax loader (``<script src="">``, which re-requests the page itself). Here
the stylesheet is moved to one cached file, ``assets/stylesheets/notebook.css``, stripped of
the rules whose classes no notebook page uses, and the MathJax loader and its configuration
are dropped (math on this site is rendered by KaTeX). Each notebook page also opens with the
example's download, source and Colab links.

Mathematics is rendered at build time by the site's KaTeX (run with Node.js, when installed),
so pages load KaTeX's stylesheet and fonts but not its script. Every page loads only the
scripts it uses (KaTeX's where there is mathematics left to render in the browser: the
notebooks, or every page when Node.js is missing; the questions' and the loss explorer's
scripts where they appear). Notebook charts, which mkdocs-jupyter
inlines as base64 data, point to the chart files the runner wrote (the same bytes), with the
alt text the handbook's pages give that chart. Charts are sized (no layout shift) and load
lazily. KaTeX's fonts are shown with ``font-display: swap`` (text first, in a fallback font,
rather than invisible until the font arrives). Code blocks and notebook pages stay out of the search index: it
finds the prose, which says what every block shows. A table's empty corner cell is a data
cell, not an empty header (which screen readers would announce as a nameless column).
Under its title every page (and every notebook page) says which TensorFlow/Keras pairs its
blocks and examples were verified on, read from the recorded version matrix
(scripts/version_report.py).
"""

import base64
import hashlib
import html
import json
import re
import shutil
import subprocess
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

from scripts import layout, version_report
from scripts.example_links import example_links

NOTEBOOK_CSS = "assets/stylesheets/notebook.css"
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
MATHJAX = re.compile(
    r'<!-- Load mathjax -->\s*<script src=""> </script>.*?<!-- End of mathjax configuration -->',
    re.S,
)
INLINE_LIMIT = 100_000  # characters; only JupyterLab's main stylesheet is that large
CLASS_ATTR = re.compile(r'class="([^"]*)"')
CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")

# A page keeps a script (or stylesheet) only if its HTML has one of the markers.
PAGE_ASSETS = {
    ("assets/katex/katex.min.css",): ('class="arithmatex', "notebook-math"),
    ("assets/katex/katex.min.js", "assets/katex/auto-render.min.js", "javascripts/katex-init.js"):
        ('class="arithmatex"', "notebook-math"),  # maths left to render in the browser
    ("javascripts/quiz.js",): ('class="quiz"',),
    ("javascripts/loss-explorer.js",): ('class="loss-explorer"',),
    ("css/print-site", "js/print-site.js"): ('id="print-site-page"',),  # the print page's own
}
ASSET_TAG = re.compile(r'<(?:link[^>]*href|script[^>]*src)="([^"]*)"[^>]*>(?:</script>)?\s*')
PRE_TAG = re.compile(r"<pre\b")
H1_END = re.compile(r"</h1>")
EMPTY_TH = re.compile(r"<th(\s[^>]*)?>\s*</th>")
IMG_TAG = re.compile(r"<img\b[^>]*>")
ATTR = re.compile(r'([\w-]+)="([^"]*)"')
SVG_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)(pt|px)?"[^>]*?height="([\d.]+)(pt|px)?"')
DATA_SVG = "data:image/svg+xml;base64,"
# pymdownx.arithmatex's output: \(...\) in a span, \[...\] in a div.
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">\s*\\([(\[])(.*?)\\[)\]]\s*</\1>', re.S)
KATEX_JS = "assets/katex/katex.min.js"
RENDER_KATEX = """
const katex = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const html = JSON.parse(input).map(([tex, display]) => {
    try {
      return katex.renderToString(tex, { displayMode: display, throwOnError: true });
    } catch (error) {
      process.stderr.write(`${tex}: ${error.message}`);
      process.exit(1);
    }
  });
  process.stdout.write(JSON.stringify(html));
});
"""
NOTEBOOK_MATH = re.compile(r"\$[^$\n]+\$")

_stylesheet: dict[str, str] = {}
_used_classes: set[str] = set()
_chart_alts: dict[str, str] = {}  # site path of a chart -> the alt text a page gives it
_charts: dict[str, str] = {}  # sha256 of a generated chart -> its site path


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


def verified_on(page) -> str:
    """The page's "Verified on" line, from the recorded version matrix ("" if it has none)."""
    src = page.file.src_uri
    if layout.is_generated_page(src) and layout.example_of_page(src) is None:
        return ""  # the execution report holds the matrix itself
    line = version_report.verified_line(src, version_report.load())
    if line is None:
        return ""
    href = get_relative_url(layout.report_page_url(), page.url) + f"#{version_report.REPORT_ANCHOR}"
    return (f'<p class="verified-on">{html.escape(line)} '
            f'<a href="{href}">The version matrix</a></p>\n')


def on_page_content(content: str, page, config, files):
    """Code stays out of search; every notebook page opens with its example's links; every
    page says which TensorFlow/Keras pairs it was verified on, under its title."""
    content = PRE_TAG.sub("<pre data-search-exclude", content)
    content = EMPTY_TH.sub(r"<td\1></td>", content)  # a table's empty corner is no header
    if layout.example_of_page(page.file.src_uri) is None:
        for tag in IMG_TAG.findall(content):
            attrs = dict(ATTR.findall(tag))
            if attrs.get("alt") and attrs.get("src", "").endswith(".svg"):
                _chart_alts[site_path(attrs["src"], page.url)] = attrs["alt"]
        return H1_END.sub(lambda m: m.group(0) + "\n" + verified_on(page), content, count=1)
    page.meta["search"] = {"exclude": True}  # its prose is on the page that explains it
    page.meta["notebook_math"] = notebook_has_math(page.file.abs_src_path)
    name = layout.example_of_page(page.file.src_uri)
    return example_links(name, config, page.url) + verified_on(page) + content


def site_path(src: str, page_url: str) -> str:
    return urljoin("/" + page_url, src).lstrip("/")


def notebook_has_math(path: str) -> bool:
    cells = json.loads(Path(path).read_text())["cells"]
    return any(
        NOTEBOOK_MATH.search("".join(c["source"])) for c in cells if c["cell_type"] == "markdown"
    )


def drop_unused_assets(output: str, page) -> str:
    present = output + (" notebook-math" if page.meta.get("notebook_math") else "")

    def keep(match):
        for prefixes, markers in PAGE_ASSETS.items():
            if any(p in match.group(1) for p in prefixes):
                return match.group(0) if any(m in present for m in markers) else ""
        return match.group(0)

    head, body = output.split("</head>", 1) if "</head>" in output else ("", output)
    return ASSET_TAG.sub(keep, head) + "</head>" + ASSET_TAG.sub(keep, body)


def chart_file(data: bytes, config) -> str | None:
    """The site path of the generated chart with exactly these bytes, if there is one."""
    if not _charts:
        docs = Path(config["docs_dir"])
        for svg in layout.chart_files(docs):
            _charts[hashlib.sha256(svg.read_bytes()).hexdigest()] = svg.relative_to(docs).as_posix()
    return _charts.get(hashlib.sha256(data).hexdigest())


def svg_size(svg: bytes) -> tuple[int, int] | None:
    match = SVG_SIZE.search(svg[:2000].decode("utf-8", "replace"))
    if not match:
        return None
    scale = 4 / 3 if match.group(2) == "pt" else 1
    return round(float(match.group(1)) * scale), round(float(match.group(3)) * scale)


def fix_images(output: str, page, config) -> str:
    """Notebook charts as files; every chart sized and loaded lazily."""

    def fix(match):
        attrs = dict(ATTR.findall(match.group(0)))
        src = attrs.get("src", "")
        data = None
        if src.startswith(DATA_SVG):
            data = base64.b64decode(src[len(DATA_SVG):])
            path = chart_file(data, config)
            if path is None:
                return match.group(0)
            src = get_relative_url(path, page.url)
            name = PurePosixPath(path).stem.replace("_", " ")
            attrs["alt"] = _chart_alts.get(path) or f"Chart: {name} (the example's figure)"
        elif src.endswith(".svg") and "://" not in src:
            file = Path(config["docs_dir"]) / site_path(src, page.url)
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


def render_math(output: str, page, config) -> str:
    """Each formula as KaTeX's HTML, made at build time by the site's own KaTeX, so the page
    needs no script for it. Without Node.js the formulas stay as they are and the browser
    renders them with the same KaTeX (javascripts/katex-init.js)."""
    found = ARITHMATEX.findall(output)
    node = shutil.which("node")
    if not found or not node:
        return output
    formulas = [(html.unescape(tex), bracket == "[") for _, bracket, tex in found]
    result = subprocess.run(
        [node, "-e", RENDER_KATEX, str(Path(config["docs_dir"]).resolve() / KATEX_JS)],
        input=json.dumps(formulas), capture_output=True, text=True, timeout=120,
    )
    if result.returncode:
        raise ValueError(f"{page.file.src_uri}: KaTeX cannot render {result.stderr}")
    rendered = iter(json.loads(result.stdout))
    return ARITHMATEX.sub(
        lambda m: f'<{m.group(1)} class="arithmatex katex-static">{next(rendered)}</{m.group(1)}>',
        output,
    )


def on_post_page(output: str, page, config):
    output = render_math(output, page, config)
    output = fix_images(drop_unused_assets(output, page), page, config)
    if layout.example_of_page(page.file.src_uri) is None:
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
    for names in CLASS_ATTR.findall(output):
        _used_classes.update(names.split())
    return MATHJAX.sub("", output)


def on_post_build(config):
    katex_css = Path(config["site_dir"]) / "assets/katex/katex.min.css"
    if katex_css.exists():
        css = katex_css.read_text()
        katex_css.write_text(css.replace("font-display:block", "font-display:swap"))
    if "css" in _stylesheet:
        target = Path(config["site_dir"]) / NOTEBOOK_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(purge(_stylesheet["css"], _used_classes))

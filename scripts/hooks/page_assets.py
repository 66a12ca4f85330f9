"""MkDocs hook: every page loads only the scripts and stylesheets it uses: KaTeX's where there
is mathematics left to render in the browser (the notebooks, or every page when Node.js is
missing), the questions' and the loss explorer's scripts where they appear."""

import json
import re
from pathlib import Path

from scripts import layout

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
NOTEBOOK_MATH = re.compile(r"\$[^$\n]+\$")


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

    return ASSET_TAG.sub(keep, output)


def on_page_content(content: str, page, config, files):
    if layout.example_of_page(page.file.src_uri) is not None:
        page.meta["notebook_math"] = notebook_has_math(page.file.abs_src_path)
    return content


def on_post_page(output: str, page, config):
    return drop_unused_assets(output, page)

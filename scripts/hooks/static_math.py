"""MkDocs hook: mathematics rendered at build time by the site's KaTeX (run with Node.js, when
installed), so pages load KaTeX's stylesheet and fonts but not its script; KaTeX's fonts are
shown with ``font-display: swap`` (text first, in a fallback font, rather than invisible until
the font arrives)."""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

# pymdownx.arithmatex's output: \(...\) in a span, \[...\] in a div.
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">\s*\\([(\[])(.*?)\\[)\]]\s*</\1>', re.S)
KATEX_JS = "assets/katex/katex.min.js"
KATEX_CSS = "assets/katex/katex.min.css"
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


def let_fonts_swap(site_dir: str) -> None:
    katex_css = Path(site_dir) / KATEX_CSS
    if katex_css.exists():
        css = katex_css.read_text()
        katex_css.write_text(css.replace("font-display:block", "font-display:swap"))


def on_post_page(output: str, page, config):
    return render_math(output, page, config)


def on_post_build(config):
    let_fonts_swap(config["site_dir"])

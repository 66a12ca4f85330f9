"""MkDocs hook: under its title every page (and every notebook page) says which
TensorFlow/Keras pairs its blocks and examples were verified on, read from the recorded
version matrix (scripts/version_report.py)."""

import html
import re

from mkdocs.utils import get_relative_url

from scripts import layout, version_report

H1_END = re.compile(r"</h1>")


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
    if layout.example_of_page(page.file.src_uri) is not None:
        return verified_on(page) + content  # notebooks have no <h1> (ignore_h1_titles)
    return H1_END.sub(lambda m: m.group(0) + "\n" + verified_on(page), content, count=1)

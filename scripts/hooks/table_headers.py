"""MkDocs hook: a table's empty corner cell is a data cell, not an empty header (which screen
readers would announce as a nameless column)."""

import re

EMPTY_TH = re.compile(r"<th(\s[^>]*)?>\s*</th>")


def empty_headers_to_cells(content: str) -> str:
    return EMPTY_TH.sub(r"<td\1></td>", content)


def on_page_content(content: str, page, config, files):
    return empty_headers_to_cells(content)

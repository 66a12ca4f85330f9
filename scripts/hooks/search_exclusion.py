"""MkDocs hook: code blocks and notebook pages stay out of the search index.

Search finds the prose, which says what every block shows; a notebook page's prose is on the
page that explains it.
"""

import re

from scripts import layout

PRE_TAG = re.compile(r"<pre\b")


def exclude_code(content: str) -> str:
    return PRE_TAG.sub("<pre data-search-exclude", content)


def on_page_content(content: str, page, config, files):
    if layout.example_of_page(page.file.src_uri) is not None:
        page.meta["search"] = {"exclude": True}
    return exclude_code(content)

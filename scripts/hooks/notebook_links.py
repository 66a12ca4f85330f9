"""MkDocs hook: every notebook page opens with its example's download, source and Colab
links (scripts/example_links.py)."""

from scripts import layout
from scripts.example_links import example_links


def on_page_content(content: str, page, config, files):
    name = layout.example_of_page(page.file.src_uri)
    if name is None:
        return content
    return example_links(name, config, page.url) + content

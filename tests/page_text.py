"""What a reader reads on a built page: its prose and tables, without code, charts or formulas."""

import re

from bs4 import BeautifulSoup

BARE_COUNT = re.compile(r"(?<![\d.,\w])\d{4,}(?![\d,]|\.\d)")


def bare_counts(page_html: str) -> list[str]:
    """Whole numbers of four or more digits written without thousands separators in a page's
    prose and tables (code, its output, charts and formulas aside), each with its context."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.find("article") or soup
    for tag in article(["pre", "code", "script", "style", "svg", "math"]):
        tag.decompose()
    for tag in article.select(".katex, .arithmatex, .jp-OutputArea, .jp-InputArea"):
        tag.decompose()
    text = " ".join(article.get_text(" ").split())
    return [text[max(0, m.start() - 40):m.end() + 20] for m in BARE_COUNT.finditer(text)]

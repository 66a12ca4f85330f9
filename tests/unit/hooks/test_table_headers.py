"""table_headers on tables as Python-Markdown writes them: an empty corner cell becomes a data
cell, so screen readers announce no nameless column; every named header stays a header."""

import markdown

from scripts.hooks import table_headers


def table_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables"])  # as mkdocs.yml's `tables` does


def test_an_empty_corner_becomes_a_data_cell_with_its_alignment():
    html = table_html("| | MSE | BCE |\n| :-- | --: | --: |\n| epoch 1 | 0.1 | 0.2 |")
    out = table_headers.on_page_content(html, None, {}, None)
    assert '<th style="text-align: left;"></th>' in html
    assert out == html.replace('<th style="text-align: left;"></th>',
                               '<td style="text-align: left;"></td>')
    assert out.count("<th ") == 2 and "<thead>" in out  # MSE, BCE; the head stays


def test_headers_with_a_name_stay_headers():
    html = ('<table><thead><tr><th>Loss</th><th><code>y_pred</code></th>'
            '<th class="c"> \n </th></tr></thead></table>')
    assert table_headers.on_page_content(html, None, {}, None) == (
        '<table><thead><tr><th>Loss</th><th><code>y_pred</code></th>'
        '<td class="c"></td></tr></thead></table>')


def test_a_page_without_tables_is_unchanged():
    html = "<p>The <em>th</em> cell and <code>&lt;th&gt;&lt;/th&gt;</code> as text.</p>"
    assert table_headers.on_page_content(html, None, {}, None) == html

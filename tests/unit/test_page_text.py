"""Finding counts written without thousands separators, on small pages."""

from tests.page_text import bare_counts


def test_a_bare_count_in_prose_or_a_table_is_found_with_its_context():
    page = "<article><p>trained on 12665 images</p><table><td>9600 / 2400</td></table></article>"
    assert bare_counts(page) == ["trained on 12665 images 9600 / 2400",
                                 "trained on 12665 images 9600 / 2400",
                                 "trained on 12665 images 9600 / 2400"]


def test_separated_counts_decimals_code_and_formulas_are_not_counts():
    page = ("<article><p>12,665 kept; 0.0001, 1.5e-06 and 3.1416 are no counts</p>"
            "<pre>size=1000</pre><code>60000</code><span class=\"katex\">10000</span>"
            "<svg><text>2000</text></svg></article>")
    assert bare_counts(page) == []


def test_only_the_article_counts():
    page = "<nav>1000 MNIST digits</nav><article><p>ten images</p></article>"
    assert bare_counts(page) == []

"""Source and Colab links follow the repository the site is published from (REPO_URL and
REPO_BRANCH, read by mkdocs.yml), checked on the loaded configuration without a build."""

from pathlib import Path

from mkdocs.config import load_config

from scripts.example_links import example_links

REPO = Path(__file__).resolve().parents[2]
NAME = "why_cross_entropy"
PAGE = f"generated/{NAME}/{NAME}/"


def links_of(html: str) -> dict[str, str]:
    """{link text: href} of one example-links paragraph."""
    from html.parser import HTMLParser

    found, current = {}, []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "a":
                current[:] = [dict(attrs)["href"]]

        def handle_data(self, data):
            if current:
                found[data] = current.pop()

    Links().feed(html)
    return found


def test_source_and_colab_links_follow_the_repository(monkeypatch):
    monkeypatch.setenv("REPO_URL", "https://github.com/someone/handbook")
    monkeypatch.setenv("REPO_BRANCH", "trunk")
    config = load_config(str(REPO / "mkdocs.yml"))
    links = links_of(example_links(NAME, config, PAGE))
    assert links == {
        "Download the notebook": f"{NAME}.ipynb",
        "View the source":
            f"https://github.com/someone/handbook/blob/trunk/examples/{NAME}.py",
        "Open in Colab": "https://colab.research.google.com/github/someone/handbook/blob/trunk/"
                         f"docs/generated/{NAME}/{NAME}.ipynb",
    }
    for target in (f"examples/{NAME}.py", f"docs/generated/{NAME}/{NAME}.ipynb"):
        assert (REPO / target).is_file()


def test_without_a_repository_only_the_notebook_is_offered(monkeypatch):
    monkeypatch.delenv("REPO_URL", raising=False)
    config = load_config(str(REPO / "mkdocs.yml"))
    assert list(links_of(example_links(NAME, config, PAGE))) == ["Download the notebook"]

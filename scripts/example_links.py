"""The links every example offers its readers: download the notebook, view the source, and
open it in Colab. Source and Colab links need a GitHub repository (``repo_url`` in
mkdocs.yml, set from REPO_URL); without one they are left out, never broken.
"""

from urllib.parse import urlparse

from mkdocs.utils import get_relative_url

from scripts import layout

COLAB = "https://colab.research.google.com/github"


def example_links(name: str, config, page_url: str) -> str:
    """One line of HTML links for example ``name``, relative to the page at ``page_url``."""
    links = [f'<a href="{get_relative_url(layout.notebook_download_uri(name), page_url)}" '
             f'download>Download the notebook</a>']
    repo = (config.get("repo_url") or "").rstrip("/")
    if urlparse(repo).hostname == "github.com":
        branch = config["extra"].get("repo_branch") or "main"
        slug = urlparse(repo).path.strip("/")
        source, notebook = layout.example_source_uri(name), layout.notebook_repo_path(name)
        links.append(f'<a href="{repo}/blob/{branch}/{source}">View the source</a>')
        links.append(f'<a href="{COLAB}/{slug}/blob/{branch}/{notebook}">Open in Colab</a>')
    return '<p class="example-links">' + " · ".join(links) + "</p>"

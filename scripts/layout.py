"""Where an example's generated files live, on disk and in the site: the one module that
spells that layout. The runner, the cache, the macros, the hooks and the tests ask it.

On disk, ``docs/generated/NAME/`` (``HANDBOOK_GENERATED_DIR`` moves it, for tests) holds
``NAME.ipynb``, ``results.json``, ``manifest.json`` and figures ``*.svg``.
In the site, the notebook page is ``generated/NAME/NAME.ipynb`` (docs-relative) and
mkdocs-jupyter's download copy is ``generated/NAME/NAME/NAME.ipynb``.
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Overridable so that the tests can drive the runner on examples of their own.
EXAMPLES = Path(os.environ.get("HANDBOOK_EXAMPLES_DIR", REPO / "examples"))
GENERATED = Path(os.environ.get("HANDBOOK_GENERATED_DIR", REPO / "docs" / "generated"))

SITE_FOLDER = "generated"  # GENERATED as the site (docs_dir) sees it
MANIFEST = "manifest.json"
RESULTS = "results.json"
REPORT = "report.md"
VERSIONS = "versions.json"


def example_source(name: str) -> Path:
    return EXAMPLES / f"{name}.py"


def example_source_uri(name: str) -> str:
    """The example's source as the repository (and a snippet include) names it."""
    return f"examples/{name}.py"


def output_dir(name: str) -> Path:
    return GENERATED / name


def notebook_name(name: str) -> str:
    return f"{name}.ipynb"


def notebook_path(name: str) -> Path:
    return output_dir(name) / notebook_name(name)


def results_path(name: str) -> Path:
    return output_dir(name) / RESULTS


def manifest_path(name: str) -> Path:
    return output_dir(name) / MANIFEST


def report_path() -> Path:
    return GENERATED / REPORT


def notebook_page_uri(name: str) -> str:
    """The notebook page's source, docs-relative: what ``nav`` and ``page.file.src_uri`` say."""
    return f"{SITE_FOLDER}/{name}/{notebook_name(name)}"


def notebook_download_uri(name: str) -> str:
    """Where mkdocs-jupyter (``include_source``) copies the notebook in the built site."""
    return f"{SITE_FOLDER}/{name}/{name}/{notebook_name(name)}"


def notebook_repo_path(name: str) -> str:
    """The committed notebook, repository-relative (what Colab opens)."""
    return f"docs/{notebook_page_uri(name)}"


def example_of_page(src_uri: str) -> str | None:
    """The example whose notebook page this is, or None for any other page."""
    parts = src_uri.split("/")
    if len(parts) == 3 and parts[0] == SITE_FOLDER and parts[2] == notebook_name(parts[1]):
        return parts[1]
    return None


def report_page_url() -> str:
    return f"{SITE_FOLDER}/{REPORT.removesuffix('.md')}/"


def is_generated_page(src_uri: str) -> bool:
    return src_uri.startswith(SITE_FOLDER + "/")


def chart_files(docs_dir: Path) -> list[Path]:
    """Every chart the examples wrote, as the site's docs folder holds them."""
    return sorted((Path(docs_dir) / SITE_FOLDER).glob("*/*.svg"))

"""MkDocs hook: the "Notebooks" section of the navigation lists every generated notebook,
titled as its manifest says (the example's own title), after the execution report.

``mkdocs.yml`` names only the section and the report; a new example appears by itself.
"""

import json

from scripts import layout


def notebook_entries() -> list[dict[str, str]]:
    """``{title: docs-relative notebook page}`` for every example that has been run."""
    entries = []
    for manifest in sorted(layout.GENERATED.glob(f"*/{layout.MANIFEST}")):
        name = manifest.parent.name
        if layout.notebook_path(name).exists():
            entries.append({json.loads(manifest.read_text())["title"]: layout.notebook_page_uri(name)})
    return sorted(entries, key=lambda entry: next(iter(entry)).lower())


def section_with_report(nav: list) -> list | None:
    """The nav list that holds the execution report, searched depth first."""
    report = f"{layout.SITE_FOLDER}/{layout.REPORT}"
    for item in nav:
        children = next(iter(item.values())) if isinstance(item, dict) else None
        if isinstance(children, list):
            if any(isinstance(c, dict) and report in c.values() for c in children):
                return children
            found = section_with_report(children)
            if found is not None:
                return found
    return None


def on_config(config):
    section = section_with_report(config["nav"] or [])
    if section is None:
        raise ValueError(f"mkdocs.yml: no nav section lists {layout.SITE_FOLDER}/{layout.REPORT}; "
                         "the notebooks are listed after it")
    listed = {value for entry in section for value in entry.values()}
    section.extend(e for e in notebook_entries() if next(iter(e.values())) not in listed)
    return config

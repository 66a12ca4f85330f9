"""MkDocs hook: a notebook-to-HTML cache that builds running side by side can share.

mkdocs-jupyter's own cache (``cache: true``) writes its entries in place, so a build that
reads an entry while another build is writing it fails on a half-written file, and a
truncated entry stops every later build. Its cache is therefore off (mkdocs.yml), and this
hook caches the one slow step, ``mkdocs_jupyter.convert.nb2html``, instead:

- an entry is named by a hash of the notebook's bytes and the conversion options, so builds
  of the same notebooks read and write the same bytes;
- an entry is written to a temporary file and renamed into place: a reader sees a whole entry
  or none;
- an entry that cannot be read back whole (truncated, corrupt, removed meanwhile) is
  converted again and rewritten; the build goes on;
- entries unused by a build and untouched for a week are removed, so the folder stays small.

``mkdocs serve`` keeps the benefit: a reload converts only the notebooks that changed.
"""

import hashlib
import json
import logging
import os
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.notebook_cache")

CACHE_DIR = Path(".cache") / "notebook-html"   # relative to the folder of mkdocs.yml
STALE_AFTER = 7 * 24 * 3600  # seconds
VERSIONS = f"mkdocs-jupyter={version('mkdocs-jupyter')} nbconvert={version('nbconvert')}"


def entry_key(notebook: bytes, options: dict) -> str:
    """The cache key: the notebook's bytes, the conversion options, the converters' versions."""
    digest = hashlib.sha256(notebook)
    digest.update(repr(sorted(options.items())).encode())
    digest.update(VERSIONS.encode())
    return digest.hexdigest()


def read_entry(path: Path, key: str) -> str | None:
    """The HTML stored under ``key``, or None when the entry is missing or not whole."""
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        log.info("notebook cache: %s is unreadable (%s); converting the notebook again",
                 path, error)
        return None
    if not isinstance(entry, dict) or entry.get("key") != key or not isinstance(
            entry.get("html"), str):
        log.info("notebook cache: %s does not hold its key; converting the notebook again", path)
        return None
    return entry["html"]


def write_entry(path: Path, key: str, html: str) -> None:
    """Store ``html`` under ``key`` atomically: write a temporary file, then rename it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"key": key, "html": html}, file)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def evict_stale(folder: Path, used: set[Path], now: float) -> list[Path]:
    """Remove entries this build did not use and nobody touched for STALE_AFTER seconds."""
    removed = []
    for path in folder.glob("*.json"):
        try:
            if path not in used and now - path.stat().st_mtime > STALE_AFTER:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            pass  # removed by another build meanwhile
    return removed


class NotebookCache:
    """Wraps a converter ``nb2html(path, **options)`` with the on-disk cache in ``folder``."""

    def __init__(self, convert, folder: Path):
        self.convert, self.folder, self.used = convert, folder, set()

    def __call__(self, notebook_path, **options) -> str:
        key = entry_key(Path(notebook_path).read_bytes(), options)
        path = self.folder / f"{key}.json"
        self.used.add(path)
        html = read_entry(path, key)
        if html is None:
            html = self.convert(notebook_path, **options)
            write_entry(path, key, html)
        else:
            os.utime(path)  # recently used: not stale
        return html


def on_config(config):
    from mkdocs_jupyter import convert

    jupyter = config.plugins["mkdocs-jupyter"].config
    if jupyter["cache"]:
        raise PluginError("mkdocs.yml: set `cache: false` under mkdocs-jupyter; "
                          "scripts/notebook_cache.py caches the notebooks instead")
    original = getattr(convert.nb2html, "convert", convert.nb2html)  # once per process
    folder = Path(config.config_file_path).parent / CACHE_DIR
    convert.nb2html = NotebookCache(original, folder)
    return config


def on_post_build(config):
    from mkdocs_jupyter import convert

    cache = convert.nb2html
    if isinstance(cache, NotebookCache) and cache.folder.is_dir():
        evict_stale(cache.folder, cache.used, time.time())

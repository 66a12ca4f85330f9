"""The notebook-to-HTML cache that builds running side by side share (scripts/hooks/notebook_cache.py)."""

import json
import os
import threading

from scripts.hooks import notebook_cache as nc
import pytest


class CountingConverter:
    def __init__(self):
        self.calls = 0

    def __call__(self, path, **options):
        self.calls += 1
        return f"<html>{path.name} {sorted(options.items())}</html>"


@pytest.fixture
def notebook(tmp_path):
    path = tmp_path / "example.ipynb"
    path.write_text('{"cells": []}')
    return path


def test_key_follows_the_notebook_and_the_options():
    key = nc.entry_key(b"notebook", {"theme": "light", "no_input": False})
    assert key == nc.entry_key(b"notebook", {"no_input": False, "theme": "light"})
    assert key != nc.entry_key(b"notebook!", {"theme": "light", "no_input": False})
    assert key != nc.entry_key(b"notebook", {"theme": "dark", "no_input": False})


def test_second_conversion_is_read_from_the_cache(tmp_path, notebook):
    convert = CountingConverter()
    first = nc.NotebookCache(convert, tmp_path / "cache")(notebook, theme="light")
    second = nc.NotebookCache(convert, tmp_path / "cache")(notebook, theme="light")
    assert first == second and convert.calls == 1
    notebook.write_text('{"cells": [], "changed": true}')
    nc.NotebookCache(convert, tmp_path / "cache")(notebook, theme="light")
    assert convert.calls == 2


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],                      # truncated mid-write
    lambda text: "",                                          # empty
    lambda text: json.dumps({"key": "another", "html": "x"}), # someone else's entry
    lambda text: "\udcff",                                    # not UTF-8 (written below)
], ids=["truncated", "empty", "wrong-key", "not-utf8"])
def test_a_damaged_entry_is_converted_again_and_rewritten(tmp_path, notebook, damage, caplog):
    convert = CountingConverter()
    cache = nc.NotebookCache(convert, tmp_path / "cache")
    html = cache(notebook)
    [entry] = (tmp_path / "cache").glob("*.json")
    entry.write_bytes(damage(entry.read_text()).encode("utf-8", "surrogateescape"))
    with caplog.at_level("INFO", logger="mkdocs.hooks.notebook_cache"):
        assert nc.NotebookCache(convert, tmp_path / "cache")(notebook) == html
    assert convert.calls == 2
    assert str(entry) in caplog.text and "converting the notebook again" in caplog.text
    assert nc.read_entry(entry, entry.stem) == html, "the entry is whole again"


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(nc.json, "dump", fail)
    with pytest.raises(OSError, match="disk full"):
        nc.write_entry(tmp_path / "entry.json", "key", "<html>")
    assert list(tmp_path.iterdir()) == []


def test_readers_never_see_a_partial_entry(tmp_path):
    """Many writers and readers of one entry at once: every read is whole or absent."""
    path, html = tmp_path / "entry.json", "<p>" + "x" * 2_000_000 + "</p>"
    seen, stop = set(), threading.Event()

    def read():
        while not stop.is_set():
            seen.add(nc.read_entry(path, "key"))

    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in readers:
        thread.start()
    for _ in range(20):
        nc.write_entry(path, "key", html)
    stop.set()
    for thread in readers:
        thread.join()
    assert seen <= {None, html} and html in seen
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]


def test_only_unused_and_old_entries_are_evicted(tmp_path):
    used, old, recent = (tmp_path / f"{name}.json" for name in ("used", "old", "recent"))
    for path in (used, old, recent):
        path.write_text("{}")
    now = recent.stat().st_mtime
    for path in (used, old):
        os.utime(path, (now - nc.STALE_AFTER - 1, now - nc.STALE_AFTER - 1))
    assert nc.evict_stale(tmp_path, {used}, now) == [old]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recent.json", "used.json"]

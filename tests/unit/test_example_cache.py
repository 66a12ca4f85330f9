"""example_cache: examples, parameters, the cache key and when generated files are stale."""

import json

import jupytext
import pytest

from scripts import layout
from scripts import example_cache as cache

SOURCE = '''\
# %% [markdown]
# # Tiny example
#
# Writes a number.

# %% tags=["parameters"] smoke={"value": 1}
value = 3
rate = 0.5
sizes = [1, 2]

# %%
results = {"total": sum(range(value))}
'''


def notebook(source=SOURCE):
    return jupytext.reads(source, fmt="py:percent")


@pytest.fixture
def examples(tmp_path, monkeypatch):
    """An examples folder and a generated folder of the test's own."""
    folder, generated = tmp_path / "examples", tmp_path / "generated"
    folder.mkdir()
    monkeypatch.setattr(layout, "EXAMPLES", folder)
    monkeypatch.setattr(layout, "GENERATED", generated)
    return folder, generated


def publish(example, manifest_extra=None):
    """Generated files and a manifest that match ``example`` exactly, as a run leaves them."""
    folder = example.generated
    folder.mkdir(parents=True)
    (folder / "results.json").write_text('{"total": 3}\n')
    (folder / "charts").mkdir()
    (folder / "charts" / "line.svg").write_text("<svg/>")
    nb = example.read()
    manifest = {
        "cache_key": cache.cache_key(nb, cache.default_parameters(nb, example.name)),
        "versions": cache.library_versions(),
        "outputs": cache.output_hashes(folder),
        "source_hash": cache.source_hash(example),
        **(manifest_extra or {}),
    }
    (folder / cache.MANIFEST).write_text(json.dumps(manifest))
    return folder


def test_shown_is_relative_inside_the_repository_and_absolute_outside(tmp_path):
    assert cache.shown(cache.REPO / "docs" / "generated") == "docs/generated"
    assert cache.shown(tmp_path / "x") == str(tmp_path / "x")


def test_discover_finds_every_python_file_in_order(examples):
    folder, _ = examples
    for name in ("zeta", "alpha"):
        (folder / f"{name}.py").write_text(SOURCE)
    (folder / "notes.md").write_text("not an example")
    found = cache.discover()
    assert list(found) == ["alpha", "zeta"]
    assert found["alpha"].path == folder / "alpha.py"
    assert found["alpha"].notebook_name == "alpha.ipynb"
    assert found["alpha"].generated == layout.GENERATED / "alpha"


def test_unreadable_example_names_the_file(examples):
    folder, _ = examples
    path = folder / "broken.py"
    path.write_bytes(b"\xff\xfe not text")
    with pytest.raises(cache.ExampleError, match=r"example 'broken': .*broken\.py cannot be "
                                                 r"read as a percent-format notebook"):
        cache.Example("broken", path).read()


def test_manifest_is_none_before_the_first_run_then_read(examples):
    folder, _ = examples
    example = cache.Example("tiny", folder / "tiny.py")
    assert example.manifest() is None
    example.generated.mkdir(parents=True)
    (example.generated / cache.MANIFEST).write_text('{"seconds": 1.5}')
    assert example.manifest() == {"seconds": 1.5}


def test_truncated_manifest_names_the_file_and_the_remedy(examples):
    folder, _ = examples
    example = cache.Example("tiny", folder / "tiny.py")
    example.generated.mkdir(parents=True)
    (example.generated / cache.MANIFEST).write_text('{"seconds": 1.')
    with pytest.raises(cache.ExampleError) as err:
        example.manifest()
    message = str(err.value)
    assert message.startswith("example 'tiny': ")
    assert "tiny/manifest.json is not valid JSON" in message
    assert message.endswith("`python -m scripts.run_examples --force --only tiny`")


def test_sha256_is_the_hex_digest():
    assert cache.sha256(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_parameters_cell_is_found_by_its_tag():
    assert cache.parameters_cell(notebook(), "tiny") == 1


def test_missing_parameters_cell_says_how_to_add_one():
    source = SOURCE.replace(' tags=["parameters"] smoke={"value": 1}', "")
    with pytest.raises(cache.ExampleError, match=r"example 'tiny' has no cell tagged "
                                                 r"'parameters'; start one with `# %% tags="):
        cache.parameters_cell(notebook(source), "tiny")


def test_default_parameters_are_the_literal_assignments():
    assert cache.default_parameters(notebook(), "tiny") == {"value": 3, "rate": 0.5,
                                                            "sizes": [1, 2]}


@pytest.mark.parametrize("cell, message", [
    ("value = 3 * 1", "example 'tiny': parameter 'value' is not a literal (`3 * 1`); "
                      "write its value out"),
    ("value = int('3')", "parameter 'value' is not a literal (`int('3')`)"),
    ("value = 3\nprint(value)", "example 'tiny': parameters cell line 2 is not a plain "
                                "`name = value` assignment"),
    ("value = rate = 3", "parameters cell line 1 is not a plain"),
    ("value, rate = 3, 4", "parameters cell line 1 is not a plain"),
    ("value: int = 3", "parameters cell line 1 is not a plain"),
    ("import os", "parameters cell line 1 is not a plain"),
])
def test_parameters_cell_problems_name_the_example_and_line(cell, message):
    with pytest.raises(cache.ExampleError) as err:
        cache.default_parameters(notebook(SOURCE.replace("value = 3", cell)), "tiny")
    assert message in str(err.value)


def test_smoke_overrides_come_from_the_cell_metadata():
    assert cache.smoke_overrides(notebook(), "tiny") == {"value": 1}
    assert cache.smoke_overrides(notebook(SOURCE.replace(' smoke={"value": 1}', "")), "t") == {}


def test_smoke_override_of_an_unknown_parameter_is_refused():
    source = SOURCE.replace('smoke={"value": 1}', 'smoke={"value": 1, "epochs": 2, "b": 0}')
    with pytest.raises(cache.ExampleError, match=r"example 'tiny': smoke parameters "
                                                 r"\['b', 'epochs'\] are not in its parameters"):
        cache.smoke_overrides(notebook(source), "tiny")


class FakeMetadata:
    PackageNotFoundError = LookupError

    def __init__(self, installed):
        self.installed = installed

    def version(self, name):
        if name not in self.installed:
            raise LookupError(name)
        return self.installed[name]


def test_library_versions_take_the_first_installed_name_of_each_group(monkeypatch):
    monkeypatch.setattr(cache, "metadata", FakeMetadata(
        {"tensorflow-cpu": "2.1", "keras": "3.0", "numpy": "2.0"}))
    assert cache.library_versions() == {"tensorflow": "2.1", "keras": "3.0", "numpy": "2.0"}
    monkeypatch.setattr(cache, "metadata", FakeMetadata(
        {"tensorflow": "2.2", "tensorflow-cpu": "2.1"}))
    assert cache.library_versions() == {"tensorflow": "2.2"}


def test_library_versions_are_the_installed_ones():
    versions = cache.library_versions()
    assert set(versions) == {"tensorflow", "keras", "numpy", "matplotlib"}


@pytest.fixture
def chart_style(tmp_path, monkeypatch):
    style = tmp_path / "matplotlibrc"
    style.write_text("lines.linewidth: 2\n")
    monkeypatch.setattr(cache, "CHART_STYLE", style)
    return style


def test_cache_key_ignores_prose_but_not_code_parameters_style_or_versions(chart_style,
                                                                           monkeypatch):
    params = {"value": 3}
    key = cache.cache_key(notebook(), params)
    assert len(key) == 64
    assert cache.cache_key(notebook(SOURCE.replace("Writes a number", "Writes one")),
                           params) == key
    assert cache.cache_key(notebook(SOURCE.replace("sum(range", "max(range")), params) != key
    assert cache.cache_key(notebook(), {"value": 4}) != key
    chart_style.write_text("lines.linewidth: 3\n")
    styled = cache.cache_key(notebook(), params)
    assert styled != key
    monkeypatch.setattr(cache, "library_versions", lambda: {"keras": "0.0"})
    assert cache.cache_key(notebook(), params) != styled


def test_output_hashes_cover_every_file_but_the_manifest(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.svg").write_bytes(b"a")
    (tmp_path / "results.json").write_bytes(b"")
    (tmp_path / cache.MANIFEST).write_text("{}")
    assert cache.output_hashes(tmp_path) == {"results.json": cache.sha256(b""),
                                             "sub/a.svg": cache.sha256(b"a")}


def test_source_hash_is_the_file_hash(tmp_path):
    path = tmp_path / "tiny.py"
    path.write_text(SOURCE)
    assert cache.source_hash(cache.Example("tiny", path)) == cache.sha256(SOURCE.encode())


@pytest.fixture
def tiny(examples):
    folder, _ = examples
    (folder / "tiny.py").write_text(SOURCE)
    return cache.Example("tiny", folder / "tiny.py")


def test_fresh_example_is_not_stale(tiny):
    publish(tiny)
    assert cache.staleness(tiny) is None


def test_never_generated(tiny):
    assert cache.staleness(tiny) == "never generated"


def test_prose_change_only_needs_a_rerender(tiny):
    publish(tiny)
    tiny.path.write_text(SOURCE.replace("Writes a number", "Writes one number"))
    assert cache.staleness(tiny) == "prose"


@pytest.mark.parametrize("old, new", [("value = 3", "value = 4"), ("sum(range", "max(range")])
def test_code_or_parameter_change_needs_a_run(tiny, old, new):
    publish(tiny)
    tiny.path.write_text(SOURCE.replace(old, new))
    assert cache.staleness(tiny) == "code, parameters or chart style changed"


def test_library_upgrade_is_named_with_both_versions(tiny):
    publish(tiny, {"cache_key": "old", "versions": {"keras": "0.1"}})
    reason = cache.staleness(tiny)
    assert reason.startswith("library versions changed ({'keras': '0.1'} -> {")
    assert repr(cache.library_versions()) in reason


@pytest.mark.parametrize("change, named", [
    (lambda f: (f / "results.json").write_text('{"total": 99}\n'), "results.json"),
    (lambda f: (f / "charts" / "line.svg").unlink(), "charts/line.svg"),
    (lambda f: (f / "extra.md").write_text("x"), "extra.md"),
], ids=["edited", "deleted", "added"])
def test_generated_file_changed_by_hand_is_named(tiny, change, named):
    folder = publish(tiny)
    change(folder)
    assert cache.staleness(tiny) == f"generated files missing, added or edited by hand: {named}"

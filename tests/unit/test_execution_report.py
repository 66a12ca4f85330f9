"""execution_report: the "Execution report" page, from the manifests alone."""

import json

import pytest

from scripts import layout, number_style
from scripts import example_cache
from scripts import execution_report as report

V1 = {"tensorflow": "2.1", "keras": "3.0"}


@pytest.fixture
def generated(tmp_path, monkeypatch):
    folder = tmp_path / "generated"
    monkeypatch.setattr(layout, "GENERATED", folder)
    return folder


def example(name, run=True, **manifest):
    """An example; if ``run``, with a published manifest (defaults updated by ``manifest``)."""
    found = example_cache.Example(name, layout.EXAMPLES / f"{name}.py")
    if run:
        found.generated.mkdir(parents=True)
        (found.generated / example_cache.MANIFEST).write_text(json.dumps({
            "title": f"Title of {name}", "seconds": 10, "parameters": {}, "versions": V1,
            "source_hash": "0123456789abcdef", **manifest}))
    return found


@pytest.mark.parametrize("seconds, shown", [(0.4, "0 s"), (89.4, "89 s"), (90, "1.5 min"),
                                            (587, "9.8 min")])
def test_run_times_in_the_table_are_short(seconds, shown):
    assert number_style.duration_short(seconds) == shown


def test_versions_are_sorted_by_library():
    assert report._versions({"versions": V1}) == "keras 3.0, tensorflow 2.1"


@pytest.mark.parametrize("value, shown", [
    (3, "`n=3`"), ("mnist", "`n=mnist`"), ([1, 2, 3, 4, 5], "`n=[1, 2, 3, 4, 5]`"),
    ([0.5, 1, 2, 3, 4, 18.0], "`n=[0.5, …, 18.0]` (6 values)"),
    ([[1], [2], [3], [4], [5], [6], [7]], "`n=[…]` (7 values)"),
])
def test_parameter_shortens_only_long_lists(value, shown):
    assert report._parameter("n", value) == shown


def test_render_with_one_set_of_versions_states_it_once(generated):
    examples = {"a": example("a", seconds=100, parameters={"z": 1, "b": [1, 2]}),
                "b": example("b", seconds=20.4)}
    text = report.render(examples)
    lines = text.splitlines()
    assert lines[0] == "# Execution report"
    assert "All examples ran with keras 3.0, tensorflow 2.1." in lines
    assert "| Example | Run time | Parameters | Source (sha256) |" in lines
    assert "| :-- | --: | :-- | :-- |" in lines
    assert ("| [Title of a](a/a.ipynb) | 1.7 min | `b=[1, 2]`, `z=1` | `0123456789ab` |"
            in lines)
    assert "| [Title of b](b/b.ipynb) | 20 s |  | `0123456789ab` |" in lines
    assert "\n\nTotal run time of a full regeneration: 2.0 min.\n" in text


def test_render_with_differing_versions_gives_them_per_row(generated):
    examples = {"a": example("a"), "b": example("b", versions={"keras": "3.1"}),
                "c": example("c")}
    lines = report.render(examples).splitlines()
    assert not any(line.startswith("All examples ran") for line in lines)
    assert "| Example | Run time | Parameters | Library versions | Source (sha256) |" in lines
    assert "| :-- | --: | :-- | :-- | :-- |" in lines
    assert "| [Title of b](b/b.ipynb) | 10 s |  | keras 3.1 | `0123456789ab` |" in lines
    assert "| `c` | not generated yet | | |" not in lines
    assert "Total run time of a full regeneration: 30 s." in lines


@pytest.mark.parametrize("shared", [True, False])
def test_an_example_never_run_is_listed_as_such(generated, shared):
    examples = {"a": example("a"), "new": example("new", run=False)}
    if not shared:
        examples["b"] = example("b", versions={"keras": "9"})
    row = "| `new` | not generated yet | |" + ("" if shared else " |") + " |"
    lines = report.render(examples).splitlines()
    assert row in lines
    header = next(line for line in lines if line.startswith("| Example"))
    assert row.count("|") == header.count("|")
    assert "Total run time of a full regeneration: " + ("10 s." if shared else "20 s.") in lines


def test_write_then_is_current(generated):
    examples = {"a": example("a")}
    assert not report.is_current(examples)
    path = report.write(examples)
    assert path == generated / "report.md"
    assert path.read_text() == report.render(examples)
    assert oct(path.stat().st_mode & 0o777) == "0o644"
    assert report.is_current(examples)
    assert sorted(p.name for p in generated.iterdir()) == ["a", "report.md"]  # no temp file left
    assert not report.is_current({**examples, "b": example("b", seconds=5)})


def test_a_bad_manifest_leaves_no_report_behind(generated):
    examples = {"a": example("a")}
    (examples["a"].generated / example_cache.MANIFEST).write_text("{")
    with pytest.raises(example_cache.ExampleError, match="a/manifest.json is not valid JSON"):
        report.write(examples)
    assert sorted(p.name for p in generated.iterdir()) == ["a"]

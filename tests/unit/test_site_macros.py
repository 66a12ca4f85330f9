"""site_macros: the macros and filters pages use to quote generated results."""

from types import SimpleNamespace

import pytest

from scripts import layout, site_macros


class Env:
    """What mkdocs-macros hands ``define_env``: decorators, the configuration, the page."""

    def __init__(self, page_url="experiments/page/", repo_url=None):
        self.conf = {"repo_url": repo_url, "extra": {}}
        self.page = SimpleNamespace(url=page_url)
        self.macros, self.filters, self.variables = {}, {}, {}

    def macro(self, function):
        self.macros[function.__name__] = function
        return function

    def filter(self, function, name=None):
        self.filters[name or function.__name__] = function
        return function


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "GENERATED", tmp_path)
    (tmp_path / "tiny").mkdir()
    (tmp_path / "tiny" / "results.json").write_text('{"loss": {"mse": 0.25}}')
    (tmp_path / "tiny" / "manifest.json").write_text('{"seconds": 83.0}')
    (tmp_path / "tiny" / "tiny.ipynb").write_text("{}")
    env = Env()
    site_macros.define_env(env)
    return env


def test_define_env_registers_the_documented_macros_and_filters(env):
    assert set(env.macros) == {"manifest", "complete_example"}
    assert set(env.filters) == set(site_macros.NUMBER_FILTERS)


def test_manifest_reads_the_generated_json(env):
    assert env.macros["manifest"]("tiny") == {"seconds": 83.0}


def test_missing_generated_file_names_it_and_the_remedy(env):
    with pytest.raises(KeyError, match=r"no manifest.json for 'other': run `python -m "
                                       r"scripts.run_examples --only other`"):
        env.macros["manifest"]("other")


@pytest.mark.parametrize("meta, names", [({"facts": "tiny"}, {"f"}),
                                         ({"facts": {"a": "tiny", "b": "tiny"}}, {"a", "b"}),
                                         ({}, set())])
def test_a_page_gets_the_facts_its_front_matter_names_and_only_while_it_renders(env, meta, names,
                                                                               monkeypatch):
    monkeypatch.setattr(site_macros.facts_layer, "load", lambda example: {"example": example})
    env.page.meta = meta
    site_macros.on_pre_page_macros(env)
    assert {n for n in names if env.variables[n] == {"example": "tiny"}} == names
    site_macros.on_post_page_macros(env)
    assert not names & set(env.variables)


def test_complete_example_links_folds_the_source_and_says_how_to_regenerate(env):
    text = env.macros["complete_example"]("tiny")
    lines = text.splitlines()
    assert lines[0] == ('<p class="example-links"><a href="../../generated/tiny/tiny/tiny.ipynb"'
                        ' download>Download the notebook</a></p>')
    assert lines[2] == '??? example "The complete example: `examples/tiny.py`"'
    assert '    ```python title="examples/tiny.py"' in lines
    assert '    --8<-- "examples/tiny.py"' in lines
    assert lines[-1] == "`.venv/bin/python -m scripts.run_examples --only tiny`."


def test_complete_example_of_an_example_never_run(env):
    with pytest.raises(KeyError, match="no notebook for 'other': run `python -m scripts.run_examples`"):
        env.macros["complete_example"]("other")


@pytest.mark.parametrize("seconds, text", [(40, "about 40 seconds"), (0.4, "about 0 seconds"),
                                           (89.4, "about 89 seconds"), (90, "about 1.5 minutes"),
                                           (83.0 * 10, "about 13.8 minutes")])
def test_duration(env, seconds, text):
    assert env.filters["duration"](seconds) == text


@pytest.mark.parametrize("value, digits, text", [(0.9876, 1, "98.8\u00a0%"), (0.9876, 2, "98.76\u00a0%"),
                                                 (1, 1, "100.0\u00a0%"), (0.00049, 0, "0\u00a0%"),
                                                 (-0.05, 1, "-5.0\u00a0%")])
def test_pct(env, value, digits, text):
    assert env.filters["pct"](value, digits) == text


def test_pct_defaults_to_one_digit(env):
    assert env.filters["pct"](0.5) == "50.0\u00a0%"


@pytest.mark.parametrize("filter_name, args, text", [
    ("loss", (0.090466,), "0.090"), ("loss", (0.2381, 4), "0.2381"), ("fixed", (2.5, 2), "2.50"),
    ("fixed", (-0.0001, 2), "0.00"), ("points", (0.0403,), "4.0"), ("count", (121605,), "121,605"),
])
def test_number_filters_keep_the_digits_they_are_asked_for(env, filter_name, args, text):
    assert env.filters[filter_name](*args) == text

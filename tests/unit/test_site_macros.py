"""site_macros: the macros and filters pages use to quote generated results."""

from types import SimpleNamespace

import pytest

import site_macros


class Env:
    """What mkdocs-macros hands ``define_env``: decorators, the configuration, the page."""

    def __init__(self, page_url="experiments/page/", repo_url=None):
        self.conf = {"repo_url": repo_url, "extra": {}}
        self.page = SimpleNamespace(url=page_url)
        self.macros, self.filters, self.variables = {}, {}, {}

    def macro(self, function):
        self.macros[function.__name__] = function
        return function

    def filter(self, function):
        self.filters[function.__name__] = function
        return function


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setattr(site_macros, "GENERATED", tmp_path)
    (tmp_path / "tiny").mkdir()
    (tmp_path / "tiny" / "results.json").write_text('{"loss": {"mse": 0.25}}')
    (tmp_path / "tiny" / "manifest.json").write_text('{"seconds": 83.0}')
    (tmp_path / "tiny" / "tiny.ipynb").write_text("{}")
    env = Env()
    site_macros.define_env(env)
    return env


def test_define_env_registers_the_documented_macros_and_filters(env):
    assert set(env.macros) == {"results", "manifest", "complete_example",
                               "accuracy_target_verdict"}
    assert set(env.filters) == {"duration", "pct"}


def test_results_and_manifest_read_the_generated_json(env):
    assert env.macros["results"]("tiny") == {"loss": {"mse": 0.25}}
    assert env.macros["manifest"]("tiny") == {"seconds": 83.0}


@pytest.mark.parametrize("macro, filename", [("results", "results.json"),
                                             ("manifest", "manifest.json")])
def test_missing_generated_file_names_it_and_the_remedy(env, macro, filename):
    with pytest.raises(KeyError, match=rf"no {filename} for 'other': run scripts/run_examples.py"):
        env.macros[macro]("other")


def test_complete_example_links_folds_the_source_and_says_how_to_regenerate(env):
    text = env.macros["complete_example"]("tiny")
    lines = text.splitlines()
    assert lines[0] == ('<p class="example-links"><a href="../../generated/tiny/tiny/tiny.ipynb"'
                        ' download>Download the notebook</a></p>')
    assert lines[2] == '??? example "The complete example: `examples/tiny.py`"'
    assert '    ```python title="examples/tiny.py"' in lines
    assert '    --8<-- "examples/tiny.py"' in lines
    assert lines[-1] == "`.venv/bin/python scripts/run_examples.py --only tiny`."


def test_complete_example_of_an_example_never_run(env):
    with pytest.raises(KeyError, match="no notebook for 'other': run scripts/run_examples.py"):
        env.macros["complete_example"]("other")


@pytest.mark.parametrize("seconds, text", [(40, "about 40 seconds"), (0.4, "about 0 seconds"),
                                           (89.4, "about 89 seconds"), (90, "about 1.5 minutes"),
                                           (83.0 * 10, "about 13.8 minutes")])
def test_duration(env, seconds, text):
    assert env.filters["duration"](seconds) == text


@pytest.mark.parametrize("value, digits, text", [(0.9876, 1, "98.8 %"), (0.9876, 2, "98.76 %"),
                                                 (1, 1, "100.0 %"), (0.00049, 0, "0 %"),
                                                 (-0.05, 1, "-5.0 %")])
def test_pct(env, value, digits, text):
    assert env.filters["pct"](value, digits) == text


def test_pct_defaults_to_one_digit(env):
    assert env.filters["pct"](0.5) == "50.0 %"


TARGETS = {"val_accuracy": 0.85, "train_accuracy": 0.92}


@pytest.mark.parametrize("val, train, text", [
    (0.9198, 0.960333, "misses the target: training 96.0 % (evaluated) is not below 92 %"),
    (0.84, 0.93, "misses the target: validation 84.0 % is below 85 % and "
                 "training 93.0 % (evaluated) is not below 92 %"),
    (0.85, 0.9199, "meets the target: validation 85.0 %, training 92.0 % (evaluated)"),
    (0.90, 0.92, "misses the target: training 92.0 % (evaluated) is not below 92 %"),
])
def test_accuracy_target_verdict_names_each_target_missed(env, val, train, text):
    model = {"val_accuracy": val, "train_accuracy": train}
    assert env.macros["accuracy_target_verdict"](model, TARGETS) == text

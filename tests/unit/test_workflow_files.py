"""The GitHub workflow files are valid workflows: check-jsonschema with the workflow schema
it ships (no download), the linter GitHub's own schema store provides."""

from pathlib import Path

import pytest
from check_jsonschema.cli.main_command import main
from click.testing import CliRunner

WORKFLOWS = sorted((Path(__file__).resolve().parents[2] / ".github" / "workflows").glob("*.yml"))


def lint(*files: Path):
    return CliRunner().invoke(
        main, ["--builtin-schema", "vendor.github-workflows", *map(str, files)])


def test_there_are_workflows():
    assert {path.name for path in WORKFLOWS} >= {"test.yml", "deploy.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_file_is_valid(workflow):
    result = lint(workflow)
    assert result.exit_code == 0, result.output


def test_the_linter_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    steps:\n      - run: make test\n")
    result = lint(broken)
    assert result.exit_code == 1
    assert "runs-on" in result.output

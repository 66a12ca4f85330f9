"""The GitHub workflow files are valid workflows: check-jsonschema with the workflow schema
it ships (no download), the linter GitHub's own schema store provides; and they pass
zizmor's security audit (actions pinned to commits, least token permissions)."""

import subprocess
import sys
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


def zizmor(*paths: Path):
    """zizmor's security audit (pinned actions, token permissions, credential persistence),
    offline: it needs no GitHub API for these checks. The auditor persona adds its
    lower-confidence findings too (unnamed jobs, unexplained permissions, no concurrency limit)."""
    binary = Path(sys.executable).with_name("zizmor")
    return subprocess.run([str(binary), "--offline", "--no-progress", "--persona=auditor",
                           *map(str, paths)],
                          capture_output=True, text=True, timeout=60)


def test_workflows_pass_the_security_audit():
    result = zizmor(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_security_audit_rejects_an_action_pinned_to_a_tag(tmp_path):
    risky = tmp_path / "risky.yml"
    risky.write_text("on: push\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                     "    steps:\n      - uses: someone/action@v1\n")
    result = zizmor(risky)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout + result.stderr


def test_the_security_audit_rejects_an_unnamed_job(tmp_path):
    unnamed = tmp_path / "unnamed.yml"
    unnamed.write_text("name: x\non: push\npermissions: {}\njobs:\n  test:\n"
                       "    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n")
    result = zizmor(unnamed)
    assert result.returncode != 0
    assert "anonymous-definition" in result.stdout + result.stderr

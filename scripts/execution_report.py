"""The "Execution report" page, written from the examples' manifests and the version matrix
(``docs/generated/versions.json``)."""

import os
import tempfile
from pathlib import Path

from scripts import layout, number_style, version_report
from scripts.example_cache import Example


def _versions(manifest: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(manifest["versions"].items()))


def _parameter(name: str, value) -> str:
    """One parameter as code; a long list shortened to its ends so the table fits the page."""
    if isinstance(value, list) and len(value) > 5:
        ends = "…" if isinstance(value[0], list) else f"{value[0]}, …, {value[-1]}"
        return f"`{name}=[{ends}]` ({len(value)} values)"
    return f"`{name}={value}`"


def render(examples: dict[str, Example]) -> str:
    manifests = {name: e.manifest() for name, e in examples.items()}
    versions = {_versions(m) for m in manifests.values() if m}
    shared = versions.pop() if len(versions) == 1 else None
    lines = [
        "# Execution report",
        "",
        "Every chart, table and number in this handbook's experiments was produced by running",
        "the examples below with `python -m scripts.run_examples`. This page is generated from",
        "the manifest each run writes next to its outputs: do not edit it by hand.",
        "",
    ]
    if shared:
        lines += [f"All examples ran with {shared}.", ""]
    header = "| Example | Run time | Parameters |" + ("" if shared else " Library versions |")
    lines += [
        header + " Source (sha256) |",
        "| :-- | --: | :-- |" + ("" if shared else " :-- |") + " :-- |",
    ]
    for name, manifest in manifests.items():
        if manifest is None:
            lines.append(f"| `{name}` | not generated yet | |" + ("" if shared else " |") + " |")
            continue
        params = ", ".join(_parameter(k, v) for k, v in sorted(manifest["parameters"].items()))
        link = f"[{manifest['title']}]({name}/{layout.notebook_name(name)})"
        versions_cell = "" if shared else f" {_versions(manifest)} |"
        lines.append(
            f"| {link} | {number_style.duration_short(manifest['seconds'])} | {params} |{versions_cell}"
            f" `{manifest['source_hash'][:12]}` |"
        )
    total = sum(m["seconds"] for m in manifests.values() if m)
    lines += ["", f"Total run time of a full regeneration: {number_style.duration_short(total)}.", ""]
    lines += version_report.matrix_markdown(version_report.load())
    return "\n".join(lines)


def write(examples: dict[str, Example]) -> Path:
    """Write the report atomically (temp file, then rename)."""
    text = render(examples)  # before any file is made: a bad manifest leaves nothing behind
    report = layout.report_path()
    report.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".report-", dir=report.parent)
    with os.fdopen(handle, "w") as out:
        out.write(text)
    os.chmod(temp, 0o644)
    Path(temp).replace(report)
    return report


def is_current(examples: dict[str, Example]) -> bool:
    report = layout.report_path()
    return report.exists() and report.read_text() == render(examples)

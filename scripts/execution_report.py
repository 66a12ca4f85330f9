"""The "Execution report" page, written from the examples' manifests alone."""

import os
import tempfile
from pathlib import Path

from example_cache import GENERATED, Example

REPORT = GENERATED / "report.md"


def _minutes(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.1f} min"


def render(examples: dict[str, Example]) -> str:
    lines = [
        "# Execution report",
        "",
        "Every chart, table and number in this handbook's experiments was produced by running",
        "the examples below with `python scripts/run_examples.py`. This page is generated from",
        "the manifest each run writes next to its outputs: do not edit it by hand.",
        "",
        "| Example | Run time | Parameters | Library versions | Source (sha256) |",
        "| :-- | --: | :-- | :-- | :-- |",
    ]
    for name, example in examples.items():
        manifest = example.manifest()
        if manifest is None:
            lines.append(f"| `{name}` | not generated yet | | | |")
            continue
        params = ", ".join(f"`{k}={v}`" for k, v in sorted(manifest["parameters"].items()))
        versions = ", ".join(f"{k} {v}" for k, v in sorted(manifest["versions"].items()))
        link = f"[{manifest['title']}]({name}/{example.notebook_name})"
        lines.append(
            f"| {link} | {_minutes(manifest['seconds'])} | {params} | {versions} "
            f"| `{manifest['source_hash'][:12]}` |"
        )
    total = sum((e.manifest() or {}).get("seconds", 0) for e in examples.values())
    lines += ["", f"Total run time of a full regeneration: {_minutes(total)}.", ""]
    return "\n".join(lines)


def write(examples: dict[str, Example]) -> Path:
    """Write the report atomically (temp file, then rename)."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".report-", dir=REPORT.parent)
    with os.fdopen(handle, "w") as out:
        out.write(render(examples))
    os.chmod(temp, 0o644)
    Path(temp).replace(REPORT)
    return REPORT


def is_current(examples: dict[str, Example]) -> bool:
    return REPORT.exists() and REPORT.read_text() == render(examples)

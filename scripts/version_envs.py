#!/usr/bin/env python3
"""The TensorFlow/Keras pairs the handbook is verified on, and their environments.

Three columns: ``oldest`` (the oldest supported pair), ``pinned`` (requirements.txt, the
main ``.venv``) and ``newest`` (the newest releases when ``constraints/newest.in`` was last
moved). ``constraints/NAME.in`` says which TensorFlow and Keras a column has;
``constraints/NAME.txt`` locks everything else beside them (made by ``lock``). A column's
environment is ``.venv-NAME/``, made on demand from those files.

  python -m scripts.version_envs lock oldest   # resolve requirements.in beside oldest.in
  python -m scripts.version_envs env oldest    # make .venv-oldest/ if missing or out of date
"""

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONSTRAINTS = REPO / "constraints"
REQUIREMENTS_IN = REPO / "requirements.in"
REQUIREMENTS_TXT = REPO / "requirements.txt"
PIN = re.compile(r"^(tensorflow-cpu|tensorflow|keras)==([\w.]+)", re.M)
LOCK_HEADER = "# inputs sha256: "


class VersionsError(Exception):
    """A problem the user can fix; its message says what and how."""


@dataclass(frozen=True)
class Column:
    name: str
    label: str

    @property
    def pins_file(self) -> Path:
        return REQUIREMENTS_TXT if self.name == "pinned" else CONSTRAINTS / f"{self.name}.in"

    @property
    def lock(self) -> Path | None:
        return None if self.name == "pinned" else CONSTRAINTS / f"{self.name}.txt"

    @property
    def env(self) -> Path:
        return REPO / (".venv" if self.name == "pinned" else f".venv-{self.name}")

    @property
    def python(self) -> Path:
        return self.env / "bin" / "python"

    def pins(self) -> dict[str, str]:
        """{"tensorflow": "2.16.2", "keras": "3.3.3"} as the column's file states them."""
        found = {}
        for name, version in PIN.findall(self.pins_file.read_text()):
            found.setdefault("keras" if name == "keras" else "tensorflow", version)
        if found.keys() != {"tensorflow", "keras"}:
            raise VersionsError(f"{self.pins_file.relative_to(REPO)} pins no exact "
                                "tensorflow/keras version; write e.g. keras==3.3.3")
        return found


COLUMNS = {c.name: c for c in (
    Column("oldest", "oldest supported"),
    Column("pinned", "pinned"),
    Column("newest", "newest release"),
)}


def column(name: str) -> Column:
    if name not in COLUMNS:
        raise VersionsError(f"unknown version column {name!r}; valid: {', '.join(COLUMNS)}")
    return COLUMNS[name]


def inputs_hash(col: Column) -> str:
    """What a lock was resolved from: requirements.in and the column's pins."""
    digest = hashlib.sha256(REQUIREMENTS_IN.read_bytes() + col.pins_file.read_bytes())
    return digest.hexdigest()


def lock_problem(col: Column) -> str | None:
    """None when the column's lock was made from the current inputs; else why not."""
    if col.lock is None:
        return None
    shown = col.lock.relative_to(REPO)
    if not col.lock.exists():
        return f"{shown} is missing: run `python -m scripts.version_envs lock {col.name}`"
    if f"{LOCK_HEADER}{inputs_hash(col)}" not in col.lock.read_text():
        return (f"{shown} was locked from another requirements.in or {col.name}.in: run "
                f"`python -m scripts.version_envs lock {col.name}`")
    return None


def pip_install(python: Path, *args: str) -> None:
    """Install into `python`'s environment with uv when the main .venv has it, else with pip."""
    uv = Path(sys.executable).with_name("uv")
    installer = ([str(uv), "pip", "install", "--python", str(python)] if uv.exists() else
                 [str(python), "-m", "pip", "install", "--disable-pip-version-check"])
    result = subprocess.run([*installer, "--quiet", *args], capture_output=True, text=True)
    if result.returncode:
        raise VersionsError(f"pip could not install the environment ({result.stderr.strip()[-600:]})")


def make_venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(path)], check=True)
    return path / "bin" / "python"


def lock(col: Column) -> Path:
    """Resolve requirements.in beside the column's pins in a scratch venv; freeze it."""
    if col.lock is None:
        raise VersionsError("the pinned column is locked by requirements.txt (see requirements.in)")
    with tempfile.TemporaryDirectory(prefix="handbook-lock-") as scratch:
        python = make_venv(Path(scratch) / "venv")
        pip_install(python, "-r", str(REQUIREMENTS_IN), "-c", str(col.pins_file))
        frozen = subprocess.run([str(python), "-m", "pip", "freeze", "--all"],
                                capture_output=True, text=True, check=True).stdout
    frozen = "".join(line + "\n" for line in frozen.splitlines()
                     if not line.startswith(("pip==", "setuptools==", "wheel==")))
    col.lock.write_text(
        f"# The {col.label} column, locked for Linux x86_64 and Python "
        f"{sys.version_info.major}.{sys.version_info.minor} (CI's platform).\n"
        f"# Made by `python -m scripts.version_envs lock {col.name}`; do not edit by hand.\n"
        f"{LOCK_HEADER}{inputs_hash(col)}\n" + frozen)
    return col.lock


def ensure_env(col: Column) -> float | None:
    """Make the column's environment if it is missing or out of date.

    Returns the seconds the install took, or None when the environment was already there.
    """
    if col.lock is None:
        if not col.python.exists():
            raise VersionsError("no .venv: run `make test` or `make serve` once to make it")
        return None
    problem = lock_problem(col)
    if problem:
        raise VersionsError(problem)
    stamp = col.env / ".installed"
    wanted = inputs_hash(col) + hashlib.sha256(col.lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return None
    start = time.monotonic()
    try:
        python = make_venv(col.env)
        pip_install(python, "-r", str(REQUIREMENTS_IN), "-c", str(col.pins_file),
                    "-c", str(col.lock))
    except BaseException:
        shutil.rmtree(col.env, ignore_errors=True)  # a half-made environment helps no one
        raise
    stamp.write_text(wanted)
    return round(time.monotonic() - start, 1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["lock", "env"])
    parser.add_argument("columns", nargs="+", metavar="COLUMN", help=", ".join(COLUMNS))
    args = parser.parse_args(argv)
    try:
        for col in map(column, args.columns):
            if args.action == "lock":
                print(f"{col.name}: locked in {lock(col).relative_to(REPO)}")
            else:
                seconds = ensure_env(col)
                where = col.env.relative_to(REPO)
                print(f"{col.name}: {where} " +
                      ("up to date" if seconds is None else f"installed in {seconds:.0f} s"))
    except VersionsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

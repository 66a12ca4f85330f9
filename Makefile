# Two commands: `make serve` (browse the handbook) and `make test` (run every check).
# Both create the environment in .venv/ first if it is missing or out of date.
# `make audit` (Lighthouse on every page) and `make pdf` (the handbook as one PDF) also need
# Chromium and, for the audit, Node.js (npm ci installs the pinned Lighthouse and axe-core).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
PORT ?= 8000

.PHONY: serve test test-unit test-versions versions-env build examples check audit pdf clean

# PORT chooses another port: make serve PORT=8001
serve: $(STAMP)
	@$(PY) -m scripts.serve_site --port $(PORT)

# axe-core (npm) for the accessibility test, installed when npm is there; without it that
# test is reported as skipped.
test: $(STAMP) $(if $(shell command -v npm),node_modules/.installed)
	$(PY) -m pytest

# The fast tier alone (in-process, no kernel, no site build), for the edit loop.
test-unit: $(STAMP)
	$(PY) -m pytest tests/unit -n 0

# The pages' code blocks and every example's smoke run on each TensorFlow/Keras pair
# (constraints/: oldest supported, pinned, newest release), each in its own .venv-NAME/ made
# on demand; recorded in docs/generated/versions.json and the execution report, which every
# page's "Verified on" line reads. VERSIONS narrows it, e.g. `make test-versions VERSIONS=oldest`.
VERSIONS ?= oldest pinned newest
test-versions: $(STAMP)
	$(PY) -m scripts.version_matrix run $(VERSIONS)

# Just the environments, e.g. `make versions-env VERSIONS=oldest` makes .venv-oldest/.
versions-env: $(STAMP)
	$(PY) -m scripts.version_envs env $(filter-out pinned,$(VERSIONS))

build: $(STAMP)
	$(PY) -m mkdocs build --strict

examples: $(STAMP)
	$(PY) -m scripts.run_examples

check: $(STAMP)
	$(PY) -m scripts.run_examples --check

# Lighthouse (mobile defaults) on every page: the four scores and the weight, in
# build/audit.md; fails below the goals. AUDIT_ARGS narrows it, e.g. AUDIT_ARGS="--only traces/".
audit: $(STAMP) node_modules/.installed
	$(PY) -m mkdocs build --strict -d build/audit-site
	$(PY) -m scripts.audit_pages build/audit-site --table build/audit.md --json build/audit.json $(AUDIT_ARGS)

# The whole handbook as site/handbook.pdf (linked from the home page), from the print page.
pdf: $(STAMP)
	$(PY) -m mkdocs build --strict
	$(PY) -m scripts.make_pdf site

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# uv installs the locked requirements several times faster than pip (it is only the installer:
# requirements.txt is the same either way, and `pip install -r requirements.txt` works too).
UV_VERSION := 0.13.9
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements.txt
	$(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps --editable .
	touch $(STAMP)

clean:
	rm -rf site build .cache .pytest_cache node_modules .venv-*/

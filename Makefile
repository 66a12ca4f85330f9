# Two commands: `make serve` (browse the handbook) and `make test` (run every check).
# Both create the environment in .venv/ first if it is missing or out of date.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build examples check clean

serve: $(STAMP)
	$(PY) -m mkdocs serve -a 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest

build: $(STAMP)
	$(PY) -m mkdocs build --strict

examples: $(STAMP)
	$(PY) scripts/run_examples.py

check: $(STAMP)
	$(PY) scripts/run_examples.py --check

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

clean:
	rm -rf site build .cache .pytest_cache

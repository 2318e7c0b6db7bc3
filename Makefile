# storyline tasks.  `make demo` and `make test` are all a fresh machine needs.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB := demo.db

.PHONY: help install demo test test-all test-browser lint fix typecheck bench clean

help:
	@echo "make demo       set up .venv, ingest the example corpus into $(DEMO_DB), print its main story timeline"
	@echo "make test       set up .venv and run the test suite"
	@echo "make test-browser  install Debian chromium if missing, run the browser tests"
	@echo "make lint       ruff check, ruff format --check, mypy --strict"
	@echo "make fix        ruff check --fix and ruff format"
	@echo "make bench      run every benchmark (needs ../shared/data)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,web]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/storyline ingest examples/corpus --db $(DEMO_DB)
	@echo
	$(BIN)/storyline stats --db $(DEMO_DB)
	@echo
	$(BIN)/storyline articles --db $(DEMO_DB)
	@echo
	$(BIN)/storyline stories --db $(DEMO_DB) --sort size --limit 5
	@echo
	$(BIN)/storyline timeline --db $(DEMO_DB) --format markdown \
		$$($(BIN)/storyline stories --db $(DEMO_DB) --sort size --limit 1 | cut -d' ' -f1)
	@echo
	@echo "Mention links of the 2014 Sochi report (each sentence -> the event -> its coverage):"
	$(BIN)/storyline links --db $(DEMO_DB) \
		$$($(BIN)/storyline search "Putin visit Japan autumn Sochi" --limit 1 --db $(DEMO_DB) | head -1 | cut -d' ' -f1)

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-browser: $(STAMP)
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)
	$(BIN)/python -m pytest -q -m browser tests/web -rsx

test-all: $(STAMP)
	$(BIN)/python -m pytest -q -m ""

lint: $(STAMP)
	$(BIN)/ruff check storyline tests benchmarks examples
	$(BIN)/ruff format --check storyline tests benchmarks examples
	$(BIN)/mypy

typecheck: $(STAMP)
	$(BIN)/mypy

fix: $(STAMP)
	$(BIN)/ruff check --fix storyline tests benchmarks examples
	$(BIN)/ruff format storyline tests benchmarks examples

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

# Casework: `make run` serves the demo, `make test` runs the whole suite. Both set up everything.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: run test lint assets lock bench clean help

help:
	@echo "make run     serve Casework with demo data on http://127.0.0.1:$(PORT)"
	@echo "make test    run the whole suite (SQLite, then PostgreSQL when a server can start)"
	@echo "make assets  rebuild the committed front-end assets with npm"
	@echo "make lock    re-lock the Python dependencies"
	@echo "make bench   run the benchmarks in bench/"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Casework needs Python 3.11; found " + sys.version)'
	$(PYTHON) -m venv $(VENV)

# Stamps record which lock file is installed, so a second run skips pip entirely.
$(VENV)/.base-installed: requirements/base.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/base.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.dev-installed: requirements/dev.lock $(VENV)/.base-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	@touch $@

run: $(VENV)/.base-installed
	$(BIN)/casework bootstrap --demo
	$(BIN)/casework serve --port $(PORT)

test: $(VENV)/.dev-installed
	bash scripts/test.sh

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports

assets:
	bash frontend/build.sh

lock: $(VENV)/.dev-installed
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o base.lock base.in
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o dev.lock dev.in

bench: $(VENV)/.dev-installed
	for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var/casework.sqlite3* var/demo-credentials.txt

# habeas — developer and user entry points. Only python3 (3.11+), pip and make are assumed.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DEMO_DB ?= sqlite:///demo.db

.PHONY: demo test lint bench serve clean

$(BIN)/habeas: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(BIN)/habeas
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

## demo: build the fictional demo database, then count and list as of 2015-12-28
demo: $(BIN)/habeas
	$(BIN)/habeas --db $(DEMO_DB) demo
	@echo "Political prisoners on 2015-12-28 (fictional demo data):"
	$(BIN)/habeas --db $(DEMO_DB) count --as-of 2015-12-28
	$(BIN)/habeas --db $(DEMO_DB) list --as-of 2015-12-28

## lint: ruff (lint + format check) and mypy --strict
lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## test: lint, then every test (SQLite, PostgreSQL started by the tests or .ci/run)
test: lint
	$(BIN)/pytest -q

$(VENV)/.bench-installed: pyproject.toml $(VENV)/.test-installed
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $@

## bench: benchmarks print their figures (not asserted)
bench: $(VENV)/.bench-installed
	$(BIN)/python bench/registry.py
	$(BIN)/python bench/names.py
	$(BIN)/python bench/link.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/screen.py
	$(BIN)/python bench/news.py

## serve: the web app on the demo database, http://127.0.0.1:8000/
serve: $(BIN)/habeas
	$(BIN)/habeas --db $(DEMO_DB) serve

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache .mypy_cache .ruff_cache

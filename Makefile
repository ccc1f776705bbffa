# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f actorgraph.duckdb actorgraph.duckdb.wal actorgraph.duckdb.lock
	$(BIN)/actorgraph ingest examples --db actorgraph.duckdb
	$(BIN)/actorgraph summary --db actorgraph.duckdb
	$(BIN)/actorgraph coalitions --db actorgraph.duckdb

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck unit

eval: $(STAMP)
	$(BIN)/actorgraph eval

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) actorgraph.duckdb actorgraph.duckdb.lock .pytest_cache .mypy_cache .ruff_cache

# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit eval bench clean
.PHONY: web browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The web UI's libraries (d3, topojson-client, world-atlas) from the npm registry, pinned in
# web/package-lock.json, copied into the package's static folder (no build step).
VENDOR := src/actorgraph/web/static/vendor
NPM_LIBS := web/node_modules

$(NPM_LIBS): web/package.json web/package-lock.json
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  echo "make web: Node.js and npm are required to fetch the web UI's libraries (d3, topojson-client," >&2; \
	  echo "world-atlas) from the npm registry; install them (e.g. apt-get install nodejs npm) and re-run." >&2; \
	  exit 1; }
	npm ci --prefix web --no-audit --no-fund || { rm -rf $(NPM_LIBS); exit 1; }
	touch $(NPM_LIBS)

web: $(NPM_LIBS)
	mkdir -p $(VENDOR)
	cp $(NPM_LIBS)/d3/dist/d3.min.js $(VENDOR)/d3.min.js
	cp $(NPM_LIBS)/d3/LICENSE $(VENDOR)/d3.LICENSE
	cp $(NPM_LIBS)/topojson-client/dist/topojson-client.min.js $(VENDOR)/topojson-client.min.js
	cp $(NPM_LIBS)/topojson-client/LICENSE $(VENDOR)/topojson-client.LICENSE
	cp $(NPM_LIBS)/world-atlas/countries-110m.json $(VENDOR)/countries-110m.json
	cp $(NPM_LIBS)/world-atlas/LICENSE $(VENDOR)/world-atlas.LICENSE

# Debian's Chromium for the browser tests (tests/web/test_browser.py, driven by Playwright with
# executable_path). Installed when missing and we are root; otherwise those tests skip, saying so.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing Debian's chromium for the browser tests" >&2; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "make: no chromium and not root: the browser tests will skip (apt-get install chromium)" >&2; \
	  fi; }

demo: $(STAMP) web
	rm -rf actorgraph.duckdb actorgraph.duckdb.wal actorgraph.duckdb.lock actorgraph.duckdb.readers
	$(BIN)/actorgraph ingest examples --db actorgraph.duckdb
	$(BIN)/actorgraph summary --db actorgraph.duckdb
	$(BIN)/actorgraph coalitions --db actorgraph.duckdb
	@echo
	@echo "See it in the browser: $(BIN)/actorgraph serve --db actorgraph.duckdb"
	@echo "then open http://127.0.0.1:8000/ (network, actors, dyad timelines, map, events, documents)."

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: web browser lint typecheck unit

eval: $(STAMP)
	$(BIN)/actorgraph eval

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) actorgraph.duckdb actorgraph.duckdb.lock .pytest_cache .mypy_cache .ruff_cache
	rm -rf $(VENDOR) $(NPM_LIBS)

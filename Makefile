# reactionmap: `make run` starts the dashboard, `make serve` serves it behind nginx,
# `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
CHROMIUM := /usr/bin/chromium
SERVE_PORT ?= 8080
PROCESSES ?= $(shell nproc 2>/dev/null || echo 1)
SERVE_ARGS ?=
# pytest-xdist workers for `make test`: one per core, at most 4 (each runs its own Streamlit
# server and Chromium; a test file stays on one worker, with its module's fixtures).
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)
BROTLI_MODULE := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so

.PHONY: run serve test unit lint format bench boundaries vendor chromium nginx wrk static-times clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# Git does not keep file times: give each served file the time of its last commit, so the
# Last-Modified header (and the browser's heuristic caching) reflects the content's real age.
static-times:
	@git rev-parse --is-inside-work-tree >/dev/null 2>&1 && \
	  git ls-files static | while read -r f; do \
	    t=$$(git log -1 --format=%ct -- "$$f"); [ -n "$$t" ] && touch -d "@$$t" "$$f"; \
	  done || true

run: $(BIN)/.installed static-times
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.address localhost

# nginx in front of PROCESSES Streamlit processes on SERVE_PORT (scripts/serve.py), the frontend
# compressed ahead of time into build/web/, every event published under /published/<id>/;
# SERVE_ARGS go to the launcher (--cert/--key: HTTPS and HTTP/2).
serve: $(BIN)/.installed nginx static-times
	@mkdir -p build/published
	@for id in $$($(BIN)/reactionmap list --format csv 2>/dev/null | tail -n +2 | cut -d, -f1); do \
	  $(BIN)/reactionmap publish "$$id" --out "build/published/$$id" >/dev/null || true; \
	done
	$(BIN)/python scripts/serve.py --port $(SERVE_PORT) --processes $(PROCESSES) $(SERVE_ARGS)

# Debian's nginx (and its brotli_static module) for `make serve` and its test, as chromium below.
nginx:
	@if [ ! -x /usr/sbin/nginx ] || [ ! -e $(BROTLI_MODULE) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      nginx-light libnginx-mod-http-brotli-static >/dev/null; \
	  else \
	    echo "nginx is missing: run 'sudo apt-get install nginx-light libnginx-mod-http-brotli-static' (serve tests will skip)"; \
	  fi; \
	fi

# wrk, the HTTP load generator the bench's published-pages figure uses (else a Python client).
wrk:
	@if [ ! -x /usr/bin/wrk ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "wrk is missing: run 'sudo apt-get install wrk' (the bench falls back to a Python client)"; \
	  fi; \
	fi

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium is missing: run 'sudo apt-get install chromium' (browser tests will skip)"; \
	  fi; \
	fi

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(BIN)/.installed chromium nginx static-times lint
	$(BIN)/python -m pytest -q --durations=25 -n $(TEST_WORKERS) --dist loadfile

unit: $(BIN)/.installed
	$(BIN)/python -m pytest -q -m "not browser"

bench: $(BIN)/.installed chromium nginx wrk static-times
	$(BIN)/python bench/draft.py
	$(BIN)/python bench/first_runs.py --from 44
	$(BIN)/python bench/run.py
	$(BIN)/python bench/un_import.py

# Rebuild data/boundaries/ and static/ from Natural Earth via npm's world-atlas.
boundaries: $(BIN)/.installed
	npm install --prefix scripts --no-audit --no-fund
	$(BIN)/python scripts/build_boundaries.py

# Copy the pinned plotly.js geo bundle and topojson-client into static/vendor/ (published pages),
# and axe-core into tests/vendor/ (the accessibility tests).
vendor: $(BIN)/.installed
	npm install --prefix scripts --no-audit --no-fund
	$(BIN)/python scripts/vendor_js.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build

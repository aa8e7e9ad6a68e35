# Open NRM. `make` or `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
PG_URL ?= postgres://postgres@127.0.0.1:5432
# The suite runs on every core (pytest-xdist); a test file runs whole on one worker. WORKERS=0 runs it in one process.
WORKERS ?= auto
PYTEST_PARALLEL := -n $(WORKERS) --dist loadfile

.DEFAULT_GOAL := help
CHROMIUM ?= /usr/bin/chromium
.PHONY: help install browser assets demo test test-postgres test-spark lint format bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,serve]"
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP) ## Create the virtual environment and install Open NRM with its dev tools

browser: ## Install Debian's Chromium for the browser tests, if it is missing (needs root)
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

assets: ## Rebuild the web stylesheet from GOV.UK Frontend (needs npm; the result is committed)
	cd web-frontend && npm ci --silent && npm run build

demo: $(STAMP) ## Build the demo database (SQLite), print demo credentials, serve on :8000
	$(BIN)/nrm demo

test: $(STAMP) browser ## Run the whole test suite (SQLite; set DATABASE_URL to run it on PostgreSQL)
	$(BIN)/python -m pytest $(PYTEST_PARALLEL)

test-postgres: $(STAMP) browser ## Run the suite on PostgreSQL as the application role, in scratch roles and database (PG_URL=server URL; docs/operations.md)
	BIN=$(BIN) PG_URL=$(PG_URL) .ci/test-postgres $(PYTEST_PARALLEL)

test-spark: $(STAMP) ## Run the statistics specs on a local Spark session and compare every cell with DuckDB (installs the spark extra; needs Java 17)
	$(BIN)/python -m pip install --quiet -e ".[spark]"
	@command -v java >/dev/null || { \
	  echo "Installing Debian's OpenJDK 17 for Spark"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }
	$(BIN)/python -m pytest -m spark tests/statistics/test_spark.py

lint: $(STAMP) ## Lint, check formatting, type-check and check the layers (docs/architecture.md)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP) ## Format the code and apply safe lint fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP) ## Run the benchmarks (see bench/README.md)
	$(BIN)/python -m pip install --quiet -e ".[bench,spark]"
	$(BIN)/python bench/run.py

clean: ## Remove the virtual environment, demo data and caches
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .hypothesis web-frontend/node_modules

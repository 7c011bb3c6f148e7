# One command per job. Every target creates .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
GEN := generated/partner-center-analytics-client
SPEC := openapi/partner-center-analytics.yaml
PORT ?= 8080
BASE_URL ?=
TOKEN ?=
RATE ?=
REPORT_DIR ?= reports/contract
BASE ?=
TRAFFIC ?=
EMULATOR_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup generate contract test lint typecheck emulator demo bench breaking drift docs dist matrix lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# constraints.txt: the exact versions of everything make and CI install (pyproject.toml states ranges).
$(STAMP): pyproject.toml $(GEN)/pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "need python3.11 on PATH (or make PYTHON=...)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e $(GEN) -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP) ## create .venv and install everything

generate: $(STAMP) ## regenerate generated/ from the spec and overrides/
	$(PY) -m tools.codegen

contract: $(STAMP) ## validate the spec, regenerate, run schemathesis against the emulator (or BASE_URL with TOKEN)
	$(PY) -m tools.contract --spec $(SPEC) --report-dir $(REPORT_DIR) $(if $(BASE_URL),--base-url $(BASE_URL)) $(if $(TOKEN),--token-env TOKEN) $(if $(RATE),--rate-limit $(RATE))

test: $(STAMP) ## the whole suite: lint, types, spec lint, pytest (contract, client, emulator, generated-is-current)
	$(BIN)/ruff check src tools tests benchmarks overrides/runtime noxfile.py
	$(BIN)/ruff format --check src tools tests benchmarks overrides/runtime noxfile.py
	$(BIN)/mypy
	cd $(GEN) && $(CURDIR)/$(BIN)/mypy --strict partner_center_analytics
	$(BIN)/pyright --project pyproject.toml --pythonpath $(PY)
	$(PY) -m tools.speclint $(SPEC)
	$(BIN)/pytest -n 2 --dist loadgroup

emulator: $(STAMP) ## serve the emulator on 127.0.0.1:$(PORT) (see: .venv/bin/python -m pcinsights.emulator --help)
	$(PY) -m pcinsights.emulator --port $(PORT) $(EMULATOR_ARGS)

demo: $(STAMP) ## a no-credentials demo: the CLI against an in-process emulator
	$(BIN)/pcinsights deployment --emulator --format table
	$(BIN)/pcinsights deployment --emulator --format chart

bench: $(STAMP) ## run the benchmarks and print ratios against in-run baselines
	$(PY) benchmarks/run.py

breaking: $(STAMP) ## judge the spec against BASE on the wire and in the Python API (default: last tag, else main)
	$(PY) -m tools.breaking $(if $(BASE),--base $(BASE))

drift: $(STAMP) ## check recorded traffic against the spec: make drift TRAFFIC="a.har b.har"
	@test -n "$(TRAFFIC)" || { echo "usage: make drift TRAFFIC='a.har b.har' (HAR 1.2 recordings, judged together)"; exit 2; }
	$(PY) -m tools.drift $(TRAFFIC)

docs: $(STAMP) ## render the API reference page into reports/docs/ (Redocly build-docs)
	$(PY) -m tools.docs

# Built from copies, so setuptools' build/ and *.egg-info never land in the checkout.
dist: $(STAMP) ## build the two wheels an app installs (the client's and pcinsights') into dist/
	rm -rf dist
	tmp=$$(mktemp -d) && mkdir $$tmp/root && cp -r $(GEN) $$tmp/client && cp -r pyproject.toml README.md src $$tmp/root \
	  && $(PY) -m build --wheel --no-isolation --outdir dist $$tmp/client \
	  && $(PY) -m build --wheel --no-isolation --outdir dist $$tmp/root; status=$$?; rm -rf $$tmp; exit $$status

matrix: dist ## the install matrix (noxfile.py) on every Python found; one cell: make matrix CELL="client-3.12(dependencies='lowest')"
	$(BIN)/nox $(if $(CELL),--session "$(CELL)")

lock: $(STAMP) ## rewrite constraints.txt from .venv after changing a version in pyproject.toml
	{ echo "# Written by make lock: the exact versions make and CI install. Ranges live in pyproject.toml."; \
	  $(PY) -m pip freeze --exclude-editable --exclude pip | LC_ALL=C sort -f; } > constraints.txt

clean: ## remove .venv, reports, dist
	rm -rf $(VENV) reports dist .pytest_cache .mypy_cache .hypothesis

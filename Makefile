# The two commands that matter: `make run` and `make test` (see README.md).
# Each installs the system packages it lacks, builds .venv and installs the project into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := assets/demo
STAMP := $(VENV)/.installed

.PHONY: system-deps-bench run test lint typecheck unit bench bench-quick translations screenshots package soak clean system-deps system-deps-test demo

system-deps:
	@bash packaging/system-deps.sh run

system-deps-test:
	@bash packaging/system-deps.sh test

system-deps-bench:
	@bash packaging/system-deps.sh bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml Makefile | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,package]'
	@touch $@

run: system-deps $(STAMP)
	$(BIN)/kiosk run --content $(DEMO)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check kiosk tests benchmarks
	$(BIN)/mypy

typecheck: $(STAMP)
	$(BIN)/mypy

test: system-deps-test $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	find translations -name "*.po" -print0 | xargs -0 -r -n1 msgfmt --check -o /dev/null
	$(BIN)/python -m pytest -q -ra $(PYTEST_ARGS)

bench: system-deps-bench $(STAMP)
	$(BIN)/python -m benchmarks.run --full

bench-quick: system-deps-bench $(STAMP)
	$(BIN)/python -m benchmarks.run --quick

translations: $(STAMP)
	$(BIN)/python -m kiosk.i18n.tools update

screenshots: system-deps-test $(STAMP)
	$(BIN)/python -m kiosk.tools.screenshots docs/screenshots

demo: system-deps-test $(STAMP)
	$(BIN)/python assets/make_demo.py $(DEMO)

package: system-deps-test $(STAMP)
	@bash packaging/system-deps.sh package
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/kiosk.spec
	$(BIN)/python packaging/archive.py

HOURS ?= 1
soak: system-deps-test $(STAMP)
	$(BIN)/python -m tests.reliability.soak --hours $(HOURS)

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache

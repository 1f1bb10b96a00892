# dateline: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
export DATELINE_SHARED ?= $(abspath $(SHARED))

.PHONY: install demo test test-fast eval bench train clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/dateline ingest --db demo.db data/demo
	$(BIN)/dateline articles --db demo.db --limit 10

test: $(STAMP)
	$(BIN)/pytest -q

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not slow and not postgres"

eval: $(STAMP)
	$(BIN)/python -m dateline.eval.report --shared $(DATELINE_SHARED) --out docs/quality.md

bench: $(STAMP)
	$(BIN)/python -m dateline.bench --shared $(DATELINE_SHARED) --out docs/benchmarks.md

train: $(STAMP)
	$(BIN)/python -m dateline.events.train --shared $(DATELINE_SHARED)

clean:
	rm -rf $(VENV) *.db build dist src/*.egg-info

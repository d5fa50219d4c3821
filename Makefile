# Two commands do all the set-up on a fresh machine: `make book` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: book test bench clean browser-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(TSTAMP): $(STAMP) requirements-test.txt
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

book: $(STAMP)
	$(BIN)/jupyter-book build . -W --keep-going
	@echo
	@echo "The book is built. Open this file in a browser:"
	@echo "  file://$(CURDIR)/_build/html/index.html"
	@echo "or serve it: $(BIN)/python -m http.server -d _build/html 8000 --bind 127.0.0.1"

browser-deps:
	@bash tests/install-chromium.sh

test: $(TSTAMP) browser-deps
	$(BIN)/jupyter-book build . -W --keep-going
	$(BIN)/python -m pytest
	node --test tests/js/

bench: $(TSTAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf _build

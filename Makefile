# Two commands do all the set-up on a fresh machine: `make book` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: book test bench clean browser-deps dist dist-zip

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

# One zip of the built book for school laptops or a shared drive: unzip, double-click index.html.
dist: book dist-zip

dist-zip:
	rm -rf _build/medialit-book dist/medialit-book.zip
	mkdir -p dist
	cp -r _build/html _build/medialit-book
	cd _build && ../$(BIN)/python -m zipfile -c ../dist/medialit-book.zip medialit-book
	rm -rf _build/medialit-book
	@echo "Wrote dist/medialit-book.zip. Unzip it anywhere and open medialit-book/index.html."

browser-deps:
	@bash tests/install-chromium.sh

test: $(TSTAMP) browser-deps
	$(BIN)/jupyter-book build . -W --keep-going
	$(BIN)/python -m pytest
	node --test tests/js/

bench: $(TSTAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf _build dist

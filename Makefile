# Two commands do all the set-up on a fresh machine: `make book` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
# The front end: ES modules in src/js, bundled by esbuild into the files the hosts load (committed,
# so `pip install` needs no Node). They are rebuilt when a source changes.
NODE_STAMP := node_modules/.installed
# the JSON tables the bundles carry too
JS_SOURCES := $(shell find src/js -type f) src/medialit/data/messages.json src/medialit/data/contract.json
# every file in OUTPUTS of src/js/build.mjs (a test holds the two lists the same)
STATIC  := src/medialit/web/static
BUNDLES := $(STATIC)/tagger.js $(STATIC)/tagger-author.js $(STATIC)/book-page.js $(STATIC)/tagger.css \
           $(STATIC)/tagger-author.css $(STATIC)/class-report.js $(STATIC)/class-report.css

.PHONY: help book test bench clean browser-deps py-check js-check dist dist-zip

# `make` alone says what each target does (it used to create .venv/bin/python and stop, without a word).
help:
	@echo "make book    build the book into _build/html (the first time it also creates .venv and installs"
	@echo "             what the book needs; it needs the network once), and say where to open it"
	@echo "make dist    the built book as one zip, dist/medialit-book.zip, for school laptops or a shared drive"
	@echo "make test    install what the tests need, then run every test (slow: ten minutes or more)"
	@echo "make bench   print the speed and size figures as a table"
	@echo "make clean   remove _build and dist"
	@echo "The medialit command is in .venv after 'make book': README.md, 'Running the commands', says how to run it."

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(TSTAMP): $(STAMP) requirements-test.txt
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(BUNDLES) &: $(JS_SOURCES) $(NODE_STAMP)
	node src/js/build.mjs

# The linter and formatter over the Python sources, tests and benches (settings in pyproject.toml).
py-check: $(TSTAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The JSDoc types (tsc --noEmit) and the linter and formatter (biome) over the front end, its tests and the
# book's own page scripts (book/_static, served as they are: their own tsconfig in book/).
js-check: $(NODE_STAMP)
	npx --no-install tsc -p src/js --noEmit
	npx --no-install tsc -p book --noEmit
	npx --no-install biome check --error-on-warnings src/js tests/js book/_static

book: $(STAMP) $(BUNDLES)
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

test: $(TSTAMP) browser-deps $(BUNDLES) py-check js-check
	$(BIN)/jupyter-book build . -W --keep-going
	$(BIN)/python -m pytest
	node --test tests/js/

bench: $(TSTAMP) $(BUNDLES)
	$(BIN)/python bench/run.py

clean:
	rm -rf _build dist

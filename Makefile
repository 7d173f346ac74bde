# The two commands of the README: `make run` and `make test`. Everything else supports them.
# The oldest supported Python found first; any of 3.11, 3.12, 3.13 works.
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000
CATALOGUES := $(wildcard backoffice/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)

# The browser tests drive the system's Chromium (Debian's package) with Playwright, and
# keep axe-core (from npm) at hand for accessibility checks.
CHROMIUM := /usr/bin/chromium
AXE_CORE_VERSION := 4.14.1
AXE := tests/browser/node_modules/axe-core/axe.min.js

# The pictures the README shows, made by the browser tests from what the code renders.
SCREENSHOTS := docs/screenshots

.PHONY: run serve test test-browser screenshots install lint translations extract-messages clean

# The production server (gunicorn.conf.py) on a demo network, loaded only into an empty database.
run: install
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn --config gunicorn.conf.py

# The production server on the configured database (DATABASE_URL), migrated first.
serve: install
	$(FLASK) db upgrade
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn --config gunicorn.conf.py

test: install
	$(BIN)/pytest

test-browser: install $(CHROMIUM) $(AXE)
	$(BIN)/pytest tests/browser

screenshots: install $(CHROMIUM) $(AXE)
	SCREENSHOTS=$(SCREENSHOTS) $(BIN)/pytest -q tests/browser/test_layout.py

$(CHROMIUM):
	@echo "$(CHROMIUM) is missing: installing Debian's chromium package with apt-get."
	apt-get update
	apt-get install -y chromium

$(AXE):
	npm install --prefix tests/browser --no-save --no-package-lock --no-audit --no-fund axe-core@$(AXE_CORE_VERSION)

install: $(VENV)/.installed $(COMPILED)

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# Compiled catalogues are build products: made at install, never committed.
%.mo: %.po $(VENV)/.installed
	$(BIN)/pybabel compile -i $< -o $@

translations: $(COMPILED)

extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k _l -o backoffice/translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -i backoffice/translations/messages.pot -d backoffice/translations

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache tests/browser/node_modules

# Jämkoll developer commands. `make help` lists them.
SHELL := /bin/bash
PY_TOOLS := .tools/bin
UV := $(PY_TOOLS)/uv
VENV := .venv
BIN := $(VENV)/bin
JAMKOLL := $(BIN)/jamkoll
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help
.PHONY: help install run demo test lint typecheck messages check bench eval fmt

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(UV):
	python3 -m venv .tools
	$(PY_TOOLS)/pip install --quiet --disable-pip-version-check "uv==0.13.9"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --quiet
	@touch $@

install: $(VENV)/.synced ## Create .venv from the lock file (fast when nothing changed)

run: install ## Migrate, load the demo data once and serve on http://127.0.0.1:8000
	mkdir -p var
	$(JAMKOLL) migrate --noinput
	$(JAMKOLL) demo --print-logins
	$(JAMKOLL) serve

test: install ## Lint, type check and run the whole test suite
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory typecheck
	$(JAMKOLL) makemigrations --check --dry-run -v 0
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY="$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')" ALLOWED_HOSTS=jamkoll.example.se JAMKOLL_BASE_URL=https://jamkoll.example.se $(JAMKOLL) check --deploy --fail-level WARNING
	$(BIN)/pytest

lint: install ## ruff and import-linter
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: install ## mypy with django-stubs
	$(BIN)/mypy

fmt: install ## Format and autofix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install ## Update and compile every app's Swedish catalogue (needs gettext)
	@for app in jamkoll/*/; do \
	  if [ -d $$app/templates ] || ls $$app*.py >/dev/null 2>&1; then \
	    mkdir -p $$app/locale; \
	    (cd $$app && DJANGO_SETTINGS_MODULE=config.settings.dev PYTHONPATH=$(CURDIR) $(CURDIR)/$(BIN)/django-admin makemessages -l sv --no-obsolete --no-location -v 0 --ignore "tests/*"); \
	  fi; \
	done
	$(BIN)/python scripts/compile_messages.py

bench: install ## Run the benchmarks and print figures
	$(BIN)/python -m benchmarks

eval: install ## Precision/recall of the document reader on ../shared/eval
	$(BIN)/python -m jamkoll.textanalysis.evaluate

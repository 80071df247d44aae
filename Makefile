# The README promises two commands: `make run` (the demo) and `make test`.
# Both set up everything from a fresh clone; a second run skips what is done.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
BENCH ?=
# Marker that the virtualenv holds the current requirements.
DEPS := $(VENV)/.requirements-installed
MANAGE := $(BIN)/python manage.py
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=lms.settings.test
PROD_SETTINGS := DJANGO_SETTINGS_MODULE=lms.settings.production

.PHONY: run test serve bench lint format messages system-packages browser-packages clean

## run: set up and serve the demo at http://127.0.0.1:$(PORT)/ (SQLite unless DATABASE_URL)
# PORT is exported so that the addresses the demo prints and encodes in QR
# codes (SITE_URL, lms/settings/dev.py) lead back to the server it runs.
run: export PORT := $(PORT)
run: $(DEPS) system-packages
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## test: lint, then the whole suite including browser tests
test: $(DEPS) browser-packages lint
	$(TEST_SETTINGS) $(BIN)/pytest

## serve: production-like stack (gunicorn + whitenoise + task worker + the minute grading timer) on DATABASE_URL
# The task worker (db_worker that waits out a database restart) is restarted
# whenever it exits (5 s apart), so background jobs (certificates, printing)
# never stop silently. Every 5 minutes, certificates left without their PDF
# (a worker killed mid-render) are rendered. gunicorn's sizing: lms/gunicorn.conf.py.
serve: $(DEPS) system-packages
	$(PROD_SETTINGS) $(MANAGE) migrate --noinput
	$(PROD_SETTINGS) $(MANAGE) createcachetable
	$(PROD_SETTINGS) $(MANAGE) collectstatic --noinput --verbosity 0
	trap 'kill 0' EXIT; \
	while true; do \
		$(PROD_SETTINGS) $(MANAGE) task_worker; \
		echo "serve: task_worker exited with status $$?; restarting it in 5 s" >&2; sleep 5; \
	done & \
	minute=0; while sleep 60; do \
		$(PROD_SETTINGS) $(MANAGE) grade_overdue_attempts >/dev/null; \
		minute=$$((minute + 1)); \
		if [ $$((minute % 5)) = 0 ]; then $(PROD_SETTINGS) $(MANAGE) render_pending_certificates >/dev/null; fi; \
	done & \
	$(PROD_SETTINGS) $(BIN)/gunicorn lms.wsgi --config lms/gunicorn.conf.py --bind 127.0.0.1:$(PORT)

## bench: run the benchmarks in bench/ (BENCH=name for one) and merge them into bench/latest.json
# BENCH=hall_load starts its own PostgreSQL and `make serve` (docs/benchmarks.md, "Hall load").
bench: $(DEPS) system-packages
	$(TEST_SETTINGS) $(BIN)/python bench/run.py $(BENCH)

## lint: ruff (lint and format check), the one-way imports (.importlinter) and no missing migrations
lint: $(DEPS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run

## format: apply ruff's fixes and formatting
format: $(DEPS)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## messages: refresh the Indonesian catalogue from the source, then compile it
messages: $(DEPS) system-packages
	$(MANAGE) makemessages --locale id --extension html,txt,py --no-obsolete \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'staticfiles/*' --ignore 'lms/locale_wagtail/*'
	$(MANAGE) compilemessages --ignore '.venv' --ignore 'lms/locale_wagtail'

# System packages first (python3-venv among them); a half-made venv without
# pip, left by a failed attempt, is made again.
$(DEPS): requirements.txt requirements-dev.txt | system-packages
	test -x $(BIN)/pip || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

system-packages:
	@.ci/system-packages

browser-packages:
	@.ci/system-packages browser

## clean: remove the virtualenv, the demo database and generated files
clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media .pytest_cache .ruff_cache

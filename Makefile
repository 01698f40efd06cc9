# The two commands: `make demo` runs the app, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 || ls -d $$HOME/.pyenv/versions/3.12*/bin/python 2>/dev/null | tail -n 1 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
HTMX_VERSION := 2.0.11
# plotly.js-locales has no release of the 4.x line; its Vietnamese locale (date words) is the same.
PLOTLY_LOCALES_VERSION := 3.7.0

.PHONY: demo test lint install system-deps assets worker beat bench clean messages

# Settings refuse to start without SECRET_KEY (unless DEBUG=True): these targets run on a developer's
# machine or in CI and get a development key; a server sets its own (deploy/production.env.example).
demo test assets worker beat messages bench: export SECRET_KEY ?= dev-only-key-for-make-targets-never-in-production

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(BIN)/.installed

# Debian packages: gettext compiles the translations, chromium runs the browser tests.
system-deps:
	@command -v msgfmt >/dev/null && command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext chromium >/dev/null; }

# htmx comes from the npm registry's own package, vendored into static/ (never a CDN).
static/js/htmx.min.js:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent htmx.org@$(HTMX_VERSION) >/dev/null \
		&& tar -xzf htmx.org-$(HTMX_VERSION).tgz package/dist/htmx.min.js \
		&& cp package/dist/htmx.min.js $(CURDIR)/static/js/htmx.min.js && rm -rf $$tmp

# plotly.js: only the trace types the charts draw (bar, scatter) — the npm registry's partial bundle at the
# version the Python package targets — and its Vietnamese locale; vendored into static/, never a CDN.
# The first line asks V8 (Chrome 136 and later) to compile the bundle while it downloads, on a background
# thread, rather than each function on the page's thread when the first chart first calls it.
static/js/plotly-basic.min.js: requirements.txt | $(BIN)/.installed
	v=$$($(BIN)/python -c "from plotly.offline import get_plotlyjs_version as v; print(v())") \
		&& tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent plotly.js-basic-dist-min@$$v >/dev/null \
		&& tar -xzf plotly.js-basic-dist-min-$$v.tgz package/plotly-basic.min.js \
		&& { echo "//# allFunctionsCalledOnLoad"; cat package/plotly-basic.min.js; } > $(CURDIR)/$@ && rm -rf $$tmp

static/js/plotly-locale-vi.js: | $(BIN)/.installed
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent plotly.js-locales@$(PLOTLY_LOCALES_VERSION) >/dev/null \
		&& tar -xzf plotly.js-locales-$(PLOTLY_LOCALES_VERSION).tgz package/vi.js \
		&& cd $(CURDIR) && $(BIN)/python -m bhxh_targets.plotly_locale $$tmp/package/vi.js $@ \
			plotly.js-locales@$(PLOTLY_LOCALES_VERSION) && rm -rf $$tmp

assets: install static/js/htmx.min.js static/js/plotly-basic.min.js static/js/plotly-locale-vi.js
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0
	$(BIN)/python -m bhxh_targets.plotly_css static/js/plotly-basic.min.js static/css/plotly.css static/js/plotly-styles.js
	rm -f static/js/plotly.min.js  # the full bundle of earlier checkouts: no page loads it, collectstatic need not compress it

# The demo serves static files as production does: hashed, compressed names from collectstatic, cached for years.
demo: system-deps assets
	$(BIN)/python manage.py collectstatic --no-input --clear -v0
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py seed_demo
	@echo "Open http://$(HOST):$(PORT)/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT) --noreload

# The architecture is checked before the tests: import contracts (pyproject.toml) and lint.
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

test: system-deps assets lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# With REDIS_URL set: a real worker and the scheduler for the demo. Each starts again when it exits
# (as systemd does in production, deploy/); Ctrl-C twice stops it.
worker: install
	while true; do $(BIN)/celery -A bhxh_targets worker -l info; echo "worker exited ($$?); restarting in 2 s"; sleep 2; done

beat: install
	while true; do $(BIN)/celery -A bhxh_targets beat -l info; echo "beat exited ($$?); restarting in 2 s"; sleep 2; done

messages: install
	$(BIN)/python manage.py makemessages -l vi --ignore=.venv --ignore=tests --no-obsolete

bench: install
	$(BIN)/pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	$(BIN)/python -m bench.run $(BENCH)

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

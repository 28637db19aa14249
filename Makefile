# Sourcebook: two commands do everything on a machine with only Python 3.11+.
#   make report   render every notebook over seeds/ into reports/ (CORPUS=... OUT=... to change)
#   make test     the whole suite: unit tests, notebooks under nbval, rendered reports in Chromium
#   make test-fast  every test but the slow ones (notebooks, nbval, Dask, Chromium): about two minutes
# Each creates .venv and installs the project when it is missing or pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.sourcebook-installed
CORPUS ?= seeds
OUT    ?= reports
ARGS   ?=
# The suite runs on every core (pytest-xdist), a test file per worker (nbval's cells of a notebook share a kernel);
# the slow tests that start Jupyter kernels take a lock, one at a time across the workers (tests/conftest.py).
WORKERS ?= auto

.PHONY: report test test-fast lab analyze benchmark strip parameters update-expected browser sample clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	$(BIN)/python -m helpers.lab_setup
	@touch $(STAMP)

report: $(STAMP)
	$(BIN)/sourcebook render $(CORPUS) --out $(OUT) $(ARGS)

test: $(STAMP) browser
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile $(ARGS)

# The markers are set in tests/conftest.py; a test that is not marked slow cannot start a kernel, Dask or Chromium.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile -m "not slow and not browser" $(ARGS)

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,) $(ARGS)

analyze: $(STAMP)
	$(BIN)/sourcebook analyze $(CORPUS) --out $(OUT)/data

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(ARGS)

# Headless Chromium for the browser tests (Debian packages; needs root or sudo).
browser:
	@bash tests/browser/ensure-chromium.sh

# Remove notebook outputs before committing, keeping the expected figures of nbval-check-output cells.
strip: $(STAMP)
	$(BIN)/python tools/strip_outputs.py notebooks/*.ipynb

# The notebooks' parameters cells and README.md's parameters table, written from src/helpers/parameters.py.
parameters: $(STAMP)
	$(BIN)/python tools/write_parameters.py

# Re-run the notebooks over seeds/ and store their nbval-check-output figures as the new expected values.
sample: $(STAMP)
	$(BIN)/python tools/make_sample_report.py

update-expected: $(STAMP)
	$(BIN)/python tools/strip_outputs.py --execute notebooks/*.ipynb

clean:
	rm -rf $(VENV) reports/*.html reports/*.ipynb reports/data reports/run.json reports/index.html .pytest_cache

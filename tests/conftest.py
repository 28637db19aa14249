"""Shared fixtures: project paths, and one rendered report run reused by the render and browser tests.

Markers (`make test-fast` runs `-m "not slow and not browser"`):

- ``slow``: executes notebooks (papermill, ``sourcebook render``, nbval), starts a Dask cluster, or starts
  Chromium. Set here for every nbval cell and for every test using a fixture that renders
  (``RENDERING_FIXTURES``), and with ``@pytest.mark.slow`` on the tests that render or start Dask themselves
  (and on the million-word article of test_hostile.py, half a minute of analysis).
- ``browser``: starts headless Chromium: every test under tests/browser/ (also slow).
- ``no_kernel``: a slow test that starts no Jupyter kernel (Dask, a long analysis): under pytest-xdist it runs
  beside the others, while every other slow test holds a lock shared by the workers (``pytest_runtest_protocol``).

A test that is not marked slow and still starts a Jupyter kernel, a Dask cluster or client, or Chromium fails
at once (``_fast_tests_stay_fast``), so the markers stay exact as tests are added.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
NOTEBOOKS = ROOT / "notebooks"
FAILURE_NOTEBOOKS = FIXTURES / "notebooks"  # one per failure mode, rendered by tests/test_render.py
BROWSER_TESTS = ROOT / "tests" / "browser"
# Fixtures that render notebooks: a test using one (directly or through another fixture) is slow.
RENDERING_FIXTURES = {"rendered", "last_good_report"}

# nbval (pyproject addopts) would execute every .ipynb it finds: the failure-mode fixtures are not tests.
collect_ignore = ["fixtures"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(item.path)
        if path.suffix == ".ipynb":  # a cell that nbval executes (pyproject addopts: --nbval-lax)
            item.add_marker(pytest.mark.slow)
        elif BROWSER_TESTS in path.parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
        elif RENDERING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Under pytest-xdist (make test), one slow test at a time across the workers starts Jupyter kernels: two
    kernels started at once by two workers can race for the same ports ("Invalid Signature", a kernel that does
    not answer). The lock is held from the test's setup (a rendered report is set up there) to its teardown;
    slow tests marked no_kernel (Dask, the million-word article) and every fast test run beside it."""
    import os

    if not os.environ.get("PYTEST_XDIST_WORKER") or not item.get_closest_marker("slow") \
            or item.get_closest_marker("no_kernel"):
        return (yield)
    import fcntl

    lock_path = item.config._tmp_path_factory.getbasetemp().parent / "kernels.lock"  # shared by the workers
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return (yield)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _refuse(what: str):
    def refused(*args, **kwargs):
        pytest.fail(f"this test {what} but is not marked slow: add @pytest.mark.slow (see tests/conftest.py)",
                    pytrace=False)
    return refused


@pytest.fixture(autouse=True)
def _fast_tests_stay_fast(request, monkeypatch):
    """In a test not marked slow, starting a kernel, a Dask cluster or client, or Chromium is an error; in a slow
    test marked no_kernel, starting a kernel is."""
    from jupyter_client.manager import AsyncKernelManager, KernelManager

    if request.node.get_closest_marker("slow"):
        if request.node.get_closest_marker("no_kernel"):
            for manager in (KernelManager, AsyncKernelManager):
                monkeypatch.setattr(manager, "start_kernel", lambda *a, **k: pytest.fail(
                    "this test starts a Jupyter kernel but is marked no_kernel (see tests/conftest.py)", pytrace=False))
        yield
        return

    for manager in (KernelManager, AsyncKernelManager):
        monkeypatch.setattr(manager, "start_kernel", _refuse("starts a Jupyter kernel (executes a notebook)"))
    try:
        import distributed
    except ImportError:
        pass
    else:
        monkeypatch.setattr(distributed.LocalCluster, "__init__", _refuse("starts a Dask cluster"))
        monkeypatch.setattr(distributed.Client, "__init__", _refuse("starts a Dask client"))
    try:
        from playwright.sync_api import BrowserType
    except ImportError:
        pass
    else:
        monkeypatch.setattr(BrowserType, "launch", _refuse("starts Chromium"))
    yield


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Tests never read or write the user's analysis cache (subprocesses inherit the variable too)."""
    import os

    os.environ["SOURCEBOOK_CACHE"] = str(tmp_path_factory.mktemp("analysis-cache"))
    yield


@pytest.fixture(scope="session", autouse=True)
def project_kernel():
    """The `sourcebook` kernel the notebooks name, whichever test runs first."""
    from helpers.render import ensure_kernel

    return ensure_kernel()


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_analysis():
    from helpers.analysis import analyze
    from helpers.corpus import load_corpus

    return analyze(load_corpus(SEEDS))


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory) -> Path:
    """The three seeds, an article holding <script> and <img onerror> markup, and a saved web page holding live
    scripts, handlers and javascript: links as well as '<script>' as text."""
    folder = tmp_path_factory.mktemp("hostile-corpus")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for path in (FIXTURES / "hostile").glob("*.txt"):
        shutil.copy(path, folder / path.name)
    shutil.copy(FIXTURES / "web_pages" / "hostile-page.html", folder / "hostile-page.html")
    return folder


@pytest.fixture(scope="session")
def rendered(hostile_corpus, tmp_path_factory):
    """One full `sourcebook render` of the seeds plus the hostile article, through the command line."""
    from helpers.cli import main

    out = tmp_path_factory.mktemp("render") / "reports"
    status = main(["render", str(hostile_corpus), "--out", str(out)])
    assert status == 0, "rendering the seeds failed"
    return out


@pytest.fixture(scope="session")
def last_good_report(tmp_path_factory) -> Path:
    """A finished report of notebook 01 over the seeds; tests copy it (``copy_report``) as the one to keep."""
    from helpers.render import render

    out = tmp_path_factory.mktemp("last-good") / "reports"
    assert render(str(SEEDS), str(out), notebooks="01", say=lambda m: None).ok
    return out


def snapshot(folder: Path) -> dict:
    """Every path under ``folder`` with its bytes (None for a folder), to tell whether a run changed it."""
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None for p in folder.rglob("*")}


def copy_report(report: Path, folder: Path) -> tuple[Path, dict]:
    """``report`` copied to ``folder/reports``, and its snapshot."""
    out = folder / "reports"
    shutil.copytree(report, out)
    return out, snapshot(out)

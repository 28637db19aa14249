"""Shared fixtures: project paths, and one rendered report run reused by the render and browser tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
NOTEBOOKS = ROOT / "notebooks"


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

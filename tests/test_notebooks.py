"""The notebooks as a reader gets them: a story, a parameters cell, clean outputs, and runs under papermill."""

import json

import nbformat
import papermill
import pytest

from .conftest import NOTEBOOKS, SEEDS

NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_notebook_tells_a_story_with_explained_parameters(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "What you will see" in first.source and "Caveats" in first.source
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and nb.cells.index(params[0]) == 1
    for line in params[0].source.splitlines():
        if "=" in line and not line.startswith("#"):
            assert "#" in line.split("=", 1)[1], f"parameter without an explanation: {line}"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert max(len(c.source.splitlines()) for c in code) <= 15, "notebook cells stay small: logic lives in helpers"


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_committed_notebooks_hold_only_the_expected_figures(path):
    nb = nbformat.read(path, as_version=4)
    checked = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "nbval-check-output" in cell.metadata.get("tags", []):
            checked += 1
            assert cell.outputs, "the expected figure is stored"
            # A table of figures: its text (and the HTML drawn from it), never a chart or an image.
            assert all(o.get("output_type") == "stream" or "text/plain" in o.get("data", {}) for o in cell.outputs)
            assert not any(k.startswith(("image/", "application/")) for o in cell.outputs for k in o.get("data", {}))
        else:
            assert not cell.outputs and cell.execution_count is None, "outputs are stripped"
    assert checked >= 1
    assert nb.metadata["kernelspec"]["name"] == "sourcebook"


def _figures_text(cell) -> str:
    """The plain text of a key-figures cell (what nbval compares, next to its HTML)."""
    output = cell.outputs[0]
    return output.get("text") or output["data"]["text/plain"]


@pytest.mark.slow
def test_tone_notebook_runs_with_non_default_parameters(tmp_path):
    out = tmp_path / "02.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS / "02-tone-over-time.ipynb"), str(out), kernel_name="sourcebook", cwd=str(NOTEBOOKS),
        parameters={"corpus": str(SEEDS), "engine": "vader", "keyword": "Shanghai", "rolling_window": 2,
                    "start_date": "2019-01-01", "tables_dir": str(tmp_path / "data")},
        progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    text = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "sentences that mention 'Shanghai'" in text
    assert (tmp_path / "data" / "02-tone-per-article.csv").exists()


@pytest.mark.slow
def test_sourcing_notebook_filters_source_types(tmp_path):
    out = tmp_path / "03.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS / "03-sourcing-over-time.ipynb"), str(out), kernel_name="sourcebook", cwd=str(NOTEBOOKS),
        parameters={"corpus": str(SEEDS), "source_types": "anonymous,media"}, progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    key = next(c for c in nb.cells if "nbval-check-output" in c.metadata.get("tags", []))
    rows = [line.strip().rsplit(None, 2) for line in _figures_text(key).splitlines()[1:]]
    counts = {label: int(attributions) for label, attributions, _articles in rows}
    assert counts["Company"] == 0 and counts["Anonymous"] > 0 and counts["Media"] > 0


@pytest.mark.slow
def test_overview_notebook_runs_with_other_parameters(tmp_path):
    out = tmp_path / "01.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS / "01-corpus-overview.ipynb"), str(out), kernel_name="sourcebook", cwd=str(NOTEBOOKS),
        parameters={"corpus": str(SEEDS), "start_date": "2020-01-01", "keyword": "Tesla"}, progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    key = next(c for c in nb.cells if "nbval-check-output" in c.metadata.get("tags", []))
    figures = {k.strip(): v for k, v in (line.rsplit(None, 1) for line in _figures_text(key).strip().splitlines()[1:])}
    # the 2019 seed is before start_date and the undated seed has no date to place in the range
    assert figures["articles in"] == "3" and figures["in this view"] == "1"


def test_a_notebook_opened_interactively_reuses_the_cached_analysis(monkeypatch, capsys):
    """In JupyterLab (no analysis_dir), the second notebook on the same corpus does not analyse it again."""
    import helpers.article as article_module
    from helpers import notebook as nb

    first = nb.load(str(SEEDS))
    calls = []
    original = article_module.analyze_article
    monkeypatch.setattr(article_module, "analyze_article", lambda text, engines: calls.append(1) or original(text, engines))
    second = nb.load(str(SEEDS))
    assert calls == [] and second.counts == first.counts
    assert "read from the cache" in capsys.readouterr().out


def test_a_read_only_cache_is_left_aside_not_a_crash(monkeypatch, tmp_path):
    import sqlite3

    import helpers.cache as cache_module
    from helpers import notebook as nb

    cache_module.AnalysisCache(tmp_path).close()  # the file exists
    real_connect = sqlite3.connect
    monkeypatch.setattr(cache_module.sqlite3, "connect",
                        lambda path, **kw: real_connect(f"file:{path}?mode=ro", uri=True, **kw))
    monkeypatch.setenv("SOURCEBOOK_CACHE", str(tmp_path))
    assert cache_module.open_cache() is None
    assert nb.load(str(SEEDS)).counts["analysed"] == 3

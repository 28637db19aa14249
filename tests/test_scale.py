"""Larger corpora: parallel analysis gives the same rows, the cache re-analyses only what changed."""

import pandas as pd
import pytest

import helpers.analysis as analysis_module
from helpers.analysis import PARALLEL_MIN_ARTICLES, analyze, progress_reporter
from helpers.cache import AnalysisCache
from helpers.corpus import load_corpus

from .conftest import SEEDS


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory):
    """Varied articles built from the seeds' sentences: each a different selection, so none is a duplicate."""
    folder = tmp_path_factory.mktemp("many")
    texts = list(load_corpus(SEEDS).articles["text"])
    sentences = [s for t in texts for s in t.split("\n\n") if s.strip()]
    for i in range(PARALLEL_MIN_ARTICLES + 20):
        chosen = [sentences[(i * 7 + k * 3) % len(sentences)] for k in range(4 + i % 5)]
        (folder / f"article-{i:04d}.txt").write_text(
            f" date 2020-{1 + i % 12:02d}-{1 + i % 27:02d} " + "\n\n".join(chosen) + f"\n\nReference {i}.", encoding="utf-8")
    return load_corpus(folder)


def test_parallel_and_serial_analyses_are_identical(many_articles):
    serial = analyze(many_articles, workers=1)
    parallel = analyze(many_articles, workers=2)
    pd.testing.assert_frame_equal(serial.sentences, parallel.sentences)
    pd.testing.assert_frame_equal(serial.attributions, parallel.attributions)
    pd.testing.assert_frame_equal(serial.articles, parallel.articles)
    assert serial.counts["analysed"] == len(many_articles.articles)


def test_cache_reanalyses_only_new_articles_and_gives_the_same_tables(many_articles, tmp_path, monkeypatch):
    cache = AnalysisCache(tmp_path / "cache")
    cold = analyze(many_articles, workers=1, cache=cache)
    calls = []
    original = analysis_module.analyze_article
    monkeypatch.setattr(analysis_module, "analyze_article", lambda text, engines: calls.append(1) or original(text, engines))
    warm = analyze(many_articles, workers=1, cache=cache)
    assert calls == []
    pd.testing.assert_frame_equal(cold.attributions, warm.attributions)
    pd.testing.assert_frame_equal(cold.sentences, warm.sentences)
    extra = many_articles.articles.iloc[:1].copy()
    extra["article_id"], extra["text"] = "new-one", extra["text"] + " Officials said the plant is new."
    grown = type(many_articles)(pd.concat([many_articles.articles, extra], ignore_index=True), many_articles.rejected)
    analyze(grown, workers=1, cache=cache)
    assert len(calls) == 1


def test_a_changed_analyser_invalidates_the_cache(many_articles, tmp_path, monkeypatch):
    import helpers.cache as cache_module

    cache = AnalysisCache(tmp_path / "cache")
    small = type(many_articles)(many_articles.articles.head(5), many_articles.rejected)
    analyze(small, workers=1, cache=cache)
    monkeypatch.setattr(cache_module, "analyzer_version", lambda: "a-new-cue-word")
    calls = []
    original = analysis_module.analyze_article
    monkeypatch.setattr(analysis_module, "analyze_article", lambda text, engines: calls.append(1) or original(text, engines))
    analyze(small, workers=1, cache=cache)
    assert len(calls) == 5


def test_progress_lines_when_not_a_terminal(capsys):
    import io

    stream = io.StringIO()
    update, close = progress_reporter(PARALLEL_MIN_ARTICLES, every=0, stream=stream)
    update(PARALLEL_MIN_ARTICLES // 2)
    update(PARALLEL_MIN_ARTICLES // 2)
    close()
    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith(f"analysing: {PARALLEL_MIN_ARTICLES}/{PARALLEL_MIN_ARTICLES} articles")


def test_dask_engine_on_a_local_cluster_of_two_workers_gives_identical_rows(many_articles):
    pytest.importorskip("distributed", reason="make test installs the dask extra")
    local = analyze(many_articles, workers=1)
    on_dask = analyze(many_articles, workers=2, engine="dask")
    pd.testing.assert_frame_equal(local.sentences, on_dask.sentences)
    pd.testing.assert_frame_equal(local.attributions, on_dask.attributions)
    pd.testing.assert_frame_equal(local.articles, on_dask.articles)


def test_dask_engine_from_the_command_line(tmp_path):
    pytest.importorskip("distributed", reason="make test installs the dask extra")
    from helpers.cli import main

    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "--engine", "dask", "--workers", "2", "--no-cache"]) == 0
    assert len(pd.read_csv(tmp_path / "articles.csv")) == 3
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "--engine", "dask", "--no-cache",
                 "--scheduler", "tcp://127.0.0.1:1"]) == 2

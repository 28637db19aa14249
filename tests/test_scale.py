"""Larger corpora: parallel analysis gives the same rows, the cache re-analyses only what changed."""

import pandas as pd
import pytest

import helpers.article as article_module
from helpers.analysis import analyze
from helpers.batch import batch_bounds
from helpers.runners import PARALLEL_MIN_ARTICLES, progress_reporter
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


def _first(corpus, n):
    """The corpus's first ``n`` articles: for tests of the cache, which do not need a corpus big enough for workers."""
    return type(corpus)(corpus.articles.head(n).reset_index(drop=True), corpus.rejected)


def test_cache_reanalyses_only_new_articles_and_gives_the_same_tables(many_articles, tmp_path, monkeypatch):
    many_articles = _first(many_articles, 40)  # one batch, as the whole corpus is: the same path, a fifth of the work
    cache = AnalysisCache(tmp_path / "cache")
    cold = analyze(many_articles, workers=1, cache=cache)
    calls = []
    original = article_module.analyze_article
    monkeypatch.setattr(article_module, "analyze_article", lambda text, engines: calls.append(1) or original(text, engines))
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
    original = article_module.analyze_article
    monkeypatch.setattr(article_module, "analyze_article", lambda text, engines: calls.append(1) or original(text, engines))
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


@pytest.mark.slow
@pytest.mark.no_kernel
def test_dask_engine_on_a_local_cluster_of_two_workers_gives_identical_rows(many_articles):
    pytest.importorskip("distributed", reason="make test installs the dask extra")
    local = analyze(many_articles, workers=1)
    on_dask = analyze(many_articles, workers=2, backend="dask")
    pd.testing.assert_frame_equal(local.sentences, on_dask.sentences)
    pd.testing.assert_frame_equal(local.attributions, on_dask.attributions)
    pd.testing.assert_frame_equal(local.articles, on_dask.articles)


@pytest.mark.slow
@pytest.mark.no_kernel
def test_dask_engine_from_the_command_line(tmp_path):
    pytest.importorskip("distributed", reason="make test installs the dask extra")
    from helpers.cli import main

    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "--backend", "dask", "--workers", "2", "--no-cache"]) == 0
    assert len(pd.read_csv(tmp_path / "articles.csv")) == 3
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "--backend", "dask", "--no-cache",
                 "--scheduler", "tcp://127.0.0.1:1"]) == 2


@pytest.mark.slow
@pytest.mark.no_kernel
def test_the_old_engine_option_still_chooses_the_backend_with_a_notice(tmp_path, capsys):
    """--engine was renamed --backend ("engine" is the sentiment instrument); it is accepted for one release."""
    pytest.importorskip("distributed", reason="make test installs the dask extra")
    from helpers.cli import main

    # An unreachable scheduler proves dask was chosen: the local backend would not look for one.
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "--engine", "dask", "--no-cache",
                 "--scheduler", "tcp://127.0.0.1:1", "--read-on", "here"]) == 2
    err = capsys.readouterr().err
    assert "--engine is now --backend" in err and "cannot reach the Dask scheduler" in err
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "--backend", "local", "--engines", "textblob",
                 "--no-cache"]) == 0
    assert "--engine is now" not in capsys.readouterr().err


def test_batches_are_cut_by_content_so_an_added_article_changes_only_its_own_batch():
    import hashlib

    from helpers.batch import batch_bounds

    hashes = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(5000)]
    before = pd.DataFrame({"sha256": hashes})
    after = pd.DataFrame({"sha256": hashes[:2500] + [hashlib.sha256(b"new").hexdigest()] + hashes[2500:]})

    def batches(frame):
        return {tuple(frame["sha256"].iloc[a:b]) for a, b in batch_bounds(frame, size=100)}

    old, new = batches(before), batches(after)
    assert 20 < len(old) < 200  # about 5000 / 100 batches
    assert len(old - new) == 1 and 1 <= len(new - old) <= 2  # only the batch holding the new article differs
    bounds = batch_bounds(before, size=100)
    assert bounds[0][0] == 0 and bounds[-1][1] == 5000 and all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert max(b - a for a, b in bounds) <= 400


def test_a_rerun_reads_unchanged_batches_whole_and_analyses_only_the_new_article(many_articles, tmp_path, monkeypatch):
    from helpers.analysis import analyze_to_folder
    from helpers.store import read_tables

    # 60 articles in batches of about 6 (at most 24), for 220 in batches of about 20 (at most 80): a quarter of
    # the work. The inserted article's hash ("f" * 64) ends no batch at either size.
    many_articles, size = _first(many_articles, 60), 6
    cache = AnalysisCache(tmp_path / "cache")
    cold = analyze_to_folder(many_articles, tmp_path / "cold", workers=1, cache=cache, batch_size=size)
    assert len(batch_bounds(many_articles.articles, size)) >= 6
    extra = many_articles.articles.iloc[:1].copy()
    extra["article_id"], extra["text"] = "inserted", extra["text"] + " Police said the road was closed."
    extra["sha256"] = "f" * 64
    rows = many_articles.articles
    grown = type(many_articles)(pd.concat([rows.iloc[:30], extra, rows.iloc[30:]], ignore_index=True),
                                many_articles.rejected)
    calls, looked_up = [], []
    original = article_module.analyze_article
    monkeypatch.setattr(article_module, "analyze_article", lambda text, engines: calls.append(1) or original(text, engines))
    real_get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: looked_up.append(len(keys)) or real_get_many(keys))
    warm = analyze_to_folder(grown, tmp_path / "warm", workers=1, cache=cache, batch_size=size)
    assert len(calls) == 1  # the inserted article
    assert len(looked_up) == 1 and looked_up[0] <= 4 * size < len(grown.articles) / 2  # only the batch it joined
    monkeypatch.setattr(article_module, "analyze_article", original)
    fresh = analyze_to_folder(grown, tmp_path / "fresh", workers=1, batch_size=size)
    assert fresh.counts["analysed"] == cold.counts["analysed"] + 1
    assert warm.counts == fresh.counts
    a, b = read_tables(tmp_path / "warm"), read_tables(tmp_path / "fresh")
    for name in ("articles", "sentences", "attributions", "rejected"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


@pytest.mark.slow
@pytest.mark.no_kernel
def test_dask_reads_the_corpus_in_partitions_and_writes_the_tables_of_one_machine(many_articles, tmp_path):
    """Workers read the files (16 per task), including bad and duplicate ones; the ledger and tables match."""
    pytest.importorskip("distributed", reason="make test installs the dask extra")
    import shutil

    from helpers.analysis import analyze_path_on_dask, analyze_to_folder
    from helpers.store import read_tables

    from .conftest import FIXTURES

    folder = tmp_path / "corpus"
    shutil.copytree(many_articles.path, folder)
    shutil.copytree(FIXTURES / "bad_inputs", folder / "bad")
    here = load_corpus(folder)
    assert len(here.rejected) >= 5
    on_one_machine = analyze_to_folder(here, tmp_path / "here", workers=1)
    corpus, written = analyze_path_on_dask(folder, tmp_path / "dask", workers=2, files_per_partition=16)
    pd.testing.assert_frame_equal(corpus.articles, here.articles)
    pd.testing.assert_frame_equal(corpus.rejected, here.rejected)
    assert written.counts == on_one_machine.counts
    assert written.counts["inputs"] == written.counts["analysed"] + written.counts["rejected"] + written.counts["duplicates"]
    a, b = read_tables(tmp_path / "here"), read_tables(tmp_path / "dask")
    for name in ("articles", "sentences", "attributions", "rejected"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


def test_dask_reading_says_so_when_the_workers_cannot_see_the_corpus(tmp_path):
    """Workers elsewhere find none of the files: one clear error, not a ledger of 'not found' rows."""
    from helpers.runners import DaskRunner
    from helpers.errors import SourcebookError

    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f" date 2020-01-0{i + 1} Officials said {i}.", encoding="utf-8")

    class ElsewhereClient:
        """Runs each task here, as a worker on a machine where the corpus's path does not exist would."""

        def map(self, function, parts, **kwargs):
            kwargs.pop("pure", None)
            return [function([(f"/nowhere{name}", display, single) for name, display, single in part], **kwargs)
                    for part in parts]

        def gather(self, futures):
            return futures

        def close(self):
            pass

    runner = DaskRunner(("textblob",), 2)
    runner.client = ElsewhereClient()
    with pytest.raises(SourcebookError, match="workers cannot see these files.*--read-on here"):
        runner.load(folder)
    runner.client = type("HereClient", (ElsewhereClient,), {
        "map": lambda self, function, parts, pure=False, **kwargs: [function(part, **kwargs) for part in parts]})()
    assert len(runner.load(folder).articles) == 3


def test_the_texts_can_be_dropped_before_the_corpus_passes_and_the_tables_stay_the_same(tmp_path):
    """`sourcebook analyze` and `render` let the analysis drop the articles' texts once every batch is written, so
    the passes over the whole corpus have that memory; the tables are those of a run that keeps them."""
    from helpers.analysis import analyze_to_folder

    kept, dropped = load_corpus(SEEDS), load_corpus(SEEDS)
    analyze_to_folder(kept, tmp_path / "kept", engines=("textblob",))
    analyze_to_folder(dropped, tmp_path / "dropped", engines=("textblob",), release_texts=True)
    assert "text" in kept.articles and "text" not in dropped.articles
    assert dropped.content_hash == kept.content_hash
    for path in sorted((tmp_path / "kept").glob("*.csv")):
        assert path.read_bytes() == (tmp_path / "dropped" / path.name).read_bytes(), path.name

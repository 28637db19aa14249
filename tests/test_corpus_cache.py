"""Loading with the cache: the same corpus as without it, and only new or changed articles read again."""

import datetime as dt

import pandas as pd
import pytest

import helpers.corpus as corpus_module
from helpers.cache import AnalysisCache
from helpers.cli import main
from helpers.corpus import load_corpus

from .conftest import FIXTURES, SEEDS

CORPORA = [SEEDS, FIXTURES / "bad_inputs", FIXTURES / "web_pages", FIXTURES / "languages", FIXTURES / "scrape_shapes"]


@pytest.fixture
def counted(monkeypatch):
    """Count the articles built from scratch (repaired, dated, identified) rather than taken from the cache."""
    calls = []
    original = corpus_module._build_article_row
    monkeypatch.setattr(corpus_module, "_build_article_row", lambda *a, **k: calls.append(a[0]) or original(*a, **k))
    return calls


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_a_cached_load_is_the_load(folder, tmp_path, counted):
    plain = load_corpus(folder)
    counted.clear()
    cache = AnalysisCache(tmp_path)
    first = load_corpus(folder, cache=cache)
    built = len(counted)
    again = load_corpus(folder, cache=cache)
    for loaded in (first, again):
        pd.testing.assert_frame_equal(loaded.articles, plain.articles)
        pd.testing.assert_frame_equal(loaded.rejected, plain.rejected)
        assert loaded.content_hash == plain.content_hash
    assert built >= len(plain.articles) and len(counted) == built, "the second load built rows again"


def test_only_a_new_or_changed_article_is_read_again(tmp_path, counted):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    cache = AnalysisCache(tmp_path / "cache")
    load_corpus(folder, cache=cache)
    counted.clear()
    (folder / "zz-new.txt").write_text(" date 2024-05-01 The ministry said on Monday that talks would resume.\n")
    seed = sorted(folder.glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA correction was added.", encoding="utf-8")
    grown = load_corpus(folder, cache=cache)
    assert sorted(counted) == sorted(["zz-new", seed.stem])
    assert len(grown.articles) == 4 and "correction was added" in grown.articles.set_index("article_id").loc[seed.stem, "text"]


def test_a_row_inserted_above_others_in_a_table_leaves_them_known(tmp_path, counted):
    """Rows keep their place in the ledger (file:row) but are not read again because their number changed."""
    table = tmp_path / "articles.csv"
    rows = [("a1", "2024-03-01", "The ministry said on Monday that talks would resume."),
            ("a2", "2024-03-02", "Officials said the plant would close, according to a statement."),
            ("a3", "2024-03-03", "The company denied the report, a spokeswoman said.")]

    def write(chosen):
        pd.DataFrame(chosen, columns=["id", "date", "text"]).to_csv(table, index=False)

    write(rows)
    cache = AnalysisCache(tmp_path / "cache")
    load_corpus(table, cache=cache)
    counted.clear()
    write([rows[0], ("new", "2024-03-04", "Police said two people were hurt."), *rows[1:]])
    grown = load_corpus(table, cache=cache)
    assert counted == ["new"]
    pd.testing.assert_frame_equal(grown.articles, load_corpus(table).articles)
    assert grown.articles.set_index("article_id").loc["a3", "source_file"] == "articles.csv:5"  # line 5, after the header


def test_another_day_reads_the_articles_again(tmp_path, counted):
    """A date in the future is refused relative to the day of the load, so a row is kept for that day only."""
    cache = AnalysisCache(tmp_path)
    load_corpus(SEEDS, cache=cache, today=dt.date(2026, 1, 1))
    built = len(counted)
    load_corpus(SEEDS, cache=cache, today=dt.date(2026, 1, 2))
    assert len(counted) == 2 * built


def test_the_command_line_loads_through_the_cache_unless_told_not_to(tmp_path, counted, monkeypatch):
    monkeypatch.setenv("SOURCEBOOK_CACHE", str(tmp_path / "cache"))
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "a"), "--engines", "textblob"]) == 0
    built = len(counted)
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "b"), "--engines", "textblob"]) == 0
    assert len(counted) == built  # read from the cache
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "c"), "--engines", "textblob", "--no-cache"]) == 0
    assert len(counted) == 2 * built
    assert (tmp_path / "a" / "articles.csv").read_bytes() == (tmp_path / "b" / "articles.csv").read_bytes()


@pytest.mark.parametrize("module, function", [
    ("helpers.claims.threads", "assign"),  # threading the claims
    ("helpers.attribution.across", "apply_to_file"),  # roles across articles
])
def test_a_corpus_pass_is_read_back_for_an_unchanged_corpus_and_run_again_for_a_changed_one(
        tmp_path, monkeypatch, module, function):
    import importlib

    from helpers.analysis import analyze_to_folder

    runs = []
    owner = importlib.import_module(module)
    original = getattr(owner, function)
    monkeypatch.setattr(owner, function, lambda *a, **k: runs.append(1) or original(*a, **k))
    cache = AnalysisCache(tmp_path / "cache")
    corpus = load_corpus(SEEDS)
    first = analyze_to_folder(corpus, tmp_path / "first", engines=("textblob",), cache=cache)
    again = analyze_to_folder(corpus, tmp_path / "again", engines=("textblob",), cache=cache)
    assert len(runs) == 1, f"the second run ran {function} again"
    assert first.rows == again.rows and first.rows["claims"] > 0
    analyze_to_folder(corpus, tmp_path / "plain", engines=("textblob",))
    for name in ("claims.csv", "claim_threads.csv", "attributions.csv", "articles.csv"):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes(), name
    fewer = type(corpus)(corpus.articles.iloc[:2], corpus.rejected)
    analyze_to_folder(fewer, tmp_path / "fewer", engines=("textblob",), cache=cache)
    assert len(runs) == 3  # the run without a cache, then a changed corpus: run again


def test_a_row_inserted_above_a_batch_leaves_the_batch_in_the_cache_with_its_new_line_numbers(tmp_path, monkeypatch):
    """Batches are cut by the articles' hashes and keyed without their line numbers: an article added at the top
    of a file shifts every line number, yet only the batch it joins is built again, and every table equals a run
    without the cache."""
    from helpers import analysis

    table = tmp_path / "articles.csv"
    rows = [(f"a{k}", f"2024-03-{k % 28 + 1:02d}", f"Officials said on day {k} that plan {k} would go ahead.")
            for k in range(60)]

    def write(chosen):
        pd.DataFrame(chosen, columns=["id", "date", "text"]).to_csv(table, index=False)

    built = []
    original = analysis.batch_tables
    monkeypatch.setattr(analysis, "batch_tables", lambda *a, **k: built.append(len(a[0])) or original(*a, **k))
    cache = AnalysisCache(tmp_path / "cache")
    write(rows)
    analysis.analyze_to_folder(load_corpus(table, cache=cache), tmp_path / "first", ("textblob",), cache=cache,
                               batch_size=4)
    assert len(built) > 3, "the corpus should be cut into several batches for this test"
    built.clear()
    write([("new", "2024-03-05", "Police said two people were hurt."), *rows])
    analysis.analyze_to_folder(load_corpus(table, cache=cache), tmp_path / "again", ("textblob",), cache=cache,
                               batch_size=4)
    assert len(built) <= 2, built  # the batch the new article joined (and the one after it, if the cut moved)
    analysis.analyze_to_folder(load_corpus(table), tmp_path / "plain", ("textblob",), batch_size=4)
    for name in ("articles.csv", "attributions.csv", "claims.csv", "claim_threads.csv"):
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes(), name
    articles = pd.read_csv(tmp_path / "again" / "articles.csv", dtype=str).set_index("article_id")
    assert articles.loc["a59", "source_file"] == "articles.csv:62" and len(articles) == 61


def test_a_corpus_pass_is_stored_as_its_pickle_compressed_whole_and_read_back(tmp_path):
    """``put_pass`` pickles into the compressor as it goes; what it stores is the size of the pickle and
    ``pa.compress(pickle.dumps(result))``, the format ``get_pass`` (and every cache already written) reads."""
    import pickle

    import pyarrow as pa

    cache = AnalysisCache(tmp_path / "cache")
    result = {"files": {"claims": b"article_id,claim\n" + b"a1,it rose\n" * 200_000, "claim_threads": b""},
              "rows": {"claims": 200_000, "claim_threads": 0}}
    assert cache.put_pass("k", result)
    stored = cache.db.execute("SELECT value FROM passes WHERE key = 'k'").fetchone()[0]
    data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    assert int.from_bytes(stored[:8], "little") == len(data)
    assert pa.decompress(stored[8:], decompressed_size=len(data), codec="zstd").to_pybytes() == data
    assert cache.get_pass("k") == result
    assert not cache.put_pass("too big", result, limit=10) and cache.get_pass("too big") is None

"""One analysis, many views: the tables, their round trip through CSV, and the accounting."""

import pandas as pd

from helpers.analysis import analyze
from helpers.store import read_tables, write_tables
from helpers.corpus import load_corpus
from helpers.notebook import select

from .conftest import FIXTURES


def test_tables_round_trip(seed_analysis, tmp_path):
    write_tables(seed_analysis, tmp_path)
    back = read_tables(tmp_path)
    assert list(back.articles["article_id"]) == list(seed_analysis.articles["article_id"])
    assert back.sentences["polarity"].round(12).tolist() == seed_analysis.sentences["polarity"].round(12).tolist()
    assert len(back.attributions) == len(seed_analysis.attributions)
    assert back.meta["corpus_hash"] == seed_analysis.meta["corpus_hash"]
    assert back.articles["date"].dtype.kind == "M"


def test_every_input_is_analysed_or_reported(monkeypatch):
    corpus = load_corpus(FIXTURES / "bad_inputs")
    import helpers.article as article_module

    original = article_module.analyze_article

    def failing(text, engines):
        if "budget" in text:
            raise RuntimeError("boom")
        return original(text, engines)

    monkeypatch.setattr(article_module, "analyze_article", failing)
    result = analyze(corpus)
    counts = result.counts
    assert counts["inputs"] == 11 == counts["analysed"] + counts["rejected"] + counts["duplicates"]
    failed = result.rejected[result.rejected["reason"].str.startswith("analysis failed")]
    assert list(failed["article_id"]) == ["future-date"] and "RuntimeError: boom" in failed.iloc[0]["reason"]


def test_select_by_date_and_keyword_lists_what_it_leaves_out(seed_analysis):
    view = select(seed_analysis, start_date="2020-01-01", keyword="Tesla")
    assert set(view.articles["article_id"]) == {"2020-09-11-tesla-shanghai-exports"}
    assert dict(zip(view.excluded["article_id"], view.excluded["reason"])) == {
        "2019-09-19-tesla-shanghai-preproduction": "before start_date 2020-01-01",
        "undated-tesla-second-china-factory-rumours": "no date, so outside the chosen date range"}
    assert set(view.sentences["article_id"]) <= set(view.articles["article_id"])
    view = select(seed_analysis, keyword="Weibo")
    assert list(view.articles["article_id"]) == ["2019-09-19-tesla-shanghai-preproduction"]


def test_articles_without_dates_are_excluded_from_date_ranges_with_a_reason():
    data = analyze(load_corpus(FIXTURES / "bad_inputs"))
    view = select(data, start_date="2000-01-01")
    reasons = dict(zip(view.excluded["article_id"], view.excluded["reason"]))
    assert reasons["malformed-date"] == "no date, so outside the chosen date range"
    assert len(view.articles) + len(view.excluded) == len(data.articles)
    assert pd.isna(data.articles.set_index("article_id").loc["malformed-date", "date"])


def test_keyword_matches_whole_words_only(seed_analysis):
    from helpers.notebook import keyword_sentences

    view = select(seed_analysis, keyword="EV")
    assert len(view.articles) == 2  # "EV market", "EV player"; not "believed" or "delivery"
    sentences = keyword_sentences(view, "EV").sentences
    assert sentences["text"].str.contains(r"\bEV\b").all()


def test_hover_text_is_escaped_but_quotes_stay_readable():
    from helpers.charts import hover_article

    frame = pd.DataFrame({"article_id": ["x"], "title": ['Musk says "ready" <script>'], "outlet": ["A&B"],
                          "date": [pd.Timestamp("2020-01-02")], "date_source": ["header"]})
    label = hover_article(frame).iloc[0]
    assert '"ready"' in label and "&lt;script&gt;" in label and "A&amp;B" in label and "&quot;" not in label


def test_batch_by_batch_writing_gives_the_tables_of_the_in_memory_analysis(monkeypatch, tmp_path):
    """analyze_to_folder (what `sourcebook analyze` and `render` use) writes what write_tables(analyze()) writes."""
    import helpers.article as article_module
    from helpers.analysis import analyze_to_folder

    corpus = load_corpus(FIXTURES / "bad_inputs")
    original = article_module.analyze_article
    monkeypatch.setattr(article_module, "analyze_article",
                        lambda text, engines: (_ for _ in ()).throw(RuntimeError("boom")) if "budget" in text
                        else original(text, engines))
    whole = analyze(corpus, workers=1)
    write_tables(whole, tmp_path / "whole")
    written = analyze_to_folder(corpus, tmp_path / "batches", workers=1, batch_size=2)  # several batches
    assert written.counts == whole.counts
    assert written.rows["sentences"] == len(whole.sentences) and written.rows["attributions"] == len(whole.attributions)
    a, b = read_tables(tmp_path / "whole"), read_tables(tmp_path / "batches")
    for name in ("articles", "sentences", "attributions", "claims", "claim_threads", "rejected"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_dtype=False)
    assert "RuntimeError: boom" in " ".join(b.rejected["reason"])
    assert sorted(p.name for p in (tmp_path / "batches").iterdir()) == [
        "analysis.json", "articles.csv", "attributions.csv", "claim_threads.csv", "claims.csv", "rejected.csv",
        "sentences.parquet"]


def test_an_empty_corpus_writes_empty_tables_with_their_columns(tmp_path):
    from helpers.analysis import analyze_to_folder
    from helpers.article import SENTENCE_COLUMNS
    from helpers.corpus import Corpus

    corpus = load_corpus(FIXTURES / "bad_inputs")
    nothing = Corpus(corpus.articles.iloc[0:0], corpus.rejected, corpus.path)
    written = analyze_to_folder(nothing, tmp_path)
    back = read_tables(tmp_path)
    assert written.counts["analysed"] == 0 and len(back.articles) == 0
    assert list(back.sentences.columns) == SENTENCE_COLUMNS and "polarity_textblob" in back.articles.columns
    assert written.meta["date_range"] == {"first": None, "last": None}


def test_a_damaged_table_is_named_in_one_line(seed_analysis, tmp_path):
    import pytest

    from helpers.errors import SourcebookError

    write_tables(seed_analysis, tmp_path)
    (tmp_path / "sentences.parquet").write_bytes(b"not parquet")
    with pytest.raises(SourcebookError, match="sentences.parquet: cannot be read"):
        read_tables(tmp_path)


def test_a_first_batch_without_sentences_does_not_decide_the_table_types(monkeypatch, tmp_path):
    """Every article of the first batch fails: the next batches are still written, as in memory."""
    import helpers.article as article_module
    from helpers.analysis import analyze_to_folder
    from helpers.batch import batch_bounds

    corpus = load_corpus(FIXTURES / "bad_inputs")
    first_start, first_end = batch_bounds(corpus.articles, size=2)[0]
    doomed = set(corpus.articles["text"].iloc[first_start:first_end])
    original = article_module.analyze_article
    monkeypatch.setattr(article_module, "analyze_article",
                        lambda text, engines: (_ for _ in ()).throw(RuntimeError("boom")) if text in doomed
                        else original(text, engines))
    whole = analyze(corpus, workers=1)
    written = analyze_to_folder(corpus, tmp_path, workers=1, batch_size=2)
    assert written.counts == whole.counts and written.rows["sentences"] == len(whole.sentences) > 0
    back = read_tables(tmp_path)
    pd.testing.assert_frame_equal(back.sentences, whole.sentences, check_dtype=False)
    assert back.sentences["article_id"].dtype != "float64"


def test_tone_columns_read_back_as_floats_even_when_whole_numbers(tmp_path):
    analysis = analyze(load_corpus(FIXTURES / "bad_inputs"), workers=1)
    analysis.articles["share_positive_textblob"] = 0.0  # "0" in the CSV
    write_tables(analysis, tmp_path)
    back = read_tables(tmp_path)
    for column in [c for c in back.articles.columns if c.startswith(("polarity_", "subjectivity_", "share_"))]:
        assert back.articles[column].dtype == "float64", column


def test_a_failed_run_leaves_no_tables_that_look_finished(monkeypatch, tmp_path):
    import pytest

    import helpers.analysis as analysis_module
    from helpers.analysis import analyze_to_folder

    corpus = load_corpus(FIXTURES / "bad_inputs")
    analyze_to_folder(corpus, tmp_path, workers=1)
    assert (tmp_path / "analysis.json").exists()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(analysis_module, "batch_tables", interrupted)
    with pytest.raises(KeyboardInterrupt):
        analyze_to_folder(corpus, tmp_path, workers=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == []

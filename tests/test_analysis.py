"""One analysis, many views: the tables, their round trip through CSV, and the accounting."""

import pandas as pd

from helpers.analysis import analyze, read_tables, write_tables
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
    import helpers.analysis as analysis_module

    original = analysis_module.analyze_article

    def failing(text, engines):
        if "budget" in text:
            raise RuntimeError("boom")
        return original(text, engines)

    monkeypatch.setattr(analysis_module, "analyze_article", failing)
    result = analyze(corpus)
    counts = result.counts
    assert counts["inputs"] == 11 == counts["analysed"] + counts["rejected"] + counts["duplicates"]
    failed = result.rejected[result.rejected["reason"].str.startswith("analysis failed")]
    assert list(failed["article_id"]) == ["future-date"] and "RuntimeError: boom" in failed.iloc[0]["reason"]


def test_select_by_date_and_keyword_lists_what_it_leaves_out(seed_analysis):
    view = select(seed_analysis, start_date="2020-01-01", keyword="Tesla")
    assert set(view.articles["article_id"]) == {"2020-09-11-tesla-shanghai-exports", "undated-tesla-second-china-factory-rumours"}
    assert list(view.excluded["reason"]) == ["before start_date 2020-01-01"]
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

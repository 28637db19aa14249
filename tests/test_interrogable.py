"""From a chart mark to its rows, in Python: the keys a mark carries select exactly the evidence rows it counts.

The browser test clicks real marks in a rendered report; these tests check the same contract on every mark
of every chart, at the scales where charts aggregate, which a browser test cannot afford to click through.
"""

import numpy as np
import pandas as pd
import pytest

from helpers import charts, sentiment, views
from helpers import notebook as nb

TYPES = ["anonymous", "official", "company", "media", "expert", "social_media", "political", "other"]


def _corpus(n_articles: int, seed: int = 3):
    rng = np.random.default_rng(seed)
    dates = pd.Timestamp("2018-03-01") + pd.to_timedelta(rng.integers(0, 400, n_articles), unit="D")
    articles = pd.DataFrame({
        "article_id": [f"art-{i}" for i in range(n_articles)],  # art-1 and art-10: no key may be a prefix
        "date": dates, "date_source": rng.choice(["column", "inferred"], n_articles, p=[0.8, 0.2]),
        "outlet": rng.choice(["Reuters", "Thomson Reuters", "Xinhua", ""], n_articles),
        "title": [f"Title {i}" for i in range(n_articles)], "n_words": 500, "n_sentences": 20, "source_file": "f",
    })
    rows = []
    for article, date in zip(articles["article_id"], articles["date"]):
        for k in range(int(rng.integers(1, 6))):
            kind = str(rng.choice(TYPES))
            rows.append({
                "article_id": article, "date": date, "sentence_id": k, "start": 10 * k, "end": 10 * k + 5,
                "sentence": f"Sentence {k} of {article}.", "source_type": kind,
                "source_name": "" if kind == "anonymous" else str(rng.choice(["Gao Feng", "Tesla", "Weibo users"])),
                "platform": "Weibo" if kind == "social_media" else "", "cue": "said", "via": "",
                "type_evidence": "", "confidence": "high", "corrected": False,
            })
    return articles, pd.DataFrame(rows)


def _rows_behind(evidence: pd.DataFrame, keys: str) -> int:
    """What the evidence table's search keeps for a mark's keys: rows holding every key."""
    marks = evidence["marks"] + " "
    held = pd.Series(True, index=evidence.index)
    for key in keys.split():
        held &= marks.str.contains(key, regex=False)
    return int(held.sum())


def _clickable_marks(fig):
    for trace in fig.data:
        custom = trace.customdata
        if custom is None:
            continue
        flat = [cell for row in custom for cell in row] if trace.type == "heatmap" else list(custom)
        for data in flat:
            if isinstance(data[-1], str) and data[-1]:
                yield trace.name, int(data[-3]), data[-1]


@pytest.mark.parametrize("n_articles", [30, 400])  # one bar per article, and one bar per period
def test_every_mark_of_every_sourcing_chart_selects_exactly_the_rows_it_counts(n_articles):
    articles, attributions = _corpus(n_articles)
    evidence = views.evidence(attributions, articles)
    figures = [charts.source_mix_over_time(attributions, articles),
               charts.share_over_time(attributions, articles, ["anonymous", "official", "social_media"]),
               charts.platforms_over_time(attributions),
               charts.type_by_outlet_heatmap(attributions, articles)]
    checked = 0
    for fig in figures:
        for name, count, keys in _clickable_marks(fig):
            assert _rows_behind(evidence, keys) == count, (fig.layout.title.text, name, keys)
            checked += 1
    assert checked > 40


def test_every_bar_of_the_timeline_selects_exactly_its_articles():
    articles, _ = _corpus(400)
    overview = views.articles_overview(articles)
    fig = charts.article_timeline(articles)
    marks = list(_clickable_marks(fig))
    assert sum(count for _, count, _ in marks) == len(articles)
    for _name, count, keys in marks:
        assert _rows_behind(overview, keys) == count, keys


def test_marks_keys_are_whole_tokens():
    articles, attributions = _corpus(30)
    evidence = views.evidence(attributions, articles)
    one = evidence[evidence["article_id"] == "art-1"]
    assert _rows_behind(evidence, "a:art-1;") == len(one)  # not the rows of art-10 .. art-19
    assert _rows_behind(evidence, "o:Reuters;") == int((attributions.merge(articles, on="article_id")["outlet"]
                                                        == "Reuters").sum())  # not Thomson Reuters
    assert "o:outlet_unknown;" in " ".join(evidence["marks"])


def test_wilson_interval_is_wide_for_few_and_narrow_for_many():
    low, high = charts.wilson_interval([1, 100, 0], [3, 300, 0])
    assert low[0] == pytest.approx(0.0615, abs=1e-3) and high[0] == pytest.approx(0.7923, abs=1e-3)
    assert high[1] - low[1] < 0.11 and low[1] < 1 / 3 < high[1]
    assert (low[2], high[2]) == (0.0, 1.0)  # nothing known about an empty period


def test_periods_with_few_attributions_are_faded_and_carry_their_counts():
    articles, attributions = _corpus(400)
    fig = charts.share_over_time(attributions, articles, ["anonymous"])
    trace = fig.data[0]
    totals = [row[1] for row in trace.customdata]
    assert [o < 1 for o in trace.marker.opacity] == [t < charts.FEW_ATTRIBUTIONS for t in totals]
    assert trace.error_y.array is not None and "Wilson" in charts.share_caption(attributions)


def test_an_evidence_table_over_its_budget_keeps_the_first_rows_and_says_where_the_rest_are(tmp_path):
    frame = pd.DataFrame({"date": pd.date_range("2020-01-01", periods=1000, freq="D")[::-1].strftime("%Y-%m-%d"),
                          "sentence": ["x" * 1000] * 1000, "marks": "a:1;"})
    table = nb.evidence_table(frame, "03-attributions", str(tmp_path), chosen="the most recent", budget_bytes=100_000)
    assert 50 < len(table.shown) < 100 and table.shown["date"].iloc[0] == "2022-09-26"  # the newest kept
    html = table._repr_html_()
    assert f"{len(table.shown):,} of 1,000 rows shown (the most recent first); all in data/03-attributions.csv" in html
    written = pd.read_csv(tmp_path / "03-attributions.csv")
    assert len(written) == 1000 and "marks" not in written.columns  # the CSV has every row, no internal keys


def test_an_evidence_table_escapes_its_cells():
    frame = pd.DataFrame({"sentence": ["<script>alert(1)</script>"], "marks": ["a:1;"]})
    html = nb.evidence_table(frame, "x", "", chosen="the most recent")._repr_html_()
    assert "<script>alert(1)</script>" not in html


def test_the_tone_tables_show_the_words_that_scored():
    assert "base -0.80" in sentiment.explain("The company expanded its production base in Shanghai.", "textblob")
    assert "greatest +1.00" in sentiment.explain("It was the greatest theft in the history of the world.", "textblob")
    assert sentiment.explain("Shares rose 7% on Monday.", "textblob") == "rose +0.60"  # the flower, not the price
    assert sentiment.explain("Shares jumped 7% on Monday.", "textblob") == ""

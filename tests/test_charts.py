"""Charts at both scales: one mark per article for a small view, honest aggregates for a large one."""

import numpy as np
import pandas as pd

from helpers import charts


def _articles(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    dates = pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 3 * 365, n), unit="D")
    return pd.DataFrame({
        "article_id": [f"a{i}" for i in range(n)], "date": dates, "date_source": "column",
        "outlet": rng.choice(["Reuters", "Xinhua", "Electrek"], n), "title": "t", "source_file": "f",
        "polarity_textblob": 0.06 + rng.normal(0, 0.01, n), "subjectivity_textblob": rng.uniform(0.3, 0.5, n),
    })


def test_a_small_view_draws_every_article():
    small = _articles(50)
    fig = charts.score_over_time(small, "polarity_textblob", "Polarity", rolling_window=5)
    points = sum(len(trace.x) for trace in fig.data if trace.mode == "markers")
    assert points == 50
    assert "Each point is one article" in charts.score_over_time_caption(small, "polarity_textblob")


def test_a_large_view_draws_period_means_with_the_spread_on_an_honest_axis():
    large = _articles(charts.MAX_POINTS + 500)
    fig = charts.score_over_time(large, "polarity_textblob", "Polarity")
    means = [t for t in fig.data if t.name and t.name.startswith("mean per")]
    assert len(means) == 1 and len(means[0].x) <= 3 * 53 + 1  # per week at most, not per article
    assert sum(row[-3] for row in means[0].customdata) == len(large)  # every article counted in some period
    assert any(t.fill == "tonexty" for t in fig.data)  # the middle half of the articles, shaded
    low, high = fig.layout.yaxis.range
    assert low <= -0.25 and high >= 0.25  # a 0.01 wobble must not fill the chart
    caption = charts.score_over_time_caption(large, "polarity_textblob")
    assert "mean polarity" in caption and "middle half" in caption


def test_outlet_spread_at_scale_keeps_an_honest_axis():
    large = _articles(charts.MAX_POINTS + 10)
    fig = charts.tone_by_outlet(large, "polarity_textblob", "Polarity")
    low, high = fig.layout.xaxis.range
    assert low <= -0.25 and high >= 0.25
    assert "standard deviation" in charts.tone_by_outlet_caption(large, "polarity_textblob")


def test_source_mix_caption_follows_the_chart():
    assert "in each article" in charts.source_mix_caption(_articles(charts.SOURCE_MIX_MAX_BARS))
    assert "each period" in charts.source_mix_caption(_articles(charts.SOURCE_MIX_MAX_BARS + 1))


def test_the_publication_timeline_counts_every_dated_article_once_at_any_scale():
    for n in (40, charts.MAX_POINTS + 1):
        frame = _articles(n)
        fig = charts.article_timeline(frame)
        assert all(t.type == "bar" for t in fig.data)
        assert sum(int(sum(t.y)) for t in fig.data) == n  # every article in one bar, given or inferred
        counts = [row[-3] for t in fig.data for row in t.customdata]
        assert sum(counts) == n  # the click count is the bar's height
    assert "Each bar counts the articles of one" in charts.article_timeline_caption(_articles(40))


def test_the_timeline_keeps_empty_periods_empty():
    """Two busy months a year apart: the periods between are bars of zero, not stretched neighbours."""
    frame = _articles(3000)
    frame["date"] = [pd.Timestamp("2023-01-10")] * 1500 + [pd.Timestamp("2024-01-10")] * 1500
    bars = charts.article_timeline(frame).data[0]
    columns = pd.to_datetime(list(bars.x))
    assert len(columns) >= 50 and (pd.Series(columns).diff().dropna() == pd.Timedelta(days=7)).all()
    assert int(sum(bars.y)) == 3000 and sum(1 for y in bars.y if y > 0) == 2


def test_captions_follow_the_charts_own_filters():
    """Many articles but few dated: the chart draws every article, and the caption says so."""
    frame = _articles(charts.MAX_POINTS + 500)
    frame.loc[frame.index[:600], "date"] = pd.NaT
    fig = charts.score_over_time(frame, "polarity_textblob", "Polarity")
    assert not any((t.name or "").startswith("mean per") for t in fig.data)
    assert "Each point is one article" in charts.score_over_time_caption(frame, "polarity_textblob")


def test_platform_bars_are_as_wide_as_their_period_with_whole_number_ticks():
    rows = pd.DataFrame({"article_id": ["a", "b"], "date": pd.to_datetime(["2019-09-19", "2020-09-11"]),
                         "platform": ["weibo", "twitter"]})
    fig = charts.platforms_over_time(rows)
    assert all(trace.width == charts.PERIOD_MS["W"] * 0.8 for trace in fig.data)  # weeks over a year's span
    assert fig.layout.yaxis.dtick == 1


def test_platforms_show_their_names_and_select_by_their_keys():
    rows = pd.DataFrame({"article_id": ["a", "b"], "date": pd.to_datetime(["2019-09-19", "2019-09-20"]),
                         "platform": ["wechat", "twitter"]})
    fig = charts.platforms_over_time(rows)
    assert sorted(trace.name for trace in fig.data) == ["Twitter/X", "WeChat"]
    keys = {trace.name: trace.customdata[0][2] for trace in fig.data}
    assert keys["WeChat"].endswith("p:wechat;") and keys["Twitter/X"].endswith("p:twitter;")

"""The figures the notebooks show, built from the analysis tables.

Every chart function takes tidy tables and returns a plotly Figure; none reads
files or computes an analysis. Conventions, so charts read alike:

- a date read from the article or its table is a filled marker; an *inferred*
  date (see ``dates.infer_date``) is a hollow marker and says so on hover;
- articles without any date cannot be placed on a time axis: charts say how
  many were left off, and the notebooks list them;
- hover text is HTML-escaped: article text never becomes markup;
- a line is never drawn across a long gap between articles;
- with many articles, charts aggregate by day, week or month (``time_bucket``)
  instead of drawing one mark per article.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.io.base_renderers import MimetypeRenderer
from plotly.offline import get_plotlyjs

from .attribution.lexicons import platform_names
from .attribution.records import SOURCE_TYPES

SOURCE_TYPE_LABELS = {
    "anonymous": "Anonymous",
    "social_media": "Social media",
    "official": "Official",
    "political": "Political",
    "company": "Company",
    "expert": "Expert",
    "media": "Media",
    "other": "Other",
}
SOURCE_TYPE_COLORS = {
    "anonymous": "#d62728",
    "social_media": "#9467bd",
    "official": "#1f77b4",
    "political": "#17becf",
    "company": "#ff7f0e",
    "expert": "#2ca02c",
    "media": "#8c564b",
    "other": "#7f7f7f",
}
DATE_SOURCE_LABELS = {"header": "date given", "column": "date given", "page": "date given", "inferred": "date inferred",
                      "missing": "no date"}
HEIGHT = 420
MAX_POINTS = 2000  # beyond this many articles, time charts aggregate instead of drawing each one
LONG_GAP_DAYS = 120  # a rolling line is broken across gaps longer than this


class OfflineHtmlRenderer(MimetypeRenderer):
    """A ``text/html`` renderer that needs no network at all.

    On activation it displays plotly.js itself, once; each figure is then a div
    and a script calling the already-loaded ``Plotly``. Unlike plotly's own
    ``notebook`` renderer it loads no MathJax from a CDN (plotly 6+ adds one
    ``<script src=https://cdnjs...>`` per figure), so an opened report tells no
    third party.
    """

    def activate(self):
        from IPython.display import display_html

        display_html(
            "<script>window.PlotlyConfig = {MathJaxConfig: 'local'};</script>"
            f"<script>{get_plotlyjs()}</script>",
            raw=True,
        )

    def to_mimebundle(self, fig_dict):
        html_text = pio.to_html(
            fig_dict, include_plotlyjs=False, include_mathjax=False, full_html=False, validate=False,
            default_width="100%", default_height=HEIGHT, config={"displaylogo": False, "responsive": True},
        )
        return {"text/html": html_text}


def use_offline_renderer() -> None:
    """Charts that work live in JupyterLab and in exported HTML, offline.

    ``plotly_mimetype`` draws in JupyterLab; ``sourcebook_offline`` embeds
    plotly.js once (in the output of the cell that calls this) so nbconvert's
    HTML draws every chart with no network. Inside a kernel plotly's default is
    ``plotly_mimetype`` alone, which leaves exported HTML with no chart at all.
    """
    pio.renderers["sourcebook_offline"] = OfflineHtmlRenderer()
    pio.renderers.default = "plotly_mimetype+sourcebook_offline"
    pio.templates.default = "plotly_white"


def _escape(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    # quote=False: plotly decodes &lt; &gt; &amp; in labels but would show &quot; literally.
    return html.escape(str(value), quote=False)


def _layout(fig: go.Figure, title: str, xaxis: str = "", yaxis: str = "", height: int = HEIGHT) -> go.Figure:
    fig.update_layout(
        title={"text": _escape(title), "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 60, "r": 20, "t": 60, "b": 50},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1, "traceorder": "normal"},
        hoverlabel={"align": "left"},
    )
    fig.update_xaxes(title_text=xaxis)
    fig.update_yaxes(title_text=yaxis)
    return fig


def _empty(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=_escape(message), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font={"size": 14})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height=220)


def time_bucket(dates: pd.Series) -> tuple[str, str]:
    """The period to aggregate by for a span of dates: ('D', 'day'), ('W', 'week') or ('M', 'month')."""
    dates = pd.to_datetime(dates).dropna()
    if dates.empty:
        return "D", "day"
    span = (dates.max() - dates.min()).days
    if span <= 90:
        return "D", "day"
    if span <= 2 * 365:
        return "W", "week"
    return "M", "month"


PERIOD_RANGE_FREQ = {"D": "D", "W": "W-MON", "M": "MS"}  # the period starts ``period_start`` gives
PERIOD_MS = {"D": 86_400_000, "W": 7 * 86_400_000, "M": 30 * 86_400_000}  # a period's length on a date axis


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of each date's period."""
    dates = pd.to_datetime(dates)
    if freq == "D":
        return dates.dt.normalize()
    if freq == "W":
        return (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.normalize()
    return dates.dt.to_period("M").dt.start_time


def hover_article(articles: pd.DataFrame) -> pd.Series:
    """Escaped hover text: title, outlet, date and how the date was obtained, article id."""
    date_text = articles["date"].dt.strftime("%Y-%m-%d").fillna("no date")
    how = articles["date_source"].map(DATE_SOURCE_LABELS).fillna("")
    return (
        "<b>" + articles["title"].map(_escape) + "</b><br>"
        + articles["outlet"].map(lambda o: _escape(o) or "outlet unknown") + " · " + date_text + " (" + how + ")"
        + "<br>id: " + articles["article_id"].map(_escape)
    )


def _dated(articles: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    dated = articles[articles["date"].notna()].sort_values(["date", "article_id"])
    return dated, int(articles["date"].isna().sum())


def _undated_note(n_undated: int) -> str:
    return f" · {n_undated} article(s) without a date are not on this axis (listed in the tables)" if n_undated else ""


def _language_note(articles: pd.DataFrame) -> str:
    """' · N not in English (counted here, not scored)' for a chart of articles that counts them, else ''."""
    if "language" not in articles:
        return ""
    other = int((~articles["language"].fillna("en").isin(["en", ""])).sum())
    return f" · {other} not in English (counted here, not scored for tone or sourcing)" if other else ""


def article_timeline(articles: pd.DataFrame) -> go.Figure:
    """Articles per day, week or month (from the date span), the inferred dates stacked apart: every article counted,
    none hidden behind another."""
    title = "When the articles were published"
    dated, n_undated = _dated(articles)
    if dated.empty:
        return _empty(title, "No article has a date, given or inferred." + _undated_note(n_undated))
    freq, unit = time_bucket(dated["date"])
    dated = dated.assign(period=period_start(dated["date"], freq))
    every = pd.date_range(dated["period"].min(), dated["period"].max(), freq=PERIOD_RANGE_FREQ[freq])
    keys, labels = period_key(every, freq), period_label(every, freq)
    fig = go.Figure()
    for inferred, name, colour in ((False, "date given", "#1f77b4"), (True, "date inferred from the text", "#9ecae1")):
        group = dated[(dated["date_source"] == "inferred") == inferred]
        if group.empty:
            continue
        counts = group.groupby("period").size().reindex(every, fill_value=0)
        listed = group.groupby("period").apply(_titles).reindex(every).fillna("")
        token = "g:inferred;" if inferred else "g:given;"
        custom = [[h, int(c), f"{c} article(s) of {l} ({name})", f"{k} {token}"]
                  for h, c, l, k in zip(listed, counts, labels, keys)]
        fig.add_trace(go.Bar(
            x=every, y=counts, name=name, marker_color=colour, width=PERIOD_MS[freq] * 0.85, customdata=custom,
            hovertemplate="%{x|%Y-%m-%d}: %{y} article(s), " + name + "<br>%{customdata[0]}"
                          "<br><i>click: these articles in the table</i><extra></extra>"))
    fig = _layout(fig, f"{title} (articles per {unit})" + _undated_note(n_undated) + _language_note(dated),
                  "publication date",
                  f"articles per {unit}")
    fig.update_layout(barmode="stack")
    fig.update_yaxes(tickformat="d", rangemode="tozero")
    return fig


def _titles(group: pd.DataFrame, n: int = 5) -> str:
    """Escaped titles of a period's articles for a hover label: the first few, and how many more."""
    titles = [f"{_escape(t)} ({_escape(o) or 'outlet unknown'})" for t, o in zip(group["title"], group["outlet"])]
    more = f"<br>… and {len(titles) - n} more" if len(titles) > n else ""
    return "<br>".join(titles[:n]) + more


def article_timeline_caption(articles: pd.DataFrame) -> str:
    """What ``article_timeline`` shows, for the view's span."""
    _freq, unit = time_bucket(articles["date"])
    return (f"Each bar counts the articles of one {unit}: the dark part those whose date was given, the light part "
            "those whose date was inferred from the text (only where the text pins the date down: see the date evidence). "
            "Hover for the titles; click a bar to list its articles in the table below.")


def words_per_article(articles: pd.DataFrame) -> go.Figure:
    """Length of each article in words (a histogram when there are many)."""
    title = "How long the articles are"
    if articles.empty:
        return _empty(title, "No articles.")
    title += _language_note(articles)
    if len(articles) > 40:
        counts, edges = np.histogram(articles["n_words"], bins=40)
        fig = _binned_bars(counts, edges, "articles")
        return _layout(fig, title, "words per article", "number of articles")
    ordered = articles.sort_values(["date", "article_id"], na_position="last")
    fig = go.Figure(
        go.Bar(
            x=ordered["n_words"],
            y=ordered["article_id"],
            orientation="h",
            hovertext=hover_article(ordered),
            hoverinfo="text+x",
            name="words",
        )
    )
    fig = _layout(fig, title, "words", "", height=max(220, 40 * len(ordered) + 100))
    fig.update_yaxes(autorange="reversed", type="category")
    return fig


def outlets(articles: pd.DataFrame, top: int = 25) -> go.Figure:
    """Articles per outlet (the ``top`` largest)."""
    title = "Which outlets the articles come from"
    if articles.empty:
        return _empty(title, "No articles.")
    title += _language_note(articles)
    counts = articles["outlet"].replace("", "outlet unknown").fillna("outlet unknown").value_counts()
    counts = counts.sort_values(ascending=False).head(top).sort_values()
    fig = go.Figure(go.Bar(x=counts.values, y=counts.index, orientation="h", name="articles"))
    fig = _layout(fig, title, "articles", "", height=max(220, 28 * len(counts) + 100))
    fig.update_xaxes(tickformat="d", rangemode="tozero", dtick=1 if counts.max() <= 10 else None)
    return fig


# --- tone -------------------------------------------------------------------------------------


def _rolling_line(dated: pd.DataFrame, column: str, window: int) -> tuple[pd.Series, pd.Series]:
    """A centred rolling mean over articles in date order, broken (NaN) across long gaps."""
    values = dated[column].rolling(window, center=True, min_periods=window).mean()
    gap = dated["date"].diff().dt.days.fillna(0)
    x = list(dated["date"])
    y = list(values)
    xs, ys = [], []
    for xi, yi, g in zip(x, y, gap):
        if g > LONG_GAP_DAYS and xs:
            xs.append(None)
            ys.append(None)
        xs.append(xi)
        ys.append(yi)
    return pd.Series(xs, dtype=object), pd.Series(ys, dtype=object)


def score_over_time(articles: pd.DataFrame, column: str, label: str, rolling_window: int = 7) -> go.Figure:
    """One point per article (or the mean per period when there are many), with a rolling mean."""
    title = f"{label} of each article over time"
    dated, n_undated = _dated(articles[articles[column].notna()])
    if dated.empty:
        return _empty(title, "No dated article has a score." + _undated_note(n_undated))
    fig = go.Figure()
    if _score_aggregated(articles, column):
        freq, unit = time_bucket(dated["date"])
        grouped = dated.assign(period=period_start(dated["date"], freq)).groupby("period")[column]
        per = grouped.agg(["mean", "count"])
        per["low"], per["high"] = grouped.quantile(0.25), grouped.quantile(0.75)
        fig.add_trace(go.Scatter(x=per.index, y=per["high"], mode="lines", line={"width": 0}, hoverinfo="skip",
                                 showlegend=False))
        fig.add_trace(go.Scatter(x=per.index, y=per["low"], mode="lines", line={"width": 0}, fill="tonexty",
                                 fillcolor="rgba(99, 110, 250, 0.18)", name=f"middle half of the {unit}'s articles",
                                 hoverinfo="skip"))
        custom = [[int(c), int(c), f"articles of {l}", k]
                  for c, l, k in zip(per["count"], period_label(per.index, freq), period_key(per.index, freq))]
        fig.add_trace(
            go.Scatter(
                x=per.index, y=per["mean"], mode="lines+markers", name=f"mean per {unit}", customdata=custom,
                hovertemplate=f"%{{x|%Y-%m-%d}}<br>mean {label.lower()}: %{{y:.3f}}<br>%{{customdata[0]}} articles"
                              "<br><i>click: these articles in the table</i><extra></extra>",
            )
        )
        fig.add_hline(y=0, line={"color": "#999", "width": 1, "dash": "dot"})
        fig = _layout(fig, f"{title} (mean per {unit})" + _undated_note(n_undated), "date", label)
        fig.update_yaxes(range=_honest_range(pd.concat([per["low"], per["high"], per["mean"]]), column))
        return fig
    for inferred, group in dated.groupby(dated["date_source"] == "inferred"):
        fig.add_trace(
            go.Scatter(
                x=group["date"], y=group[column], mode="markers",
                name="article, date inferred" if inferred else "article",
                marker={"size": 11, "symbol": "diamond-open" if inferred else "circle", "line": {"width": 2}},
                hovertext=hover_article(group) + group[column].map(lambda v: f"<br>{label.lower()}: {v:.3f}"),
                hoverinfo="text",
                customdata=[[1, f"the article {a}", f"a:{_key_text(a)};"] for a in group["article_id"]],
            )
        )
    if rolling_window and len(dated) >= 2 * rolling_window:
        xs, ys = _rolling_line(dated, column, rolling_window)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name=f"rolling mean of {rolling_window} articles",
                                 line={"width": 3}, hoverinfo="skip", connectgaps=False))
    fig.add_hline(y=0, line={"color": "#999", "width": 1, "dash": "dot"})
    fig = _layout(fig, title + _undated_note(n_undated), "date", label)
    fig.update_yaxes(range=_honest_range(dated[column], column))
    return fig


def _score_aggregated(articles: pd.DataFrame, column: str) -> bool:
    """Whether ``score_over_time`` draws period means: more dated, scored articles than ``MAX_POINTS``."""
    return len(_dated(articles[articles[column].notna()])[0]) > MAX_POINTS


def _outlets_aggregated(articles: pd.DataFrame, column: str, top: int = 20) -> bool:
    """Whether ``tone_by_outlet`` draws means and spreads: more scored articles of its top outlets than ``MAX_POINTS``."""
    labels = articles.loc[articles[column].notna(), "outlet"].replace("", "outlet unknown").fillna("outlet unknown")
    return int(labels.value_counts().head(top).sum()) > MAX_POINTS


def score_over_time_caption(articles: pd.DataFrame, column: str) -> str:
    """What a point of ``score_over_time`` is, for the view's size."""
    label = "subjectivity (0 is factual wording, 1 is opinion)" if column.startswith("subjectivity") else "polarity"
    if _score_aggregated(articles, column):
        return (f"With this many articles, each point is the mean {label} of a day's, week's or month's articles "
                f"(each article's own score is the length-weighted mean of its sentences). The shaded band holds the "
                f"middle half of those articles: a mean that moves inside a wide band is not a change in how most "
                f"articles read. Every article's score is in data/02-tone-per-article.csv.")
    if column.startswith("subjectivity"):
        return ("Each point is one article's length-weighted mean sentence subjectivity (TextBlob only; VADER has "
                "none): 0 is factual wording, 1 is opinion. News copy usually sits between 0.2 and 0.5.")
    return ("Each point is one article's length-weighted mean sentence polarity; above the dotted line is positive. "
            "Hollow diamonds have inferred dates. The line, when shown, is a rolling mean over neighbouring articles "
            "and breaks across long gaps.")


def tone_by_outlet_caption(articles: pd.DataFrame, column: str) -> str:
    """What ``tone_by_outlet`` shows, for the view's size."""
    if _outlets_aggregated(articles, column):
        return ("Each marker is an outlet's mean over its articles; the bar spans one standard deviation either side. "
                "Overlapping bars mean the outlets' articles read much alike, whatever the gap between the means.")
    return ("Each dot is an article; the bar is the outlet's mean. With a handful of articles per outlet, "
            "differences are anecdotes, not patterns.")


def _honest_range(values: pd.Series, column: str) -> list[float]:
    """An axis wide enough that small differences do not look like swings: at least ±0.25 for polarity, 0–1 for subjectivity."""
    if column.startswith("subjectivity"):
        return [0, 1]
    low, high = float(values.min()), float(values.max())
    return [min(-0.25, low - 0.05), max(0.25, high + 0.05)]


def sentence_polarity_distribution(sentences: pd.DataFrame, engine: str) -> go.Figure:
    """How many sentences fall at each polarity, for one engine."""
    title = f"Polarity of every sentence ({engine})"
    scores = sentences.loc[sentences["engine"] == engine, "polarity"].dropna()
    if scores.empty:
        return _empty(title, f"No sentence scored with {engine}.")
    counts, edges = np.histogram(scores, bins=np.linspace(-1, 1, 21))
    fig = _binned_bars(counts, edges, "sentences")
    return _layout(fig, title, "polarity (−1 negative … +1 positive)", "sentences")


def _binned_bars(counts, edges, name: str) -> go.Figure:
    """A histogram binned here, so the report carries counts per bin, not every value."""
    centres = (edges[:-1] + edges[1:]) / 2
    labels = [f"{a:.2f} to {b:.2f}" for a, b in zip(edges[:-1], edges[1:])]
    return go.Figure(go.Bar(x=centres, y=counts, width=np.diff(edges) * 0.95, name=name, customdata=labels,
                            hovertemplate="%{customdata}: %{y} " + name + "<extra></extra>"))


def tone_by_outlet(articles: pd.DataFrame, column: str, label: str, top: int = 20) -> go.Figure:
    """Each article's score as a point, one row per outlet, with the outlet's mean."""
    title = f"{label} by outlet"
    frame = articles[articles[column].notna()].copy()
    if frame.empty:
        return _empty(title, "No article has a score.")
    frame["outlet_label"] = frame["outlet"].replace("", "outlet unknown").fillna("outlet unknown")
    keep = frame["outlet_label"].value_counts().head(top).index
    frame = frame[frame["outlet_label"].isin(keep)]
    means = frame.groupby("outlet_label")[column].mean().sort_values()
    fig = go.Figure()
    if _outlets_aggregated(articles, column, top):
        spread = frame.groupby("outlet_label")[column].agg(["std", "count"]).reindex(means.index)
        fig.add_trace(go.Scatter(x=means.values, y=means.index, mode="markers", name="outlet mean ± 1 sd",
                                 error_x={"type": "data", "array": spread["std"].fillna(0).values},
                                 customdata=spread["count"], marker={"size": 10},
                                 hovertemplate="%{y}: mean %{x:.3f} over %{customdata} articles<extra></extra>"))
        fig.add_vline(x=0, line={"color": "#999", "width": 1, "dash": "dot"})
        fig = _layout(fig, title + " (mean and spread per outlet)", label, "", height=max(240, 30 * len(means) + 120))
        fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(means.index))
        sd = spread["std"].fillna(0)
        fig.update_xaxes(range=_honest_range(pd.concat([means - sd, means + sd]), column))
        return fig
    fig.add_trace(go.Scatter(x=frame[column], y=frame["outlet_label"], mode="markers", name="article",
                             marker={"size": 9, "opacity": 0.6}, hovertext=hover_article(frame), hoverinfo="text+x"))
    fig.add_trace(go.Scatter(x=means.values, y=means.index, mode="markers", name="outlet mean",
                             marker={"size": 14, "symbol": "line-ns-open", "line": {"width": 3}}))
    fig.add_vline(x=0, line={"color": "#999", "width": 1, "dash": "dot"})
    fig = _layout(fig, title, label, "", height=max(240, 30 * len(means) + 120))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(means.index))
    fig.update_xaxes(range=_honest_range(frame[column], column))
    return fig


def engines_side_by_side(articles: pd.DataFrame) -> go.Figure:
    """Each article's polarity under TextBlob (x) and VADER (y): agreement lies on the diagonal."""
    title = "Do the two instruments agree? Article polarity, TextBlob vs VADER"
    if articles.empty:
        return _empty(title, "No article in this view.")
    if "polarity_vader" not in articles or articles["polarity_vader"].isna().all():
        return _empty(title, "Only one engine was run.")
    frame = articles.dropna(subset=["polarity_textblob", "polarity_vader"])
    fig = go.Figure()
    if len(frame) > MAX_POINTS:
        counts, xedges, yedges = np.histogram2d(frame["polarity_textblob"], frame["polarity_vader"], bins=40,
                                                range=[[-1, 1], [-1, 1]])
        fig.add_trace(go.Heatmap(z=counts.T, x=(xedges[:-1] + xedges[1:]) / 2, y=(yedges[:-1] + yedges[1:]) / 2,
                                 colorscale="Blues", name="articles",
                                 hovertemplate="TextBlob %{x:.2f}, VADER %{y:.2f}: %{z} articles<extra></extra>"))
        fig = _layout(fig, title + " (articles per cell)", "TextBlob polarity", "VADER polarity")
        return fig
    fig.add_trace(go.Scatter(x=frame["polarity_textblob"], y=frame["polarity_vader"], mode="markers", name="article",
                             marker={"size": 10, "opacity": 0.7}, hovertext=hover_article(frame), hoverinfo="text+x+y"))
    fig.add_trace(go.Scatter(x=[-1, 1], y=[-1, 1], mode="lines", name="perfect agreement",
                             line={"dash": "dot", "color": "#999"}, hoverinfo="skip"))
    fig = _layout(fig, title, "TextBlob polarity", "VADER polarity")
    fig.update_xaxes(range=[-1.05, 1.05])
    fig.update_yaxes(range=[-1.05, 1.05])
    return fig


# --- sourcing -----------------------------------------------------------------------------------


def _article_label(articles: pd.DataFrame) -> pd.Series:
    """'2019-09-19 · Oilprice.com' ('≈' marks an inferred date)."""
    date = articles["date"].dt.strftime("%Y-%m-%d").fillna("no date")
    date = np.where(articles["date_source"] == "inferred", "≈" + date, date)
    outlet = articles["outlet"].replace("", "outlet unknown").fillna("outlet unknown")
    labels = pd.Series(date, index=articles.index) + " · " + outlet
    # Two articles of one outlet on one day get a number, so bars never merge.
    repeat = labels.groupby(labels).cumcount()
    return labels.where(repeat == 0, labels + " (" + (repeat + 1).astype(str) + ")")


PERIOD_KEY = {"D": ("d", "%Y-%m-%d"), "W": ("w", "%Y-%m-%d"), "M": ("m", "%Y-%m")}


def period_key(periods, freq: str) -> list[str]:
    """The evidence-table key of each period ("m:2018-10;"), matching ``views.mark_keys``."""
    prefix, fmt = PERIOD_KEY[freq]
    return [f"{prefix}:{pd.Timestamp(p).strftime(fmt)};" for p in periods]


def period_label(periods, freq: str) -> list[str]:
    """How a period is named in a status line: "2018-10", "week of 2018-10-01", "2018-10-01"."""
    out = []
    for p in periods:
        stamp = pd.Timestamp(p)
        out.append(stamp.strftime("%Y-%m") if freq == "M" else
                   ("week of " + stamp.strftime("%Y-%m-%d")) if freq == "W" else stamp.strftime("%Y-%m-%d"))
    return out


def _key_text(value: str) -> str:
    return "_".join(str(value).split())


def _top_sources(rows: pd.DataFrame, n: int = 5) -> str:
    """"12 articles · Ministry of Commerce (8), Gao Feng (5), unnamed (3)": what an aggregated mark counts."""
    names = rows["source_name"].fillna("").replace("", "unnamed").value_counts().head(n)
    listed = ", ".join(f"{_escape(name)} ({count})" for name, count in names.items())
    return f"{rows['article_id'].nunique()} article(s) · {listed}"


def source_mix_over_time(attributions: pd.DataFrame, articles: pd.DataFrame, title: str = "") -> go.Figure:
    """Attributions per article (or per period, when many) stacked by source type."""
    title = title or "Who the coverage relies on: attributions by source type"
    if attributions.empty:
        return _empty(title, "No attributions found in these articles.")
    merged = attributions.merge(articles[["article_id", "date_source", "outlet", "title"]], on="article_id", how="left")
    fig = go.Figure()
    if len(articles) > SOURCE_MIX_MAX_BARS:
        dated = merged[merged["date"].notna()]
        freq, unit = time_bucket(dated["date"])
        dated = dated.assign(period=period_start(dated["date"], freq))
        table = dated.groupby(["period", "source_type"]).size().unstack(fill_value=0)
        keys, labels = period_key(table.index, freq), period_label(table.index, freq)
        for kind in SOURCE_TYPES:
            if kind in table:
                rows = dated[dated["source_type"] == kind]
                hover = rows.groupby("period").apply(_top_sources).reindex(table.index).fillna("")
                custom = [[h, int(c), f"{SOURCE_TYPE_LABELS[kind]}, {l}", f"{k} t:{kind};"]
                          for h, c, l, k in zip(hover, table[kind], labels, keys)]
                fig.add_trace(go.Bar(
                    x=table.index, y=table[kind], name=SOURCE_TYPE_LABELS[kind], marker_color=SOURCE_TYPE_COLORS[kind],
                    customdata=custom,
                    hovertemplate="%{x|%Y-%m-%d}<br>" + SOURCE_TYPE_LABELS[kind] + ": %{y}<br>%{customdata[0]}"
                                  "<br><i>click: the rows behind this bar</i><extra></extra>"))
        n_undated = int(merged["date"].isna().sum())
        fig = _layout(fig, f"{title} (per {unit})" + (f" · {n_undated} attribution(s) in undated articles not shown" if n_undated else ""),
                      unit, "attributions")
        fig.update_layout(barmode="stack")
        return fig
    order = articles.sort_values(["date", "article_id"], na_position="last")
    labels = _article_label(order)
    label_of = dict(zip(order["article_id"], labels))
    merged["label"] = merged["article_id"].map(label_of)
    table = merged.groupby(["label", "source_type"]).size().unstack(fill_value=0).reindex(list(labels), fill_value=0)
    for kind in SOURCE_TYPES:
        if kind in table:
            names = merged[merged["source_type"] == kind].groupby("label")["source_name"].agg(
                lambda s: ", ".join(sorted({_escape(n) for n in s if n})) or "unnamed")
            id_of = dict(zip(labels, order["article_id"]))
            custom = [[h, int(c), f"{SOURCE_TYPE_LABELS[kind]} in {label}", f"a:{_key_text(id_of[label])}; t:{kind};"]
                      for h, c, label in zip(names.reindex(table.index).fillna(""), table[kind], table.index)]
            fig.add_trace(go.Bar(
                x=table.index, y=table[kind], name=SOURCE_TYPE_LABELS[kind], marker_color=SOURCE_TYPE_COLORS[kind],
                customdata=custom,
                hovertemplate="%{x}<br>" + SOURCE_TYPE_LABELS[kind] + ": %{y}<br>%{customdata[0]}"
                              "<br><i>click: the rows behind this bar</i><extra></extra>",
            ))
    fig = _layout(fig, title + " (one bar per article, in date order; ≈ marks an inferred date)", "", "attributions")
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category", tickangle=0 if len(table) <= 4 else -35)
    return fig


SOURCE_MIX_MAX_BARS = 60  # beyond this many articles, one bar per period instead of one per article


def source_mix_caption(articles: pd.DataFrame) -> str:
    """What a bar of ``source_mix_over_time`` is, for the view's size."""
    if len(articles) > SOURCE_MIX_MAX_BARS:
        return ("Attributions of all the articles of each period, stacked by source type. A taller bar can simply "
                "mean more articles that period; the chart below gives the shares. Every attribution, with its "
                "sentence, is in the evidence table at the bottom and in data/03-attributions.csv.")
    return ("Attributions in each article, stacked by source type, in date order (≈ marks an inferred date). Hover a "
            "segment for the sources' names; the evidence table at the bottom has every sentence.")


def _share_trace(x, counts: pd.Series, totals: pd.Series, *, name: str, color: str, fewest: int, size: int,
                 custom: list, hover: str, lines: bool = True) -> go.Scatter:
    """One share-over-time trace: a point per period with its Wilson interval, faded where the period has fewer
    than ``fewest`` items (a share of 1 in 3 is not a share of 100 in 300); a line only when there are many periods
    (with few, a line would suggest a trend between far-apart articles)."""
    share = counts / totals
    low, high = wilson_interval(counts.values, totals.values)
    return go.Scatter(
        x=x, y=share, mode="lines+markers" if lines and len(totals) > 12 else "markers", name=name,
        marker={"size": size, "color": color, "opacity": [1.0 if t >= fewest else 0.35 for t in totals]},
        line={"color": color, "width": 1.5},
        error_y={"type": "data", "symmetric": False, "array": high - share.values, "arrayminus": share.values - low,
                 "thickness": 1, "width": 3, "color": color},
        customdata=custom, hovertemplate=hover)


def _shares_per_period(dated: pd.DataFrame, freq: str, column: str, values, key: str, names: dict, colors: dict,
                       fewest: int, size: int, noun: str, click: str, mark_suffix: str = "") -> list[go.Scatter]:
    """One share trace per value of ``column``: its rows over all rows of each period (``dated`` has a ``period``
    column). A point's click keys are its period and ``key:value``, so it selects the rows it counts."""
    totals = dated.groupby("period").size()
    keys, labels = period_key(totals.index, freq), period_label(totals.index, freq)
    traces = []
    for value in values:
        counts = dated[dated[column] == value].groupby("period").size().reindex(totals.index, fill_value=0)
        custom = [[int(c), int(t), int(c), f"{names[value]}{mark_suffix}, {l}", f"{k} {key}:{value};"]
                  for c, t, l, k in zip(counts, totals, labels, keys)]
        traces.append(_share_trace(
            totals.index, counts, totals, name=names[value], color=colors[value], fewest=fewest, size=size,
            custom=custom, hover="%{x|%Y-%m-%d}<br>" + names[value]
            + f": %{{y:.0%}} (%{{customdata[0]}} of %{{customdata[1]}} {noun})<br><i>click: {click}</i><extra></extra>"))
    return traces


def share_over_time(attributions: pd.DataFrame, articles: pd.DataFrame,
                    types=("anonymous", "social_media", "official")) -> go.Figure:
    """Share of attributions of the chosen types, per article or per period."""
    title = "Share of attributions that are " + ", ".join(SOURCE_TYPE_LABELS[t].lower() for t in types)
    dated = attributions[attributions["date"].notna()]
    if dated.empty:
        return _empty(title, "No attributions in dated articles.")
    freq, unit = time_bucket(dated["date"]) if len(articles) > 60 else ("D", "day")
    dated = dated.assign(period=period_start(dated["date"], freq))
    fig = go.Figure(_shares_per_period(dated, freq, "source_type", types, "t", SOURCE_TYPE_LABELS, SOURCE_TYPE_COLORS,
                                       FEW_ATTRIBUTIONS, 10, "attributions", "the rows behind this point"))
    n_undated = int(attributions["date"].isna().sum())
    note = f" · {n_undated} attribution(s) in undated articles not shown" if n_undated else ""
    fig = _layout(fig, f"{title} (per {unit}){note}", "date", "share of attributions")
    fig.update_yaxes(tickformat=".0%", range=[0, 1.05])
    return fig


FEW_ATTRIBUTIONS = 10  # a period with fewer attributions is drawn faded in share charts


def wilson_interval(successes, totals, z: float = 1.96) -> tuple[np.ndarray, np.ndarray]:
    """The 95% Wilson score interval of each share successes/totals (0..1), sound for small counts."""
    k = np.asarray(successes, dtype=float)
    n = np.asarray(totals, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(n > 0, k / n, 0.0)
        denominator = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    low, high = np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)
    return np.where(n > 0, low, 0.0), np.where(n > 0, high, 1.0)


def share_caption(attributions: pd.DataFrame) -> str:
    """How to read the share chart, true at any scale."""
    return (f"Each point is the share of that period's attributions of one type; the bar through it is the 95% range "
            f"the share could have with that few attributions (Wilson interval), and periods with fewer than "
            f"{FEW_ATTRIBUTIONS} attributions are drawn faded: 1 of 3 is not a trend. Hover for the counts; click a "
            "point for its rows in the evidence table. A rise in the anonymous or social-media share means more of "
            "the story rests on sources the reader cannot check.")


def platforms_over_time(attributions: pd.DataFrame) -> go.Figure:
    """Which platforms attributions name (Weibo, Twitter/X, WeChat, ...) and when."""
    title = "Social platforms named as the channel of an attribution"
    rows = attributions[(attributions["platform"].fillna("") != "")]
    if rows.empty:
        return _empty(title, "No attribution names a social platform.")
    dated = rows[rows["date"].notna()]
    n_undated = len(rows) - len(dated)
    note = f" · {n_undated} in undated articles not shown" if n_undated else ""
    if dated.empty:
        return _empty(title, "Platforms are named only in undated articles." + note)
    freq, unit = time_bucket(dated["date"])  # from the date span: day bars on a three-year axis would be hairlines
    dated = dated.assign(period=period_start(dated["date"], freq))
    table = dated.groupby(["period", "platform"]).size().unstack(fill_value=0).sort_index()
    fig = go.Figure()
    width = PERIOD_MS[freq] * 0.8  # a bar as wide as its period: plotly widens lone bars to fill the axis
    keys, labels = period_key(table.index, freq), period_label(table.index, freq)
    for platform in table.columns:
        shown = platform_names().get(platform, str(platform))  # the key stays the selection's: "p:twitter;"
        custom = [[int(c), f"{shown}, {l}", f"{k} p:{_key_text(platform)};"]
                  for c, l, k in zip(table[platform], labels, keys)]
        fig.add_trace(go.Bar(x=table.index, y=table[platform], name=shown, width=width, customdata=custom,
                             hovertemplate="%{x|%Y-%m-%d}<br>" + _escape(shown) + ": %{y}<extra></extra>"))
    fig = _layout(fig, f"{title} (per {unit}){note}", unit, "attributions")
    fig.update_layout(barmode="stack")
    fig.update_yaxes(tickformat="d", rangemode="tozero", dtick=1 if table.sum(axis=1).max() <= 10 else None)
    return fig


def type_by_outlet_heatmap(attributions: pd.DataFrame, articles: pd.DataFrame, top: int = 20) -> go.Figure:
    """Share of each outlet's attributions by source type."""
    title = "Source types by outlet (share of the outlet's attributions)"
    merged = attributions.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    if merged.empty:
        return _empty(title, "No attributions found.")
    merged["outlet"] = merged["outlet"].replace("", "outlet unknown").fillna("outlet unknown")
    keep = merged["outlet"].value_counts().head(top).index
    table = merged[merged["outlet"].isin(keep)].groupby(["outlet", "source_type"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(SOURCE_TYPES), fill_value=0)
    share = table.div(table.sum(axis=1), axis=0)
    custom = [[[int(table.loc[outlet, kind]), f"{SOURCE_TYPE_LABELS[kind]} in {outlet}",
                f"o:{_key_text(outlet)}; t:{kind};"] for kind in share.columns] for outlet in share.index]
    fig = go.Figure(go.Heatmap(
        z=share.values, x=[SOURCE_TYPE_LABELS[t] for t in share.columns], y=[_escape(o) for o in share.index],
        colorscale="Blues", zmin=0, zmax=1, customdata=custom,
        hovertemplate="%{y}<br>%{x}: %{z:.0%} (%{customdata[0]} attributions)<br><i>click: the rows behind this cell</i>"
                      "<extra></extra>",
        colorbar={"title": "share", "tickformat": ".0%"},
    ))
    return _layout(fig, title, "source type", "", height=max(260, 30 * len(share) + 140))


# --- certainty and claims (notebook 04) -------------------------------------------------------------

CERTAINTY_LABELS = {"asserted": "Asserted", "hedged": "Hedged", "rumour": "Rumour"}
CERTAINTY_COLORS = {"asserted": "#9ecae1", "hedged": "#fd8d3c", "rumour": "#d62728"}
FEW_SENTENCES = 30  # a period with fewer sentences is drawn faded in the certainty chart


def _linked(fig: go.Figure, table: str) -> go.Figure:
    """Clicks on this chart's marks search the evidence table named ``table`` (see the report template)."""
    fig.update_layout(meta={"evidence": table})
    return fig


def certainty_over_time(sentences: pd.DataFrame, articles: pd.DataFrame, table: str = "") -> go.Figure:
    """Share of sentences that are hedged, and that are rumour, per period, with Wilson intervals."""
    title = "How much of the coverage is hedged or rumour? Share of sentences"
    if sentences is None or sentences.empty:
        return _empty(title, "No sentences in this view.")
    one = sentences[sentences["engine"] == sentences["engine"].iloc[0]]  # one row per sentence
    merged = one.merge(articles[["article_id", "date"]], on="article_id", how="left")
    dated = merged[merged["date"].notna()]
    if dated.empty:
        return _empty(title, "No sentence is in a dated article.")
    freq, unit = time_bucket(dated["date"])
    dated = dated.assign(period=period_start(dated["date"], freq))
    labels = {level: CERTAINTY_LABELS[level] for level in ("hedged", "rumour")}
    fig = go.Figure(_shares_per_period(dated, freq, "certainty", ("hedged", "rumour"), "c", labels, CERTAINTY_COLORS,
                                       FEW_SENTENCES, 9, "sentences", "these sentences in the table",
                                       mark_suffix=" sentences"))
    n_undated = int(merged["date"].isna().sum())
    note = f" · {n_undated} sentence(s) in undated articles not shown" if n_undated else ""
    fig = _layout(fig, f"{title} (per {unit}){note}", "date", "share of sentences")
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    return _linked(fig, table) if table else fig


def certainty_caption() -> str:
    return (f"Each point is the share of that period's sentences that hedge (may, reportedly, is expected to, believed "
            f"to) or talk of rumour (rumours, speculation, unconfirmed, is said to); the bar through it is its 95% "
            f"Wilson interval, and periods with fewer than {FEW_SENTENCES} sentences are faded. Click a point for its "
            "sentences, with the words that decided them, in the table below.")


def claims_by_source_type(claims: pd.DataFrame, table: str = "") -> go.Figure:
    """How sure the claims resting on each type of source are: asserted, hedged, rumour (counts, as bars)."""
    title = "How sure are the claims, by the source they rest on?"
    if claims is None or claims.empty:
        return _empty(title, "No claims in this view.")
    order = [t for t in SOURCE_TYPES if t in set(claims["source_type"])] + \
        (["unattributed"] if (claims["source_type"] == "unattributed").any() else [])
    label = {**SOURCE_TYPE_LABELS, "unattributed": "No source given"}
    table_counts = claims.groupby(["source_type", "certainty"]).size().unstack(fill_value=0).reindex(order, fill_value=0)
    fig = go.Figure()
    for level in ("asserted", "hedged", "rumour"):
        if level not in table_counts:
            continue
        counts = table_counts[level]
        totals = table_counts.sum(axis=1)
        custom = [[int(c), int(t), int(c), f"{CERTAINTY_LABELS[level]} claims resting on: {label[k]}", f"t:{k}; c:{level};"]
                  for k, c, t in zip(counts.index, counts, totals)]
        fig.add_trace(go.Bar(
            y=[label[k] for k in counts.index], x=counts, orientation="h", name=CERTAINTY_LABELS[level],
            marker_color=CERTAINTY_COLORS[level], customdata=custom,
            hovertemplate="%{y}: %{x} " + level + " claim(s) of %{customdata[1]}<br><i>click: these claims</i><extra></extra>"))
    fig = _layout(fig, title, "claims", "", height=max(260, 34 * len(order) + 140))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    return _linked(fig, table) if table else fig


def uncertain_claims_over_time(claims: pd.DataFrame, articles: pd.DataFrame, table: str = "",
                               types=("anonymous", "social_media", "official", "unattributed")) -> go.Figure:
    """Per period and per type of source a claim rests on: the share of those claims told hedged or as rumour."""
    title = "How often are the claims of each kind of source hedged or rumour? Share per period"
    if claims is None or claims.empty:
        return _empty(title, "No claims in this view.")
    dated = claims[claims["date"].notna() & claims["source_type"].isin(types)]
    if dated.empty:
        return _empty(title, "No claim of these sources is in a dated article.")
    freq, unit = time_bucket(dated["date"]) if len(articles) > 60 else ("D", "day")
    dated = dated.assign(period=period_start(dated["date"], freq))
    label = {**SOURCE_TYPE_LABELS, "unattributed": "No source given"}
    color = {**SOURCE_TYPE_COLORS, "unattributed": "#7f7f7f"}
    fig = go.Figure()
    for kind in [t for t in types if (dated["source_type"] == t).any()]:
        part = dated[dated["source_type"] == kind]
        totals = part.groupby("period").size()
        counts = part[part["certainty"].isin(["hedged", "rumour"])].groupby("period").size().reindex(
            totals.index, fill_value=0)
        keys, labels = period_key(totals.index, freq), period_label(totals.index, freq)
        # A click lists every claim of that source and period (the share's denominator), hedged or not.
        custom = [[int(c), int(t), int(t), f"claims resting on: {label[kind]}, {l}", f"{k} t:{kind};"]
                  for c, t, l, k in zip(counts, totals, labels, keys)]
        fig.add_trace(_share_trace(
            totals.index, counts, totals, name=label[kind], color=color.get(kind, "#444"), fewest=FEW_ATTRIBUTIONS,
            size=9, custom=custom, lines=False,  # few claims per source and period: lines would join noise
            hover="%{x|%Y-%m-%d}<br>" + label[kind] + ": %{y:.0%} hedged or rumour (%{customdata[0]} of "
                  "%{customdata[1]} claims)<br><i>click: these claims in the table</i><extra></extra>"))
    n_undated = int(claims["date"].isna().sum())
    note = f" · {n_undated} claim(s) in undated articles not shown" if n_undated else ""
    fig = _layout(fig, f"{title} (per {unit}){note}", "date", "share of the claims hedged or rumour")
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    return _linked(fig, table) if table else fig


def thread_timelines(claims: pd.DataFrame, threads: pd.DataFrame, top: int = 12, table: str = "") -> go.Figure:
    """The biggest threads: each point one telling (an article), coloured by certainty, shaped by source type."""
    title = "How the biggest claims travelled: each row a thread, each point a telling"
    if threads is None or threads.empty:
        return _empty(title, "No claim is retold in another sentence of this view.")
    chosen = threads.head(top)
    rows = claims[claims["thread_id"].isin(set(chosen["thread_id"]))].dropna(subset=["date"])
    if rows.empty:
        return _empty(title, "The threads are all in undated articles.")
    names = {t: f"{t}: {_escape(str(c))[:60]}…" for t, c in zip(chosen["thread_id"], chosen["first_claim"])}
    symbols = {"anonymous": "x", "social_media": "diamond", "unattributed": "circle-open"}
    fig = go.Figure()
    for level in ("asserted", "hedged", "rumour"):
        part = rows[rows["certainty"] == level]
        if part.empty:
            continue
        custom = [[_escape(s), _escape(n or k), 1, f"{t} in {a}", f"a:{_key_text(a)}; h:{t};"]
                  for s, n, k, t, a in zip(part["sentence"], part["source_name"], part["source_type"], part["thread_id"],
                                           part["article_id"])]
        fig.add_trace(go.Scatter(
            x=part["date"], y=part["thread_id"].map(names), mode="markers", name=CERTAINTY_LABELS[level],
            marker={"size": 12, "color": CERTAINTY_COLORS[level], "line": {"width": 1, "color": "#333"},
                    "symbol": [symbols.get(k, "circle") for k in part["source_type"]]},
            customdata=custom,
            hovertemplate="%{x|%Y-%m-%d} · source: %{customdata[1]}<br>%{customdata[0]}"
                          "<br><i>click: this telling in the table</i><extra></extra>"))
    fig = _layout(fig, title, "date", "", height=max(300, 40 * len(chosen) + 160))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=[names[t] for t in chosen["thread_id"]][::-1])
    first, last = rows["date"].min(), rows["date"].max()
    pad = max((last - first) * 0.05, pd.Timedelta(days=7))  # a thread told on one day still gets an axis of days
    fig.update_xaxes(type="date", tickformat="%Y-%m-%d", range=[first - pad, last + pad])
    return _linked(fig, table) if table else fig


def thread_caption() -> str:
    return ("Each row is one claim retold in several sentences (a thread); each point one telling, on its article's date, "
            "coloured by how sure it is and shaped by its source (× anonymous, ◆ social media, ○ no source given, ● a "
            "named source). A thread whose later points turn from orange or red to blue lost its hedge; from × or ◆ to ○ "
            "lost its source. Threads are grouped by similar wording and shared names: read the tellings before you "
            "say two of them are the same claim.")


def uncertain_claims_caption() -> str:
    """How to read ``uncertain_claims_over_time``."""
    return ("Each point is the share of one period's claims resting on one kind of source (anonymous, social media, "
            "official, or none given) that were told hedged or as rumour, with a 95% Wilson interval; faded points rest "
            f"on fewer than {FEW_ATTRIBUTIONS} claims, so read them as a handful, not a share. A rising line means that "
            "source's claims are printed with more doubt, not that there are more of them. Click a point to list that "
            "period's claims of that source in the claims ledger below.")

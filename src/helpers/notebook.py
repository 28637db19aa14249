"""What a notebook cell calls: read the analysis, narrow it to the parameters, show tables.

Notebooks hold little code. Each one starts with::

    from helpers import notebook as nb
    data, view = nb.setup(corpus, analysis_dir, start_date, end_date, keyword, engine=engine)

which checks the parameters (the registry's checks, ``parameters.py``), reads the tables analysed once,
and narrows them to the view the parameters ask for. It shows tables with
``nb.show_table(frame, "02-most-negative", tables_dir)``,
which also writes the table as CSV when the report pipeline asks for it, so
every table a report shows is in ``data/`` beside it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from . import parameters
from .analysis import analyze
from .corpus import load_corpus
from .exports import write_csv
from .parameters import CONFIDENCE_ORDER
from .store import Analysis, read_tables
from .views import MARKED_ROWS

MAX_TABLE_ROWS = 200  # rows shown in a report table; the CSV beside it has them all


def load(corpus: str, analysis_dir: str = "", quiet: bool = False, sentences: bool = True) -> Analysis:
    """The analysis tables: read from ``analysis_dir`` when given (a report run), else computed now.

    Says which (``data.meta["origin"]``; printed unless ``quiet``), so a reader (and a test) can see that a
    report run analysed the corpus once.
    """
    if analysis_dir:
        data = read_tables(analysis_dir, skip=() if sentences else ("sentences",))
        data.meta["origin"] = (f"Analysis of {data.counts['analysed']} articles read from the run's shared tables "
                               f"(corpus hash {data.meta.get('corpus_hash', '?')}).")
    else:
        from .cache import open_cache

        cache = open_cache()  # a second notebook on the same corpus does not analyse it again
        data = analyze(load_corpus(corpus, cache=cache), cache=cache)
        data.meta["origin"] = (f"Analysed {data.counts['analysed']} articles from {corpus} now"
                               + (" (articles analysed before by the same code were read from the cache)." if cache else "."))
    if not quiet:
        print(data.meta["origin"])
    return data


def languages_note(articles: pd.DataFrame) -> str:
    """' N articles not in English (zh 1, fr 1) are counted but not scored ...', or '' when every article is English."""
    if "language" not in articles or articles.empty:
        return ""
    other = articles["language"].fillna("en")
    other = other[~other.isin(["en", ""])]
    if other.empty:
        return ""
    languages = ", ".join(f"{code} {n}" for code, n in other.value_counts().items())
    return (f" {len(other)} article{'s' if len(other) != 1 else ''} not in English ({languages}) "
            f"{'are' if len(other) != 1 else 'is'} counted but not scored: tone and sourcing are measured for English "
            "only (listed in the corpus overview).")


def setup(corpus: str, analysis_dir: str = "", start_date: str = "", end_date: str = "", keyword: str = "",
          sentences: bool = True, **options):
    """The first cell of every notebook: charts and tables that work offline, the analysis, the view.

    ``options`` are the notebook's own parameters (``engine=engine``). Every parameter is checked first, by
    the same checks ``sourcebook render`` runs (``parameters.check_values``), so a value edited by hand in
    JupyterLab is refused in one line naming it. Those that narrow the view are then applied (``narrow``).

    ``sentences=False``: a notebook that never reads the sentence table (the biggest) does not load it from
    a report run's tables; ``view.sentences`` is then ``None``.

    Shows, as a note and not a log line, where the analysis came from and what the view holds; when the
    parameters leave no article, says so plainly, so nothing below can be read as a finding.
    Returns ``(data, view)``.
    """
    from IPython.display import HTML, display

    from . import charts

    options = parameters.check_values(dict(start_date=start_date, end_date=end_date, keyword=keyword, **options))
    charts.use_offline_renderer()  # charts draw in JupyterLab and in the offline HTML report
    init_tables()  # searchable evidence tables, offline
    data = load(corpus, analysis_dir, quiet=True, sentences=sentences)
    view = select(data, start_date, end_date, keyword)
    display(HTML(f'<p class="view-note">{html.escape(view.description, quote=False)}. {html.escape(data.meta["origin"], quote=False)}'
                 f'{html.escape(languages_note(view.articles), quote=False)}</p>'))
    if view.articles.empty:
        display(HTML(f'<div class="nothing-to-show"><b>Nothing to show.</b> {html.escape(_why_empty(data, view, start_date, end_date, keyword), quote=False)} '
                     "The charts and tables below are empty; they are not findings.</div>"))
    view, notes = narrow(view, options)
    for text in notes:
        display(note(text))
    return data, view


def narrow(view: "View", options: dict) -> tuple["View", list[str]]:
    """The view narrowed by the parameters that change what it holds, with a note on each change that needs one.

    ``source_types`` and ``min_confidence`` keep the attributions of those types at that confidence (and set
    ``view.source_types``); ``keyword_scope`` decides what the tone about ``keyword`` is computed from;
    ``thread_similarity`` regroups the claims into threads. Other options (``engine``, ``rolling_window``,
    ``source``) are read by the notebook's cells and left alone here. ``options`` are checked values.
    """
    notes = []
    if "source_types" in options or "min_confidence" in options:
        chosen = parameters.source_type_list(options.get("source_types", ""))
        view = replace(view, source_types=chosen,
                       attributions=filter_attributions(view.attributions, chosen, options.get("min_confidence", "low")))
    if "keyword_scope" in options:
        view, how = keyword_tone(view, options.get("keyword", ""), options["keyword_scope"])
        notes.append(how)
    if "thread_similarity" in options:
        view = rethread(view, options["thread_similarity"])
    return view, notes


def _why_empty(data: Analysis, view: "View", start_date: str, end_date: str, keyword: str) -> str:
    if data.articles.empty:
        return "No article of the corpus could be analysed (see the rejected files and rows)."
    limits = []
    if start_date or end_date:
        limits.append(f"dated {start_date or 'any time'} to {end_date or 'any time'}")
    if keyword:
        limits.append(f"mentions '{keyword}'")
    if start_date or end_date:
        limits[0] = "is " + limits[0]
    return f"None of the {len(data.articles)} analysed articles " + " and ".join(limits) + "." if limits else \
        "No analysed article is in this view."


@dataclass
class View:
    """The part of the analysis a notebook shows, and what was left out and why."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    attributions: pd.DataFrame
    rejected: pd.DataFrame
    excluded: pd.DataFrame  # analysed articles outside the date range or without the keyword, with the reason
    description: str
    claims: pd.DataFrame | None = None  # the claims of the view's articles
    claim_threads: pd.DataFrame | None = None  # the threads as told within the view (first sighting in the view)
    source_types: list[str] | None = None  # the source types the view's attributions are of (source_types)


def _parse_optional_date(value, name: str):
    if value in (None, ""):
        return None
    return pd.Timestamp(parameters.check(name, value))


def keyword_pattern(keyword: str) -> re.Pattern:
    """The keyword as a whole word or phrase, ignoring case: "EV" matches "EV market", not "believed"."""
    start = r"\b" if re.match(r"\w", keyword) else ""
    end = r"\b" if re.search(r"\w$", keyword) else ""
    return re.compile(start + re.escape(keyword) + end, re.I)


def select(data: Analysis, start_date: str = "", end_date: str = "", keyword: str = "") -> View:
    """Narrow the analysis to a date range and a keyword (case-insensitive, whole text).

    Articles with no date cannot be placed in a range: when a range is set they
    are excluded, and listed in ``excluded`` with that reason, never dropped silently.
    """
    start = _parse_optional_date(start_date, "start_date")
    end = _parse_optional_date(end_date, "end_date")
    parameters.check_together({"start_date": start and str(start.date()), "end_date": end and str(end.date())})
    articles = data.articles.copy()
    reasons = pd.Series("", index=articles.index, dtype=object)
    if start is not None or end is not None:
        no_date = articles["date"].isna()
        reasons[no_date] = "no date, so outside the chosen date range"
        if start is not None:
            reasons[(articles["date"] < start) & (reasons == "")] = f"before start_date {start.date()}"
        if end is not None:
            reasons[(articles["date"] > end) & (reasons == "")] = f"after end_date {end.date()}"
    if keyword:
        pattern = keyword_pattern(keyword)
        lacks = ~articles["text"].map(lambda text: bool(pattern.search(text)))
        reasons[lacks & (reasons == "")] = f"does not mention '{keyword}'"
    keep = reasons == ""
    excluded = articles.loc[~keep, ["article_id", "date", "title", "outlet"]].assign(reason=reasons[~keep])
    kept_ids = set(articles.loc[keep, "article_id"])
    parts = []
    if start is not None or end is not None:
        parts.append(f"from {start.date() if start is not None else 'the start'} to {end.date() if end is not None else 'the end'}")
    if keyword:
        parts.append(f"mentioning '{keyword}'")
    description = f"{len(kept_ids)} of {len(articles)} analysed articles" + (f", {' and '.join(parts)}" if parts else "")
    return View(
        articles=articles[keep].reset_index(drop=True),
        sentences=None if data.sentences is None else
        data.sentences[data.sentences["article_id"].isin(kept_ids)].reset_index(drop=True),
        attributions=data.attributions[data.attributions["article_id"].isin(kept_ids)].reset_index(drop=True),
        rejected=data.rejected,
        excluded=excluded.reset_index(drop=True),
        description=description,
        source_types=parameters.source_type_list(""),
        **_view_claims(data, kept_ids),
    )


def _view_claims(data: Analysis, kept_ids: set) -> dict:
    """The view's claims, and its threads summarised again from them: a thread's first sighting is the
    first in the view, and a thread retold only outside it is not shown."""
    if data.claims is None:
        return {}
    from .claims.threads import summarise

    claims = data.claims[data.claims["article_id"].isin(kept_ids)].reset_index(drop=True)
    if len(claims) == len(data.claims) and data.claim_threads is not None:
        return {"claims": claims, "claim_threads": data.claim_threads}
    counts = claims["thread_id"].replace("", pd.NA).value_counts()
    claims.loc[claims["thread_id"].map(counts).fillna(0) < 2, "thread_id"] = ""  # a thread needs two tellings
    with_outlets = claims.merge(data.articles[["article_id", "outlet"]], on="article_id", how="left")
    return {"claims": claims, "claim_threads": summarise(with_outlets)}


def rethread(view: View, similarity: float) -> View:
    """The view's claims grouped into threads at another similarity than the analysis used (0 to 1; higher
    links only closer retellings). At the analysis's own value, the threads are those of the analysis."""
    from .claims import threads

    similarity = parameters.check("thread_similarity", similarity)
    if view.claims is None or similarity == threads.SIMILARITY:
        return view
    claims = view.claims.merge(view.articles[["article_id", "outlet"]], on="article_id", how="left")
    claims["thread_id"] = threads.assign(claims, similarity)
    return replace(view, claims=claims.drop(columns=["outlet"]), claim_threads=threads.summarise(claims))


def keyword_sentences(view: View, keyword: str) -> View:
    """Keep only the sentences that mention the keyword (for tone about the keyword itself)."""
    if not keyword:
        return view
    mask = view.sentences["text"].str.contains(keyword_pattern(keyword), regex=True)
    return replace(view, sentences=view.sentences[mask].reset_index(drop=True))


def keyword_tone(view: View, keyword: str, scope: str = "sentences") -> tuple[View, str]:
    """Tone about a keyword: with ``scope='sentences'``, article tone from only the sentences that mention it.

    Returns the view (articles' tone columns recomputed when scoped) and a sentence saying what was done.
    """
    from .sentiment import add_article_tone

    scope = parameters.check("keyword_scope", scope)
    if not keyword:
        return view, "Tone computed from every sentence of each article."
    if scope == "articles":
        return view, f"Tone computed from every sentence of the articles that mention '{keyword}'."
    scoped = keyword_sentences(view, keyword)
    articles = add_article_tone(scoped.articles.copy(), scoped.sentences, scoped.sentences["engine"].unique())
    n = scoped.sentences.drop_duplicates(["article_id", "sentence_id"]).shape[0]
    return replace(scoped, articles=articles), f"Tone computed from the {n} sentences that mention '{keyword}'."


def show_table(frame: pd.DataFrame, name: str, tables_dir: str = "", max_rows: int = MAX_TABLE_ROWS):
    """Display a table (escaped HTML, capped at ``max_rows``) and write all of it to ``tables_dir/name.csv``.

    Returns an object Jupyter displays; the caption under it says when rows were cut
    and where the full table is.
    """
    if tables_dir:
        folder = Path(tables_dir)
        folder.mkdir(parents=True, exist_ok=True)
        write_csv(frame, folder / f"{name}.csv")  # safe to open in a spreadsheet
    return Table(frame, name, bool(tables_dir), max_rows)


EVIDENCE_BUDGET_BYTES = 2_500_000  # text in one evidence table: a report stays under 10 MB at 100,000 articles


def init_tables() -> None:
    """Searchable, sortable, paged tables (itables, offline: DataTables is embedded once in this cell's output)."""
    import itables

    itables.init_notebook_mode(all_interactive=False, connected=False)


def evidence_table(frame: pd.DataFrame, name: str, tables_dir: str = "", chosen: str = "the most recent",
                   budget_bytes: int = EVIDENCE_BUDGET_BYTES, linked: bool = True):
    """Every row behind a section's charts, searchable, sortable and paged, up to a size budget.

    Writes the whole table to ``tables_dir/name.csv``. In the report it holds every row while they fit in
    ``budget_bytes`` of text; beyond that, the rows ``chosen`` (the table's order decides which), and says
    "N of M shown". A ``marks`` column (hidden) lets a click on a chart show the rows behind the mark: the
    ``linked`` table is the one the page's charts filter.
    """
    if tables_dir:
        folder = Path(tables_dir)
        folder.mkdir(parents=True, exist_ok=True)
        write_csv(frame.drop(columns=["marks"], errors="ignore"), folder / f"{name}.csv")
    return EvidenceTable(frame, name, bool(tables_dir), chosen, budget_bytes, linked)


class EvidenceTable:
    """An evidence table for the report: DataTables through itables, every cell escaped (no HTML allowed)."""

    def __init__(self, frame: pd.DataFrame, name: str, saved: bool, chosen: str, budget_bytes: int, linked: bool = True):
        self.frame, self.name, self.saved, self.chosen, self.linked = frame, name, saved, chosen, linked
        if frame.empty:
            self.shown = frame
            return
        # Rows in order until the report's share of the size budget is spent (at least one row).
        lengths = sum(frame[column].astype(str).str.len().fillna(0).to_numpy() for column in frame.columns)
        fits = int(((lengths + 12 * len(frame.columns)).cumsum() <= budget_bytes).sum())
        self.shown = frame.head(min(max(fits, 1), MARKED_ROWS))  # rows past MARKED_ROWS carry no click keys

    def _repr_html_(self) -> str:
        import itables

        e = html.escape
        where = f"; all in data/{e(self.name)}.csv" if self.saved else ""
        if self.frame.empty:
            return f'<p class="table-note empty-table">None.{(" (" + where[2:] + ")") if where else ""}</p>'
        total, shown = len(self.frame), len(self.shown)
        note = (f"{shown:,} of {total:,} rows shown ({e(self.chosen)} first){where}" if shown < total
                else f"all {total:,} rows{where}")
        hidden = [k for k, column in enumerate(self.shown.columns) if column == "marks"]
        options = dict(maxBytes=0, showIndex=False, allow_html=False, classes="display compact",
                       lengthMenu=[10, 25, 100, 500], pageLength=10, scrollX=True)
        # Long text (sentences, claims) gets room to be read; the rest stays narrow.
        long = [k for k, column in enumerate(self.shown.columns) if column != "marks" and
                self.shown[column].astype(str).str.len().fillna(0).mean() > 60]
        options["columnDefs"] = ([{"targets": hidden, "visible": False}] if hidden else []) + \
            ([{"targets": long, "className": "sb-long"}] if long else [])
        table = itables.to_html_datatable(self.shown, **options)
        return (f'<div class="sourcebook-evidence" data-table="{e(self.name)}" data-total="{total}" data-shown="{shown}" '
                f'data-linked="{str(self.linked).lower()}">'
                f'<p class="evidence-status" aria-live="polite"></p>{table}<p class="table-note">{note}</p></div>')

    def __repr__(self) -> str:
        return f"{len(self.frame)} rows ({len(self.shown)} shown in the report)"


class Table:
    """An HTML table with every cell escaped, so article text can never inject markup."""

    def __init__(self, frame: pd.DataFrame, name: str, saved: bool, max_rows: int):
        self.frame, self.name, self.saved, self.max_rows = frame, name, saved, max_rows

    def _repr_html_(self) -> str:
        notes = []
        if self.frame.empty:
            if self.saved:
                notes.append(f"empty table: data/{html.escape(self.name)}.csv")
            return f'<p class="table-note empty-table">None.{" (" + notes[0] + ")" if notes else ""}</p>'
        shown = self.frame.head(self.max_rows)
        body = shown.to_html(index=False, escape=True, na_rep="", border=0, classes="sourcebook-table")
        if len(self.frame) > self.max_rows:
            notes.append(f"showing the first {self.max_rows} of {len(self.frame)} rows")
        if self.saved:
            notes.append(f"full table: data/{html.escape(self.name)}.csv")
        note = f'<p class="table-note">{"; ".join(notes)}</p>' if notes else ""
        return f'<div class="table-scroll">{body}</div>{note}'

    def __repr__(self) -> str:
        return self.frame.head(self.max_rows).to_string(index=False)


def filter_attributions(attributions: pd.DataFrame, source_types: list[str], min_confidence: str = "low") -> pd.DataFrame:
    """The attributions of the chosen types at or above a confidence (low: all rows; high: only the surest).

    An unknown type or level is refused with the registry's message for source_types or min_confidence.
    """
    parameters.check("source_types", ",".join(source_types))
    level = parameters.check("min_confidence", min_confidence) or "low"
    allowed = set(CONFIDENCE_ORDER[CONFIDENCE_ORDER.index(level):])
    keep = attributions["source_type"].isin(source_types) & attributions["confidence"].isin(allowed)
    return attributions[keep].reset_index(drop=True)


def confidence_caption(attributions: pd.DataFrame, min_confidence: str = "low") -> str:
    """What the confidence table says, true at every scale."""
    total = len(attributions)
    corrected = int(attributions["corrected"].astype(bool).sum()) if "corrected" in attributions and total else 0
    shown = "every row" if (min_confidence or "low") == "low" else f"only rows of {min_confidence} confidence or higher"
    text = (f"How sure each type is, for {shown} ({total:,} attributions). High: the article states the source's role, "
            "or the source is an outlet, platform or body whose name says what it is. Medium: weaker evidence, a pronoun "
            "or description resolved nearby, or a role taken from other articles of the corpus. Low: no role evidence "
            "(typed other) or a pronoun resolved far back. Filter with min_confidence.")
    if corrected:
        text += f" {corrected:,} rows were corrected by hand."
    return text


def note(text: str):
    """A short note on what the view holds (shown as text, not as a log line)."""
    from IPython.display import HTML

    return HTML(f'<p class="view-note">{html.escape(text, quote=False)}</p>')


def profile_note(profile):
    """Under the setup note of notebook 05: which source the profile is of, or plainly that none matched."""
    from IPython.display import HTML

    if profile.found:
        return HTML(f'<p class="view-note">{html.escape(profile.note, quote=False)}</p>') if profile.note else None
    return HTML(f'<div class="nothing-to-show"><b>Nothing to show.</b> {html.escape(profile.note, quote=False)} '
                "The charts and tables below are empty; they are not findings.</div>")


def key_figures(frame: pd.DataFrame):
    """A small table of key figures, styled for reading; its plain text is what nbval compares."""
    return KeyFigures(frame)


class KeyFigures:
    def __init__(self, frame: pd.DataFrame):
        self.frame = frame

    def _repr_html_(self) -> str:
        body = self.frame.to_html(index=False, escape=True, na_rep="", border=0, classes="key-figures")
        return f'<div class="key-figures-box">{body}</div>'

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def caption(text: str):
    """A one-line caption under a chart or table, as Markdown."""
    from IPython.display import Markdown

    return Markdown(f"*{text}*")


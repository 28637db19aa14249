"""A batch of articles to typed tables: where a run cuts the corpus, and how a batch's rows are put together.

A run analyses the corpus in batches of about ``BATCH`` articles. ``batch_tables``
turns the per-article results of one batch (``article.analyze_article``) into
the batch's rows of ``articles`` (with their measures: sentences, tone per
engine, attributions), ``sentences``, ``attributions`` and ``claims``, each with
its fixed column types. These rows are what the analysis cache keeps per batch,
so this module is covered by the cache's key.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .article import SENTENCE_COLUMNS
from .attribution import ATTRIBUTION_COLUMNS
from .claims.ledger import ARTICLE_CLAIM_COLUMNS
from .corpus import Corpus, ledger_row
from .sentiment import add_article_tone

BATCH = 1000  # articles whose rows are assembled, written and released together (on average)

SENTENCE_TYPES = {"sentence_id": "int64", "start": "int64", "end": "int64", "n_words": "int64",
                  "polarity": "float64", "subjectivity": "float64", "denial": "bool"}
CLAIM_COLUMNS = ["article_id", "date", *ARTICLE_CLAIM_COLUMNS]  # as each article gives them, before the corpus pass


def batch_bounds(articles: pd.DataFrame, size: int = BATCH) -> list[tuple[int, int]]:
    """Cut the corpus into batches of about ``size`` articles where each article's own hash says so.

    A batch ends after an article whose text hash is divisible by ``size`` (or at
    four times ``size``). The cuts depend on the articles, not on their positions:
    adding or removing an article changes only the batch it is in, so a cached
    re-run finds every other batch unchanged.
    """
    bounds, start = [], 0
    hashes = articles["sha256"].tolist() if "sha256" in articles else [""] * len(articles)
    for i, digest in enumerate(hashes):
        if (i + 1 - start >= 4 * size) or (digest and int(digest[:12], 16) % size == 0):
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(articles):
        bounds.append((start, len(articles)))
    return bounds


@dataclass
class Batch:
    """One batch's rows, as typed tables."""

    articles: pd.DataFrame  # the analysed articles of the batch, with their measures
    sentences: pd.DataFrame
    attributions: pd.DataFrame
    claims: pd.DataFrame  # as each article gives them: sources and threads come in the corpus pass
    failed: list[dict]  # ledger rows of the articles whose analysis failed


def batch_tables(articles: pd.DataFrame, results: list, engines: tuple[str, ...]) -> Batch:
    """The rows of one batch from its articles and their results (``analyze_article`` or ``("error", reason)``)."""
    sentence_columns: dict[str, list] = {column: [] for column in SENTENCE_COLUMNS}
    attribution_columns: dict[str, list] = {column: [] for column in ATTRIBUTION_COLUMNS}
    claim_columns: dict[str, list] = {column: [] for column in CLAIM_COLUMNS}
    cut_warnings: dict[str, str] = {}
    failed: list[dict] = []
    analysed_ids: list[str] = []
    for article, result in zip(articles.itertuples(index=False), results):
        if result[0] == "error":
            failed.append(ledger_row(article.source_file, result[1], article_id=article.article_id))
            continue
        sentences, found, warnings, claims = result
        if warnings:
            notes = "; ".join(w for w in [article.warnings, *warnings] if w)
            cut_warnings[article.article_id] = notes
        analysed_ids.append(article.article_id)
        for column, values in sentences.items():
            sentence_columns[column].extend(values)
        sentence_columns["article_id"].extend([article.article_id] * len(sentences["sentence_id"]))
        for column, values in found.items():
            attribution_columns[column].extend(values)
        attribution_columns["article_id"].extend([article.article_id] * len(found["sentence_id"]))
        attribution_columns["date"].extend([article.date] * len(found["sentence_id"]))
        for column, values in claims.items():
            claim_columns[column].extend(values)
        claim_columns["article_id"].extend([article.article_id] * len(claims["sentence_id"]))
        claim_columns["date"].extend([article.date] * len(claims["sentence_id"]))
    sentences, attributions = sentence_frame(sentence_columns), attribution_frame(attribution_columns)
    claims = claim_frame(claim_columns)
    kept = articles[articles["article_id"].isin(set(analysed_ids))].copy()
    if cut_warnings:
        kept["warnings"] = [cut_warnings.get(i, w) for i, w in zip(kept["article_id"], kept["warnings"])]
    kept = add_article_measures(kept, sentences, attributions, engines)
    return Batch(kept, sentences, attributions, claims, failed)


def add_article_measures(articles, sentences, attributions, engines) -> pd.DataFrame:
    """The per-article columns computed from its rows: sentences, tone per engine, attributions."""
    first_engine = sentences[sentences["engine"] == engines[0]] if len(engines) else sentences.iloc[0:0]
    n_sentences = first_engine.groupby("article_id").size()
    articles["n_sentences"] = articles["article_id"].map(n_sentences).fillna(0).astype(int)
    add_article_tone(articles, sentences, engines)
    n_attr = attributions.groupby("article_id").size() if len(attributions) else pd.Series(dtype=int)
    articles["n_attributions"] = articles["article_id"].map(n_attr).fillna(0).astype(int)
    return articles


# --- the tables' column types, fixed so that an empty batch cannot change them ------------------

def sentence_frame(columns: dict) -> pd.DataFrame:
    """The ``sentences`` table, typed, from its columns."""
    return pd.DataFrame(columns, columns=SENTENCE_COLUMNS).astype(SENTENCE_TYPES)


def attribution_frame(columns: dict) -> pd.DataFrame:
    """The ``attributions`` table, typed, from its columns."""
    frame = pd.DataFrame(columns, columns=ATTRIBUTION_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64", "corrected": "bool"})


def claim_frame(columns: dict) -> pd.DataFrame:
    """The ``claims`` table as the articles give it (before the corpus pass), typed."""
    frame = pd.DataFrame(columns, columns=CLAIM_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64", "value": "float64"})


def empty_claims() -> pd.DataFrame:
    return claim_frame({c: [] for c in CLAIM_COLUMNS})


def empty_sentences() -> pd.DataFrame:
    return sentence_frame({c: [] for c in SENTENCE_COLUMNS})


def empty_attributions() -> pd.DataFrame:
    return attribution_frame({c: [] for c in ATTRIBUTION_COLUMNS})


def empty_articles(corpus: Corpus, engines) -> pd.DataFrame:
    """The ``articles`` table with no rows but every column, measures included."""
    return add_article_measures(corpus.articles.iloc[0:0].copy(), empty_sentences(), empty_attributions(), engines)

"""The claims ledger: each claim with the attribution it rests on, its certainty and its thread.

``rows_for_article`` runs in the per-article analysis (with the sentence's certainty); ``finish`` runs
once over the corpus, after roles across articles have given the attributions their final types: it
links each claim to the attribution of its sentence nearest to it (or marks it ``unattributed``) and
groups the claims into threads (``threads``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..memory import release as release_memory
from . import threads
from .detect import find

# Columns each article's analysis gives (the corpus pass adds the source, the outlet and the thread, and drops
# terms and names: the words and the names of the claim's clause, which the threading counts).
ARTICLE_CLAIM_COLUMNS = ["sentence_id", "start", "end", "claim", "kind", "value", "unit", "when", "certainty", "sentence",
                         "terms", "names"]
CLAIM_COLUMNS = ["claim_id", "article_id", "date", "sentence_id", "start", "end", "claim", "kind", "value", "unit",
                 "when", "certainty", "source_type", "source_name", "via", "thread_id", "sentence"]


def rows_for_article(spans, certainties) -> dict[str, list]:
    """The claims of one article's sentences, as column lists; offsets are into the article."""
    out: dict[str, list] = {column: [] for column in ARTICLE_CLAIM_COLUMNS}
    for index, (span, certainty) in enumerate(zip(spans, certainties)):
        for claim in find(span.text, uncertain=certainty != "asserted"):
            out["sentence_id"].append(index)
            out["start"].append(span.start + claim.start)
            out["end"].append(span.start + claim.end)
            out["claim"].append(claim.text)
            out["kind"].append(claim.kind)
            out["value"].append(claim.value)
            out["unit"].append(claim.unit)
            out["when"].append(claim.when)
            out["certainty"].append(certainty)
            out["sentence"].append(span.text)
            terms, names = threads.claim_terms(span.text, claim.text)
            out["terms"].append(terms)
            out["names"].append(names)
    return out


def empty() -> pd.DataFrame:
    frame = pd.DataFrame({column: [] for column in CLAIM_COLUMNS})
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64", "value": "float64"})


def attach_sources(claims: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Each claim's source: the attribution of the same sentence nearest to the claim (the source rather than
    the outlet it came through, which stays as ``via``), else ``unattributed``."""
    claims = claims.copy(deep=False)  # new columns on a frame sharing the others (copy on write)
    claims["source_type"], claims["source_name"], claims["via"] = "unattributed", "", ""
    if claims.empty or attributions.empty:
        return claims
    cited = attributions[["article_id", "sentence_id", "start", "end", "source_type", "source_name", "via"]]
    cited = cited.rename(columns={c: c + "_a" for c in ("start", "end", "source_type", "source_name", "via")})
    # Only the columns the choice reads: the claims' sentences and texts stay out of the merge.
    merged = claims[["article_id", "sentence_id", "start", "end"]].reset_index().merge(
        cited, on=["article_id", "sentence_id"], how="inner")
    if merged.empty:
        return claims
    # Distance between the claim's span and the attribution's evidence: 0 when they overlap.
    gap = np.maximum(0, np.maximum(merged["start"] - merged["end_a"], merged["start_a"] - merged["end"]))
    # The source the words came from, not the outlet that passed them on (a source another row of the sentence
    # names as its via), then the nearest: "the Journal, citing unidentified sources, said ..." rests on the sources.
    named = merged["source_name_a"].fillna("")
    vias = merged.loc[merged["via_a"].fillna("") != "", ["index", "via_a"]].drop_duplicates()
    passed_on = pd.MultiIndex.from_arrays([vias["index"], vias["via_a"]])
    channel = pd.MultiIndex.from_arrays([merged["index"], named]).isin(passed_on)
    nearest = merged.assign(_gap=gap, _channel=channel.astype(int))
    nearest = nearest.sort_values(["index", "_channel", "_gap", "start_a"])
    nearest = nearest.drop_duplicates("index")
    nearest = nearest.set_index("index")
    for column in ("source_type", "source_name", "via"):
        claims.loc[nearest.index, column] = nearest[column + "_a"].fillna("").values
    return claims


def finish(claims: pd.DataFrame, attributions: pd.DataFrame, articles: pd.DataFrame,
           similarity: float = threads.SIMILARITY, window_days: int = threads.WINDOW_DAYS
           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims, claim_threads): the ledger with sources and threads, and one row per thread."""
    if claims.empty:
        return empty(), pd.DataFrame(columns=threads.THREAD_COLUMNS)
    # The sentences (the ledger's biggest column) are kept each once, as codes into the distinct ones, for the
    # whole pass: a sentence is told with several claims.
    text_type = claims["sentence"].dtype if "sentence" in claims else None
    if text_type is not None:
        claims = claims.assign(sentence=_shared_text(claims["sentence"]))  # the caller's frame is left as it was
    order = (claims[["article_id", "sentence_id", "start"]].reset_index(drop=True)
             .sort_values(["article_id", "sentence_id", "start"], kind="stable").index.to_numpy())
    # A ledger already in order (as the articles' batches write it) is not copied.
    claims = claims.reset_index(drop=True) if (order == np.arange(len(order))).all() else (
        claims.take(order).reset_index(drop=True))
    rank = claims.groupby(["article_id", "sentence_id"]).cumcount()
    claims["claim_id"] = claims["article_id"].astype(str) + ":" + claims["sentence_id"].astype(str) + ":" + rank.astype(str)
    claims = attach_sources(claims, attributions)
    outlets = articles.set_index("article_id")["outlet"] if "outlet" in articles else pd.Series(dtype=object)
    claims["outlet"] = claims["article_id"].map(outlets).fillna("")
    # The terms and names go to the threading apart from the ledger, which keeps no reference: freed once counted.
    terms = [claims.pop("terms"), claims.pop("names")] if "terms" in claims and "names" in claims else None
    claims["thread_id"] = threads.assign(claims, similarity, window_days, terms=terms)
    del terms
    release_memory()  # the threading's arrays
    summary = threads.summarise(claims)
    if text_type is not None:
        claims["sentence"] = _plain_text(claims["sentence"], text_type)
    return claims[CLAIM_COLUMNS], summary


def _shared_text(column: pd.Series) -> pd.Series:
    """``column`` (text) with each distinct value stored once: an Arrow dictionary column, read as the same strings.
    Text of another kind (a column of Python objects) is returned as it is."""
    import pyarrow as pa
    import pyarrow.compute as pc

    data = getattr(column.array, "_pa_array", None)
    if data is None or not (pa.types.is_large_string(data.type) or pa.types.is_string(data.type)):
        return column
    return pd.Series(pd.arrays.ArrowExtensionArray(pc.dictionary_encode(data)), index=column.index)


def _plain_text(column: pd.Series, dtype) -> pd.Series:
    """The inverse of ``_shared_text``: the column as ``dtype`` (the text type it had) again."""
    import pyarrow as pa
    import pyarrow.compute as pc

    data = getattr(column.array, "_pa_array", None)
    if data is None or not pa.types.is_dictionary(data.type):
        return column
    chunks = [pc.take(chunk.dictionary, chunk.indices) for chunk in data.chunks]
    return pd.Series(pd.array(pa.chunked_array(chunks, type=data.type.value_type), dtype=dtype), index=column.index)

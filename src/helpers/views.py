"""The tables the notebooks show, built from the analysis tables (sorted, so they read the same every run)."""

from __future__ import annotations

import shlex

import pandas as pd

from .attribution import CONFIDENCE_LEVELS
from .attribution.records import SOURCE_TYPES
from .charts import SOURCE_TYPE_LABELS, period_start
from .sentiment import CLEAR_THRESHOLD


def _date_text(series: pd.Series, how: pd.Series | None = None) -> pd.Series:
    text = pd.to_datetime(series).dt.strftime("%Y-%m-%d").fillna("no date")
    if how is not None:
        text = text.where(how != "inferred", "≈" + text + " (inferred)")
    return text


def articles_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article, newest first: date and how it was obtained, outlet, title, length."""
    ordered = articles.sort_values(["date", "article_id"], ascending=[False, True], na_position="last")
    return pd.DataFrame({
        "article_id": ordered["article_id"],
        "date": _date_text(ordered["date"], ordered["date_source"]),
        "date_source": ordered["date_source"],
        "outlet": ordered["outlet"],
        "wire": ordered["wire"] if "wire" in ordered else "",
        "language": ordered["language"] if "language" in ordered else "en",
        "title": ordered["title"],
        "words": ordered["n_words"],
        "sentences": ordered["n_sentences"] if "n_sentences" in ordered else None,
        "source_file": ordered["source_file"],
        "marks": mark_keys(ordered, MARKED_ROWS),
    }).reset_index(drop=True)


def not_in_english(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles in another language than English: kept, listed, and not scored for tone or sourcing."""
    if "language" not in articles:
        return pd.DataFrame(columns=["article_id", "language", "date", "outlet", "title", "source_file"])
    rows = articles[~articles["language"].fillna("en").isin(["en", ""])].sort_values(["language", "article_id"])
    return pd.DataFrame({
        "article_id": rows["article_id"],
        "language": rows["language"],
        "date": _date_text(rows["date"], rows["date_source"]),
        "outlet": rows["outlet"],
        "title": rows["title"],
        "source_file": rows["source_file"],
    }).reset_index(drop=True)


def date_evidence(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles whose date was inferred or is missing, with the evidence or the reason."""
    rows = articles[articles["date_source"].isin(["inferred", "missing"])].sort_values("article_id")
    return pd.DataFrame({
        "article_id": rows["article_id"],
        "date": _date_text(rows["date"]),
        "date_source": rows["date_source"],
        "earliest possible": _date_text(rows["date_earliest"]) if "date_earliest" in rows else "",
        "evidence": rows["date_evidence"],
    }).reset_index(drop=True)


def warnings_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles loaded with a warning (encoding, mojibake repaired, scraper leftovers cut, outlet from the URL or the
    text, language, renamed id, date rejected)."""
    rows = articles[articles["warnings"].fillna("") != ""].sort_values("article_id")
    return rows[["article_id", "source_file", "warnings"]].reset_index(drop=True)


def rejected_table(rejected: pd.DataFrame) -> pd.DataFrame:
    """Everything not analysed: rejected inputs and duplicates, with the reason."""
    if rejected.empty:
        return pd.DataFrame(columns=["source_file", "status", "reason", "duplicate_of"])
    return rejected.sort_values(["status", "source_file"])[["source_file", "row", "article_id", "status", "reason", "duplicate_of"]].reset_index(drop=True)


def key_figures(data, view) -> pd.DataFrame:
    """The counts a reader checks first, as a small fixed table (used as an nbval-checked figure)."""
    counts = data.counts
    dated = view.articles["date_source"].value_counts()
    rows = [
        ("articles in", counts["inputs"]),
        ("analysed", counts["analysed"]),
        ("rejected", counts["rejected"]),
        ("duplicates", counts["duplicates"]),
        ("in this view", len(view.articles)),
        ("dated from the article, table or page", int(dated.get("header", 0) + dated.get("column", 0)
                                                     + dated.get("page", 0))),
        ("date inferred from the text", int(dated.get("inferred", 0))),
        ("no date", int(dated.get("missing", 0))),
        ("outlets known", int(view.articles["outlet"].replace("", pd.NA).dropna().nunique())),
        ("not in English (kept, not scored)", int((~view.articles["language"].fillna("en").isin(["en", ""])).sum())
         if "language" in view.articles else 0),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"])


# --- tone ----------------------------------------------------------------------------------------


def tone_per_article(articles: pd.DataFrame, engine: str) -> pd.DataFrame:
    """Each article's tone under one engine, in date order."""
    columns = {f"polarity_{engine}": "polarity", f"share_negative_{engine}": "share_negative",
               f"share_positive_{engine}": "share_positive"}
    if f"subjectivity_{engine}" in articles:
        columns[f"subjectivity_{engine}"] = "subjectivity"
    ordered = articles.sort_values(["date", "article_id"], ascending=[False, True], na_position="last")
    out = ordered[["article_id", "outlet", "title"] + list(columns)].rename(columns=columns)
    out.insert(1, "date", _date_text(ordered["date"], ordered["date_source"]).values)
    out = out.round(3)
    out["marks"] = mark_keys(ordered, MARKED_ROWS).values
    return out.reset_index(drop=True)


def tone_summary(articles: pd.DataFrame, sentences: pd.DataFrame, engine: str) -> pd.DataFrame:
    """A few rounded figures that sum up the tone of the view, whatever its size (an nbval-checked figure)."""
    scored = sentences[sentences["engine"] == engine]
    polarity = articles.get(f"polarity_{engine}", pd.Series(dtype=float)).dropna()
    threshold = CLEAR_THRESHOLD[engine]
    rows = [
        ("engine", engine),
        ("articles scored", int(polarity.size)),
        ("sentences scored", int(len(scored))),
        ("mean article polarity", round(float(polarity.mean()), 3) if polarity.size else ""),
        ("most negative article polarity", round(float(polarity.min()), 3) if polarity.size else ""),
        ("most positive article polarity", round(float(polarity.max()), 3) if polarity.size else ""),
        ("sentences clearly negative", f"{(scored['polarity'] <= -threshold).mean():.1%}" if len(scored) else ""),
        ("sentences clearly positive", f"{(scored['polarity'] >= threshold).mean():.1%}" if len(scored) else ""),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"]).astype({"value": str})


def extreme_sentences(sentences: pd.DataFrame, articles: pd.DataFrame, engine: str, n: int = 2000,
                      most: str = "negative") -> pd.DataFrame:
    """The ``n`` most negative (or positive) sentences beyond the engine's clear threshold, with article and date,
    and the lexicon words that produced each score (``sentiment.explain``)."""
    from .sentiment import explain

    frame = sentences[sentences["engine"] == engine]
    threshold = CLEAR_THRESHOLD[engine]
    if most == "negative":
        frame = frame[frame["polarity"] <= -threshold].sort_values(["polarity", "article_id", "sentence_id"])
    else:
        frame = frame[frame["polarity"] >= threshold].sort_values(["polarity", "article_id", "sentence_id"],
                                                                   ascending=[False, True, True])
    frame = frame.head(n).merge(articles[["article_id", "date", "date_source", "outlet"]], on="article_id", how="left")
    return pd.DataFrame({
        "polarity": frame["polarity"].round(3),
        "subjectivity": frame["subjectivity"].round(3),
        "words that scored": [explain(text, engine) for text in frame["text"]],
        "sentence": frame["text"],
        "article_id": frame["article_id"],
        "sentence_id": frame["sentence_id"],
        "date": _date_text(frame["date"], frame["date_source"]),
        "outlet": frame["outlet"],
    })


# --- sourcing ----------------------------------------------------------------------------------


def source_type_counts(attributions: pd.DataFrame) -> pd.DataFrame:
    """Attributions and articles per source type, in a fixed order."""
    rows = []
    for kind in SOURCE_TYPES:
        part = attributions[attributions["source_type"] == kind]
        rows.append({"source type": SOURCE_TYPE_LABELS[kind], "attributions": len(part),
                     "articles": part["article_id"].nunique()})
    return pd.DataFrame(rows)


def confidence_counts(attributions: pd.DataFrame) -> pd.DataFrame:
    """Attributions per source type and confidence (see docs/methodology.md for the rule), with rows corrected by hand."""
    rows = []
    corrected = attributions["corrected"].astype(bool) if "corrected" in attributions else pd.Series(False, index=attributions.index)
    for kind in SOURCE_TYPES:
        part = attributions[attributions["source_type"] == kind]
        row = {"source type": SOURCE_TYPE_LABELS[kind]}
        for level in CONFIDENCE_LEVELS:
            row[level] = int((part["confidence"] == level).sum())
        row["corrected by hand"] = int(corrected[part.index].sum())
        rows.append(row)
    return pd.DataFrame(rows)


def top_sources(attributions: pd.DataFrame, n: int = 25, corpus: str = "CORPUS") -> pd.DataFrame:
    """Named sources cited most, by how many articles, and the command that renders each one's profile.

    One row per source name: a person typed differently in different articles (a senator who is also a candidate)
    is one source, with the types and how many attributions each (``"Political 56, Official 49"``)."""
    named = attributions[attributions["source_name"].fillna("") != ""]
    if named.empty:
        return pd.DataFrame(columns=["source_name", "source type", "attributions", "articles", "profile"])
    grouped = named.groupby("source_name").agg(
        attributions=("article_id", "size"), articles=("article_id", "nunique")).reset_index()
    grouped = grouped.sort_values(["attributions", "articles", "source_name"], ascending=[False, False, True]).head(n)
    types = named[named["source_name"].isin(grouped["source_name"])].groupby(["source_name", "source_type"]).size()
    grouped["source_type"] = grouped["source_name"].map(lambda name: _types_of(types.loc[name]))
    # The command that renders the source's own report (notebook 05).
    grouped["profile"] = grouped["source_name"].map(
        lambda name: f"sourcebook render {shlex.quote(str(corpus))} --notebooks 05 -p source {shlex.quote(name)}")
    return grouped[["source_name", "source_type", "attributions", "articles", "profile"]].rename(
        columns={"source_type": "source type"}).reset_index(drop=True)


def _types_of(counts: pd.Series) -> str:
    """"Political", or "Political 56, Official 49" for a source typed more than one way (most first)."""
    counts = counts.sort_values(ascending=False, kind="stable")
    if len(counts) == 1:
        return _type_label(counts.index[0])
    return ", ".join(f"{_type_label(kind)} {count}" for kind, count in counts.items())


def second_hand(attributions: pd.DataFrame) -> pd.DataFrame:
    """Who is cited via whom: sources that reach the article through another outlet."""
    via = attributions[attributions["via"].fillna("") != ""]
    if via.empty:
        return pd.DataFrame(columns=["via", "source_type", "source_name", "attributions", "articles"])
    grouped = via.assign(source_name=via["source_name"].replace("", "(unnamed)")).groupby(
        ["via", "source_type", "source_name"]).agg(attributions=("article_id", "size"), articles=("article_id", "nunique"))
    grouped = grouped.reset_index().sort_values(["via", "attributions", "source_name"], ascending=[True, False, True])
    grouped["source_type"] = grouped["source_type"].map(_type_label)
    return grouped.rename(columns={"source_type": "source type"}).reset_index(drop=True)


def _type_label(kind: str) -> str:
    return SOURCE_TYPE_LABELS.get(kind, kind)


# Only the first rows of a table (newest first) can be in a report (its size budget holds far fewer), so
# only they get the keys a chart click searches for; computing them for a million rows costs seconds.
MARKED_ROWS = 50_000


def mark_keys(frame: pd.DataFrame, limit: int | None = None) -> pd.Series:
    """For each row, the keys of every chart mark it is counted in: "a:<article> d:<day> w:<week> m:<month> t:<type>
    o:<outlet> p:<platform> c:<certainty> h:<thread>", each ending in ';' (a click on a mark searches the evidence
    table for its keys)."""
    if limit is not None and len(frame) > limit:
        head = mark_keys(frame.iloc[:limit])
        return pd.concat([head, pd.Series("", index=frame.index[limit:])])

    def key(prefix: str, values) -> pd.Series:
        text = pd.Series(values, index=frame.index).fillna("").astype(str).str.replace(r"\s+", "_", regex=True)
        return (prefix + ":" + text + ";").where(text != "", "")

    dates = pd.to_datetime(frame["date"]) if "date" in frame else pd.Series(pd.NaT, index=frame.index)
    parts = [key("a", frame["article_id"])]
    if dates.notna().any():
        parts += [key("d", period_start(dates, "D").dt.strftime("%Y-%m-%d")),
                  key("w", period_start(dates, "W").dt.strftime("%Y-%m-%d")),
                  key("m", period_start(dates, "M").dt.strftime("%Y-%m"))]
    if "date_source" in frame:
        how = frame["date_source"].fillna("missing")
        parts.append(key("g", how.map(lambda v: "" if v == "missing" else ("inferred" if v == "inferred" else "given"))))
    for prefix, column in (("t", "source_type"), ("o", "outlet"), ("p", "platform"), ("c", "certainty"),
                           ("h", "thread_id")):
        if column in frame:
            values = frame[column].fillna("")
            if column == "outlet":
                values = values.replace("", "outlet unknown")
            parts.append(key(prefix, values))
    out = parts[0]
    for part in parts[1:]:
        out = out + " " + part
    return out.str.replace(r"\s+", " ", regex=True).str.strip()


def evidence(attributions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Every attribution with its sentence, newest first: the evidence behind each bar."""
    merged = attributions.merge(articles[["article_id", "date_source", "outlet"]], on="article_id", how="left")
    merged = merged.sort_values(["date", "article_id", "sentence_id", "start"], ascending=[False, True, True, True],
                                na_position="last")
    return pd.DataFrame({
        "date": _date_text(merged["date"], merged["date_source"]).values,
        "outlet": merged["outlet"].values,
        "source_name": merged["source_name"].values,
        "source_type": merged["source_type"].values,
        "cue": merged["cue"].values,
        "sentence": merged["sentence"].values,
        "via": merged["via"].values,
        "platform": merged["platform"].values,
        "type_evidence": merged["type_evidence"].values,
        "confidence": merged["confidence"].values,
        "corrected": merged["corrected"].values,
        "article_id": merged["article_id"].values,
        "sentence_id": merged["sentence_id"].values,
        "marks": mark_keys(merged, MARKED_ROWS).values,
    })


# --- certainty and claims (notebook 04) ------------------------------------------------------------------


def certainty_figures(sentences: pd.DataFrame, claims: pd.DataFrame, threads: pd.DataFrame) -> pd.DataFrame:
    """Key figures of notebook 04: how much is hedged or rumour, the claims, the threads and their drift."""
    one = sentences[sentences["engine"] == sentences["engine"].iloc[0]] if len(sentences) else sentences
    total = len(one)
    levels = one["certainty"].value_counts() if total else pd.Series(dtype=int)
    share = lambda n: f"{n:,} ({n / total:.1%})" if total else "0"  # noqa: E731
    kinds = claims["kind"].value_counts() if len(claims) else pd.Series(dtype=int)
    drifted = threads[threads["drift"] != ""] if len(threads) else threads
    values = [
        ("sentences", f"{total:,}"),
        ("hedged", share(int(levels.get("hedged", 0)))),
        ("rumour", share(int(levels.get("rumour", 0)))),
        ("reporting a denial", share(int(one["denial"].astype(bool).sum()) if total else 0)),
        ("claims (figures, forecasts, events)", f"{len(claims):,} ({int(kinds.get('figure', 0)):,} figures, "
                                               f"{int(kinds.get('forecast', 0)):,} forecasts, {int(kinds.get('event', 0)):,} events)"),
        ("claims with no source given", f"{int((claims['source_type'] == 'unattributed').sum()):,}" if len(claims) else "0"),
        ("threads (claims retold)", f"{len(threads):,}"),
        ("threads that lost their hedge or source", f"{len(drifted):,}"),
    ]
    return pd.DataFrame(values, columns=["measure", "value"])


def uncertain_sentences(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Hedged and rumour sentences, newest first, with the words that decided them and any denial."""
    columns = ["date", "outlet", "certainty", "cues", "denial", "sentence", "article_id", "sentence_id", "marks"]
    if sentences is None or sentences.empty:
        return pd.DataFrame(columns=columns)
    one = sentences[(sentences["engine"] == sentences["engine"].iloc[0]) & (sentences["certainty"] != "asserted")]
    merged = one.merge(articles[["article_id", "date", "date_source", "outlet"]], on="article_id", how="left")
    merged = merged.sort_values(["date", "article_id", "sentence_id"], ascending=[False, True, True], na_position="last")
    return pd.DataFrame({
        "date": _date_text(merged["date"], merged["date_source"]).values, "outlet": merged["outlet"].values,
        "certainty": merged["certainty"].values, "cues": merged["certainty_cues"].values,
        "denial": merged["denial"].values, "sentence": merged["text"].values, "article_id": merged["article_id"].values,
        "sentence_id": merged["sentence_id"].values, "marks": mark_keys(merged, MARKED_ROWS).values,
    }, columns=columns)


def claims_ledger(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Every claim, newest first: what can be checked, who it rests on, how sure, its thread, its sentence."""
    columns = ["date", "outlet", "claim", "kind", "certainty", "source_type", "source_name", "via", "sentence",
               "value", "unit", "when", "thread_id", "article_id", "claim_id", "marks"]
    if claims is None or claims.empty:
        return pd.DataFrame(columns=columns)
    merged = claims.merge(articles[["article_id", "date_source", "outlet"]], on="article_id", how="left")
    merged = merged.sort_values(["date", "article_id", "sentence_id", "start"], ascending=[False, True, True, True],
                                na_position="last")
    out = merged.assign(date=_date_text(merged["date"], merged["date_source"]))
    # A figure's value as a reader writes it (3000, 7, 2.5); empty for forecasts and events.
    out["value"] = [("" if pd.isna(v) else int(v) if float(v).is_integer() else v) for v in merged["value"]]
    out["marks"] = mark_keys(merged, MARKED_ROWS).values
    return out[columns].reset_index(drop=True)


def drifted_claims(claims: pd.DataFrame, threads: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Each retelling that dropped its thread's hedge or source, beside the first telling it came from."""
    columns = ["thread_id", "drift", "first told", "first source", "first certainty", "first sentence",
               "retold", "retold by", "retold source", "retold certainty", "retold sentence"]
    if threads is None or threads.empty or not (threads["drift"] != "").any():
        return pd.DataFrame(columns=columns)
    by_id = claims.merge(articles[["article_id", "outlet", "date_source"]], on="article_id", how="left").set_index("claim_id")
    drifted = threads[threads["drift"] != ""]
    pairs = [(thread_id, drift, ids.split("; ")[0], later) for thread_id, drift, ids, laters
             in zip(drifted["thread_id"], drifted["drift"], drifted["claim_ids"], drifted["drift_claim_ids"])
             for later in laters.split("; ")]
    if not pairs:
        return pd.DataFrame(columns=columns)
    thread_ids, drifts, first_ids, later_ids = (list(part) for part in zip(*pairs))
    first, later = by_id.reindex(first_ids), by_id.reindex(later_ids)  # one look-up for all rows, not one per row

    def source(frame: pd.DataFrame) -> list:
        return [name or kind for name, kind in zip(frame["source_name"].fillna(""), frame["source_type"])]

    return pd.DataFrame({
        "thread_id": thread_ids, "drift": drifts,
        "first told": _date_text(first["date"], first["date_source"]).to_numpy(),
        "first source": source(first), "first certainty": first["certainty"].to_numpy(),
        "first sentence": first["sentence"].to_numpy(),
        "retold": _date_text(later["date"], later["date_source"]).to_numpy(),
        "retold by": [o if isinstance(o, str) and o else "outlet unknown" for o in later["outlet"]],
        "retold source": source(later), "retold certainty": later["certainty"].to_numpy(),
        "retold sentence": later["sentence"].to_numpy()}, columns=columns)


def threads_table(threads: pd.DataFrame) -> pd.DataFrame:
    """The threads, widest first: where each was first seen, how far it went, how it was told."""
    columns = ["thread_id", "first_date", "first_outlet", "first_source_type", "first_source_name", "first_certainty",
               "articles", "outlets", "n_claims", "certainties", "drift", "first_claim"]
    if threads is None or threads.empty:
        return pd.DataFrame(columns=columns)
    out = threads[columns].copy()
    out["first_date"] = pd.to_datetime(out["first_date"]).dt.strftime("%Y-%m-%d").fillna("no date")
    return out.reset_index(drop=True)

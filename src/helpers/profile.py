"""One source's report (notebook 05): which rows are that source, and the tables that describe them.

A source is named as it appears in the attributions' ``source_name`` column (the fullest name the
article gives, so "Mrs. Clinton", "Clinton" and "she" are already one source) and matched ignoring
case and surrounding spaces. No fuzzy matching decides which rows are shown: when no name matches,
the closest names are only suggested.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import pandas as pd

from .views import _date_text, _type_label


def _fold(values) -> pd.Series:
    return pd.Series(values, dtype="object").fillna("").astype(str).str.strip().str.casefold()


@dataclass
class Profile:
    """The rows of one source, the rows it passed on (as *via*), and how it was found."""

    asked: str  # the ``source`` parameter as given
    name: str  # the source's name as the attributions spell it ("" when nothing matched)
    rows: pd.DataFrame  # attributions whose source is this source
    passed_on: pd.DataFrame  # attributions that reached an article through this source (its *via*)
    note: str  # how the source was chosen, in a sentence for the reader
    suggestions: list[str]  # names close to ``asked`` when nothing matched

    @property
    def found(self) -> bool:
        return not self.rows.empty or not self.passed_on.empty


def most_cited(attributions: pd.DataFrame) -> str:
    """The named source with the most attributions (ties: most articles, then by name)."""
    named = attributions[attributions["source_name"].fillna("") != ""]
    if named.empty:
        return ""
    counts = named.groupby("source_name").agg(n=("article_id", "size"), articles=("article_id", "nunique"))
    counts = counts.reset_index().sort_values(["n", "articles", "source_name"], ascending=[False, False, True])
    return str(counts["source_name"].iloc[0])


def close_names(attributions: pd.DataFrame, asked: str, n: int = 5) -> list[str]:
    """Names in the attributions that contain ``asked`` or look like it, most cited first."""
    names = attributions["source_name"].fillna("")
    names = names[names != ""]
    if names.empty or not asked.strip():
        return []
    cited = names.value_counts()
    folded = {name.casefold(): name for name in cited.index}
    want = asked.strip().casefold()
    containing = [name for name in cited.index if want in name.casefold() or name.casefold() in want]
    similar = [folded[f] for f in difflib.get_close_matches(want, list(folded), n=n, cutoff=0.6)]
    out = []
    for name in containing + similar:
        if name not in out:
            out.append(name)
    return out[:n]


def find(attributions: pd.DataFrame, source: str) -> Profile:
    """The profile of ``source`` (or, when empty, of the most cited named source) in these attributions."""
    asked = (source or "").strip()
    if not asked:
        name = most_cited(attributions)
        note = (f"No source was given, so this profile is of the most cited named source in the view, {name}."
                if name else "No source was given, and no attribution in the view names its source.")
    else:
        name, note = asked, ""
    want = name.casefold()
    rows = attributions[_fold(attributions["source_name"]).values == want] if want else attributions.iloc[0:0]
    passed_on = attributions[_fold(attributions["via"]).values == want] if want else attributions.iloc[0:0]
    if not rows.empty:
        name = rows["source_name"].value_counts().index[0]  # the corpus's own spelling
    elif not passed_on.empty:
        name = passed_on["via"].value_counts().index[0]
    suggestions = [] if (not rows.empty or not passed_on.empty) else close_names(attributions, asked)
    if asked and rows.empty and passed_on.empty:
        note = f"No attribution in the view names '{asked}' as its source or as the outlet it came through."
        if suggestions:
            note += " Names close to it: " + "; ".join(suggestions) + "."
    return Profile(asked, name if (not rows.empty or not passed_on.empty) else "", rows, passed_on, note, suggestions)


def figures(profile: Profile, articles: pd.DataFrame) -> pd.DataFrame:
    """Key figures of the source: how often, in how many articles and outlets, over what span, typed how."""
    rows = profile.rows
    merged = rows.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    dates = pd.to_datetime(rows["date"]).dropna()
    types = rows["source_type"].map(_type_label).value_counts()
    confidence = rows["confidence"].value_counts()
    values = [
        ("source", profile.name or "(none)"),
        ("attributions", f"{len(rows):,}"),
        ("articles", f"{rows['article_id'].nunique():,}"),
        ("outlets", f"{merged['outlet'].replace('', pd.NA).dropna().nunique():,}"),
        ("first cited", dates.min().strftime("%Y-%m-%d") if len(dates) else "no date"),
        ("last cited", dates.max().strftime("%Y-%m-%d") if len(dates) else "no date"),
        ("typed as", "; ".join(f"{kind} {n:,}" for kind, n in types.items()) or "none"),
        ("confidence", "; ".join(f"{level} {confidence.get(level, 0):,}" for level in ("high", "medium", "low")
                                 if confidence.get(level, 0)) or "none"),
        ("cited second-hand (via another outlet)", f"{int((rows['via'].fillna('') != '').sum()):,}"),
        ("others cited through it", f"{len(profile.passed_on):,}"),
    ]
    return pd.DataFrame(values, columns=["measure", "value"])


def by_outlet(profile: Profile, articles: pd.DataFrame) -> pd.DataFrame:
    """Which outlets cite the source, how often, and from when to when."""
    columns = ["outlet", "attributions", "articles", "first cited", "last cited"]
    if profile.rows.empty:
        return pd.DataFrame(columns=columns)
    merged = profile.rows.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    merged["outlet"] = merged["outlet"].fillna("").replace("", "outlet unknown")
    grouped = merged.groupby("outlet").agg(attributions=("article_id", "size"), articles=("article_id", "nunique"),
                                           first=("date", "min"), last=("date", "max")).reset_index()
    grouped["first cited"] = _date_text(grouped.pop("first"))
    grouped["last cited"] = _date_text(grouped.pop("last"))
    return grouped.sort_values(["attributions", "outlet"], ascending=[False, True])[columns].reset_index(drop=True)


def typed_how(profile: Profile) -> pd.DataFrame:
    """Each type the source was given, how sure, and the words that decided it (most frequent first)."""
    columns = ["source type", "confidence", "attributions", "type evidence (most frequent)"]
    rows = profile.rows
    if rows.empty:
        return pd.DataFrame(columns=columns)
    grouped = rows.assign(evidence=rows["type_evidence"].fillna("")).groupby(["source_type", "confidence"]).agg(
        attributions=("article_id", "size"),
        evidence=("evidence", lambda s: "; ".join(v for v in s.value_counts().index[:3] if v))).reset_index()
    grouped["source_type"] = grouped["source_type"].map(_type_label)
    grouped = grouped.sort_values(["attributions", "source_type"], ascending=[False, True])
    grouped.columns = columns
    return grouped.reset_index(drop=True)


def via_whom(profile: Profile) -> pd.DataFrame:
    """The outlets the source's words reached the article through, when the article says so."""
    rows = profile.rows[profile.rows["via"].fillna("") != ""]
    if rows.empty:
        return pd.DataFrame(columns=["via", "attributions", "articles"])
    grouped = rows.groupby("via").agg(attributions=("article_id", "size"), articles=("article_id", "nunique"))
    return grouped.reset_index().sort_values(["attributions", "via"], ascending=[False, True]).reset_index(drop=True)


def passed_on(profile: Profile) -> pd.DataFrame:
    """Sources that reached an article through this source: what it reported others said."""
    rows = profile.passed_on
    if rows.empty:
        return pd.DataFrame(columns=["source_name", "source type", "attributions", "articles"])
    grouped = rows.assign(source_name=rows["source_name"].fillna("").replace("", "(unnamed)")).groupby(
        ["source_name", "source_type"]).agg(attributions=("article_id", "size"), articles=("article_id", "nunique"))
    grouped = grouped.reset_index().sort_values(["attributions", "source_name"], ascending=[False, True])
    grouped["source_type"] = grouped["source_type"].map(_type_label)
    return grouped.rename(columns={"source_type": "source type"}).reset_index(drop=True)

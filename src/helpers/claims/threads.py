"""How does a claim travel? The same claim told in several sentences, grouped into threads, and its drift.

Two claims are linked when their clauses (the part of the sentence the claim is in, ``clause``) are
near-duplicates in content: TF-IDF over stemmed content words and figures (scikit-learn's ``TfidfVectorizer``; NLTK's Porter stemmer, which needs no download),
cosine similarity at or above ``similarity`` (default 0.3), and they must name something in common (a
capitalised name inside the sentence, or a figure: "Voltara", "Monterrey", "1,200"), and two figures
more than 15% apart are never linked (11% is not 18%). Claims of one sentence are never linked to
each other by that sentence alone. Threads grow in order of first telling: a claim joins a thread when it
is linked to the thread's first telling or to at least half of its tellings, so a claim retold with new
words can join through the retellings in between without the thread drifting from one claim to a whole
topic. Only claims dated within ``window_days`` of each
other are compared (an undated claim is compared with every claim), which keeps the work linear in the
corpus for a steady news flow.

A thread's **drift**: its first telling (earliest date, then article and sentence order) was hedged or
rumour and a later one is asserted (*lost its hedge*), or the first rested on a source and a later one
on none (*lost its source*). A claim first hedged and anonymous, later asserted and unattributed, is
the pattern a reporter is looking for.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

SIMILARITY = 0.3
WINDOW_DAYS = 120

THREAD_COLUMNS = ["thread_id", "n_claims", "articles", "outlets", "first_date", "first_outlet", "first_article_id",
                  "first_source_type", "first_source_name", "first_certainty", "first_claim", "last_date",
                  "certainties", "drift", "drift_claim_ids", "claim_ids"]

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]+|\d[\d,.]*|%")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    # Days and months say when a claim was told, not what it is about.
    calendar = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
                "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today",
                "yesterday", "week", "weekend", "month"}
    return frozenset(ENGLISH_STOP_WORDS) | calendar | {"said", "says", "according", "reported", "reportedly", "told",
                                                       "year", "percent", "also", "just", "like", "will", "would"}


@lru_cache(maxsize=1)
def _synonyms() -> dict:
    path = Path(__file__).parent / "data" / "synonyms.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {word: term for word, term in rows}


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def content_terms(text: str) -> list[str]:
    """The words two tellings of a claim share: stems of content words (synonyms as one term,
    ``data/synonyms.tsv``), and figures without their commas."""
    stem, stop, same = _stem, _stop_words(), _synonyms()
    out = []
    for word in _WORD_RE.findall(text.replace("-", " ")):
        if word[0].isdigit():
            number = word.rstrip(".,").replace(",", "")
            if number and not re.fullmatch(r"(?:19|20)\d\d", number):
                out.append("#" + number)
            continue
        lowered = word.lower().replace("’", "'").split("'")[0]
        lowered = same.get(lowered, lowered)
        if lowered == "%" or (len(lowered) > 2 and lowered not in stop):
            out.append(stem(lowered) if lowered != "%" else "%")
    return out


_NAME_RE = re.compile(r"(?<=[\w,;:'’\")] )[A-Z][\w'’-]+|\d[\d,.]*\d|\d")


def anchors(text: str) -> list[str]:
    """What a claim is about, by name or number: capitalised words inside the sentence (not its first
    word) and figures. Two tellings of one claim name the same company, place or figure."""
    stem = _stem
    out = []
    for word in _NAME_RE.findall(text):
        if word[0].isdigit():
            number = word.replace(",", "")
            if not re.fullmatch(r"(?:19|20)\d\d", number):
                out.append("#" + number)
        else:
            lowered = word.lower().split("'")[0].split("’")[0]
            if lowered not in _stop_words():
                out.append(stem(lowered))
    return out


_CLAUSE_START_RE = re.compile(r"\bthat\s+|;\s*|:\s*|\bwhile\s+|\bbut\s+|\bwhereas\s+", re.IGNORECASE)


def clause(sentence: str, claim: str) -> str:
    """The part of the sentence a claim is in: from the start of its clause ("… sources said that | Tesla
    will ship …") to the end of the sentence. Two tellings share the claim, not the framing around it."""
    at = sentence.find(claim) if claim else -1
    if at < 0:
        return sentence
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(sentence[:at])]
    return sentence[starts[-1] if starts else 0:]


def claim_terms(sentence: str, claim: str) -> tuple[str, str]:
    """The words (``content_terms``) and the names and figures (``anchors``) of the clause a claim is in, each
    joined by spaces. Computed once per article, where the results are cached, and kept with the claim until
    the corpus pass, which then only counts them."""
    text = clause(sentence, claim)
    return " ".join(content_terms(text)), " ".join(anchors(text))


def _vectors(words: list[str], names: list[str]):
    """TF-IDF of the claims' words and presence of their names, from ``claim_terms``' strings."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    # Words in very many claims ("emissions" in a climate corpus) cannot tell two claims apart: dropped,
    # which also keeps the products below sparse at scale.
    common = max(COMMON_TERM_CLAIMS, int(COMMON_TERM_SHARE * len(words)))
    similar = TfidfVectorizer(analyzer=str.split, sublinear_tf=True, norm="l2", max_df=common).fit_transform(words)
    named = CountVectorizer(analyzer=str.split, binary=True, max_df=common).fit_transform(names)
    return similar.tocsr(), named.tocsr()


FIGURE_TOLERANCE = 0.15  # two figures further apart than this (relative) are different claims: 11% is not 18%
NEIGHBOURS = 10  # each claim keeps its most similar links only: a claim is retold a few times, not thousands
COMMON_TERM_SHARE = 0.01  # a term in more than this share of the claims (and more than COMMON_TERM_CLAIMS) is ignored
COMMON_TERM_CLAIMS = 200


def _edges(matrix, days: np.ndarray, sentence_keys: np.ndarray, similarity: float, window_days: int,
           values: np.ndarray | None = None):
    """Pairs (i, j) of linked claims, i < j, compared block by block in date order."""
    order = np.argsort(np.where(np.isnan(days), np.inf, days), kind="stable")
    rows, cols = [], []
    n = matrix[0].shape[0]
    dated = order[~np.isnan(days[order])]
    undated = order[np.isnan(days[order])]
    block = 1000
    for start in range(0, len(dated), block):
        part = dated[start:start + block]
        low, high = days[part].min() - window_days, days[part].max() + window_days
        lo, hi = np.searchsorted(days[dated], [low, high], side="left")[0], np.searchsorted(days[dated], high, side="right")
        candidates = dated[lo:hi]
        _collect(matrix, part, candidates, days, sentence_keys, similarity, window_days, rows, cols, values)
    everyone = np.arange(n)
    for start in range(0, len(undated), block):
        _collect(matrix, undated[start:start + block], everyone, days, sentence_keys, similarity, None, rows, cols, values)
    if not rows:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    return np.concatenate(rows).astype(int), np.concatenate(cols).astype(int)


def _collect(matrices, part, candidates, days, sentence_keys, similarity, window_days, rows, cols, values=None):
    matrix, named = matrices
    scores = matrix[part] @ matrix[candidates].T
    scores = scores.multiply((named[part] @ named[candidates].T) > 0).tocoo()  # and they name something in common
    keep = scores.data >= similarity
    i, j = part[scores.row[keep]], candidates[scores.col[keep]]
    distinct = (i < j) & (sentence_keys[i] != sentence_keys[j])
    if window_days is not None:
        distinct &= np.abs(days[i] - days[j]) <= window_days
    if values is not None:
        a, b = values[i], values[j]
        with np.errstate(invalid="ignore", divide="ignore"):
            apart = np.abs(a - b) / np.maximum(np.abs(a), np.abs(b)) > FIGURE_TOLERANCE
        distinct &= ~(apart & ~np.isnan(a) & ~np.isnan(b))
    i, j, score = i[distinct], j[distinct], scores.data[keep][distinct]
    if len(i) > NEIGHBOURS:
        # The NEIGHBOURS best links of each claim of the block (the product is symmetric, so the other side of
        # a link keeps it too when it is among its own best).
        order = np.lexsort((-score, i))
        rank = np.arange(len(order)) - np.searchsorted(i[order], i[order], side="left")
        best = order[rank < NEIGHBOURS]
        i, j = i[best], j[best]
    rows.append(i)  # arrays, joined once at the end: lists of Python ints took four times the memory
    cols.append(j)


def _adjacency(i: np.ndarray, j: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The links as a compressed adjacency list: the neighbours of claim k are ``near[start[k]:start[k + 1]]``,
    sorted. Arrays, not a dict of sets: at 1.6 million claims the sets took more memory than the rest of the pass."""
    a, b = np.concatenate([i, j]), np.concatenate([j, i])
    order = np.lexsort((b, a))
    a, b = a[order], b[order]
    keep = np.ones(len(a), dtype=bool)
    keep[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    a, b = a[keep], b[keep]
    return np.searchsorted(a, np.arange(n + 1)), b


def _grow_threads(order: np.ndarray, start: np.ndarray, near: np.ndarray) -> dict[int, int]:
    """Threads grown in order of first telling: a claim joins the thread of an earlier claim it is linked to
    when it is also linked to that thread's first telling or to at least half of the thread, so a thread
    stays about one claim instead of chaining from topic to topic ("Paris agreement", "Trump", "emissions").
    Of threads alike in that, the one it shares most with wins, then the earliest grown."""
    thread_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    for claim in order.tolist():
        best, best_score = None, 0.0
        linked = set(near[start[claim]:start[claim + 1]].tolist())
        for thread in sorted({thread_of[other] for other in linked if other in thread_of}):
            group = members[thread]
            shared = sum(1 for other in group if other in linked) / len(group)
            if group[0] in linked or shared >= 0.5:
                if shared > best_score:
                    best, best_score = thread, shared
        if best is None:
            best = claim
            members[best] = []
        thread_of[claim] = best
        members[best].append(claim)
    return thread_of


def assign(claims: pd.DataFrame, similarity: float = SIMILARITY, window_days: int = WINDOW_DAYS) -> pd.Series:
    """The thread of each claim ("t0001", ...), or "" for a claim no other claim retells.

    Claims of one sentence share its thread: a thread is a set of tellings, and a sentence that retells
    "$5,500 a ton, $49 a gallon" retells both figures."""
    out = pd.Series("", index=claims.index, dtype=object)
    if len(claims) < 2:
        return out
    if "terms" in claims and "names" in claims:  # computed with each article (rows_for_article)
        words, names = claims["terms"].fillna("").tolist(), claims["names"].fillna("").tolist()
    else:  # a ledger read back from claims.csv, re-threaded in a notebook
        pairs = [claim_terms(sentence, claim) for sentence, claim in
                 zip(claims["sentence"].fillna(""), claims["claim"].fillna(""))]
        words, names = [p[0] for p in pairs], [p[1] for p in pairs]
    matrix = _vectors(words, names)
    days = (pd.to_datetime(claims["date"]) - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype=float)
    keys = (claims["article_id"].astype(str) + "#" + claims["sentence_id"].astype(str)).to_numpy()
    values = pd.to_numeric(claims["value"], errors="coerce").to_numpy(dtype=float) if "value" in claims else None
    i, j = _edges(matrix, days, keys, similarity, window_days, values)
    if not len(i):
        return out
    start, near = _adjacency(i, j, len(claims))
    positions = claims.reset_index(drop=True).assign(_pos=np.arange(len(claims)))
    order = positions.sort_values(["date", "article_id", "sentence_id"], na_position="last", kind="stable")["_pos"].to_numpy()
    thread_of = _grow_threads(order, start, near)
    label = np.array([thread_of.get(k, k) for k in range(len(claims))])
    # A sentence's claims go to the thread of its first claim that has one (threads of two or more tellings).
    sizes = pd.Series(label).map(pd.Series(label).value_counts())
    frame = pd.DataFrame({"key": keys, "label": np.where(sizes >= 2, label, -1)})
    first = frame[frame["label"] >= 0].groupby("key")["label"].first()
    label = np.where(frame["key"].map(first).notna(), frame["key"].map(first).fillna(-1).astype(int), -1)
    # Number threads in order of first sighting, so ids read the same on every run.
    names, ids = {}, []
    for position in order:
        thread = label[position]
        if thread < 0:
            ids.append("")
            continue
        if thread not in names:
            names[thread] = f"t{len(names) + 1:04d}"
        ids.append(names[thread])
    out.iloc[order] = ids
    counts = out[out != ""].value_counts()
    out[out.map(counts).fillna(0) < 2] = ""  # a thread needs two tellings
    return out


def summarise(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per thread: first sighting, reach, the certainties it was told with, and its drift.

    Read in one pass over plain lists (a corpus of 100,000 articles has over a hundred thousand threads: pandas
    per thread took minutes)."""
    threaded = claims[claims["thread_id"] != ""]
    if threaded.empty:
        return pd.DataFrame(columns=THREAD_COLUMNS)
    ordered = threaded.sort_values(["thread_id", "date", "article_id", "sentence_id"], na_position="last",
                                   kind="stable")
    column = {name: ordered[name].tolist() for name in ("thread_id", "date", "article_id", "certainty",
                                                        "source_type", "source_name", "sentence", "claim_id")}
    column["outlet"] = [o if isinstance(o, str) and o else "outlet unknown" for o in ordered["outlet"].tolist()]
    ids = column["thread_id"]
    rows, start = [], 0
    for end in range(1, len(ids) + 1):
        if end < len(ids) and ids[end] == ids[start]:
            continue
        rows.append(_thread_row(column, start, end))
        start = end
    frame = pd.DataFrame(rows, columns=THREAD_COLUMNS)
    return frame.sort_values(["articles", "n_claims", "thread_id"], ascending=[False, False, True]).reset_index(drop=True)


def _thread_row(column: dict, start: int, end: int) -> dict:
    """The summary of the claims ``start:end`` of ``column`` (one thread, in order of telling)."""
    span = range(start, end)
    first = start
    certainty, source_type, claim_id = column["certainty"], column["source_type"], column["claim_id"]
    hedged_first = certainty[first] in ("hedged", "rumour")
    sourced_first = source_type[first] != "unattributed"
    lost_hedge = [k for k in span[1:] if certainty[k] == "asserted"] if hedged_first else []
    lost_source = [k for k in span[1:] if source_type[k] == "unattributed"] if sourced_first else []
    drift = [label for label, found in (("lost its hedge", lost_hedge), ("lost its source", lost_source)) if found]
    drifted = list(dict.fromkeys(claim_id[k] for k in lost_hedge + lost_source))
    counts: dict[str, int] = {}
    for k in span:
        counts[certainty[k]] = counts.get(certainty[k], 0) + 1
    dates = [column["date"][k] for k in span if not pd.isna(column["date"][k])]
    return {
        "thread_id": column["thread_id"][first], "n_claims": end - start,
        "articles": len({column["article_id"][k] for k in span}),
        "outlets": len({column["outlet"][k] for k in span}), "first_date": column["date"][first],
        "first_outlet": column["outlet"][first], "first_article_id": column["article_id"][first],
        "first_source_type": source_type[first], "first_source_name": column["source_name"][first],
        "first_certainty": certainty[first], "first_claim": column["sentence"][first],
        "last_date": max(dates) if dates else pd.NaT,
        # most told first, ties in order of first telling (as value_counts orders them)
        "certainties": "; ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])),
        "drift": " and ".join(drift), "drift_claim_ids": "; ".join(drifted),
        "claim_ids": "; ".join(claim_id[k] for k in span),
    }

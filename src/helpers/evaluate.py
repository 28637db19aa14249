"""How good is the attribution extractor? Precision and recall against a hand-labelled gold set.

The gold set (``tests/data/attribution_gold.csv``) has one sentence per row:
``id, style, context, sentence, expected``. ``context`` holds the sentences
that come before (for "he added"); ``expected`` lists the attributions in the
sentence as ``type|source_name|via`` separated by `` ; ``.

Scoring is by source type, per sentence: a predicted attribution of type T
counts as correct when the sentence's gold list holds an unmatched attribution
of type T. So a sentence with one gold ``media`` and two predicted ``media``
scores one true positive and one false positive.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from .attribution import SOURCE_TYPES, extract_article
from .errors import SourcebookError
from .text import split_sentences

GOLD_COLUMNS = ["id", "style", "context", "sentence", "expected"]


def read_gold(path: str | Path) -> pd.DataFrame:
    """Read and check a gold file; a bad file gets a one-line SourcebookError."""
    path = Path(path)
    if not path.exists():
        raise SourcebookError(f"{path}: no such file")
    try:
        gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # pandas raises several kinds for a broken CSV
        raise SourcebookError(f"{path}: cannot be read as CSV ({str(exc).splitlines()[0]})") from None
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise SourcebookError(f"{path}: missing columns {', '.join(missing)}; found {', '.join(gold.columns)}")
    for row in gold.itertuples():
        for item in parse_expected(row.expected):
            if item[0] not in SOURCE_TYPES:
                raise SourcebookError(f"{path}: row {row.id}: unknown source type '{item[0]}'")
    return gold


def parse_expected(value: str) -> list[tuple[str, str, str]]:
    """'media|Bloomberg News| ; anonymous||Bloomberg News' -> [(type, name, via), ...]."""
    items = []
    for part in str(value or "").split(";"):
        part = part.strip()
        if not part:
            continue
        fields = (part.split("|") + ["", ""])[:3]
        items.append(tuple(f.strip() for f in fields))
    return items


def predict(context: str, sentence: str) -> list:
    """Attributions the extractor finds in ``sentence``, reading ``context`` before it."""
    before = [span.text for span in split_sentences(context)] if context.strip() else []
    return extract_article(before + [sentence])[-1]


def evaluate(gold: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score the extractor. Returns (scores per type with an 'overall' row, per-sentence detail)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    detail = []
    for row in gold.itertuples():
        expected = Counter(item[0] for item in parse_expected(row.expected))
        found = predict(row.context, row.sentence)
        predicted = Counter(item.source_type for item in found)
        for kind in SOURCE_TYPES:
            hit = min(expected[kind], predicted[kind])
            tp[kind] += hit
            fp[kind] += predicted[kind] - hit
            fn[kind] += expected[kind] - hit
        detail.append(
            {
                "id": row.id,
                "sentence": row.sentence,
                "expected": "; ".join(sorted(expected.elements())),
                "predicted": "; ".join(sorted(predicted.elements())),
                "found": " ; ".join(f"{f.source_type}|{f.source_name}|{f.via}" for f in found),
                "correct": expected == predicted,
            }
        )
    rows = []
    for kind in list(SOURCE_TYPES) + ["overall"]:
        if kind == "overall":
            t, p, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, p, n = tp[kind], fp[kind], fn[kind]
        rows.append(
            {
                "source_type": kind,
                "gold": t + n,
                "predicted": t + p,
                "correct": t,
                "precision": round(t / (t + p), 3) if t + p else float("nan"),
                "recall": round(t / (t + n), 3) if t + n else float("nan"),
            }
        )
    return pd.DataFrame(rows), pd.DataFrame(detail)

"""Score the certainty rules on a gold set of sentences (``tests/data/gold/CERTAINTY.md``).

A gold file is JSON lines: ``{"id", "sentence", "certainty": asserted|hedged|rumour, "denial": bool}``.
Reported: precision, recall and F1 of "this sentence is uncertain" (hedged or rumour), of each level,
and of denials, next to a naive baseline (a sentence is uncertain when it holds any of a short list of
hedge words), so a reader sees what the rules add over the obvious.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import BadInput
from ..evaluate import gold_lines
from .rules import LEVELS, classify

# The obvious list a reporter would start from: any of these words marks a sentence uncertain.
NAIVE_WORDS = ("may", "might", "could", "reportedly", "allegedly", "possibly", "probably", "likely", "perhaps",
               "rumour", "rumours", "rumor", "rumors", "expected", "believed", "speculation", "unconfirmed")
_NAIVE_RE = re.compile(r"\b(" + "|".join(NAIVE_WORDS) + r")\b", re.IGNORECASE)


def naive_uncertain(sentence: str) -> bool:
    return bool(_NAIVE_RE.search(sentence))


def read_gold(path: str | Path) -> list[dict]:
    rows = []
    for number, row in gold_lines(path):
        if not isinstance(row, dict) or row.get("certainty") not in LEVELS or "sentence" not in row:
            raise BadInput(f"{path}: line {number} needs a sentence and a certainty of {', '.join(LEVELS)}")
        rows.append(row)
    return rows


def _prf(gold: pd.Series, predicted: pd.Series) -> dict:
    tp = int((gold & predicted).sum())
    p = tp / int(predicted.sum()) if predicted.sum() else 0.0
    r = tp / int(gold.sum()) if gold.sum() else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "gold": int(gold.sum()), "predicted": int(predicted.sum())}


def evaluate(rows: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(scores, detail): one row per measure; one row per sentence with gold, predicted and cues."""
    detail = []
    for row in rows:
        found = classify(row["sentence"])
        detail.append({"id": row.get("id", ""), "sentence": row["sentence"], "gold": row["certainty"],
                       "predicted": found.level, "gold_denial": bool(row.get("denial", False)),
                       "predicted_denial": found.denial, "cues": found.cue_text,
                       "naive": naive_uncertain(row["sentence"])})
    frame = pd.DataFrame(detail)
    scores = {"uncertain (hedged or rumour)": _prf(frame["gold"] != "asserted", frame["predicted"] != "asserted"),
              "uncertain, naive word list": _prf(frame["gold"] != "asserted", frame["naive"])}
    for level in LEVELS:
        scores[level] = _prf(frame["gold"] == level, frame["predicted"] == level)
    scores["denial"] = _prf(frame["gold_denial"], frame["predicted_denial"])
    table = pd.DataFrame(scores).T.reset_index().rename(columns={"index": "measure"})
    table["accuracy of the three levels"] = round(float((frame["gold"] == frame["predicted"]).mean()), 3)
    return table, frame


def errors(detail: pd.DataFrame) -> pd.DataFrame:
    wrong = (detail["gold"] != detail["predicted"]) | (detail["gold_denial"] != detail["predicted_denial"])
    return detail[wrong][["id", "gold", "predicted", "gold_denial", "predicted_denial", "cues", "sentence"]]

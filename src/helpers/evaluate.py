"""How good is the sourcing? Precision and recall by (sentence, source type) against a hand-typed gold set.

Two gold formats:

- **Passages** (``.jsonl``, ``tests/data/gold/*.jsonl``, see ``tests/data/gold/GUIDELINES.md``): one
  article-like passage a line, with every attribution of every sentence typed. The passages are
  analysed as a corpus (each one an article), so roles carry within a passage as they do in a real
  article.
- **Sentences** (``.csv``, the older ``tests/data/attribution_*.csv``): ``id, style, context,
  sentence, expected``; ``context`` holds the sentences before, ``expected`` lists
  ``type|source_name|via`` separated by `` ; ``.

Scoring is by (sentence, type) pairs: a sentence that the gold credits to a `political` and an
`anonymous` source holds two gold pairs; a predicted pair is correct when the gold has the same
type in the same sentence. Two rows of one type in one sentence are one pair, with the highest
confidence of its rows; ``by_confidence`` gives the precision of the pairs at each confidence, so a
reporter knows what filtering the report to ``high`` rows buys.

A passage set drawn from a larger corpus can be read among that corpus's articles (``context``):
roles across articles then come from all of them, as in a run over the corpus, instead of from the
gold passages alone.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .attribution import CONFIDENCE_LEVELS, SOURCE_TYPES, extract_article
from .errors import BadInput
from .text import split_sentences

GOLD_COLUMNS = ["id", "style", "context", "sentence", "expected"]


@dataclass
class Gold:
    """A gold set: ``kind`` is "passages" or "sentences"; ``items`` its passages (dicts) or its rows."""

    path: Path
    kind: str
    items: list

    def __len__(self) -> int:
        return len(self.items)


def read_gold(path: str | Path) -> Gold:
    """Read and check a gold file; a bad file gets a one-line BadInput naming the file and the problem."""
    path = Path(path)
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    if path.suffix.lower() == ".jsonl":
        return Gold(path, "passages", _read_passages(path))
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # pandas raises several kinds for a broken CSV
        raise BadInput(f"{path}: cannot be read as CSV ({str(exc).splitlines()[0]})") from None
    missing = [c for c in GOLD_COLUMNS if c not in frame.columns]
    if missing:
        raise BadInput(f"{path}: missing columns {', '.join(missing)}; found {', '.join(frame.columns)}")
    for row in frame.itertuples():
        for item in parse_expected(row.expected):
            if item[0] not in SOURCE_TYPES:
                raise BadInput(f"{path}: row {row.id}: unknown source type '{item[0]}'")
    return Gold(path, "sentences", list(frame.itertuples(index=False)))


def gold_lines(path: str | Path):
    """(line number, value) of each non-blank line of a JSON-lines gold file; a line that is not JSON stops
    the reading with a one-line error naming the file and the line."""
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"{path}: line {number} is not valid JSON ({exc.msg})") from None


def _read_passages(path: Path) -> list[dict]:
    passages = []
    for number, passage in gold_lines(path):
        if not isinstance(passage, dict) or "text" not in passage or "attributions" not in passage:
            raise BadInput(f"{path}: line {number} needs 'text' and 'attributions'")
        for item in passage["attributions"]:
            if item.get("source_type") not in SOURCE_TYPES:
                raise BadInput(f"{path}: line {number}: unknown source type '{item.get('source_type')}'")
            if item.get("sentence", "") not in passage["text"]:
                raise BadInput(f"{path}: line {number}: a sentence is not in the passage's text")
        passages.append(passage)
    return passages


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


def predict_passage(text: str) -> list[tuple[int, int, object]]:
    """(sentence start, sentence end, Found) for every attribution the extractor finds in a passage."""
    spans = split_sentences(text)
    found = extract_article([span.text for span in spans])
    return [(span.start, span.end, item) for span, items in zip(spans, found) for item in items]


def evaluate(gold: Gold, context: list[dict] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score the extractor. Returns (scores per type with an 'overall' row, per-sentence detail)."""
    scores, detail, _ = evaluate_with_confidence(gold, context)
    return scores, detail


def evaluate_with_confidence(gold: Gold, context: list[dict] | None = None):
    """``evaluate`` and the precision of the predicted pairs at each confidence (``by_confidence``).

    ``context``: other articles of the corpus the passages come from (dicts with ``id``, ``date``, ``text``), read
    with them for roles across articles; a context article with a passage's id or text is the passage itself and is
    left out. Only passages are scored."""
    if gold.kind == "passages":
        return _evaluate_passages(gold.items, context)
    if context:
        raise BadInput(f"{gold.path}: a corpus to read the gold among needs passages (.jsonl), not sentences")
    scores, detail, pairs = _evaluate_sentences(gold.items)
    return scores, detail, pairs


def by_confidence(pairs: list[tuple[str, bool]]) -> pd.DataFrame:
    """Precision of the predicted (sentence, type) pairs at each confidence, from (confidence, correct) pairs;
    ``at or above`` is what ``min_confidence`` at that level keeps."""
    rows = []
    for n, level in enumerate(CONFIDENCE_LEVELS):
        here = [ok for conf, ok in pairs if conf == level]
        above = [ok for conf, ok in pairs if conf in CONFIDENCE_LEVELS[:n + 1]]
        rows.append({"confidence": level, "predicted": len(here), "correct": sum(here),
                     "precision": round(sum(here) / len(here), 3) if here else float("nan"),
                     "predicted_at_or_above": len(above),
                     "precision_at_or_above": round(sum(above) / len(above), 3) if above else float("nan")})
    return pd.DataFrame(rows)


def _scores(tp: Counter, fp: Counter, fn: Counter) -> pd.DataFrame:
    rows = []
    for kind in list(SOURCE_TYPES) + ["overall"]:
        if kind == "overall":
            t, p, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, p, n = tp[kind], fp[kind], fn[kind]
        rows.append({
            "source_type": kind, "gold": t + n, "predicted": t + p, "correct": t,
            "precision": round(t / (t + p), 3) if t + p else float("nan"),
            "recall": round(t / (t + n), 3) if t + n else float("nan"),
        })
    return pd.DataFrame(rows)


def _context_articles(passages: list[dict], context: list[dict] | None) -> list[dict]:
    """The context articles that are not one of the passages (by id, or by the same text)."""
    if not context:
        return []
    ids = {str(p.get("id", "")) for p in passages} - {""}
    texts = {" ".join(p["text"].split()) for p in passages}
    return [a for a in context if str(a.get("id", "")) not in ids and " ".join(str(a["text"]).split()) not in texts]


def predict_passages(passages: list[dict], context: list[dict] | None = None) -> list[list[tuple[int, int, object]]]:
    """Every passage's rows, read as one corpus: each passage an article, roles carried across them as in a run
    (and across the ``context`` articles with them, when given)."""
    from .attribution.across import apply_roles, build_roles

    predicted = [predict_passage(p["text"]) for p in passages]
    records = [{"article_id": str(n), "date": p.get("date"), "source_name": item.source_name,
                "source_type": item.source_type, "type_evidence": item.type_evidence, "confidence": item.confidence}
               for n, (p, rows) in enumerate(zip(passages, predicted)) for _s, _e, item in rows]
    if not records:
        return predicted
    frame = pd.DataFrame(records)
    others = [{"article_id": f"context-{n}", "date": a.get("date"), "source_name": item.source_name,
               "source_type": item.source_type, "type_evidence": item.type_evidence, "confidence": item.confidence}
              for n, a in enumerate(_context_articles(passages, context)) for _s, _e, item in predict_passage(str(a["text"]))]
    roles = build_roles([frame, pd.DataFrame(others)] if others else [frame])
    typed = apply_roles(frame, roles)
    items = [item for rows in predicted for _s, _e, item in rows]
    for item, row in zip(items, typed.itertuples(index=False)):
        item.source_type, item.source_name = row.source_type, row.source_name
        item.type_evidence, item.confidence = row.type_evidence, row.confidence
    return predicted


def _evaluate_passages(passages: list[dict], context: list[dict] | None = None):
    tp, fp, fn = Counter(), Counter(), Counter()
    detail, pairs = [], []
    for passage, rows in zip(passages, predict_passages(passages, context)):
        text = passage["text"]
        gold_sentences: dict[tuple[int, int], set] = {}
        gold_rows: dict[tuple[int, int], list] = {}
        for item in passage["attributions"]:
            start = text.find(item["sentence"])
            span = (start, start + len(item["sentence"]))
            gold_sentences.setdefault(span, set()).add(item["source_type"])
            gold_rows.setdefault(span, []).append(f"{item['source_type']}|{item.get('source_name', '')}|{item.get('via', '')}")
        predicted: dict[tuple[int, int], set] = {}
        predicted_rows: dict[tuple[int, int], list] = {}
        confidence: dict[tuple, str] = {}  # (span, type) -> the highest confidence of its rows
        for s_start, s_end, item in rows:
            predicted.setdefault((s_start, s_end), set()).add(item.source_type)
            key = ((s_start, s_end), item.source_type)
            level = item.confidence if item.confidence in CONFIDENCE_LEVELS else "low"
            if key not in confidence or CONFIDENCE_LEVELS.index(level) < CONFIDENCE_LEVELS.index(confidence[key]):
                confidence[key] = level
            predicted_rows.setdefault((s_start, s_end), []).append(
                f"{item.source_type}|{item.source_name}|{item.via}|{item.confidence}")

        def overlapping(span, spans):
            return [other for other in spans if other[0] < span[1] and span[0] < other[1]]

        for span, types in predicted.items():
            gold_here = set().union(*[gold_sentences[g] for g in overlapping(span, gold_sentences)]) if overlapping(span, gold_sentences) else set()
            for kind in types:
                (tp if kind in gold_here else fp)[kind] += 1
                pairs.append((confidence[(span, kind)], kind in gold_here))
        for span, types in gold_sentences.items():
            found_here = set().union(*[predicted[p] for p in overlapping(span, predicted)]) if overlapping(span, predicted) else set()
            for kind in types - found_here:
                fn[kind] += 1
        for span in sorted(set(gold_sentences) | set(predicted)):
            expected = sorted(gold_sentences.get(span, set()) | set().union(*[gold_sentences[g] for g in overlapping(span, gold_sentences)] or [set()]))
            got = sorted(predicted.get(span, set()) | set().union(*[predicted[p] for p in overlapping(span, predicted)] or [set()]))
            detail.append({
                "id": passage.get("id", ""), "sentence": text[span[0]:span[1]],
                "expected": "; ".join(gold_rows.get(span, [])) or "; ".join(expected),
                "found": "; ".join(predicted_rows.get(span, [])) or "; ".join(got),
                "correct": expected == got,
            })
    return _scores(tp, fp, fn), pd.DataFrame(detail), by_confidence(pairs)


def predict(context: str, sentence: str) -> list:
    """Attributions the extractor finds in ``sentence``, reading ``context`` before it."""
    before = [span.text for span in split_sentences(context)] if context.strip() else []
    return extract_article(before + [sentence])[-1]


def _evaluate_sentences(rows: list):
    tp, fp, fn = Counter(), Counter(), Counter()
    detail, pairs = [], []
    for row in rows:
        expected = set(item[0] for item in parse_expected(row.expected))
        found = predict(row.context, row.sentence)
        predicted = set(item.source_type for item in found)
        for kind in predicted:
            levels = [f.confidence for f in found if f.source_type == kind and f.confidence in CONFIDENCE_LEVELS]
            pairs.append((min(levels, key=CONFIDENCE_LEVELS.index) if levels else "low", kind in expected))
        for kind in SOURCE_TYPES:
            tp[kind] += kind in expected and kind in predicted
            fp[kind] += kind in predicted and kind not in expected
            fn[kind] += kind in expected and kind not in predicted
        detail.append({
            "id": row.id, "sentence": row.sentence, "expected": "; ".join(sorted(expected)),
            "found": " ; ".join(f"{f.source_type}|{f.source_name}|{f.via}" for f in found),
            "correct": expected == predicted,
        })
    return _scores(tp, fp, fn), pd.DataFrame(detail), by_confidence(pairs)

"""How honest is date inference? Hide the date of every dated article, infer it from the text, compare.

    python benchmarks/dates_check.py CORPUS... [--legacy OLD_DATES_PY] [--today YYYY-MM-DD] [--misses N]

CORPUS is a TSV/CSV (columns ``date`` and ``text``, read with pandas ``sep="\\t"`` for .tsv) or a
JSONL file (fields ``date`` and ``text``). For each corpus it prints: the articles with a usable
date, how many got an ``earliest`` date, the share where earliest <= the true date (the bound must
hold: target 95% or more), how many got an ``estimate``, the median |estimate - true| in days, the
share of estimates within 30 days, and the mean milliseconds per article.

``--legacy FILE`` runs the ``infer_date`` of another copy of ``dates.py`` instead (the rule before
``infer_dates`` existed, which gave one date used as both earliest and estimate), to compare rules.
``--misses N`` prints, for up to N articles per corpus whose earliest is after the true date, the
dates and the evidence (to stdout only: corpus text is not copied anywhere).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def read_corpus(path: Path) -> list[tuple[str, dt.date, str]]:
    """(id, true date, text) for every article with a parseable date and some text."""
    rows: list[tuple[str, str, str]] = []
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if line.strip():
                    record = json.loads(line)
                    rows.append((str(record.get("id", number)), record.get("date"), record.get("text")))
    else:
        frame = pd.read_csv(path, sep="\t" if path.suffix == ".tsv" else ",", dtype=str, keep_default_na=False)
        ids = frame["id"] if "id" in frame else frame["ID"] if "ID" in frame else frame.index.astype(str)
        rows = list(zip(ids, frame["date"], frame["text"]))
    articles = []
    for article_id, date, text in rows:
        if not text or not date:
            continue
        try:
            true = dt.date.fromisoformat(str(date).strip()[:10])
        except ValueError:
            continue
        articles.append((article_id, true, str(text)))
    return articles


def load_rule(legacy: Path | None):
    """A function text, today -> (earliest, estimate, evidence)."""
    if legacy is None:
        from helpers.dates import infer_dates

        def rule(text, today):
            result = infer_dates(text, today)
            return result.earliest, result.estimate, result.evidence

        return rule
    spec = importlib.util.spec_from_file_location("legacy_dates", legacy)
    module = importlib.util.module_from_spec(spec)
    sys.modules["legacy_dates"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)

    def rule(text, today):
        reading = module.infer_date(text, today)
        return reading.date, reading.date, reading.evidence

    return rule


def check(path: Path, rule, today: dt.date, misses: int) -> dict:
    articles = read_corpus(path)
    got_earliest = honest = got_estimate = 0
    distances: list[int] = []
    late: list[tuple[str, dt.date, dt.date, str]] = []
    started = time.perf_counter()
    for article_id, true, text in articles:
        earliest, estimate, evidence = rule(text, today)
        if earliest is not None:
            got_earliest += 1
            if earliest <= true:
                honest += 1
            else:
                late.append((article_id, true, earliest, evidence))
        if estimate is not None:
            got_estimate += 1
            distances.append(abs((estimate - true).days))
    elapsed = time.perf_counter() - started
    for article_id, true, earliest, evidence in late[:misses]:
        print(f"  LATE {article_id}: true {true} earliest {earliest} (+{(earliest - true).days} d) :: {evidence[:400]}")
    return {
        "corpus": path.name,
        "articles": len(articles),
        "earliest": got_earliest,
        "earliest<=true": f"{honest / got_earliest:.1%}" if got_earliest else "-",
        "estimate": got_estimate,
        "median |est-true| d": statistics.median(distances) if distances else "-",
        "within 30 d": f"{sum(d <= 30 for d in distances) / len(distances):.1%}" if distances else "-",
        "ms/article": round(1000 * elapsed / max(len(articles), 1), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--legacy", type=Path, help="another dates.py whose infer_date to run instead")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--misses", type=int, default=0, help="print up to N articles whose earliest is too late")
    args = parser.parse_args(argv)
    rule = load_rule(args.legacy)
    results = [check(path, rule, args.today, args.misses) for path in args.corpora]
    print(pd.DataFrame(results).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Corrections by hand: a reporter's CSV of rows the rules got wrong, applied to the attribution table.

The file has one row per correction: ``article_id``, ``start``, ``end`` (the row's evidence offsets,
as in ``attributions.csv``) and the corrected ``source_type`` and/or ``source_name``; a
``source_type`` of ``not an attribution`` removes the row. Corrected rows are marked
``corrected`` (True) with ``type_evidence`` "corrected by hand" and ``confidence`` high. A correction
that matches no row is reported, never ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import BadInput
from ..exports import neutralise, restore
from .records import SOURCE_TYPES

REMOVE = "not an attribution"
REQUIRED = ("article_id", "start", "end")


@dataclass
class CorrectionReport:
    corrected: int = 0
    removed: int = 0
    unmatched: list[str] = field(default_factory=list)  # "article_id start-end" of corrections that matched nothing

    def as_dict(self) -> dict:
        return {"corrected": self.corrected, "removed": self.removed, "unmatched": self.unmatched}


def read_corrections(path: str | Path) -> pd.DataFrame:
    """Read and check a corrections CSV; a bad file gets a one-line error naming it and the problem."""
    path = Path(path)
    if not path.exists():
        raise BadInput(f"{path}: no such corrections file")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # noqa: BLE001 - pandas raises several kinds for a broken CSV
        raise BadInput(f"{path}: cannot be read as CSV ({str(exc).splitlines()[0]})") from None
    frame.columns = [c.strip().lower() for c in frame.columns]
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise BadInput(f"{path}: missing column(s) {', '.join(missing)}; a correction needs article_id, start, end "
                              f"and source_type and/or source_name")
    if "source_type" not in frame.columns and "source_name" not in frame.columns:
        raise BadInput(f"{path}: needs a source_type or a source_name column")
    for column in ("source_type", "source_name"):
        if column not in frame.columns:
            frame[column] = ""
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        if not (str(row.start).strip().isdigit() and str(row.end).strip().isdigit()):
            raise BadInput(f"{path}: line {number}: start and end must be whole numbers (the row's offsets)")
        kind = row.source_type.strip()
        if kind and kind != REMOVE and kind not in SOURCE_TYPES:
            raise BadInput(f"{path}: line {number}: unknown source_type '{kind}'; choose from "
                                  f"{', '.join(SOURCE_TYPES)} or '{REMOVE}'")
        if not kind and not row.source_name.strip():
            raise BadInput(f"{path}: line {number}: gives neither a source_type nor a source_name")
    frame["start"] = frame["start"].astype(int)
    frame["end"] = frame["end"].astype(int)
    return frame


def apply_corrections(attributions: pd.DataFrame, corrections: pd.DataFrame,
                      report: CorrectionReport | None = None, matched: set | None = None) -> pd.DataFrame:
    """The table with the corrections applied. ``matched`` collects the corrections used (for chunked use)."""
    report = report if report is not None else CorrectionReport()
    final = matched is None
    matched = matched if matched is not None else set()
    if attributions.empty or corrections.empty:
        if final:
            report.unmatched = [f"{r.article_id} {r.start}-{r.end}" for r in corrections.itertuples(index=False)]
        return attributions
    frame = attributions.copy()
    if "corrected" not in frame.columns:
        frame["corrected"] = False
    keys = list(zip(frame["article_id"].astype(str), frame["start"].astype(int), frame["end"].astype(int)))
    position = {}
    for index, key in zip(frame.index, keys):
        position.setdefault(key, []).append(index)
    drop = []
    for number, row in enumerate(corrections.itertuples(index=False)):
        key = (str(row.article_id), int(row.start), int(row.end))
        if key not in position:
            continue
        matched.add(number)
        for index in position[key]:
            kind = row.source_type.strip()
            if kind == REMOVE:
                drop.append(index)
                report.removed += 1
                continue
            if kind:
                frame.at[index, "source_type"] = kind
            if row.source_name.strip():
                frame.at[index, "source_name"] = row.source_name.strip()
            frame.at[index, "type_evidence"] = "corrected by hand"
            frame.at[index, "confidence"] = "high"
            frame.at[index, "corrected"] = True
            report.corrected += 1
    if final:
        report.unmatched = [f"{r.article_id} {r.start}-{r.end}" for n, r in enumerate(corrections.itertuples(index=False))
                            if n not in matched]
    return frame.drop(index=drop)


def apply_to_file(path: str | Path, corrections: pd.DataFrame, chunk_rows: int = 200_000) -> CorrectionReport:
    """Apply corrections to an ``attributions.csv`` in place. Returns what was corrected, removed and unmatched."""
    path = Path(path)
    report = CorrectionReport()
    matched: set = set()
    temporary = path.with_suffix(".csv.tmp")
    first = True
    for chunk in pd.read_csv(path, chunksize=chunk_rows, dtype=str, keep_default_na=False):
        chunk = restore(chunk)
        chunk["corrected"] = chunk["corrected"].str.lower().eq("true")
        updated = apply_corrections(chunk, corrections, report, matched)
        neutralise(updated).to_csv(temporary, mode="w" if first else "a", header=first, index=False)
        first = False
    if not first:
        temporary.replace(path)
    report.unmatched = [f"{r.article_id} {r.start}-{r.end}" for n, r in enumerate(corrections.itertuples(index=False))
                        if n not in matched]
    return report

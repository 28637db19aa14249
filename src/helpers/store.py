"""The analysis tables on disk: what each file holds, writing them batch by batch, and reading them back.

A folder of tables: ``articles.csv``, ``attributions.csv``, ``claims.csv``,
``claim_threads.csv`` and ``rejected.csv`` (what a reader opens in a
spreadsheet), ``sentences.parquet`` (every sentence and engine: the big table,
typed and compressed), and ``analysis.json`` describing the run. A folder
without ``analysis.json`` is never read as a finished analysis: it is removed
first when a run starts and written last when it ends.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .article import SENTENCE_COLUMNS
from .corpus import ledger_counts
from .errors import BadInput
from .exports import neutralise, restore

TABLES = ("articles", "sentences", "attributions", "claims", "claim_threads", "rejected")
TABLE_FILES = {"articles": "articles.csv", "sentences": "sentences.parquet", "attributions": "attributions.csv",
               "claims": "claims.csv", "claim_threads": "claim_threads.csv", "rejected": "rejected.csv"}
CSV_CHUNK = 100_000  # rows of a CSV table converted and written at a time
DATE_COLUMNS = ("date", "first_date", "last_date", "date_earliest", "date_estimate")


@dataclass
class Analysis:
    """The tables of one analysis and what produced them (``meta``, as in ``analysis.json``)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    attributions: pd.DataFrame
    rejected: pd.DataFrame
    meta: dict
    claims: pd.DataFrame | None = None  # the claims ledger (helpers.claims), with sources and threads
    claim_threads: pd.DataFrame | None = None  # one row per thread of retold claims

    @property
    def counts(self) -> dict:
        return ledger_counts(len(self.articles), self.rejected, "analysed")


def _sentence_schema():
    """The Parquet schema of ``sentences``, fixed so that an empty first batch cannot decide it."""
    import pyarrow as pa

    types = {"polarity": pa.float64(), "subjectivity": pa.float64(), "denial": pa.bool_()}
    types.update({column: pa.int64() for column in ("sentence_id", "start", "end", "n_words")})
    return pa.schema([(column, types.get(column, pa.large_string())) for column in SENTENCE_COLUMNS])


class TableWriter:
    """Writes tables into a folder batch by batch, so no table has to be held whole in memory."""

    def __init__(self, folder: str | Path, remove: bool = True):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.parquet: dict = {}
        self.started: set = set()
        self.rows: dict[str, int] = {name: 0 for name in TABLES}
        if remove:
            self._remove_tables()  # a re-run into the same folder starts afresh

    def _remove_tables(self) -> None:
        # analysis.json goes first: a folder without it is never read as a finished analysis.
        (self.folder / "analysis.json").unlink(missing_ok=True)
        for name in TABLES:
            (self.folder / TABLE_FILES[name]).unlink(missing_ok=True)

    def add(self, name: str, frame: pd.DataFrame) -> None:
        path = self.folder / TABLE_FILES[name]
        self.rows[name] += len(frame)
        if path.suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            if name not in self.parquet:
                self.parquet[name] = pq.ParquetWriter(path, _sentence_schema(), compression="zstd")
            writer = self.parquet[name]
            writer.write_table(pa.Table.from_pandas(frame, schema=writer.schema, preserve_index=False))
            return
        import pyarrow as pa
        import pyarrow.csv as pacsv

        with open(path, "ab" if name in self.started else "wb") as handle:
            # A slice at a time: the copies made to write it (guarded text, dates as text, Arrow) stay small.
            for start in range(0, max(len(frame), 1), CSV_CHUNK):
                part = neutralise(frame.iloc[start:start + CSV_CHUNK])  # safe to open in a spreadsheet (exports.py);
                part = part.copy()  # read_tables restores the text
                for column in DATE_COLUMNS:
                    if column in part.columns:
                        part[column] = pd.to_datetime(part[column]).dt.strftime("%Y-%m-%d")
                table = pa.Table.from_pandas(part, preserve_index=False)
                pacsv.write_csv(table, handle, write_options=pacsv.WriteOptions(include_header=name not in self.started))
                self.started.add(name)

    def replace(self, name: str, frame: pd.DataFrame) -> None:
        """Write ``frame`` as the whole of table ``name``, over what was there."""
        (self.folder / TABLE_FILES[name]).unlink(missing_ok=True)
        self.started.discard(name)
        self.rows[name] = 0
        self.add(name, frame)

    def abandon(self) -> None:
        """After a failure: close what is open and remove the partial tables, so none is mistaken for a result."""
        for writer in self.parquet.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - the file is removed next anyway
                pass
        self.parquet = {}
        self._remove_tables()

    def close(self, empty: dict[str, pd.DataFrame]) -> None:
        """Finish every file; a table that got no rows is written empty, with its columns."""
        for name, frame in empty.items():
            if name not in self.started and name not in self.parquet:
                self.add(name, frame)
        for writer in self.parquet.values():
            writer.close()


def write_meta(folder: Path, meta: dict) -> None:
    """Write ``analysis.json``: the last file of a finished analysis."""
    (folder / "analysis.json").write_text(json.dumps(meta, indent=2, default=str) + "\n", encoding="utf-8")


def write_tables(analysis: Analysis, folder: str | Path) -> Path:
    """Write an analysis held in memory into ``folder`` (see ``TABLE_FILES``), with ``analysis.json``."""
    from .claims.ledger import empty as empty_claims
    from .claims.threads import THREAD_COLUMNS

    folder = Path(folder)
    writer = TableWriter(folder)
    defaults = {"claims": empty_claims(), "claim_threads": pd.DataFrame(columns=THREAD_COLUMNS)}
    try:
        for name in TABLES:
            frame = getattr(analysis, name)
            writer.add(name, defaults[name] if frame is None else frame)
    except BaseException:
        writer.abandon()
        raise
    writer.close({})
    write_meta(folder, analysis.meta)
    return folder


def read_csv(path: Path, text: tuple[str, ...] = (), **options) -> pd.DataFrame:
    """One CSV table as written here: text as written (no NA guessing), ids and the ``text`` columns as strings,
    spreadsheet guards undone."""
    return restore(pd.read_csv(path, keep_default_na=False, dtype={"article_id": str, **dict.fromkeys(text, str)},
                               **options))


def read_tables(folder: str | Path, skip: tuple[str, ...] = ()) -> Analysis:
    """Read tables written by ``write_tables`` or ``analysis.analyze_to_folder``. A missing or broken file gets a
    one-line error.

    ``skip``: tables not to read (``("sentences",)`` for a notebook that never looks at sentences: the biggest
    table, seconds to read at scale); each is ``None`` in the result, so a use of it fails loudly.
    """
    folder = Path(folder)
    meta_path = folder / "analysis.json"
    if not meta_path.exists():
        raise BadInput(f"{folder}: no analysis here (analysis.json is missing); run `sourcebook analyze` first")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    tables = {}
    for name in TABLES:
        path = folder / TABLE_FILES[name]
        if name in skip:
            tables[name] = None
            continue
        if not path.exists():
            raise BadInput(f"{path}: missing from the analysis folder")
        try:
            if path.suffix == ".parquet":
                frame = pd.read_parquet(path)
            else:
                frame = pd.read_csv(path, keep_default_na=False,
                                    na_values={column: [""] for column in
                                               ("polarity", "subjectivity", "value", *DATE_COLUMNS)},
                                    dtype={"article_id": str, "source_file": str, "duplicate_of": str,
                                           "first_article_id": str, "thread_id": str})
        except Exception as exc:  # noqa: BLE001 - a damaged file: name it, not a parser traceback
            raise BadInput(f"{path}: cannot be read ({type(exc).__name__}: {exc})".splitlines()[0]) from None
        if path.suffix == ".csv":
            frame = restore(frame)
        for column in DATE_COLUMNS:
            if column in frame.columns:
                frame[column] = pd.to_datetime(frame[column].replace("", None), errors="coerce")
        tables[name] = frame
    if "corrected" in tables["attributions"].columns:
        tables["attributions"]["corrected"] = tables["attributions"]["corrected"].astype(str).str.lower().eq("true")
    for column in [c for c in tables["articles"].columns if c.startswith(("polarity_", "subjectivity_", "share_"))]:
        # float64 always: a CSV column of whole numbers ("0", "1") would otherwise read back as integers
        tables["articles"][column] = pd.to_numeric(tables["articles"][column], errors="coerce").astype("float64")
    return Analysis(meta=meta, **tables)

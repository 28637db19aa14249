"""Per-article analysis results, cached by content and analyser version.

Re-analysing a corpus after adding one article only analyses that article: each
article's sentences and attributions are stored under a key made of

- the SHA-256 of its exact text,
- the engines asked for,
- ``analyzer_version()``: a hash of the source of the modules that produce the
  results (``text``, ``sentiment``, ``tone_exact``, ``article``, ``batch``, and the packages
  ``attribution``, ``certainty`` and ``claims`` with their lexicons) and of the sentiment
  libraries' versions. Changing a cue word, a splitter rule or a library
  invalidates every entry by itself.

A third table keeps the articles as loaded (``corpus.load_corpus`` with a
cache): each input article's row after repair, date, outlet and language,
keyed by every field it was read from, the day (a date in the future is refused
relative to it) and ``loader_version()``. A re-run after adding one article
then reads the rest of the corpus without parsing it again.

A fourth keeps the output of the claims pass over the whole corpus (sources and
threads, ``analysis._finish_claims_file``), keyed by the bytes of the tables it
reads and the analyser version, so re-rendering an unchanged corpus does not
thread every claim again.

A second table keeps whole batches: the rows a batch of articles produced
(articles with their measures, sentences, attributions) as compressed Arrow,
keyed by every column of the batch's articles and the same analyser version.
A re-run over an unchanged batch reads its rows back in one piece instead of
reassembling them article by article. Batches are cut where an article's own
hash says so (see ``batch.batch_bounds``), so adding an article changes only
the batch it falls into.

Entries live in one SQLite file (``SOURCEBOOK_CACHE`` or ``~/.cache/sourcebook``).
Deleting the folder empties the cache; nothing else is lost.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import zlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path


@lru_cache(maxsize=1)
def analyzer_version() -> str:
    """Changes whenever the code or the libraries behind an article's analysis change."""
    # Read as files, not imported: importing the analysis (TextBlob, NLTK, SciPy) takes two seconds, which a re-run
    # that finds every batch in the cache would spend for nothing.
    here = Path(__file__).parent
    digest = hashlib.sha256()
    # Exactly the code that decides an article's rows and a batch's tables: not the runners, the storage or the
    # corpus passes, which the cache never stores, so editing them keeps every cached result.
    for module in ("text", "sentiment", "tone_exact", "article", "batch"):
        digest.update((here / f"{module}.py").read_bytes())
    # The packages that decide rows, whole: sourcing, certainty, claims; their code and their lexicons.
    for package in (here / name for name in ("attribution", "certainty", "claims")):
        for path in sorted(package.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".txt", ".tsv"}:
                digest.update(f"{package.name}/{path.relative_to(package)}".encode())
                digest.update(path.read_bytes())
    for library in ("textblob", "vaderSentiment"):
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def loader_version() -> str:
    """Changes whenever the code, data or libraries that turn an input into an article row change."""
    here = Path(__file__).parent  # read as files, not imported: the page reader's libraries are slow to import
    digest = hashlib.sha256()
    for module in ("corpus", "dates", "language", "outlets", "repair", "text", "webpages"):
        digest.update((here / f"{module}.py").read_bytes())
    for path in sorted((here / "data").glob("*")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for library in ("ftfy", "py3langid", "tldextract", "trafilatura", "htmldate", "pandas"):
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    return Path(os.environ.get("SOURCEBOOK_CACHE") or Path.home() / ".cache" / "sourcebook")


class AnalysisCache:
    """A key-value store of per-article results in SQLite."""

    def __init__(self, folder: str | Path | None = None):
        self.folder = Path(folder) if folder else default_cache_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / "analysis-cache.sqlite"
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB)")
        self.db.execute("CREATE TABLE IF NOT EXISTS batches (key TEXT PRIMARY KEY, value BLOB)")
        self.db.execute("CREATE TABLE IF NOT EXISTS loaded (key TEXT PRIMARY KEY, value BLOB)")
        self.db.execute("CREATE TABLE IF NOT EXISTS passes (key TEXT PRIMARY KEY, value BLOB)")
        # A cache that can be read but not written (a read-only file or folder) fails here, where callers
        # fall back to analysing without it, not at the first write in the middle of a run.
        try:
            self.db.execute("INSERT OR REPLACE INTO results VALUES ('write probe', x'')")
        finally:
            self.db.rollback()

    @staticmethod
    def key(text: str, engines: tuple[str, ...]) -> str:
        content = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return f"{content}:{','.join(engines)}:{analyzer_version()}"

    def get_many(self, keys: list[str]) -> dict:
        found = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in self.db.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", chunk):
                found[key] = pickle.loads(zlib.decompress(value))
        return found

    def put_many(self, items: dict) -> None:
        rows = [(key, zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))) for key, value in items.items()]
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)

    def get_loaded(self, key: str) -> bytes | None:
        """The stored article row (pickled, compressed) read from the same input fields, or None."""
        row = self.db.execute("SELECT value FROM loaded WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def put_loaded_many(self, items: dict[str, bytes]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO loaded VALUES (?, ?)", list(items.items()))

    @staticmethod
    def pass_key(name: str, inputs: list[Path]) -> str:
        """A digest of the files a corpus pass reads, byte for byte, and of the code that decides rows."""
        digest = hashlib.sha256(f"{name}:{analyzer_version()}".encode())
        for path in inputs:
            with open(path, "rb") as handle:
                while chunk := handle.read(1 << 24):
                    digest.update(chunk)
            digest.update(b"\0")
        return digest.hexdigest()

    def get_pass(self, key: str) -> dict | None:
        """What a corpus pass wrote from the same inputs: ``{"files": {name: bytes}, "rows": {...}}``, or None."""
        import pyarrow as pa

        row = self.db.execute("SELECT value FROM passes WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        size = int.from_bytes(row[0][:8], "little")
        return pickle.loads(pa.decompress(row[0][8:], decompressed_size=size, codec="zstd").to_pybytes())

    def put_pass(self, key: str, result: dict, limit: int = 900_000_000) -> bool:
        """Keep a corpus pass's output; not kept (False) when it would not fit in one SQLite value."""
        import pyarrow as pa

        # Pickled straight into the compressor: the pickle (as big as the files it holds, 500 MB at 100,000
        # articles) is never held whole, only its compressed form. The bytes are those of
        # ``pa.compress(pickle.dumps(result))``, which ``get_pass`` reads.
        sink = pa.BufferOutputStream()
        with pa.CompressedOutputStream(sink, "zstd") as stream:
            pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(result)
            size = stream.tell()
        packed = sink.getvalue()
        if packed.size > limit:
            return False
        value = b"".join((size.to_bytes(8, "little"), memoryview(packed)))
        del packed
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO passes VALUES (?, ?)", (key, value))
        return True

    @staticmethod
    def batch_key(articles, engines: tuple[str, ...]) -> str:
        """A digest of every column of a batch of corpus rows, the engines and the analyser version."""
        import pandas as pd

        digest = hashlib.sha256(f"{','.join(engines)}:{analyzer_version()}:{','.join(articles.columns)}".encode())
        # The text by its SHA-256 (a column of the batch), not hashed again: most of the bytes, none of the news.
        shown = articles.drop(columns=["text"]) if "text" in articles and "sha256" in articles else articles
        # Where each article sits in its file ("corpus.jsonl:423") is not hashed: an article added above it shifts
        # the line numbers of every later one. The stored tables take the current positions when read back
        # (``analysis._analyze_batches``).
        shown = shown.drop(columns=["source_file"], errors="ignore")
        digest.update(pd.util.hash_pandas_object(shown, index=False).to_numpy().tobytes())
        return digest.hexdigest()

    def get_batch(self, key: str):
        """The tables stored for a batch, as a tuple of DataFrames, or None."""
        import pyarrow as pa

        row = self.db.execute("SELECT value FROM batches WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        frames, offset, blob = [], 0, row[0]
        while offset < len(blob):
            size = int.from_bytes(blob[offset:offset + 8], "little")
            with pa.ipc.open_stream(pa.py_buffer(blob[offset + 8: offset + 8 + size])) as reader:
                frames.append(reader.read_all().to_pandas())
            offset += 8 + size
        return tuple(frames)

    def put_batch(self, key: str, frames) -> None:
        import pyarrow as pa

        parts = []
        for frame in frames:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, table.schema, options=pa.ipc.IpcWriteOptions(compression="zstd")) as writer:
                writer.write_table(table)
            data = sink.getvalue().to_pybytes()
            parts.append(len(data).to_bytes(8, "little") + data)
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO batches VALUES (?, ?)", (key, b"".join(parts)))

    def close(self) -> None:
        self.db.close()


def open_cache(folder: str | Path | None = None, say=None) -> AnalysisCache | None:
    """The analysis cache, or None when it cannot be written (a cron job or a notebook with a read-only home).

    Then everything is analysed without it; ``say`` (print, a logger) is told why.
    """
    try:
        return AnalysisCache(folder)
    except (OSError, sqlite3.Error) as exc:
        if say:
            say(f"analysis cache unavailable ({exc}); analysing every article")
        return None

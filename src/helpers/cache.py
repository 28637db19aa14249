"""Per-article analysis results, cached by content and analyser version.

Re-analysing a corpus after adding one article only analyses that article: each
article's sentences and attributions are stored under a key made of

- the SHA-256 of its exact text,
- the engines asked for,
- ``analyzer_version()``: a hash of the source of the modules that produce the
  results (``text``, ``sentiment``, ``attribution``, ``analysis``) and of the sentiment
  libraries' versions. Changing a cue word, a splitter rule or a library
  invalidates every entry by itself.

Entries live in one SQLite file (``SOURCEBOOK_CACHE`` or ``~/.cache/sourcebook``).
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
    from . import analysis, attribution, sentiment, text

    digest = hashlib.sha256()
    for module in (text, sentiment, attribution, analysis):
        digest.update(Path(module.__file__).read_bytes())
    for library in ("textblob", "vaderSentiment"):
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

    def close(self) -> None:
        self.db.close()

"""One analysis, many views: the tidy tables every notebook and report reads.

``analyze(corpus)`` splits every article into sentences, scores each sentence
with every sentiment engine and extracts every attribution, once. The result is
four tables:

- ``articles``: one row per analysed article (metadata, word and sentence
  counts, tone per engine, number of attributions);
- ``sentences``: one row per sentence and engine (offsets, text, scores);
- ``attributions``: one row per attribution (sentence, evidence offsets, type,
  name, platform, cue, via);
- ``rejected``: every input that was not analysed, with the reason.

The articles are analysed in batches (``BATCH`` articles at a time): a batch's
rows are assembled, then either kept (``analyze``, for a corpus that fits in
memory) or written and released (``analyze_to_folder``, for any size: sentences
to Parquet, the other tables to CSV). ``read_tables`` reads such a folder, so a
report renders from one analysis. An article whose analysis fails is moved to ``rejected`` with the error; it is
never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import __version__
from .attribution import ATTRIBUTION_COLUMNS, extract_article
from .certainty import classify as classify_certainty
from .claims.ledger import ARTICLE_CLAIM_COLUMNS
from .claims.ledger import rows_for_article as claim_rows
from .exports import neutralise, restore
from .corpus import REJECTED_COLUMNS, Corpus, ledger_counts
from .errors import SourcebookError
from .sentiment import ENGINES, article_tone, check_engine, score_texts
from .text import MAX_SENTENCE, split_sentences_counted

SENTENCE_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "n_words",
    "engine",
    "polarity",
    "subjectivity",
    "certainty",  # asserted, hedged or rumour (helpers.certainty)
    "certainty_cues",  # the words that decided it, with offsets into the sentence
    "denial",  # the sentence reports a denial or a refusal to confirm
]
SENTENCE_TYPES = {"sentence_id": "int64", "start": "int64", "end": "int64", "n_words": "int64",
                  "polarity": "float64", "subjectivity": "float64", "denial": "bool"}
TABLES = ("articles", "sentences", "attributions", "claims", "claim_threads", "rejected")


@dataclass
class Analysis:
    """The four tables and what produced them."""

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


def analyze_article(text: str, engines: tuple[str, ...] = ENGINES) -> tuple[dict, dict]:
    """Sentences (with scores per engine) and attributions of one article text.

    Returns ``(sentences, attributions, warnings, claims)``: the tables as dicts of equal-length column
    lists (the columns of ``SENTENCE_COLUMNS``, ``ATTRIBUTION_COLUMNS`` and ``ARTICLE_CLAIM_COLUMNS``
    without the article's own id and date), and the article's warnings; offsets are into ``text``. Columns, not rows: the
    tables of a large corpus are assembled by extending lists, which is fast.
    """
    spans, cut = split_sentences_counted(text)
    sentence_texts = [span.text for span in spans]
    n_words = [len(t.split()) for t in sentence_texts]
    certainties = [classify_certainty(t) for t in sentence_texts]
    sentences: dict[str, list] = {column: [] for column in SENTENCE_COLUMNS[1:]}
    for engine in engines:
        polarity, subjectivity = score_texts(sentence_texts, engine)
        sentences["sentence_id"].extend(range(len(spans)))
        sentences["start"].extend(span.start for span in spans)
        sentences["end"].extend(span.end for span in spans)
        sentences["text"].extend(sentence_texts)
        sentences["n_words"].extend(n_words)
        sentences["engine"].extend([engine] * len(spans))
        sentences["polarity"].extend(polarity.tolist())
        sentences["subjectivity"].extend(subjectivity.tolist())
        sentences["certainty"].extend(c.level for c in certainties)
        sentences["certainty_cues"].extend(c.cue_text for c in certainties)
        sentences["denial"].extend(c.denial for c in certainties)
    attributions: dict[str, list] = {column: [] for column in ATTRIBUTION_COLUMNS[2:]}
    for index, (span, found) in enumerate(zip(spans, extract_article(sentence_texts))):
        for item in found:
            attributions["sentence_id"].append(index)
            attributions["sentence"].append(span.text)
            attributions["start"].append(span.start + item.start)
            attributions["end"].append(span.start + item.end)
            attributions["source_type"].append(item.source_type)
            attributions["source_name"].append(item.source_name)
            attributions["platform"].append(item.platform)
            attributions["cue"].append(item.cue)
            attributions["via"].append(item.via)
            attributions["type_evidence"].append(item.type_evidence)
            attributions["confidence"].append(item.confidence)
            attributions["corrected"].append(False)
            attributions["certainty"].append(certainties[index].level)
    warnings = [f"{cut} run(s) of text without sentence punctuation cut into sentences of at most {MAX_SENTENCE} "
                "characters"] if cut else []
    claims = claim_rows(spans, [c.level for c in certainties])
    return sentences, attributions, warnings, claims


def progress_reporter(total: int, label: str = "analysing", every: float = 5.0, stream=None):
    """A callback counting articles done: a tqdm bar on a terminal, else a line every few seconds.

    Returns ``(update, close)``; both do nothing for small corpora (under 200 articles).
    """
    import sys
    import time

    stream = stream or sys.stderr
    if total < PARALLEL_MIN_ARTICLES:
        return None, lambda: None
    if hasattr(stream, "isatty") and stream.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, desc=label, unit="article", file=stream)
        return bar.update, bar.close
    state = {"done": 0, "start": time.monotonic(), "last": time.monotonic()}

    def update(n: int) -> None:
        state["done"] += n
        now = time.monotonic()
        if now - state["last"] >= every or state["done"] >= total:
            rate = state["done"] / max(now - state["start"], 1e-9)
            left = (total - state["done"]) / rate if rate else 0
            print(f"{label}: {state['done']}/{total} articles, {rate:.0f}/s, about {left:.0f} s left", file=stream, flush=True)
            state["last"] = now

    return update, lambda: None


PARALLEL_MIN_ARTICLES = 200  # below this, starting worker processes costs more than it saves
CHUNK = 64  # articles sent to a worker at a time
BATCH = 1000  # articles whose rows are assembled, written and released together (on average)


DEFAULT_TIME_BUDGET = 120.0  # seconds one article may take before it is set aside (sourcebook --time-budget)


def time_budget() -> float:
    """The seconds one article may take: $SOURCEBOOK_TIME_BUDGET (set by --time-budget), else the default; 0: none."""
    try:
        return float(os.environ.get("SOURCEBOOK_TIME_BUDGET", DEFAULT_TIME_BUDGET))
    except ValueError:
        return DEFAULT_TIME_BUDGET


class _TookTooLong(Exception):
    pass


@contextmanager
def _deadline(seconds: float):
    """Interrupt the work inside after ``seconds`` (a timer signal, where this thread can receive one)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def interrupt(_signum, _frame):
        raise _TookTooLong

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _safe_analyze(text: str, engines: tuple[str, ...]):
    """One article's rows, or ('error', reason): a failure or an article over the time budget is reported,
    never raised across processes, and the run goes on."""
    budget = time_budget()
    try:
        with _deadline(budget):
            return analyze_article(text, engines)
    except _TookTooLong:
        return "error", f"not analysed: took longer than {budget:g} s"
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the corpus
        return "error", f"analysis failed: {type(exc).__name__}: {exc}".splitlines()[0]


def _analyze_chunk(texts: list[str], engines: tuple[str, ...]) -> list:
    return [_safe_analyze(text, engines) for text in texts]


def _warm_up() -> None:
    from .attribution.lexicons import warm_up

    warm_up()


def _chunks(items: list, size: int = CHUNK) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


class _Runner:
    """Runs the per-article analysis where asked, batch after batch, with one pool or cluster for the whole run.

    ``local``: in this process, or across ``workers`` processes once a batch has at
    least ``PARALLEL_MIN_ARTICLES`` articles to analyse. ``dask``: on the cluster at ``scheduler``, or a
    local cluster of ``workers`` processes. Every place runs the same function, so the
    rows are the same.
    """

    def __init__(self, engine: str, workers: int, scheduler: str | None, engines: tuple[str, ...]):
        self.engine, self.workers, self.scheduler, self.engines = engine, workers, scheduler, engines
        self.pool = self.client = self.cluster = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        """Stop the pool or cluster (once, however many ``with`` blocks shared the runner)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.pool = self.client = self.cluster = None

    def _connect(self):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise SourcebookError("the dask engine needs the dask extra: pip install -e '.[dask]'") from None
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="10s")
            else:
                self.cluster = LocalCluster(n_workers=max(self.workers, 1), threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise SourcebookError(f"cannot reach the Dask scheduler {self.scheduler}: {exc}") from None

    def load(self, path: str | Path, named: dict | None = None, files_per_partition: int = 64) -> Corpus:
        """Read the corpus on the Dask workers, ``files_per_partition`` files per task.

        The workers must see ``path`` (a shared or network file system, or the same
        copy on every machine). The parts come back in input order and are put
        together exactly as ``load_corpus`` would: the same ids, duplicates and ledger.
        """
        from .corpus import finish_corpus, list_inputs, read_inputs

        import datetime as _dt

        root = Path(path).resolve()  # workers have their own working directories
        if not root.exists():
            raise SourcebookError(f"{path}: no such file or folder")
        if self.client is None:
            self._connect()
        named = named or {}
        inputs = list_inputs(root)
        parts = _chunks(inputs, files_per_partition)
        # One "today" for every worker, so the check for dates in the future does not depend on their clocks.
        futures = self.client.map(read_inputs, parts, named=named, today=_dt.date.today(), pure=False)
        articles, rejected = [], []
        for got, lost in self.client.gather(futures):
            articles.extend(got)
            rejected.extend(lost)
        if inputs and not articles and all("No such file" in row["reason"] for row in rejected):
            raise SourcebookError(f"{path}: the Dask workers cannot see these files (each one was 'not found' "
                                  f"on the workers); put the corpus where they can read it, or use --read-on here")
        return finish_corpus(articles, rejected, path)

    def run(self, texts: list[str], progress) -> list:
        """Results for ``texts``, in order."""
        if not texts:
            return []
        if self.engine == "dask":
            if self.client is None:
                self._connect()
            from dask.distributed import as_completed

            futures = self.client.map(_analyze_chunk, _chunks(texts), engines=self.engines, pure=False)
            if progress:
                for future in as_completed(futures):
                    progress(len(future.result()))
            return [row for chunk in self.client.gather(futures) for row in chunk]
        if self.pool is None and self.workers > 1 and len(texts) >= PARALLEL_MIN_ARTICLES:
            # Started for the first batch with enough articles to analyse (not for a re-run
            # that finds all but a few in the cache), then kept for the batches after it.
            from concurrent.futures import ProcessPoolExecutor

            # The platform's default start method (fork on Linux): workers share the corpus's
            # pages with this process instead of copying them, and a user's script needs no
            # `if __name__ == "__main__":` guard, as forkserver and spawn would demand.
            self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_warm_up)
        if self.pool is None:
            results = []
            for text in texts:
                results.append(_safe_analyze(text, self.engines))
                if progress:
                    progress(1)
            return results
        chunks = _chunks(texts)
        results = []
        for chunk_result in self.pool.map(_analyze_chunk, chunks, [self.engines] * len(chunks)):
            results.extend(chunk_result)
            if progress:
                progress(len(chunk_result))
        return results


def _batch_results(texts: list[str], runner: _Runner, cache, progress) -> list:
    """Results for one batch: from the cache where the same text was analysed by the same code, else computed."""
    keys = [cache.key(text, runner.engines) for text in texts] if cache is not None else []
    known = cache.get_many(keys) if cache is not None else {}
    todo = [i for i in range(len(texts)) if not keys or keys[i] not in known]
    if progress and len(todo) < len(texts):
        progress(len(texts) - len(todo))
    fresh = runner.run([texts[i] for i in todo], progress)
    results: list = [known.get(key) for key in keys] if keys else [None] * len(texts)
    new_entries = {}
    for i, result in zip(todo, fresh):
        results[i] = result
        if keys and result[0] != "error":
            new_entries[keys[i]] = result
    if cache is not None and new_entries:
        cache.put_many(new_entries)
    return results


@dataclass
class _Batch:
    """One batch's rows, as typed tables."""

    articles: pd.DataFrame  # the analysed articles of the batch, with their measures
    sentences: pd.DataFrame
    attributions: pd.DataFrame
    claims: pd.DataFrame  # as each article gives them: sources and threads come in the corpus pass
    failed: list[dict]


def _batch_tables(articles: pd.DataFrame, results: list, engines: tuple[str, ...]) -> _Batch:
    sentence_columns: dict[str, list] = {column: [] for column in SENTENCE_COLUMNS}
    attribution_columns: dict[str, list] = {column: [] for column in ATTRIBUTION_COLUMNS}
    claim_columns: dict[str, list] = {column: [] for column in ["article_id", "date", *ARTICLE_CLAIM_COLUMNS]}
    cut_warnings: dict[str, str] = {}
    failed: list[dict] = []
    analysed_ids: list[str] = []
    for article, result in zip(articles.itertuples(index=False), results):
        if result[0] == "error":
            failed.append({"source_file": article.source_file, "row": None, "article_id": article.article_id,
                           "status": "rejected", "reason": result[1], "duplicate_of": ""})
            continue
        sentences, found, warnings, claims = result
        if warnings:
            notes = "; ".join(w for w in [article.warnings, *warnings] if w)
            cut_warnings[article.article_id] = notes
        analysed_ids.append(article.article_id)
        for column, values in sentences.items():
            sentence_columns[column].extend(values)
        sentence_columns["article_id"].extend([article.article_id] * len(sentences["sentence_id"]))
        for column, values in found.items():
            attribution_columns[column].extend(values)
        attribution_columns["article_id"].extend([article.article_id] * len(found["sentence_id"]))
        attribution_columns["date"].extend([article.date] * len(found["sentence_id"]))
        for column, values in claims.items():
            claim_columns[column].extend(values)
        claim_columns["article_id"].extend([article.article_id] * len(claims["sentence_id"]))
        claim_columns["date"].extend([article.date] * len(claims["sentence_id"]))
    sentences, attributions = _sentence_frame(sentence_columns), _attribution_frame(attribution_columns)
    claims = _claim_frame(claim_columns)
    kept = articles[articles["article_id"].isin(set(analysed_ids))].copy()
    if cut_warnings:
        kept["warnings"] = [cut_warnings.get(i, w) for i, w in zip(kept["article_id"], kept["warnings"])]
    kept = _add_article_measures(kept, sentences, attributions, engines)
    return _Batch(kept, sentences, attributions, claims, failed)


def batch_bounds(articles: pd.DataFrame, size: int = BATCH) -> list[tuple[int, int]]:
    """Cut the corpus into batches of about ``size`` articles where each article's own hash says so.

    A batch ends after an article whose text hash is divisible by ``size`` (or at
    four times ``size``). The cuts depend on the articles, not on their positions:
    adding or removing an article changes only the batch it is in, so a cached
    re-run finds every other batch unchanged.
    """
    bounds, start = [], 0
    hashes = articles["sha256"].tolist() if "sha256" in articles else [""] * len(articles)
    for i, digest in enumerate(hashes):
        if (i + 1 - start >= 4 * size) or (digest and int(digest[:12], 16) % size == 0):
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(articles):
        bounds.append((start, len(articles)))
    return bounds


def _texts_to_score(batch: pd.DataFrame) -> list[str]:
    """The texts the English rules and lexicons read: an article in another language is analysed as empty (no
    sentences, no attributions, no tone) rather than scored neutral and unsourced; the loader's warning says why."""
    texts = batch["text"].tolist()
    if "language" not in batch:
        return texts
    return [text if language in ("en", "", None) or language != language else "" for text, language
            in zip(texts, batch["language"].tolist())]


def _analyze_batches(corpus: Corpus, engines, progress, workers, cache, engine, scheduler, batch_size=BATCH,
                     runner: _Runner | None = None):
    """Yield one ``_Batch`` after another: rows are assembled per batch, never for the whole corpus at once."""
    if engine not in ("local", "dask"):
        raise SourcebookError(f"unknown engine '{engine}': choose local or dask")
    workers = workers if workers is not None else (os.cpu_count() or 1)
    with (runner or _Runner(engine, workers, scheduler, engines)) as runner:
        for start, end in batch_bounds(corpus.articles, batch_size):
            batch = corpus.articles.iloc[start:end]
            key = cache.batch_key(batch, engines) if cache is not None else ""
            stored = cache.get_batch(key) if cache is not None else None
            if stored is not None:
                if progress:
                    progress(len(batch))
                yield _Batch(*stored, failed=[])
                continue
            results = _batch_results(_texts_to_score(batch), runner, cache, progress)
            tables = _batch_tables(batch, results, engines)
            if cache is not None and not tables.failed:
                cache.put_batch(key, (tables.articles, tables.sentences, tables.attributions, tables.claims))
            yield tables


def analyze(
    corpus: Corpus,
    engines: tuple[str, ...] | list[str] = ENGINES,
    progress=None,
    workers: int | None = None,
    cache=None,
    engine: str = "local",
    scheduler: str | None = None,
    corrections=None,
) -> Analysis:
    """Analyse every article of a loaded corpus into the four tables, in memory.

    ``workers``: processes to use (default: every core, once a batch has at least
    ``PARALLEL_MIN_ARTICLES`` articles to analyse); results are identical either way. ``cache``: an
    ``AnalysisCache``; articles analysed before with the same code are read from it.
    ``engine``: ``local`` (this machine's cores) or ``dask`` (a Dask cluster at
    ``scheduler``, or a local one with ``workers`` processes); the tables are the same.
    For a large corpus, ``analyze_to_folder`` writes the same tables batch by batch instead.
    """
    engines = tuple(check_engine(name) for name in engines)
    batches = list(_analyze_batches(corpus, engines, progress, workers, cache, engine, scheduler))
    articles = _concat([b.articles for b in batches], _empty_articles(corpus, engines))
    sentences = _concat([b.sentences for b in batches], _empty_sentences())
    attributions = _concat([b.attributions for b in batches], _empty_attributions())
    attributions, corrected = finish_attributions(attributions, corrections)
    claims = _concat([b.claims for b in batches], _empty_claims())
    failed = [row for b in batches for row in b.failed]
    analysis = _finish(corpus, articles, sentences, attributions, failed, engines)
    analysis.claims, analysis.claim_threads = finish_claims(claims, attributions, articles)
    if corrected is not None:
        analysis.meta["corrections"] = corrected.as_dict()
    return analysis


def finish_attributions(attributions: pd.DataFrame, corrections=None):
    """The corpus-level passes over the attribution table: roles across articles, then corrections by hand.

    Returns the table and the corrections report (None without corrections).
    """
    from .attribution.across import apply_roles, build_roles
    from .attribution.corrections import CorrectionReport, apply_corrections

    attributions = apply_roles(attributions, build_roles([attributions]))
    report = None
    if corrections is not None:
        report = CorrectionReport()
        attributions = apply_corrections(attributions, corrections, report).reset_index(drop=True)
    return attributions, report


def finish_claims(claims: pd.DataFrame, attributions: pd.DataFrame, articles: pd.DataFrame):
    """The corpus pass over the claims, once the attributions are final: sources, threads, the threads table."""
    from .claims.ledger import finish

    return finish(claims, attributions, articles)


def _concat(frames: list[pd.DataFrame], empty: pd.DataFrame) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty


def _sentence_frame(columns: dict) -> pd.DataFrame:
    """The ``sentences`` table, typed, from its columns."""
    return pd.DataFrame(columns, columns=SENTENCE_COLUMNS).astype(SENTENCE_TYPES)


def _attribution_frame(columns: dict) -> pd.DataFrame:
    """The ``attributions`` table, typed, from its columns."""
    frame = pd.DataFrame(columns, columns=ATTRIBUTION_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64", "corrected": "bool"})


def _claim_frame(columns: dict) -> pd.DataFrame:
    """The ``claims`` table as the articles give it (before the corpus pass), typed."""
    frame = pd.DataFrame(columns, columns=["article_id", "date", *ARTICLE_CLAIM_COLUMNS])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64", "value": "float64"})


def _empty_claims() -> pd.DataFrame:
    return _claim_frame({c: [] for c in ["article_id", "date", *ARTICLE_CLAIM_COLUMNS]})


def _empty_sentences() -> pd.DataFrame:
    return _sentence_frame({c: [] for c in SENTENCE_COLUMNS})


def _empty_attributions() -> pd.DataFrame:
    return _attribution_frame({c: [] for c in ATTRIBUTION_COLUMNS})


def _empty_articles(corpus: Corpus, engines) -> pd.DataFrame:
    """The ``articles`` table with no rows but every column, measures included."""
    return _add_article_measures(corpus.articles.iloc[0:0].copy(), _empty_sentences(), _empty_attributions(), engines)


def _rejected(corpus: Corpus, failed: list[dict]) -> pd.DataFrame:
    if not failed:
        return corpus.rejected.copy().reset_index(drop=True)
    return pd.concat([corpus.rejected, pd.DataFrame(failed, columns=REJECTED_COLUMNS)], ignore_index=True)


def _meta(corpus: Corpus, engines) -> dict:
    return {
        "sourcebook_version": __version__,
        "corpus_path": str(corpus.path),
        "corpus_hash": corpus.content_hash,
        "engines": list(engines),
        "analysed_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def _finish(corpus, articles, sentences, attributions, failed, engines) -> Analysis:
    analysis = Analysis(articles.reset_index(drop=True), sentences, attributions, _rejected(corpus, failed),
                        _meta(corpus, engines))
    analysis.meta["counts"] = analysis.counts
    return analysis


def _add_article_measures(articles, sentences, attributions, engines) -> pd.DataFrame:
    first_engine = sentences[sentences["engine"] == engines[0]] if len(engines) else sentences.iloc[0:0]
    n_sentences = first_engine.groupby("article_id").size()
    articles["n_sentences"] = articles["article_id"].map(n_sentences).fillna(0).astype(int)
    tone = article_tone(sentences)
    for engine in engines:
        part = tone[tone["engine"] == engine].set_index("article_id")
        for column in ("polarity", "subjectivity", "share_negative", "share_positive"):
            if engine == "vader" and column == "subjectivity":
                continue
            articles[f"{column}_{engine}"] = articles["article_id"].map(part[column]).astype(float)
    n_attr = attributions.groupby("article_id").size() if len(attributions) else pd.Series(dtype=int)
    articles["n_attributions"] = articles["article_id"].map(n_attr).fillna(0).astype(int)
    return articles


# --- storing and reading ---------------------------------------------------------------------
#
# A folder of tables: articles.csv, attributions.csv and rejected.csv (what a reader opens
# in a spreadsheet), sentences.parquet (every sentence and engine: the big table, typed and
# compressed), and analysis.json describing the run.

TABLE_FILES = {"articles": "articles.csv", "sentences": "sentences.parquet", "attributions": "attributions.csv",
               "claims": "claims.csv", "claim_threads": "claim_threads.csv", "rejected": "rejected.csv"}


def _sentence_schema():
    """The Parquet schema of ``sentences``, fixed so that an empty first batch cannot decide it."""
    import pyarrow as pa

    types = {"polarity": pa.float64(), "subjectivity": pa.float64(), "denial": pa.bool_()}
    types.update({column: pa.int64() for column in ("sentence_id", "start", "end", "n_words")})
    return pa.schema([(column, types.get(column, pa.large_string())) for column in SENTENCE_COLUMNS])


class _TableWriter:
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

        frame = neutralise(frame)  # safe to open in a spreadsheet (exports.py); read_tables restores the text
        frame = frame.copy()
        for column in ("date", "first_date", "last_date", "date_earliest", "date_estimate"):
            if column in frame.columns:
                frame[column] = pd.to_datetime(frame[column]).dt.strftime("%Y-%m-%d")
        table = pa.Table.from_pandas(frame, preserve_index=False)
        with open(path, "ab" if name in self.started else "wb") as handle:
            pacsv.write_csv(table, handle, write_options=pacsv.WriteOptions(include_header=name not in self.started))
        self.started.add(name)

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


def write_tables(analysis: Analysis, folder: str | Path) -> Path:
    """Write an analysis held in memory into ``folder`` (see ``TABLE_FILES``), with ``analysis.json``."""
    folder = Path(folder)
    writer = _TableWriter(folder)
    from .claims.ledger import empty as empty_claims
    from .claims.threads import THREAD_COLUMNS

    defaults = {"claims": empty_claims(), "claim_threads": pd.DataFrame(columns=THREAD_COLUMNS)}
    try:
        for name in TABLES:
            frame = getattr(analysis, name)
            writer.add(name, defaults[name] if frame is None else frame)
    except BaseException:
        writer.abandon()
        raise
    writer.close({})
    (folder / "analysis.json").write_text(json.dumps(analysis.meta, indent=2, default=str) + "\n", encoding="utf-8")
    return folder


@dataclass
class Written:
    """What ``analyze_to_folder`` wrote: the folder, the run's description and the size of each table."""

    folder: Path
    meta: dict
    rows: dict

    @property
    def counts(self) -> dict:
        return self.meta["counts"]


def analyze_to_folder(
    corpus: Corpus,
    folder: str | Path,
    engines: tuple[str, ...] | list[str] = ENGINES,
    progress=None,
    workers: int | None = None,
    cache=None,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = BATCH,
    runner: _Runner | None = None,
    corrections=None,
) -> Written:
    """Analyse a corpus and write the tables batch by batch: the same files as ``write_tables(analyze(...))``.

    Memory stays bounded by one batch of rows (``batch_size`` articles) plus the
    corpus itself, whatever the corpus size.
    """
    engines = tuple(check_engine(name) for name in engines)
    folder = Path(folder)
    writer = _TableWriter(folder)
    failed: list[dict] = []
    dates: list = []
    analysed = 0
    try:
        for batch in _analyze_batches(corpus, engines, progress, workers, cache, engine, scheduler, batch_size, runner):
            writer.add("articles", batch.articles)
            writer.add("sentences", batch.sentences)
            writer.add("attributions", batch.attributions)
            writer.add("claims", batch.claims)
            failed.extend(batch.failed)
            analysed += len(batch.articles)
            dates += [batch.articles["date"].min(), batch.articles["date"].max()]
        rejected = _rejected(corpus, failed)
        writer.add("rejected", rejected)
        writer.close({"articles": _empty_articles(corpus, engines), "sentences": _empty_sentences(),
                      "attributions": _empty_attributions(), "claims": _empty_claims()})
        # The corpus-level passes, over the written table: roles across articles, corrections by hand.
        from .attribution import across
        from .attribution import corrections as hand

        path = folder / TABLE_FILES["attributions"]
        across.apply_to_file(path)
        report = hand.apply_to_file(path, corrections) if corrections is not None else None
        if report is not None:
            writer.rows["attributions"] -= report.removed
        writer.rows["claim_threads"] = _finish_claims_file(folder)
    except BaseException:
        writer.abandon()
        raise
    meta = _meta(corpus, engines)
    meta["counts"] = ledger_counts(analysed, rejected, "analysed")
    if report is not None:
        meta["corrections"] = report.as_dict()
    known = [d for d in dates if pd.notna(d)]
    meta["date_range"] = ({"first": min(known).strftime("%Y-%m-%d"), "last": max(known).strftime("%Y-%m-%d")}
                          if known else {"first": None, "last": None})
    meta["rows"] = dict(writer.rows)
    (folder / "analysis.json").write_text(json.dumps(meta, indent=2, default=str) + "\n", encoding="utf-8")
    return Written(folder, meta, dict(writer.rows))


def _read_csv(path: Path, **options) -> pd.DataFrame:
    return restore(pd.read_csv(path, keep_default_na=False, dtype={"article_id": str}, **options))


def _finish_claims_file(folder: Path) -> int:
    """The corpus pass over the claims written batch by batch: each claim's source (from the final
    attributions), its thread, and the threads table. Returns the number of threads."""
    from .claims.ledger import finish

    claims = _read_csv(folder / TABLE_FILES["claims"], na_values={"date": [""], "value": [""]})
    claims["date"] = pd.to_datetime(claims["date"], errors="coerce")
    claims = claims.astype({"sentence_id": "int64", "start": "int64", "end": "int64", "value": "float64"})
    attributions = _read_csv(folder / TABLE_FILES["attributions"],
                             usecols=["article_id", "sentence_id", "start", "end", "source_type", "source_name", "via"])
    articles = _read_csv(folder / TABLE_FILES["articles"], usecols=["article_id", "outlet"])
    claims, threads = finish(claims, attributions, articles)
    writer = _TableWriter(folder, remove=False)
    for name, frame in (("claims", claims), ("claim_threads", threads)):
        (folder / TABLE_FILES[name]).unlink(missing_ok=True)
        writer.add(name, frame)
    return len(threads)


def read_tables(folder: str | Path, skip: tuple[str, ...] = ()) -> Analysis:
    """Read tables written by ``write_tables`` or ``analyze_to_folder``. A missing or broken file gets a one-line error.

    ``skip``: tables not to read (``("sentences",)`` for a notebook that never looks at sentences: the biggest
    table, seconds to read at scale); each is ``None`` in the result, so a use of it fails loudly.
    """
    folder = Path(folder)
    meta_path = folder / "analysis.json"
    if not meta_path.exists():
        raise SourcebookError(f"{folder}: no analysis here (analysis.json is missing); run `sourcebook analyze` first")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    tables = {}
    for name in TABLES:
        path = folder / TABLE_FILES[name]
        if name in skip:
            tables[name] = None
            continue
        if not path.exists():
            raise SourcebookError(f"{path}: missing from the analysis folder")
        try:
            if path.suffix == ".parquet":
                frame = pd.read_parquet(path)
            else:
                frame = pd.read_csv(path, keep_default_na=False,
                                    na_values={"date": [""], "polarity": [""], "subjectivity": [""], "value": [""],
                                               "first_date": [""], "last_date": [""], "date_earliest": [""],
                                               "date_estimate": [""]},
                                    dtype={"article_id": str, "source_file": str, "duplicate_of": str,
                                           "first_article_id": str, "thread_id": str})
        except Exception as exc:  # noqa: BLE001 - a damaged file: name it, not a parser traceback
            raise SourcebookError(f"{path}: cannot be read ({type(exc).__name__}: {exc})".splitlines()[0]) from None
        if path.suffix == ".csv":
            frame = restore(frame)
        for column in ("date", "first_date", "last_date", "date_earliest", "date_estimate"):
            if column in frame.columns:
                frame[column] = pd.to_datetime(frame[column].replace("", None), errors="coerce")
        tables[name] = frame
    if "corrected" in tables["attributions"].columns:
        tables["attributions"]["corrected"] = tables["attributions"]["corrected"].astype(str).str.lower().eq("true")
    for column in [c for c in tables["articles"].columns if c.startswith(("polarity_", "subjectivity_", "share_"))]:
        # float64 always: a CSV column of whole numbers ("0", "1") would otherwise read back as integers
        tables["articles"][column] = pd.to_numeric(tables["articles"][column], errors="coerce").astype("float64")
    return Analysis(meta=meta, **tables)


def analyze_path_on_dask(
    path: str | Path,
    folder: str | Path,
    engines: tuple[str, ...] | list[str] = ENGINES,
    named: dict | None = None,
    show_progress: bool = False,
    workers: int | None = None,
    cache=None,
    scheduler: str | None = None,
    files_per_partition: int = 64,
    corrections=None,
) -> tuple[Corpus, Written]:
    """Read the corpus in partitions on a Dask cluster, then analyse it there: ``sourcebook analyze --engine dask``.

    One cluster (``scheduler``, or a local one of ``workers`` processes) does both.
    The tables are those of ``load_corpus`` and ``analyze_to_folder`` on one machine.
    """
    engines = tuple(check_engine(name) for name in engines)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    with _Runner("dask", workers, scheduler, engines) as runner:
        corpus = runner.load(path, named, files_per_partition)
        update, close = progress_reporter(len(corpus.articles)) if show_progress else (None, lambda: None)
        try:
            written = analyze_to_folder(corpus, folder, engines, update, workers, cache, "dask", scheduler,
                                        runner=runner, corrections=corrections)
        finally:
            close()
    return corpus, written

"""One analysis, many views: a corpus to the tidy tables every notebook and report reads.

``analyze(corpus)`` splits every article into sentences, scores each sentence
with every sentiment engine and extracts every attribution and claim, once. The
result is six tables (``store.TABLES``):

- ``articles``: one row per analysed article (metadata, word and sentence
  counts, tone per engine, number of attributions);
- ``sentences``: one row per sentence and engine (offsets, text, scores, certainty);
- ``attributions``: one row per attribution (sentence, evidence offsets, type,
  name, platform, cue, via, type evidence, confidence);
- ``claims`` and ``claim_threads``: the claims ledger and the threads of retold claims;
- ``rejected``: every input that was not analysed, with the reason.

A run goes batch by batch (``batch.batch_bounds``): each batch's articles are
analysed one by one (``article.analyze_article``) where the backend says
(``runners``), or read from the cache, and their rows are assembled
(``batch.batch_tables``), then either kept (``analyze``, for a corpus that fits
in memory) or written and released (``analyze_to_folder``, for any size;
``store`` writes and reads the files). Then come the passes over the whole
corpus: roles across articles, corrections by hand, the claims' sources and
threads. An article whose analysis fails is moved to ``rejected`` with the
error; it is never dropped silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import __version__
from .article import texts_to_score
from .batch import (BATCH, Batch, batch_bounds, batch_tables, empty_articles, empty_attributions, empty_claims,
                    empty_sentences)
from .corpus import REJECTED_COLUMNS, Corpus, ledger_counts
from .memory import release as release_memory
from .runners import Runner, get_runner, progress_reporter
from .sentiment import ENGINES, check_engine
from .exports import restore
from .store import TABLE_FILES, Analysis, TableWriter, read_csv, write_meta


def _check_engines(engines) -> tuple[str, ...]:
    return tuple(check_engine(name) for name in engines)


def _batch_results(texts: list[str], runner: Runner, cache, progress) -> list:
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


def _analyze_batches(corpus: Corpus, engines, progress, cache, runner: Runner, batch_size=BATCH):
    """Yield one ``Batch`` after another: rows are assembled per batch, never for the whole corpus at once."""
    with runner:
        for start, end in batch_bounds(corpus.articles, batch_size):
            batch = corpus.articles.iloc[start:end]
            key = cache.batch_key(batch, engines) if cache is not None else ""
            stored = cache.get_batch(key) if cache is not None else None
            if stored is not None and "source_file" in batch and len(stored[0]) == len(batch):
                here = batch["source_file"].to_numpy()  # where the articles are now
                stored[0]["source_file"] = pd.Series(here, index=stored[0].index).astype(stored[0]["source_file"].dtype)
            elif stored is not None and "source_file" in batch:
                stored = None  # not one row per article: analysed again rather than guessed
            if stored is not None:
                if progress:
                    progress(len(batch))
                yield Batch(*stored, failed=[])
                continue
            languages = batch["language"].tolist() if "language" in batch else None
            results = _batch_results(texts_to_score(batch["text"].tolist(), languages), runner, cache, progress)
            tables = batch_tables(batch, results, engines)
            if cache is not None and not tables.failed:
                cache.put_batch(key, (tables.articles, tables.sentences, tables.attributions, tables.claims))
            yield tables


def analyze(
    corpus: Corpus,
    engines: tuple[str, ...] | list[str] = ENGINES,
    progress=None,
    workers: int | None = None,
    cache=None,
    backend: str = "local",
    scheduler: str | None = None,
    corrections=None,
) -> Analysis:
    """Analyse every article of a loaded corpus into the tables, in memory.

    ``workers``: processes to use (default: every core, once a batch has at least
    ``runners.PARALLEL_MIN_ARTICLES`` articles to analyse); results are identical either way. ``cache``: an
    ``AnalysisCache``; articles analysed before with the same code are read from it.
    ``backend``: ``local`` (this machine's cores) or ``dask`` (a Dask cluster at
    ``scheduler``, or a local one with ``workers`` processes); the tables are the same.
    For a large corpus, ``analyze_to_folder`` writes the same tables batch by batch instead.
    """
    engines = _check_engines(engines)
    runner = get_runner(backend, engines, workers, scheduler)
    batches = list(_analyze_batches(corpus, engines, progress, cache, runner))
    articles = _concat([b.articles for b in batches], empty_articles(corpus, engines))
    sentences = _concat([b.sentences for b in batches], empty_sentences())
    attributions = _concat([b.attributions for b in batches], empty_attributions())
    attributions, corrected = finish_attributions(attributions, corrections)
    claims = _concat([b.claims for b in batches], empty_claims())
    rejected = _rejected(corpus, [row for b in batches for row in b.failed])
    analysis = Analysis(articles.reset_index(drop=True), sentences, attributions, rejected, _meta(corpus, engines))
    analysis.meta["counts"] = analysis.counts
    analysis.claims, analysis.claim_threads = finish_claims(claims, attributions, articles)
    if corrected is not None:
        analysis.meta["corrections"] = corrected.as_dict()
    return analysis


# --- the passes over the whole corpus, once every article has its rows ------------------------

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


def _finish_claims_file(writer: TableWriter, cache=None) -> int:
    """``finish_claims`` over tables already written batch by batch. Returns the number of threads.

    With a cache, the pass's output is kept under the bytes of the three tables it reads: a re-run over the
    same corpus (a re-render, a scheduled run with no new article) reads it back instead of threading again.
    """
    folder = writer.folder
    inputs = [folder / TABLE_FILES[name] for name in ("claims", "attributions", "articles")]
    key = cache.pass_key("claims", inputs) if cache is not None else ""
    known = cache.get_pass(key) if cache is not None else None
    if known is not None:
        for name, data in known["files"].items():
            (folder / TABLE_FILES[name]).write_bytes(data)
        writer.rows.update(known["rows"])
        return known["rows"]["claim_threads"]
    from .claims.ledger import finish

    attributions = read_csv(folder / TABLE_FILES["attributions"],
                            usecols=["article_id", "sentence_id", "start", "end", "source_type", "source_name", "via"])
    articles = read_csv(folder / TABLE_FILES["articles"], usecols=["article_id", "outlet"])
    # The ledger read is handed to the pass with no name kept here, so what the pass no longer needs of it (the
    # claims' terms, once counted) is freed: at 1.6 million claims that is hundreds of MB of the peak.
    claims, threads = finish(_read_article_claims(folder), attributions, articles)
    del attributions, articles
    writer.replace("claims", claims)
    writer.replace("claim_threads", threads)
    del claims, threads
    if cache is not None:
        release_memory()  # what the pass freed, before the two files are read whole to be kept
        cache.put_pass(key, {"files": {name: (folder / TABLE_FILES[name]).read_bytes() for name in ("claims", "claim_threads")},
                             "rows": {name: writer.rows[name] for name in ("claims", "claim_threads")}})
    return writer.rows["claim_threads"]


def _roles_across_file(path: Path, cache=None) -> None:
    """Roles across articles (``attribution.across``) over the written attributions table, in place. With a cache,
    the result is kept under the table's bytes, so a re-run over the same corpus reads it back."""
    from .attribution import across

    key = cache.pass_key("roles", [path]) if cache is not None else ""
    known = cache.get_pass(key) if cache is not None else None
    if known is not None:
        path.write_bytes(known["files"]["attributions"])
        return
    across.apply_to_file(path)
    if cache is not None:
        cache.put_pass(key, {"files": {"attributions": path.read_bytes()}, "rows": {}})


CLAIM_TEXT = ("article_id", "claim", "sentence", "terms", "names")  # the claims' columns read as text, whatever is in them


def _read_article_claims(folder: Path) -> pd.DataFrame:
    """``claims.csv`` as the articles' batches wrote it (before the corpus pass), typed.

    The columns read as text whatever they hold (``CLAIM_TEXT``: the sentences, terms, ...) are read by Arrow's
    reader straight into the Arrow strings pandas keeps them in; pandas' parser made a Python string of every cell
    first, over 1 GB more than the table at 1.6 million claims, at the peak of the run. The other columns are read
    by pandas as before, so what it makes of them (a number, a date, text) does not change."""
    path = folder / TABLE_FILES["claims"]
    header = pd.read_csv(path, nrows=0).columns.tolist()
    text = [column for column in header if column in CLAIM_TEXT]
    claims = read_csv(path, usecols=[column for column in header if column not in CLAIM_TEXT],
                      na_values={"date": [""], "value": [""]})
    for column, values in restore(_read_text_columns(path, text)).items():  # spreadsheet guards undone, as read_csv does
        claims[column] = values
    claims = claims[header]
    claims["date"] = pd.to_datetime(claims["date"], errors="coerce")
    claims = claims.astype({"sentence_id": "int64", "start": "int64", "end": "int64", "value": "float64"})
    release_memory()  # the parser's buffers: a few hundred MB at 1.6 million claims
    return claims


def _read_text_columns(path: Path, columns: list) -> pd.DataFrame:
    """The ``columns`` of the CSV at ``path`` as pandas text columns, every cell as written ("" stays "")."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    table = pacsv.read_csv(path, parse_options=pacsv.ParseOptions(newlines_in_values=True),
                           convert_options=pacsv.ConvertOptions(
                               include_columns=columns, column_types={column: pa.large_string() for column in columns},
                               strings_can_be_null=False, quoted_strings_can_be_null=False))
    return pd.DataFrame({column: pd.array(table.column(column), dtype="str") for column in columns})


def _concat(frames: list[pd.DataFrame], empty: pd.DataFrame) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty


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


# --- for any size: written batch by batch ---------------------------------------------------------

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
    backend: str = "local",
    scheduler: str | None = None,
    batch_size: int = BATCH,
    runner: Runner | None = None,
    corrections=None,
    release_texts: bool = False,
) -> Written:
    """Analyse a corpus and write the tables batch by batch: the same files as ``write_tables(analyze(...))``.

    Memory stays bounded by one batch of rows (``batch_size`` articles) plus the
    corpus itself, whatever the corpus size. ``runner``: one already started (it
    is closed at the end), instead of a new one for ``backend``. ``release_texts``:
    once every batch is written, drop the articles' texts from ``corpus`` (they are in
    ``articles.csv``) before the passes over the whole corpus, which then have the memory
    the texts took: about 1 GB at 100,000 articles (``sourcebook analyze`` and ``render``).
    """
    engines = _check_engines(engines)
    runner = runner or get_runner(backend, engines, workers, scheduler)
    folder = Path(folder)
    writer = TableWriter(folder)
    failed: list[dict] = []
    dates: list = []
    analysed = 0
    release_memory()  # what reading the corpus left free (a few hundred MB at 100,000 articles), before workers fork
    try:
        for batch in _analyze_batches(corpus, engines, progress, cache, runner, batch_size):
            writer.add("articles", batch.articles)
            writer.add("sentences", batch.sentences)
            writer.add("attributions", batch.attributions)
            writer.add("claims", batch.claims)
            failed.extend(batch.failed)
            analysed += len(batch.articles)
            dates += [batch.articles["date"].min(), batch.articles["date"].max()]
            del batch  # not kept for the passes below: its articles' texts hold a whole chunk of the corpus's
        rejected = _rejected(corpus, failed)
        writer.add("rejected", rejected)
        writer.close({"articles": empty_articles(corpus, engines), "sentences": empty_sentences(),
                      "attributions": empty_attributions(), "claims": empty_claims()})
        if release_texts and "text" in corpus.articles:
            corpus.articles = corpus.articles.drop(columns=["text"])
        release_memory()  # the batches' garbage and (released) the texts, before the passes over the whole corpus
        # The corpus-level passes, over the written table: roles across articles, corrections by hand.
        from .attribution import corrections as hand

        path = folder / TABLE_FILES["attributions"]
        _roles_across_file(path, cache)
        report = hand.apply_to_file(path, corrections) if corrections is not None else None
        if report is not None:
            writer.rows["attributions"] -= report.removed
        release_memory()  # what the roles pass left (about 200 MB at 100,000 articles), before the claims pass
        _finish_claims_file(writer, cache)
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
    write_meta(folder, meta)
    return Written(folder, meta, dict(writer.rows))


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
    """Read the corpus in partitions on a Dask cluster, then analyse it there: ``sourcebook analyze --backend dask``.

    One cluster (``scheduler``, or a local one of ``workers`` processes) does both.
    The tables are those of ``load_corpus`` and ``analyze_to_folder`` on one machine.
    """
    engines = _check_engines(engines)
    with get_runner("dask", engines, workers, scheduler) as runner:
        corpus = runner.load(path, named, files_per_partition)
        update, close = progress_reporter(len(corpus.articles)) if show_progress else (None, lambda: None)
        try:
            written = analyze_to_folder(corpus, folder, engines, update, cache=cache, runner=runner,
                                        corrections=corrections)
        finally:
            close()
    return corpus, written

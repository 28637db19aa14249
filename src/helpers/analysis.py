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

``write_tables``/``read_tables`` store them as CSV in a folder, with
``analysis.json`` describing the run, so a report renders from one analysis.
An article whose analysis fails is moved to ``rejected`` with the error; it is
never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import __version__
from .attribution import ATTRIBUTION_COLUMNS, extract_article
from .corpus import REJECTED_COLUMNS, Corpus, ledger_counts
from .errors import SourcebookError
from .sentiment import ENGINES, article_tone, check_engine, score_texts
from .text import split_sentences

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
]
TABLES = ("articles", "sentences", "attributions", "rejected")


@dataclass
class Analysis:
    """The four tables and what produced them."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    attributions: pd.DataFrame
    rejected: pd.DataFrame
    meta: dict

    @property
    def counts(self) -> dict:
        return ledger_counts(len(self.articles), self.rejected, "analysed")


def analyze_article(text: str, engines: tuple[str, ...] = ENGINES) -> tuple[dict, dict]:
    """Sentences (with scores per engine) and attributions of one article text.

    Returns ``(sentences, attributions)``, each a dict of equal-length column lists
    (the columns of ``SENTENCE_COLUMNS`` and ``ATTRIBUTION_COLUMNS`` without the
    article's own id and date); offsets are into ``text``. Columns, not rows: the
    tables of a large corpus are assembled by extending lists, which is fast.
    """
    spans = split_sentences(text)
    sentence_texts = [span.text for span in spans]
    n_words = [len(t.split()) for t in sentence_texts]
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
    return sentences, attributions


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
CHUNK = 64


def _safe_analyze(text: str, engines: tuple[str, ...]):
    """One article's rows, or ('error', message): a failure is reported, never raised across processes."""
    try:
        return analyze_article(text, engines)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the corpus
        return "error", f"analysis failed: {type(exc).__name__}: {exc}".splitlines()[0]


def _analyze_chunk(texts: list[str], engines: tuple[str, ...]) -> list:
    return [_safe_analyze(text, engines) for text in texts]


def _warm_up() -> None:
    from .attribution import _common_words

    _common_words()


def _run_dask(texts: list[str], engines: tuple[str, ...], scheduler: str | None, workers: int, progress) -> list:
    """Analyse texts on a Dask cluster: ``scheduler`` ('tcp://host:8786'), or a local cluster of ``workers`` processes.

    The texts are read here and sent to the workers in chunks; each worker runs
    the very same per-article function as the local engine, so the rows are identical.
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise SourcebookError("the dask engine needs the dask extra: pip install -e '.[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except OSError as exc:
        raise SourcebookError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    try:
        chunks = [texts[i:i + CHUNK] for i in range(0, len(texts), CHUNK)]
        futures = client.map(_analyze_chunk, chunks, engines=engines, pure=False)
        if progress:
            for future in as_completed(futures):
                progress(len(future.result()))
        return [row for chunk in client.gather(futures) for row in chunk]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run(texts: list[str], engines: tuple[str, ...], workers: int, progress, engine: str = "local",
         scheduler: str | None = None) -> list:
    """Analyse texts in order: in this process, across ``workers`` processes, or on a Dask cluster."""
    if engine == "dask":
        return _run_dask(texts, engines, scheduler, workers, progress) if texts else []
    if workers <= 1 or len(texts) < PARALLEL_MIN_ARTICLES:
        results = []
        for text in texts:
            results.append(_safe_analyze(text, engines))
            if progress:
                progress(1)
        return results
    from concurrent.futures import ProcessPoolExecutor

    chunks = [texts[i:i + CHUNK] for i in range(0, len(texts), CHUNK)]
    results = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        for chunk_result in pool.map(_analyze_chunk, chunks, [engines] * len(chunks)):
            results.extend(chunk_result)
            if progress:
                progress(len(chunk_result))
    return results


def analyze(
    corpus: Corpus,
    engines: tuple[str, ...] | list[str] = ENGINES,
    progress=None,
    workers: int | None = None,
    cache=None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Analysis:
    """Analyse every article of a loaded corpus into the four tables.

    ``workers``: processes to use (default: every core, for corpora of at least
    ``PARALLEL_MIN_ARTICLES``); results are identical either way. ``cache``: an
    ``AnalysisCache``; articles analysed before with the same code are read from it.
    ``engine``: ``local`` (this machine's cores) or ``dask`` (a Dask cluster at
    ``scheduler``, or a local one with ``workers`` processes); the tables are the same.
    """
    if engine not in ("local", "dask"):
        raise SourcebookError(f"unknown engine '{engine}': choose local or dask")
    engines = tuple(check_engine(engine) for engine in engines)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    texts = list(corpus.articles["text"])
    keys = [cache.key(text, engines) for text in texts] if cache is not None else []
    known = cache.get_many(keys) if cache is not None else {}
    todo = [i for i in range(len(texts)) if not keys or keys[i] not in known]
    if progress and known:
        progress(len(texts) - len(todo))
    fresh = _run([texts[i] for i in todo], engines, workers, progress, engine, scheduler)
    results: list = [None] * len(texts)
    for i, key in enumerate(keys):
        if key in known:
            results[i] = known[key]
    new_entries = {}
    for i, result in zip(todo, fresh):
        results[i] = result
        if keys and not (isinstance(result, tuple) and result and result[0] == "error"):
            new_entries[keys[i]] = result
    if cache is not None and new_entries:
        cache.put_many(new_entries)

    sentence_columns: dict[str, list] = {column: [] for column in SENTENCE_COLUMNS}
    attribution_columns: dict[str, list] = {column: [] for column in ATTRIBUTION_COLUMNS}
    failed: list[dict] = []
    analysed_ids: list[str] = []
    for article, result in zip(corpus.articles.itertuples(index=False), results):
        if result[0] == "error":
            failed.append(
                {
                    "source_file": article.source_file,
                    "row": None,
                    "article_id": article.article_id,
                    "status": "rejected",
                    "reason": result[1],
                    "duplicate_of": "",
                }
            )
            continue
        sentences, found = result
        analysed_ids.append(article.article_id)
        for column, values in sentences.items():
            sentence_columns[column].extend(values)
        sentence_columns["article_id"].extend([article.article_id] * len(sentences["sentence_id"]))
        for column, values in found.items():
            attribution_columns[column].extend(values)
        attribution_columns["article_id"].extend([article.article_id] * len(found["sentence_id"]))
        attribution_columns["date"].extend([article.date] * len(found["sentence_id"]))
    return build_analysis(corpus, analysed_ids, sentence_columns, attribution_columns, failed, engines)


def build_analysis(corpus, analysed_ids, sentence_columns, attribution_columns, failed, engines) -> Analysis:
    """Assemble the tables from per-article columns (the same for every engine)."""
    sentences = pd.DataFrame(sentence_columns, columns=SENTENCE_COLUMNS)
    sentences = sentences.astype({"sentence_id": int, "start": int, "end": int, "n_words": int,
                                  "polarity": float, "subjectivity": float})
    attributions = pd.DataFrame(attribution_columns, columns=ATTRIBUTION_COLUMNS)
    attributions["date"] = pd.to_datetime(attributions["date"])
    attributions = attributions.astype({"sentence_id": int, "start": int, "end": int})
    articles = corpus.articles[corpus.articles["article_id"].isin(set(analysed_ids))].copy()
    articles = _add_article_measures(articles, sentences, attributions, engines)
    rejected = pd.concat(
        [corpus.rejected, pd.DataFrame(failed, columns=REJECTED_COLUMNS)], ignore_index=True
    ) if failed else corpus.rejected.copy()
    meta = {
        "sourcebook_version": __version__,
        "corpus_path": str(corpus.path),
        "corpus_hash": corpus.content_hash,
        "engines": list(engines),
        "analysed_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    analysis = Analysis(articles.reset_index(drop=True), sentences, attributions, rejected.reset_index(drop=True), meta)
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


def write_tables(analysis: Analysis, folder: str | Path) -> Path:
    """Write the four tables as CSV (UTF-8, ISO dates) and ``analysis.json`` into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        frame = getattr(analysis, name).copy()
        if "date" in frame.columns:
            frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
        frame.to_csv(folder / f"{name}.csv", index=False)
    (folder / "analysis.json").write_text(json.dumps(analysis.meta, indent=2, default=str) + "\n", encoding="utf-8")
    return folder


def read_tables(folder: str | Path) -> Analysis:
    """Read tables written by ``write_tables``. A missing or broken file gets a one-line error."""
    folder = Path(folder)
    meta_path = folder / "analysis.json"
    if not meta_path.exists():
        raise SourcebookError(f"{folder}: no analysis here (analysis.json is missing); run `sourcebook analyze` first")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    tables = {}
    for name in TABLES:
        path = folder / f"{name}.csv"
        if not path.exists():
            raise SourcebookError(f"{path}: missing from the analysis folder")
        frame = pd.read_csv(path, keep_default_na=False, na_values={"date": [""], "polarity": [""], "subjectivity": [""]},
                            dtype={"article_id": str, "source_file": str, "duplicate_of": str})
        if "date" in frame.columns:
            frame["date"] = pd.to_datetime(frame["date"].replace("", None), errors="coerce")
        tables[name] = frame
    for column in [c for c in tables["articles"].columns if c.startswith(("polarity_", "subjectivity_", "share_"))]:
        tables["articles"][column] = pd.to_numeric(tables["articles"][column], errors="coerce")
    for column in ("polarity", "subjectivity"):
        tables["sentences"][column] = pd.to_numeric(tables["sentences"][column], errors="coerce")
    return Analysis(meta=meta, **tables)

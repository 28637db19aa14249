"""Where the per-article analysis runs: this machine's cores, or a Dask cluster, chosen by name.

Every backend runs the same function (``article.analyze_texts``) on the same
texts and returns the results in input order, so the tables do not depend on
where they were computed. A backend is a small class with ``run(texts,
progress)`` and ``close()``; ``RUNNERS`` maps the names ``sourcebook analyze
--backend`` accepts to them, as papermill maps engine names to engines. One
runner serves a whole run: its process pool or cluster starts once and is
shared by every batch.

- ``local``: in this process, or across ``workers`` processes once a batch
  has at least ``PARALLEL_MIN_ARTICLES`` articles to analyse.
- ``dask``: on the cluster at ``scheduler``, or on a local cluster of
  ``workers`` processes; it can also read the corpus on the workers (``load``).

The modules that analyse are imported when a runner first runs, so the command
line starts quickly.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

from .errors import BadInput, BadParameter

PARALLEL_MIN_ARTICLES = 200  # below this, starting worker processes costs more than it saves
CHUNK = 64  # articles sent to a worker at a time


def chunks(items: list, size: int = CHUNK) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


class Runner:
    """Runs ``article.analyze_texts`` over texts somewhere; a context manager that stops what it started."""

    name = ""

    def __init__(self, engines: tuple[str, ...], workers: int | None = None, scheduler: str | None = None):
        self.engines = engines
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.scheduler = scheduler

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def run(self, texts: list[str], progress) -> list:
        """Results for ``texts``, in order; ``progress(n)`` is called as articles finish."""
        raise NotImplementedError

    def close(self) -> None:
        """Stop the pool or cluster (once, however many ``with`` blocks shared the runner)."""


class LocalRunner(Runner):
    """This process, or a pool of ``workers`` processes for batches worth it."""

    name = "local"

    def __init__(self, engines, workers=None, scheduler=None):
        super().__init__(engines, workers, scheduler)
        self.pool = None

    def run(self, texts: list[str], progress) -> list:
        from .article import analyze_texts, safe_analyze, warm_up

        if not texts:
            return []
        if self.pool is None and self.workers > 1 and len(texts) >= PARALLEL_MIN_ARTICLES:
            # Started for the first batch with enough articles to analyse (not for a re-run
            # that finds all but a few in the cache), then kept for the batches after it.
            from concurrent.futures import ProcessPoolExecutor

            # The platform's default start method (fork on Linux): workers share the corpus's
            # pages with this process instead of copying them, and a user's script needs no
            # `if __name__ == "__main__":` guard, as forkserver and spawn would demand.
            self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=warm_up)
        results = []
        if self.pool is None:
            for text in texts:
                results.append(safe_analyze(text, self.engines))
                if progress:
                    progress(1)
            return results
        parts = chunks(texts)
        for part in self.pool.map(analyze_texts, parts, [self.engines] * len(parts)):
            results.extend(part)
            if progress:
                progress(len(part))
        return results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        self.pool = None


class DaskRunner(Runner):
    """A Dask cluster: the one at ``scheduler``, or a local one of ``workers`` processes."""

    name = "dask"

    def __init__(self, engines, workers=None, scheduler=None):
        super().__init__(engines, workers, scheduler)
        self.client = self.cluster = None

    def _connect(self):
        if self.client is not None:
            return
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise BadParameter("the dask backend needs the dask extra: pip install -e '.[dask]'") from None
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="10s")
            else:
                self.cluster = LocalCluster(n_workers=max(self.workers, 1), threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise BadParameter(f"cannot reach the Dask scheduler {self.scheduler}: {exc}") from None

    def load(self, path: str | Path, named: dict | None = None, files_per_partition: int = 64):
        """Read the corpus on the Dask workers, ``files_per_partition`` files per task.

        The workers must see ``path`` (a shared or network file system, or the same
        copy on every machine). The parts come back in input order and are put
        together exactly as ``load_corpus`` would: the same ids, duplicates and ledger.
        """
        from .corpus import finish_corpus, list_inputs, read_inputs

        root = Path(path).resolve()  # workers have their own working directories
        if not root.exists():
            raise BadInput(f"{path}: no such file or folder")
        self._connect()
        inputs = list_inputs(root)
        # One "today" for every worker, so the check for dates in the future does not depend on their clocks.
        futures = self.client.map(read_inputs, chunks(inputs, files_per_partition), named=named or {},
                                  today=dt.date.today(), pure=False)
        articles, rejected = [], []
        for got, lost in self.client.gather(futures):
            articles.extend(got)
            rejected.extend(lost)
        if inputs and not articles and all("No such file" in row["reason"] for row in rejected):
            raise BadInput(f"{path}: the Dask workers cannot see these files (each one was 'not found' "
                           f"on the workers); put the corpus where they can read it, or use --read-on here")
        return finish_corpus(articles, rejected, path)

    def run(self, texts: list[str], progress) -> list:
        if not texts:
            return []
        self._connect()
        from dask.distributed import as_completed

        from .article import analyze_texts

        futures = self.client.map(analyze_texts, chunks(texts), engines=self.engines, pure=False)
        if progress:
            for future in as_completed(futures):
                progress(len(future.result()))
        return [row for part in self.client.gather(futures) for row in part]

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None


RUNNERS = {runner.name: runner for runner in (LocalRunner, DaskRunner)}
BACKENDS = tuple(RUNNERS)


def get_runner(backend: str, engines: tuple[str, ...], workers: int | None = None,
               scheduler: str | None = None) -> Runner:
    """The runner called ``backend`` (``local`` or ``dask``); a one-line error for any other name."""
    if backend not in RUNNERS:
        raise BadParameter(f"unknown backend '{backend}': choose {' or '.join(BACKENDS)}")
    return RUNNERS[backend](engines, workers, scheduler)


def progress_reporter(total: int, label: str = "analysing", every: float = 5.0, stream=None):
    """A callback counting articles done: a tqdm bar on a terminal, else a line every few seconds.

    Returns ``(update, close)``; both do nothing for small corpora (under 200 articles).
    """
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

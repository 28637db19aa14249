"""Notebooks to offline HTML reports: ``sourcebook render``.

One run:

1. checks every parameter with the registry's checks (``parameters.py``, which
   also writes the notebooks' ``parameters`` cells), and the corpus path, before
   anything runs (a bad one is refused in one line);
2. takes a lock beside the output folder, so two runs never write it at once;
3. loads and analyses the corpus once, batch by batch, into ``<tmp>/data/`` (CSV and Parquet);
4. executes each notebook with papermill (the project's kernel, the notebooks'
   folder as working directory), passing ``analysis_dir`` so no notebook
   recomputes the analysis, and ``tables_dir`` so every table shown is written
   as CSV beside the reports;
5. exports each executed notebook to HTML with the code hidden and nothing
   fetched from the network (``templates/sourcebook``);
6. writes ``index.html`` and ``run.json``;
7. replaces the previous output folder only if every notebook succeeded. A
   failed or interrupted run leaves the last good report in place; a failed run
   is kept beside it as ``<out>-failed-<time>``.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import html
import json
import logging
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

from . import __version__
from .analysis import analyze_to_folder
from .cache import open_cache
from .corpus import load_corpus
from .errors import BadInput, BadParameter, NothingToReport, SourcebookError
from .lab_setup import KERNEL_NAME, install_kernel
from .parameters import RUN_PARAMETERS, Parameter, check_together, taken_by
from .runners import progress_reporter

TEMPLATES = Path(__file__).parent / "templates"
LIBRARIES = ["pandas", "plotly", "papermill", "nbconvert", "textblob", "vaderSentiment"]

log = logging.getLogger("sourcebook.render")


def project_notebooks_dir() -> Path:
    """``notebooks/`` of the project this package was installed from."""
    env = os.environ.get("SOURCEBOOK_NOTEBOOKS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "notebooks"


@dataclass
class NotebookResult:
    name: str
    status: str  # ok, failed
    seconds: float
    html: str
    ipynb: str
    error: str = ""


@dataclass
class RunResult:
    out: Path
    ok: bool
    notebooks: list = field(default_factory=list)
    kept_failed: Path | None = None
    meta: dict = field(default_factory=dict)


# --- parameters ------------------------------------------------------------------------------------


def list_notebooks(folder: Path, selection: str | None = None) -> list[Path]:
    """Numbered notebooks in order; ``selection`` like '01,03' keeps those numbers (or names)."""
    notebooks = sorted(p for p in folder.glob("[0-9]*.ipynb") if not p.name.startswith("."))
    if not notebooks:
        raise BadInput(f"{folder}: no numbered notebooks (NN-name.ipynb) found")
    if selection:
        wanted = [item.strip() for item in selection.split(",") if item.strip()]
        chosen = []
        for item in wanted:
            match = [p for p in notebooks if p.name.split("-")[0] == item.zfill(2) or p.stem == item or p.name == item]
            if not match:
                raise BadParameter(
                    f"--notebooks: no notebook '{item}'; choose from {', '.join(p.name.split('-')[0] for p in notebooks)}"
                )
            chosen.extend(m for m in match if m not in chosen)
        notebooks = chosen
    return notebooks


def notebook_parameters(notebooks: list[Path]) -> dict[str, Parameter]:
    """The parameters these notebooks take, from the registry (``parameters.REGISTRY``): name -> Parameter.

    A test keeps every notebook's ``parameters`` cell as the registry writes it, so this is what the cells declare.
    """
    return taken_by(notebooks)


def read_params_file(path: str) -> dict:
    file = Path(path)
    if not file.exists():
        raise BadInput(f"{path}: parameters file not found")
    try:
        values = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise BadInput(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(values, dict):
        raise BadInput(f"{path}: must be a mapping of parameter names to values")
    return values


def check_parameters(given: dict, declared: dict[str, Parameter]) -> dict:
    """Validate and convert user parameters with the registry's checks; raise a one-line BadParameter for the
    first bad one. ``declared``: the parameters the chosen notebooks take (``notebook_parameters``)."""
    checked = {}
    for name, value in given.items():
        if name in RUN_PARAMETERS:
            raise BadParameter(f"parameter {name} is set by sourcebook render itself; give the corpus as an argument")
        if name not in declared:
            known = ", ".join(sorted(set(declared) - RUN_PARAMETERS))
            raise BadParameter(f"unknown parameter '{name}'; the notebooks take: {known}")
        checked[name] = declared[name].checked(value)
    check_together(checked)
    return checked


# --- kernel, lock, export ------------------------------------------------------------------------------


def ensure_kernel() -> str:
    """The project's kernel name, installing its spec into this environment when missing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
        if Path(spec.argv[0]).exists() or spec.argv[0] in ("python", "python3"):
            return KERNEL_NAME
    except NoSuchKernel:
        pass
    install_kernel(sys.prefix)
    return KERNEL_NAME


class Lock:
    """An exclusive, non-blocking lock file beside the output folder."""

    def __init__(self, path: Path):
        self.path = path
        self.handle = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "w")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            raise SourcebookError(f"another sourcebook render is writing to this folder (lock {self.path}); try again later") from None
        self.handle.write(f"{os.getpid()}\n")
        self.handle.flush()
        return self

    def __exit__(self, *exc):
        # The lock file stays: unlinking it would let a waiting run lock a file nobody else sees.
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def notebook_title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def export_html(executed: Path, target: Path) -> None:
    """An executed notebook to HTML: no code, no prompts, nothing fetched from the network."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    exporter = HTMLExporter(
        template_name="sourcebook",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook_title(nb) or executed.stem}})
    target.write_text(body, encoding="utf-8")


def _versions() -> dict:
    versions = {"sourcebook": __version__, "python": sys.version.split()[0]}
    for library in LIBRARIES:
        try:
            versions[library] = metadata.version(library)
        except metadata.PackageNotFoundError:
            versions[library] = "not installed"
    return versions


# --- the run ------------------------------------------------------------------------------------------


def render(
    corpus: str,
    out: str,
    parameters: dict | None = None,
    notebooks: str | None = None,
    notebooks_dir: Path | None = None,
    say=print,
    use_cache: bool = True,
    corrections=None,
) -> RunResult:
    """Render every notebook over ``corpus`` into ``out``. See the module docstring."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    corpus_path = Path(corpus)
    if not corpus_path.exists():
        raise BadInput(f"{corpus}: no such file or folder")
    folder = Path(notebooks_dir) if notebooks_dir else project_notebooks_dir()
    chosen = list_notebooks(folder, notebooks)
    declared = notebook_parameters(chosen)
    params = check_parameters(dict(parameters or {}), declared)

    out_dir = Path(out).resolve()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    cache = open_cache(say=say) if use_cache else None
    loaded = load_corpus(corpus_path, cache=cache)  # bad input is refused here, before any folder is made
    if loaded.articles.empty:
        # Under cron, an emptied folder must not replace last night's reports with empty ones.
        raise NothingToReport(f"{corpus}: no article to analyse ({_nothing_loaded(loaded)}); "
                              f"the reports in {out} are left as they were")
    with Lock(out_dir.parent / f".{out_dir.name}.lock"):
        work = out_dir.parent / f".{out_dir.name}.tmp-{stamp}-{os.getpid()}"
        if work.exists():
            shutil.rmtree(work)
        (work / "data").mkdir(parents=True)
        started = time.monotonic()
        started_at = dt.datetime.now(dt.timezone.utc)
        try:
            say(f"analysing {corpus} ...")
            t0 = time.monotonic()
            update, close = progress_reporter(len(loaded.articles))
            try:
                analysis = analyze_to_folder(loaded, work / "data", progress=update,
                                             cache=cache, corrections=corrections, release_texts=True)
            finally:
                close()
            say(f"  {analysis.counts['analysed']} articles analysed, {analysis.counts['rejected']} rejected, "
                f"{analysis.counts['duplicates']} duplicates ({time.monotonic() - t0:.1f} s)")
            kernel = ensure_kernel()
            results: list[NotebookResult] = []
            for number, path in enumerate(chosen, start=1):
                executed = work / path.name
                html_path = work / f"{path.stem}.html"
                run_params = {k: v for k, v in params.items() if k in _declared_by(declared, path)}
                run_params.update(
                    corpus=str(corpus_path.resolve()), analysis_dir=str((work / "data").resolve()),
                    tables_dir=str((work / "data").resolve()),
                )
                say(f"[{number}/{len(chosen)}] {path.name} ...")
                t0 = time.monotonic()
                error = ""
                try:
                    papermill.execute_notebook(
                        str(path), str(executed), parameters=run_params, kernel_name=kernel,
                        cwd=str(folder), progress_bar=False, log_output=False,
                        kernel_manager_class=_local_kernel_manager(), engine_name=_sparse_save_engine(),
                    )
                except PapermillExecutionError as exc:
                    error = f"{exc.ename}: {exc.evalue}".splitlines()[0][:300]
                except Exception as exc:  # noqa: BLE001 - a kernel that dies is a failed notebook, not a crash
                    error = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                seconds = time.monotonic() - t0
                if executed.exists():
                    try:
                        export_html(executed, html_path)
                    except Exception as exc:  # noqa: BLE001
                        error = error or f"HTML export failed: {type(exc).__name__}: {exc}".splitlines()[0]
                status = "failed" if error else "ok"
                results.append(NotebookResult(path.stem, status, round(seconds, 2),
                                              html_path.name if html_path.exists() else "", executed.name, error))
                say(f"      {status} in {seconds:.1f} s" + (f": {error}" if error else ""))
            ok = all(r.status == "ok" for r in results)
            meta = {
                "title": "Sourcebook reports",
                "ok": ok,
                "started_at": started_at.isoformat(timespec="seconds"),
                "seconds": round(time.monotonic() - started, 2),
                "corpus": {
                    "path": str(corpus_path.resolve()),
                    "content_hash": loaded.content_hash,
                    "articles": analysis.counts,
                    "date_range": analysis.meta["date_range"],
                    "corrections": analysis.meta.get("corrections"),
                },
                "parameters": params,
                "versions": _versions(),
                "notebooks": [r.__dict__ for r in results],
                "data": sorted(p.name for p in (work / "data").glob("*") if p.suffix in {".csv", ".parquet"}),
            }
            (work / "run.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
            (work / "index.html").write_text(index_html(meta), encoding="utf-8")
        except BaseException:
            # Interrupted or crashed: keep the partial run for inspection, never touch the last good report.
            if work.exists():
                failed_dir = out_dir.parent / f"{out_dir.name}-failed-{stamp}"
                work.rename(failed_dir)
            raise
        if ok:
            previous = out_dir.parent / f".{out_dir.name}.previous-{stamp}"
            if out_dir.exists():
                out_dir.rename(previous)
            work.rename(out_dir)
            if previous.exists():
                shutil.rmtree(previous, ignore_errors=True)
            say(f"reports written to {out_dir} ({meta['seconds']:.1f} s): open {out_dir / 'index.html'}")
            return RunResult(out_dir, True, results, None, meta)
        failed_dir = out_dir.parent / f"{out_dir.name}-failed-{stamp}"
        work.rename(failed_dir)
        say(f"some notebooks failed: the previous report in {out_dir} is untouched; this run is in {failed_dir}")
        return RunResult(out_dir, False, results, failed_dir, meta)


def _nothing_loaded(loaded) -> str:
    """Why a corpus gave no article, in a few words: its files and their first rejection reasons."""
    rejected = loaded.rejected
    if rejected.empty:
        return "no .txt, .csv, .tsv or .jsonl file in it"
    reasons = rejected["reason"].astype(str).value_counts()
    listed = "; ".join(f"{n} × {reason[:80]}" for reason, n in reasons.head(3).items())
    more = f"; and {len(reasons) - 3} other reasons" if len(reasons) > 3 else ""
    return f"{len(rejected)} input(s) rejected: {listed}{more}"


SAVE_EVERY = 30.0  # seconds between saves of a running notebook (papermill saves at every cell's start and end)


def _sparse_save_engine() -> str:
    """papermill's nbclient engine, saving the executed notebook at most every ``SAVE_EVERY`` seconds while it runs.

    papermill writes the whole notebook at the start and the end of every cell; once the first chart has
    embedded plotly.js (about 4 MB), that was a third of a report's time. The notebook is still written when
    it starts and when it ends, however it ends (an error, a dead kernel, Ctrl-C), so a failed notebook's
    report shows every output up to the failure, and a long cell still reaches the disk every 30 seconds.
    """
    from papermill.engines import NBClientEngine, papermill_engines

    name = "sourcebook-sparse-save"
    if name in papermill_engines._engines:
        return name

    class SparseSaveEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            save, last = nb_man.save, [time.monotonic()]

            def sparse_save(**save_kwargs):
                if time.monotonic() - last[0] >= SAVE_EVERY:
                    save(**save_kwargs)
                    last[0] = time.monotonic()

            complete, cells = nb_man.cell_complete, len(nb_man.nb.cells)

            def cell_complete(cell, cell_index=None, **complete_kwargs):
                complete(cell, cell_index=cell_index, **complete_kwargs)
                if cell_index == cells - 1:
                    save()  # the last cell's outputs, written while the kernel settles (as papermill always did):
                    # shut down at once, an idle kernel logs "KeyboardInterrupt caught in kernel" into the run's log

            nb_man.save, nb_man.cell_complete = sparse_save, cell_complete
            try:
                return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
            finally:
                nb_man.save, nb_man.cell_complete = save, complete  # papermill's final save is never skipped

    papermill_engines.register(name, SparseSaveEngine)
    return name


def _local_kernel_manager():
    """A kernel manager that talks to the kernel over local sockets (IPC), not TCP ports.

    Nothing listens on the network during a render, and the kernel does not print
    its warning about unencrypted TCP into every scheduled run's log.

    Asynchronous, as nbclient expects: with the blocking manager, nbclient waits for
    the kernel's messages without ever checking that it is alive, so a kernel that
    died (``os._exit``, killed for memory) hung the run for ever, and Ctrl-C took
    effect only once the running cell had finished.
    """
    from jupyter_client.manager import AsyncKernelManager

    class LocalSocketKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            super().__init__(**kwargs)

    return LocalSocketKernelManager


def _declared_by(declared: dict[str, Parameter], path: Path) -> set:
    return {name for name, parameter in declared.items() if parameter.takes(path.name)}


def _corrections_text(report) -> str:
    """How many attribution rows a reporter corrected by hand (sourcebook render --corrections), escaped."""
    if not report:
        return "none given"
    text = f"{report['corrected']} rows corrected by hand, {report['removed']} removed as not attributions"
    if report["unmatched"]:
        text += f"; {len(report['unmatched'])} corrections matched no row: " + ", ".join(report["unmatched"][:20])
    return html.escape(text)


def index_html(meta: dict) -> str:
    """The run's front page: what was analysed, with which parameters and versions, and a link to each report."""
    e = html.escape
    counts = meta["corpus"]["articles"]
    rows = []
    for item in meta["notebooks"]:
        link = f'<a href="{e(item["html"])}">{e(item["name"])}</a>' if item["html"] else e(item["name"])
        status = "✔ ok" if item["status"] == "ok" else f"✘ failed: {e(item['error'])}"
        rows.append(f'<tr class="{e(item["status"])}"><td>{link}</td><td>{status}</td><td>{item["seconds"]:.1f} s</td>'
                    + (f'<td><a href="{e(item["ipynb"])}">notebook</a></td></tr>' if item["ipynb"]
                       else '<td>not kept</td></tr>'))
    params = "".join(f"<tr><td>{e(str(k))}</td><td>{e(str(v))}</td></tr>" for k, v in sorted(meta["parameters"].items())) or \
        '<tr><td colspan="2">defaults</td></tr>'
    versions = ", ".join(f"{e(k)} {e(str(v))}" for k, v in meta["versions"].items())
    data = "".join(f'<li><a href="data/{e(name)}">{e(name)}</a></li>' for name in meta["data"])
    first, last = meta["corpus"]["date_range"]["first"], meta["corpus"]["date_range"]["last"]
    verdict = "All reports rendered." if meta["ok"] else "Some reports FAILED: see below. The previous good run was kept."
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(meta['title'])}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 900px; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.5; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; }} td, th {{ border-bottom: 1px solid #ddd; padding: 0.3rem 0.8rem 0.3rem 0; text-align: left; vertical-align: top; }}
tr.failed td {{ color: #b00020; }} .verdict {{ font-weight: bold; }} code {{ background: #f4f4f4; padding: 0 0.2rem; }}
</style></head>
<body>
<h1>{e(meta['title'])}</h1>
<p class="verdict">{e(verdict)}</p>
<h2>Reports</h2>
<table><tr><th>report</th><th>status</th><th>time</th><th>executed notebook</th></tr>{''.join(rows)}</table>
<h2>Corpus</h2>
<table>
<tr><td>path</td><td><code>{e(meta['corpus']['path'])}</code></td></tr>
<tr><td>articles</td><td>{counts['inputs']} in: {counts['analysed']} analysed, {counts['rejected']} rejected, {counts['duplicates']} duplicates</td></tr>
<tr><td>content hash</td><td><code>{e(meta['corpus']['content_hash'])}</code></td></tr>
<tr><td>dates</td><td>{e(first or 'none')} to {e(last or 'none')}</td></tr>
<tr><td>corrections by hand</td><td>{_corrections_text(meta['corpus'].get('corrections'))}</td></tr>
</table>
<h2>Parameters</h2>
<table>{params}</table>
<h2>Data behind the reports</h2>
<p>Every table the reports show, and the full analysis, as CSV (the sentences, the biggest table, as Parquet):</p>
<ul>{data}</ul>
<h2>Run</h2>
<p>Started {e(meta['started_at'])}, took {meta['seconds']:.1f} s. Versions: {versions}.</p>
<p>Machine-readable: <a href="run.json">run.json</a>.</p>
</body></html>
"""

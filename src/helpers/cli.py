"""The ``sourcebook`` command.

    sourcebook load PATH                      what was loaded, what was rejected and why
    sourcebook analyze PATH --out DIR         write articles, sentences, attributions, rejected as CSV
    sourcebook render [PATH] --out DIR        run the notebooks into offline HTML reports
    sourcebook evaluate-attribution GOLD      precision and recall of the attribution rules
    sourcebook evaluate-certainty GOLD        precision and recall of the certainty rules

Exit status: 0 success; 1 no report made (a notebook failed, or no article to
analyse); 2 bad input or parameters (one line on stderr, no traceback); 130
interrupted (Ctrl-C); 143 terminated (SIGTERM). The kinds of error and their statuses are in ``helpers.errors``.
"""

from __future__ import annotations

import argparse
import os
import logging
import sys
from pathlib import Path

import pandas as pd

from . import __version__
from .errors import NotebookFailed, SourcebookError
from .runners import BACKENDS


def _column_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("column names for CSV, TSV and JSONL input (matched ignoring case)")
    for name in ("text", "date", "title", "outlet", "url", "id"):
        group.add_argument(f"--{name}-col", metavar="NAME", help=f"the column holding the {name}")


def _named_columns(args) -> dict:
    return {"text": args.text_col, "date": args.date_col, "title": args.title_col, "outlet": args.outlet_col,
            "url": args.url_col, "id": args.id_col}


def _load(args, cache=None):
    from .corpus import load_corpus

    named = _named_columns(args)
    return load_corpus(args.path, **{f"{key}_col": value for key, value in named.items()}, cache=cache)


def _print_frame(frame: pd.DataFrame, columns: list[str], width: int = 60) -> None:
    if frame.empty:
        print("  (none)")
        return
    shown = frame[columns].copy()
    for column in shown.columns:
        shown[column] = shown[column].astype(str).replace({"NaT": "", "<NA>": "", "nan": "", "NaN": "", "None": ""}).str.slice(0, width)
    print(shown.to_string(index=False))


def cmd_load(args) -> int:
    corpus = _load(args)
    counts = corpus.counts
    articles = corpus.articles.assign(date=corpus.articles["date"].dt.strftime("%Y-%m-%d"))
    print(f"Loaded from {args.path}:")
    _print_frame(articles, ["article_id", "date", "date_source", "outlet", "wire", "language", "n_words", "title"], 50)
    print("\nNot loaded:")
    _print_frame(corpus.rejected, ["source_file", "status", "reason"], 90)
    warned = corpus.articles[corpus.articles["warnings"] != ""]
    if len(warned):
        print("\nLoaded with warnings:")
        _print_frame(warned, ["article_id", "warnings"], 160)
    other = corpus.articles[~corpus.articles["language"].isin(["en", ""])]
    if len(other):
        languages = ", ".join(f"{code} {n}" for code, n in other["language"].value_counts().items())
        print(f"\nNot in English ({languages}): kept and listed, but tone and sourcing are measured for English only")
    print(
        f"\narticles in: {counts['inputs']} = loaded {counts['loaded']} + rejected {counts['rejected']}"
        f" + duplicates {counts['duplicates']}"
    )
    return 0


def cmd_analyze(args) -> int:
    from .analysis import analyze_to_folder
    from .cache import open_cache
    from .runners import progress_reporter
    from .store import TABLE_FILES

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    corrections = _corrections(args)
    cache = None if args.no_cache else open_cache(args.cache_dir, say=lambda note: print(note, file=sys.stderr))
    backend = _backend(args)
    if backend == "dask" and args.read_on == "workers":
        from .analysis import analyze_path_on_dask

        _, written = analyze_path_on_dask(args.path, args.out, engines, _named_columns(args), show_progress=True,
                                          workers=args.workers, cache=cache, scheduler=args.scheduler,
                                          corrections=corrections)
    else:
        corpus = _load(args, cache)
        update, close = progress_reporter(len(corpus.articles))
        try:
            written = analyze_to_folder(corpus, args.out, engines, progress=update, workers=args.workers,
                                        cache=cache, backend=backend, scheduler=args.scheduler,
                                        corrections=corrections, release_texts=True)
        finally:
            close()
    counts = written.counts
    print(
        f"analysed {counts['analysed']} articles ({counts['rejected']} rejected, {counts['duplicates']} duplicates): "
        f"{written.rows['sentences']} sentence scores, {written.rows['attributions']} attributions"
    )
    for name in ("articles", "sentences", "attributions", "rejected"):
        print(f"  {written.folder / TABLE_FILES[name]}")
    _print_corrections(written.meta.get("corrections"))
    return 0


def _backend(args) -> str:
    """--backend, or the old --engine with a notice (accepted for one release)."""
    if args.old_engine is not None:
        print("sourcebook: warning: --engine is now --backend (local or dask); --engine will be removed in the "
              "next release", file=sys.stderr)
        if args.backend is None:
            return args.old_engine
    return args.backend or "local"


def _corrections(args):
    """The corrections CSV given with --corrections, read and checked (None without one)."""
    if not getattr(args, "corrections", None):
        return None
    from .attribution.corrections import read_corrections

    return read_corrections(args.corrections)


def _print_corrections(report) -> None:
    if not report:
        return
    print(f"corrections by hand: {report['corrected']} rows corrected, {report['removed']} removed as not attributions")
    for key in report["unmatched"]:
        print(f"  correction matches no row: {key} (article_id start-end)", file=sys.stderr)


def _parse_params(pairs, files) -> dict:
    from .render import read_params_file

    params: dict = {}
    for file in files or []:
        params.update(read_params_file(file))
    for name, value in pairs or []:
        params[name] = value
    return params


def cmd_render(args) -> int:
    from .render import render

    if args.log:
        handler = logging.FileHandler(args.log, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        logger = logging.getLogger("sourcebook.render")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)

        def say(message):
            print(message, flush=True)
            logger.info(message)
    else:
        def say(message):
            print(message, flush=True)

    result = render(
        args.path, args.out, _parse_params(args.param, args.params_file), args.notebooks,
        Path(args.notebooks_dir) if args.notebooks_dir else None, say=say, corrections=_corrections(args),
    )
    return 0 if result.ok else NotebookFailed.exit_code  # the failed run is kept aside, the last report stays


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate_with_confidence, read_gold

    gold = read_gold(args.gold)
    context = None
    if args.corpus:
        from .corpus import load_corpus

        articles = load_corpus(args.corpus).articles
        context = [{"id": str(a.article_id), "date": a.date, "text": a.text}
                   for a in articles[["article_id", "date", "text"]].itertuples(index=False)]
    scores, detail, confidence = evaluate_with_confidence(gold, context)
    among = f", read among the {len(context)} articles of {args.corpus}" if context is not None else ""
    print(f"{len(gold)} {gold.kind} in {args.gold}{among}; scored by (sentence, source type)\n")
    print(scores.to_string(index=False))
    print("\nprecision of the predicted (sentence, type) pairs by confidence:")
    print(confidence.to_string(index=False))
    if args.errors:
        wrong = detail[~detail["correct"]]
        print(f"\n{len(wrong)} sentences where the types differ:")
        for row in wrong.itertuples():
            print(f"- {row.id}: expected [{row.expected}] found [{row.found}]\n    {row.sentence}")
    return 0


def cmd_evaluate_certainty(args) -> int:
    from .certainty.evaluate import errors, evaluate, read_gold

    gold = read_gold(args.gold)
    scores, detail = evaluate(gold)
    print(f"{len(gold)} sentences in {args.gold}; accuracy of the three levels "
          f"{scores['accuracy of the three levels'].iloc[0]:.3f}\n")
    print(scores.drop(columns=["accuracy of the three levels"]).to_string(index=False))
    if args.errors:
        wrong = errors(detail)
        print(f"\n{len(wrong)} sentences where the level or the denial differs:")
        for row in wrong.itertuples():
            print(f"- {row.id}: expected {row.gold}{' +denial' if row.gold_denial else ''}, found {row.predicted}"
                  f"{' +denial' if row.predicted_denial else ''} [{row.cues}]\n    {row.sentence}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sourcebook", description="How is a story told over time, and on whose word?")
    parser.add_argument("--version", action="version", version=f"sourcebook {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    load = sub.add_parser("load", help="list what was loaded and what was rejected, and why")
    load.add_argument("path", help="a folder or a .txt, .csv, .tsv or .jsonl file")
    _column_options(load)
    load.set_defaults(func=cmd_load)

    analyze = sub.add_parser("analyze", help="write the analysis tables as CSV")
    analyze.add_argument("path", help="a folder or a .txt, .csv, .tsv or .jsonl file")
    analyze.add_argument("--out", required=True, help="folder for articles.csv, sentences.parquet, attributions.csv, rejected.csv")
    analyze.add_argument("--engines", default="textblob,vader", help="sentiment engines, comma-separated (default: textblob,vader)")
    analyze.add_argument("--workers", type=int, default=None, help="processes to use (default: every core, for 200+ articles)")
    analyze.add_argument("--backend", choices=BACKENDS, default=None,
                         help="where the per-article analysis runs: this machine (local, the default) or a Dask "
                              "cluster (dask)")
    analyze.add_argument("--engine", dest="old_engine", choices=BACKENDS, default=None, help=argparse.SUPPRESS)
    analyze.add_argument("--scheduler", metavar="tcp://host:8786",
                         help="with --backend dask: the scheduler of an existing cluster (default: a local cluster)")
    analyze.add_argument("--read-on", choices=["workers", "here"], default="workers",
                         help="with --backend dask: read the corpus on the workers, in partitions (default; they must "
                              "see the same path), or here, sending the texts to them")
    analyze.add_argument("--no-cache", action="store_true", help="analyse every article again instead of reusing cached results")
    analyze.add_argument("--cache-dir", help="where cached per-article results live (default: $SOURCEBOOK_CACHE or ~/.cache/sourcebook)")
    analyze.add_argument("--time-budget", type=float, metavar="SECONDS", default=None,
                         help="an article whose analysis takes longer is set aside and listed as not analysed "
                              "(default: 120; 0: no limit)")
    analyze.add_argument("--corrections", metavar="CSV", help="hand corrections of attribution rows (article_id, start, end, "
                         "source_type and/or source_name; source_type 'not an attribution' removes a row)")
    _column_options(analyze)
    analyze.set_defaults(func=cmd_analyze)

    from .parameters import help_text

    render = sub.add_parser("render", help="render the notebooks into offline HTML reports", epilog=help_text(),
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    render.add_argument("path", nargs="?", default="seeds", help="the corpus (default: seeds)")
    render.add_argument("--out", default="reports", help="output folder (default: reports)")
    render.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"), help="a notebook parameter (listed below)")
    render.add_argument("-f", "--params-file", action="append", metavar="YAML", help="notebook parameters from a YAML file")
    render.add_argument("--notebooks", metavar="01,03", help="only these notebooks (numbers or names)")
    render.add_argument("--notebooks-dir", help=argparse.SUPPRESS)
    render.add_argument("--log", metavar="FILE", help="also append progress to this log file")
    render.add_argument("--corrections", metavar="CSV", help="hand corrections of attribution rows, as for analyze")
    render.add_argument("--time-budget", type=float, metavar="SECONDS", default=None,
                        help="seconds one article may take before it is set aside (default: 120; 0: no limit)")
    render.set_defaults(func=cmd_render)

    evaluate = sub.add_parser("evaluate-attribution", help="precision and recall of attribution types on a gold set")
    evaluate.add_argument("gold", help="passages (.jsonl, see tests/data/gold/GUIDELINES.md) or sentences (.csv with id, style, context, sentence, expected)")
    evaluate.add_argument("--errors", action="store_true", help="also list the sentences where the types differ")
    evaluate.add_argument("--corpus", metavar="PATH",
                          help="read the passages among this corpus's articles (roles across articles from all of them, as in a run)")
    evaluate.set_defaults(func=cmd_evaluate)

    certainty = sub.add_parser("evaluate-certainty", help="precision and recall of the certainty rules on a gold set")
    certainty.add_argument("gold", help="sentences (.jsonl with id, sentence, certainty, denial; see tests/data/gold/CERTAINTY.md)")
    certainty.add_argument("--errors", action="store_true", help="also list the sentences where the rules differ from the gold")
    certainty.set_defaults(func=cmd_evaluate_certainty)
    return parser


def _stop_on_sigterm() -> None:
    """A scheduler's kill (SIGTERM, as cron's timeout or systemd send) stops the run as Ctrl-C does: the partial
    run is kept aside as reports-failed-<time>/, the last good report is untouched, and the exit is 143."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum, _frame):
        print("sourcebook: terminated", file=sys.stderr, flush=True)
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    # A shell starts a background job with SIGINT ignored, and Python keeps it so: a render started from a script
    # with "&" could then not be interrupted. Ctrl-C (or a SIGINT sent to it) stops the run wherever it starts.
    signal.signal(signal.SIGINT, signal.default_int_handler)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _stop_on_sigterm()
    budget = getattr(args, "time_budget", None)
    if budget is not None:
        if budget < 0:
            print("sourcebook: error: --time-budget must be 0 (no limit) or more seconds", file=sys.stderr)
            return 2
        os.environ["SOURCEBOOK_TIME_BUDGET"] = str(budget)  # worker processes inherit it
    try:
        return args.func(args)
    except SourcebookError as exc:
        print(f"sourcebook: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # an output folder or log file that cannot be written
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"sourcebook: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sourcebook: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

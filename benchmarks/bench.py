"""Measure Sourcebook's speed and memory: ``python benchmarks/bench.py --articles 1000``.

Builds a corpus of N varied, realistic news articles (dates over several years,
many outlets, attributions of every type, tone words; no two alike, so nothing
is deduplicated away), or reads a real one with ``--corpus``, then prints a
table and one JSON line:

- the full pipeline on all N articles, as ``sourcebook analyze`` runs it
  (``analyze_to_folder``: both sentiment engines, sourcing, tables written batch
  by batch, the cache filled), and the peak resident memory of that run (main
  process and largest worker);
- per-stage rates on the first ``--sample`` articles: split, tone (TextBlob,
  VADER), sourcing, certainty, claims, the whole per-article analysis on one
  core, the analysis with TextBlob only (both cores, the corpus passes
  included), and writing its tables;
- the baseline a user would write, on all N: split, then
  ``TextBlob(sentence).sentiment`` one sentence at a time, in one process; the
  analyses are reported as ratios to it;
- with ``--incremental``: the same run again after adding one article (the cache
  the full run filled answers for the rest);
- with ``--render``: the wall time of a full ``sourcebook render`` and of each
  notebook, beside the time papermill takes to run an empty notebook, and the
  size of each HTML report.

This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from helpers.analysis import analyze, analyze_to_folder  # noqa: E402
from helpers.store import write_tables  # noqa: E402
from helpers.article import analyze_article  # noqa: E402
from helpers.attribution import extract_article  # noqa: E402
from helpers.certainty import classify as classify_certainty  # noqa: E402
from helpers.claims.ledger import rows_for_article as claim_rows  # noqa: E402
from helpers.corpus import load_corpus  # noqa: E402
from helpers.sentiment import ENGINES, score_texts  # noqa: E402
from helpers.text import split_sentences  # noqa: E402

OUTLETS = ["Reuters", "Global Times", "Electrek", "Oilprice.com", "The Daily Post", "Metro Herald", "Teslarati",
           "Caixin", "Bloomberg", "Channel News Asia", "Xinhua", "The Verge", "Financial Review", "City Tribune"]
COMPANIES = ["Tesla", "BYD", "Nio", "Volkswagen", "Toyota", "Xpeng", "Ford", "General Motors", "CATL", "Rivian"]
PEOPLE = ["Wu Shuocheng", "Jane Roe", "Tao Lin", "Maria Lopez", "Chen Wei", "Peter Hale", "Aiko Tanaka", "Omar Haddad"]
PLACES = ["Shanghai", "Berlin", "Texas", "Chongqing", "Guangzhou", "Nevada", "Hungary", "Mexico"]
BANKS = ["Morgan Stanley", "Goldman Sachs", "UBS", "Citi", "Jefferies", "Bernstein"]
OFFICIALS = ["the Ministry of Commerce", "city officials", "the regulator", "Liangjiang New Area officials", "police"]
TONE = ["strong", "weak", "disappointing", "impressive", "uncertain", "remarkable", "troubled", "excellent", "poor",
        "steady", "worrying", "brilliant", "slow", "fast", "risky", "promising"]
TEMPLATES = [
    "{company} said on {weekday} that output at its {place} plant rose {pct}% to {num} vehicles, a {tone} result.",
    "The update was reported by {outlet}, citing people familiar with the matter.",
    "\"We expect a {tone} quarter,\" {person}, an analyst at {bank}, told {outlet}.",
    "According to {official}, the {place} project will be reviewed before {month}.",
    "A user posted a photo of the {place} factory on Weibo, while others said the line looked {tone}.",
    "{company} declined to comment on the report.",
    "Shares of {company} fell {pct}% in early trading after the {tone} forecast.",
    "{bank} said demand in {place} could reach {num} units by {year}.",
    "Officials at {official_body} confirmed the meeting, according to an official statement.",
    "{company} CEO {person} wrote on Twitter that the {place} expansion was {tone}.",
    "Sales of {num} cars in {month} were {tone}, the company said.",
    "Insiders say the plan for {place} has been {tone} for months.",
    "The plant employs {num} workers and covers {pct} hectares near {place}.",
    "Analysts expect prices to stay {tone} through {year}.",
    "Production for export will start in Q{q}, and shipments are likely by the end of {year}.",
    "I think the {place} factory is {tone}, but the numbers will tell.",
    "Local residents said traffic near the {place} site had become {tone}.",
    "{outlet} first reported the talks in {month}.",
]
# Sentences that credit no one: context, background, description. Real coverage is mostly these
# (the climate corpus in ../shared/corpora: about 25 words a sentence, one attribution per three sentences).
BACKGROUND = [
    "The {place} plant, which opened in {year}, was built in less than a year on land that had been farmland, "
    "and its second phase is due to add a paint shop and a battery line.",
    "Electric cars made up about {pct}% of new-car sales in {place} last year, up from a small share only five years "
    "earlier, as charging networks spread and prices came down.",
    "The {tone} numbers come at a time when the wider car market is shrinking and price cuts by rivals have squeezed "
    "margins across the industry.",
    "Construction crews worked through the winter, and the first cars rolled off the line in {month}, several weeks "
    "ahead of the schedule that had been set when the project was first announced.",
    "The project is part of a broader push to build more of the supply chain close to customers, from battery cells "
    "to the aluminium castings that form the body of each car.",
    "Over the past {pct} months the company has cut prices twice in {place}, raised them once, and introduced a "
    "cheaper version of its best-selling model with a smaller battery.",
    "Shipping bottlenecks, a shortage of chips and rising prices for lithium have all weighed on output at plants "
    "around the world since {year}.",
    "The factory sits in a free-trade zone on the edge of {place}, where land, power and tax terms were offered to "
    "draw foreign manufacturers.",
    "Demand for larger cars has held up better than for small ones, and the {tone} trend has shaped which models "
    "are built first on the new lines.",
    "In {month}, the plant produced roughly {num} vehicles, a figure that includes cars built for export to Europe "
    "and the rest of Asia.",
    "The site employs engineers, line workers and logistics staff, many of them hired from nearby technical "
    "colleges in the months before production began.",
    "Prices for the base model start at about {num} dollars before subsidies, which vary from one market to the "
    "next and have been reduced in several of them.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "April", "June", "July", "September", "October", "December"]


def make_article(rng: random.Random, index: int) -> dict:
    """One article of about 600 words, built from varied sentences; ``index`` keeps every article distinct."""
    year = rng.randint(2017, 2024)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    paragraphs, words = [], 0
    while words < 600:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            template = rng.choice(TEMPLATES if rng.random() < 0.4 else BACKGROUND)
            sentence = template.format(
                company=rng.choice(COMPANIES), weekday=rng.choice(WEEKDAYS), place=rng.choice(PLACES),
                pct=rng.randint(1, 40), num=f"{rng.randint(1, 900):,}{rng.choice(['', ',000'])}", tone=rng.choice(TONE),
                outlet=rng.choice(OUTLETS), person=rng.choice(PEOPLE), bank=rng.choice(BANKS),
                official=rng.choice(OFFICIALS), official_body=rng.choice(["the Ministry of Industry", "the city council"]),
                month=rng.choice(MONTHS), year=year + rng.randint(0, 2), q=rng.randint(1, 4),
            )
            sentences.append(sentence)
            words += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    paragraphs.append(f"Reference {index}-{rng.randint(0, 10**9)}.")
    return {"id": f"a{index:07d}", "date": date, "outlet": rng.choice(OUTLETS), "text": "\n\n".join(paragraphs)}


def write_corpus(n: int, folder: Path, seed: int = 7) -> Path:
    """N synthetic articles as one TSV file (text fields have no tabs or newlines escaped away: JSONL is used)."""
    rng = random.Random(seed)
    path = folder / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for index in range(n):
            handle.write(json.dumps(make_article(rng, index)) + "\n")
    return path


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeMemory:
    """Samples the memory of this process and all its descendants (the workers) twice a second.

    Uses PSS from ``/proc/PID/smaps_rollup``: pages shared between processes (a forked
    worker shares the corpus with its parent) are counted once, split between them,
    so the sum is what the machine really holds. This process's own peak is kept too, as PSS and as
    RSS (its resident size, pages it shares with the workers included), for the sampled stretch alone.
    Linux only; elsewhere it reports nothing.
    """

    def __init__(self):
        import threading

        self.peak_total = self.peak_workers = self.peak_main_pss = self.peak_main_rss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree(root: int) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = open(f"/proc/{entry}/stat").read()
                    parent = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
                children.setdefault(parent, []).append(int(entry))
        found, todo = [], [root]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    @staticmethod
    def _sizes_mb(pid: int) -> tuple[float, float]:
        """(PSS, RSS) of one process, in MB."""
        found = {}
        try:
            for line in open(f"/proc/{pid}/smaps_rollup"):
                if line.startswith(("Pss:", "Rss:")):
                    found[line[:3]] = int(line.split()[1]) / 1024
        except OSError:
            pass
        return found.get("Pss", 0.0), found.get("Rss", 0.0)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.5):
            sizes = {pid: self._sizes_mb(pid) for pid in self._tree(me)}
            pss = {pid: size[0] for pid, size in sizes.items()}
            self.peak_total = max(self.peak_total, sum(pss.values()))
            self.peak_workers = max(self.peak_workers, sum(v for pid, v in pss.items() if pid != me))
            self.peak_main_pss = max(self.peak_main_pss, pss.get(me, 0.0))
            self.peak_main_rss = max(self.peak_main_rss, sizes.get(me, (0.0, 0.0))[1])

    def __enter__(self):
        if os.path.exists("/proc/self/smaps_rollup"):
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def timed(label, results, units, function, *args):
    start = time.perf_counter()
    value = function(*args)
    seconds = time.perf_counter() - start
    results.append({"stage": label, "seconds": round(seconds, 3), **{k: (round(v / seconds, 1) if seconds else None)
                    for k, v in units(value).items()}})
    return value


def baseline(texts: list[str]) -> int:
    """The plain loop: split, then TextBlob(sentence).sentiment one sentence at a time."""
    from textblob import TextBlob

    count = 0
    for text in texts:
        for span in split_sentences(text):
            _ = TextBlob(span.text).sentiment  # the call a user would write, one sentence at a time
            count += 1
    return count


def render_times(corpus: Path, work: Path) -> dict:
    import nbformat
    import papermill

    from helpers.render import ensure_kernel, render

    kernel = ensure_kernel()
    empty = work / "empty.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), empty)
    start = time.perf_counter()
    papermill.execute_notebook(str(empty), str(work / "empty-out.ipynb"), kernel_name=kernel, progress_bar=False)
    empty_seconds = time.perf_counter() - start
    os.environ["SOURCEBOOK_CACHE"] = str(work / "cache")  # the render finds the articles the full run analysed
    start = time.perf_counter()
    result = render(str(corpus), str(work / "reports"), say=lambda message: None)
    total = time.perf_counter() - start
    sizes = {p.name: round(p.stat().st_size / 1e6, 2) for p in (work / "reports").glob("*.html")} if result.ok else {}
    return {"render_total_s": round(total, 2), "empty_notebook_s": round(empty_seconds, 2),
            "notebooks": {n.name: n.seconds for n in result.notebooks}, "html_mb": sizes, "ok": result.ok}


def incremental(source: Path, work: Path, cold_load: float, cold_seconds: float) -> dict:
    """What a user's re-run costs after one new article: read the corpus again and analyse it, both with the cache.

    The new article goes into the middle of the corpus file, as a new row inserted
    in a table would (every row after it moves down one line). Times are given for
    the analysis alone and with reading the corpus.
    """
    from helpers.cache import AnalysisCache

    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    extra = json.loads(lines[0])
    extra["id"] = "one-more"
    extra["text"] += "\n\nA new paragraph, officials said on Friday."
    middle = len(lines) // 2
    grown_file = work / f"grown{source.suffix}"
    grown_file.write_text("".join(lines[:middle] + [json.dumps(extra) + "\n"] + lines[middle:]), encoding="utf-8")
    cache = AnalysisCache(work / "cache")
    start = time.perf_counter()
    grown = load_corpus(grown_file, cache=cache)
    load_seconds = time.perf_counter() - start
    start = time.perf_counter()
    analyze_to_folder(grown, work / "tables-again", cache=cache)
    warm = time.perf_counter() - start
    return {"cold_s": round(cold_seconds, 2), "warm_s": round(warm, 2), "speedup": round(cold_seconds / warm, 1),
            "with_loading": {"cold_s": round(cold_load + cold_seconds, 2), "warm_s": round(load_seconds + warm, 2),
                             "speedup": round((cold_load + cold_seconds) / (load_seconds + warm), 1),
                             "load_cold_s": round(cold_load, 2), "load_warm_s": round(load_seconds, 2)}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles to build (default 1000)")
    parser.add_argument("--corpus", help="benchmark a real corpus instead (folder or file)")
    parser.add_argument("--sample", type=int, default=2000,
                        help="articles for the per-stage timings (default 2000; the full run uses them all)")
    parser.add_argument("--render", action="store_true", help="also time a full render of the notebooks")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline loop")
    parser.add_argument("--incremental", action="store_true",
                        help="also time a cached re-analysis after adding one article to the corpus")
    parser.add_argument("--adversarial", action="store_true",
                        help="instead: time the shapes of text that break naive rules at two sizes (benchmarks/adversarial.py)")
    args, rest = parser.parse_known_args(argv)
    if args.adversarial:
        import adversarial

        return adversarial.main(rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")

    from helpers.cache import AnalysisCache

    if args.incremental and args.corpus and not args.corpus.endswith(".jsonl"):
        parser.error("--incremental inserts an article into a .jsonl corpus; give one, or no --corpus")
    work = Path(tempfile.mkdtemp(prefix="sourcebook-bench-"))
    source = Path(args.corpus) if args.corpus else write_corpus(args.articles, work)
    results: list[dict] = []
    # Read as a user's first run does: through an empty cache, which keeps each article as loaded.
    corpus = timed("load", results, lambda c: {"articles_per_s": len(c.articles)},
                   lambda: load_corpus(source, cache=AnalysisCache(work / "cache")))
    load_seconds = results[-1]["seconds"]
    peak_load = peak_rss_mb()  # the process's peak so far: reading the corpus (and building it, without --corpus)
    n = len(corpus.articles)
    texts = list(corpus.articles["text"][: args.sample])
    m = len(texts)
    sample = type(corpus)(corpus.articles.iloc[:m].copy(), corpus.rejected.iloc[0:0])
    # The full pipeline first, on every article, so the peak memory below is its own; it drops the corpus's texts
    # before the corpus passes, as `sourcebook analyze` does.
    start = time.perf_counter()
    with TreeMemory() as tree:
        written = timed("analyze to folder (all articles, both engines)", results,
                        lambda w: {"articles_per_s": w.counts["analysed"]},
                        lambda: analyze_to_folder(corpus, work / "tables", ENGINES, cache=AnalysisCache(work / "cache"),
                                                  release_texts=True))
    cold_seconds = time.perf_counter() - start
    peak_main = peak_rss_mb()

    spans = timed(f"split ({m} articles)", results, lambda s: {"articles_per_s": m, "sentences_per_s": sum(map(len, s))},
                  lambda: [split_sentences(t) for t in texts])
    sentences = [span.text for article in spans for span in article]
    timed(f"tone textblob ({m})", results, lambda _: {"articles_per_s": m, "sentences_per_s": len(sentences)},
          score_texts, sentences, "textblob")
    timed(f"tone vader ({m})", results, lambda _: {"articles_per_s": m, "sentences_per_s": len(sentences)},
          score_texts, sentences, "vader")
    found = timed(f"sourcing ({m})", results,
                  lambda f: {"articles_per_s": m, "attributions_per_s": sum(len(x) for a in f for x in a)},
                  lambda: [extract_article([s.text for s in article]) for article in spans])
    levels = timed(f"certainty ({m})", results, lambda _: {"articles_per_s": m, "sentences_per_s": len(sentences)},
                   lambda: [[classify_certainty(s.text).level for s in article] for article in spans])
    timed(f"claims, per article ({m})", results, lambda _: {"articles_per_s": m, "sentences_per_s": len(sentences)},
          lambda: [claim_rows(article, level) for article, level in zip(spans, levels)])
    # The whole per-article analysis on one core: the stages above plus building the rows; what it adds to their
    # sum is the row building, and what the two-core analysis below adds to half of it is the batches, the process
    # handoff and the corpus passes (roles across articles, threading the claims).
    timed(f"per-article analysis, textblob, one core ({m})", results, lambda _: {"articles_per_s": m},
          lambda: [analyze_article(t, ("textblob",)) for t in texts])
    sample_analysis = timed(f"analyze, textblob + sourcing ({m})", results, lambda a: {"articles_per_s": len(a.articles)},
                            analyze, sample, ("textblob",))
    timed(f"write tables ({m})", results, lambda _: {"articles_per_s": m, "sentences_per_s": len(sample_analysis.sentences)},
          write_tables, sample_analysis, work / "sample-tables")
    if not args.no_baseline:
        timed(f"baseline: split + TextBlob per sentence ({n})", results,
              lambda c: {"articles_per_s": n, "sentences_per_s": c}, baseline,
              # read again (through the cache): the full run dropped the texts it had analysed
              list(load_corpus(source, cache=AnalysisCache(work / "cache")).articles["text"]))
    rates = {r["stage"].split(" (")[0]: r.get("articles_per_s") for r in results}
    summary = {
        "articles": n,
        "sample": m,
        "sentences_in_sample": len(sentences),
        "attributions_in_sample": sum(len(x) for a in found for x in a),
        "rows_written": written.rows,
        "stages": results,
        # main_process_rss is the process's peak since it started (ru_maxrss: loading included); the others are
        # sampled during the full run only.
        "peak_memory_mb": {"main_process_rss": round(peak_main, 1), "all_processes_pss": round(tree.peak_total, 1),
                           "workers_pss": round(tree.peak_workers, 1), "load_rss": round(peak_load, 1),
                           "run_main_rss": round(tree.peak_main_rss, 1), "run_main_pss": round(tree.peak_main_pss, 1)},
    }
    base = rates.get("baseline: split + TextBlob per sentence")
    if base:
        summary["vs_baseline"] = {
            "analyze to folder (both engines)": round(rates["analyze to folder"] / base, 2),
            "textblob + sourcing": round(rates["analyze, textblob + sourcing"] / base, 2),
        }
    if args.incremental:
        summary["incremental"] = incremental(source, work, load_seconds, cold_seconds)
    if args.render:
        summary["render"] = render_times(source, work)

    print(f"Sourcebook benchmark: {n} articles ({written.rows['sentences']} sentence scores, "
          f"{written.rows['attributions']} attributions written); per-stage timings on {m} articles")
    print(f"{'stage':52} {'seconds':>9} {'articles/s':>11} {'sentences/s':>12} {'attributions/s':>15}")
    for row in results:
        print(f"{row['stage']:52} {row['seconds']:>9.2f} {row.get('articles_per_s') or '':>11} "
              f"{row.get('sentences_per_s') or '':>12} {row.get('attributions_per_s') or '':>15}")
    for label, ratio in summary.get("vs_baseline", {}).items():
        print(f"{label} vs baseline: {ratio}x the baseline's articles per second")
    memory = summary["peak_memory_mb"]
    print(f"peak memory of the full run: {memory['all_processes_pss']} MB for all processes together "
          f"(PSS, shared pages counted once; workers {memory['workers_pss']} MB); the main process "
          f"{memory['run_main_rss']} MB resident ({memory['run_main_pss']} MB PSS); loading the corpus "
          f"{memory['load_rss']} MB resident; the main process's peak over everything {memory['main_process_rss']} MB")
    if args.incremental:
        inc = summary["incremental"]
        both = inc["with_loading"]
        print(f"incremental: analysis with an empty cache {inc['cold_s']} s; after adding one article "
              f"{inc['warm_s']} s ({inc['speedup']}x faster). With loading the corpus: {both['cold_s']} s, then "
              f"{both['warm_s']} s ({both['speedup']}x faster)")
    if args.render:
        r = summary["render"]
        print(f"render: {r['render_total_s']} s in all; per notebook {r['notebooks']}; "
              f"an empty notebook under papermill: {r['empty_notebook_s']} s; HTML sizes (MB) {r['html_mb']}")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

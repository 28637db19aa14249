"""One article to its rows: sentences with their scores, attributions and claims.

``analyze_article(text)`` is the whole per-article analysis; everything else in
a run (batches, worker processes, storage) only moves its results around. Its
code, with the modules it calls (``text``, ``sentiment``, ``tone_exact``,
``attribution``, ``certainty``, ``claims``) and ``batch``, is what the analysis
cache's key covers (``cache.analyzer_version``).

``safe_analyze`` wraps it for a run: an article that fails, or that takes longer
than the time budget, comes back as ``("error", reason)`` and is listed as not
analysed, never raised across processes.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from functools import lru_cache

from .attribution import ATTRIBUTION_COLUMNS, extract_article
from .certainty import classify as classify_certainty
from .claims.ledger import rows_for_article as claim_rows
from .sentiment import ENGINES, score_texts
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


def analyze_article(text: str, engines: tuple[str, ...] = ENGINES) -> tuple[dict, dict, list, dict]:
    """Sentences (with scores per engine), attributions and claims of one article text.

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


def texts_to_score(texts: list[str], languages: list | None) -> list[str]:
    """The texts the English rules and lexicons read: an article in another language is analysed as empty (no
    sentences, no attributions, no tone) rather than scored neutral and unsourced; the loader's warning says why."""
    if languages is None:
        return texts
    return [text if language in ("en", "", None) or language != language else "" for text, language
            in zip(texts, languages)]


# --- one article within a run: a time budget, and failures reported, not raised ----------------

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


@lru_cache(maxsize=None)
def prepare(engines: tuple[str, ...]) -> None:
    """Import and load what the analysis loads on first use (TextBlob and the NLTK it imports, VADER's lexicon,
    the attribution lexicons), once per process and outside any time budget: a deadline that fired in the middle
    of an import would leave the module half-initialised, and every later article of the process would fail."""
    from .attribution.lexicons import warm_up as warm_lexicons

    warm_lexicons()
    analyze_article("“It was a good day,” the minister said on Monday.", engines)  # every path loaded on first use


def safe_analyze(text: str, engines: tuple[str, ...]):
    """One article's rows, or ('error', reason): a failure or an article over the time budget is reported,
    never raised across processes, and the run goes on."""
    prepare(tuple(engines))
    budget = time_budget()
    try:
        with _deadline(budget):
            return analyze_article(text, engines)
    except _TookTooLong:
        return "error", f"not analysed: took longer than {budget:g} s"
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the corpus
        return "error", f"analysis failed: {type(exc).__name__}: {exc}".splitlines()[0]


def analyze_texts(texts: list[str], engines: tuple[str, ...]) -> list:
    """``safe_analyze`` over several texts: the unit of work a runner hands to one worker."""
    return [safe_analyze(text, engines) for text in texts]


def warm_up() -> None:
    """Build the lexicons' lookup structures before the first article (in each worker process)."""
    import gc

    from .attribution.lexicons import warm_up as warm_lexicons

    warm_lexicons()
    # The lexicons live as long as the worker: the garbage collector need not scan them again after every batch.
    gc.freeze()

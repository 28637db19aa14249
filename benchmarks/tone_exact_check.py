"""Check helpers.tone_exact against TextBlob on real and generated sentences, and time both.

usage: python benchmarks/tone_exact_check.py [--generated N] [--climate TSV] [--polnear JSONL] [--cpu K]

Three checks, each sentence scored by ``textblob.en.sentiment`` and by ``score_sentences`` and compared
with == and bit for bit (``float.hex``):

(a) every sentence (``helpers.text.split_sentences``) of the climate-news TSV (its ``text`` column);
(b) every sentence of the PolNeAR development JSONL (its ``text`` field);
(c) N generated sentences (default 1,000,000), made from the sentences of (a) and (b): words shuffled,
    halves of two sentences spliced, words glued to punctuation, case changed, and negations,
    intensifiers, lexicon words, punctuation runs, emoticons, quotes, contractions, URLs, numbers and
    unicode injected.

Printed: sentences checked, mismatches (must be 0), fallbacks to TextBlob and their share, and the
speed of each scorer in sentences per second on one core (the process is pinned to one CPU when the
platform allows). The real corpora are timed three ways: TextBlob, score_sentences with empty memo
tables (cold) and again (warm). No corpus text is written anywhere; a mismatch in a corpus is reported
by its index only, in generated text with the text itself.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from textblob.en import sentiment as textblob_sentiment  # noqa: E402

from helpers import tone_exact  # noqa: E402
from helpers.text import split_sentences  # noqa: E402

CLIMATE = Path("/work/shared/corpora/climate-news-2017-2019.tsv")
POLNEAR = Path("/work/eval/polnear-dev.jsonl")
BATCH = 10_000


# --- Corpora ---------------------------------------------------------------------------------------


def climate_texts(path: Path) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as f:
        return [row["text"] for row in csv.DictReader(f, delimiter="\t")]


def jsonl_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def sentences_of(texts: Iterable[str]) -> list[str]:
    return [span.text for text in texts for span in split_sentences(text)]


# --- Generated sentences ---------------------------------------------------------------------------


def injections() -> list[str]:
    """Things that steer TextBlob's rules, read from its lexicon where they are words."""
    lexicon = sorted(w for w in dict.keys(textblob_sentiment) if " " not in w)
    modifiers = [w for w in lexicon if "RB" in dict.__getitem__(textblob_sentiment, w)]
    marks = list(".,;:!?()[]{}`'\"@#$^&*+-|=~_/\\<>%") + ["...", "!!", "!!!", "?!", "--", "…", "—", "–"]
    faces = ["<3", ":)", ":-)", ";)", ":(", ":D", "XD", "8)", ":'(", "o.O", "°O°", "♥", "(!)", ": )", "( ! )"]
    other = ["not", "no", "never", "n't", "don't", "isn't", "'s", "'re", "very", "really", "too", "so",
             "Mr.", "U.S.", "e.g.", "etc.", "a.m.", "T.", "http://example.com/a?b=c", "x@example.com",
             "5%", "$3.5bn", "2018)", "(2018", "“", "”", "‘", "’", "😀", "🙂", "é", "İ", "ß", "\u00a0",
             "\u200b", "\ud800", "ｇｏｏｄ", "END-OF-SENTENCE", "\n\n", "\r\n", "\t"]
    return lexicon[::25] + modifiers[::5] + marks + faces + other


class Generator:
    """Varied sentences from real ones (kept in memory only), reproducible from a seed."""

    def __init__(self, sentences: list[str], seed: int = 2017) -> None:
        self.sentences = sentences
        self.words = [s.split() for s in sentences]
        self.inject = injections()
        self.rng = random.Random(seed)

    def __iter__(self) -> Iterator[str]:
        makers = [self.shuffled, self.spliced, self.injected, self.glued, self.recased, self.mixed]
        while True:
            yield self.rng.choice(makers)()

    def _words(self) -> list[str]:
        return list(self.rng.choice(self.words) or ["good"])

    def shuffled(self) -> str:
        words = self._words()
        self.rng.shuffle(words)
        return " ".join(words)

    def spliced(self) -> str:
        a, b = self._words(), self._words()
        return " ".join(a[: self.rng.randint(0, len(a))] + b[self.rng.randint(0, len(b)):])

    def injected(self) -> str:
        words = self._words()
        for _ in range(self.rng.randint(1, 6)):
            words.insert(self.rng.randint(0, len(words)), self.rng.choice(self.inject))
        return " ".join(words)

    def glued(self) -> str:
        words = self._words()
        for _ in range(self.rng.randint(1, 4)):
            i = self.rng.randrange(len(words))
            mark = self.rng.choice(self.inject)
            words[i] = mark + words[i] if self.rng.random() < 0.5 else words[i] + mark
        return " ".join(words)

    def recased(self) -> str:
        text = self.rng.choice(self.sentences)
        how = self.rng.randrange(3)
        if how == 0:
            return text.upper()
        if how == 1:
            return text.title()
        return "".join(c.upper() if self.rng.random() < 0.3 else c.lower() for c in text)

    def mixed(self) -> str:
        words = self._words()
        seps = [" ", " ", " ", "", "\n", "\n\n", "  ", "\t", "\u00a0"]
        extra = [self.rng.choice(self.inject) for _ in range(self.rng.randint(0, 4))]
        words = words[: self.rng.randint(1, 12)] + extra
        self.rng.shuffle(words)
        return "".join(w + self.rng.choice(seps) for w in words)


# --- Checking and timing -----------------------------------------------------------------------------


class Tally:
    def __init__(self, name: str) -> None:
        self.name = name
        self.checked = self.mismatches = self.fallbacks = 0
        self.textblob_seconds = self.fast_seconds = 0.0
        self.examples: list[str] = []

    def check(self, batch: list[str], show_text: bool) -> None:
        start = time.process_time()
        expected = [textblob_sentiment(text) for text in batch]
        self.textblob_seconds += time.process_time() - start
        start = time.process_time()
        polarities, subjectivities, fallbacks = tone_exact.score_sentences(batch)
        self.fast_seconds += time.process_time() - start
        for i, (text, (p, s), fp, fs) in enumerate(zip(batch, expected, polarities, subjectivities)):
            if (p, s) != (fp, fs) or (p.hex(), s.hex()) != (fp.hex(), fs.hex()):
                self.mismatches += 1
                if len(self.examples) < 10:
                    where = repr(text[:300]) if show_text else f"sentence #{self.checked + i}"
                    self.examples.append(f"{where}: textblob {(p, s)} fast {(fp, fs)}")
        self.checked += len(batch)
        self.fallbacks += fallbacks

    def report(self) -> dict:
        share = self.fallbacks / self.checked if self.checked else 0.0
        row = {
            "corpus": self.name, "sentences": self.checked, "mismatches": self.mismatches,
            "fallbacks": self.fallbacks, "fallback_share": round(share, 6),
            "textblob_per_s": round(self.checked / self.textblob_seconds) if self.textblob_seconds else None,
            "fast_per_s": round(self.checked / self.fast_seconds) if self.fast_seconds else None,
        }
        print(f"{self.name}: {self.checked:,} sentences, {self.mismatches} mismatches, "
              f"{self.fallbacks:,} fallbacks ({share:.4%}), TextBlob {row['textblob_per_s']:,}/s, "
              f"score_sentences {row['fast_per_s']:,}/s (x{self.textblob_seconds / self.fast_seconds:.1f}; "
              "batches of 10,000, memo tables as the earlier passes left them)", flush=True)
        for example in self.examples:
            print("  MISMATCH", example)
        return row


def check_all(name: str, sentences: Iterable[str], show_text: bool, total: int | None = None) -> dict:
    tally = Tally(name)
    batch: list[str] = []
    for sentence in sentences:
        batch.append(sentence)
        if len(batch) == BATCH:
            tally.check(batch, show_text)
            batch = []
            if total and tally.checked % 100_000 == 0:
                print(f"  {name}: {tally.checked:,} / {total:,}", flush=True)
    if batch:
        tally.check(batch, show_text)
    return tally.report()


def best_time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def speed(name: str, sentences: list[str]) -> dict:
    """TextBlob vs score_sentences on the same sentences: one pass each, best of three, CPU time."""
    textblob = best_time(lambda: [textblob_sentiment(s) for s in sentences], repeat=2)
    tone_exact.clear_caches()
    start = time.process_time()
    tone_exact.score_sentences(sentences)
    cold = time.process_time() - start
    warm = best_time(lambda: tone_exact.score_sentences(sentences))
    n = len(sentences)
    row = {"corpus": name, "sentences": n, "textblob_per_s": round(n / textblob),
           "cold_per_s": round(n / cold), "warm_per_s": round(n / warm),
           "speedup_cold": round(textblob / cold, 2), "speedup_warm": round(textblob / warm, 2)}
    print(f"speed on {name} ({n:,} sentences): TextBlob {row['textblob_per_s']:,}/s, score_sentences "
          f"{row['cold_per_s']:,}/s cold (x{row['speedup_cold']}), {row['warm_per_s']:,}/s warm "
          f"(x{row['speedup_warm']})", flush=True)
    return row


def pin_to_one_cpu(cpu: int | None) -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    cpus = sorted(os.sched_getaffinity(0))
    chosen = cpu if cpu is not None else cpus[-1]
    os.sched_setaffinity(0, {chosen})
    return f"pinned to CPU {chosen}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=1_000_000, help="generated sentences to check")
    parser.add_argument("--climate", type=Path, default=CLIMATE)
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    parser.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last one)")
    args = parser.parse_args(argv)

    print(f"tone_exact mirrors the installed TextBlob: {tone_exact._MIRRORED}; {pin_to_one_cpu(args.cpu)}")
    textblob_sentiment("warm up")  # Load the lexicon before any timing.
    climate = sentences_of(climate_texts(args.climate)) if args.climate.exists() else []
    polnear = sentences_of(jsonl_texts(args.polnear)) if args.polnear.exists() else []
    rows = {"speed": [], "checks": []}
    for name, sentences in (("climate-news", climate), ("polnear-dev", polnear)):
        if sentences:
            rows["speed"].append(speed(name, sentences))
    rows["checks"].append(check_all("(a) climate-news", climate, show_text=False))
    rows["checks"].append(check_all("(b) polnear-dev", polnear, show_text=False))
    if args.generated:
        pool = climate + polnear or ["Not a very good day, but a great one!"]
        generated = (s for s, _ in zip(Generator(pool), range(args.generated)))
        rows["checks"].append(check_all("(c) generated", generated, show_text=True, total=args.generated))
    print(json.dumps(rows))
    return 1 if any(row["mismatches"] for row in rows["checks"]) else 0


if __name__ == "__main__":
    sys.exit(main())

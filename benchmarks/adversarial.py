"""Shapes of text that break naive rules, timed at two sizes: the analysis must grow linearly.

usage: python benchmarks/adversarial.py [--words N] [--engines textblob,vader]
(or ``make benchmark ARGS="--adversarial"``)

For each shape, one article of about N words and one of 2N words go through the whole per-article
analysis (sentence splitting, every tone engine, sourcing). The ratio of the two times should stay
near 2: a ratio near 4 means some pass is quadratic in the size of the article or of a sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from helpers.article import analyze_article  # noqa: E402
from helpers.attribution.lexicons import warm_up  # noqa: E402


def no_punctuation(n: int) -> str:
    words = ["market", "growth", "data", "officials", "report", "trade", "tariffs", "exports", "factory", "demand"]
    return " ".join(words[i % len(words)] for i in range(n))


def cue_words(n: int) -> str:
    return " ".join(("said", "told", "according", "to", "claimed", "Smith", "said", "that") [i % 8] for i in range(n)) + "."


def names(n: int) -> str:
    first = ["John", "Mary", "Wang", "Li", "Hillary", "Donald", "Elon", "Gao"]
    last = ["Smith", "Jones", "Shouwen", "Feng", "Clinton", "Trump", "Musk", "Chen"]
    people = [f"{first[i % 8]} {last[(i // 8) % 8]}{i}" for i in range(n // 2)]
    return ", ".join(people) + " said the plan would work."


def long_quote(n: int) -> str:
    return '"' + " ".join("we will win and they will lose" .split()[i % 7] for i in range(n)) + '," he said.'


def long_line(n: int) -> str:
    sentence = "The minister said exports rose. Analysts told reporters the data were strong. "
    return sentence * max(1, n // 13)


def nested_brackets(n: int) -> str:
    depth = n // 2
    return "(" * depth + "the official said" + ")" * depth + "."


SHAPES = {
    "no sentence punctuation": no_punctuation,
    "thousands of cue words": cue_words,
    "thousands of names": names,
    "a very long quote": long_quote,
    "a very long line of sentences": long_line,
    "deeply nested brackets": nested_brackets,
}


def timed(text: str, engines: tuple[str, ...]) -> float:
    start = time.perf_counter()
    analyze_article(text, engines)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20000, help="words in the smaller article of each shape (default 20000)")
    parser.add_argument("--engines", default="textblob,vader")
    args = parser.parse_args(argv)
    engines = tuple(e.strip() for e in args.engines.split(",") if e.strip())
    warm_up()
    analyze_article("Warm-up: the minister said so.", engines)
    rows = []
    print(f"Adversarial benchmark: each shape at {args.words:,} and {2 * args.words:,} words, engines {','.join(engines)}")
    print(f"{'shape':34s} {'seconds (N)':>12s} {'seconds (2N)':>13s} {'ratio':>6s}")
    for name, build in SHAPES.items():
        small, large = timed(build(args.words), engines), timed(build(2 * args.words), engines)
        ratio = large / small if small else float("nan")
        rows.append({"shape": name, "seconds_n": round(small, 3), "seconds_2n": round(large, 3), "ratio": round(ratio, 2)})
        print(f"{name:34s} {small:12.2f} {large:13.2f} {ratio:6.2f}")
    print(json.dumps({"words": args.words, "engines": engines, "shapes": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

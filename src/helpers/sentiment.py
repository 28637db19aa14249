"""What tone does each sentence, and each article, take?

Two instruments, kept side by side so a reader can check a trend survives a change of instrument:

- ``textblob`` (the default): TextBlob's pattern-based lexicon. Polarity from -1
  (negative) to +1 (positive), subjectivity from 0 (factual) to 1 (opinion).
  Scores are identical to ``TextBlob(sentence).sentiment``: ``tone_exact`` computes
  them with TextBlob's own lexicon and rules, tokenising each word once per corpus.
- ``vader``: the VADER lexicon (``vaderSentiment``), built for short social
  text. Its ``compound`` score (-1 to +1) is the polarity; it has no subjectivity.

An article's tone is aggregated from its sentences (see ``article_tone``), never
scored in one call over the whole text: a single call lets one long, gushing
paragraph drown out the rest and cannot say *which* sentences carry the tone.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

ENGINES = ("textblob", "vader")

# A sentence is "clearly" negative or positive beyond these polarities.
# TextBlob: 0.1 leaves the many near-zero factual sentences neutral.
# VADER: 0.05 is the threshold its authors recommend for the compound score.
CLEAR_THRESHOLD = {"textblob": 0.1, "vader": 0.05}


def check_engine(engine: str) -> str:
    """Return the engine name, or raise BadParameter listing the choices."""
    from .errors import BadParameter

    if engine not in ENGINES:
        raise BadParameter(f"unknown sentiment engine '{engine}': choose one of {', '.join(ENGINES)}")
    return engine


@lru_cache(maxsize=1)
def _textblob_lexicon():
    # The very function TextBlob(text).sentiment ends in (PatternAnalyzer.analyze -> pattern_sentiment).
    from textblob.en import sentiment as pattern_sentiment

    return pattern_sentiment


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def explain(text: str, engine: str) -> str:
    """The lexicon words that produced a sentence's score, with their values: "greatest +1.00, base -0.80".

    TextBlob's own assessments (``TextBlob(text).sentiment_assessments``: a word, or a modifier and a
    word, with its polarity); for VADER, the words of its lexicon found in the sentence with their
    valence (before VADER's rules for capitals, negation and "but"). A reader can see that "base" (a
    military base) scores -0.8, and discount it.
    """
    if engine == "textblob":
        from textblob import TextBlob

        parts = [(" ".join(words), polarity) for words, polarity, _subjectivity, _label in
                 TextBlob(text).sentiment_assessments.assessments]
    else:
        lexicon = _vader().lexicon
        parts = [(word, lexicon[word.lower()] / 4) for word in text.split() if word.lower().strip(".,;:!?\"'()") in lexicon
                 for word in [word.lower().strip(".,;:!?\"'()")]]
    return ", ".join(f"{words} {value:+.2f}" for words, value in parts)


def textblob_scores(text: str) -> tuple[float, float]:
    """(polarity, subjectivity), exactly as ``TextBlob(text).sentiment``."""
    polarity, subjectivity = _textblob_lexicon()(text)
    return float(polarity), float(subjectivity)


def vader_scores(text: str) -> tuple[float, float]:
    """(compound polarity, NaN): VADER has no subjectivity score."""
    return float(_vader().polarity_scores(text)["compound"]), float("nan")


SCORERS = {"textblob": textblob_scores, "vader": vader_scores}


def score_texts(texts: list[str], engine: str = "textblob") -> tuple[np.ndarray, np.ndarray]:
    """Polarity and subjectivity arrays for a list of sentences.

    TextBlob's scores come from ``tone_exact``: the same numbers, bit for bit, several times faster (it
    hands any sentence it cannot vouch for to TextBlob itself).
    """
    scorer = SCORERS[check_engine(engine)]
    if not texts:
        return np.array([], dtype=float), np.array([], dtype=float)
    if engine == "textblob":
        from .tone_exact import score_sentences

        polarity, subjectivity, _fallbacks = score_sentences(texts)
        return np.asarray(polarity, dtype=float), np.asarray(subjectivity, dtype=float)
    polarity, subjectivity = zip(*(scorer(text) for text in texts))
    return np.asarray(polarity, dtype=float), np.asarray(subjectivity, dtype=float)


def article_tone(sentences: pd.DataFrame) -> pd.DataFrame:
    """Aggregate sentence scores to one row per article and engine.

    ``sentences`` needs ``article_id, engine, text, polarity, subjectivity``.
    Returns ``article_id, engine, polarity, subjectivity, share_negative,
    share_positive, n_sentences`` where polarity and subjectivity are means
    weighted by each sentence's length in words (a one-word heading does not
    weigh as much as a long paragraph sentence), and the shares count the
    sentences beyond the engine's clear threshold.
    """
    columns = ["article_id", "engine", "polarity", "subjectivity", "share_negative", "share_positive", "n_sentences"]
    if sentences.empty:
        return pd.DataFrame(columns=columns)
    if "n_words" in sentences:
        frame = sentences[["article_id", "engine", "n_words", "polarity", "subjectivity"]].copy()
        frame["weight"] = frame["n_words"].clip(lower=1).astype(float)
    else:
        frame = sentences[["article_id", "engine", "text", "polarity", "subjectivity"]].copy()
        frame["weight"] = frame["text"].str.split().str.len().clip(lower=1).astype(float)
    threshold = frame["engine"].map(CLEAR_THRESHOLD).astype(float)
    frame["negative"] = (frame["polarity"] <= -threshold).astype(float)
    frame["positive"] = (frame["polarity"] >= threshold).astype(float)
    frame["wp"] = frame["polarity"] * frame["weight"]
    frame["ws"] = frame["subjectivity"] * frame["weight"]
    grouped = frame.groupby(["article_id", "engine"], sort=True)
    sums = grouped[["wp", "ws", "weight", "negative", "positive"]].sum(min_count=1)
    counts = grouped.size()
    out = pd.DataFrame(
        {
            "polarity": sums["wp"] / sums["weight"],
            "subjectivity": sums["ws"] / sums["weight"],
            "share_negative": sums["negative"] / counts,
            "share_positive": sums["positive"] / counts,
            "n_sentences": counts,
        }
    ).reset_index()
    return out[columns]


TONE_MEASURES = ("polarity", "subjectivity", "share_negative", "share_positive")


def tone_columns(engine: str) -> list[tuple[str, str]]:
    """The ``articles`` table's tone columns for one engine: (measure of ``article_tone``, column), such as
    ("polarity", "polarity_vader"). VADER has no subjectivity, so it has no such column."""
    return [(measure, f"{measure}_{engine}") for measure in TONE_MEASURES
            if not (engine == "vader" and measure == "subjectivity")]


def add_article_tone(articles: pd.DataFrame, sentences: pd.DataFrame, engines) -> pd.DataFrame:
    """Set the tone columns of ``articles`` for each engine from ``sentences`` (see ``article_tone``); an
    article without sentences gets NaN. Changes ``articles`` in place and returns it."""
    tone = article_tone(sentences)
    for engine in engines:
        part = tone[tone["engine"] == engine].set_index("article_id")
        for measure, column in tone_columns(engine):
            articles[column] = articles["article_id"].map(part[measure]).astype(float)
    return articles

"""Which language is an article written in?

Tone (TextBlob, VADER), sourcing, certainty and claims are measured with English lexicons and
rules: an article in another language would come out "neutral" and "unsourced", which is wrong
rather than empty. Each article's language is detected offline with py3langid (its model ships
in the wheel); an article is taken as not English only when the detector is sure, so that a
short or mixed English article is never dropped from the analysis.
"""

from __future__ import annotations

import functools
import re

ENGLISH = "en"
SAMPLE = 1000  # characters read: the opening of an article decides its language, and a 6 MB text costs no more
SURE = 0.98  # the probability py3langid must give another language before an article is taken as not English
FEWEST_LETTERS = 40  # below this, a text is too short to call


# Words that make up a large share of any English text and of almost no other language's: a sample where they do is
# English without asking the detector (which costs about ten times as much).
_ENGLISH_WORDS = frozenset("the of and to in is that for it was on with as he said by at from his be are have has an "
                           "this not but they were which their will been who its would".split())
_WORD_RE = re.compile(r"[a-z]+")


def _plainly_english(sample: str) -> bool:
    words = _WORD_RE.findall(sample.lower())
    if len(words) < 20:
        return False
    return sum(word in _ENGLISH_WORDS for word in words) >= 0.2 * len(words)


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of the text's language; ``("en", 0.0)`` when too short to tell.

    A text is given another language than English only when py3langid is at least ``SURE`` of it.
    """
    sample = text[:SAMPLE]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < FEWEST_LETTERS:
        return ENGLISH, 0.0
    if _plainly_english(sample):
        return ENGLISH, 1.0
    code, probability = _identifier().classify(sample)
    if code != ENGLISH and probability < SURE:
        # Unsure between languages of one script is kept as English; a text mostly in another script (Han, Cyrillic,
        # Arabic...) is not English whatever the detector's doubt between, say, Chinese and Japanese.
        latin = sum(ch.isascii() for ch in sample if ch.isalpha())
        if latin >= letters / 2:
            return ENGLISH, float(probability)
    return code, float(probability)


def is_english(code: str) -> bool:
    return not code or code == ENGLISH

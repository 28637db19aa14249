"""Words of a sentence with their offsets and a part-of-speech tag.

The tag is the most frequent one TextBlob's bundled lexicon (pattern's, offline) gives the word,
with pattern's own fallbacks for unknown words (capitalised: proper noun; digits: number; suffix
rules). No contextual rules: they cost twenty times as much and the sourcing rules look at the words
around a cue themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .lexicons import tagger_lexicon

# Abbreviations that keep their full stop as part of the word.
_ABBREVIATION = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Reps|Sens|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Jr|Sr|St|Adm|Maj|Cmdr|Supt|Det|Insp|"
    r"Pres|Sec|Mt|Ft|Inc|Corp|Co|Ltd|Bros|Dept|Gov't|No|Vol|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\."
)
_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S. D.C. U.N.
    rf"|{_ABBREVIATION}(?!\w)"
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: "J. K."
    r"|@\w+"
    r"|\w+\.(?:com|cn|org|net|io|co)\b"  # JD.com
    r"|\d+(?:[.,:]\d+)+"  # 88,000 and 3.5 and 10:35: one number
    r"|\w+(?:[-&]\w+)*(?:['’]\w+)*"
    r"|[^\w\s]"
)
_POSSESSIVE_RE = re.compile(r"^(.+?)(['’](?:[sS]|re|ve|ll|d|m)|n['’]t)$")
_CD_RE = re.compile(r"^[\d.,:/%$-]+$")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    tag: str
    lower: str  # the text in lower case, computed once


def _suffix_tag(word: str) -> str:
    lowered = word.lower()
    if lowered.endswith("ly"):
        return "RB"
    if lowered.endswith("ing"):
        return "VBG"
    if lowered.endswith("ed"):
        return "VBD"
    if lowered.endswith("s") and not lowered.endswith("ss"):
        return "NNS"
    return "NN"


_NOT_POSSESSIVE = frozenset({"it", "that", "there", "here", "what", "who", "he", "she", "let"})
_new_token = tuple.__new__  # a Token without NamedTuple's Python-level __new__: a third of the time of a sentence
_WORDS: dict[str, tuple[str, str] | None] = {}  # word -> (tag not first in the sentence, lower case); None: see _add_token
_PLURAL_POSSESSIVE_AFTER = re.compile(r"\s+\w")


def tokenize(sentence: str) -> list[Token]:
    """The sentence's tokens, each with offsets into the sentence and a tag; "Clinton's" is two tokens."""
    out: list[Token] = []
    matches = _TOKEN_RE.finditer(sentence)
    for match in matches:
        _add_token(out, sentence, match)  # the first word, tagged as a sentence's first word is
        break
    # Every other word: its tag and lower case from the per-word table, but for the words with an apostrophe
    # (None in the table), which _add_token reads as the first word is.
    append = out.append
    words = _WORDS
    for match in matches:
        word = match.group()
        known = words.get(word, False)
        if known is False:
            if len(words) > 262144:
                words.clear()
            known = words[word] = None if "'" in word or "’" in word else (_tag(word, False), word.lower())
        if known is None:
            _add_token(out, sentence, match)
            continue
        start, end = match.span()
        append(_new_token(Token, (start, end, word, known[0], known[1])))
    return out


def _add_token(out: list[Token], sentence: str, match: re.Match) -> None:
    """The token(s) of one word, read in full: "Clinton's" is two tokens; "’" after a plural can be a possessive."""
    word = match.group()
    start, end = match.span()
    append = out.append
    if "'" in word or "’" in word:
        possessive = _POSSESSIVE_RE.match(word)
        if possessive and possessive.group(1).lower() not in _NOT_POSSESSIVE:
            head = possessive.group(1)
            append(_new_token(Token, (start, start + len(head), head, _tag(head, not out), head.lower())))
            tail = possessive.group(2)
            append(_new_token(Token, (start + len(head), end, tail, _tag(tail, False), tail.lower())))
            return
    tag, lower = _tag(word, not out), word.lower()
    if word == "’" and out and out[-1].end == start and out[-1].lower.endswith("s") and \
            _PLURAL_POSSESSIVE_AFTER.match(sentence, end):
        tag = "POS"  # "Sanders’ campaign manager": a plural possessive, as the straight "Sanders' campaign"
    append(_new_token(Token, (start, end, word, tag, lower)))


@lru_cache(maxsize=262144)
def _tag(word: str, first: bool) -> str:
    return _tag_word(word, first, tagger_lexicon())


def _tag_word(word: str, first: bool, lexicon: dict) -> str:
    if word in ("'s", "’s", "'S", "’S"):
        return "POS"
    if word[:1] in "'’" and len(word) > 1 or word in ("n't", "n’t"):
        return {"re": "VBP", "ve": "VBP", "ll": "MD", "d": "MD", "m": "VBP"}.get(word[1:].lower(), "RB")
    tag = lexicon.get(word)
    if tag is None and (first or word.isupper()):
        tag = lexicon.get(word.lower())
        if tag is not None and first and word[:1].isupper() and tag.startswith("NNP"):
            tag = "NNP"
    if tag is None:
        if word[:1].isupper() and any(c.islower() for c in word[1:]) or (word.isupper() and len(word) > 1 and word.isalpha()):
            tag = "NNP"
        elif _CD_RE.match(word):
            tag = "CD"
        elif word[:1].isalpha():
            tag = _suffix_tag(word)
        else:
            tag = word if len(word) == 1 else "SYM"
    return tag


def is_capitalised(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() or (first == "@" and len(token.text) > 1)

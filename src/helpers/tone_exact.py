"""TextBlob's sentence sentiment, bit for bit, several times faster.

``score_sentences(texts)`` returns, for every text, exactly the ``(polarity, subjectivity)`` of
``textblob.en.sentiment(text)`` (what ``TextBlob(text).sentiment`` ends in: ``PatternAnalyzer.analyze``
-> ``textblob._text.Sentiment.__call__``), plus how many texts were handed to TextBlob itself because
the fast path could not vouch for them.

Where TextBlob spends its time, and what this module does instead
------------------------------------------------------------------
``Sentiment.__call__`` runs ``find_tokens`` (seven ``re.sub`` passes for contractions, six quote
replacements, three regex passes for white space, a character loop peeling punctuation off every word,
a sentence splitter, then a sarcasm and an emoticon regex per sentence), then ``Sentiment.assessments``
(a dict per scored word; a scan of all nine emoticon sets for every short non-alphabetic token), then
averages. Here:

1. ``_prepare``: the text-wide steps of ``find_tokens`` that only insert spaces (the contraction
   ``replacements``, the quote marks) as ``str.replace``, run only when the string occurs. The white-space
   steps (``\\r\\n``, the ``\\n{2,}`` -> END-OF-SENTENCE marker, ``\\s+``, ``TOKEN``) reduce to
   ``str.split()``: ``\\s`` and ``str.split`` agree on every code point (the tests check them all), and
   every END-OF-SENTENCE token is dropped again by find_tokens' sentence splitter.
2. ``_split_token`` mirrors find_tokens' loop over one white-space token (leading punctuation, trailing
   punctuation, "...", a period kept on abbreviations). Its result is memoised per white-space token
   (``_Entries``), and ``_word_info`` per lower-cased token (``_Words``): what ``assessments`` asks of a
   word (lexicon entry, modifier, negation, "!", "(!)", emoticon, length). Once a vocabulary is seen, a
   sentence costs a ``str.split`` and a dict look-up per word.
3. find_tokens ends by re-joining spaced-out emoticons (": )" -> ":)", "2018 )" -> "2018)") and sarcasm
   marks ("( ! )" -> "(!)") within each sentence, which changes the tokens. ``_may_merge`` decides whether
   that can happen: a cheap regex over the prepared text (``_CANDIDATE_RE``: the characters of an
   emoticon, white space allowed between them) and, only if it fires, an exact regex over the text's
   tokens joined by spaces (``_MERGE_RE``: every spaced form of every emoticon, followed by a space or
   the end as in ``RE_EMOTICONS``, and of the sarcasm mark). If a merge is possible the text goes to
   TextBlob (a counted fallback); if not, those substitutions are provably the identity (a match inside
   a sentence would also be a match in the joined tokens), and the tokens are final.
4. ``_assess`` replays the state machine of ``Sentiment.assessments`` (modifiers, negations kept across
   short words, "!" boosts, "(!)", emoticons, "not good" = -0.5 x good) over the memoised infos with
   small lists instead of dicts, skipping words that cannot change anything, and ``_average`` mirrors
   the ``avg`` nested in ``__call__``: the same float operations in the same order, so the results are
   identical, not merely close.

Nothing of TextBlob's data is copied: the lexicon, negations, modifiers and the ``modifier`` predicate
(from ``textblob.en.sentiment``), punctuation, abbreviations, contraction replacements, abbreviation
regexes and emoticons (from ``textblob._text``) are read from the installed package at import. The
mirrored functions (``find_tokens``, ``Parser.find_tokens``, ``Sentiment.__call__``,
``Sentiment.assessments``) are checked against the source this module was written for (TextBlob 0.20.1);
if any differs, or the sentiment object is wired differently, every text falls back to TextBlob:
still exact, only slower.

Speed (``benchmarks/tone_exact_check.py``, one core): on real news sentences about 9-10x TextBlob once
the memo tables hold the corpus's vocabulary, about 3-5x on a first pass over a corpus (every new word
costs a few microseconds, once). Texts that fall back cost what TextBlob costs.

The memo tables assume the lexicon is not edited after the first call (``Sentiment.annotate``); a
change in its size is noticed, other edits need ``clear_caches()``.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from typing import Iterable, NamedTuple

import textblob._text as _tb
import textblob.en as _tb_en

_SENTIMENT = _tb_en.sentiment  # The object TextBlob(text).sentiment calls.
_EOS = _tb.EOS  # find_tokens' END-OF-SENTENCE marker token.
_MAX_MEMO = 400_000  # Entries kept per memo table before it is emptied (bounds memory on endless vocabularies).

# find_tokens: punctuation split off the front of a token (no period) and off its end (with the period).
_LEADING = tuple(_tb.PUNCTUATION.replace(".", ""))
_TRAILING = _LEADING + (".",)
# find_tokens' "Handle Unicode quotes": each of these gets a space on both sides.
_QUOTES = tuple((q, f" {q} ") for q in ("“", "”", "‘", "’", "'", '"'))
_ASCII_QUOTES = tuple((q, spaced) for q, spaced in _QUOTES if q.isascii())
_REPLACEMENTS = tuple(_tb.replacements.items())
# Every contraction contains an apostrophe, so a text without one needs no replacement ("" is in any text).
_CONTRACTION_MARK = "'" if all("'" in a for a, _b in _REPLACEMENTS) else ""

# sha256 (first 16 hex digits) of the source of each mirrored TextBlob function, as of TextBlob 0.20.1.
_MIRRORED_SOURCES = {
    "find_tokens": (_tb, "find_tokens", "f25acd6bcf949029"),
    "Parser.find_tokens": (_tb.Parser, "find_tokens", "d521819400f23bd9"),
    "Sentiment.__call__": (_tb.Sentiment, "__call__", "aef891f363e2ede0"),
    "Sentiment.assessments": (_tb.Sentiment, "assessments", "3688f0e009eabe45"),
}


def _source_digest(obj: object, name: str) -> str:
    try:
        source = inspect.getsource(getattr(obj, name))
    except (OSError, TypeError, AttributeError):
        return ""
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _wiring_is_mirrored() -> bool:
    """Is the installed TextBlob exactly what this module mirrors?

    The mirrored functions must have the expected source, the sentiment object must use them (the
    English parser's find_tokens as tokenizer), and the contraction replacements must be literal strings,
    so that find_tokens' ``re.sub(a, b, string)`` is ``string.replace(a, b)``.
    """
    sources = all(_source_digest(obj, name) == digest for obj, name, digest in _MIRRORED_SOURCES.values())
    tokenizer = getattr(_SENTIMENT, "tokenizer", None)
    wired = (
        getattr(tokenizer, "__func__", None) is _tb.Parser.find_tokens
        and getattr(tokenizer, "__self__", None) is _tb_en.parser
        and type(_SENTIMENT).__call__ is _tb.Sentiment.__call__
        and type(_SENTIMENT).assessments is _tb.Sentiment.assessments
    )
    literal = all(re.escape(a) == a and "\\" not in b for a, b in _REPLACEMENTS)
    return sources and wired and literal and _regexes_are_mirrored() and len(_SENTIMENT) > 0  # len() loads


def _regexes_are_mirrored() -> bool:
    """RE_EMOTICONS and RE_SARCASM are what _MERGE_RE assumes, and no emoticon holds ".."."""
    faces = [e for faces in _tb.EMOTICONS.values() for e in faces]
    emoticons = r"(%s)($|\s)" % "|".join(r" ?".join(re.escape(c) for c in e) for e in faces)
    return (
        _tb.RE_EMOTICONS.pattern == emoticons
        and _tb.RE_SARCASM.pattern == r"\( ?\! ?\)"
        and not any(".." in e for e in faces)
    )


_MIRRORED = _wiring_is_mirrored()


# --- Tokens: mirrors textblob._text.find_tokens ------------------------------------------------------


def _prepare(text: str) -> str:
    """find_tokens' text-wide steps that only insert spaces: contractions ("n't" -> " n't"), quotes."""
    if _CONTRACTION_MARK in text:
        for a, b in _REPLACEMENTS:  # re.sub(a, b, string), a and b being literal
            if a in text:
                text = text.replace(a, b)
    for q, spaced in _ASCII_QUOTES if text.isascii() else _QUOTES:
        if q in text:
            text = text.replace(q, spaced)
    return text


def _is_abbreviation(t: str) -> bool:
    """find_tokens: does a token ending in "." keep its period ("e.g.", "U.S.", "T.", "Mr.")?"""
    return (
        t in _tb.ABBREVIATIONS
        or _tb.RE_ABBR1.match(t) is not None
        or _tb.RE_ABBR2.match(t) is not None
        or _tb.RE_ABBR3.match(t) is not None
    )


def _split_token(t: str) -> list[str]:
    """TextBlob's tokens for one white-space token: the body of find_tokens' ``for t in TOKEN.findall``."""
    replace = _tb.replacements
    head: list[str] = []
    tail: list[str] = []
    while t.startswith(_LEADING) and t not in replace:  # Split leading punctuation.
        head.append(t[0])
        t = t[1:]
    while t.endswith(_TRAILING) and t not in replace:
        if t.endswith(_LEADING):  # Split trailing punctuation.
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):  # Split ellipsis (...) before splitting period.
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):  # Split period (if not an abbreviation).
            if _is_abbreviation(t):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        head.append(t)
    head.extend(reversed(tail))
    return head


# --- Emoticon and sarcasm merges: the end of find_tokens ---------------------------------------------


def _spaced_forms(chars: str) -> list[str]:
    """``chars`` with a space in at least one gap between its characters: "8)" -> ["8 )"]."""
    forms = [chars[0]]
    for c in chars[1:]:
        forms = [f + c for f in forms] + [f + " " + c for f in forms]
    return [f for f in forms if " " in f]


def _trie_regex(forms: dict[str, str], gap: str = "") -> re.Pattern[str]:
    """A regex for any of ``forms`` (string -> regex that must follow it), nested as a trie.

    ``gap`` is allowed between characters. A flat alternation of hundreds of literals costs ~50 us per
    sentence; nested by first character, the regex engine rejects most positions at once.
    """
    root: dict = {}
    for form, after in forms.items():
        node = root
        for c in form:
            node = node.setdefault(c, {})
        node.setdefault(None, set()).add(after)

    def pattern(node: dict, lead: str) -> str:
        afters = node.get(None, set())
        if "" in afters:  # A match, whatever follows.
            return ""
        alternatives = [lead + re.escape(c) + pattern(node[c], gap) for c in sorted(k for k in node if k)]
        alternatives += sorted(afters)
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return re.compile(pattern(root, ""))


def _faces() -> list[str]:
    return sorted({e for faces in _tb.EMOTICONS.values() for e in faces if len(e) > 1})


_SARCASM = "(!)"  # What RE_SARCASM ("( ?! ?)") writes.

# Exact, over the text's tokens joined by single spaces: RE_EMOTICONS' substitution only removes the
# optional spaces of a match (it needs a space or the end after it: "($|\s)"), RE_SARCASM's likewise,
# so a sentence changes only where a form with at least one space matches.
_MERGE_RE = _trie_regex(
    {f: r"(?=\s|$)" for e in _faces() for f in _spaced_forms(e)} | {f: "" for f in _spaced_forms(_SARCASM)}
)

# A necessary condition for _MERGE_RE, over the prepared text. Going from it to the joined tokens only
# inserts or collapses spaces, drops END-OF-SENTENCE tokens (a text holding one is always checked in
# full) and drops the periods before a "..." (never part of a merge: no emoticon holds "..", which
# _regexes_are_mirrored checks). So a merge there needs the same characters here, with white space or
# nothing between them, the last one followed by white space, the end, or a character that find_tokens
# splits off a token's end (any punctuation), unless that last one is itself punctuation split off a
# token's front ("2018)" -> "2018 )").
_TOKEN_END = rf"(?=[\s{re.escape(''.join(_TRAILING))}]|$)"
_CANDIDATE_RE = _trie_regex(
    {e: "" if e[-1] in _LEADING else _TOKEN_END for e in _faces()} | {_SARCASM: ""}, gap=r"\s*"
)


# --- Word facts: what Sentiment.assessments asks of each token --------------------------------------


class _Known(NamedTuple):
    """A token in the lexicon (``w in self and pos in self[w]``, pos being None for a string)."""

    polarity: float
    subjectivity: float
    intensity: float
    modifier: bool  # any(map(self[w].__contains__, self.modifiers)): may modify the next word
    ly: bool  # self.modifier(w): lets a following negation attach to it ("really not good")
    negation: bool  # w in self.negations
    inert: bool = False  # (never: a known word is always assessed)


class _Unknown(NamedTuple):
    """A token not in the lexicon: what it does to the state of ``assessments``."""

    negation: bool  # w in self.negations
    drops_negation: bool  # len(w.strip("'")) > 1: ends a pending negation ("not a good" keeps it)
    drops_modifier: bool  # len(w) > 2: ends a pending modifier ("really is a good" keeps it)
    bang: bool  # w == "!": boosts the previous assessment
    sarcasm: bool  # w == "(!)": an irony assessment
    emoticon: float | None  # polarity, if w is an emoticon
    inert: bool  # none of the four above: does nothing unless a negation or modifier is pending


Info = _Known | _Unknown

# Most tokens are unknown and inert; they differ only in which pending state they end: four shared infos.
_INERT = {
    (drops_negation, drops_modifier): _Unknown(False, drops_negation, drops_modifier, False, False, None, True)
    for drops_negation in (False, True)
    for drops_modifier in (False, True)
}


def _emoticon_polarities() -> dict[str, float]:
    """assessments' emoticon scan as a table: the first face set (in EMOTICONS order) holding ``w``.

    Only tokens passing its "speedup" guard are scanned (not alphabetic, at most 5 characters, not a
    substring of PUNCTUATION); the guard depends on the token alone, so it is applied here, once.
    """
    table: dict[str, float] = {}
    for (_face, polarity), faces in _tb.EMOTICONS.items():
        for e in faces:
            w = e.lower()
            if w.isalpha() is False and len(w) <= 5 and w not in _tb.PUNCTUATION:
                table.setdefault(w, polarity)
    return table


_EMOTICON_POLARITY = _emoticon_polarities()


def _word_info(w: str) -> Info:
    """What assessments needs to know of one lower-cased token."""
    senses = dict.get(_SENTIMENT, w)
    negation = w in _SENTIMENT.negations
    if senses is not None and None in senses:
        p, s, i = senses[None]
        modifier = any(map(senses.__contains__, _SENTIMENT.modifiers))
        return _Known(p, s, i, modifier, bool(_SENTIMENT.modifier(w)), negation)
    drops = (len(w.strip("'")) > 1, len(w) > 2)
    bang, sarcasm, emoticon = w == "!", w == "(!)", _EMOTICON_POLARITY.get(w)
    if not (negation or bang or sarcasm or emoticon is not None):
        return _INERT[drops]
    return _Unknown(negation, *drops, bang, sarcasm, emoticon, False)


# A white-space token, memoised, is a plain tuple (pieces, words, inert): TextBlob's tokens for it
# (END-OF-SENTENCE markers dropped), the same lower-cased (keys of _Words), and whether all of them
# are inert unknown words. Plain tuples of strings and a bool are not tracked by the garbage collector,
# so a large memo costs nothing at collection time.
Entry = tuple[tuple[str, ...], tuple[str, ...], bool]


class _Words(dict):
    """Lower-cased token -> its Info, computed on first use."""

    def __missing__(self, w: str) -> Info:
        if len(self) >= _MAX_MEMO:
            self.clear()
        info = self[w] = _word_info(w)
        return info


class _Entries(dict):
    """White-space token -> its Entry, computed on first use (``entries[t]`` stays in C when known)."""

    def __init__(self, words: _Words) -> None:
        super().__init__()
        self.words = words

    def __missing__(self, t: str) -> Entry:
        if len(self) >= _MAX_MEMO:
            self.clear()
        words = self.words
        if t.startswith(_TRAILING) or t.endswith(_TRAILING) or t == _EOS:
            pieces = tuple([p for p in _split_token(t) if p != _EOS])
            lowered = tuple([p.lower() for p in pieces])
            inert = all([words[w].inert for w in lowered])
        else:  # _split_token would leave it whole.
            w = t.lower()
            pieces, lowered, inert = (t,), (w,), words[w].inert
        entry = self[t] = (pieces, lowered, inert)
        return entry


class _Memo:
    """The memo tables, and the lexicon size they were filled for."""

    def __init__(self) -> None:
        self.words = _Words()
        self.entries = _Entries(self.words)
        self.lexicon_size = dict.__len__(_SENTIMENT)

    def check_lexicon(self) -> None:
        """Start afresh if the lexicon changed size since the tables were filled."""
        if dict.__len__(_SENTIMENT) != self.lexicon_size:
            self.__init__()


_MEMO = _Memo()


def clear_caches() -> None:
    """Forget memoised tokens and words (needed only if the TextBlob lexicon is edited in place)."""
    _MEMO.__init__()


def _may_merge(prepared: str, words: list[str]) -> bool:
    """Could find_tokens' emoticon or sarcasm substitution change the tokens of these words?"""
    if _CANDIDATE_RE.search(prepared) is None and _EOS not in prepared:
        return False
    entries = _MEMO.entries
    return _MERGE_RE.search(" ".join([p for t in words for p in entries[t][0]])) is not None


# --- Scores: mirrors Sentiment.assessments and the avg() nested in Sentiment.__call__ ----------------


def _clamp(x: float) -> float:
    """assessments' ``max(-1.0, min(x, +1.0))``."""
    return max(-1.0, min(x, +1.0))


def _assess(entries: Iterable[Entry], infos: dict[str, Info]) -> list[list]:
    """Sentiment.assessments, replayed over memoised entries: [polarity, subjectivity, intensity, negated].

    Each list stands for one dict in TextBlob's ``a`` ("w" and "x", the words and the label, never reach
    the score and are left out). Comments quote the TextBlob branch each step mirrors.
    """
    a: list[list] = []
    modifier: bool | None = None  # m: None, or self.modifier(m[0]) of the pending modifier (m is truthy)
    negation = False  # n is not None (negations are non-empty strings, so n is truthy then)
    pos_is_modifier = None in _SENTIMENT.modifiers  # "pos in self.modifiers", pos being None
    for _pieces, words, inert in entries:
        if inert and modifier is None and not negation:
            continue  # Unknown words with nothing pending change nothing.
        for w in words:
            info = infos[w]
            if type(info) is _Known:
                if modifier is None:  # Known word not preceded by a modifier ("good").
                    a.append([info.polarity, info.subjectivity, info.intensity, 1])
                else:  # Known word preceded by a modifier ("really good").
                    last = a[-1]
                    last[0] = _clamp(info.polarity * last[2])
                    last[1] = _clamp(info.subjectivity * last[2])
                    last[2] = info.intensity
                if negation:  # Known word preceded by a negation ("not really good").
                    last = a[-1]
                    last[2] = 1.0 / last[2]
                    last[3] = -1
                # Known word may be modifying the next word; known word may be a negation.
                modifier = info.ly if info.modifier else None
                negation = info.negation
                continue
            if info.inert and modifier is None and not negation:
                continue
            if info.negation:  # Unknown word may be a negation ("not good").
                negation = True
            elif negation and info.drops_negation:  # Retain negation across small words ("not a good").
                negation = False
            if negation and modifier is not None and (pos_is_modifier or modifier):
                a[-1][3] = -1  # Unknown word may be a negation preceded by a modifier ("really not good").
                negation = False
            elif modifier is not None and info.drops_modifier:  # Retain modifier across small words.
                modifier = None
            if info.bang and a:  # Exclamation marks boost previous word.
                a[-1][0] = _clamp(a[-1][0] * 1.25)
            if info.sarcasm:  # Exclamation marks in parentheses indicate sarcasm.
                a.append([0.0, 1.0, 1.0, 1])
            if info.emoticon is not None:  # EMOTICONS
                a.append([info.emoticon, 1.0, 1.0, 1])
    return a


def _average(values: list[float]) -> float:
    """The ``avg`` nested in Sentiment.__call__ with weight 1: ``s += 1 * score`` from int 0, ``/ float(n or 1)``."""
    total = 0
    for v in values:
        total += v
    return total / float(len(values) or 1)


def _score(a: list[list]) -> tuple[float, float]:
    """Sentiment.__call__'s averages; "not good" = slightly bad: ``p * -0.5 if n < 0 else p``."""
    polarity = _average([p * -0.5 if n < 0 else p for p, _s, _i, n in a])
    subjectivity = _average([s for _p, s, _i, _n in a])
    return polarity, subjectivity


# --- The fast path and the public function ------------------------------------------------------------


def _fast(text: str) -> tuple[float, float] | None:
    """Exact scores of ``text``, or None when find_tokens could re-join an emoticon or sarcasm mark."""
    prepared = _prepare(text)
    words = prepared.split()
    if _may_merge(prepared, words):
        return None
    return _score(_assess(map(_MEMO.entries.__getitem__, words), _MEMO.words))


def score_sentences(texts: list[str]) -> tuple[list[float], list[float], int]:
    """Polarity and subjectivity of each text, == ``textblob.en.sentiment(text)``, and the fallback count.

    A text the fast path cannot vouch for (not a ``str``, or one where TextBlob's tokenizer could
    re-join an emoticon such as ": )" or a sarcasm mark "( ! )") is scored by TextBlob itself.
    """
    polarities: list[float] = []
    subjectivities: list[float] = []
    fallbacks = 0
    _MEMO.check_lexicon()
    for text in texts:
        scores = _fast(text) if _MIRRORED and type(text) is str else None
        if scores is None:
            scores = tuple(_SENTIMENT(text))
            fallbacks += 1
        polarities.append(scores[0])
        subjectivities.append(scores[1])
    return polarities, subjectivities, fallbacks

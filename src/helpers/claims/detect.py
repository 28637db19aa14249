"""Which sentences state a checkable fact or forecast, and what is checkable in them?

Three kinds of claim, each found by what can be checked:

- ``figure``: a number with its unit ("3,000 Model 3s a week", "200,000 cars per year", "7%",
  "$2.5 billion", "30,000 vehicles in the second quarter"). One claim per figure. Not figures: years
  and dates ("in 2019", "September 11, 2020"), clock times, ordinals, product and model names
  ("Model 3", "Boeing 737"), "COVID-19", "Q4".
- ``forecast``: no figure, but a date or deadline the sentence looks ahead to ("by the end of 2019",
  "in Q4", "early next year", "as early as May 2021").
- ``event``: neither, but a concrete event said to be happening, planned or possible ("will export to
  Singapore", "plans to build a second factory", "is building a plant in Monterrey", "are in merger
  talks"): an event word (``data/event_words.tsv``, ``data/event_nouns.txt``) in the form its marker
  takes, right after a look-ahead word (``data/future_cues.tsv``), a modal, "to", a form of "be" or
  "have", or "in" (see ``forward_event``).

A plain past event ("the company opened a store") is not a claim here: nearly every news sentence
reports one, and a ledger of every sentence answers nothing. Offsets are into the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Claim:
    kind: str  # figure, forecast or event
    start: int  # the checkable part: the figure, the deadline, or the event's words
    end: int
    text: str
    value: float | None  # the figure's value, scale applied ("2.5 billion" -> 2.5e9); None for other kinds
    unit: str  # the figure's unit ("%", "USD", "Model 3s a week", "cars per year"); "" for other kinds
    when: str  # the date or deadline the sentence names, if any ("by the end of 2019")


def _lines(name: str) -> list[str]:
    return [line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def _phrases(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in sorted(set(words), key=len, reverse=True))


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_YEAR = r"(?:19|20)\d{2}"
_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "CNY",
             "rmb": "CNY", "yuan": "CNY", "cny": "CNY", "hk$": "HKD", "a$": "AUD", "c$": "CAD", "s$": "SGD"}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FIGURE_RE = re.compile(
    r"(?P<currency>US\$|HK\$|A\$|C\$|S\$|\$|€|£|¥|(?:RMB|USD|EUR|GBP|CNY)\s?)?"
    rf"(?<![\w.,/:-])(?P<number>{_NUMBER})(?![\w]*[-/:]\d)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?"
    r"(?P<percent>\s?%|\s?percent\b|\s?per\s?cent\b|\s+percentage\s+points?\b)?",
    re.IGNORECASE)
# A number that names something rather than counts it: "Model 3", "Boeing 737", "COVID-19", "G20", "No. 1".
_NAME_BEFORE_RE = re.compile(r"(?:\b(?:Model|No\.|Number|Chapter|Article|Section|Phase|Level|Stage|Category|Class|Type|"
                             r"Version|Series|Route|Highway|Interstate|Flight|Room|Gate|Terminal|Line|Boeing|Airbus|"
                             r"iPhone|Galaxy|Windows|Xbox|PlayStation|Apollo|COVID|Covid|G|F|Q|H|Pixel|Mate|P)"
                             r"[\s-]?)$")
_DATE_AROUND_RE = re.compile(rf"{_MONTH}\s*$")
_TIME_WORD_RE = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|ET\b|BST|o'clock)", re.IGNORECASE)
_ORDINAL_AFTER_RE = re.compile(r"^(?:st|nd|rd|th)\b")
_RATE_RE = re.compile(r"^\s+(?:a|an|per|each|every)\s+(?:day|week|month|quarter|year|hour|minute|second|annum)\b",
                      re.IGNORECASE)
# Words after a number that are its unit: nouns and the like, up to the first word that is not.
_UNIT_WORD_RE = re.compile(r"^\s+((?:[A-Za-z][\w'’.-]*|\d+[a-z]*)(?:\s+(?:[A-Za-z][\w'’-]*|\d+s?))?)")
_NOT_UNIT = frozenset("""a an the and or but of in on at to for from by with as than that which who this these
those its their his her our your is are was were be been being has have had will would could may might shall
should can do does did not no up down over under about into onto per each every more less most least some any
all both either neither after before since until when while where also just only even still yet already
percent year years times time said says told reported according""".split())
_DEADLINE_RE = re.compile(
    r"\b(?:(?:by|before|until|from|in|at|starting|beginning)\s+(?:the\s+)?(?:end|middle|start|beginning|close)\s+of\s+"
    rf"(?:this|next|the)?\s*(?:{_YEAR}|year|month|quarter|decade|summer|winter|spring|autumn|fall)"
    r"|(?:in|by|during|for)\s+(?:the\s+)?(?:Q[1-4]|H[12]|(?:first|second|third|fourth|final|last)\s+(?:quarter|half))"
    rf"(?:\s+of\s+(?:{_YEAR}|this\s+year|next\s+year))?"
    rf"|(?:(?:by|in|before|until)\s+)?(?:early|mid|late)[-\s](?:{_YEAR}|next\s+year|this\s+year)"
    rf"|before\s+(?:{_YEAR}|the\s+year|this\s+year)\s+is\s+out"
    r"|next\s+(?:year|month|week|quarter|spring|summer|autumn|fall|winter)"
    rf"|(?:by|before|until)\s+(?:{_MONTH}\s+)?{_YEAR}"
    rf"|(?:by|before|until)\s+{_MONTH}(?:\s+\d{{1,2}})?"
    rf"|as\s+early\s+as\s+(?:{_MONTH}\s+)?(?:{_YEAR}|next\s+year|this\s+year)"
    r"|within\s+(?:the\s+next\s+)?(?:\d+|a|one|two|three|four|five|six|several|few)\s+(?:days|weeks|months|years|year|month)"
    rf"|\bin\s+{_YEAR}\b)",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern:
    return re.compile(r"(?<![\w'’])(" + _phrases(_lines("future_cues.tsv")) + r")(?![\w'’])", re.IGNORECASE)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _unit_after(sentence: str, end: int) -> tuple[str, int]:
    """The unit words after a number ("Model 3s", "cars per year"), and where they end."""
    match = _UNIT_WORD_RE.match(sentence[end:])
    if not match:
        return "", end
    words = match.group(1).split()
    kept = []
    for word in words:
        bare = word.rstrip(".,;:").lower()
        if bare in _NOT_UNIT or not bare:
            break
        kept.append(word.rstrip(".,;:"))
    if not kept:
        return "", end
    unit = " ".join(kept)
    stop = end + sentence[end:].index(kept[-1]) + len(kept[-1])
    rate = _RATE_RE.match(sentence[stop:])
    if rate:
        unit += rate.group(0).rstrip()
        unit = " ".join(unit.split())
        stop += rate.end()
    return unit, stop


def _is_not_a_count(sentence: str, match: re.Match) -> bool:
    before, after = sentence[:match.start()], sentence[match.end():]
    number = match.group("number")
    if _NAME_BEFORE_RE.search(before) or _ORDINAL_AFTER_RE.match(after):
        return True
    if _DATE_AROUND_RE.search(before) or re.match(rf"^\s*,?\s*{_YEAR}\b", after) and re.search(rf"{_MONTH}\s*$", before):
        return True  # "September 11", "Sept. 19, 2020"
    if re.match(rf"^\s+{_MONTH}", after) and re.fullmatch(r"\d{1,2}", number):
        return True  # "11 September"
    if re.fullmatch(_YEAR, number) and not match.group("currency") and not match.group("percent"):
        unit, _ = _unit_after(sentence, match.end())
        return not unit or unit.lower().startswith(("s ", "s")) and len(unit) <= 2  # a year, or "the 1990s"
    if _TIME_WORD_RE.match(after):
        return True
    return False


_DIGIT_RE = re.compile(r"\d")


def figures(sentence: str) -> list[Claim]:
    out = []
    if not _DIGIT_RE.search(sentence):
        return out
    for match in _FIGURE_RE.finditer(sentence):
        if _is_not_a_count(sentence, match):
            continue
        value = _number(match.group("number"))
        scale = (match.group("scale") or "").lower()
        if scale == "m" and not match.group("currency"):
            continue  # "5 m" is five metres as often as five million
        value *= _SCALE.get(scale, 1)
        end = match.end()
        if match.group("percent"):
            unit = "percentage points" if "point" in match.group("percent").lower() else "%"
        elif match.group("currency"):
            unit = _CURRENCY.get(match.group("currency").strip().lower(), match.group("currency").strip())
        else:
            unit, end = _unit_after(sentence, end)
            if not unit:
                continue  # a bare number: not a figure anyone could check without its unit
        start = match.start("currency") if match.group("currency") else match.start("number")
        out.append(Claim("figure", start, end, sentence[start:end].strip(), value, unit, ""))
    return out


# Words one of which every deadline holds (or a digit: a year): a cheap test before the big pattern.
_DEADLINE_HINT_RE = re.compile(r"\d|\b(?:end|middle|start|beginning|close|quarter|half|next|early|mid|late|within|Q[1-4]|"
                               r"H[12]|by|before|until)\b", re.IGNORECASE)


# Where a deadline can begin: the big pattern is tried only at these words, not at every character.
_DEADLINE_START_RE = re.compile(r"\b(?:by|before|until|from|in|at|starting|beginning|during|for|early|mid|late|next|as|"
                                r"within)\b", re.IGNORECASE)


def deadline(sentence: str) -> re.Match | None:
    if not _DEADLINE_HINT_RE.search(sentence):
        return None
    for start in _DEADLINE_START_RE.finditer(sentence):
        found = _DEADLINE_RE.match(sentence, start.start())
        if found:
            return found
    return None


def looks_ahead(sentence: str) -> re.Match | None:
    return _future_re().search(sentence)


# What may stand between a marker and its event word: adverbs and auxiliaries ("will likely be shipped").
_BETWEEN = (r"(?:\s+(?:not|also|soon|likely|still|now|already|finally|reportedly|eventually|then|be|been|being|have|"
            r"start|begin|to|able|set|looking|planning|preparing|going|about))*\s+")
_MARKERS = {
    "modal": r"could|may|might|can|should|must",
    "be": r"is|are|was|were|been|be|being",
    "have": r"has|have|had",
    "to": r"to",
    "in": r"in(?:\s+(?:advanced|secret|preliminary|early|exclusive))?",
}
# Each form of an event word and the markers it takes: "will build", "to build", "is building", "is built",
# "has built", "in merger talks".
_FORM_MARKERS = {"base": ("future", "modal", "to"), "participle": ("future", "modal", "be", "have"),
                 "ing": ("be",), "noun": ("in",), "s": ()}


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=1)
def _events() -> tuple[dict[str, set], dict[str, re.Pattern]]:
    """The forms each event word or two-word phrase can be, and per form the pattern of a marker ending
    right before it (with only adverbs and auxiliaries between, never punctuation)."""
    rows = [line.split("\t") for line in _lines("event_words.tsv")]
    forms: dict[str, set] = {}
    for row in rows:
        for word, form in zip(row, ("base", "s", "participle", "ing")):
            forms.setdefault(word.lower(), set()).add(form)
    for word in _lines("event_nouns.txt"):
        forms.setdefault(word.lower(), set()).add("noun")
    markers = {"future": _phrases(_lines("future_cues.tsv")), **_MARKERS}
    before = {form: re.compile(r"(?<![\w'’])(?:" + "|".join(markers[k] for k in kinds) + r")" + _BETWEEN + r"$",
                               re.IGNORECASE)
              for form, kinds in _FORM_MARKERS.items() if kinds}
    return forms, before


def _event_words(sentence: str, forms: dict[str, set]):
    """(start, end, phrase) of each event word or two-word phrase, in order (dictionary look-ups, no pattern)."""
    tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD_RE.finditer(sentence)]
    for k, (start, end, word) in enumerate(tokens):
        if k + 1 < len(tokens):
            pair = f"{word} {tokens[k + 1][2]}"
            if pair in forms and sentence[end:tokens[k + 1][0]].isspace():
                yield start, tokens[k + 1][1], pair
                continue
        if word in forms:
            yield start, end, word


def forward_event(sentence: str, uncertain: bool = False) -> tuple[int, int] | None:
    """A concrete event said to be happening, planned or possible: an event word right after a marker
    (a look-ahead word, a modal, "to", a form of "be" or "have", "in" before a noun), with at most a few
    adverbs or auxiliaries between, never across punctuation: "will export", "is building", "could be
    built", "in merger talks". In a hedged or rumour sentence any event word is enough ("rumours of a
    takeover", "rumours started that the meeting was about Tesla establishing a factory")."""
    forms, before = _events()
    first_word = None
    for start, end, phrase in _event_words(sentence, forms):
        first_word = first_word or (start, end)
        window_start = max(0, start - 60)
        window = sentence[window_start:start]
        # Every form the word can take, and the marker that starts earliest: the same claim whatever the
        # order of the set (string hashes, and so set order, change from one process to the next).
        markers = [found.start() for found in (before[form].search(window) for form in forms[phrase] if form in before)
                   if found]
        if markers:
            return window_start + min(markers), end
    if first_word and uncertain:  # a hedged or rumour sentence about an event is a claim, however it is worded
        return first_word
    return None


def find(sentence: str, uncertain: bool = False) -> list[Claim]:
    """The claims of one sentence: its figures; else a forecast (a deadline); else an event.
    ``uncertain``: the sentence is hedged or rumour (an event noun is then enough for an event)."""
    when = deadline(sentence)
    when_text = when.group(0) if when else ""
    found = [Claim(c.kind, c.start, c.end, c.text, c.value, c.unit, when_text) for c in figures(sentence)]
    if found:
        return found
    if when and (looks_ahead(sentence) or re.match(r"(?i)by|before|until|within|as early|next", when.group(0))):
        return [Claim("forecast", when.start(), when.end(), when_text, None, "", when_text)]
    event = forward_event(sentence, uncertain)
    if event:
        return [Claim("event", event[0], event[1], sentence[event[0]:event[1]], None, "", when_text)]
    return []

"""How sure is a sentence of what it states? ``asserted``, ``hedged`` or ``rumour``, and whether it reports a denial.

The words come from ``data/cues.tsv`` (hedges, rumour words, denials) and ``data/not_cues.tsv`` (phrases
that hold a cue word but say nothing about certainty: "could not be reached", "as expected", "likely
voters"). The modal verbs need their neighbours and are read here:

- *might* and *could* hedge ("could begin next year"), except in a listed phrase;
- *may* hedges in lower case; "May" with a capital is the month or a name ("in May", "May 5",
  "Theresa May") unless it opens the sentence as a verb ("May be delayed", "May not happen").

A sentence with a rumour word is ``rumour`` (it is about rumour, even when it says "the rumour mill");
else one with a hedge is ``hedged``; else it is ``asserted``. A reporting verb is not a hedge: "X said
sales rose" is asserted, on X's word. Denials ("denied", "declined to confirm", "dismissed the
report") are marked beside the level, since a denied rumour is still a rumour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
LEVELS = ("asserted", "hedged", "rumour")


@dataclass(frozen=True)
class Cue:
    text: str  # the words, as written in the sentence
    start: int  # offsets into the sentence
    end: int
    kind: str  # hedged, rumour or denial


@dataclass(frozen=True)
class Certainty:
    level: str  # asserted, hedged or rumour
    denial: bool
    cues: tuple[Cue, ...]

    @property
    def cue_text(self) -> str:
        """The cues as one cell: "reportedly [12:22]; rumours [40:47]" (offsets into the sentence)."""
        return "; ".join(f"{c.text} [{c.start}:{c.end}]" for c in self.cues)


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n").split("\t"))
    return out


def _phrase_re(phrases) -> re.Pattern:
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in ordered)
    return re.compile(r"(?<![\w'’-])(" + body + r")(?![\w'’-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict, re.Pattern]:
    """One pattern per class (a denial phrase must not hide the rumour word inside it), and the non-cues."""
    by_kind: dict[str, list[str]] = {}
    for phrase, kind in _rows("cues.tsv"):
        by_kind.setdefault(kind, []).append(phrase)
    return ({kind: _phrase_re(phrases) for kind, phrases in by_kind.items()},
            _phrase_re(row[0] for row in _rows("not_cues.tsv")))


_MODAL_RE = re.compile(r"(?<![\w'’-])(may|might|could|May|Might|Could)(?![\w'’-])")
# "May" after these words, or before a number, is the month: "in May", "May 5", "last May".
_MONTH_BEFORE_RE = re.compile(
    r"(?:in|on|of|since|until|till|by|from|to|through|during|last|next|this|early|late|mid|mid-|before|after|"
    r"between|and|or|,)\s*$", re.IGNORECASE)
_NAME_BEFORE_RE = re.compile(r"(?:Theresa|Mrs\.?|Ms\.?|Mr\.?|Prime Minister|PM|premier|Brian|Rose|Mai)\s*$")
_VERB_AFTER_RE = re.compile(r"^\s+(?:be|have|not|also|well|soon|never|still|yet|even|already|[a-z]+)\b")
_OPENING_RE = re.compile(r"^[\s\"“‘'(\[—–-]*$")


# "may" of permission: "Visitors may enter", "Patients may bring one visitor", "may not play".
_PERMITTED_RE = re.compile(r"^\s+(?:not\s+)?(?:enter|bring|apply|sign|attend|visit|park|use|request|submit|register|"
                           r"choose|opt|collect|keep|vote|access|play|wear|take\s+part|join|borrow|stay|smoke|carry)\b")
# "could" of past ability or perception: "could see flames", "could be heard", "could not stop Curry".
_ABILITY_RE = re.compile(r"^\s+(?:(?:see|hear|feel|smell|watch|be\s+(?:heard|seen|felt|smelled))\b|"
                         r"not\s+(?!be\b|have\b|rule\b)\w+)")
# "might" the noun: "military might", "with all its might".
_MIGHT_NOUN_RE = re.compile(r"(?:military|economic|naval|industrial|financial|political|its|their|his|her|our|"
                            r"American|Chinese|Russian|all)\s+$", re.IGNORECASE)


def _modal_is_hedge(sentence: str, match: re.Match) -> bool:
    word = match.group(1)
    before, after = sentence[:match.start()], sentence[match.end():]
    if word.lower() == "might":
        return not _MIGHT_NOUN_RE.search(before)
    if word.lower() == "could":
        return not _ABILITY_RE.match(after)
    if word == "may":
        return not _PERMITTED_RE.match(after)
    # Capitalised "May": a verb only where it opens the sentence and a verb-like word follows.
    if word == "May":
        if _NAME_BEFORE_RE.search(before) or _MONTH_BEFORE_RE.search(before) or re.match(r"^\s*\d", after):
            return False
        return bool(_OPENING_RE.match(before)) and bool(_VERB_AFTER_RE.match(after))
    return bool(_OPENING_RE.match(before))  # "Might", "Could" opening a sentence or a quote


def _spans(pattern: re.Pattern, sentence: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(sentence)]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


# "denied" a request is a refusal, not a denial of a claim: "denied bail", "denied the family's request".
_REFUSED_RE = re.compile(r"^(?:\s+(?:the|a|an|his|her|their|its|[\w'’]+['’]s?)){0,3}\s+(?:request|requests|bail|permission|"
                         r"entry|access|application|appeal|visa|visas|motion|petition|parole|asylum|admission|a\s+permit)\b",
                         re.IGNORECASE)
# Refusing to comment on a report or speculation is a refusal to confirm it.
_NO_COMMENT_RE = re.compile(r"\b(?:declined|refused|declines|refuses)\s+to\s+comment\s+on\s+(?:[\w'’-]+\s+){0,3}?"
                            r"(?:speculation|rumou?rs?|reports?|claims?|news)\b", re.IGNORECASE)


_ASSERTED = Certainty("asserted", False, ())
_LETTERS_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _triggers() -> frozenset:
    """One word of every cue (its longest), and the modals: a sentence with none of them has no cue, and
    most news sentences are settled by this set look-up without running a pattern."""
    common = {"is", "are", "was", "were", "be", "to", "the", "a", "an", "of", "that", "said", "it", "s", "in", "on",
              "not", "has", "have", "no", "been", "did", "would", "if", "yet", "can"}
    words = set()
    for phrase, _kind in _rows("cues.tsv"):
        parts = _LETTERS_RE.findall(phrase.lower())
        words.add(max([w for w in parts if w not in common] or parts, key=len))
    return frozenset(words | {"may", "might", "could", "declined", "refused", "declines", "refuses"})


def classify(sentence: str) -> Certainty:
    """The certainty of one sentence, with the cues that decided it."""
    if _triggers().isdisjoint(_LETTERS_RE.findall(sentence.lower())):
        return _ASSERTED
    patterns, not_cues = _lexicon()
    excluded = _spans(not_cues, sentence)
    cues: list[Cue] = []
    for kind, pattern in patterns.items():
        for match in pattern.finditer(sentence):
            if _inside(match.span(), excluded):
                continue
            if kind == "denial" and match.group(1).lower().startswith("den") and _REFUSED_RE.match(sentence[match.end():]):
                continue
            cues.append(Cue(match.group(1), match.start(), match.end(), kind))
    for match in _NO_COMMENT_RE.finditer(sentence):
        cues.append(Cue(match.group(0), match.start(), match.end(), "denial"))
    for match in _MODAL_RE.finditer(sentence):
        if not _inside(match.span(), excluded) and _modal_is_hedge(sentence, match):
            cues.append(Cue(match.group(1), match.start(), match.end(), "hedged"))
    cues.sort(key=lambda c: c.start)
    found = {c.kind for c in cues}
    level = "rumour" if "rumour" in found else "hedged" if "hedged" in found else "asserted"
    return Certainty(level, "denial" in found, tuple(cues))

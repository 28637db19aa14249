"""Where does each sentence start and end?

A rule-based sentence splitter for news text that runs offline (TextBlob's own
``.sentences`` needs NLTK data that cannot be downloaded here). Every sentence
keeps its character offsets into the article text, so anything built on it can
point back to the exact words: ``text[start:end] == sentence``.

The rules, in order:

1. A blank line, or a line break before a capital letter, a digit, a quote or a
   bullet, ends a sentence: headlines, bylines ("By Jane Doe for Example.com"),
   section heads and bullet lines stand alone even without a full stop. A line
   break before a lowercase word is a hard-wrapped line and joins the next.
2. Inside a line (but not inside a quotation that closes on the same line:
   a quoted passage of several sentences stays with its attribution), ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
   brackets) followed by a space ends a sentence when the next word starts with
   a capital, a digit or an opening quote. So ``"Are you ready?" he asked.`` is
   one sentence.
3. Not after titles and other abbreviations that never end a sentence
   ("Mr.", "Dr.", "Sen.", "Jan.", "No.", "e.g.", initials such as "J. K.").
   After abbreviations that can end one ("U.S.", "Inc.", "a.m.") only when the
   next word is a usual sentence opener ("The", "It", "But", ...).
4. Numbers keep their points and commas ("$1.5 billion", "3,000", "7%"): a point
   not followed by a space never splits.
5. An embedded tweet's credit line ("pic.twitter.com/... — Name (@handle)
   September 11, 2020") is a sentence of its own.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

# Abbreviations after which a full stop never ends a sentence (lower-cased, without the point).
HARD_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "cmdr",
    "adm", "maj", "rev", "hon", "pres", "supt", "det", "insp", "st", "mt", "ft", "vs",
    "v", "etc", "approx", "est", "dept", "fig", "figs", "vol", "pp", "ca", "cf", "al",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "e.g", "i.e", "a.k.a", "u.s.a",
}
# Abbreviations that can also end a sentence: split only before a usual sentence opener.
SOFT_ABBREVIATIONS = {
    "inc", "corp", "ltd", "co", "bros", "plc", "llc", "jr", "sr",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c",
}
SENTENCE_OPENERS = {
    "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "his", "her", "their", "our", "but", "and", "or", "so", "yet", "however",
    "meanwhile", "in", "on", "at", "for", "as", "if", "when", "while", "after", "before", "since",
    "shares", "analysts", "officials", "sources", "according", "still", "now", "then", "also",
}

_BULLET_RE = re.compile(r"[ \t]*(?:[-•*·▪‣◦]|\d{1,2}[.)])[ \t]+")
# A run of sentence-final marks (". ! ? …", ellipses included), closing quotes or brackets, then a space.
# Written as one character class so the regex engine can skip ahead to the next mark.
_CANDIDATE_RE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
# An embedded tweet's credit line: its own sentence here, and its name and handle a social-media source in
# helpers.attribution (which uses this pattern too).
TWEET_CREDIT_RE = re.compile(
    r"(?:pic\.twitter\.com/\S+\s*)?[—–-]{1,2}\s*(?P<name>[^\n()]{0,80}?)\s*\((?P<handle>@\w{1,30})\)\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}"
)
_PIC_LINK_RE = re.compile(r"(?<=\s)pic\.twitter\.com/\S+")
_NOT_INDENT_RE = re.compile(r"[^ \t]")
_NOT_SPACE_RE = re.compile(r"\S")
_NEXT_WORD_RE = re.compile(r"\s*[\"“‘'(\[]?([A-Za-z]+)")


class Span(NamedTuple):
    """A sentence: its offsets into the article text and the text itself."""

    start: int
    end: int
    text: str


def _lines(text: str) -> list[tuple[int, int]]:
    """Blocks of text between hard boundaries (rule 1), as (start, end) offsets."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"\n", text):
        previous_line_blank = not text[start:match.start()].strip()
        if previous_line_blank:
            # Leading blank lines: move the block start past them.
            start = match.end()
            continue
        # Join a hard-wrapped line: the next line starts with a lowercase word.
        # (Looked up in place: copying the rest of the text at every line break was quadratic.)
        first = _NOT_INDENT_RE.search(text, match.end())
        if first and first.group(0).islower() and not _BULLET_RE.match(text, match.end()):
            continue
        blocks.append((start, match.start()))
        start = match.end()
    blocks.append((start, len(text)))
    return blocks


def _previous_word(text: str, position: int) -> str:
    """The token just before ``position`` (a full stop), lower-cased, without that stop."""
    # Only the last few characters matter; searching the whole prefix would be quadratic on long lines.
    match = re.search(r"([A-Za-z][A-Za-z.]*)\.*$", text[max(0, position - 40):position])
    return match.group(1).lower().rstrip(".") if match else ""


def _next_word(text: str, position: int) -> str:
    match = _NEXT_WORD_RE.match(text, position)
    return match.group(1).lower() if match else ""


def _is_boundary(text: str, match: re.Match) -> bool:
    punctuation = match.group(0)
    following = _NOT_SPACE_RE.search(text, match.end())  # the first character after the spaces
    if not following:
        return True
    first = following.group(0)
    if not (first.isupper() or first.isdigit() or first in "\"“‘'([" or text.startswith("pic.twitter.com", following.start())):
        return False
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return True  # ! ? … or an ellipsis
    word = _previous_word(text, match.start() + 1)
    if not word:
        return True
    if len(word) == 1 and word.isalpha() and text[match.start() - 1].isupper():
        return False  # an initial: "J. K. Rowling"
    if word in HARD_ABBREVIATIONS:
        return False
    if word in ("no", "nos"):
        return not first.isdigit()  # "No. 1" is a number; "said no. Then" ends a sentence
    if word in SOFT_ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return _next_word(text, match.end()) in SENTENCE_OPENERS
    return True


MAX_QUOTE = 600  # characters: a longer "quotation" is more likely an unbalanced quote mark

_QUOTE_RE = re.compile(r"“[^“”\n]{1,%d}”|\"[^\"\n]{1,%d}\"" % (MAX_QUOTE, MAX_QUOTE))


def _quoted_regions(block: str) -> list[tuple[int, int]]:
    """Quotations that open and close inside the block: a sentence does not end inside one."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(block)]


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    block = text[start:end]
    quotes = _quoted_regions(block)
    bullet = _BULLET_RE.match(block)
    if bullet:
        cuts = [start + bullet.end()]
    quote_starts = [q[0] for q in quotes]  # sorted and not overlapping: one look-up per candidate, not a scan
    for match in _CANDIDATE_RE.finditer(block):
        k = bisect.bisect_left(quote_starts, match.end()) - 1
        if k >= 0 and quotes[k][0] < match.end() < quotes[k][1]:
            continue
        if _is_boundary(block, match):
            cuts.append(start + match.end())
    for match in (TWEET_CREDIT_RE.finditer(block) if "(@" in block else ()):
        credit_start = start + match.start()
        pic = _PIC_LINK_RE.search(block, max(0, match.start() - 1), match.end())
        if pic:
            credit_start = min(credit_start, start + pic.start())
        cuts.extend([credit_start, start + match.end()])
    cuts.append(end)
    cuts = sorted(set(cuts))
    return [(a, b) for a, b in zip(cuts, cuts[1:])]


MAX_SENTENCE = 2000  # characters: a longer "sentence" (a table, a transcript, a dump without punctuation) is cut


def split_sentences(text: str) -> list[Span]:
    """Split an article into sentences with offsets. ``text[s.start:s.end] == s.text`` for every span."""
    return split_sentences_counted(text)[0]


def split_sentences_counted(text: str, max_length: int = MAX_SENTENCE) -> tuple[list[Span], int]:
    """The sentences, and how many were cut because they ran past ``max_length`` characters.

    A run of text with no sentence punctuation is cut at its line breaks, then at the last space before
    ``max_length`` (or at ``max_length`` when there is none), so that no sentence, and no pass over one,
    grows with the article.
    """
    spans, cut = [], 0
    for span in _split_all(text):
        if len(span.text) <= max_length:
            spans.append(span)
            continue
        cut += 1
        spans.extend(_cut_long(text, span, max_length))
    return spans, cut


def _cut_long(text: str, span: Span, max_length: int) -> list[Span]:
    pieces = []
    start = span.start
    for match in re.finditer(r"\n|$", text[span.start:span.end]):
        end = span.start + match.start()
        while end - start > max_length:
            window = text[start:start + max_length]
            space = window.rfind(" ")
            stop = start + (space if space > max_length // 2 else max_length)
            pieces.append((start, stop))
            start = stop
        if end > start:
            pieces.append((start, end))
        start = span.start + match.end()
        if match.group(0) == "":
            break
    out = []
    for a, b in pieces:
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            s = a + (len(piece) - len(piece.lstrip()))
            out.append(Span(s, s + len(stripped), stripped))
    return out


def _split_all(text: str) -> list[Span]:
    spans: list[Span] = []
    for block_start, block_end in _lines(text):
        for a, b in _split_block(text, block_start, block_end):
            piece = text[a:b]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            s = a + lead
            e = s + len(stripped)
            spans.append(Span(s, e, text[s:e]))
    return spans

"""Was this scraped article garbled on the way, and what in it is not the article?

``repair_text(text)`` answers both and says what it did:

- **Mojibake** (UTF-8 read as Windows-1252 or Latin-1: "â€œ", "â\\x80\\x98ball",
  doubly encoded "Ã¢â‚¬Å“", no-break spaces turned into "Â\\xa0") is repaired by
  `ftfy <https://ftfy.readthedocs.io>`_, with a config that only fixes encodings:
  no quote uncurling, no NFC/NFKC normalisation, no ligature or width changes, no
  line-break or control-character changes, no HTML unescaping. ftfy loops until
  the text is stable, so double encoding takes two passes. Before ftfy runs, the
  byte lost when the mojibake was decoded with ``errors="replace"`` ("â€\\ufffd",
  "â€?") is restored as U+009D: that sequence is nearly always a right double quote.
  A line whose mojibake is only visible in NFC (decomposed "A" + combining tilde for
  "Ã") is composed, and only then. Text with no mojibake comes back as the very same
  string; ``warnings`` counts the garbled characters that were replaced.
- **Scraper leftovers** at the END of the article are cut: the page's JavaScript
  (from the line, or the position right after a full stop, where code starts),
  "(Web editor: ...)" credits, cookie notices, "Share this article" lines (and a
  "Share this story!" appeal glued after the last sentence) and "Related stories:"
  headings with the headline list under them. Whole-line furniture
  that cannot be prose ("(Web editor: ...)", "Share this article") goes wherever it
  is. Prose that merely names JavaScript or cookies stays: a line is code only if it
  reads as a statement ("var x =", "document.write(", "})();"), and only a trailing
  run of code and furniture lines is removed.

Every rule runs in time linear in the text: lines are read from the end, and the
patterns are anchored, bounded and free of nested quantifiers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import ftfy

# ftfy with every fixer off that changes text which is not mojibake.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# Characters that every mojibake ftfy can repair holds one of (Latin-1 / cp1252 / C1 range,
# the replacement character, surrogates). Text without any of them is returned untouched.
# UTF-8 read as Windows-1252 or Latin-1 always shows a lead byte's character (Â to ô, or a letter with a combining
# accent when the text was decomposed) followed by a continuation byte's character (U+0080-U+00BF or cp1252's
# specials: € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). Clean text with curly quotes and accents has no
# such pair, so ftfy (the slow part) is not run on it at all.
_CONTINUATION = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                 "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd")
_MOJIBAKE_HINT_RE = re.compile(f"(?:[\u00c2-\u00f4]|[A-Za-z][\u0300-\u036f])[{_CONTINUATION}?]")

CHUNK_CHARS = 65_536  # text handed to ftfy at a time (ftfy itself cuts blindly at 1,000,000)

# Mojibake whose last byte was lost to a replacement character or "?" when it was decoded
# (cp1252 has no character for byte 0x9D): put the byte back so that ftfy can decode it.
# Right double quote U+201D is E2 80 9D in UTF-8; the other E2 80 8x/9x characters that
# lose a byte this way (U+2001, U+200D, U+200F, U+2010) are rare in news text.
LOST_BYTE_SEQUENCES = (
    ("Ã¢â‚¬Â\ufffd", "Ã¢â‚¬Â\u009d"),  # doubly encoded right double quote
    ("Ã¢â‚¬Â?", "Ã¢â‚¬Â\u009d"),
    ("â€\ufffd", "â€\u009d"),  # right double quote
    ("â€?", "â€\u009d"),
)


@dataclass(frozen=True)
class Repair:
    text: str  # the repaired text
    warnings: list[str] = field(default_factory=list)  # one plain line per kind of repair
    removed_chars: int = 0  # characters cut as scraper leftovers
    mojibake_fixed: bool = False


def repair_text(text: str) -> Repair:
    """Repair mojibake, then cut scraper leftovers; say what was done in ``warnings``."""
    warnings: list[str] = []
    repaired, changed = repair_mojibake(text)
    if changed:
        warnings.append(f"mojibake repaired (ftfy): {changed} characters changed")
    repaired, moved = restore_quote_order(repaired)
    if moved:
        warnings.append(f"quote marks put back at the start of their quotation: {moved}")
    kept, labels = remove_leftovers(repaired)
    removed = len(repaired) - len(kept)
    if removed:
        warnings.append(f"scraper leftovers removed: {removed} characters ({', '.join(labels)})")
    return Repair(text=kept, warnings=warnings, removed_chars=removed, mojibake_fixed=bool(changed))


# --- quote marks ---------------------------------------------------------------------------


# A straight quote mark right after a sentence's end and before a space and a capital: 'leadership". "These'
# glued as 'leadership"." These' when the scraper joined the paragraphs.
_TRANSPOSED_RE = re.compile(r'(?<=[.?!,])"(?= [A-Z])')
_STRAIGHT_RE = re.compile(r'["“”]')


def restore_quote_order(text: str) -> tuple[str, int]:
    """Put back an opening quote mark that a scraper moved before the space that began its paragraph.

    Scraped paragraphs joined without their line breaks come out as 'the approach of new leadership"." These
    records reveal ...," said Meg Townsend': the second mark opens the next quotation but stands before the
    space. Marks are read left to right on each line; a straight mark after . ? ! or a comma and before a space
    and a capital, where no quotation is open, can only be an opening one, and is moved after the space. Text
    whose quotations are balanced comes back unchanged. Returns the text and the number of marks moved.
    """
    if '"' not in text or not _TRANSPOSED_RE.search(text):
        return text, 0
    out_lines, moved = [], 0
    for line in text.split("\n"):
        parts, last, inside = [], 0, False
        for match in _STRAIGHT_RE.finditer(line):
            mark, k = match.group(0), match.start()
            before = line[k - 1] if k else " "
            after = line[k + 1] if k + 1 < len(line) else " "
            if mark == "“":
                inside = True
            elif mark == "”":
                inside = False
            elif before in ".?!," and after == " " and k + 2 < len(line) and line[k + 2].isupper():
                if inside:
                    inside = False  # a closing mark
                else:
                    parts.append(line[last:k] + ' "')  # an opening mark that lost its place
                    last, inside, moved = k + 2, True, moved + 1
            elif before.isspace() or before in "([—–-:" or k == 0:
                inside = True
            elif after.isspace() or after in ".,;:?!)" or k + 1 == len(line):
                inside = False
            else:
                inside = not inside
        parts.append(line[last:])
        out_lines.append("".join(parts))
    return "\n".join(out_lines), moved


# --- mojibake -------------------------------------------------------------------------------


def repair_mojibake(text: str) -> tuple[str, int]:
    """The text with its mojibake repaired by ftfy, and how many of its characters changed."""
    if not _MOJIBAKE_HINT_RE.search(text):
        return text, 0
    restored = _restore_lost_bytes(text)
    fixed = _fix_encoding(restored)
    if fixed == text:
        return text, 0
    if fixed == restored:  # only our byte restoration changed something, and ftfy did not want it
        return text, 0
    return fixed, count_changed(text, fixed)


def _fix_encoding(text: str) -> str:
    """ftfy over the text, in chunks that end at a line break or at a space between ASCII
    characters (no mojibake spans one), so that ftfy never cuts a sequence in two."""
    return "".join(_fix_chunk(chunk) for chunk in _chunks(text))


def _chunks(text: str):
    start = 0
    while len(text) - start > CHUNK_CHARS:
        end = text.rfind("\n", start, start + CHUNK_CHARS) + 1
        if end <= start:
            end = _ascii_space_before(text, start + CHUNK_CHARS, start)
        yield text[start:end]
        start = end
    yield text[start:]


def _ascii_space_before(text: str, limit: int, start: int) -> int:
    """The offset after the last space before ``limit`` with ASCII on both sides (else ``limit``)."""
    pos = limit
    while True:
        pos = text.rfind(" ", start + 1, pos)
        if pos < 0:
            return limit
        if text[pos - 1].isascii() and text[pos + 1 : pos + 2].isascii():
            return pos + 1


def _fix_chunk(chunk: str) -> str:
    """Decomposed mojibake ("A" + combining tilde for "Ã") is recognised only in NFC, so a line
    that is not in NFC is composed first, but kept so only if it holds mojibake."""
    if unicodedata.is_normalized("NFC", chunk):
        return ftfy.fix_text(chunk, FTFY_CONFIG)
    return "\n".join(_fix_line(line) for line in chunk.split("\n"))


def _fix_line(line: str) -> str:
    if not unicodedata.is_normalized("NFC", line):
        composed = unicodedata.normalize("NFC", line)
        fixed = ftfy.fix_text(composed, FTFY_CONFIG)
        if fixed != composed:
            return fixed
    return ftfy.fix_text(line, FTFY_CONFIG)


def _restore_lost_bytes(text: str) -> str:
    for lossy, restored in LOST_BYTE_SEQUENCES:
        if lossy in text:
            text = text.replace(lossy, restored)
    return text


def count_changed(before: str, after: str) -> int:
    """How many characters of ``before`` were replaced or dropped to give ``after``.

    The texts are compared line by line (repairs never add or drop a line break); inside a
    changed line, runs of equal characters are skipped and each repair is found as the
    shortest replacement after which both texts agree again.
    """
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines):
        return _count_changed_in_line(before, after)
    return sum(_count_changed_in_line(o, n) for o, n in zip(old_lines, new_lines) if o != n)


_RESYNC_OLD = 16  # longest garbled run (a doubly encoded quote takes 7 characters, two in a row 14)
_RESYNC_NEW = 4
_RESYNC_AGREE = 6


def _count_changed_in_line(old: str, new: str) -> int:
    i = j = changed = 0
    while i < len(old) and j < len(new):
        i, j = _skip_equal(old, i, new, j)
        if i >= len(old) or j >= len(new):
            break
        step = _resync(old, i, new, j)
        if step is None:  # no agreement nearby: count the rest of the line as changed
            return changed + len(old) - i
        changed += step[0]
        i, j = i + step[0], j + step[1]
    return changed + len(old) - i


def _skip_equal(old: str, i: int, new: str, j: int) -> tuple[int, int]:
    step = 4096
    while step:
        if old[i : i + step] == new[j : j + step] and i + step <= len(old):
            i, j = i + step, j + step
        else:
            step //= 4
    while i < len(old) and j < len(new) and old[i] == new[j]:
        i, j = i + 1, j + 1
    return i, j


def _resync(old: str, i: int, new: str, j: int) -> tuple[int, int] | None:
    """Smallest (old, new) lengths replaced at i and j after which the texts agree again."""
    old_left, new_left = len(old) - i, len(new) - j
    for total in range(1, _RESYNC_OLD + _RESYNC_NEW + 1):
        for a in range(min(total, _RESYNC_OLD), max(total - _RESYNC_NEW, 0) - 1, -1):
            b = total - a
            if a < old_left and b < new_left:
                if old[i + a] == new[j + b] and _agree(old, i + a, new, j + b):
                    return a, b
            elif a == old_left and b == new_left:  # both replaced to their ends
                return a, b
    return None


def _agree(old: str, i: int, new: str, j: int) -> bool:
    """Do the texts agree from i and j: for a few characters, to both ends, or in ASCII up to
    the next non-ASCII character of ``old`` (where the next repair may start)?"""
    if i >= len(old) or j >= len(new):
        return i >= len(old) and j >= len(new)
    for k in range(_RESYNC_AGREE):
        if i + k >= len(old) or j + k >= len(new):
            return i + k >= len(old) and j + k >= len(new)
        if old[i + k] != new[j + k]:
            return k > 0 and old[i : i + k].isascii() and not old[i + k].isascii()
    return True


# --- scraper leftovers ----------------------------------------------------------------------

# A stripped line that is a JavaScript statement (each pattern is matched at the line start).
CODE_LINE_PATTERNS = (
    r"var\s+[A-Za-z_$][\w$]*\s*(?:=|;|,)",
    r"(?:let|const)\s+[A-Za-z_$][\w$]*\s*=(?!=)",
    r"\(?\s*function\s*[\w$]*\s*\(.*[{;,)]$",
    r"(?:\$|jQuery)\(.*[{;,)]$",
    r"(?:document|window|location|navigator|console)\.[A-Za-z_$][\w$]*\s*[.(=\[]",
    r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(|\s*=(?!=)).*[;{(,)]$",  # s.parentNode.insertBefore(bp, s);
    r"[A-Za-z_$][\w$]*\s*[-+*/|]?=(?!=)[^=].*;$",  # x = 1;
    r"if\s*\(.*\)\s*\{$",
    r"\}?\s*else\b(?:.*\{)?$",
    r"\}?\s*(?:try\s*\{|catch\s*\(|finally\s*\{)",
    r"return\b.*;$",
    r"[{}()\[\];,\s]+$",  # }   })();   });
    r"_hmt\b",
    r"</?script\b",
    r"//\s*<!\[CDATA\[|//\s*\]\]>|<!--|-->$",
)

# Where code starts inside a line it is glued to. Generic statements only right after the
# end of a sentence ("direction.var addthis_config"); tracker names anywhere.
GLUED_AFTER_SENTENCE = (
    r"(?:var|let|const)[ \t]+[A-Za-z_$][\w$]{0,80}[ \t]*=",
    r"\(?function[ \t]*\(",
    r"(?:\$|jQuery)\(",
    r"(?:document|window)\.[A-Za-z_$][\w$]{0,80}[.(=]",
)
GLUED_ANYWHERE = (
    r"var[ \t]+(?:addthis_config|addthis_share|_bdhmProtocol|_hmt|_gaq)\b",
    r"document\.write\(",
)

# A call to share the article glued after its last sentence (matched at the end of the line).
GLUED_SHARE_PATTERNS = (
    r"think your friends would be interested\?[ \t]*share this (?:story|article)!?",
    r"share this (?:story|article)!",
)

# Page furniture, one kind per label: (label, pattern matched at the start of the stripped line).
FURNITURE_PATTERNS = (
    ("'Web editor' credit", r"\(?\s*web\s+editors?\s*[:：][^()\n]{1,200}\)?$"),
    ("'Share this' line", r"share(?:\s+this)?(?:\s+(?:article|story|page|post))?(?:\s+(?:on|via)\s+[\w ,&]{1,60})?[\s:.!]*$"),
    ("cookie notice", r"(?:this|our)\s+(?:web\s?site|site|page)\s+uses\s+cookies\b"),
    ("cookie notice", r"we\s+use\s+cookies\b"),
    ("cookie notice", r"by\s+(?:continuing\s+to\s+(?:browse|use)|using)\s+(?:this|our|the)\s+(?:web\s?site|site)\b.{0,200}\bcookies\b"),
    ("cookie notice", r"(?:accept|allow|manage|reject)\s+(?:all\s+)?cookies\b"),
    ("cookie notice", r"cookie\s+(?:policy|settings|preferences|notice)\b.{0,40}$"),
)
# Furniture that cannot be prose, removed on its own line anywhere in the article.
ANYWHERE_LINE_PATTERNS = (
    ("'Web editor' credit", r"\(\s*web\s+editors?\s*[:：][^()\n]{1,200}\)"),
    ("'Share this' line", r"share\s+this\s+(?:article|story)"),
)
RELATED_HEADING = (
    r"(?:related\s+(?:stories|articles|news|reports|links|coverage|content|reading)"
    r"|more\s+(?:stories|news)|read\s+more|you\s+(?:may|might)\s+also\s+like|see\s+also)\s*:?$"
)
RELATED_ITEM_MAX_CHARS = 160  # a headline in a "Related stories" list
RELATED_MAX_ITEMS = 15
FURNITURE_MAX_CHARS = 400  # longer lines are never furniture
# A cookie notice quotes nobody: a line with quotation marks or "said" is reporting.
_REPORTED_RE = re.compile(r"[\"“”]|\bsa(?:id|ys)\b")

_CODE_LINE_RE = re.compile("|".join(f"(?:{p})" for p in CODE_LINE_PATTERNS))
_GLUED_RE = re.compile(
    r"(?<=[.!?\"”’')\]])[ \t]{0,3}(?=" + "|".join(GLUED_AFTER_SENTENCE) + ")"
    "|(?=" + "|".join(GLUED_ANYWHERE) + ")"
)
_FURNITURE_RES = tuple((label, re.compile(p, re.I)) for label, p in FURNITURE_PATTERNS)
_ANYWHERE_RE = re.compile(
    r"^[ \t]*(?:" + "|".join(f"(?P<p{k}>{p})" for k, (_, p) in enumerate(ANYWHERE_LINE_PATTERNS)) + r")[ \t]*(?:\n|\Z)",
    re.I | re.M,
)
_RELATED_RE = re.compile(RELATED_HEADING, re.I)
_GLUED_SHARE_RE = re.compile(r"(?<=[.!?\"”’')\]])[ \t]+(?:" + "|".join(GLUED_SHARE_PATTERNS) + r")[ \t]*$", re.I)
_SHARE_LABEL = "'Share this' line"
_CODE_END = (";", "}", ")")
# A sentence starting inside what looked like glued code: it is prose after all.
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"”’]?[ \t]+[A-Z][a-z]")
_JS_LABEL = "trailing JavaScript"
_RELATED_LABEL = "'Related stories' list"


def remove_leftovers(text: str) -> tuple[str, list[str]]:
    """The text without scraper leftovers, and the kinds of leftover removed."""
    kept, tail_labels = _cut_trailing(text)
    kept, line_labels = _drop_anywhere_lines(kept)
    labels = list(dict.fromkeys(line_labels + tail_labels))
    return kept, labels


def _cut_trailing(text: str) -> tuple[str, list[str]]:
    """Cut the trailing run of code and furniture lines (and a code tail glued to the last line)."""
    cut = len(text)
    labels: list[str] = []  # found from the end: reversed on return
    list_items = 0  # headline-like lines waiting for a "Related stories" heading above them
    for start, line in _lines_from_end(text):
        stripped = line.strip()
        if not stripped:
            continue
        if _RELATED_RE.match(stripped):
            cut, list_items = start, 0
            labels.append(_RELATED_LABEL)
            continue
        kind = _line_kind(stripped)
        if list_items:
            if kind is None and _is_list_item(stripped) and list_items < RELATED_MAX_ITEMS:
                list_items += 1
                continue
            break  # the short lines were not a list after all: keep them and what precedes
        if kind is not None:
            cut = start
            labels.append(kind)
            continue
        glued = _glued_tail(line)
        if glued is not None:
            cut = start + glued[0]
            labels.append(glued[1])
            prefix = line[: glued[0]].strip()
            kind = _line_kind(prefix) if prefix else None
            if kind is not None:  # the tail was glued to a furniture line
                cut = start
                labels.append(kind)
                continue
            break
        if _is_list_item(stripped):
            list_items = 1
            continue
        break
    if cut == len(text):
        return text, []
    return text[:cut].rstrip(), list(reversed(dict.fromkeys(labels)))


def _lines_from_end(text: str):
    """(start offset, line) for each line, last line first."""
    end = len(text)
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        yield start, text[start:end]
        end = start - 1


def _line_kind(stripped: str) -> str | None:
    """The label of a stripped line that is code or page furniture, else None."""
    if _CODE_LINE_RE.match(stripped):
        return _JS_LABEL
    if len(stripped) > FURNITURE_MAX_CHARS:
        return None
    for label, rx in _FURNITURE_RES:
        if rx.match(stripped):
            if label == "cookie notice" and _REPORTED_RE.search(stripped):
                return None
            return label
    return None


def _is_list_item(stripped: str) -> bool:
    return len(stripped) <= RELATED_ITEM_MAX_CHARS and not stripped.endswith((".", "。", ":", ";", ","))


def _glued_tail(line: str) -> tuple[int, str] | None:
    """Where leftovers glued to the end of a prose line start, and their label."""
    code = _glued_code_start(line)
    if code is not None:
        return code, _JS_LABEL
    m = _GLUED_SHARE_RE.search(line)
    if m is not None and m.start() > 0:
        return m.start(), _SHARE_LABEL
    return None


def _glued_code_start(line: str) -> int | None:
    """Where code glued to the end of a prose line starts, if the rest of the line is code."""
    tail = line.rstrip()
    if not tail.endswith(_CODE_END):
        return None
    for m in _GLUED_RE.finditer(line):
        if m.start() > 0:
            if _SENTENCE_BREAK_RE.search(line, m.start()):  # prose goes on after it
                return None
            return m.start()
    return None


def _drop_anywhere_lines(text: str) -> tuple[str, list[str]]:
    labels: list[str] = []

    def drop(m: re.Match) -> str:
        labels.append(ANYWHERE_LINE_PATTERNS[int(m.lastgroup[1:])][0])
        return ""

    kept = _ANYWHERE_RE.sub(drop, text)
    return kept, labels

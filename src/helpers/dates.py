"""How an article's date is read, and inferred when the article has none.

Three sources, in order of trust:

1. ``header``: the seed format's first line, `` date YYYY-MM-DD``.
2. ``column``: a ``date`` column in a CSV, TSV or JSONL file.
3. ``inferred``: the estimated writing date from ``infer_dates``, which reads only
   the mentions the text reports as past ("On March 3, 2021, the council voted")
   and sets aside upcoming ones ("the Nov. 8 election", "will meet in June 2022",
   "by 2030"). It gives an ``earliest`` date (a lower bound) for many undated
   articles and an ``estimate`` only when the text pins the date down; the words
   that decided both are kept as evidence.

Where none applies, the date is ``missing`` and the article is still analysed
(its evidence still says what earliest date the text allows, if any).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# ` date 2020-09-11 ` at the very start of a seed file. The body follows on the same line.
HEADER_RE = re.compile(r"^[ \t]*date[ \t]+(\d\S*)[ \t]?")

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WRITTEN_FORMS = [
    # December 15, 2018 / Dec. 15 2018
    re.compile(rf"^(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$", re.I),
    # 15 Dec 2018 / 15 December, 2018
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_ALT})\.?,?\s+(?P<year>\d{{4}})$", re.I),
]


@dataclass(frozen=True)
class DateReading:
    """A date (or None) with where it came from and the words that support it."""

    date: dt.date | None
    source: str  # header, column, inferred, missing
    evidence: str


_TIME_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*,?\s*(?=[A-Za-z0-9])|(?<=\d{4}),?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?$")


def parse_date(value: str) -> dt.date:
    """Parse an ISO 8601 date (or date-time) or a common written form.

    Raises ValueError with the value quoted when it is not a real date.
    """
    text = str(value).strip()
    # A time of day before or after the date ("15:43, March 12, 2019", as People's Daily prints it) says nothing more.
    text = _TIME_RE.sub("", text).strip(" ,") or text
    parts = None
    numeric = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?$", text) or re.match(
        r"^(\d{4})/(\d{1,2})/(\d{1,2})$", text
    )
    if numeric:
        parts = tuple(int(part) for part in numeric.groups())
    for form in _WRITTEN_FORMS:
        match = None if parts else form.match(text)
        if match:
            parts = (int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    if parts:
        try:
            return dt.date(*parts)
        except ValueError as exc:
            raise ValueError(f"'{text}' is not a real date ({exc})") from None
    raise ValueError(f"'{text}' is not a date in a known form (use YYYY-MM-DD or 'December 15, 2018')")


EARLIEST_YEAR = 1800  # an earlier "publication date" is a typo or a placeholder (0001-01-01)


def check_not_future(date: dt.date, today: dt.date | None = None) -> None:
    """Raise ValueError when a date lies after today (a typo or a clock error) or before 1800 (a placeholder)."""
    if date.year < EARLIEST_YEAR:
        raise ValueError(f"{date.isoformat()} is before {EARLIEST_YEAR}: a placeholder, not a publication date")
    today = today or dt.date.today()
    if date > today:
        raise ValueError(f"{date.isoformat()} is in the future (today is {today.isoformat()})")


# --- inference -----------------------------------------------------------------
#
# An undated article is dated from the dates, months, quarters and years it mentions, but only
# from those it reports as *past*: "On March 3, 2021, the council voted" proves the article was
# written on or after 2021-03-03; "the Nov. 8 election", "will meet in June 2022", "by 2030" prove
# nothing of the kind (they are upcoming, or carry no tense), so they never raise the earliest date.
# Upcoming mentions are used the other way round: an article that calls Nov. 8 upcoming was written
# before Nov. 8, which caps the estimate. Everything is regular expressions over short windows around
# each mention, so the time is linear in the length of the text.

_Y = r"(?:19[5-9]\d|20\d\d)"  # a year alone
_YA = r"(?:1[0-9]\d\d|20\d\d)"  # a year after a month: "Born May 24, 1917" is not a yearless May 24
_MONTH_TOKENS = sorted({form for name in MONTHS for form in (name.capitalize(), name.upper())}, key=len, reverse=True)
_MON = "(?:" + "|".join(_MONTH_TOKENS) + ")"
_FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")]
_FULL_MON = "(?:" + "|".join(sorted({f for n in _FULL_MONTHS for f in (n.capitalize(), n.upper())}, key=len,
                                      reverse=True)) + ")"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WD = "(?:" + "|".join(w.capitalize() for w in _WEEKDAYS) + ")"

# One pass over the text; the first alternative that matches at a position wins.
_MENTION_RE = re.compile(
    "|".join(
        [
            # Tuesday, March 3, 2021 / March 3 / Nov. 8, 2016 / March 3rd
            rf"(?:(?P<wd1>{_WD}),?\s+)?\b(?P<m1>{_MON})\b\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<y1>{_YA})\b)?",
            # 3 March 2021 / 3rd of March
            rf"(?:(?P<wd2>{_WD}),?\s+)?\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON})\b\.?"
            rf"(?:,?\s+(?P<y2>{_YA})\b)?",
            # June 2019 / June of 2019
            rf"\b(?P<m3>{_MON})\b\.?,?\s+(?:of\s+)?(?P<y3>{_YA})\b",
            # the second quarter (of 2020) / Q2 2020 / 2020 Q2
            rf"\b(?P<qo>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s](?i:quarter)\b"
            rf"(?:,?\s+(?:of\s+)?(?P<qy>{_Y})\b)?",
            rf"\bQ(?P<qn>[1-4])\b(?:\s+(?P<qy2>{_Y})\b)?",
            rf"\b(?P<qy3>{_Y})\s+Q(?P<qn3>[1-4])\b",
            # 2021-03-03 and 3/3/2021 (US order)
            rf"\b(?P<iy>{_Y})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b",
            rf"\b(?P<um>1[0-2]|0?[1-9])/(?P<ud>[0-3]?\d)/(?P<uy>{_Y})\b",
            rf"\b(?P<yr>{_Y})\b",
            rf"\b(?P<m4>{_FULL_MON})\b",
        ]
    )
)

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# A sentence ends at . ! ? followed by a capital (quotes and brackets allowed between), or at a line break.
_BOUNDARY_RE = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n")
_LAST_WORD_RE = re.compile(r"\w{1,20}$")  # the word before a full stop ("Mr.", "Nov." do not end a sentence)
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "jr", "sr", "u", "s", "lt", "col", "sgt", "prof",
    "no", "vs", "inc", "co", "corp", "ltd", "pres", "rev", "hon", "mt", "ft", "ave", "d", "r", "i",
} | set(MONTHS)
_WINDOW = 160  # characters looked at on either side of a mention (and never past the sentence)
_TOKENS = 12  # words on either side that can decide the tense

_FUTURE_WORDS = {
    "will", "shall", "won't", "wont", "gonna", "would", "could", "might", "should", "must", "scheduled",
    "slated", "expected", "expects", "expect", "planned", "plans", "plan", "planning", "intends", "intend",
    "upcoming", "forthcoming", "next", "tomorrow", "due", "until", "till", "deadline", "anticipated",
    "projected", "proposed", "aims", "hopes", "ahead", "coming",
}
# Right before a mention these make it a limit or a target, never a past event: "by 2030", "until June".
_FUTURE_BEFORE = _FUTURE_WORDS | {"by", "before", "starting", "beginning", "effective"}
# Right before a mention these make it one end of a span, which says nothing of when it was written.
_SPAN_BEFORE = {"through", "thru", "between", "past", "beyond"}
_PAST_BEFORE = {"last", "since", "earlier", "previous", "ago"}
_PRESENT_WORDS = {"is", "are", "am", "says", "say", "begins", "starts", "ends", "opens", "closes", "falls", "runs",
                  "remains"}
_PAST_WORDS = {
    "was", "were", "had", "did", "said", "told", "held", "won", "lost", "took", "made", "met", "came", "went",
    "began", "gave", "got", "saw", "became", "ran", "wrote", "left", "fell", "rose", "sold", "paid", "found",
    "brought", "thought", "bought", "caught", "fought", "taught", "sought", "felt", "kept", "meant", "sent",
    "spent", "built", "led", "spoke", "struck", "grew", "drew", "broke", "chose", "knew", "stood", "threw",
    "wore", "heard", "upheld", "withdrew", "overtook", "forgot", "froze", "hid", "rode", "rang", "sang", "sank",
    "shook", "shot", "slid", "stole", "stuck", "swore", "swept", "tore", "woke", "ago", "earlier", "wasn't",
    "weren't", "didn't", "hadn't", "fled", "bled", "sped", "shed",
}
_NOT_VERBS_ED = {
    "united", "need", "indeed", "hundred", "proceed", "exceed", "succeed", "speed", "seed", "feed", "bed",
    "red", "breed", "greed", "reed", "ted", "fred", "ned", "ed", "bred", "wed", "sacred", "naked", "wicked",
    "rugged", "beloved", "aged", "based", "so-called", "alleged", "related", "limited", "advanced", "detailed",
    "interested", "concerned", "supposed", "unprecedented", "red", "embed", "tweed", "creed", "heed", "weed",
    "biased", "talented", "complicated", "sophisticated", "dedicated", "educated", "ragged", "wretched",
    "crooked", "learned", "skilled", "armed", "mixed", "divided", "renewed", "sustained", "combined",
}
_ATTRIBUTION_WORDS = {"said", "says", "told", "added", "according", "noted", "wrote", "stated", "explained",
                      "argued", "reported", "announced", "tweeted", "insisted", "warned", "claimed"}
_PASSIVE_PRESENT = {"is", "are", "am", "be", "being", "get", "gets"}
_EVENT_NOUNS = {
    "election", "elections", "primary", "primaries", "caucus", "caucuses", "vote", "votes", "referendum",
    "debate", "debates", "deadline", "meeting", "summit", "hearing", "conference", "convention", "runoff",
    "ballot", "midterm", "midterms", "launch", "release", "trial", "ceremony", "inauguration", "rally", "talks",
    "contest", "showdown", "date", "poll", "polls",
}
_YEAR_PREPOSITIONS = {"in", "since", "during", "throughout", "of", "early", "late", "mid", "from", "after"}
_MONTH_PREPOSITIONS = _YEAR_PREPOSITIONS | {"last", "this", "until", "till", "by", "before", "next", "through",
                                            "on", "and", "or", "to", "between", "earlier", "later", "that"}


@dataclass(frozen=True)
class DateInference:
    """What an undated article's text says about when it was written.

    ``earliest``: the earliest date the article can have been written, from mentions of past events only.
    ``estimate``: the most likely writing date (never before ``earliest``). ``evidence``: the mentions
    that decided both, and those ignored as upcoming, in words a reporter can check.
    """

    earliest: dt.date | None
    estimate: dt.date | None
    evidence: str


@dataclass
class _Mention:
    start: int
    end: int
    words: str
    precision: str  # day, month, quarter, year
    year: int | None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    tense: str = "none"  # past, future, none
    cue: str = ""
    lower: dt.date | None = None  # the first day the mention can name (past: earliest writing date)
    upper: dt.date | None = None  # the last day it can name (future: the article is before it)
    year_read: str = ""  # how a missing year was read
    shift: int = 0  # "last March": read a year before the year the others are read in


def _first_day_after_month(year: int, month: int) -> dt.date:
    return dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)


def _is_boundary(window: str, boundary: re.Match) -> bool:
    if boundary.group(0) == "\n":
        return True
    word = _LAST_WORD_RE.search(window, max(0, boundary.start() - 20), boundary.start())
    word = word.group(0).lower() if word else ""
    return word not in _ABBREVIATIONS and not (len(word) == 1 and word.isalpha())


def _window(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words before (nearest last) and after (nearest first) a mention, within its sentence."""
    before = text[max(0, start - _WINDOW) : start]
    cut = 0
    for boundary in reversed(list(_BOUNDARY_RE.finditer(before))):
        if _is_boundary(before, boundary):
            cut = boundary.end()
            break
    after = text[end : end + _WINDOW]
    for boundary in _BOUNDARY_RE.finditer(after):
        if _is_boundary(after, boundary):
            after = after[: boundary.start() + 1]
            break
    return _TOKEN_RE.findall(before, cut)[-_TOKENS:], _TOKEN_RE.findall(after)[:_TOKENS]


@functools.lru_cache(maxsize=4096)
def _word_tense(word: str) -> str | None:
    """The tense a lowercased word carries on its own: future, present, past, said (past, whatever precedes) or None."""
    if word in _FUTURE_WORDS or word.endswith(("'ll", "’ll")):
        return "future"
    if word in ("set", "going"):
        return "set"
    if word in _PRESENT_WORDS:
        return "present"
    if word in ("said", "ago", "earlier"):
        return "said"
    if word in _PAST_WORDS or (word.endswith("ed") and len(word) > 4 and word not in _NOT_VERBS_ED):
        return "past"
    return None


def _verb_tense(tokens: list[str], index: int) -> str | None:
    """past, future, present or None for the word at ``index`` of ``tokens`` (lowercased)."""
    tense = _word_tense(tokens[index])
    if tense is None or tense in ("future", "present"):
        return tense
    if tense == "said":
        return "past"
    if tense == "set":
        return "future" if index + 1 < len(tokens) and tokens[index + 1] in ("to", "for") else None
    # "will be held", "is held": not a past event.
    for back in tokens[max(0, index - 2) : index]:
        if back in _PASSIVE_PRESENT:
            return "present"
    return "past"


def _tense(text: str, mention: _Mention) -> tuple[str, str, str]:
    """('past' | 'future' | 'none', the deciding word, how) for a mention, from the words around it.

    ``how`` is ``next to`` (a word right before or after: "last", "by", "ago"), ``verb`` (the verb right
    before, a preposition allowed between: "voted on"), ``clause`` (the mention opens its clause:
    "In 2019, sales fell") or ``nearest`` (the nearest verb with a tense, either side).
    """
    before, after = _window(text, mention.start, mention.end)
    # A capitalised word inside a sentence is a name ("Planned Parenthood", "United Nations"), not a verb.
    low_before = [w.lower() if i == 0 or not w[0].isupper() else "" for i, w in enumerate(before)]
    low_after = [w.lower() if not w[0].isupper() else "" for w in after]
    # Right before the mention: "by", "until", "next", "ahead of" make it a target; "last", "since" a past one.
    for word in reversed(low_before[-4:]):
        if word in _FUTURE_BEFORE or word.endswith(("'ll", "’ll")):
            return "future", word, "next to"
        if word in _PAST_BEFORE:
            return "past", word, "next to"
        if word in _SPAN_BEFORE:
            return "none", word, "next to"
    if "ago" in low_after[:3]:
        return "past", "ago", "next to"
    if "the" in low_before[-1:] and low_after[:1] and low_after[0] in _EVENT_NOUNS:
        # "the Nov. 8 election": a name for an event, past only with a past verb right by it.
        before, after, low_before, low_after = before[-3:], after[:3], low_before[-3:], low_after[:3]
    # A verb right before, with at most a preposition between: "voted on", "was held in", "said Tuesday".
    if low_before:
        last = len(low_before) - 1
        if low_before[last] in ("on", "in", "at", "during") and last > 0:
            last -= 1
        tense = _verb_tense(low_before, last)
        if tense in ("past", "future"):
            return tense, before[last], "verb"
    opens = len(low_before) <= 1 and text[mention.end : mention.end + 1] == ","
    # Otherwise the nearest verb that has a tense; on a tie, upcoming wins.
    for distance in range(1, _TOKENS + 1):
        found = []
        if distance <= len(low_before):
            found.append((_verb_tense(low_before, len(low_before) - distance), before[len(before) - distance]))
        if distance <= len(low_after) and (opens or low_after[distance - 1] not in _ATTRIBUTION_WORDS):
            # "... end in May 2019, BOEM said": the verb of saying tells when it was said, not when the
            # event is; but in "On March 3, 2021, the council said" it is the event.
            found.append((_verb_tense(low_after, distance - 1), after[distance - 1]))
        tenses = {tense for tense, _ in found if tense}
        how = "clause" if opens else "nearest"
        if "future" in tenses:
            return "future", next(word for tense, word in found if tense == "future"), how
        if "present" in tenses:
            return "none", next(word for tense, word in found if tense == "present"), how
        if "past" in tenses:
            return "past", next(word for tense, word in found if tense == "past"), how
    return "none", "", "nearest"


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:  # Feb. 29 in a year that has none
        return None


def _some(items: list[str], shown: int = 5) -> str:
    return ", ".join(items[:shown]) + (f" and {len(items) - shown} more" if len(items) > shown else "")


def _quarter_range(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 3 * quarter - 2, 1), _first_day_after_month(year, 3 * quarter) - dt.timedelta(days=1)


def _mentions(text: str) -> list[_Mention]:
    """Every mention of a date, month, quarter or year, in text order, with its tense."""
    found: list[_Mention] = []
    for match in _MENTION_RE.finditer(text):
        g = match.groupdict()
        words = match.group(0)
        mention = None
        if g["m1"] or g["m2"]:
            month = MONTHS[(g["m1"] or g["m2"]).lower()]
            day = int(g["d1"] or g["d2"])
            year = g["y1"] or g["y2"]
            weekday = g["wd1"] or g["wd2"]
            if 1 <= day <= 31:
                mention = _Mention(match.start(), match.end(), words, "day", int(year) if year else None, month, day,
                                   _WEEKDAYS.index(weekday.lower()) if weekday else None)
        elif g["m3"]:
            mention = _Mention(match.start(), match.end(), words, "month", int(g["y3"]), MONTHS[g["m3"].lower()])
        elif g["qo"] or g["qn"] or g["qn3"]:
            quarter = _ORDINALS[g["qo"].lower()] if g["qo"] else int(g["qn"] or g["qn3"])
            year = g["qy"] or g["qy2"] or g["qy3"]
            mention = _Mention(match.start(), match.end(), words, "quarter", int(year) if year else None, quarter)
        elif g["iy"] or g["uy"]:
            year, month, day = (g["iy"], g["im"], g["id"]) if g["iy"] else (g["uy"], g["um"], g["ud"])
            mention = _Mention(match.start(), match.end(), words, "day", int(year), int(month), int(day))
        elif g["yr"]:
            mention = _Mention(match.start(), match.end(), words, "year", int(g["yr"]))
        elif g["m4"]:
            previous = _TOKEN_RE.findall(text[max(0, match.start() - 20) : match.start()])[-1:]
            previous = previous[0].lower() if previous else ""
            allowed = _MONTH_PREPOSITIONS - ({"and", "or", "to", "that"} if g["m4"].lower() == "may" else set())
            if previous in allowed or previous.startswith("mid"):
                mention = _Mention(match.start(), match.end(), words, "month", None, MONTHS[g["m4"].lower()])
        if mention is None:
            continue
        if mention.precision == "year":
            previous = _TOKEN_RE.findall(text[max(0, match.start() - 20) : match.start()])[-1:]
            if not previous or previous[0].lower() not in _YEAR_PREPOSITIONS:
                mention.tense, mention.cue = "none", "a year used as a name ('the 2020 race')"
                found.append(mention)
                continue
        mention.tense, mention.cue, how = _tense(text, mention)
        if mention.year is None and mention.cue == "last" and mention.precision in ("day", "month"):
            mention.shift = -1
        if mention.precision == "year" and mention.tense == "past" and how == "nearest":
            # "candidates running in 2020 drew support": a year is a past event only when its own verb
            # says so ("voted in 2019", "since 2015", "In 2019, sales fell").
            mention.tense, mention.cue = "none", f"no verb of its own ('{mention.cue}' is further off)"
        found.append(mention)
    return found


def _set_range(mention: _Mention, year: int | None, today: dt.date) -> bool:
    """Fill lower/upper for a mention read in ``year`` (its own year when it has one). False when impossible."""
    year = mention.year if mention.year is not None else (year + mention.shift if year is not None else None)
    mention.year_read, mention.lower, mention.upper = "", None, None
    if year is None:
        return False
    try:
        if mention.precision == "day":
            if mention.year is None and mention.weekday is not None:
                # "Tuesday, March 1": the year nearest the reading year in which March 1 is a Tuesday.
                fits = [y for y in range(year - 6, year + 2) if _weekday(y, mention.month, mention.day) == mention.weekday]
                if fits:
                    year = min(fits, key=lambda y: (abs(y - year), y))
                    weekday = _WEEKDAYS[mention.weekday].capitalize()
                    mention.year_read = f"read as {year}: the year in which it falls on a {weekday}"
            mention.lower = mention.upper = dt.date(year, mention.month, mention.day)
        elif mention.precision == "month":
            mention.lower = dt.date(year, mention.month, 1)
            mention.upper = _first_day_after_month(year, mention.month) - dt.timedelta(days=1)
        elif mention.precision == "quarter":
            first, last = _quarter_range(year, mention.month)
            # A quarter reported in the past tense is a completed period ("in the second quarter, Tesla delivered").
            completed = mention.tense == "past"
            mention.lower, mention.upper = (last + dt.timedelta(days=1) if completed else first), last
        else:
            mention.lower, mention.upper = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return False
    if mention.year is None and not mention.year_read:
        mention.year_read = f"read as {year}"
    return mention.lower <= today


def _quote(mention: _Mention) -> str:
    words = " ".join(mention.words.split())
    return f"'{words}'" + (f" ({mention.year_read})" if mention.year_read else "")


def infer_dates(text: str, today: dt.date | None = None) -> DateInference:
    """The earliest and the most likely writing date of an undated article, from its mentions of dates.

    ``earliest`` is the latest past event the text reports: a full date in the past tense ("On March 3,
    2021, the council voted" gives 2021-03-03: the article can have been written that same day), a
    month ("in March 2021, prices rose" gives 2021-03-01), a completed quarter reported as results
    ("in the second quarter, Tesla delivered" gives the day after the quarter), a year with its own
    verb ("voted in 2019", "since 2015", "In 2019, sales fell" give 2019-01-01). Mentions of upcoming
    events ("will", "is scheduled", "upcoming", "next", "is expected to", "by 2030", "due", "until",
    "ahead of") and mentions with no tense ("the Nov. 8 election") never count. A day or month named
    without a year ("in March") counts only when the text reports a past event with an explicit year:
    it is read in the latest such year ("last March" a year before; "Tuesday, March 1" in the nearest
    year where March 1 is a Tuesday).

    ``estimate`` is given only when the text pins the date down. Its anchor is the latest past event
    named to the day (or a completed quarter) whose year is written out or fixed by its weekday, and the
    text must bear it out with a mention that has its own year: the anchor names its weekday, or another
    past event falls in the 31 days before it (or the same day is written another way), or an upcoming
    date falls in the 60 days after it; and no mention with a year and without a future tense lies
    more than 31 days after it (the article's "now" would be later). The estimate is then the anchor's
    day (a completed quarter's next day), moved to a later past event read in the anchor's year within
    60 days, and never after the soonest upcoming date after it. It is never before ``earliest`` nor
    after ``today``. Relative words ("on Tuesday", "yesterday", "this week") are not used, beyond a
    weekday written with a date: they tell how far back an event is, not which year the article is in
    (on the development corpora, articles using them were dated no better). Most articles get no
    estimate: news style leaves the current year out ("on March 3"), so such a date cannot be placed.
    """
    today = today or dt.date.today()
    mentions = _mentions(text)
    explicit = [m for m in mentions if m.year is not None and m.year <= today.year]
    past_years = [m.year for m in explicit if m.tense == "past"]
    anchor_year = max(past_years) if past_years else None
    named_years = [m.year for m in explicit if m.tense != "future"]
    reading_year = max(named_years) if named_years else None

    # Earliest: past mentions with a year, and yearless ones read in the latest past year.
    bounds: list[_Mention] = []
    for mention in mentions:
        if mention.tense == "past" and (mention.year is not None or anchor_year is not None):
            if _set_range(mention, anchor_year, today):
                bounds.append(mention)
    earliest_by = max(bounds, key=lambda m: m.lower) if bounds else None
    earliest = earliest_by.lower if earliest_by else None
    # Said now: _estimate reads the same mentions again, perhaps in another year.
    earliest_why = f"{_quote(earliest_by)}, a past event ('{earliest_by.cue}')" if earliest_by else ""
    estimate, estimate_why = _estimate(mentions, reading_year, earliest, today)
    if estimate and earliest and estimate < earliest:
        estimate, estimate_why = earliest, estimate_why + ", moved up to the earliest date"
    return DateInference(earliest, estimate, _evidence(mentions, earliest, earliest_why, estimate, estimate_why))


def _estimate(mentions: list[_Mention], reading_year: int | None, earliest, today: dt.date):
    """(estimate, why) or (None, why): see ``infer_dates``."""
    dated = ("day", "month", "quarter")
    # Anchors: past events whose year is written out or fixed by their weekday.
    anchors = []
    for mention in mentions:
        if mention.tense != "past" or mention.precision not in ("day", "quarter"):
            continue
        if _set_range(mention, reading_year, today):
            if mention.year is not None or (mention.weekday is not None and "weekday" in mention.year_read):
                anchors.append((mention.lower, mention))
    if not anchors:
        return None, "no estimate: no past event named with its year to the day (or a completed quarter)"
    start, anchor = max(anchors, key=lambda pair: pair[0])
    year = start.year if anchor.precision != "quarter" else anchor.upper.year

    # Every other day or month mention, read in the anchor's year where it has none.
    others = []
    for mention in mentions:
        if mention is not anchor and mention.precision in dated and _set_range(mention, year, dt.date.max):
            others.append(mention)
    later = [m for m in others if m.tense != "future" and m.year is not None and (m.lower - start).days > 31]
    if later:
        return None, f"no estimate: {_quote(anchor)} is not the article's time, {_quote(later[0])} is named after it"
    weekday = anchor.weekday is not None and anchor.precision == "day"
    # Corroboration: another past event in the month before, or the same day written another way
    # ("2016-08-23" in an embedded post and "August 23, 2016" in the text).
    # Only a mention with its own year can bear the anchor out: "Sept. 11" read in the year of
    # "Sept. 11, 2001" would confirm it with its own reading.
    own = " ".join(anchor.words.split())
    dated_alone = [m for m in others if m.year is not None or "weekday" in m.year_read]
    before = [m for m in dated_alone if m.tense == "past" and 0 < (start - m.lower).days <= 31
              or m.precision == "day" and m.lower == start and m.tense != "future" and " ".join(m.words.split()) != own]
    upcoming = [m for m in dated_alone if m.tense == "future" and 0 < (m.lower - start).days <= 60]
    if not (weekday or before or upcoming):
        return None, f"no estimate: nothing else in the text places {_quote(anchor)} near the time of writing"
    if weekday:
        support = "its weekday"
    elif before and before[0].lower == start:
        support = f"the same day written as {_quote(before[0])}"
    elif before:
        support = f"the past {_quote(before[0])}"
    else:
        support = f"the upcoming {_quote(upcoming[0])}"
    estimate, why = start, f"the latest past event named with its year, {_quote(anchor)}, borne out by {support}"
    caps = [m for m in others if m.tense == "future" and m.lower >= start]
    cap = min(caps, key=lambda m: m.lower) if caps else None
    limit = min(today, cap.lower) if cap else today
    follow = [m for m in others if m.tense == "past" and m.year is None and 0 < (m.lower - start).days <= 60
              and m.lower <= limit]
    if follow:
        step = max(follow, key=lambda m: m.lower)
        estimate, why = step.lower, why + f", then {_quote(step)}"
    if cap:
        why += f"; written no later than the upcoming {_quote(cap)}"
    if estimate > today:
        return None, "no estimate: the date the text points to is after today"
    return estimate, why


def _evidence(mentions, earliest, earliest_why, estimate, estimate_why) -> str:
    if not mentions:
        return "no date given and no date, month, quarter or year mentioned in the text"
    parts = []
    if earliest:
        parts.append(f"earliest {earliest.isoformat()} from {earliest_why}")
    else:
        parts.append("no earliest date: the text reports no past event with a date or year")
    if estimate:
        parts.append(f"estimate {estimate.isoformat()}: {estimate_why}")
    else:
        parts.append(estimate_why)
    seen: set[str] = set()
    upcoming, untensed = [], []
    for mention in mentions:
        quoted = " ".join(mention.words.split())
        if (quoted, mention.tense) in seen:
            continue
        seen.add((quoted, mention.tense))
        if mention.tense == "future":
            upcoming.append(f"'{quoted}' ('{mention.cue}')")
        elif mention.tense == "none":
            untensed.append(f"'{quoted}'")
    if upcoming:
        parts.append("ignored as upcoming: " + _some(upcoming))
    if untensed:
        parts.append("ignored, no tense: " + _some(untensed))
    return "no date given; " + "; ".join(parts)


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def infer_date(text: str, today: dt.date | None = None) -> DateReading:
    """The estimated date of an undated article (see ``infer_dates``), as a DateReading.

    Returns ``DateReading(estimate, "inferred", evidence)`` or ``(None, "missing", why)``.
    """
    inference = infer_dates(text, today)
    if inference.estimate is None:
        return DateReading(None, "missing", inference.evidence)
    return DateReading(inference.estimate, "inferred", inference.evidence)

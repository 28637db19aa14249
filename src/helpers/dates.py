"""How an article's date is read, and inferred when the article has none.

Three sources, in order of trust:

1. ``header``: the seed format's first line, `` date YYYY-MM-DD``.
2. ``column``: a ``date`` column in a CSV, TSV or JSONL file.
3. ``inferred``: the earliest date the text allows. An article that says
   "in the second quarter, Tesla delivered..." and "in June" and "2020" can
   only have been written once June 2020 was over, so its date is inferred as
   2020-07-01, with those words kept as evidence.

Where none applies, the date is ``missing`` and the article is still analysed.
"""

from __future__ import annotations

import datetime as dt
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


def parse_date(value: str) -> dt.date:
    """Parse an ISO 8601 date (or date-time) or a common written form.

    Raises ValueError with the value quoted when it is not a real date.
    """
    text = str(value).strip()
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

_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_FULL_DATE_RE = re.compile(
    rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_MONTH_YEAR_RE = re.compile(rf"\b(?P<month>{_MONTH_ALT})\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
# Month names alone: only full names, capitalised, so that "may" (the verb) and "mar" do not count.
_MONTH_ALONE_RE = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b(?!\.?,?\s+\d)"
)
_QUARTER_RE = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|(?P<q>Q[1-4]))\b(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _first_day_after_month(year: int, month: int) -> dt.date:
    return dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)


def infer_date(text: str, today: dt.date | None = None) -> DateReading:
    """Infer the earliest date an undated article can have been written.

    Looks for full dates ("September 11, 2020"), months with a year ("June 2020"),
    quarters ("the second quarter", "Q2 2020") and month names, read in the latest
    year the article mentions. Each mention of a period in the past tense or not, is
    taken as a lower bound: the article is at least as late as the end of the latest
    completed period it names, or the day of the latest full date. A year alone does
    not support a date (articles name future years: "production will start in 2021").

    Returns ``DateReading(date, "inferred", evidence)`` or ``(None, "missing", why)``.
    """
    today = today or dt.date.today()
    years = [int(y) for y in _YEAR_RE.findall(text)]
    candidates: list[tuple[dt.date, str]] = []

    for match in _FULL_DATE_RE.finditer(text):
        try:
            day = dt.date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
        except ValueError:
            continue
        candidates.append((day, f"'{match.group(0)}'"))

    if years:
        reference_year = max(y for y in years if y <= today.year) if any(y <= today.year for y in years) else None
    else:
        reference_year = None

    for match in _MONTH_YEAR_RE.finditer(text):
        month, year = MONTHS[match["month"].lower()], int(match["year"])
        candidates.append((_first_day_after_month(year, month), f"'{match.group(0)}'"))

    if reference_year is not None:
        for match in _MONTH_ALONE_RE.finditer(text):
            month = MONTHS[match.group(1).lower()]
            candidates.append(
                (_first_day_after_month(reference_year, month), f"'{match.group(1)}' (read as {reference_year})")
            )
        for match in _QUARTER_RE.finditer(text):
            quarter = _ORDINALS[match["ord"].lower()] if match["ord"] else int(match["q"][1])
            year = int(match["year"]) if match["year"] else reference_year
            candidates.append(
                (_first_day_after_month(year, quarter * 3), f"'{match.group(0).strip()}' (read as Q{quarter} {year})")
            )

    candidates = [(day, why) for day, why in candidates if day <= today]
    if not candidates:
        if years:
            return DateReading(None, "missing", "only years are mentioned, which do not fix a date")
        return DateReading(None, "missing", "no date header, column or date mention in the text")

    latest = max(day for day, _ in candidates)
    # Evidence: every distinct mention that was read, the deciding one first.
    deciding = [why for day, why in candidates if day == latest]
    others = [why for day, why in candidates if day != latest]
    seen: list[str] = []
    for why in deciding + others:
        if why not in seen:
            seen.append(why)
    years_note = f"; latest year mentioned: {reference_year}" if reference_year else ""
    evidence = (
        f"no date given; earliest possible date from the text: mentions {', '.join(seen[:6])}{years_note}"
    )
    return DateReading(latest, "inferred", evidence)

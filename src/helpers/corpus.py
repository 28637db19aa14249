"""Which articles are there, when were they written, and which could not be used?

``load_corpus(path)`` reads a folder or a file of news articles and returns a
``Corpus``: the ``articles`` table (one row per article) and the ``rejected``
table (one row per input that could not be used, or that duplicates another,
with the reason). Nothing is dropped silently: for every load,

    inputs = loaded + rejected + duplicates

Accepted inputs:

- ``.txt`` files in the seed format: an optional first line `` date YYYY-MM-DD``
  that runs straight into the body;
- ``.csv``, ``.tsv`` and ``.jsonl`` files with a ``text`` column and optional
  ``date``, ``title``, ``outlet``, ``url`` and ``id`` columns (names matched
  regardless of case, with common aliases); a unique unnamed first column (the
  index a spreadsheet or pandas wrote) gives the ids when there is no ``id``;
- ``.html`` and ``.htm`` saved web pages (``webpages``: main text, title, date,
  site name and URL, with navigation, scripts and comments left out);
- a folder holding any of these.

Every text is repaired on the way in (``repair``: mojibake, scraper leftovers,
each counted as a warning), its language detected (``language``), its outlet
read from what the input says (``outlets``: a column, the page, the URL) and
its wire credit from the dateline. Of identical texts, the copy with a valid
date is kept.
"""

from __future__ import annotations

import contextvars
import csv
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .dates import HEADER_RE, check_not_future, infer_dates, parse_date
from .errors import BadInput
from .language import detect_language, is_english
from .outlets import one_name_per_outlet, outlet_from_url, wire_from_dateline
from .repair import repair_text

TEXT_SUFFIXES = {".txt"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl"}
PAGE_SUFFIXES = {".html", ".htm"}
GIVEN_DATES = ("header", "column", "page")  # date sources that are the input's own word, not an inference

ARTICLE_COLUMNS = [
    "article_id",
    "source_file",
    "date",
    "date_source",
    "date_evidence",
    "date_earliest",
    "date_estimate",
    "title",
    "outlet",
    "wire",
    "url",
    "language",
    "text",
    "n_words",
    "sha256",
    "encoding",
    "warnings",
]
REJECTED_COLUMNS = ["source_file", "row", "article_id", "status", "reason", "duplicate_of"]

# Column aliases, lower-cased. The first entry is the canonical name.
COLUMN_ALIASES = {
    "text": ["text", "body", "content", "article", "full_text"],
    "date": ["date", "published", "published_at", "publish_date", "pub_date", "datetime"],
    "title": ["title", "headline"],
    "outlet": ["outlet", "source", "publisher", "publication", "media", "site"],
    "url": ["url", "link", "href"],
    "id": ["id", "article_id", "doc_id", "uid"],
}

TITLE_LENGTH = 90
INDEX_COLUMN = "\x00index"  # the unnamed first column of a table, by a name no real column can have


@dataclass
class Corpus:
    """The loaded articles and the ledger of what was not loaded."""

    articles: pd.DataFrame
    rejected: pd.DataFrame
    path: str = ""
    columns: dict = field(default_factory=dict)

    @property
    def counts(self) -> dict:
        """Inputs, loaded, rejected and duplicates. inputs = loaded + rejected + duplicates."""
        return ledger_counts(len(self.articles), self.rejected, "loaded")

    @property
    def content_hash(self) -> str:
        """A short hash of the loaded articles' contents, in id order: the same corpus gives the same hash."""
        digest = hashlib.sha256()
        for article_id, sha in sorted(zip(self.articles["article_id"], self.articles["sha256"])):
            digest.update(f"{article_id}:{sha}\n".encode())
        return digest.hexdigest()[:16]


def ledger_counts(kept: int, rejected: pd.DataFrame, kept_label: str) -> dict:
    """The accounting every load and analysis reports: inputs = kept + rejected + duplicates."""
    status = rejected["status"] if len(rejected) else pd.Series([], dtype=str)
    n_duplicates = int((status == "duplicate").sum())
    n_rejected = int(len(status) - n_duplicates)
    return {"inputs": kept + n_rejected + n_duplicates, kept_label: kept, "rejected": n_rejected, "duplicates": n_duplicates}


# --- reading bytes ---------------------------------------------------------------


def decode_bytes(raw: bytes) -> tuple[str, str, str]:
    """Decode a file's bytes as text.

    Returns ``(text, encoding, warning)``. UTF-8 (with or without a byte order
    mark) is read silently; anything else is read as Windows-1252 (a superset of
    Latin-1 for printable characters) with a warning. Raises ValueError("not text")
    for binary content, and for an empty or blank input.
    """
    encoding, warning = _choose_encoding(lambda: iter([raw]))
    if encoding == "utf-8-sig":
        return raw[3:].decode("utf-8"), encoding, warning
    return raw.decode(encoding), encoding, warning


def sniff_encoding(path: Path) -> tuple[str, str]:
    """``(encoding, warning)`` as ``decode_bytes`` chooses them, reading the file in pieces.

    For table files, which can hold a whole archive: the file is decoded while it
    is read, so no copy of it is held in memory. Raises ValueError as ``decode_bytes``.
    """
    def pieces():
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                yield chunk

    return _choose_encoding(pieces)


def _choose_encoding(pieces) -> tuple[str, str]:
    """The one rule behind ``decode_bytes`` and ``sniff_encoding``: ``(encoding, warning)`` of the bytes that
    ``pieces()`` yields (called again for a second pass, so a file is read as a stream, never held whole)."""
    import codecs

    chunks = pieces()
    first = next(chunks, b"")
    head = first[:8192]
    if not head:
        raise ValueError("empty file")
    if b"\x00" in head:
        raise ValueError("not text (binary content: it holds NUL bytes)")
    bom = head.startswith(b"\xef\xbb\xbf")
    decoder = codecs.getincrementaldecoder("utf-8")()
    blank, utf8 = True, True
    chunk, rest = (first[3:] if bom else first), chunks
    while chunk is not None:
        blank = blank and not chunk.strip()
        if utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                if bom:
                    raise
                utf8 = False
        chunk = next(rest, None)
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            if bom:
                raise
            utf8 = False
    if blank:
        raise ValueError("only whitespace")
    if bom:
        return "utf-8-sig", "UTF-8 byte order mark removed"
    if utf8:
        return "utf-8", ""
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13, 12))
    if control > 0.05 * len(head):
        raise ValueError("not text (binary content: mostly control bytes)")
    decoder = codecs.getincrementaldecoder("cp1252")()
    try:
        for chunk in pieces():
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        encoding = "cp1252"
    except UnicodeDecodeError:
        encoding = "latin-1"
    return encoding, f"not UTF-8: decoded as {encoding}; check accented characters"


def sha256_text(text: str) -> str:
    """Hash of the text with whitespace normalised, so a re-saved copy is still a duplicate."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def shorten(text: str, limit: int = TITLE_LENGTH) -> str:
    """Cut text at a word boundary, adding an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


# --- outlet and title from the text ---------------------------------------------------

_BYLINE_FOR_RE = re.compile(r"^\s*By\s+[^\n]{2,80}?\s+for\s+(?P<outlet>[A-Z][\w.\-&' ]{1,40}?)\s*$", re.M)
_TAKE_RE = re.compile(r"^\s*(?P<outlet>[A-Z][\w.\-&]{1,40})[’']s Take\s*$", re.M)


def outlet_from_text(text: str) -> tuple[str, str]:
    """An outlet named by a byline or self-reference that leaves no doubt, else ``("", "")``.

    Recognised: a byline line "By NAME for OUTLET" and a section heading
    "OUTLET's Take" (an outlet's own comment, as Electrek writes it).
    Returns ``(outlet, evidence)``.
    """
    for pattern in (_BYLINE_FOR_RE, _TAKE_RE):
        match = pattern.search(text)
        if match:
            return match["outlet"].strip(), match.group(0).strip()
    return "", ""


def title_from_text(text: str) -> str:
    """The first sentence (or line) of the text, shortened to ``TITLE_LENGTH``.

    Only the opening 600 characters are split: the title keeps 90 of them, and
    splitting the whole text was most of the time a large corpus took to load.
    """
    from .text import split_sentences

    spans = split_sentences(text[:600])
    return shorten(spans[0].text) if spans else ""


# --- building article rows ------------------------------------------------------------------


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_characters(text: str) -> tuple[str, str]:
    """Text any file format can hold: lone surrogates (from JSON escapes such as "\\ud800") become U+FFFD and control
    characters other than tab and line breaks become spaces. Returns the text and a warning ('' when unchanged);
    the length is kept, so nothing shifts."""
    if not text or (text.isprintable() and "\x7f" not in text):
        return text, ""
    notes = []
    if _SURROGATE_RE.search(text):
        count = len(_SURROGATE_RE.findall(text))
        text = _SURROGATE_RE.sub("\ufffd", text)
        notes.append(f"{count} lone surrogate character(s) replaced by U+FFFD")
    if _CONTROL_RE.search(text):
        count = len(_CONTROL_RE.findall(text))
        text = _CONTROL_RE.sub(" ", text)
        notes.append(f"{count} control character(s) replaced by spaces")
    return text, "; ".join(notes)


class _KnownRows:
    """Article rows from an earlier load, looked up by the fields they were built from (see ``load_corpus``).

    The id, the file (with its row number) and the row number only pass through the build, so they are not
    part of the key: an article that moved down a table because a row was inserted above it is still known.
    """

    def __init__(self, cache):
        from .cache import loader_version

        self.cache, self.version, self.new, self.hits = cache, loader_version(), {}, 0

    def key(self, text: str, fields: dict) -> str:
        digest = hashlib.sha256(self.version.encode())
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(repr(sorted(fields.items())).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def row(self, article_id: str, source_file: str, text: str, row: int | None = None, **fields) -> dict:
        import pickle
        import zlib

        fields["today"] = fields.get("today") or dt.date.today()  # a date in the future is refused against it
        key = self.key(text, fields)
        stored = self.cache.get_loaded(key)
        if stored is None:
            built = _build_article_row(article_id, source_file, text, row=row, **fields)
            self.new[key] = zlib.compress(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))  # before any edit
            return built
        self.hits += 1
        known = pickle.loads(zlib.decompress(stored))
        known.update(article_id=clean_characters(article_id)[0], source_file=source_file, _row=row)
        return known

    def save(self) -> None:
        if self.new:
            self.cache.put_loaded_many(self.new)
        self.new = {}


_KNOWN_ROWS: contextvars.ContextVar[_KnownRows | None] = contextvars.ContextVar("sourcebook_known_rows", default=None)


def _article_row(article_id: str, source_file: str, text: str, **fields) -> dict:
    """``_build_article_row``, or the same row from an earlier load when ``load_corpus`` was given a cache."""
    known = _KNOWN_ROWS.get()
    if known is None:
        return _build_article_row(article_id, source_file, text, **fields)
    return known.row(article_id, source_file, text, **fields)


def _build_article_row(
    article_id: str,
    source_file: str,
    text: str,
    *,
    date_value=None,
    date_origin: str = "column",
    title: str = "",
    outlet: str = "",
    url: str = "",
    encoding: str = "utf-8",
    warnings: list[str] | None = None,
    today: dt.date | None = None,
    row: int | None = None,
) -> dict:
    """One article's row: the text repaired and cleaned, its date, outlet, wire credit and language, with warnings
    saying what was changed or inferred. ``row`` is the table row it came from (for the ledger of duplicates)."""
    warnings = list(warnings or [])
    repaired = repair_text(text)
    text = repaired.text
    warnings.extend(repaired.warnings)
    text, cleaned = clean_characters(text)
    if cleaned:
        warnings.append(cleaned)
    if title:
        title = repair_text(title).text
    title, outlet, url, article_id = (clean_characters(v)[0] for v in (title, outlet, url, article_id))
    date, date_source, evidence = None, "missing", ""
    if date_value is not None and str(date_value).strip() not in ("", "nan", "NaT", "None"):
        try:
            date = parse_date(str(date_value))
            check_not_future(date, today)
            date_source, evidence = date_origin, f"{date_origin}: {str(date_value).strip()}"
        except ValueError as exc:
            date, date_source = None, "missing"
            evidence = f"{date_origin} date rejected: {exc}"
            warnings.append(evidence)
    earliest = estimate = None
    if date is None:  # read only where the input gives no date: the inference costs about 2 ms an article
        inference = infer_dates(text, today)
        earliest, estimate = inference.earliest, inference.estimate
        date = estimate
        date_source = "inferred" if date else "missing"
        evidence = "; ".join(e for e in [evidence, inference.evidence] if e)

    outlet_evidence = ""
    if not outlet and url:
        outlet, outlet_evidence = outlet_from_url(url)
    if not outlet:
        outlet, byline = outlet_from_text(text)
        if outlet:
            outlet_evidence = f"outlet read from the text: '{byline}'"
    if outlet_evidence:
        warnings.append(outlet_evidence)
    wire, _dateline = wire_from_dateline(text)
    language, _probability = detect_language(text)
    if not is_english(language):
        warnings.append(f"language {language}: tone and sourcing are measured for English only, so this article is "
                        "kept but not scored")
    return {
        "article_id": article_id,
        "source_file": source_file,
        "date": pd.Timestamp(date) if date else pd.NaT,
        "date_source": date_source,
        "date_evidence": evidence,
        "date_earliest": pd.Timestamp(earliest) if earliest else pd.NaT,
        "date_estimate": pd.Timestamp(estimate) if estimate else pd.NaT,
        "title": shorten(title) if title else title_from_text(text),
        "outlet": outlet,
        "wire": wire,
        "url": url,
        "language": language,
        "text": text,
        "n_words": _count_words(text, language),
        "sha256": sha256_text(text),
        "encoding": encoding,
        "warnings": "; ".join(warnings),
        "_row": row,
    }


_HAN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _count_words(text: str, language: str) -> int:
    """Words as spaces separate them; in Chinese, Japanese and Korean, which do not, each character counts as one
    word (the convention of word counts for those languages)."""
    if language in ("zh", "ja", "ko"):
        others = (token for token in _HAN_RE.sub(" ", text).split() if any(ch.isalnum() for ch in token))
        return len(_HAN_RE.findall(text)) + sum(1 for _ in others)
    return len(text.split())


def ledger_row(source_file: str, reason: str, row=None, article_id: str = "", status: str = "rejected",
               duplicate_of: str = "") -> dict:
    """One row of the ``rejected`` table (``REJECTED_COLUMNS``): an input that was not analysed, and why."""
    return {"source_file": source_file, "row": row, "article_id": article_id, "status": status, "reason": reason,
            "duplicate_of": duplicate_of}


def read_text_file(path: Path, display: str, today: dt.date | None = None) -> dict:
    """One seed-format ``.txt`` file to an article row. Raises ValueError with the reason to reject it."""
    raw = path.read_bytes()
    if not raw:
        raise ValueError("empty file")
    text, encoding, warning = decode_bytes(raw)
    if not text.strip():
        raise ValueError("only whitespace")
    warnings = [warning] if warning else []
    header = HEADER_RE.match(text)
    date_value = None
    if header:
        date_value = header.group(1)
        text = text[header.end():]
        if not text.strip():
            raise ValueError("a date header but no article text")
    else:
        text = text.lstrip("\n")
    text = text.rstrip()
    return _article_row(
        path.stem,
        display,
        text,
        date_value=date_value,
        date_origin="header",
        encoding=encoding,
        warnings=warnings,
        today=today,
    )


def read_page_file(path: Path, display: str, today: dt.date | None = None) -> dict:
    """A saved web page to an article row (see ``webpages``). Raises ValueError with the reason to reject it."""
    from .webpages import read_html_file

    page = read_html_file(path)
    return _article_row(
        path.stem,
        display,
        page["text"],
        date_value=page["date"],
        date_origin="page",
        title=page["title"] or "",
        outlet=page["outlet"] or "",
        url=page["url"] or "",
        warnings=list(page["warnings"]),
        today=today,
    )


def _match_columns(found: list[str], named: dict[str, str | None]) -> dict[str, str]:
    """Map canonical names (text, date, ...) to the file's own column names."""
    lower = {name.strip().lower(): name for name in found}
    mapping: dict[str, str] = {}
    for canonical, aliases in COLUMN_ALIASES.items():
        wanted = named.get(canonical)
        if wanted:
            if wanted.lower() not in lower:
                raise ValueError(
                    f"no column '{wanted}' (given for {canonical}); columns found: {', '.join(found)}"
                )
            mapping[canonical] = lower[wanted.lower()]
            continue
        for alias in aliases:
            if alias in lower and lower[alias] not in mapping.values():
                mapping[canonical] = lower[alias]
                break
    if "text" not in mapping:
        raise ValueError(
            f"no text column: columns found are {', '.join(repr(c) for c in found) or 'none'}; "
            "name the text column 'text' or pass --text-col"
        )
    return mapping


def read_table_file(path: Path, display: str, named: dict[str, str | None], today=None) -> tuple[list, list]:
    """A CSV, TSV or JSONL file to article rows and rejected rows.

    A defect in one row rejects that row, with its line number and the reason: a JSONL line that is
    not valid JSON or not an object, a CSV row with more fields than the header. Raises ValueError
    for a problem with the whole file: not text, no text column, a CSV whose quoting breaks from some
    line on (an unterminated quote).
    """
    encoding, warning = sniff_encoding(path)  # the file is read as a stream: an archive need not fit twice
    suffix = path.suffix.lower()
    bad_rows: list[dict] = []
    if suffix == ".jsonl":
        records = []
        # JSON Lines are separated by \n (a raw U+2028 inside a string is not a line break).
        with open(path, encoding=encoding, newline="") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    records.append(None)
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    bad_rows.append(ledger_row(display, f"line {number} is not valid JSON ({exc.msg})", row=number))
                    records.append(None)
                    continue
                if not isinstance(record, dict):
                    bad_rows.append(ledger_row(display, f"line {number} is not a JSON object", row=number))
                    records.append(None)
                    continue
                records.append(record)
        found = list(dict.fromkeys(key for record in records if record for key in record))
        if not found and bad_rows:
            raise ValueError(f"no line is a JSON object ({bad_rows[0]['reason']})")
        rows = ((number, record) for number, record in enumerate(records, start=1) if record is not None)
    else:
        sep = "\t" if suffix == ".tsv" else ","
        found, rows = _read_delimited(path, sep, encoding, display, bad_rows)
    mapping = _match_columns([name for name in found if name != INDEX_COLUMN], named)

    articles, rejected, index_ids = [], [], {}
    for row_number, record in rows:
        if INDEX_COLUMN in record:
            index_ids[row_number] = _cell(record[INDEX_COLUMN])
        given_id = _cell(record.get(mapping["id"])) if "id" in mapping else ""
        def value(key: str, record=record) -> str:
            return _cell(record.get(mapping[key])) if key in mapping else ""

        body = value("text")
        article_id = given_id or f"{path.stem}-{row_number}"
        if not body.strip():
            reason = "text is null" if "text" in mapping and record.get(mapping["text"]) is None and suffix == ".jsonl" \
                and mapping["text"] in record else "empty text"
            rejected.append(ledger_row(display, reason, row=row_number, article_id=article_id))
            continue
        warnings = [warning] if warning else []
        articles.append(
            _article_row(
                article_id,
                f"{display}:{row_number}",
                body.strip(),
                date_value=value("date") if "date" in mapping else None,
                date_origin="column",
                title=str(value("title") or "").strip(),
                outlet=str(value("outlet") or "").strip(),
                url=str(value("url") or "").strip(),
                encoding=encoding,
                warnings=warnings,
                today=today,
                row=row_number,
            )
        )
    if "id" not in mapping and index_ids:
        values = list(index_ids.values())
        if all(values) and len(set(values)) == len(values):  # a unique index: the file's own ids
            for article in articles:
                article["article_id"] = index_ids[article["_row"]]
            for item in rejected:
                item["article_id"] = index_ids.get(item["row"], item["article_id"])
        else:
            for article in articles:
                article["warnings"] = "; ".join(w for w in [article["warnings"], "the unnamed first column is not a "
                                                "unique index: ids are the file's row numbers"] if w)
    return articles, bad_rows + rejected


def _read_delimited(path: Path, sep: str, encoding: str, display: str, bad_rows: list) -> tuple[list, object]:
    """The header and the ``(row number, record)`` pairs of a CSV or TSV file, read as a stream.

    Rows are numbered as a spreadsheet counts them (the header is row 1). A row with more fields than
    the header is listed in ``bad_rows``; a missing trailing field is empty. An unterminated quote
    stops the file with the line where that row began.
    """
    kind = "TSV" if sep == "\t" else "CSV"
    handle = open(path, encoding=encoding, newline="", errors="strict")
    # Lenient about a quote inside an unquoted field (scraped text is full of them), as spreadsheets are.
    reader = csv.reader(handle, delimiter=sep)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        handle.close()
        raise ValueError(f"cannot be read as {kind}: line 1: {exc}") from None
    if header is None:
        handle.close()
        raise ValueError(f"cannot be read as {kind}: the file has no header row")
    # An unnamed column is the index a spreadsheet or pandas wrote: not a column of its own, but the first one may give
    # the articles their ids.
    keep = [k for k, name in enumerate(header) if name.strip() and not name.startswith("Unnamed:")]
    names = [header[k].strip() for k in keep]
    if header and 0 not in keep and (not header[0].strip() or header[0].startswith("Unnamed:")):
        keep, names = [0, *keep], [INDEX_COLUMN, *names]

    def records():
        position = 1
        multiline = None  # the line where the last row began, when it ran over several lines
        try:
            while True:
                line = reader.line_num + 1
                try:
                    fields = next(reader)
                except StopIteration:
                    if multiline is not None:
                        _check_quotes(path, sep, encoding, kind, multiline)  # the last row ran to the end of the file
                    return
                except csv.Error as exc:
                    raise ValueError(f"cannot be read as {kind}: the row that begins on line {line} breaks the "
                                     f"file from there ({exc})") from None
                multiline = line if reader.line_num > line else None
                position += 1
                if not any(f.strip() for f in fields):
                    continue
                if len(fields) > len(header):
                    bad_rows.append(ledger_row(display, f"row {position} (line {line}) has {len(fields)} fields; the "
                                                     f"header has {len(header)}", row=position))
                    continue
                fields = fields + [""] * (len(header) - len(fields))
                yield position, {name: fields[k] for name, k in zip(names, keep)}
        finally:
            handle.close()

    return names, records()


def _check_quotes(path: Path, sep: str, encoding: str, kind: str, line: int) -> None:
    """A last row that runs to the end of the file over several lines may be an unterminated quote: pandas' parser
    says for sure, and where it began."""
    try:
        pd.read_csv(path, sep=sep, dtype=str, usecols=[0], keep_default_na=False, encoding=encoding)
    except pd.errors.ParserError as exc:
        first = str(exc).strip().splitlines()[0]
        if "EOF inside string" in first:
            raise ValueError(f"cannot be read as {kind}: an unterminated quote in the row that begins on line {line} "
                             f"runs to the end of the file") from None
    except (ValueError, csv.Error):
        pass


def _cell(value) -> str:
    """A table cell as text: missing (None, NaN) is empty; 0 stays '0'."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _list_inputs(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(
        (p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)),
        key=lambda p: str(p.relative_to(root)),
    )


def load_corpus(
    path: str | Path,
    *,
    text_col: str | None = None,
    date_col: str | None = None,
    title_col: str | None = None,
    outlet_col: str | None = None,
    url_col: str | None = None,
    id_col: str | None = None,
    today: dt.date | None = None,
    cache=None,
) -> Corpus:
    """Load every article under ``path`` (a folder or one file).

    ``cache``: an ``AnalysisCache``; an article read before from the same fields on the same day, by the same
    loader code (``cache.loader_version``), is taken from it instead of being repaired, dated and identified
    again, which is most of the time a load takes.

    Raises ``errors.BadInput`` (one line, naming the path) when the path does not
    exist, or when a single table file given directly cannot be used at all.
    Problems with one file in a folder, or one row in a table, become rows of the
    ``rejected`` table instead, so the rest of the corpus still loads.
    Hidden files (names starting with a dot) are skipped.
    """
    root = Path(path)
    if not root.exists():
        raise BadInput(f"{path}: no such file or folder")
    named = {"text": text_col, "date": date_col, "title": title_col, "outlet": outlet_col, "url": url_col, "id": id_col}
    known = _KnownRows(cache) if cache is not None else None
    token = _KNOWN_ROWS.set(known)
    try:
        articles, rejected = read_inputs(list_inputs(root), named, today)
    finally:
        _KNOWN_ROWS.reset(token)
    if known is not None:
        known.save()
    return finish_corpus(articles, rejected, path)


def list_inputs(root: Path) -> list[tuple[str, str, bool]]:
    """``(file, name shown in reports, given directly)`` for every input under ``root``, in a stable order."""
    single = root.is_file()
    return [(str(file), file.name if single else str(file.relative_to(root)), single) for file in _list_inputs(root)]


def read_inputs(inputs: list[tuple[str, str, bool]], named: dict, today: dt.date | None = None) -> tuple[list, list]:
    """Read some of a corpus's files: article rows and rejected rows, not yet deduplicated.

    Each file is read on its own, so a corpus can be read in partitions (on Dask
    workers, say) and the parts put together with ``finish_corpus``.
    """
    articles: list[dict] = []
    rejected: list[dict] = []
    for name, display, single in inputs:
        file = Path(name)
        path = name
        suffix = file.suffix.lower()
        try:
            if suffix in TEXT_SUFFIXES:
                articles.append(read_text_file(file, display, today))
            elif suffix in TABLE_SUFFIXES:
                got, lost = read_table_file(file, display, named, today)
                articles.extend(got)
                rejected.extend(lost)
            elif suffix in PAGE_SUFFIXES:
                articles.append(read_page_file(file, display, today))
            else:
                raise ValueError(f"not a supported file type ('{suffix or 'no extension'}'; use .txt, .csv, .tsv, "
                                 ".jsonl, .html or .htm)")
        except ValueError as exc:
            if single:
                raise BadInput(f"{path}: {exc}") from None
            rejected.append(ledger_row(display, str(exc)))
        except OSError as exc:
            if single:
                raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None
            rejected.append(ledger_row(display, f"cannot be read ({exc.strerror})"))
    return articles, rejected


def finish_corpus(articles: list[dict], rejected: list[dict], path) -> Corpus:
    """The corpus from every file's rows, in input order: ids made unique, repeated texts moved to the ledger."""
    articles = _unique_ids(articles)
    kept, duplicates = _drop_duplicates(articles)
    del articles
    renamed = one_name_per_outlet([article["outlet"] for article in kept])
    for article in kept:
        if article["outlet"] in renamed:
            old, article["outlet"] = article["outlet"], renamed[article["outlet"]]
            note = f"outlet '{old}' named '{article['outlet']}', as other articles of the corpus write it"
            article["warnings"] = "; ".join(w for w in [article["warnings"], note] if w)
    texts = _text_column(kept)  # taken out of the rows as it is built, so the texts are never held twice
    frame = pd.DataFrame(kept, columns=[c for c in ARTICLE_COLUMNS if c != "text"])
    frame.insert(ARTICLE_COLUMNS.index("text"), "text", texts)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["n_words"] = frame["n_words"].astype(int)
    ledger = pd.DataFrame(rejected + duplicates, columns=REJECTED_COLUMNS)
    ledger["row"] = ledger["row"].astype("Int64")
    return Corpus(frame.reset_index(drop=True), ledger.reset_index(drop=True), path=str(path))


def _text_column(rows: list[dict], step: int = 10_000) -> pd.Series:
    """The ``text`` of every row as one Arrow-backed string column, releasing each row's copy as it goes."""
    import pyarrow as pa

    pieces = []
    for start in range(0, len(rows), step):
        part = rows[start:start + step]
        pieces.append(pa.array([row["text"] for row in part], type=pa.large_string()))
        for row in part:
            row["text"] = None
    array = pa.chunked_array(pieces, type=pa.large_string())
    return pd.Series(pd.array(array, dtype=pd.StringDtype("pyarrow", na_value=float("nan"))), name="text")


def _unique_ids(articles: list[dict]) -> list[dict]:
    """Make article ids unique: a repeated id gets the file it came from, then a counter."""
    taken = {article["article_id"] for article in articles}
    seen: set[str] = set()
    for article in articles:
        article_id = article["article_id"]
        if article_id in seen:
            counter = 2
            while f"{article_id}~{counter}" in taken:
                counter += 1
            new_id = f"{article_id}~{counter}"
            taken.add(new_id)
            article["warnings"] = "; ".join(
                w for w in [article["warnings"], f"id '{article_id}' repeated: renamed to '{new_id}'"] if w
            )
            article["article_id"] = new_id
        seen.add(article["article_id"])
    return articles


def _drop_duplicates(articles: list[dict]) -> tuple[list[dict], list[dict]]:
    """Keep the best copy of each identical text; list the others with the id they duplicate.

    The best copy is the one whose date the input gives (a header, a column, the page), the earliest such date when
    several do; among copies alike in that, the first in input order. A copy whose date header was broken or missing
    is therefore listed as the duplicate of the dated one, not the other way round.
    """
    groups: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        groups.setdefault(article["sha256"], []).append(index)
    best: dict[str, int] = {}
    for digest, members in groups.items():
        best[digest] = min(members, key=lambda i: _copy_rank(articles[i], i))
    kept, duplicates = [], []
    for index, article in enumerate(articles):
        chosen = best[article["sha256"]]
        if chosen == index:
            kept.append(article)
            continue
        row = article.get("_row")
        source_file = article["source_file"].rsplit(":", 1)[0] if row is not None else article["source_file"]
        original = articles[chosen]["article_id"]
        duplicates.append(ledger_row(source_file, f"same text as '{original}'" + _why_kept(articles[chosen], article),
                                     row, article["article_id"], status="duplicate", duplicate_of=original))
    return kept, duplicates


def _copy_rank(article: dict, position: int) -> tuple:
    given = article["date_source"] in GIVEN_DATES and not pd.isna(article["date"])
    return (0 if given else 1, article["date"] if given else pd.Timestamp.max, position)


def _why_kept(kept: dict, other: dict) -> str:
    if kept["date_source"] in GIVEN_DATES and other["date_source"] not in GIVEN_DATES:
        return ", which was kept because its date is given"
    if kept["date_source"] in GIVEN_DATES and other["date_source"] in GIVEN_DATES and kept["date"] < other["date"]:
        return ", which was kept as the earlier-dated copy"
    return ""

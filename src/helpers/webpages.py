"""Which article does a saved news web page (.html/.htm) hold?

``read_html_file`` answers with the article's main text, headline, publication
date, outlet and canonical URL, plus one-line warnings saying what was left out
or could not be found.

The work is done by libraries:

* trafilatura finds the main text (dropping navigation, share bars, cookie
  banners, newsletter boxes, related-story lists, comments, forms, scripts,
  iframes and event-handler attributes) and reads the page's metadata;
* htmldate, which trafilatura also uses, reads the publication date from the
  page's own markup (meta tags, JSON-LD, ``<time datetime>``, the URL), with
  ``extensive_search=False`` so that dates written in the body are not read;
* lxml parses the page once more so that the head elements the answer relies
  on (canonical link, ``og:site_name``, JSON-LD) can be read and checked.

Two small post-processing steps are ours, each documented where it is done:
the text is rebuilt from trafilatura's block elements so that every paragraph
and heading is one plain line (its own text output prefixes list items with
"- " and runs a live-blog entry's heading into its first paragraph), and a
first line that only repeats the headline is dropped.  The date is checked
against the page's markup: one that is only written in the article text is
rejected.

Everything is offline: nothing is downloaded and no URL is visited.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from helpers.dates import MONTHS

__all__ = ["read_html_file"]

_DATE_FORMAT = "%Y-%m-%d"
_NO_TEXT = "no article text found in the page"
# Below this, trafilatura's "main text" is a menu link or a button label ("Home"), not an article:
# its fallback extractors return something for almost any page. A short news brief is 30+ words.
_MIN_ARTICLE_WORDS = 10

# --- reading the bytes -----------------------------------------------------------

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
_CHARSET_RE = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do we.
_AS_WINDOWS_1252 = {"latin1", "iso8859-1", "ascii"}
_HTML_TAG_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|article|main|div|p)\b", re.I)


def _declared_encoding(raw: bytes) -> str | None:
    """The encoding a BOM or a <meta> charset near the top of the page declares, as a Python codec name."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    match = _CHARSET_RE.search(raw[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None
    if name in _AS_WINDOWS_1252:
        return "cp1252"
    # A UTF-16/32 label in a page whose head is readable as ASCII is wrong: browsers read it as UTF-8.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _decode(raw: bytes) -> tuple[str, list[str]]:
    """The page as text, honouring its BOM or <meta charset>, else UTF-8; bad bytes become U+FFFD."""
    warnings = []
    encoding = _declared_encoding(raw)
    if encoding is None and _CHARSET_RE.search(raw[:4096]):
        warnings.append("the page declares an unknown charset: read as UTF-8")
    encoding = encoding or "utf-8"
    try:
        return raw.decode(encoding), warnings
    except UnicodeDecodeError:
        text = raw.decode(encoding, errors="replace")
        warnings.append(f"some bytes are not valid {encoding} and were replaced")
        return text, warnings


def _check_is_html(raw: bytes, text: str, name: str) -> None:
    """Raise ValueError when the file is empty or is not an HTML page."""
    if not text.strip():
        raise ValueError(f"{name} is empty")
    if b"\x00" in raw[:1024] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError(f"{name} is not an HTML page: it holds binary data")
    if not _HTML_TAG_RE.search(text):
        raise ValueError(f"{name} is not an HTML page: no HTML tags found")


def _parse(text: str, name: str) -> etree._Element:
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"{name} could not be parsed as HTML ({exc})") from None


# --- what the page's head says ------------------------------------------------------


def _meta(tree, key: str) -> str:
    """The content of the first <meta property|name=key>, or ""."""
    for element in tree.iterfind(".//meta[@content]"):
        if key in (element.get("property", "").strip().lower(), element.get("name", "").strip().lower()):
            return " ".join(element.get("content").split())
    return ""


def _json_ld(tree) -> list[dict]:
    """Every JSON-LD object in the page (top-level, in lists and in @graph); broken blocks are skipped."""
    objects = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                stack.extend(item[key] for key in ("@graph", "mainEntity") if key in item)
    return objects


def _web_url(value: str, base: str = "") -> str:
    """value as an absolute http(s) URL (resolved against base), or "" for anything else (javascript:, data:...)."""
    value = (value or "").strip()
    if base:
        value = urljoin(base, value)
    parts = urlsplit(value)
    return value if parts.scheme in ("http", "https") and parts.netloc else ""


def _canonical_url(tree, extracted_url: str | None) -> str:
    """<link rel=canonical>, else og:url, else the URL trafilatura found; "" when none is a web address."""
    og_url = _web_url(_meta(tree, "og:url"))
    for link in tree.iterfind(".//link[@href]"):
        if "canonical" in link.get("rel", "").lower().split():
            url = _web_url(link.get("href"), og_url)
            if url:
                return url
    return og_url or _web_url(extracted_url or "")


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _outlet(tree, json_ld: list[dict], sitename: str | None, url: str) -> str:
    """og:site_name, else the JSON-LD publisher's name, else trafilatura's sitename unless it is only the host name."""
    if name := _meta(tree, "og:site_name"):
        return name
    for item in json_ld:
        publisher = item.get("publisher")
        publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
            return " ".join(publisher["name"].split())
    sitename = " ".join((sitename or "").split())
    # trafilatura falls back to the URL's host ("example.com"): that is a guess, not the site's name.
    if sitename and sitename.lower() not in {_host(url), urlsplit(url).hostname}:
        return sitename
    return ""


_TITLE_SEPARATORS = ("|", "–", "—", "-", "·", "•", ":", "::", "»")


def _headline(title: str | None, outlet: str) -> str:
    """The headline without a " | Site Name" (or " – Site Name"...) suffix naming the outlet."""
    title = " ".join((title or "").split())
    if outlet:
        for separator in _TITLE_SEPARATORS:
            suffix = f" {separator} {outlet}"
            if title.lower().endswith(suffix.lower()) and len(title) > len(suffix):
                return title[: -len(suffix)].rstrip()
    return title


# --- the article text ---------------------------------------------------------------

# trafilatura's output elements that start a new line; everything else (hi, ref, span...) is inline.
_BLOCK_TAGS = {"body", "div", "p", "head", "list", "item", "quote", "code", "table", "row", "cell"}


def _block_lines(body) -> list[str]:
    """One plain line per paragraph, heading or list item of trafilatura's body element.

    Ours rather than trafilatura's ``text``: that one prefixes list items with
    "- " (markdown) and runs an item's heading and paragraphs into one line.
    A <lb/> (a <br> in the page) also ends a line.
    """
    lines: list[str] = []
    run: list[str] = []

    def flush():
        line = " ".join("".join(run).split())
        if line:
            lines.append(line)
        run.clear()

    def walk(element):
        if element.text:
            run.append(element.text)
        for child in element:
            if not isinstance(child.tag, str):  # an XML comment or processing instruction
                pass
            elif child.tag in _BLOCK_TAGS or child.tag == "lb":
                flush()
                walk(child)
                flush()
            else:
                walk(child)
            if child.tail:
                run.append(child.tail)

    walk(body)
    flush()
    return lines


def _article_lines(document, title: str) -> list[str]:
    """The article's paragraphs; a first line that only repeats the headline is dropped (it is in `title`)."""
    if document.body is not None:
        lines = _block_lines(document.body)
    else:
        lines = [" ".join(line.split()) for line in (document.text or "").splitlines() if line.strip()]
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    return lines


def _extract(text: str, url: str):
    """trafilatura's Document for the page: precision first, recall when precision finds no text."""
    settings = dict(
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params=_date_params(),
    )
    document = trafilatura.bare_extraction(text, favor_precision=True, **settings)
    if document is None or not (document.text or "").strip():
        document = trafilatura.bare_extraction(text, favor_recall=True, **settings)
    return document


# --- the publication date -------------------------------------------------------------


def _date_params() -> dict:
    """htmldate settings: the page's own markup only (no body dates), the original date, ISO output."""
    return {
        "extensive_search": False,
        "original_date": True,
        "outputformat": _DATE_FORMAT,
        "max_date": dt.date.today().isoformat(),
    }


_DATE_KEY_RE = re.compile(r"date|time|publish|created|issued", re.I)
_JSON_LD_DATE_KEYS = ("datePublished", "dateCreated", "uploadDate", "coverageStartTime", "dateModified")
_URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


def _iso_prefix(value) -> str:
    """The YYYY-MM-DD a machine-readable date value starts with, or ""."""
    match = re.match(r"\s*((?:19|20)\d\d)[-/](\d\d)[-/](\d\d)", str(value))
    return "-".join(match.groups()) if match else ""


def _markup_dates(tree, json_ld: list[dict], url: str) -> list[tuple[str, str]]:
    """(YYYY-MM-DD, where) for every machine-readable date in the page's markup, most trusted first."""
    found = []
    for element in tree.iterfind(".//meta[@content]"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        if _DATE_KEY_RE.search(key) and (date := _iso_prefix(element.get("content"))):
            found.append((date, f"page metadata ({key.strip()})"))
    for item in json_ld:
        for key in _JSON_LD_DATE_KEYS:
            if date := _iso_prefix(item.get(key, "")):
                found.append((date, f"page metadata (JSON-LD {key})"))
    for element in tree.xpath("//*[@datetime]"):
        if date := _iso_prefix(element.get("datetime")):
            found.append((date, "page metadata (<time datetime>)"))
    if match := _URL_DATE_RE.search(urlsplit(url).path):
        year, month, day = (int(part) for part in match.groups())
        found.append((f"{year:04d}-{month:02d}-{day:02d}", "page URL"))
    return found


_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WRITTEN_DATE_RES = [
    re.compile(rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_ALT})\.?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]


def _written_dates(text: str) -> set[str]:
    """Every full date written in the text ("March 3, 2021", "3 March 2021", "2021-03-03"), as YYYY-MM-DD."""
    dates = set()
    for pattern in _WRITTEN_DATE_RES:
        for match in pattern.finditer(text):
            month = match["month"]
            month = int(month) if month.isdigit() else MONTHS[month.lower()]
            dates.add(f"{int(match['year']):04d}-{month:02d}-{int(match['day']):02d}")
    return dates


def _publication_date(html: str, tree, json_ld, url, extracted_date, article_text) -> tuple[str | None, str, list[str]]:
    """(date, date_origin, warnings): trafilatura's date, else htmldate's, checked against the page's markup.

    A date the markup confirms (meta tag, JSON-LD, <time datetime>, URL) is taken
    and its origin named.  One it does not confirm came from htmldate's reading of a
    date-labelled element (a byline); it is taken unless it is written in the
    article text, where it may be a past event rather than the publication date.
    """
    date, reader = extracted_date, "trafilatura"
    if not date:
        date = htmldate.find_date(html, url=url or None, **_date_params())
        reader = "htmldate"
    if not date:
        return None, "", ["no publication date in the page's metadata"]
    for found, where in _markup_dates(tree, json_ld, url):
        if found == date:
            return date, where if reader == "trafilatura" else f"htmldate: {where}", []
    if date in _written_dates(article_text):
        return None, "", [f"{reader} read {date} from the article text, not the page's metadata: left out"]
    return date, f"{reader}: a date element of the page", []


# --- what was left out ------------------------------------------------------------------


def _count_word(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _left_out(tree) -> str:
    """A one-line count of the comments, navigation blocks, scripts, iframes and event handlers dropped, or ""."""
    counts = {"comment": 0, "navigation block": 0, "script": 0, "iframe": 0, "event handler": 0, "script link": 0}
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        classes = element.get("class", "").lower().split()
        if "comment" in classes or element.get("itemtype", "").endswith("/Comment"):
            counts["comment"] += 1
        if element.tag == "nav" or element.get("role") == "navigation":
            counts["navigation block"] += 1
        if element.tag == "script" and "ld+json" not in element.get("type", "").lower():
            counts["script"] += 1
        if element.tag in ("iframe", "frame", "embed", "object"):
            counts["iframe"] += 1
        counts["event handler"] += sum(1 for name in element.attrib if name.lower().startswith("on"))
        if any(str(value).strip().lower().startswith("javascript:") for value in element.attrib.values()):
            counts["script link"] += 1  # an href="javascript:..."
    parts = [_count_word(count, word) for word, count in counts.items() if count]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"web page: {listed} left out"


# --- the answer -------------------------------------------------------------------------


def read_html_file(path: Path) -> dict:
    """Read the article a saved web page holds.

    Returns ``{"text", "title", "date", "date_origin", "outlet", "url", "warnings"}``:
    the main text as plain paragraphs separated by "\\n" (entities decoded, so an
    escaped ``&lt;script&gt;`` in the page is the literal text "<script>"; live
    scripts, handlers and javascript: URLs never appear), the headline without a
    site-name suffix, the publication date as "YYYY-MM-DD" or None, where that date
    came from ("" when None), the site's name or "", the canonical URL or "", and
    one-line warnings.

    Raises ValueError with a one-line reason when the file is empty, is not HTML,
    or holds no article text.
    """
    path = Path(path)
    raw = path.read_bytes()
    html, warnings = _decode(raw)
    _check_is_html(raw, html, path.name)
    tree = _parse(html, path.name)
    json_ld = _json_ld(tree)
    url = _canonical_url(tree, None)

    document = _extract(html, url)
    if document is None:
        raise ValueError(_NO_TEXT)
    url = url or _canonical_url(tree, document.url)
    outlet = _outlet(tree, json_ld, document.sitename, url)
    title = _headline(_meta(tree, "og:title") or document.title, outlet)
    text = "\n".join(_article_lines(document, title))
    if len(text.split()) < _MIN_ARTICLE_WORDS:
        raise ValueError(_NO_TEXT)
    date, date_origin, date_warnings = _publication_date(html, tree, json_ld, url, document.date, text)

    warnings.insert(0, "read as a web page with trafilatura")
    if left_out := _left_out(tree):
        warnings.append(left_out)
    warnings += date_warnings
    missing = {"no headline found in the page": title, "no site name in the page's metadata": outlet}
    missing["no canonical URL in the page"] = url
    warnings += [message for message, value in missing.items() if not value]
    return {
        "text": text,
        "title": title,
        "date": date,
        "date_origin": date_origin,
        "outlet": outlet,
        "url": url,
        "warnings": warnings,
    }

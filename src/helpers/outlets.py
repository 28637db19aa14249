"""Which outlet published an article, and which wire service it credits: from what the input says.

An outlet comes, in this order, from the input's own ``outlet`` column or the saved page's
site name, from the article's URL (a ``url``/``link`` column or the page's address) read
against ``data/news_domains.tsv`` (en.people.cn -> People's Daily, reuters.com -> Reuters),
and otherwise from the URL's registered domain (tldextract, with the public-suffix list
shipped in the package, never fetched). It is never guessed from the names an article mentions.

One outlet has one name across the corpus: names that differ only in case, spaces and punctuation
("thehuffingtonpost", "The Huffington Post") are one outlet, shown as it is written as a name (with
capitals or spaces; among those, the commonest, or the name ``news_domains.tsv`` gives it), and each
article whose outlet was renamed says so in its warnings (``one_name_per_outlet``).

A wire credit is read from the dateline at the very start of the text: "BEIJING, Dec. 15
(Xinhua) --", "(Reuters) -", "NEW YORK (AP) —", for the services in ``data/wires.tsv``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _read_pairs(name: str) -> dict[str, str]:
    pairs = {}
    lines = (line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    next(lines)  # the header
    for line in lines:
        key, value = line.split("\t")
        pairs[key.strip()] = value.strip()
    return pairs


@functools.cache
def news_domains() -> dict[str, str]:
    """Domain (lower case, no www.) to outlet name."""
    return {domain.lower(): outlet for domain, outlet in _read_pairs("news_domains.tsv").items()}


def outlet_key(name: str) -> str:
    """What two spellings of one outlet share: its letters and digits, lower case ("The Daily Caller" -> "thedailycaller")."""
    return re.sub(r"[\W_]+", "", name.casefold())


def one_name_per_outlet(outlets: list[str]) -> dict[str, str]:
    """For each outlet spelling that another spelling of the same outlet in the corpus beats, that name.

    A spelling written as a name (a capital or a space) beats one written as a handle ("rt" -> "RT",
    "foxnews" -> "Fox News"); among those, the name the domain list gives, then the commonest, then the first
    in alphabetical order, so the choice does not depend on the order of the articles.
    """
    from collections import Counter

    counts = Counter(name for name in outlets if name)
    listed = {outlet_key(name): name for name in news_domains().values()}
    spellings: dict[str, list[str]] = {}
    for name in counts:
        spellings.setdefault(outlet_key(name), []).append(name)
    renamed = {}
    for key, names in spellings.items():
        if not key:
            continue
        as_names = [n for n in names if n != n.lower() or " " in n]
        if not as_names and key in listed:
            as_names = [listed[key]]
        if not as_names or (len(names) == 1 and names[0] in as_names):
            continue
        best = min(as_names, key=lambda n: (n != listed.get(key), -counts.get(n, 0), n))
        renamed.update({n: best for n in names if n != best})
    return renamed


@functools.cache
def _extractor():
    import tldextract

    # suffix_list_urls=(): the public-suffix snapshot inside the package, no network; no cache folder written.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def host_of(url: str) -> str:
    """The host of a URL (or of a bare 'example.com/path'), lower case, without 'www.'; '' when there is none."""
    text = (url or "").strip()
    if not text:
        return ""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text, flags=re.I)
    host = re.split(r"[/?#]", text, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0].lower().strip(".")
    if host.startswith("www."):
        host = host[4:]
    return host if "." in host and " " not in host else ""


def outlet_from_url(url: str) -> tuple[str, str]:
    """``(outlet, evidence)`` for a URL: a listed news site's name, else its registered domain, else ``("", "")``."""
    host = host_of(url)
    if not host:
        return "", ""
    domains = news_domains()
    parts = host.split(".")
    for start in range(len(parts) - 1):
        candidate = ".".join(parts[start:])
        if candidate in domains:
            return domains[candidate], f"outlet from the URL: {candidate} is {domains[candidate]}"
    extracted = _extractor()(host)
    registered = extracted.top_domain_under_public_suffix
    if registered:
        return registered, f"outlet from the URL's domain: {registered} (not in the list of news sites)"
    return host, f"outlet from the URL's host: {host} (not a known public suffix)"


@functools.cache
def _wire_pattern() -> tuple[re.Pattern, dict[str, str]]:
    wires = _read_pairs("wires.tsv")
    credits = "|".join(re.escape(credit) for credit in sorted(wires, key=len, reverse=True))
    # An optional place line in capitals ("BEIJING", "NEW YORK", "SAN JUAN, Puerto Rico"), an optional date, the credit
    # in brackets, then a dash: only at the very start of the text.
    pattern = re.compile(
        r"\A\s*(?:[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+)?"
        rf"\((?P<credit>{credits})\)\s*(?:--|[-\u2013\u2014])"
    )
    return pattern, wires


def wire_from_dateline(text: str) -> tuple[str, str]:
    """``(wire, dateline)`` when the text opens with a wire service's dateline, else ``("", "")``."""
    pattern, wires = _wire_pattern()
    match = pattern.match(text[:300])
    if not match:
        return "", ""
    return wires[match["credit"]], match.group(0).strip()

"""The sourcing lexicons, read from the data files beside this module (``data/*.txt``, ``data/*.tsv``).

What does not change from one story to the next lives here as data: outlets, platforms, well-known
companies and research bodies, places, role words, organisation words, cue verbs, anonymity phrases,
given names. No person carries a type here: who a person is comes from the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _lines(name: str) -> list[str]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n"))
    return out


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


def _alternation(names, flags=0) -> re.Pattern:
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<![\w@])(" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])", flags)


@dataclass(frozen=True)
class Role:
    words: str
    source_type: str  # a type, or "inherit"
    default: str  # for inherit: the type when no body is named ("" for none)


@lru_cache(maxsize=1)
def outlets() -> frozenset:
    names = set(_lines("outlets.txt"))
    return frozenset(names | {n.replace("’", "'") for n in names} | {n.replace("'", "’") for n in names})


@lru_cache(maxsize=None)
def one_names(file: str) -> dict:
    """Variant name -> the one name, from ``data/outlet_names.tsv`` ("AP" -> "Associated Press") or
    ``data/body_names.tsv`` ("EPA" -> "Environmental Protection Agency")."""
    return {row[0]: row[1] for row in _rows(file)}


def _one_name(file: str, name: str) -> str:
    if not name:
        return name
    names = one_names(file)
    return names.get(name) or names.get(re.sub(r"^the\s+", "The ", name)) or names.get(re.sub(r"^[Tt]he\s+", "", name)) or name


def outlet_name(name: str) -> str:
    """The one name of an outlet written ``name`` ("AP", "the Washington Post"), else ``name`` as it is."""
    return _one_name("outlet_names.tsv", name)


def body_name(name: str) -> str:
    """The one name of a public body written ``name`` ("EPA", "the U.N."), else ``name`` as it is."""
    return _one_name("body_names.tsv", name)


@lru_cache(maxsize=1)
def outlet_re() -> re.Pattern:
    return _alternation(outlets())


@lru_cache(maxsize=1)
def companies() -> frozenset:
    return frozenset(_lines("companies.txt"))


@lru_cache(maxsize=1)
def expert_organisations() -> frozenset:
    return frozenset(_lines("expert_organisations.txt"))


@lru_cache(maxsize=1)
def platforms() -> dict:
    return {row[0]: row[1] for row in _rows("platforms.tsv")}


@lru_cache(maxsize=1)
def places() -> frozenset:
    return frozenset(_lines("places.txt"))


@lru_cache(maxsize=1)
def chinese_surnames() -> frozenset:
    return frozenset(_lines("chinese_surnames.txt"))


@lru_cache(maxsize=1)
def first_names() -> dict:
    return {row[0]: row[1] for row in _rows("first_names.tsv")}


@lru_cache(maxsize=1)
def roles() -> dict:
    """Role words (lower case) to their Role; several words ("press secretary") are one key."""
    out = {}
    for row in _rows("roles.tsv"):
        words, kind, default = row[0], row[1], (row[2] if len(row) > 2 else "-")
        out[words] = Role(words, kind, "" if default == "-" else default)
    return out


@lru_cache(maxsize=1)
def role_lengths() -> tuple[int, ...]:
    """Lengths in words of the role keys, longest first (for longest-match lookups)."""
    return tuple(sorted({len(k.split()) for k in roles()}, reverse=True))


@lru_cache(maxsize=1)
def organisation_words() -> dict:
    return {row[0]: row[1] for row in _rows("organisations.tsv")}


@lru_cache(maxsize=1)
def organisation_re() -> re.Pattern:
    return _alternation(organisation_words())


@lru_cache(maxsize=1)
def anonymity_re() -> re.Pattern:
    patterns = [row[0] for row in _rows("anonymity.tsv")]
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.I)


@lru_cache(maxsize=1)
def quantifier_sources() -> frozenset:
    """Quantifiers that alone name an unnamed group of speakers ("many argue", "some say")."""
    return frozenset(_lines("quantifier_sources.txt"))


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    cls: str  # say, stance, think, want, show, ask, call
    form: str


@lru_cache(maxsize=1)
def cue_verbs() -> dict:
    """Every inflected form (lower case) of a cue verb to its CueVerb."""
    out = {}
    for row in _rows("cues.tsv"):
        lemma, cls, forms = row[0], row[1], row[2].split()
        for form in forms:
            out.setdefault(form, CueVerb(lemma, cls, form))
    return out


@lru_cache(maxsize=1)
def cue_phrases() -> tuple:
    """(compiled pattern, class, cue label, words one of which a sentence must hold) for the cues of several
    words (``data/cue_phrases.tsv``)."""
    return tuple((re.compile(r"\b" + row[0], re.I), row[1], row[2], frozenset(row[3].split(",")))
                 for row in _rows("cue_phrases.tsv"))


@lru_cache(maxsize=1)
def multiword_roles_re() -> re.Pattern:
    """The role keys of several words ("press secretary", "chief executive"), as one pattern."""
    return re.compile(r"\b(?:" + "|".join(re.escape(r) for r in sorted(roles(), key=len, reverse=True) if " " in r) + r")\b")


@lru_cache(maxsize=1)
def common_words() -> frozenset:
    """Lower-case words that TextBlob's bundled lexicon knows as ordinary (non proper-noun) words."""
    words = set()
    for word, tag in tagger_lexicon().items():
        if word.islower() and not tag.startswith("NNP"):
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=1)
def tagger_lexicon() -> dict:
    """Word to its most frequent Penn tag, from the lexicon TextBlob ships (pattern's), read at run time."""
    import textblob

    path = Path(textblob.__file__).parent / "en" / "en-lexicon.txt"
    out = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and not line.startswith(";;;"):
                out.setdefault(parts[0], parts[1])
    return out


def warm_up() -> None:
    """Read every lexicon once (worker processes call this before their first article)."""
    for loader in (outlets, outlet_re, companies, expert_organisations, platforms, places, chinese_surnames,
                   first_names, roles, organisation_words, organisation_re, anonymity_re, cue_verbs, cue_phrases, quantifier_sources,
                   multiword_roles_re,
                   tagger_lexicon, common_words):
        loader()

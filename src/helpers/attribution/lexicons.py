"""The sourcing lexicons, read from the data files beside this module (``data/*.txt``, ``data/*.tsv``).

What does not change from one story to the next lives here as data: outlets, platforms, well-known
companies and research bodies, places, role words, organisation words, cue verbs, anonymity phrases,
given names, and the words that describe a source without naming it ("the newspaper", "police", "officials",
"a poll"). No person carries a type here: who a person is comes from the article.
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


_LOWER_THE = re.compile(r"^the\s+")
_ANY_THE = re.compile(r"^[Tt]he\s+")


@lru_cache(maxsize=8192)  # a pure function of its arguments; every row asks for its source's and its via's name
def _one_name(file: str, name: str) -> str:
    if not name:
        return name
    names = one_names(file)
    return names.get(name) or names.get(_LOWER_THE.sub("The ", name)) or names.get(_ANY_THE.sub("", name)) or name


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
def platform_names() -> dict:
    """Platform key to the name charts show ("twitter": "Twitter/X", "wechat": "WeChat")."""
    return {row[0]: row[1] for row in _rows("platform_names.tsv")}


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


@lru_cache(maxsize=None)
def words(file: str) -> frozenset:
    """The words (or phrases) of a one-column list in ``data/``, one a line, as written."""
    return frozenset(_lines(file))


@lru_cache(maxsize=None)
def word_types(file: str) -> dict:
    """Word (or phrase) to its value, from a two-column list in ``data/``."""
    return {row[0]: row[1] for row in _rows(file)}


def description_types() -> dict:
    """Words for unnamed sources with a type of their own ("police" -> official), ``data/description_types.tsv``."""
    return word_types("description_types.tsv")


def singular_heads() -> dict:
    """A platform user's word in the singular to the plural typed in description_types ("user" -> "users")."""
    return word_types("singular_heads.tsv")


def outlet_descriptions() -> frozenset:
    """Words describing an outlet without naming it ("the newspaper")."""
    return words("outlet_descriptions.txt")


def organisation_descriptions() -> frozenset:
    """Words describing an organisation or its document without naming it ("the company", "a statement")."""
    return words("organisation_descriptions.txt")


def person_descriptions() -> frozenset:
    """Words describing a person without naming them, besides roles ("the billionaire", "the Texan")."""
    return words("person_descriptions.txt")


def descriptions_without_role() -> frozenset:
    """Role words that, as a description, give no role to the person it is resolved to ("the official")."""
    return words("descriptions_without_role.txt")


def data_words() -> frozenset:
    """Documents and data that show or say without being a person ("poll", "records", "report")."""
    return words("data_words.txt")


def role_modifiers() -> frozenset:
    """Words that may stand in a title around a role without ending it ("former", "senior", "presidential")."""
    return words("role_modifiers.txt")


def anonymous_heads() -> frozenset:
    """Words for people who speak for a body or side without a name ("officials", "a senior aide")."""
    return words("anonymous_heads.txt")


def party_groups() -> frozenset:
    """A party's members as a group, as written ("Republicans", "Senate Democrats", "GOP")."""
    return words("party_groups.txt")


def party_words() -> frozenset:
    """Party names as adjectives, as written ("Democratic", "Republican", "GOP")."""
    return words("party_words.txt")


def facility_words() -> frozenset:
    """Words that make a capitalised name a place ("Gigafactory", "Airport", "Square")."""
    return words("facility_words.txt")


def body_heads() -> frozenset:
    """Last words of a body's name after which "in" and a place say where it is ("Chamber", "Embassy")."""
    return words("body_heads.txt")


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
def cue_phrase_words() -> dict:
    """Each word of ``cue_phrases``' prefilters to the positions (in ``cue_phrases``) of the cues that need it."""
    out: dict[str, list[int]] = {}
    for position, (_pattern, _cls, _label, needs) in enumerate(cue_phrases()):
        for word in needs:
            out.setdefault(word, []).append(position)
    return {word: tuple(positions) for word, positions in out.items()}


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
                   multiword_roles_re, description_types, singular_heads, outlet_descriptions, organisation_descriptions,
                   person_descriptions, descriptions_without_role, data_words, role_modifiers, anonymous_heads,
                   party_groups, party_words, facility_words, body_heads,
                   tagger_lexicon, common_words):
        loader()

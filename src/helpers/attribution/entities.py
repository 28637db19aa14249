"""Who the article's sources are: names, the roles the article gives them, and every mention linked.

An article names its people and organisations once in full ("Vice Minister of Commerce Wang
Shouwen", "Lily Batchelder, a tax expert and professor of law") and then refers to them by surname
("Wang", "Ms. Batchelder", "Mr. Trump"), pronoun ("he", "she", "they", "who") or description ("the
ministry", "the newspaper", "the spokeswoman"). This module reads every sentence once, in order:

1. ``find_names``: runs of capitalised words, split into a title ("Vice Minister of Commerce") and
   a name ("Wang Shouwen"), and told apart as person, organisation, outlet, platform or country.
2. ``Registry.observe``: each name joins the entity it refers to (same full name, same surname, a
   title and surname), and the roles around it become that entity's evidence: the title before it,
   the role words before it ("campaign manager Robby Mook"), an apposition after it ("Lily
   Batchelder, a tax expert"), "X of the Chinese Academy of Social Sciences", "(R-Utah)".
3. ``Registry.resolve``: the source phrase of a cue (from ``cues``) becomes an entity: a name, a
   pronoun (the latest person of that gender, or the last speaker), a description (the latest
   entity of that kind), or an unnamed source typed by its own words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import lexicons as lex
from .records import DESCRIBED, Entity
from .tokens import Token, is_capitalised

# Words that open a sentence with a clause before its subject: "After Trump said he would sue, Clinton ...".
OPENING_CLAUSES = frozenset({"after", "before", "since", "when", "while", "although", "though", "because", "if", "once",
                             "until", "whereas"})


def opening_end(tokens: list[Token], openers, in_quote: list[bool] | None = None, before: int | None = None) -> int:
    """The token after the opening phrase or clause of a sentence that starts with one of ``openers`` and closes with
    a comma ("In a letter released Monday, | Sanders rips", "When Mr. Rubio did take Mr. Trump on, | he did it"),
    within 25 tokens and with a word left before ``before``; else 0."""
    before = len(tokens) if before is None else before
    if not tokens or tokens[0].lower not in openers:
        return 0
    for k in range(1, min(before, 25)):
        if tokens[k].text == "," and not (in_quote and in_quote[k]):
            return k + 1 if k + 1 < before else 0
    return 0

HONORIFICS = {"mr.": "m", "mrs.": "f", "ms.": "f", "miss": "f", "mr": "m", "mrs": "f", "ms": "f", "dr.": "", "dr": "",
              "prof.": "", "rev.": "", "sir": "m", "dame": "f", "lord": "m", "lady": "f"}
# Title abbreviations and words that are part of a capitalised run but not of the name.
TITLE_WORDS = {"sen.", "rep.", "gov.", "gen.", "lt.", "col.", "capt.", "sgt.", "adm.", "maj.", "cmdr.", "supt.", "det.",
               "insp.", "pres.", "sec.", "prof.", "dr.", "mr.", "mrs.", "ms.", "rev.", "sens.", "reps.",
               "mr", "mrs", "ms", "dr", "prof"}  # British style writes them without the stop
INDEFINITE_PRONOUNS = {"everything", "everyone", "everybody", "nothing", "nobody", "someone", "somebody", "something",
                       "anyone", "anybody", "anything", "all", "none", "both", "each", "either", "neither", "another",
                       "such", "many", "much", "most", "some", "few", "several", "this", "that", "these", "those"}
BODIES_ON = {"Council", "Committee", "Subcommittee", "Commission", "Panel", "Conference", "Center", "Centre", "Institute",
             "Caucus", "Office", "Board", "Coalition", "Alliance", "Forum", "Convention"}  # "... on Foreign Relations"
CONNECTORS = {"of", "the", "for", "de", "van", "von", "der", "al", "bin", "la", "del", "da", "du", "le", "&", "and"}
NAME_SUFFIXES = {"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"}
NOT_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Tonight",
    "Yesterday", "Tomorrow", "I", "OK", "Okay", "Mass", "Christmas", "Easter", "Thanksgiving", "God", "Lord",
    "Let’s", "Let's", "Here", "There", "Yes", "No", "Oh", "Well", "Still", "Instead", "Now", "Then",
}
HEADLINE_BREAKS = {"to", "and", "on", "in", "with", "of", "for", "the", "a", "an", "he", "she", "it", "they", "his", "her",
                   "is", "are", "was", "were", "will", "would", "has", "have", "had", "be", "as", "at", "by", "but", "or",
                   "about", "after", "over", "from", "into", "not", "no", "just", "why", "how", "what", "who", "this",
                   "that", "can", "could", "may", "should", "than", "up", "out", "its", "their", "new", "more", "all"}
BODY_PRIORITY = {"official": 5, "expert": 4, "political": 3, "media": 2, "company": 1, "other": 0}
PERSON_DESCRIPTIONS = lex.person_descriptions()  # data/person_descriptions.txt
COMPOUND_ADJECTIVE_RE = re.compile(r"[A-Za-z.]-(?:made|based|built|owned|backed|funded|led|run|controlled|linked|"
                                   r"allied|aligned|affiliated|sponsored|style|era|born|bred|educated|trained|friendly|"
                                   r"leaning|focused|centric|specific|wide|bound|produced|grown|brokered)$")
AGE_RE = re.compile(r"(\d{1,3})-year-old")  # "the 46-year-old": a person described by their age
PARTY_GROUPS = lex.party_groups()  # data/party_groups.txt
FACILITY_WORDS = lex.facility_words()  # data/facility_words.txt
# The first word of a surname of two words: "Le Pen", "de Blasio", "bin Laden", "Van Hollen".
SURNAME_PARTICLES = frozenset({"le", "la", "de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "al",
                               "el", "bin", "ben", "ibn", "mac", "st.", "dos", "das", "ter"})
# Roles that speak for someone else: with no one named, the one just quoted ("Spokeswoman Haley Morris says").
SERVING_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "press secretary",
                           "communications director", "press officer", "deputy press secretary"})
# The words of a state's formal name, before "of" and its place: "Republic of Turkey", "Kingdom of Saudi Arabia".
STATE_WORDS = frozenset({"Republic", "Kingdom", "Islamic", "People's", "Democratic", "Federal", "Federation",
                         "Commonwealth", "State", "Principality", "Sultanate", "Emirate", "Socialist", "Arab"})
# A party's member as a noun, and the words that show a person belongs to it: "the Republican said" is the
# article's Republican ("Republican nominee Donald Trump", "Sen. Rob Portman (R-Ohio)").
PARTY_MEMBERS = {"Republican": ("Republican", "GOP", "(R-"), "Democrat": ("Democrat", "Democratic", "(D-"),
                 "Libertarian": ("Libertarian",)}
PARTY_WORDS = lex.party_words()  # data/party_words.txt
# Modifiers that may stand between a role and a name or in front of a role: "Democratic presidential
# candidate", "Shanghai-based independent car analyst", "former", "senior".
ROLE_MODIFIERS = lex.role_modifiers()  # data/role_modifiers.txt
MALE_WORDS = {"spokesman", "congressman", "chairman", "businessman", "councilman", "he", "him", "his", "mr.", "mr",
              "father", "husband", "son", "brother", "king", "sir", "widower", "man", "boy", "nephew", "uncle"}
FEMALE_WORDS = {"spokeswoman", "congresswoman", "chairwoman", "businesswoman", "councilwoman", "she", "her", "mrs.",
                "ms.", "mother", "wife", "daughter", "sister", "queen", "widow", "woman", "girl", "niece", "aunt",
                "actress", "mrs", "ms"}
PERSON_PRONOUNS = {"he": "m", "she": "f"}
OUTLET_DESCRIPTIONS = lex.outlet_descriptions()  # data/outlet_descriptions.txt
ORGANISATION_DESCRIPTIONS = lex.organisation_descriptions()  # data/organisation_descriptions.txt
# Words for unnamed sources with a type of their own: "police", "polls", "records", "prosecutors".
UNNAMED_TYPES = lex.description_types()  # data/description_types.tsv
DATA_WORDS = lex.data_words()  # data/data_words.txt


@dataclass
class Name:
    """A capitalised name in a sentence: tokens ``start``..``end`` (exclusive) of the name itself."""

    start: int
    end: int
    text: str
    kind: str  # person, organisation, outlet, platform, country, name (person or organisation)
    title: str = ""  # title words inside the capitalised run ("Vice Minister of Commerce", "Sen.")
    title_start: int = -1
    gender: str = ""
    in_quote: bool = False
    entity: Entity | None = field(default=None, repr=False)


def quote_mask(sentence: str, tokens: list[Token]) -> list[bool]:
    """For each token, whether it stands inside a quotation of the sentence.

    Quote marks are read left to right: “ opens, ” closes, a straight " opens after a space or at the
    start and closes otherwise (reporters mix them: “...," she said "..."). A quotation left open at
    the end of the sentence (a quote that goes on in the next paragraph) runs to the end. A sentence whose
    first mark closes (", '' or ” right after , . ? ! and before a space) began inside a quotation opened in
    the sentence before: everything up to that mark is quoted.
    """
    if '"' not in sentence and "“" not in sentence and "”" not in sentence and "''" not in sentence:
        return [False] * len(tokens)  # no quote mark: nothing is quoted
    inside = False
    seen_mark = False
    mask = []
    # Two straight marks that both look closing ('has." The area ... or so," he told'): a paragraph's opening mark
    # that lost its place in the scraped text, so the first opens after all.
    straight = [m.start() for m in re.finditer('"', sentence)]
    paired = len(straight) == 2 and sentence[straight[1] - 1: straight[1]] in {",", ".", "?", "!"}
    for k, token in enumerate(tokens):
        text = token.text
        mark_end = token.end
        if text == "'" and k + 1 < len(tokens) and tokens[k + 1].text == "'" and tokens[k + 1].start == token.end:
            text = '"'  # two apostrophes as a quote mark (''Do we really...'')
            mark_end = tokens[k + 1].end
        elif text == "'" and k > 0 and tokens[k - 1].text == "'" and tokens[k - 1].end == token.start:
            mask.append(False)
            continue
        if text in {"“", "”", '"'}:
            after = sentence[mark_end] if mark_end < len(sentence) else " "
            before = sentence[token.start - 1] if token.start > 0 else " "
            if not seen_mark and text != "“" and before in ",.?!" and after.isspace() and k > 0 and not (paired and text == '"'):
                # The sentence opens inside a quotation begun in the one before: "He's a wild card,'' Ms. Epstein said."
                mask[:k] = [True] * k
                seen_mark = True
                mask.append(False)
                continue
            first_mark = not seen_mark
            seen_mark = True
            if text == "“" and inside and (after.isspace() or after in ".,;:!?"):
                inside = False  # a “ typed where ” was meant: "“Apparently not,“ he said."
            elif text == "“":
                inside = True
            elif text == "”":
                inside = False
            else:
                if not inside and (before.isspace() or before in "([—–-:" or paired and first_mark) and not (
                        after.isspace() and k == len(tokens) - 1):
                    inside = True
                else:
                    inside = not inside if inside or not after.isspace() else inside
            mask.append(False)
            continue
        mask.append(inside)
    return mask


def article_capitals(sentences_tokens: list[list[Token]]) -> frozenset:
    """Capitalised words the article uses in mid-sentence: at a sentence's start, these are names ("Trump said")."""
    seen = set()
    lexicon = lex.tagger_lexicon()
    for tokens in sentences_tokens:
        for k in range(1, len(tokens)):
            token = tokens[k]
            if token.text[:1].isupper() and tokens[k - 1].text not in {'"', "“", "‘", ":", "(", "—", "–", ".", "?", "!"} \
                    and lexicon.get(token.lower, "NN")[:2] in {"NN", "JJ", "VB"}:
                seen.add(token.text)
    return frozenset(seen)


def _opens_with_a_name(tokens: list[Token], start: int, j: int) -> bool:
    """'Trump said', 'King says' at a sentence's start: a singular noun straight before a cue verb is a name."""
    if j != start + 1 or start + 1 >= len(tokens):
        return False
    word = tokens[start].lower
    if lex.tagger_lexicon().get(word, "NN") != "NN" or word in lex.roles() or word in UNNAMED_TYPES \
            or word in ORGANISATION_DESCRIPTIONS or word in DATA_WORDS or word in OUTLET_DESCRIPTIONS:
        return False
    return tokens[start + 1].lower in lex.cue_verbs() or tokens[start + 1].tag == "POS"  # "Trump's criticism of"


def is_headline(tokens: list[Token]) -> bool:
    """A title-case headline ("Chris Christie Says He Would Issue A Quarantine"): most words capitalised,
    the small words too."""
    words = [t for t in tokens if t.text[:1].isalpha()]
    if len(words) < 4:
        return False
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    if capitalised < 0.75 * len(words):
        return False
    small = [t for t in words[1:] if t.lower in HEADLINE_BREAKS]
    return any(t.text[:1].isupper() for t in small) or any(t.text[:1].isupper() and t.lower in lex.cue_verbs() for t in words[1:])


def _run_ends(tokens: list[Token], i: int, headline: bool = False) -> int:
    """The end (exclusive) of the capitalised run starting at ``i``; in a headline, a cue verb ends it."""
    j = i + 1
    n = len(tokens)
    while j < n:
        token = tokens[j]
        if headline and (token.lower in lex.cue_verbs() or token.lower in HEADLINE_BREAKS):
            break
        if _headline_verb(tokens, j):
            break  # a title-case headline run into the text: "Pope Francis Calls for 'Prompt' Response"
        if is_capitalised(token) and token.text not in NOT_NAMES and token.tag != "POS":
            j += 1
            continue
        if token.tag == "POS" and tokens[j - 1].text in {"People", "Children", "Women", "Workers", "Farmers", "Citizens"} \
                and j + 1 < n and is_capitalised(tokens[j + 1]):
            j += 1  # "People's Bank of China", "National People's Congress"
            continue
        if token.text in NAME_SUFFIXES:
            j += 1
            continue
        if token.lower == "on" and j + 1 < n and is_capitalised(tokens[j + 1]) and tokens[j - 1].text in BODIES_ON:
            j += 1  # "Council on Foreign Relations", "Committee on Oversight", not "Trump on Tuesday"
            continue
        if token.lower == "of" and j + 2 < n and tokens[j + 1].lower == "the" and is_capitalised(tokens[j + 2]) \
                and tokens[j + 2].text not in NOT_NAMES and all(t.lower in lex.roles() for t in tokens[i:j]):
            j += 2  # a title of a body: "Speaker of the House Paul Ryan", "Secretary of the Treasury Jacob Lew"
            continue
        if token.lower == "of" and 2 <= j - i <= 3 and tokens[i].text in lex.first_names() and not any(
                t.text in lex.organisation_words() or t.lower in lex.roles() for t in tokens[i:j]):
            break  # a person of a place: "Tom Emanuel of Laconia, N.H." (not "Georgia Institute of Technology")
        if token.lower in SURNAME_PARTICLES and j + 2 < n and tokens[j + 1].lower in SURNAME_PARTICLES \
                and is_capitalised(tokens[j + 2]) and tokens[j + 2].text not in NOT_NAMES:
            j += 2  # two particles before a surname: "Ursula von der Leyen", "Frans van den Berg"
            continue
        # Connectors inside a name ("Chinese Academy of Social Sciences", "Ways and Means Committee").
        if token.lower in CONNECTORS and j + 1 < n and is_capitalised(tokens[j + 1]) and tokens[j + 1].text not in NOT_NAMES:
            if token.lower == "and" and not _and_inside_name(tokens, i, j):
                break
            if token.lower == "the" and tokens[j - 1].lower != "of":
                break
            j += 1
            continue
        if token.text in {"-", "/"} and j + 1 < n and is_capitalised(tokens[j + 1]) and tokens[j].start == tokens[j - 1].end \
                and tokens[j + 1].start == tokens[j].end:
            j += 1  # "Al-Tabchi", "CNN/ORC", "Reuters/Ipsos"
            continue
        break
    return j


def _headline_verb(tokens: list[Token], j: int) -> bool:
    """A capitalised verb of saying after a name, before a particle: "Pope Francis Calls for ..." """
    token = tokens[j]
    return j > 0 and j + 1 < len(tokens) and token.lower.endswith("s") and token.lower in lex.cue_verbs() and \
        tokens[j + 1].lower in {"for", "on", "that", "to", "out", "off", "back"} and tokens[j - 1].text[:1].isupper()


def _and_inside_name(tokens: list[Token], i: int, j: int) -> bool:
    """'Ways and Means', 'Johnson and Johnson', 'Committee on Oversight and Government Reform': one name."""
    after = tokens[j + 1: j + 4]
    words = lex.organisation_words()
    left = tokens[i:j]
    if any(t.text in words and words[t.text] in {"official", "expert", "other"} for t in left) and any(t.lower in {"of", "for", "on"} for t in left):
        return True  # "Organization for Economic Cooperation and Development", "Department of Health and Human Services"
    return any(t.text in words for t in after) and not any(t.text in words for t in left) or (
        any(t.lower == "of" or t.text in words for t in left) and any(t.text in words for t in after))


def _split_title(tokens: list[Token], i: int, j: int) -> int:
    """Where the name starts inside a capitalised run that holds a title.

    "Vice Minister of Commerce Wang Shouwen", "Sen. Elizabeth Warren", "Alibaba CEO Daniel Zhang",
    "Secretary of State Hillary Clinton", "Foreign Ministry Spokesperson Hua Chunying": the name is what
    follows the last title word (and the body it names), when that is a person's name.
    """
    roles = lex.roles()
    last_role_end = -1
    k = i
    while k < j:
        word = tokens[k].lower
        three = " ".join(t.lower for t in tokens[k:k + 3]) if k + 2 < j else ""
        two = f"{word} {tokens[k + 1].lower}" if k + 1 < j else ""
        if three in roles:
            last_role_end = k + 3
            k += 3
            continue
        if two in roles:
            last_role_end = k + 2
            k += 2
            continue
        if (word in TITLE_WORDS or word in roles) and not (
                k + 2 == j and (k == i or last_role_end == k) and tokens[k].text in lex.first_names()):
            last_role_end = k + 1  # (a given name that is also a title opens a two-word name: "Dean Baquet")
        k += 1
    if last_role_end < 0 or last_role_end >= j:
        return i
    k = last_role_end
    # "of Commerce", "of State", "of the Chinese Academy ...": the body of the title, up to the person's name.
    if tokens[k].lower in {"of", "for", "the", "and", "&"}:
        while k < j and not _starts_person(tokens, k, j) and (j - k) > 1:
            k += 1
    # The rest must look like a person's name: one to four words, not an organisation.
    rest = [t.text for t in tokens[k:j]]
    if not rest or len(rest) > 4 or any(w in lex.organisation_words() for w in rest):
        return i
    return k


def _starts_person(tokens: list[Token], k: int, j: int) -> bool:
    word = tokens[k].text
    return word in lex.first_names() or (word in lex.chinese_surnames() and k + 1 < j) or word.lower() in HONORIFICS


def _kind(words: list[str], tokens: list[Token], start: int, end: int, before: list[Token]) -> tuple[str, str]:
    """(kind, gender) of a name: person, organisation, outlet, platform, country or name."""
    return _kind_of_words(tuple(words), before[-1].lower if before else "")


@lru_cache(maxsize=16384)  # a pure function of the words, the word before them and the lexicons; names recur
def _kind_of_words(words: tuple[str, ...], word_before: str) -> tuple[str, str]:
    """``_kind`` for the name's words and the lower-case word before the name ('' at the sentence's start)."""
    text = " ".join(words)
    if text in lex.outlets() or (text.startswith("The ") and text[4:] in lex.outlets()):
        return "outlet", ""
    if len(words) >= 2 and words[0] in lex.outlets() and " ".join(words[1:]) in lex.places():
        return "outlet", ""  # an outlet's edition for a place: "POLITICO New York", "Politico Europe"
    if text.lower() in lex.platforms() and (text not in {"X", "Threads"} or word_before in {"on", "via"}):
        return "platform", ""  # "X" and "Threads" only as "on X", "via Threads"
    if words[-1] in PARTY_GROUPS or len(words) >= 2 and words[-1] in {"Republican", "Democrat"} and words[-2] in {"House", "Senate", "GOP"}:
        return "organisation", ""  # "Republicans", "Senate Democrats", "House Republicans": the party, speaking as such
    if text in lex.places() or all(w in lex.places() or w in {"of", "the", "and"} for w in words) and any(w in lex.places() for w in words) \
            or _formal_state_name(words):
        return "country", ""
    if text in lex.companies() or text in lex.expert_organisations() or lex.body_name(text) != text:
        return "organisation", ""  # (a public body's variant name: "E.U.", "USDA")
    org_words = lex.organisation_words()
    bare = words[1:] if len(words) == 2 and words[0] == "The" else words
    if len(bare) == 1 and "-" in bare[0] and _outlet_shaped(list(bare)) and bare[0].split("-")[0] not in org_words:
        return "outlet", ""  # "The Spokesman-Review"
    if any(w in org_words for w in words) or any(" ".join(words[a:a + 2]) in org_words for a in range(len(words) - 1)):
        last = words[-1]
        if last in org_words or len(words) >= 2 and not (words[0] in lex.first_names() and len(words) <= 3):
            if _outlet_shaped(words):
                return "outlet", ""
            return "organisation", ""
    if words[-1].endswith(("-based", "-born", "-area", "-focused")):
        return "place", ""  # "Hong Kong-based", "Shanghai-based": a modifier, not a name
    if words[0] not in lex.first_names() and words[-1] in lex.places() and not any(w in FACILITY_WORDS for w in words) \
            and not any(w.lower() in lex.common_words() or w in lex.places() for w in words[:-1]):
        return "organisation", ""  # "Greenpeace France", "Tesla China": a body's branch in a country
    if words[0] not in lex.first_names() and (words[-1] in lex.places() or any(w in FACILITY_WORDS for w in words)):
        return "place", ""  # "Gigafactory Texas", "Madison Square Garden", "Northern California": a place, never a source
    honorific = word_before
    if honorific in HONORIFICS:
        return "person", HONORIFICS[honorific]
    first = words[0]
    if first in lex.first_names():
        gender = lex.first_names()[first]
        return "person", "" if gender == "u" else gender
    if len(words) in (2, 3) and first in lex.chinese_surnames() and words[1][:1].isupper() and words[1].lower() not in lex.common_words():
        return "person", ""
    if len(words) >= 2 and re.fullmatch(r"[A-Z]\.", words[1] if len(words) > 2 else "") is not None:
        return "person", ""  # "Donald J. Trump"
    if len(words) >= 2 and all(w[:1].isupper() and w.lower() not in lex.common_words() and w not in lex.places()
                               for w in words[:2]) and len(words) <= 3:
        return "person", ""  # two uncommon capitalised words: most often a person ("Tucker McClendon")
    if re.fullmatch(r"[A-Z]{2,6}", text):
        return "organisation", ""  # an acronym: DNC, CNN (outlets are known above)
    return "name", ""


def _formal_state_name(words) -> bool:
    """"Republic of Turkey", "Islamic Republic of Iran", "Kingdom of Saudi Arabia": a state by its formal name."""
    if "of" not in words or words[0] not in STATE_WORDS:
        return False
    cut = words.index("of")
    after = " ".join(w for w in words[cut + 1:] if w != "the")
    return all(w in STATE_WORDS for w in words[:cut]) and (after in lex.places() or all(w in lex.places() for w in after.split()))


def _outlet_shaped(words: list[str]) -> bool:
    """A name that ends in a word only outlets end in (data/organisations.tsv, type media): "Tampa Bay Times",
    "Texas Observer", "The Spokesman-Review"."""
    last = words[-1].split("-")[-1] if words else ""
    return lex.organisation_words().get(last) == "media" and last not in {"Network"} or "News Agency" in " ".join(words)


def find_names(tokens: list[Token], in_quote: list[bool], capitals: frozenset = frozenset(),
               headline: bool | None = None) -> list[Name]:
    """Every capitalised name of a sentence, with a title split from it, left to right.

    ``capitals``: the capitalised words the article also uses in mid-sentence (``article_capitals``).
    """
    names: list[Name] = []
    i, n = 0, len(tokens)  # i: the first token not yet read
    common = lex.common_words()
    headline = is_headline(tokens) if headline is None else headline
    for k in _capitalised_positions(tokens):  # a name starts with a capitalised token: the others are passed by
        if k < i:
            continue  # inside the name just read
        i = k
        token = tokens[i]
        if token.text in NOT_NAMES or token.tag == "POS" or not token.text[:1].isalnum() and token.text[:1] != "@":
            continue
        if headline and (token.lower in lex.cue_verbs() or token.lower in HEADLINE_BREAKS) or _headline_verb(tokens, i):
            continue
        j = _run_ends(tokens, i, headline)
        start = i
        # A capitalised ordinary word opening the sentence or a quote is not a name ("The", "Officials", "Insiders").
        # (after a full stop the split missed too: 'the next 12 countries combined," he added. As Breitbart News')
        while start < j and (start == 0 or tokens[start - 1].text in {'"', "“", "‘", "'", ":", "(", "—", "–", "-", ".", "!", "?"}
                             and (in_quote[start] or tokens[start - 1].text in {":", "(", "—", "–", ".", "!", "?"})) and (
                tokens[start].lower in common and tokens[start].text not in lex.first_names()
                and tokens[start].text not in capitals and not _opens_with_a_name(tokens, start, j)
                and (j == start + 1 or lex.tagger_lexicon().get(tokens[start].lower, "NN")[:2] not in {"NN", "JJ"})
                and tokens[start].lower not in TITLE_WORDS and tokens[start].lower not in lex.roles()
                and tokens[start].text not in PARTY_WORDS and not _known_body(tokens, start, j)):
            start += 1
        if j == start + 1 and j < n and (start == 0 or tokens[start - 1].text in {'"', "“"}) and tokens[start].lower in common \
                and lex.tagger_lexicon().get(tokens[start].lower, "") == "JJ" and tokens[j].tag == "NNS" \
                and tokens[j].text.islower():
            i = j
            continue  # an adjective opening the sentence before a plural: "Environmental groups support", "Young people"
        while start < j - 1 and tokens[start].lower in INDEFINITE_PRONOUNS:
            start += 1  # "Everything Schwarzenegger mentions"
        while start > i and start < j - 1 and tokens[start].lower in CONNECTORS:
            start += 1  # "Ironically for Pruitt": the connector joined a common word to the name, not two names
        if start >= j:
            i = j
            continue
        # Party words before a title or name are a modifier, not part of the name: "Republican Sen. X".
        while start < j - 1 and (tokens[start].text in PARTY_WORDS | lex.places() or tokens[start].text in {"U.S.", "US", "UK", "EU"}) and (
                tokens[start + 1].lower in TITLE_WORDS or tokens[start + 1].lower in lex.roles()
                or " ".join(t.lower for t in tokens[start + 1:start + 3]) in lex.roles()
                or tokens[start + 1].text in lex.first_names()
                or j == start + 2 and tokens[start].text in {"Democrat", "Republican"}
                and tokens[start + 1].text not in lex.organisation_words() and tokens[start + 1].lower not in common):
            start += 1  # ("Republican Trump and Democrat Clinton": the party, then the surname)
        name_start = _split_title(tokens, start, j)
        title = " ".join(t.text for t in tokens[start:name_start])
        end = j
        # A trailing party tag or suffix is not the name.
        words = [t.text for t in tokens[name_start:end]]
        while words and (words[-1] in {"of", "the", "and", "&", "-"}):
            words.pop()
            end -= 1
        if not words:
            if title:
                names.append(Name(start, start, "", "title", title, start, in_quote=in_quote[start]))
            i = j
            continue
        if len(words) == 1 and words[0] in PARTY_WORDS - {"GOP"}:
            i = j
            continue  # "Democratic officials", "Republican senators": a party adjective, not a body
        if COMPOUND_ADJECTIVE_RE.search(words[-1]):
            i = j
            continue  # "Russian-made", "New York-based", "Saudi-backed": an adjective, never a source
        from_place = False
        resume = j
        if "of" in words[1:]:
            cut = words.index("of", 1)
            after_of = " ".join(words[cut + 1:])
            if words[0] in lex.first_names() and 2 <= cut <= 3 and not title and (
                    after_of in lex.outlets() or after_of in lex.companies() or body_type(after_of)) or (
                    title and title.lower().rstrip(".") in {"mr", "mrs", "ms", "miss", "dr", "prof", "professor"}
                    and 1 <= cut <= 2 and words[cut + 1:]):
                # ("Ms Schori of Cal Fire": a title and a surname, then the body, known or not)
                # "Chris Wallace of Fox News", "Chen Xin of the Chinese Academy of Social Sciences": the person,
                # then the body as a name of its own (read as the person's affiliation).
                end = name_start + cut
                words = words[:cut]
                from_place = True
                resume = end + 1
            elif (after_of in lex.places() or all(w in lex.places() for w in words[cut + 1:])) and not _formal_state_name(words):
                # "Sen. Tom Udall of New Mexico": a run too long for its title to be split off is split now.
                split = name_start if title else _split_title(tokens, name_start, name_start + cut)
                head = [t.text for t in tokens[split:name_start + cut]]
                title_words = title or " ".join(t.text for t in tokens[name_start:split])
                if head and _person_before_of(head, title_words, tokens, split):
                    end = name_start + cut
                    name_start, words, title = split, head, title_words
                    from_place = True  # "Sen. Ben Cardin of Maryland", "Lindsey Graham of South Carolina"
        kind, gender = _kind(words, tokens, name_start, end, tokens[max(0, name_start - 1):name_start])
        if (title or from_place) and kind == "name":
            kind = "person"
        if kind == "person" and not gender:
            gender = _gender_from(title)
        text = _join(tokens, name_start, end)
        text = re.sub(r"^The\s+(?=\S)", "", text) if kind != "outlet" else text
        names.append(Name(name_start, end, text, kind, title, start if title else -1, gender, in_quote[name_start]))
        i = resume
    return names


def _capitalised_positions(tokens: list[Token]) -> list[int]:
    """The positions of the capitalised tokens (``is_capitalised``), in order."""
    return [k for k, token in enumerate(tokens)
            if token.text[:1].isupper() or token.text[:1] == "@" and len(token.text) > 1]


def _person_before_of(words: list[str], title: str, tokens: list[Token], name_start: int) -> bool:
    """Whether the words before "of <place>" are a person's name: "Sherrod Brown of Ohio" is Sherrod Brown (from
    Ohio); "Bank of America", "Supreme Court of Ohio", "Southern District of New York" stay whole."""
    if words[0] in lex.first_names():
        return True
    if not 2 <= len(words) <= 3 or any(w in lex.places() for w in words):
        return False
    kind, _gender = _kind(words, tokens, name_start, name_start + len(words), tokens[max(0, name_start - 1):name_start])
    # An unknown first word ("Sherrod") makes a person; a common one ("Southern District of New York") does not.
    return kind == "person" or kind == "name" and (bool(title) or words[0].lower() not in lex.common_words())


def _known_body(tokens: list[Token], start: int, end: int) -> bool:
    words = " ".join(t.text for t in tokens[start:end])
    return words in lex.outlets() or words in lex.companies() or any(
        " ".join(t.text for t in tokens[start:k]) in lex.outlets() for k in range(start + 1, end))


# A company the apposition describes without naming it: "of a German kitchen appliance maker", "at a US dairy exporter".
UNNAMED_COMPANY_RE = re.compile(
    r"\b(?:of|at|with|for)\s+(?:a|an|one)\s+(?:[\w.’'-]+\s+){0,5}?(maker|manufacturer|company|firm|exporter|importer|"
    r"producer|supplier|retailer|carmaker|automaker|chipmaker|distributor|conglomerate|startup|start-up|developer|"
    r"insurer|lender|brand|chain|e-commerce platform)\b")


def _closed_after(tokens: list[Token], names: list[Name], start: int) -> bool:
    """Whether the name at ``start`` ends its phrase, as a name set off by commas does ("analyst, Wu Shuocheng,
    said"), unlike the subject of a clause after a comma ("claimed their seventh victim, Donald Trump accused")."""
    name = next((o for o in names if (o.title_start if o.title_start >= 0 else o.start) == start), None)
    if name is None:
        return True
    return name.end >= len(tokens) or tokens[name.end].text in {",", ".", ";", ")", "—", "–", ":"} or \
        tokens[name.end].lower in {"said", "says", "told", "added", "wrote"}


NOT_GIVEN_NAMES = {"the", "this", "that", "these", "those", "another", "every", "each", "some", "any", "one", "our",
                   "their", "his", "her", "its", "new", "old", "young", "former", "late", "both", "all", "many", "most"}
_BODY_DESCRIPTIONS = re.compile(
    r"^, (?:a|an|the) (?:[\w-]+ ){0,4}?(?P<kind>think tank|research (?:group|institute|center|centre|organi[sz]ation)|"
    r"trade (?:group|association|body)|industry (?:group|association|lobby)|lobby(?:ing)? group|"
    r"(?:advocacy|environmental|conservation|campaign|activist|watchdog|civil rights|human rights|community|"
    r"non-?profit|nonpartisan|non-partisan|charity|grassroots) (?:group|organi[sz]ation|coalition|network|charity)|"
    r"non-?profit|charity|ngo|news (?:organi[sz]ation|agency|outlet|site|website)|newspaper)\b")
_BODY_DESCRIPTION_TYPES = {"think tank": "expert", "research": "expert", "trade": "company", "industry": "company",
                           "lobby": "company", "news": "media", "newspaper": "media"}


def _body_described(tokens: list[Token], end: int) -> str:
    """The type an apposition gives the body before it: "Energy Probe, a Toronto-based environmental
    organization" (other), "the Heritage Foundation, a conservative think tank" (expert), or ''."""
    words = " ".join(t.lower for t in tokens[end:end + 9])
    match = _BODY_DESCRIPTIONS.match(words.replace(" ,", ",").replace(" - ", "-"))
    if not match:
        return ""
    kind = match.group("kind")
    return next((t for w, t in _BODY_DESCRIPTION_TYPES.items() if kind.startswith(w)), "other")


FORTUNE_WORDS = frozenset({"mogul", "magnate", "tycoon", "billionaire", "businessman", "businesswoman", "developer"})
_CALLINGS = ({"political", "official"}, {"media"}, {"expert"}, {"company"})


def _other_calling(entity: Entity, kind: str) -> bool:
    """Whether the article gives a person only roles of another calling than ``kind``: a journalist for "the
    host", a candidate for "the analyst" (a president who is also a candidate is of one calling)."""
    calling = next(c for c in _CALLINGS if kind in c)
    stated = {e.source_type for e in entity.evidence if e.strength >= 2 and e.source_type != "other"}
    return bool(stated) and not stated & calling


def _conjuncts(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """An apposition cut at "and a", "and the", "and former": "global chief economist at BOC International and a
    former official with SAFE" is two roles, each read on its own (the strongest then decides)."""
    parts, begin = [], start
    for k in range(start + 1, end - 1):
        if tokens[k].lower == "and" and tokens[k + 1].lower in {"a", "an", "the", "former", "also", "now", "past", "longtime", "current"}:
            parts.append((begin, k))
            begin = k + 1
    parts.append((begin, end))
    return parts


def _initials_fit(acronym: str, name: str) -> bool:
    """Whether an acronym in capitals spells the name's initials, in order ("NRC": "U.S. Nuclear Regulatory
    Commission", "OECD": "Organisation for Economic Co-operation and Development"; not "IPCC": "Climate Change",
    a name cut short, nor "Reuters" after a dateline)."""
    if not acronym.isupper():
        return False
    initials = [w[0].upper() for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    k = 0
    for letter in acronym:
        while k < len(initials) and initials[k] != letter:
            k += 1
        if k == len(initials):
            return False
        k += 1
    return True


def _join(tokens: list[Token], start: int, end: int) -> str:
    out = ""
    for k in range(start, end):
        if k > start and tokens[k].start > tokens[k - 1].end:
            out += " "
        out += tokens[k].text
    return out


def _gender_from(words: str) -> str:
    lowered = set(words.lower().split())
    if lowered & MALE_WORDS:
        return "m"
    if lowered & FEMALE_WORDS:
        return "f"
    return ""


# --- roles ---------------------------------------------------------------------------------------


@dataclass
class RoleReading:
    """A role the article gives a name: its words, the type it gives, the body it serves."""

    words: str
    source_type: str
    strength: int
    body: str = ""


# A role word that is part of another noun: "an executive order", "the executive branch", "a victim advocate".
NOT_A_ROLE_AFTER = {"executive": {"order", "orders", "action", "actions", "branch", "privilege", "power", "powers",
                                  "session", "summary", "authority", "producer"}}


def _first_last(name: str) -> tuple[str, str]:
    """The given name and surname a full name is linked by: "Donald J. Trump" and "Donald Trump" are one
    person; a son is not his father ("Donald Trump Jr." keeps its suffix)."""
    words = [w for w in name.split() if w not in NAME_SUFFIXES and not re.fullmatch(r"[A-Z]\.", w)]
    suffix = "".join(w for w in name.split() if w in NAME_SUFFIXES)
    return (words[0], words[-1] + suffix) if words else ("", suffix)


def _lower_words_then_role(tokens: list[Token], m: int) -> bool:
    """Two or three lower-case words of which the last is a role and is followed by what it serves
    ("editorial board editor for", "deputy campaign manager of")."""
    for size in (2, 3):
        end = m + size
        if end < len(tokens) and tokens[end - 1].lower in lex.roles() and tokens[end].lower in {"for", "of", "at", "to", "with"} \
                and all(t.text.isalpha() and t.text.islower() for t in tokens[m:end]):
            return True
    return False


def role_of(words: str, body_type: str = "", body: str = "") -> RoleReading | None:
    """The type a role phrase gives ("Vice Minister of Commerce", "a tax expert and professor of law").

    The role word is the longest role of the phrase; a role that serves a body ("spokesman",
    "chairman", "analyst") takes the body's type when one is named.
    """
    tokens = [t[:-1] if t.endswith("s") and t[:-1] in lex.roles() and t not in lex.roles() else t
              for t in re.findall(r"[\w.’'-]+", words.lower())]
    best = None
    roles = lex.roles()
    for size in lex.role_lengths():
        for k in range(len(tokens) - size + 1):
            key = " ".join(tokens[k:k + size])
            if key in roles and not (k + size < len(tokens) and tokens[k + size] in NOT_A_ROLE_AFTER.get(key, ())):
                role = roles[key]
                # The head role is the last one of the phrase ("former campaign manager", "press secretary").
                if best is None or k + size > best[0] or (k + size == best[0] and size > best[1]):
                    best = (k + size, size, role)
    if best is None:
        science = next((t for t in reversed(tokens) if t.endswith(("ologist", "ographer", "statistician", "ometrician",
                                                                    "physicist", "chemist", "scientist"))), None)
        if science:
            return RoleReading(science, "expert", 3)  # "a biostatistician at Harvard", "a glaciologist"
        return None
    role = best[2]
    former = any(t in {"former", "ex", "ex-", "then", "then-", "past", "onetime", "one-time"} for t in tokens[: best[0] - best[1]])
    if role.source_type == "inherit":
        kind = body_type or ("other" if body else role.default)  # "president of NDN, an advocacy group": not an office
        if not kind:
            return None
        strength = 3 if body_type or body else 2
    else:
        kind = role.source_type
        strength = 3
    if former and kind in {"official", "company"}:
        strength = 1  # a former office is not the one they speak from
    return RoleReading(role.words, kind, strength, body)


_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=8192)  # a pure function of the words and the lexicons; an article asks for the same names often
def body_type(words: str) -> str:
    """The type an organisation's own name gives it ("Ministry of Commerce": official), or ''."""
    text = words.strip()
    text = _LEADING_THE.sub("", text)
    text = _TRAILING_POSSESSIVE.sub("", text)
    if not text:
        return ""
    if text in lex.outlets():
        return "media"
    if text.split()[-1] in PARTY_GROUPS or re.fullmatch(r"(?:House|Senate|GOP) (?:Republican|Democrat)", text):
        return "political"
    if text in lex.expert_organisations():
        return "expert"
    if text in lex.companies():
        return "company"
    if text.lower() in lex.platforms():
        return "social_media"
    words_map = lex.organisation_words()
    best, best_rank = "", (-1, -1)
    for match in lex.organisation_re().finditer(text):
        word = match.group(1)
        # A word of several words is most specific ("People's Bank of China"); then official and expert words over
        # company words ("Massachusetts Institute of Technology").
        rank = (len(word.split()), BODY_PRIORITY.get(words_map[word], 0))
        if rank > best_rank:
            best, best_rank = words_map[word], rank
    if best:
        if best == "official" and re.search(r"\bNews Agency\b", text):
            return "media"
        if best == "company" and words_map.get(text.split()[-1]) == "other":
            return "other"  # the head word decides over a trade's: "Energy Futures Initiative", not "Energy"
        return best
    if text in lex.places() or text.replace("the ", "") in lex.places() or _formal_state_name(text.removeprefix("the ").split()):
        return "official"  # a country speaking: its government
    one = lex.body_name(text)
    if one != text:
        return body_type(one)  # "USDA": the U.S. Department of Agriculture's type
    return ""


# --- the registry --------------------------------------------------------------------------------


# The abbreviated titles of a role: "the Florida senator" is the one the article calls "Sen.".
_TITLE_OF_ROLE = {"senator": {"sen."}, "governor": {"gov."}, "congressman": {"rep."}, "congresswoman": {"rep."},
                  "representative": {"rep."}, "general": {"gen."}, "secretary": {"sec."}}


def _holds_title(entity: "Entity", role: str) -> bool:
    titles = _TITLE_OF_ROLE.get(role, set())
    return bool(titles) and any(w in titles for e in entity.evidence for w in e.words.lower().split())


# Descriptions of one kind of body, resolved only to a body that has the word in its name ("the court": the
# Supreme Court, never the EPA; "the government": never a court).
_NAMED_ONLY = {"court", "government", "administration", "white house", "pentagon", "embassy"}
_APPOSITION_END = re.compile(r"[,;.)—–]|$")
_PARTY_TAG_RE = re.compile(r"^\(?([RDI])-[A-Z][A-Za-z.]{1,14}\)?$|^\(([RDI])\)$")


DESCRIPTION_NO_ROLE = lex.descriptions_without_role()  # data/descriptions_without_role.txt
_WRITING = {"wrote", "writes", "writing"}
_WRITTEN_IN = re.compile(r"((?:wrote|writes|writing|points out|pointed out)\s+)?(?:in|for)\s+"
                         r"(?:(?:a|an|his|her|their|the)\s+(?:\w+\s+)?(?:column|piece|essay|blog post|article|story|report)\s+(?:on|in|for|at)\s+)?")
# A share of the vote right after a name, in a sentence about a poll or a vote: "Kasich at 10 percent", "Sanders
# with 43%", "Trump (35 percent)".
POLL_STANDING_RE = re.compile(r"(?:in (?:first|second|third|fourth|fifth) (?:place )?)?(?:at|with|has|had|polling at|"
                              r"garnered|received|drew|won|gets|got)? ?\(? ?\d{1,2}(?:\.\d)? ?(?:percent|%)")
POLL_SENTENCE_RE = re.compile(r"\b(?:polls?|polling|survey|surveys|caucus\w*|primary|primaries|voters|ballots?)\b")
CAMPAIGN_RE = re.compile(
    r"\b(?:(?:his|her|their) (?:other |new |latest |fledgling |struggling )?(?:presidential |senate |re-election |reelection )?(?:campaign|candidacy|bid|rivals?|running mate|"
    r"opponents?|supporters)|suspend(?:s|ed|ing)? (?:his|her) campaign|told (?:his |her )?supporters|"
    r"(?:at|during) (?:a|the|his|her) (?:campaign )?(?:rally|rallies|town hall|fundraiser|stump speech|caucus)|"
    r"endors(?:e|es|ed|ing|ement)|stump(?:ed|ing)? for|campaign(?:ed|ing|s)? (?:for|against|in|on)|"
    r"(?:won|wins|win|lost|loses|lose|winning|losing) (?:the |a )?(?:\w+ )?(?:primary|caucus(?:es)?|nomination|delegates|race)|"
    r"(?:running|run|ran|runs) for (?:president|the (?:white house|nomination|senate|presidency))|"
    r"dropp?(?:ed|ing|s)? out of the (?:race|contest)|(?:the )?(?:democratic|republican|gop) (?:nomination|primary|race|debate)|"
    r"presidential (?:race|debate|contest|primary|campaign)|(?:his|her) (?:vice[- ]presidential )?running mate|"
    r"the (?:debate|debates) stage|delegates? (?:for|to)|(?:a|the) [\w'’-]+ (?:delegate|surrogate)|"
    # a result of the race: "finished a distant second", "his second-place finish", "his delegate haul"
    r"finish(?:ed|es|ing)? (?:a )?(?:strong |distant |close |surprising |disappointing )?(?:first|second|third|fourth|fifth)|"
    r"(?:his|her) (?:first|second|third|fourth|fifth)[- ]place finish|(?:his|her|their) delegate (?:haul|count|lead|total)|"
    r"carry (?:him|her) to victory)\b"
)
ENDORSED_RE = re.compile(r"\b(?:endorsement|backing) (?:of|from)$")  # "the endorsement of Rep. Jim Clyburn"
# The article says the person is a candidate, in the words right after the name: "Sen. Bernie Sanders of Vermont was
# the first presidential candidate to argue", "Booker, who is one of several 2020 hopefuls" (not "is not a candidate")
CANDIDATE_PREDICATE_RE = re.compile(
    r"^(?:of [a-z.]+(?: [a-z.]+)? )?(?:(?:, (?:who|now)|—|–|--) )?(?:is|was|has been|had been|became|remains|is now|was now) "
    r"(?:also |still |now )?(?:(?:a|an|the) |one of (?:the |several |many |\d+ |[a-z]+ )?)(?:[a-z\d-]+ ){0,3}?"
    r"(?:candidates?|hopefuls?|contenders?|nominee|front-?runner)\b")
QUOTE_OPENERS = frozenset({"“", "‘", '"', "«"})  # ("'" is too often an apostrophe or a closing mark)
# A sitting president running again still speaks from the office: no description makes him a candidate
SITTING_PRESIDENT_WORDS = re.compile(r"^(?!.*\b(?:former|ex-|vice|then)\b)(?:U\.S\. )?President\b")
CANDIDACY_HEADS = frozenset({"candidate", "hopeful", "contender", "nominee", "front-runner", "frontrunner"})


class Registry:
    """The entities of one article, built sentence by sentence, and the resolution of mentions to them."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.by_name: dict[str, Entity] = {}
        self.by_surname: dict[str, dict[int, Entity]] = {}  # surname -> {id: entity}, in order of appearance
        self.by_first: dict[str, dict[int, Entity]] = {}
        self.sentence_index = 0
        self.last_speaker: tuple[Entity, int] | None = None
        # Mentions outside quotes, by sentence: {sentence index: [(token index, entity), ...]} (looked up by position,
        # so no resolution walks the whole article: an article of thousands of names stays linear).
        self.mentions_at: dict[int, list[tuple[int, Entity]]] = {}
        self.after_opening_clause: dict[int, int] = {}  # sentence index -> the token after "When Rubio took Trump on,"
        self.positions: dict[int, list[tuple[int, int]]] = {}  # id(entity) -> its mentions' (sentence, token), in order
        self.by_first_last: dict[tuple[str, str], Entity] = {}
        self.ages: dict[str, Entity] = {}  # "Lance Beebe, 49," / "Lance Beebe, a 49-year-old veteran": "49" -> him

    # .. entities ..

    def _new(self, kind: str, name: str, gender: str = "") -> Entity:
        entity = Entity(kind=kind, names=[name], gender=gender)
        self.entities.append(entity)
        self._index(entity, name)
        return entity

    def _index(self, entity: Entity, name: str) -> None:
        self.by_name.setdefault(name, entity)
        if entity.kind == "person":
            words = [w for w in name.split() if w not in NAME_SUFFIXES and not re.fullmatch(r"[A-Z]\.", w)]
            if len(words) >= 2:
                self.by_first_last.setdefault(_first_last(name), entity)
            if len(words) >= 2:
                surname = words[0] if words[0] in lex.chinese_surnames() and len(words) <= 3 and words[-1] not in lex.first_names() \
                    and words[0] not in lex.first_names() else words[-1]
                self.by_surname.setdefault(surname, {}).setdefault(id(entity), entity)
                first = words[0] if surname != words[0] else ""
                if first:
                    self.by_first.setdefault(first, {}).setdefault(id(entity), entity)

    def entity_for_name(self, name: Name, create: bool = True) -> Entity | None:
        """The entity a name refers to: same name, or a surname of a person named in full."""
        text = name.text
        if not text:
            return None
        titled = " ".join(w[:1] + w[1:].lower() for w in text.split()) if text.isupper() and len(text) > 3 else text
        if titled != text and text not in self.by_name:
            # "CLINTON", "KATE BOLDUAN" (a transcript's speaker labels): the person named "Clinton", "Kate Bolduan".
            # ("I-1631", "F-22" have no lower-case form: names as they are.)
            entity = self.entity_for_name(replace(name, text=titled, kind="person"), create=False)
            if entity is not None and entity.kind == "person":
                self.by_name[text] = entity
                return entity
        words = text.split()
        if text in self.by_name:
            entity = self.by_name[text]
            # A surname the headline or lede used before the article named the person in full ("Brooks: Rubio did
            # well" ... "columnist David Brooks" ... "Brooks said"): the person named in full, not a second source.
            if not (len(words) == 1 and entity.names == [text] and entity.kind in {"person", "name"}
                    and not entity.evidence and self.by_surname.get(text)):
                if name.kind == "person" and entity.kind == "name":
                    entity.kind = "person"
                return entity
        if name.kind in {"person", "name"}:
            candidates = []
            if len(words) == 1:
                candidates = list((self.by_surname.get(words[0]) or self.by_first.get(words[0]) or {}).values())
                if candidates and words[0] in self.by_surname:
                    # A full name the name finder could not tell was a person's ("Khizr Khan", an unknown given name)
                    # shares the surname of a person of the article ("Army Capt. Humayun Khan"): a relative, and a
                    # candidate for bare "Khan" too.
                    candidates += [e for key, e in self.by_name.items() if e.kind == "name" and e not in candidates
                                   and len(key.split()) == 2 and key.endswith(" " + words[0])
                                   and re.fullmatch(r"[A-Z][a-z]{2,}", key.split()[0])
                                   and key.split()[0].lower() not in lex.roles() and key.split()[0] not in lex.places()
                                   and key.split()[0].lower() not in NOT_GIVEN_NAMES]
            elif len(words) >= 2:
                # "Donald J. Trump" and "Donald Trump", "Hillary Rodham Clinton" and "Hillary Clinton".
                same = self.by_first_last.get(_first_last(text))
                candidates = [same] if same is not None else []
                if not candidates and words[0] not in lex.first_names() and words[0].lower() in SURNAME_PARTICLES:
                    # "Le Pen" after "Marine Le Pen", "de Blasio" after "Bill de Blasio": a surname of two words
                    tail = " " + text.lower()
                    candidates = [e for key, e in self.by_name.items() if e.kind in {"person", "name"}
                                  and key.lower().endswith(tail) and len(key.split()) > len(words)]
            if name.gender:
                matching = [e for e in candidates if e.gender in ("", name.gender)]
                candidates = matching or candidates
            if candidates:
                entity = max(candidates, key=lambda e: (e.last_seen, e.mentions))
                if len(candidates) > 1:
                    # Bare "Clinton": the one named most, unless another was named in the last sentence.
                    recent = [e for e in candidates if e.last_seen >= self.sentence_index - 1]
                    # among equals, the one the article introduced first (the one it is about)
                    order = {id(e): k for k, e in enumerate(self.by_name.values())}
                    entity = recent[-1] if len(recent) == 1 else max(
                        candidates, key=lambda e: (e.mentions, -order.get(id(e), 0)))
                if text not in entity.names:
                    entity.names.append(text)
                    self._index(entity, text)
                if name.gender and not entity.gender:
                    entity.gender = name.gender
                return entity
        if not create:
            return None
        kind = name.kind if name.kind != "title" else "person"
        entity = self._new(kind, text, name.gender)
        return entity

    # .. reading a sentence ..

    def observe(self, index: int, sentence: str, tokens: list[Token], names: list[Name]) -> None:
        """Register the names of a sentence and the roles the sentence gives them."""
        self.sentence_index = index
        opening = opening_end(tokens, OPENING_CLAUSES)
        if opening:
            self.after_opening_clause[index] = opening
        for name in names:  # every name of the sentence linked first, so a role can point at a later one
            if not name.text:
                continue
            entity = self.entity_for_name(name)
            if entity is None:
                continue
            name.entity = entity
            entity.mentions += 1
            entity.last_seen = index
            if not name.in_quote and entity.kind in {"person", "name", "organisation", "outlet", "country"}:
                self.mentions_at.setdefault(index, []).append((name.start, entity))
                self.positions.setdefault(id(entity), []).append((index, name.start))
        for name in names:
            entity = name.entity
            if entity is None:
                continue
            self._read_roles(index, sentence, tokens, names, name, entity)
            if entity.kind in {"person", "name"} and not name.in_quote:
                self._read_campaign(index, tokens, name, entity, names)

    def _read_campaign(self, index: int, tokens: list[Token], name: Name, entity: Entity, names: list[Name] = ()) -> None:
        """A person doing what candidates, campaigns and surrogates do, in the words right after the name: political.

        "Cruz told supporters", "Huckabee announced he was suspending his campaign", "Ryan, who endorsed
        Trump", "Sanders hopes to win the nomination": a sitting senator or governor speaking as a candidate
        or an endorser is political, as the guidelines say.
        """
        after_name = tokens[name.end: name.end + 14]
        # Up to a quotation mark: words quoted after the name are what the person says, no act of theirs ("Ryan:
        # 'Anti-Semitic Images' Have 'No Place In A Presidential Campaign'", said the Speaker of the House)
        opening = next((k for k, t in enumerate(after_name) if t.text in QUOTE_OPENERS), len(after_name))
        window = " ".join(t.lower for t in after_name[:opening])
        match = CAMPAIGN_RE.search(window)
        start = name.title_start if name.title_start >= 0 else name.start
        endorsed = ENDORSED_RE.search(" ".join(t.lower for t in tokens[max(0, start - 3): start]))
        if endorsed and not match:
            entity.add_evidence("political", f"campaign: '{endorsed.group(0)} {name.text}'", 3, index)
            return
        standing = POLL_STANDING_RE.match(window)
        sentence_words = " ".join(t.lower for t in tokens) if standing else ""
        if standing and not match and POLL_SENTENCE_RE.search(sentence_words) and not re.search(r"\bapprov|\bfavorab|\bratings?\b", sentence_words):
            # "a WBUR poll showed Rubio in third at 11 percent, followed by Kasich at 10 percent": a share of
            # the vote in a poll is a candidate's
            entity.add_evidence("political", f"campaign: '{name.text} {standing.group(0)}' in a poll", 3, index)
            return
        after = " ".join(t.lower for t in tokens[name.end: name.end + 3])
        own = re.match(r"(?:['’]s? )?(?:presidential )?(?:campaign|candidacy|bid|supporters|rally|rallies|delegates|running mate|camp)\b", after)
        predicate = CANDIDATE_PREDICATE_RE.match(window) if not match else None
        if not match and not predicate and name.end < len(tokens) and tokens[name.end].lower == "and":
            # the first of two people the sentence says are candidates: "Elizabeth Warren and Bernie Sanders—became
            # the first candidates to embrace"
            other = next((m for m in names if m.start == name.end + 1 and m.title_start < 0 and m.kind in {"person", "name"}), None)
            if other is not None:
                rest = tokens[other.end: other.end + 14]
                opening = next((k for k, t in enumerate(rest) if t.text in QUOTE_OPENERS), len(rest))
                joint = CANDIDATE_PREDICATE_RE.match(" ".join(t.lower for t in rest[:opening]))
                if joint and "candidates" in joint.group(0) or joint and re.search(r"(?:hopefuls|contenders|front-?runners)\b", joint.group(0)):
                    said = _join(tokens, other.end, other.end + len(joint.group(0).split()))
                    entity.add_evidence("political", f"campaign: '{name.text} and {other.text} {said}'", 3, index)
                    return
        if match:
            entity.add_evidence("political", f"campaign: '{match.group(0)}'", 3, index)
        elif predicate:
            said = _join(tokens, name.end, name.end + len(predicate.group(0).split()))  # as the article writes it
            entity.add_evidence("political", f"campaign: '{name.text} {said}'", 3, index)
        elif own:
            entity.add_evidence("political", f"campaign: '{name.text}{' ' if not own.group(0).startswith(chr(39)) and not own.group(0).startswith('’') else ''}{own.group(0)}'", 3, index)

    def _read_roles(self, index: int, sentence: str, tokens: list[Token], names: list[Name], name: Name,
                    entity: Entity) -> None:
        # The body's own name: "Ministry of Commerce", "Clinton campaign".
        if entity.kind in {"organisation", "outlet", "country", "platform"}:
            kind = body_type(name.text)
            if entity.kind == "outlet":
                kind = "media"
            if entity.kind == "platform":
                kind = "social_media"
            if kind:
                entity.add_evidence(kind, f"lexicon: {kind_word(entity.kind, kind)}" if name.text in lex.outlets()
                                    or entity.kind == "platform" else name.text, 2, index)
        k = name.end
        if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")" and \
                re.fullmatch(r"[A-Z][A-Za-z]{1,7}", tokens[k + 1].text) and entity.kind in {"organisation", "name", "outlet"}:
            acronym = tokens[k + 1].text  # "the General Administration of Customs (GAC)": GAC is the same body
            known = self.by_name.get(acronym)
            if known is None or known is not entity and known.names == [acronym] and known.mentions <= 1 \
                    and _initials_fit(acronym, name.text):
                entity.names.append(acronym)
                self.by_name[acronym] = entity
        if entity.kind in {"organisation", "outlet"}:
            # "Local news station KTLA", "the newspaper Die Zeit": what the article calls the body.
            before = self._role_before(tokens, names, name.start)
            # "president of Huawei" is a person's role in the body, not what the body is.
            if before and before[0].split()[-1].lower() not in {"of", "for", "at", "with", "to", "-"}:
                reading = role_of(before[0])
                if reading and reading.source_type in {"media", "company", "expert", "official", "political"}:
                    entity.add_evidence(reading.source_type, before[0], 3, index)
        if entity.kind not in {"person", "name"}:
            return
        # 1. A title inside the capitalised run: "Vice Minister of Commerce", "Sen."; "former" just before it counts.
        if name.title:
            # (a title that is one role is no body's: "Press Secretary" is not the press's)
            title_body = self._body_in(name.title) if name.title.lower() not in lex.roles() else ""
            start = name.title_start if name.title_start >= 0 else name.start
            if not title_body and start >= 2 and tokens[start - 1].lower == "and":
                # "Lung Association President and CEO Harold P. Wimmer": the body of the first title
                before = next((o for o in names if o.end == start - 1 and o.kind in {"organisation", "name"} and o.text
                               and o.text.split()[-1].lower() in lex.roles()), None)
                if before is not None:
                    words = before.text.split()
                    while words and words[-1].lower() in lex.roles():
                        words.pop()
                    title_body = " ".join(words)
            back = start
            while back > 0 and start - back < 5 and (is_capitalised(tokens[back - 1]) or tokens[back - 1].lower in {"and", "of"}):
                back -= 1  # "former Housing and Urban Development Secretary Julián Castro"
            former = " ".join(t.lower for t in tokens[max(0, back - 2):start] if t.lower in {"former", "ex", "ex-", "then", "then-"})
            reading = role_of(f"{former} {name.title}".strip(), body_type(title_body) if title_body else "", title_body)
            if reading is None and not title_body and not entity.unserved and name.title.lower() in SERVING_ROLES:
                entity.unserved = (name.title, index)  # "Spokeswoman Haley Morris": whose, the sentences before may say
            if reading:
                # A title inside a quotation is the speaker's word for the person ("Secretary Clinton" in a rival's
                # letter, months after she left the office): weak evidence, below what the article itself states.
                strength = min(reading.strength, 1) if name.in_quote else reading.strength
                entity.add_evidence(reading.source_type, name.title, strength, index)
                entity.roles.append(reading.words)
            if not entity.gender:
                entity.gender = _gender_from(name.title)
        # 2. Role words just before: "campaign manager Robby Mook", "Tesla CEO Elon Musk", "analyst Wu".
        start = name.title_start if name.title_start >= 0 else name.start
        if start >= 2 and tokens[start - 1].tag == "POS" and any(o.kind == "outlet" and o.end == start - 1 for o in names):
            entity.add_evidence("media", f"{tokens[start - 2].text}'s", 3, index)  # "RealClearPolitics' David Byler"
        before = self._role_before(tokens, names, start)
        if before and before[0].split()[-1].lower() in {"of", "for", "at", "with", "to", "-"}:
            before = None  # "president of Voltara": Voltara is the body the role is in, not a person in that role
        if before:
            words, body = before
            served = self.by_name.get(body) if body else None
            role_word = (role_of(words, "other", "-") or RoleReading("", "", 0)).words
            if served is not None and served.kind == "person" and served is not entity and \
                    lex.roles().get(role_word) is not None and lex.roles()[role_word].source_type == "inherit":
                entity.serves.append((served, words))  # "Rubio spokesman Alex Conant", "Trump adviser Stephen Miller"
                entity.source_type = ""
                before = None
        if before:
            words, body = before
            reading = role_of(words, self._body_kind(body) if body else "", body)
            if reading is None and not body and not entity.unserved and words.lower() in SERVING_ROLES:
                entity.unserved = (words, index)  # "Spokeswoman Haley Morris": whose, the sentences before may say
            if reading:
                entity.add_evidence(reading.source_type, words, reading.strength, index)
                entity.roles.append(reading.words)
                if not entity.gender:
                    entity.gender = _gender_from(words)
            elif re.search(r"\b(?:Democrat|Republican|GOP)\b", words) and not re.search(r"\b(?:voters?|supporters?)\b", words):
                entity.add_evidence("political", words, 1, index)
        # 3. After the name: "(R-Utah)", ", a tax expert and professor of law at NYU,", " of the Chinese Academy".
        self._read_after(index, sentence, tokens, names, name, entity)

    def _body_kind(self, body: str) -> str:
        """The type of a body named with a role: what the article's own name for it says ("GAC", defined as the
        General Administration of Customs, is official, not the carmaker of the lexicon), else its lexicon type."""
        entity = self.by_name.get(body)
        if entity is not None and len(entity.names) > 1 and body != entity.name:
            kind = body_type(entity.name)
            if kind:
                return kind
        return body_type(body)

    def _body_in(self, words: str) -> str:
        """The organisation inside a title: "Vice Minister of Commerce" -> "Ministry of Commerce"-like text."""
        match = re.search(r"\b(?:of|for|at)\s+(?:the\s+)?(.+)$", words)
        if match:
            body = match.group(1)
            if re.fullmatch(r"(?:State|Defense|Commerce|Justice|Treasury|Energy|Labor|Education|Agriculture|Interior|"
                            r"Transportation|Health|Homeland Security|Foreign Affairs|Finance|Trade|Industry|Public Security)"
                            r"(?:\s+and\s+\w+)?", body):
                return f"Ministry of {body}"
            return body
        words_list = words.split()
        if len(words_list) >= 2 and body_type(" ".join(words_list[:-1])):
            return " ".join(words_list[:-1])
        return ""

    def _role_before(self, tokens: list[Token], names: list[Name], start: int) -> tuple[str, str] | None:
        """Lower-case role words (and the body before them) right before a name: ('CEO', 'Tesla')."""
        k = start - 1
        words: list[Token] = []
        # "executives such as Elon Musk", "analysts including Chen Xin", "analyst, Wu Shuocheng,".
        if k >= 1 and tokens[k].lower == "as" and tokens[k - 1].lower == "such":
            k -= 2
        elif k >= 0 and tokens[k].lower in {"including", "like"}:
            k -= 1
        elif k >= 1 and tokens[k].text == "," and _closed_after(tokens, names, start) and (tokens[k - 1].lower in lex.roles() or tokens[k - 1].lower.rstrip("s") in lex.roles()
                                                   or k >= 2 and f"{tokens[k - 2].lower} {tokens[k - 1].lower}" in lex.roles()
                                                   or k >= 3 and " ".join(t.lower for t in tokens[k - 3:k]) in lex.roles()):
            k -= 1
        while k >= 0 and len(words) < 8:
            token = tokens[k]
            lowered = token.lower
            two = f"{lowered} {tokens[k + 1].lower}" if k + 1 < len(tokens) else ""
            three = f"{tokens[k - 1].lower} {two}" if k > 0 and two else ""
            ahead = " ".join(t.lower for t in tokens[k:k + 3]) if k + 3 <= start else ""  # "supervisor of elections"
            if lowered in lex.roles() or lowered.rstrip("s") in lex.roles() and lowered.endswith("s") or lowered in ROLE_MODIFIERS or token.tag == "POS" or (
                    two in lex.roles() or three in lex.roles() or ahead in lex.roles()
                    or k > 0 and f"{tokens[k - 1].lower} {lowered}" in lex.roles()) or (
                    is_capitalised(token) and token.text[:1].isalpha()) or lowered in {"of", "for", "-"} or (
                    token.tag.startswith("JJ") and lowered.endswith(("-based", "ial", "ic", "al"))) or lowered.endswith("-based"):
                words.insert(0, token)
                k -= 1
                continue
            break
        if not words:
            return None
        # The body: a name among those words ("Tesla", "Clinton campaign", "Ministry of Commerce").
        first_k = tokens.index(words[0])
        text = _join(tokens, first_k, tokens.index(words[-1]) + 1)
        if not any(t.lower in lex.roles() or t.lower.rstrip("s") in lex.roles() for t in words) and not \
                lex.multiword_roles_re().search(text.lower()):
            return None
        body, typed = "", False
        for other in names:
            if other.end <= start and other.start >= first_k and other.text:
                # The last name that is a body of a known kind, over one that only names a subject: "the EU's chief
                # Brexit negotiator" (the EU's), "Trump's EPA administrator" (the EPA's).
                kind = bool(body_type(other.text))
                if typed and not kind:
                    continue
                body, typed = other.text, kind
                if other.end < len(tokens) and tokens[other.end].lower in {"campaign", "administration"}:
                    body = f"{other.text} {tokens[other.end].lower}"
        if not body:
            # A body the name finder did not take as a name, at the start of a sentence or as one word: "Labour
            # leader Jeremy Corbyn", "European Council President Donald Tusk".
            run = []
            for token in words:
                if not (is_capitalised(token) and token.text[:1].isalpha()) or token.lower in lex.roles():
                    break
                run.append(token)
            if run and body_type(_join(tokens, first_k, first_k + len(run))):
                body = _join(tokens, first_k, first_k + len(run))
        if not body:
            match = re.search(r"\b(campaign|administration|committee|ministry|white house)\b", text.lower())
            body = match.group(1) if match else ""
        return text, body

    def _read_after(self, index: int, sentence: str, tokens: list[Token], names: list[Name], name: Name,
                    entity: Entity) -> None:
        n = len(tokens)
        k = name.end
        if k < n and tokens[k].text == "(":
            close = next((m for m in range(k, min(n, k + 8)) if tokens[m].text == ")"), -1)
            if close > 0:
                tag = sentence[tokens[k].start: tokens[close].end]
                start = name.title_start if name.title_start >= 0 else name.start
                former = any(t.lower in {"former", "ex-", "ex", "then"} for t in tokens[max(0, start - 3):start])
                if _PARTY_TAG_RE.match(tag.replace(" ", "")):
                    if "-" in tag and former:  # "former Sen. Trent Lott (R-MS)": the state he served, not an office held
                        entity.add_evidence("official", f"{tag} (a former lawmaker's party and state)", 1, index)
                    elif "-" in tag:
                        entity.add_evidence("official", f"{tag} (a lawmaker's party and state)", 3, index)
                    else:  # "former Arkansas Gov. Mike Huckabee (R)": a party, as "Republican Mike Huckabee" is
                        entity.add_evidence("political", f"{tag} (a party)", 1, index)
                k = close + 1
        written = _WRITTEN_IN.match(" ".join(t.lower for t in tokens[k:k + 8]))
        inverted = name.start > 0 and tokens[(name.title_start if name.title_start >= 0 else name.start) - 1].lower in _WRITING
        if written and (written.group(1) or inverted):
            # "Ben Jacobs wrote in The Guardian", "wrote Ben Jacobs in The Guardian", "Liz Kreutz points out in a
            # column on Yahoo News": a writer of the outlet, below a role stated next to the name (an op-ed's author
            # is not the outlet's).
            at = k + len(written.group(0).split())
            outlet = next((other for other in names if other.start in (at, at + 1) and other.kind == "outlet"), None)
            if outlet is not None:
                entity.add_evidence("media", f"{written.group(0)} {outlet.text}", 2, index)
        if k < n and tokens[k].lower in {"at", "with"} and k + 1 < n:
            outlet = next((other for other in names if other.start in (k + 1, k + 2, k + 3) and other.kind == "outlet"), None)
            if outlet is not None:
                entity.add_evidence("media", f"{tokens[k].lower} {outlet.text}", 3, index)  # "Andy McCarthy at National Review"
                return
        if k < n and tokens[k].lower == "of" and k + 1 < n:
            # "Chen Xin of the Chinese Academy of Social Sciences", "Larry Sabato of the University of Virginia".
            within = {k + 1, k + 2}
            if k + 3 < n and tokens[k + 1].lower == "the" and tokens[k + 2].text.islower() and tokens[k + 2].tag.startswith("JJ"):
                within.add(k + 3)  # "of the non-partisan Rothenberg-Gonzales Political Report"
            body = next((other for other in names if other.start in within and other.text), None)
            if body is not None and body.kind in {"organisation", "outlet", "country", "name"}:
                kind = "media" if body.kind == "outlet" else (_body_described(tokens, body.end) or body_type(body.text))
                if kind and kind != "official" or kind == "official" and body.kind == "organisation":
                    entity.add_evidence(kind, f"of {body.text}", 3, index)
                return
        if k < n and tokens[k].text == ",":
            # An apposition: ", a tax expert and professor of law at New York University," / ", 42, a student,"
            m = k + 1
            if m < n and tokens[m].tag == "CD":
                if m + 1 < n and tokens[m + 1].text == "," and entity.kind in {"person", "name"}:
                    self.ages.setdefault(tokens[m].text, entity)
                    entity.age = entity.age or tokens[m].text
                m += 1
            elif m + 1 < n and tokens[m].lower in {"a", "an", "the"} and AGE_RE.fullmatch(tokens[m + 1].lower) \
                    and entity.kind in {"person", "name"}:
                self.ages.setdefault(AGE_RE.fullmatch(tokens[m + 1].lower).group(1), entity)
                entity.age = entity.age or AGE_RE.fullmatch(tokens[m + 1].lower).group(1)
                if m < n and tokens[m].text == ",":
                    m += 1
            if m < n and (tokens[m].lower in {"a", "an", "the", "who", "another", "one", "also", "now", "then", "herself",
                                              "himself", "both", "each"} or tokens[m].lower in lex.roles()
                          or tokens[m].lower in ROLE_MODIFIERS or tokens[m].tag == "PRP$"
                          # ", scientific director of", ", senior fellow at": a lower-case word before the role
                          or (m + 1 < n and tokens[m].text.islower() and tokens[m].tag.startswith("JJ")
                              and tokens[m + 1].lower in lex.roles())
                          # ", editorial board editor for The Washington Post,": lower-case words, then the role
                          or _lower_words_then_role(tokens, m)
                          or (m + 1 < n and tokens[m + 1].tag == "POS")
                          or (m + 2 < n and tokens[m].lower in HONORIFICS and tokens[m + 2].tag == "POS")
                          # "China president of a German maker", "Asia-Pacific director of", "Tesla CEO"
                          or (is_capitalised(tokens[m]) and any(t.lower in lex.roles() for t in tokens[m + 1:m + 3]))):
                if tokens[m].lower == "who":
                    # "X, who is the Democratic nominee," / "X, who heads the ministry's ..."
                    if m + 1 < n and tokens[m + 1].lower in {"is", "was", "serves", "served", "heads", "led", "leads", "runs", "chairs"}:
                        m += 2
                        if m < n and tokens[m].lower in {"not", "no", "never", "neither", "n't", "n’t"}:
                            return  # "who is not affiliated with a candidate": a role denied
                    else:
                        return
                end = m
                while end < n and not re.match(r"[,;.()—–:\"“”]", tokens[end].text) and end - m < 18:
                    if tokens[end].lower in {"said", "says", "told", "who", "which", "that"}:
                        break
                    if tokens[end].tag in {"VBD", "VBZ"} and tokens[end].lower in lex.cue_verbs():
                        break  # the closing comma missing: "Keith, a professor at Harvard announced plans"
                    end += 1
                phrase = _join(tokens, m, end)
                if not phrase:
                    return
                for part_start, part_end in _conjuncts(tokens, m, end):
                    part = _join(tokens, part_start, part_end)
                    # The one served is named after "to", "for", "of" or with "'s" ("an adviser to Mr. Sanders",
                    # "Clinton's spokesman"); a name right after a title holds it ("Thunberg, White House Press
                    # Secretary Hogan Gidley emailed": the next clause's subject, not a role of Thunberg's).
                    served = next((o for o in names if o.start >= part_start and o.end <= part_end and o.text and o is not name
                                   and o.kind == "person" and o.entity is not None and o.entity is not entity
                                   and (tokens[(o.title_start if o.title_start >= 0 else o.start) - 1].lower in {"to", "for", "of", "with", "under"}
                                        or o.end < n and tokens[o.end].tag == "POS")), None)
                    if any(o.kind == "person" and o is not name and o is not served and part_start <= o.start and o.end < part_end
                           and tokens[o.end].tag in {"VBD", "VBZ", "VBP"} for o in names):
                        return  # a clause with a subject of its own ("..., Secretary Hogan Gidley emailed DailyMail")
                    role_word = (role_of(part, "other", "-") or RoleReading("", "", 0)).words
                    if served is not None and lex.roles().get(role_word, None) is not None and lex.roles()[role_word].source_type == "inherit":
                        # "Larry Cohen, a senior adviser to Mr. Sanders [and past president of ...]": the side of
                        # the person served.
                        entity.serves.append((served.entity, part))
                        entity.source_type = ""
                        continue
                    self._read_apposition(index, tokens, names, name, entity, part_start, part_end)

    def _read_apposition(self, index: int, tokens: list[Token], names: list[Name], name: Name, entity: Entity,
                         m: int, end: int) -> None:
        """The role one apposition (or one conjunct of it) gives: "a tax expert", "chairman of a machinery company"."""
        phrase = _join(tokens, m, end)
        inside = [o for o in names if o.start >= m and o.end <= end and o.text and o is not name
                  and o.kind in {"organisation", "outlet", "country", "name"}]
        # The body the role is at, over a subject named on the way ("director of the program on Energy Security and
        # Climate Change at the Council on Foreign Relations"): the last one after "at", when its kind is known.
        at = [o for o in inside if o.start > 0 and tokens[o.start - 1].lower in {"at", "with"}
              or o.start > 1 and tokens[o.start - 1].lower == "the" and tokens[o.start - 2].lower in {"at", "with"}]
        named = next((o for o in reversed(at) if self._body_kind(o.text)), None) or (inside[0] if inside else None)
        body = named.text if named is not None else ""
        kind = "media" if body and body in lex.outlets() else (self._body_kind(body) if body else "")
        if not kind and re.search(r"\bcampaign(?:['’]s)?\b", phrase):
            body, kind = body or "campaign", "political"  # "the Nelson campaign's lead recount lawyer"
        party = re.search(r"((?:[A-Z][\w’'-]+\s+){1,4})[Pp]arty\b", phrase)
        if party and (named is None or named.kind == "country" or party.group(1).strip().endswith(named.text)):
            body, kind = party.group(0), "political"  # "leader of France's far-right National Front party": the party's
        # A country only says where the role is ("China president of a German maker"): the company it serves decides.
        unnamed = UNNAMED_COMPANY_RE.search(phrase) if not kind or named is not None and named.kind == "country" else None
        if unnamed:
            body, kind = unnamed.group(1), "company"  # "China president of a German kitchen appliance maker"
        reading = role_of(phrase, kind, body)
        if reading:
            entity.add_evidence(reading.source_type, phrase, reading.strength, index)
            entity.roles.append(reading.words)
            if not entity.gender:
                entity.gender = _gender_from(phrase)
        elif kind in {"expert", "company", "official", "media", "political"} and re.search(
                r"\b(?:at|of|with|for|from)\b", phrase):
            entity.add_evidence(kind, phrase, 2, index)

    # .. resolution ..

    def recent(self, index: int, token_index: int, within: int):
        """(sentence index, token index, entity) of the mentions before a position, most recent first, back
        ``within`` sentences."""
        for s_index in range(index, index - within - 1, -1):
            for t_index, entity in reversed(self.mentions_at.get(s_index, ())):
                if s_index == index and t_index >= token_index:
                    continue
                yield s_index, t_index, entity

    def persons_before(self, index: int, token_index: int, gender: str, within: int = 3) -> list[Entity]:
        """Person-like entities mentioned before a position, most recent first, of a compatible gender."""
        out = []
        for _s_index, _t_index, entity in self.recent(index, token_index, within):
            if entity.kind != "person" and not (entity.kind == "name" and (entity.evidence or entity.gender)) or entity.plural:
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            if entity not in out:
                out.append(entity)
        return out

    def bodies_before(self, index: int, token_index: int, within: int = 4, kinds=("organisation", "outlet", "country")) -> list[Entity]:
        out = []
        for _s_index, _t_index, entity in self.recent(index, token_index, within):
            if entity.kind in kinds and entity not in out:
                out.append(entity)
        return out

    def _just_introduced(self, entity: Entity, index: int) -> bool:
        """The person opens the sentence before ``index`` with a role, the first time the article names them."""
        positions = self.positions.get(id(entity), [])
        return bool(positions) and positions[0][0] == index - 1 and positions[0][1] <= 1 and bool(entity.evidence) \
            and all(i == index - 1 for i, _t in positions)

    def resolve_pronoun(self, word: str, index: int, token_index: int, quoted_sentence: bool) -> Entity | None:
        """The entity 'he', 'she', 'they' or 'it' refers to, or None."""
        word = word.lower()
        last = self.last_speaker
        if word in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[word]
            if self.after_opening_clause.get(index) == token_index:
                # "When Mr. Rubio did take Mr. Trump on, he did it sideways": the main clause's pronoun is the
                # opening clause's subject, its first person, not the one named last.
                opening = [e for _s, _t, e in self.recent(index, token_index, 0)
                           if e in self.persons_before(index, token_index, gender, within=0)]
                if opening:
                    return opening[-1]
            candidates = self.persons_before(index, token_index, gender)
            if last and last[0].kind == "person" and index - last[1] <= 2 and last[0].gender in ("", gender) \
                    and not last[0].plural:
                if candidates and candidates[0] is not last[0] and self._just_introduced(candidates[0], index):
                    # "Carl Tobias, a law professor at the University of Richmond, wasn't optimistic. '...,' he said."
                    return candidates[0]
                if quoted_sentence or not candidates or candidates[0] is last[0]:
                    return last[0]
                # A person named since the last speaker's sentence, outside quotes, is the likelier referent; one
                # named only inside what the speaker said ("He went on to say that some Democrats are mad at
                # Sanders. He said ...") is not.
                if not (last[0].gender == gender and last[0].names and last[0].evidence):
                    return candidates[0]  # (only a speaker the article has named and gendered keeps the pronoun so)
                for candidate in candidates:
                    if candidate is last[0]:
                        break
                    if any(last[1] < i <= index for i, _t in self.positions.get(id(candidate), [])):
                        return candidate
                return last[0]
            if candidates:
                return candidates[0]
            if last and last[0].gender in ("", gender) and index - last[1] <= 4 and last[0].kind == "person":
                return last[0]
            return None
        if word == "they":
            if last and (last[0].plural or last[0].kind in {"organisation", "group"}) and index - last[1] <= 2:
                return last[0]
            bodies = [e for e in self.bodies_before(index, token_index, within=2, kinds=("organisation", "group"))
                      if e.kind == "group" or e.plural or body_type(e.name) in {"political", "official", "company", "expert", "other"}]
            return bodies[0] if bodies else None
        if word == "it":
            if last and last[0].kind in {"organisation", "outlet", "country"} and index - last[1] <= 2:
                return last[0]
            bodies = self.bodies_before(index, token_index, within=2)
            return bodies[0] if bodies else None
        return None

    def resolve_description(self, head: str, words: str, index: int, token_index: int, strict: bool = False) -> Entity | None:
        """'the ministry', 'the newspaper', 'the company', 'the spokeswoman', 'the senator': the latest match.
        ``strict``: only a person the article gave that role ("the Florida senator": someone called senator)."""
        head = head.lower()
        age = AGE_RE.fullmatch(head)
        if age:
            return self.ages.get(age.group(1))  # "the 49-year-old": the person the article gave that age
        if head in OUTLET_DESCRIPTIONS and head not in {"agency"} or (head == "agency" and re.search(r"news\s+agency", words, re.I)):
            outlets = self.bodies_before(index, token_index, within=8, kinds=("outlet",))
            return outlets[0] if outlets else None
        if head in ORGANISATION_DESCRIPTIONS:
            want = {
                "company": {"company"}, "firm": {"company", "expert"}, "automaker": {"company"}, "carmaker": {"company"},
                "maker": {"company"}, "manufacturer": {"company"}, "ministry": {"official"}, "department": {"official"},
                "agency": {"official"}, "government": {"official"}, "administration": {"official"},
                "campaign": {"political"}, "committee": {"political", "official"}, "party": {"political"},
                "court": {"official"}, "commission": {"official"}, "bureau": {"official"}, "embassy": {"official"},
                "university": {"expert"}, "institute": {"expert"}, "bank": {"company", "official", "expert"},
                "union": {"other"}, "association": {"other"}, "group": {"other", "company", "political", "expert"},
                "organization": {"other", "official"}, "organisation": {"other", "official"},
                "foundation": {"other", "expert"}, "white house": {"official"}, "pentagon": {"official"},
            }.get(head)
            for entity in self.bodies_before(index, token_index, within=8, kinds=("organisation", "country")):
                if head.title() in entity.name.split() or head in entity.name.lower().split() or (
                        head == "administration" and entity.name == "White House"):
                    return entity
                if want and self.type_of(entity) in want and entity.kind == "organisation" and head not in _NAMED_ONLY:
                    return entity
            return None
        roles = lex.roles()
        if head in roles or head in {"candidate", "nominee", "billionaire", "businessman", "mogul", "president"}:
            for _s, _t, entity in self.recent(index, token_index, 8):
                if entity.kind in {"person", "name"} and (head in entity.roles or any(head in e.words.lower() for e in entity.evidence)
                                                          or _holds_title(entity, head)):
                    return entity
        if strict:
            return None
        if head in roles or head in PERSON_DESCRIPTIONS or head.endswith(("ian", "ist", "er", "eon", "an")) and head not in DATA_WORDS:
            # "the retired neurosurgeon", "the former three-term governor", "the Texan": in news writing, the person
            # the passage is about - the one named most in the last sentences.
            # Not one named later in the same sentence: "The host asked Warren" is someone else.
            later = {id(e) for t, e in self.mentions_at.get(index, ()) if t > token_index}
            reading = role_of(words) if head in roles and head not in DESCRIPTION_NO_ROLE else None
            kind = reading.source_type if reading and reading.source_type in {"official", "political", "expert", "media",
                                                                              "company"} else ""
            counts: dict = {}
            for _s, _t, entity in self.recent(index, token_index, 5):
                if entity.kind == "person" and not entity.plural and id(entity) not in later and not (
                        kind and _other_calling(entity, kind) and head not in FORTUNE_WORDS):
                    # ("the real estate mogul": a candidate's fortune is how coverage names him, not another calling)
                    # nor one of another calling ("the host", a journalist, is not the candidate)
                    counts[id(entity)] = (counts.get(id(entity), (0, entity))[0] + 1, entity)
            if counts:
                entity = max(counts.values(), key=lambda c: c[0])[1]
                # What the description calls a person the article gives no role is its word for their role
                # ("Joey Salceda said ... The lawmaker, who represents a district in Albay province, said"):
                # evidence, below a role stated next to the name, when no one else is in reach. Not the words
                # of unnamed sources ("the official"), which may be someone else.
                if kind and reading.strength >= 2 and len(counts) == 1 and not any(e.strength >= 2 for e in entity.evidence):
                    entity.add_evidence(reading.source_type, f"{words} {DESCRIBED}", min(2, reading.strength), index)
                elif kind == "political" and head in CANDIDACY_HEADS and len(counts) == 1 and \
                        words.lower().split()[-2:-1] not in (["the"], ["a"]) and \
                        not any(e.source_type == "political" for e in entity.evidence) and \
                        any(e.source_type == "official" and e.strength >= 2 for e in entity.evidence) and \
                        not any(e.source_type == "official" and SITTING_PRESIDENT_WORDS.search(e.words) for e in entity.evidence):
                    # An officeholder the article calls the candidate ("Sen. Elizabeth Warren ... The presidential
                    # hopeful said") speaks as one, as the guidelines say: evidence as strong as the office's title.
                    entity.add_evidence("political", f"{words} {DESCRIBED}", 3, index)
                return entity
        return None

    def distance(self, entity: Entity, index: int, token_index: int) -> int:
        """Sentences between a position and the entity's latest mention before it (0: the same sentence)."""
        positions = self.positions.get(id(entity), [])
        k = bisect.bisect_right(positions, (index, token_index)) - 1
        return index - positions[k][0] if k >= 0 else 0

    def type_of(self, entity: Entity) -> str:
        from .classify import type_entity

        if not entity.source_type:
            type_entity(entity)
        return entity.source_type


def kind_word(kind: str, source_type: str) -> str:
    return {"outlet": "outlet", "platform": "platform"}.get(kind, source_type)

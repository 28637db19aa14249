"""The extractor: an article's sentences in, its attribution rows out, as a short list of named passes.

1. ``read``: tokens, quotations and names of every sentence.
2. ``register``: the article's entities and the roles it gives them (``entities.Registry``), over the
   whole article first, so that a role stated in the fifth paragraph types the source of the first.
3. ``cue``: the cues of each sentence and their source phrases (``cues.SentenceCues``).
4. ``resolve``: each source phrase to an entity (name, surname, pronoun, description) or to an
   unnamed source typed by its own words ("people familiar with the matter", "police", "polls").
5. ``patterns``: the cues that type their source themselves: tweet credit lines, wire headlines
   ("Tesla said to plan"), social-media rumours, anonymity phrases, "the agency's sources".
6. ``second_hand``: ``via``: "X told the Global Times", "citing", "according to" an outlet.
7. ``rows``: one row per source per sentence, typed once per entity (``classify``), named by the
   entity's fullest name, with ``type_evidence`` and ``confidence``.
"""

from __future__ import annotations

import re

from ..text import TWEET_CREDIT_RE
from . import lexicons as lex
from .classify import confidence_of, type_entity
from .cues import (ANON_PHRASE_RE, FIRST_TO_REPORT_RE, MEDIA_RUMOR_RE, POSSESSIVE_SOURCES_RE, SAID_TO_RE,
                   SAID_TO_TITLE_RE, SOCIAL_PHRASE_RE, VIRAL_RE, Cue, Phrase, SentenceCues, has_trigger,
                   PARTY_PLURALS, find_platform, may_hold, party_member, plain_case, platform_display)
from .entities import (DATA_WORDS, ORGANISATION_DESCRIPTIONS, OUTLET_DESCRIPTIONS, PARTY_MEMBERS, UNNAMED_TYPES, Name, Registry,
                       article_capitals, body_type, find_names, is_headline, quote_mask, role_of)
from .records import Entity, Found
from .tokens import tokenize

ANONYMOUS_HEADS = lex.anonymous_heads()  # data/anonymous_heads.txt
INDEFINITE = {"a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "other", "another", "few",
              "numerous", "multiple", "various", "most", "senior", "top", "high-ranking", "unnamed", "anonymous",
              "unidentified"}
SINGULAR_HEADS = lex.singular_heads()  # data/singular_heads.tsv


class _Sentence:
    __slots__ = ("index", "text", "tokens", "in_quote", "names", "headline")

    def __init__(self, index: int, text: str):
        self.index = index
        self.text = text
        self.tokens = tokenize(text)
        self.in_quote = quote_mask(text, self.tokens)
        self.headline = is_headline(self.tokens)
        self.names: list[Name] = []


def extract_article(sentences: list[str]) -> list[list[Found]]:
    """Attributions for each sentence of one article, in order."""
    parsed = [_Sentence(i, s) for i, s in enumerate(sentences)]  # 1. read
    capitals = article_capitals([s.tokens for s in parsed])
    for sentence in parsed:
        sentence.names = find_names(sentence.tokens, sentence.in_quote, capitals, sentence.headline)
    registry = Registry()
    for sentence in parsed:  # 2. register
        registry.observe(sentence.index, sentence.text, sentence.tokens, sentence.names)
    results: list[list[Found]] = []
    carry_via = ""
    for sentence in parsed:
        registry.sentence_index = sentence.index
        if not has_trigger(sentence.text, sentence.tokens):
            results.append([])  # no word any cue needs: nothing to find
            carry_via = ""
            continue
        finder = SentenceCues(sentence.text, sentence.tokens, sentence.in_quote, sentence.names, sentence.headline)
        found = _resolve(finder.all(), sentence, registry)  # 3. cue, 4. resolve
        found += _patterns(sentence, registry)  # 5. patterns
        found = _deduplicate(found)
        _second_hand(found, carry_via)  # 6. second_hand
        carry_via = ""
        if sentence.text.rstrip().endswith(":"):
            media = [f for f in found if f.source_type == "media"]
            carry_via = media[-1].source_name if media else ""
        for item in found:
            if item.entity is not None and item.source_type != "social_media":
                registry.last_speaker = (item.entity, sentence.index)
        results.append(found)
    _interview_transcript(parsed, results, registry)
    _one_entity_per_surname(results, registry)
    candidates = {id(e) for e in _former_officeholders_in_a_race(registry, parsed)}
    _spokespeople_of_the_body_just_quoted(results, registry)
    for entity in registry.entities if candidates else ():
        if not entity.fixed and any(id(served) in candidates for served, _words in entity.serves):
            entity.source_type = ""  # "Huckabee spokeswoman Alice Stewart": typed again from the candidate served
    _type_rows(results)  # 7. rows: every entity typed once, from all the evidence the article gave it
    for found in results:  # 8. one name per outlet and body: "AP" and "Associated Press", "EPA" and the agency
        for item in found:
            if item.source_type == "media":
                item.source_name = lex.outlet_name(item.source_name)
            elif item.source_type not in {"anonymous", "social_media"}:
                item.source_name = lex.body_name(item.source_name)
            item.via = lex.outlet_name(item.via)
    return results


POLL_HEADS = frozenset({"poll", "polls", "survey", "surveys", "average", "averages"})
POLL_PHRASE_RE = re.compile(r"\b(?:polls?|polling|surveys?)\b")
_TRANSCRIPT_LABEL_RE = re.compile(r"\s*(?P<label>[QA]):\s+\S")


def _interview_transcript(parsed: list, results: list[list[Found]], registry: Registry) -> None:
    """An interview printed as questions and answers ("Q: How did things go for you?" / "A: No, no one did."):
    each answer is the words of the person the article is about, each question the interviewer's.

    Only in an article with both labels; a line the other passes already credited keeps its rows. The person
    interviewed is the one the article names most often; with none, the answer is credited to no one.
    """
    labels = [(_TRANSCRIPT_LABEL_RE.match(s.text), s) for s in parsed]
    kinds = {m["label"] for m, _s in labels if m}
    if kinds != {"Q", "A"}:
        return
    people = [e for e in registry.entities if e.kind == "person" and not e.plural and not e.fixed and e.mentions]
    interviewee = max(people, key=lambda e: e.mentions) if people else None
    for match, sentence in labels:
        if not match or results[sentence.index]:
            continue
        end = match.start("label") + 2
        if match["label"] == "Q":
            results[sentence.index] = [Found("media", "interviewer", ":", 0, end, phrase="Q",
                                             type_evidence="a question in an interview transcript ('Q:')", confidence="medium")]
        elif interviewee is not None:
            results[sentence.index] = [Found("other", interviewee.name, ":", 0, end, phrase="A", entity=interviewee,
                                             mention="description", distance=0,
                                             type_evidence="an answer in an interview transcript ('A:')")]


_RACE_WORDS_RE = re.compile(r"\b(?:candidates?|candidacy|campaign\w*|race|running|ran|nomination|nominee|primar(?:y|ies)|"
                            r"debates?|contenders?|rivals?|hopefuls?|presidential|endors\w+|surrogates?|stump\w*|caucus\w*|"
                            r"delegates?|polls?|polling|front-?runners?|winners?)\b", re.I)


# Sentences that say an article is about a race, beside the campaign sentences above (which also type their speaker):
# "Democratic presidential candidate Bernie Sanders", "who are also seeking the nomination", "at a Las Vegas rally".
_RACE_SENTENCE_RE = re.compile(r"\b(?:presidential\s+(?:candidates?|hopefuls?|contenders?|race|bid|campaign|election|field)|"
                               r"(?:white\s+house|gop|democratic|republican)\s+(?:hopefuls?|contenders?|front-?runners?)|"
                               r"seek(?:s|ing)?\s+the\s+(?:\w+\s+)?nomination|(?:at|during)\s+(?:a|an|the|his|her)\s+"
                               r"(?:[\w.-]+\s+){1,2}rally)\b", re.I)


def _former_officeholders_in_a_race(registry: Registry, parsed: list) -> list[Entity]:
    """In election coverage, a person whose only office is a former one speaks in the race: political.

    "former Maryland Gov. Martin O'Malley", "the former secretary of state": an office they no longer hold is not
    the one they speak from (official is an office held), and an article about a campaign (campaign words in two
    sentences or more) that names them beside words of the race has them as candidates or surrogates. Elsewhere ("former Energy Secretary Ernest Moniz" in
    climate news) the former office stays the weak evidence it was.
    """
    former = [e for e in registry.entities if e.kind == "person" and not e.fixed and not e.serves and e.evidence
              and max(x.strength for x in e.evidence) == 1
              and any(x.source_type == "official" for x in e.evidence)]  # (official at strength 1: a former office)
    if not former:
        return []
    campaign = sum(1 for s in parsed if _campaign_sentence(s.text)) >= 2
    if not campaign and sum(1 for s in parsed if _campaign_sentence(s.text) or _RACE_SENTENCE_RE.search(s.text)) < 2:
        return []
    # In an article of campaign events, words of the race around the name will do; in one that only names the race
    # ("Democratic presidential candidate Bernie Sanders"), they must be in the sentence that names the person
    # ("former Maryland Gov. Martin O'Malley, who are also seeking the nomination"; not "former federal prosecutor
    # Glen Kopp said").
    window = (-1, 0, 1) if campaign else (0,)
    changed = []
    for entity in former:
        near = {i + d for i, _t in registry.positions.get(id(entity), []) for d in window if 0 <= i + d < len(parsed)}
        if not any(_RACE_WORDS_RE.search(parsed[j].text) or _campaign_sentence(parsed[j].text) for j in near):
            continue  # the article is about a race, but not around where it names them ("Mustafa Ali, the former head of")
        words = next(x.words for x in entity.evidence if x.source_type == "official")
        entity.add_evidence("political", f"{words} (a former office, in an article about a campaign)", 1, -1)
        changed.append(entity)
    return changed


MODAL_WORDS = frozenset({"will", "may", "can", "would", "should", "could", "must", "did", "does", "is", "was", "why", "how"})


def _one_entity_per_surname(results: list[list[Found]], registry: Registry) -> None:
    """Rows of a bare surname or given name the article also gives one person in full are that person's.

    The name is linked as it is read, so a headline or a lede that names "Brooks" or "Gillibrand" before the
    article says "columnist David Brooks" or "Sen. Kristen Gillibrand" had left two sources; so had "The Post"
    before "The Washington Post". Only when exactly one entity of the article has the fuller name.
    """
    def clean(e: Entity) -> bool:  # a fuller name that is a name: not a headline run ("Will Trump Bury ...")
        words = e.name.split()
        if e.kind == "outlet":
            return e.name in lex.outlets() or e.name.removeprefix("The ") in lex.outlets()
        return 2 <= len(words) <= 4 and len(set(words)) == len(words) and words[0].lower() not in MODAL_WORDS

    full = [e for e in registry.entities if not e.fixed and len(e.name.split()) >= 2 and clean(e)]
    merged: dict[int, Entity] = {}
    for found in results:
        for item in found:
            entity = item.entity
            if entity is None or entity.fixed or id(entity) in merged or len(entity.names) != 1:
                continue
            word = entity.name
            if " " in word:
                # a surname of two words: "Wasserman Schultz" after "Debbie Wasserman Schultz"
                if entity.kind not in {"person", "name"} or len(word.split()) != 2 or word.split()[0] in lex.first_names():
                    continue
                matches = [e for e in full if e is not entity and e.kind == "person" and len(e.name.split()) == 3
                           and e.name.endswith(" " + word)]
            elif entity.kind in {"person", "name"}:
                given = word in lex.first_names()
                matches = [e for e in full if e is not entity and e.kind == "person" and (
                    e.name.split()[-1] == word or given and e.name.split()[0] == word)]
            elif entity.kind == "outlet":  # not other bodies: "Democrats" is not "Senate Democrats"
                matches = [e for e in full if e is not entity and e.kind == "outlet" and " and " not in e.name and (
                    e.name.endswith(" " + word) or e.name.startswith(word + " "))]
            else:
                continue
            if len(matches) == 1:
                merged[id(entity)] = matches[0]
                for evidence in entity.evidence:  # what the article says of the surname is said of the person
                    matches[0].add_evidence(evidence.source_type, evidence.words, evidence.strength, evidence.sentence_index)
    if merged:
        for found in results:
            for item in found:
                if item.entity is not None and id(item.entity) in merged:
                    item.entity = merged[id(item.entity)]


def _spokespeople_of_the_body_just_quoted(results: list[list[Found]], registry: Registry) -> None:
    """"O'Malley's campaign says it will shift staff. ... Spokeswoman Haley Morris says": the campaign's spokeswoman.

    A person introduced by a role that serves someone ("spokeswoman", "aide") with no one named serves the body
    quoted last in the two sentences before, or the person quoted in the sentence just before; else the role says
    nothing of their type, as before.
    """
    for entity in registry.entities:
        if not entity.unserved or entity.serves or entity.evidence:
            continue
        words, index = entity.unserved
        for earlier in range(index - 1, max(-1, index - 3), -1):
            bodies = [f.entity for f in reversed(results[earlier]) if f.entity is not None and f.entity is not entity
                      and (f.entity.kind == "organisation" or f.entity.kind in {"person", "name"} and earlier == index - 1)]
            if bodies:
                entity.serves.append((bodies[0], words))
                entity.source_type = ""
                break


def _type_rows(results: list[list[Found]]) -> None:
    """Type each row from its entity's final evidence: a role stated late in the article types its first rows too."""
    for found in results:
        for item in found:
            entity = item.entity
            if entity is None or entity.fixed or item.source_type == "social_media" and not entity.evidence:
                continue
            if not entity.source_type:
                type_entity(entity)
            item.source_type = entity.source_type
            item.source_name = clean_name(entity.name) or item.source_name
            evidence = entity.type_evidence
            if item.mention == "pronoun":
                evidence = f"{evidence} (resolved from a pronoun)" if evidence else "resolved from a pronoun"
            item.type_evidence = evidence
            item.confidence = confidence_of(entity.confidence, item.mention, item.distance)


def extract_sentence(sentence: str) -> list[Found]:
    """The attributions of one sentence read on its own."""
    return extract_article([sentence])[0]


# --- 4. resolve ---------------------------------------------------------------------------------


def _resolve(cues: list[Cue], sentence: _Sentence, registry: Registry) -> list[Found]:
    """Each cue's source phrase to a typed, named row; interviews only lend their outlet as ``via``."""
    out: list[Found] = []
    interview_outlets = [c.phrase for c in cues if c.kind == "interview" and c.phrase is not None]
    for cue in cues:
        if cue.phrase is None or cue.kind == "interview":
            continue
        group = _named_group(cue.phrase, sentence, registry) or _coordinated_people(cue, sentence)
        if group:
            sources = [_typed(entity, "description", sentence.index) for entity in group]  # "Both men said"
        elif _BARE_BOTH.fullmatch(cue.phrase.text):
            continue
        else:
            source = _source(cue.phrase, cue, sentence, registry)
            if cue.kind == "colon" and cue.phrase.text.isupper() and (source is None or source[4] is None or source[4].kind != "person"):
                continue  # a transcript label that is no person of the article ("WASHINGTON:", "CORRECTION:")
            if source is not None and source[4] is None and source[0] in {"anonymous", "expert", "political", "official", "other", "media", "company"}:
                source = source[:4] + (_unnamed(registry, source[0], source[1], source[2], source[3], cue.phrase),)
            sources = [source]
        for source in sources:
            item = _row(source, cue, sentence, registry, interview_outlets)
            if item is not None:
                out.append(item)
    return out


_GROUP_RE = re.compile(r"(?:both|the\s+two|the\s+three|all\s+three)(?:\s+of\s+(?:them|these))?|"
                       r"(?:both|the\s+two|the\s+three|all\s+three)\s+(?:men|women|candidates|senators|leaders|lawmakers|"
                       r"executives|officials|brothers|sisters|friends|rivals|nominees|contenders)", re.I)
_GROUP_SIZE = {"both": 2, "two": 2, "three": 3}
# "Both said" with no two people named just before: no telling who, and "both" is no source's name
_BARE_BOTH = re.compile(r"both(?:\s+of\s+them)?", re.I)


def _coordinated_people(cue: Cue, sentence: _Sentence) -> list[Entity]:
    """'Sen. Ana Ruiz and Rep. Tom Lee said', 'Khizr Khan and Humayun Khan said': both people, each a row of their
    own; only when the subject is the two names (and their titles) joined by one "and", nothing else."""
    phrase = cue.phrase
    if cue.kind != "verb" or phrase.pronoun:
        return []
    tokens = sentence.tokens
    names = [n for n in sentence.names if n.text and phrase.start <= (n.title_start if n.title_start >= 0 else n.start)
             and n.end <= phrase.end]
    if len(names) != 2 or any(n.kind not in {"person", "name"} or n.entity is None for n in names) \
            or names[0].entity is names[1].entity or names[1].end != phrase.end:
        return []
    first, second = names
    start = first.title_start if first.title_start >= 0 else first.start
    if start != phrase.start and not (start == phrase.start + 1 and tokens[phrase.start].lower in {"both"}):
        return []
    between = [t.lower for t in tokens[first.end:(second.title_start if second.title_start >= 0 else second.start)]]
    if between.count("and") != 1 or any(w not in {"and", "former", "then", "ex-"} for w in between):
        return []
    if any(n.kind == "name" and n.text in lex.companies() or n.text.lower() in lex.common_words() for n in names):
        return []  # "Johnson and Johnson", "Sciences, Engineering and Medicine"
    if first.text.lower() in lex.roles() or first.text.split()[-1].lower() in lex.roles():
        return []  # "State Councilor and Foreign Minister Wang Yi": one person's two titles
    if first.text.split()[0].lower().rstrip(".") in {"professors", "senators", "sens", "reps", "drs", "doctors", "justices"}:
        return []  # "Professors Foner and Alba": a title of both the name finder did not read
    if " " not in first.text and first.text in lex.first_names() and not first.title:
        return []  # "David and Jeanne Heidler": a given name shared with the surname after it
    if phrase.start > 1 and tokens[phrase.start - 1].text == "," and any(
            n.end == phrase.start - 1 for n in sentence.names if n.kind in {"person", "name"}):
        return []  # the end of a longer list of names ("Tapper, Bash and Blitzer")
    return [first.entity, second.entity]


def _named_group(phrase: Phrase, sentence: _Sentence, registry: Registry) -> list[Entity]:
    """'Both men', 'the two women', 'all three candidates': the people just named, when the article named that many
    persons (of that gender) within the last two sentences; else nothing."""
    if phrase.pronoun or phrase.names or not _GROUP_RE.fullmatch(phrase.text.strip()):
        return []
    words = phrase.text.lower().split()
    size = _GROUP_SIZE.get(words[0]) or _GROUP_SIZE.get(words[1], 0)
    gender = {"men": "m", "brothers": "m", "women": "f", "sisters": "f"}.get(words[-1], "")
    persons = registry.persons_before(sentence.index, phrase.start, gender, within=2)
    if len(persons) < size:
        return []
    if words[0] == "the" and len(registry.persons_before(sentence.index, phrase.start, gender, within=1)) > size:
        return []  # "the two": more people named just before than two is no telling which
    return persons[:size]


def _row(source, cue: Cue, sentence: _Sentence, registry: Registry, interview_outlets: list) -> Found | None:
    """The row of one resolved source of a cue."""
    if source is None:
        return None
    source_type, name, evidence, confidence, entity = source
    name = clean_name(name, person=entity is not None and entity.kind == "person")
    if name is None:
        return None  # "2012", "threshold 15": not a source at all
    phrase = cue.phrase
    tokens = sentence.tokens
    p_start = tokens[phrase.start].start if phrase.end > phrase.start else cue.start
    p_end = tokens[phrase.end - 1].end if phrase.end > phrase.start else cue.end
    # The evidence runs from the source to the cue, or from the cue to a source that follows it.
    start = min(p_start, cue.start)
    end = max(p_end, cue.end) if cue.kind in {"inverted", "according", "citing", "agent"} else cue.end
    platform = find_platform(sentence.text) if source_type == "social_media" else (
        "" if source_type == "media" else find_platform(sentence.text[start: cue.end + 60]))
    if source_type == "social_media" and not name:
        name = platform_display(sentence.text, platform) if platform else "social media"
    item = Found(source_type, name, cue.words, start, end, platform, "", phrase.text, evidence, confidence, entity)
    if entity is not None and not entity.fixed:
        item.mention = "pronoun" if phrase.pronoun else ("name" if _head_name(phrase, sentence) is not None else "description")
        item.distance = registry.distance(entity, sentence.index, phrase.start)
        if entity.kind == "person" and cue.cls in {"say", "stance", "think", "want", "call", "ask"} and not any(
                e.strength >= 2 and e.source_type in {"expert", "media", "company"} for e in entity.evidence):
            match = _campaign_sentence(sentence.text)
            if match:
                # The campaign words belong to someone else named between them and the source ("At the rally,
                # Markey said Trump's actions ... Trump is still saying").
                at = next((t for t, token in enumerate(tokens) if token.start >= match.start()), len(tokens))
                low, high = sorted((at, phrase.start))
                if any(low <= t < high and other is not entity and other.kind in {"person", "name"}
                       for t, other in registry.mentions_at.get(sentence.index, ())):
                    match = None
            if match and PAST_CAMPAIGN_RE.search(sentence.text[max(0, match.start() - 30): match.end() + 30]):
                match = None  # "On the campaign trail last year Newsom was opposed": the race he won, not one he runs
            possessive = re.match(r"(his|her)\s", match.group(0).lower()) if match else None
            if possessive and entity.gender and entity.gender != {"his": "m", "her": "f"}[possessive.group(1)]:
                match = None  # "Gov. Ana Ruiz, who made jobs the focus of her campaign, Dunn said": hers
            if match and not re.search(r"[A-Z][\w'’-]+['’]s\s+(?:presidential\s+)?campaign", match.group(0)):
                # "the senator said during Saturday night's Democratic debate": speaking as a candidate
                entity.add_evidence("political", f"campaign: '{match.group(0)}'", 3, sentence.index)
    if cue.via_phrase is not None:
        via = _outlet_name(cue.via_phrase, registry)
        item.via = via
    elif interview_outlets:
        item.via = _outlet_name(interview_outlets[0], registry)
    return item


_LEADING_JUNK = re.compile(r"^(?:(?:but|and|or|so|yet|then|now|also|even|still|the|a|an|this|that|these|those|some|"
                           r"other|many|most|all|both|several|such|as\s+for|absent|unlike|like|with|without|for|"
                           r"maybe|perhaps|only|just|even)\s+)+", re.I)


def clean_name(name: str, person: bool = False) -> str | None:
    """A source name trimmed to a name or a description; None when what is left names no one.

    ``person``: the name is a person's, so a demonym is a surname ("Cuban said": Mark Cuban)."""
    if not name:
        return name
    name = " ".join(name.split()).strip(" ,;:—–-\"“”'’()")
    if name.lower() in lex.platforms():
        return name  # "X"
    trimmed = _LEADING_JUNK.sub("", name) if not re.match(r"(?:The|A)\s+[A-Z]", name) else name
    if not trimmed or not re.search(r"[A-Za-z]{2}|(?:[A-Z]\.){2}", trimmed) or re.fullmatch(r"[\d\s,.%$-]+\w{0,2}", trimmed):
        return None
    if trimmed in lex.places() and trimmed.endswith(("an", "ese", "ish", "ian")) and " " not in trimmed and not person:
        return None  # a demonym ("Texan", "Chinese") is not a source
    words = trimmed.split()
    if len(words) <= 4 and any(w.isdigit() for w in words) and not any(w[:1].isupper() for w in words if not w.isdigit()):
        return None  # "threshold 15", "majority in 20 different"
    return trimmed[:80]


def _outlet_name(phrase: Phrase, registry: Registry) -> str:
    for name in sorted(phrase.names, key=lambda n: n.kind != "outlet"):
        if name.entity is not None:
            return name.entity.name
        if name.text:
            return name.text
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.text, flags=re.I)


# A share of a group: "about half of", "nearly seven in 10", "a third of", "two-thirds of"
SHARE_OF_RE = re.compile(r"(?:about|nearly|almost|roughly|some|only|just|more than|less than|fewer than|over|under)?\s*"
                         r"(?:half|a third|a quarter|a fifth|a majority|two-thirds|three-quarters|three in four|"
                         r"(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out of)\s+(?:10|ten|\d+))\s+(?:of\s+)?")
VAGUE_QUANTIFIERS = {"some", "many", "several", "numerous", "various", "few"}
VAGUE_GROUPS = {"ngos", "groups", "organizations", "organisations", "environmentalists", "staff", "activists", "residents",
                "voters", "members", "lawmakers", "legislators", "politicians", "conservatives", "liberals", "locals"}
POLLED_GROUPS = {"voters", "adults", "respondents", "people", "residents", "women", "men", "parents", "students",
                 "workers", "likely voters", "registered voters"}


def _source(phrase: Phrase, cue: Cue, sentence: _Sentence, registry: Registry):
    """(source_type, source_name, type_evidence, confidence, entity) for a source phrase, or None."""
    source = _source_of(phrase, cue, sentence, registry)
    lowered = phrase.text.lower()
    if phrase.head in POLL_HEADS and (source is None or source[0] != "expert") and POLL_PHRASE_RE.search(lowered) \
            and not any(n.kind == "person" or n.text.lower().endswith(phrase.head) for n in phrase.names if n.text):
        # "Polls in New Hampshire show", "a survey of Texas voters", "the RealClearPolitics polling average": a poll
        # in a place or by an outlet is the poll's finding, not the place's or the outlet's word (not "the U.S.
        # Geological Survey", a body)
        return "expert", _description_name(phrase.text), f"'{POLL_PHRASE_RE.search(lowered).group(0)}'", "medium", None
    return source


def _source_of(phrase: Phrase, cue: Cue, sentence: _Sentence, registry: Registry):
    index = sentence.index
    text = phrase.text
    if phrase.pronoun:
        entity = registry.resolve_pronoun(phrase.pronoun, index, phrase.start, finder_quoted(sentence))
        if entity is None:
            return "other", "", f"unresolved '{phrase.pronoun}'", "low", None
        return _typed(entity, "pronoun", index)
    names = [n for n in phrase.names if n.text]
    head = phrase.head
    lowered = text.lower()
    words = lowered.split()
    head_part = next((words[:k] for k, w in enumerate(words) if k and w in {"of", "in", "at", "from", "with", "for"}), words)
    if words and (words[0] in VAGUE_QUANTIFIERS or lowered.startswith("a few ")) and len(head_part) <= 4 and (
            head in PARTY_PLURALS or UNNAMED_TYPES.get(head) in {"other", "political"} or head in VAGUE_GROUPS
            or head in {"members", "lawmakers", "legislators", "senators", "delegates", "staffers"}) \
            and not any(n.kind == "person" for n in names):
        # A vague subset of a group: "some Republicans", "many environmental groups", "some NGOs", "several residents"
        return "anonymous", "", f"unnamed '{text}' (a vague subset)", "high", None
    if SHARE_OF_RE.match(lowered) and (head in PARTY_PLURALS or head in POLLED_GROUPS):
        # "About half of Democrats think", "nearly seven in 10 Democrats said in the poll": a poll's finding
        return "expert", "poll respondents", f"'{text}' (a share of those asked)", "medium", None
    platform_named = [n for n in names if n.kind == "platform"]
    if platform_named and (head in {"post", "posts", "tweet", "tweets", "video", "videos", "users", "user", "netizens",
                                    "posters", "commenters", "thread", "threads", "forum", "group", "page"}
                           or SINGULAR_HEADS.get(head) or head in {n.text.lower() for n in platform_named}):
        # "A Facebook post by a parent", "Users on Reddit", "Netizens on Weibo": ordinary users of a platform.
        return "social_media", platform_named[0].text, f"'{head}' on {platform_named[0].text}", "high", None
    anonymous = lex.anonymity_re().search(text)
    # A named person always wins over anonymity words around them ("Smith, a person close to ...").
    head_name = _head_name(phrase, sentence)
    if anonymous and not (head_name and head_name.kind == "person"):
        return "anonymous", "", f"'{anonymous.group(0)}'", "high", None
    if head_name is not None:
        entity = head_name.entity
        if entity is None:
            return None
        body = _body_in_place(phrase, head_name, sentence)
        if body is not None:
            return _typed(body, "name", index)  # "The American Chamber of Commerce in China said": the chamber
        if head_name.kind == "country" and phrase.end - phrase.start == 1 and head_name.text.endswith(("an", "ese", "ish")):
            entity = _demonym_person(head_name, entity, registry)  # "Cuban said": Mark Cuban, not Cuba
            if entity is None:
                return None
        if head_name.kind in {"country", "name"} and phrase.end - phrase.start == 2 and lowered.startswith("the ") \
                and head_name.text.endswith(("an", "er")) and " " not in head_name.text \
                and head_name.text not in PARTY_MEMBERS and not head_name.text.endswith("American"):
            # "the Texan said", "the Floridian said": the person the passage is about, from that place
            person = registry.resolve_description(head_name.text.lower(), text, index, phrase.start)
            stem = head_name.text[:4]
            if person is not None and person.kind == "person" and any(
                    w.startswith(stem) for e in person.evidence for w in e.words.split()):
                return _typed(person, "description", index)
        # The name modifies a description: "the Clinton campaign", "Trump supporters", "a Quinnipiac poll".
        modifier = _modifier_head(phrase, head_name, sentence)
        if modifier and _unnamed_member(lowered, modifier):
            # "a senior Trump adviser", "two White House officials", "several Republican senators": people of a
            # body or a person's side who are not named are anonymous, whoever they serve.
            return "anonymous", "", f"unnamed '{text}'", "high", None
        if modifier and lowered.startswith("the ") and head_name.kind in {"organisation", "country"} and \
                not modifier.endswith("s") and modifier not in ANONYMOUS_HEADS and (
                    lex.roles().get(modifier) is None or lex.roles()[modifier].source_type != "inherit"):
            # "The Florida senator told reporters": the person the article titled so (Sen.), described by a place
            person = registry.resolve_description(modifier, text, index, phrase.start, strict=True)
            if person is not None and person.kind == "person" and not _other_place(person, head_name.text):
                return _typed(person, "description", index)
        if modifier:
            return _described_by(modifier, head_name, entity, phrase, registry, index)
        return _typed(entity, "name", index)
    # No name in the head: a description.
    member = party_member(phrase)
    if member:
        return _party_source(member, phrase, registry, index)
    if phrase.end - phrase.start == 1 and head in lex.quantifier_sources():
        return "anonymous", "", f"unnamed '{text}'", "medium", None  # "many argue", "some say"
    words_before_head = lowered.split()
    definite = bool(words_before_head) and words_before_head[0] in {"the", "this", "that"}
    if definite or head in {"ministry", "company", "campaign", "newspaper"} and len(words_before_head) <= 2:
        entity = registry.resolve_description(head, text, index, phrase.start)
        if entity is not None:
            return _typed(entity, "description", index)
    if head in {"women", "men"} and not phrase.names and words_before_head[0] in {"both", "all"}:
        return "other", _description_name(text), f"'{text}' (people the article named before)", "low", None
    if head in {"woman", "women", "man", "men"} and not phrase.names and not phrase.body and (
            head.startswith(("women", "men")) and not definite or words_before_head[0] in INDEFINITE | {"dozens", "hundreds"}):
        return "anonymous", "", f"unnamed '{text}'", "high", None  # "three other women who said", "a woman said"
    if head in {"supporters", "opponents", "critics", "detractors", "backers", "skeptics", "defenders"} and \
            not any(w in lowered.split() for w in ("his", "her", "their")):
        return "anonymous", "", f"unnamed '{text}'", "high", None
    if _unnamed_member(lowered, head) and not any(n.kind in {"person", "name"} for n in names):
        return "anonymous", "", f"unnamed '{text}'", "high", None  # "several Republican senators", "a police officer"
    # The body the described source serves: "a spokesman for the ministry", "Clinton's campaign".
    body_entity = _body_entity(phrase, sentence, registry, index)
    if head in ANONYMOUS_HEADS and not (definite and head in {"official", "executive"}) and (
            not words_before_head or words_before_head[0] in INDEFINITE or head.endswith("s") or words_before_head[0] not in {"the"}):
        # Unnamed officials, aides, people: anonymous, unless a named body speaks through them in the plural
        # ("Liangjiang New Area officials confirmed").
        if body_entity is not None and head.endswith("s") and body_entity.kind in {"organisation", "name"} and \
                not any(w in INDEFINITE for w in words_before_head[:2]):
            return _typed(body_entity, "description", index)
        if head in {"democrat", "republican", "democrats", "republicans"} and not any(w in INDEFINITE for w in words_before_head[:2]):
            return "political", text[0].upper() + text[1:] if text.islower() else re.sub(r"^(?:the|The)\s+", "", text), f"'{head}'", "medium", None
        # A bare plural of people with a place in a body ("executives said", "lawmakers said") is typed by its
        # role below; an indefinite one ("two executives", "a lawmaker"), or a vague group, is anonymous.
        typed_by_role = head in {"executive", "executives", "employee", "employees", "member", "members", "veteran",
                                 "veterans", "lawmaker", "lawmakers", "strategist", "strategists", "operative",
                                 "operatives"} and not any(w in INDEFINITE for w in words_before_head[:1])
        if not typed_by_role:
            return "anonymous", "", f"unnamed '{text}'", "high", None
    role = lex.roles().get(head) or lex.roles().get(head.rstrip("s"))
    if body_entity is not None and role is not None and role.source_type == "inherit" and head not in ANONYMOUS_HEADS \
            and role.default != "political":
        return _typed(body_entity, "description", index)  # "Cameron's spokesman": Cameron's side; "the GOP nominee"
        # is a person, not the party
    if head.isdigit() or head in {"percent", "%", "majority", "plurality", "surveyed", "polled", "questioned", "respondents"} or re.match(
            r"(?:the\s+)?(?:about\s+|nearly\s+|almost\s+|roughly\s+|some\s+|only\s+|just\s+)?\d[\d.,]*\s*(?:percent|%)\s+of\b", lowered):
        return "expert", "poll respondents", f"'{text}' (a share of those asked)", "medium", None
    reading = role_of(text, body_type(body_entity.name) if body_entity is not None else "", body_entity.name if body_entity else "")
    person_role = role is not None and role.default == "political"  # "the GOP nominee": a person, not the party
    if body_entity is not None and (reading is None or reading.source_type == registry.type_of(body_entity)) and (
            reading is not None or head in DATA_WORDS or head in ORGANISATION_DESCRIPTIONS) and not person_role:
        return _typed(body_entity, "description", index)  # "a statement from the ministry"
    if body_entity is not None and reading is not None and reading.source_type and reading.strength >= 2 and \
            lex.roles().get(head) is not None and lex.roles()[head].source_type == "inherit" and not person_role:
        return _typed(body_entity, "description", index)
    if reading is not None:
        name = body_entity.name if body_entity is not None else _description_name(text)
        # A role of its own ("researchers at Yale": expert) is not the body's type: the row is not retyped as Yale.
        own_role = lex.roles().get(reading.words) is not None and lex.roles()[reading.words].source_type != "inherit" \
            and body_entity is not None and reading.source_type != registry.type_of(body_entity) \
            and reading.words in {head, head[:-1]}  # the role is the phrase's head, not a word after it
        return reading.source_type, name, text, "medium", None if own_role else body_entity
    role = lex.roles().get(head) or lex.roles().get(head.rstrip("s"))
    if role is not None and role.source_type == "inherit":
        # "the spokesman said" with no body named: the body the article spoke of last, else unknown.
        bodies = registry.bodies_before(index, phrase.start, within=3, kinds=("organisation", "country"))
        if bodies:
            return _typed(bodies[0], "description", index)
        return "other", _description_name(text), f"'{head}' (for no body the article names)", "low", None
    singular = SINGULAR_HEADS.get(head)
    key = next((k for k in (" ".join(lowered.split()[-2:]), head, singular) if k and k in UNNAMED_TYPES), None)
    if key:
        kind = UNNAMED_TYPES[key]
        if kind == "anonymous":
            return "anonymous", "", f"unnamed '{text}'", "high", None
        name = "" if kind == "social_media" else _description_name(text)
        return kind, name, f"'{key}'", "medium", None
    if (head in OUTLET_DESCRIPTIONS or head in {"media"}) and not (head == "agency" and not re.search(r"\bnews\s+agency", lowered)):
        # ("agency" alone is a government agency: "the country's space agency reports")
        return "media", _description_name(text), f"'{head}'", "medium", None
    if head in ORGANISATION_DESCRIPTIONS or head in DATA_WORDS:
        # "the commission said", "the report says": the body the article spoke of last, else the word itself.
        kind = ({"group": "other", "organization": "other", "organisation": "other", "team": "other", "panel": "other"}.get(head)
                or body_type(head.title())) if head in ORGANISATION_DESCRIPTIONS else ""
        if kind:
            return kind, _description_name(text), f"'{head}'", "medium", None
        government = next((w for w in lowered.split()[:-1] if w in {"government", "federal", "governmental", "congressional"}), "")
        if government and head in DATA_WORDS:
            return "official", _description_name(text), f"'{government} {head}'", "medium", None  # "a federal report"
        # (a place named before is no author of findings: "the Vermont senator ... The findings underscore",
        # "swing states like Colorado ... the results show")
        bodies = registry.bodies_before(index, phrase.start, within=2, kinds=("organisation", "outlet"))
        if bodies and head in DATA_WORDS:
            return _typed(bodies[0], "description", index)
        tokens = sentence.tokens
        if head in DATA_WORDS and phrase.end + 1 < len(tokens) and tokens[phrase.end + 1].lower == "by" \
                and tokens[phrase.end].lower.endswith("ed"):
            return None  # "data compiled by the EPA", "figures released by the government": the agent's row says who
        return "other", _description_name(text), f"'{head}' (whose author the article does not name)", "low", None
    return "other", _description_name(text), "", "low", None


FORMER_MEMBERS = frozenset({"veteran", "veterans", "alumnus", "alumna", "alumni", "graduate", "graduates", "alum", "alums"})
PAST_CAMPAIGN_RE = re.compile(r"\b(?:last year|last cycle|in (?:19|20)\d\d|back in|while on|when (?:he|she) ran|"
                              r"(?:his|her) (?:\d{4} |last |previous |successful |winning )campaign)\b", re.I)
CAMPAIGN_SENTENCE_RE = re.compile(
    r"\b(?:(?:democratic|republican|gop|presidential|primary|vice[- ]presidential)\s+debates?|debate\s+stage|"
    r"(?:his|her|their)\s+(?:presidential\s+)?(?:campaign|candidacy|bid)|campaign\s+(?:trail|rally|event|stop|speech|ad)|"
    r"(?:at|during)\s+(?:a|the|his|her)\s+rally|(?-i:caucus(?:es)?)|"
    # "primary" the contest, not the adjective ("the primary driver of warming"); the party's nomination, not a
    # nomination to an office ("his nomination to lead the EPA")
    r"(?:the|a)\s+(?:[\w.-]+\s+){0,2}primary(?=\s*(?:[,.;:)!?\"”]|$)|\s+(?:in|on|election|elections|race|contest|win|victory|"
    r"voters|ballot|season|campaign|debate|night|results|date|day|challenge|challenger|fight|states?|vote|that|and|"
    r"when|last|this|next|for|to|after|before|was|is|will|has|had)\b)|"
    r"(?:democratic|republican|gop|presidential|party['’]s)\s+nomination|(?:win|wins|won|winning|clinch\w*|secure\w*)\s+the\s+nomination|"
    r"running\s+mate|delegates|(?:campaign|his|her|their)\s+town\s+halls?|on\s+the\s+stump|stumping)\b", re.I)


# One of these words is in every match of CAMPAIGN_SENTENCE_RE ("caucus" in that case: it is matched as written).
_CAMPAIGN_SENTENCE_WORDS = ("debate", "campaign", "candidacy", "bid", "rally", "caucus", "primary", "nomination", "running",
                            "delegates", "town", "stump")


def _campaign_sentence(text: str) -> re.Match | None:
    """CAMPAIGN_SENTENCE_RE.search(text), skipped (a slow pattern) where none of the words it needs occurs."""
    if not may_hold(text.lower(), plain_case(text), _CAMPAIGN_SENTENCE_WORDS):
        return None
    return CAMPAIGN_SENTENCE_RE.search(text)


def _unnamed(registry: Registry, source_type: str, name: str, evidence: str, confidence: str, phrase: Phrase) -> Entity:
    """An unnamed source as an entity of its own, so that a later 'they' or 'he' can refer to it."""
    plural = phrase.head.endswith("s") or phrase.head in {"people", "police", "media"} or phrase.head in lex.quantifier_sources()
    entity = Entity(kind="group" if plural else "person", names=[name] if name else [], plural=plural,
                    source_type=source_type, type_evidence=evidence, confidence=confidence, fixed=True)
    entity.last_seen = registry.sentence_index
    return entity


def _other_place(entity: Entity, place: str) -> bool:
    """Whether the roles the article gave a person name a place other than ``place`` ("Iowa Sen. Joni Ernst" is not
    "the Florida senator")."""
    for evidence in entity.evidence:
        if place in evidence.words:
            return False
    places = lex.places()
    for evidence in entity.evidence:
        words = re.findall(r"[A-Z][\w.]*", evidence.words)
        if any(w in places for w in words) or any(f"{a} {b}" in places for a, b in zip(words, words[1:])):
            return True
    return False


def finder_quoted(sentence: _Sentence) -> bool:
    return any(t.text in {'"', "“", "”"} for t in sentence.tokens)


def _body_in_place(phrase: Phrase, name: Name, sentence: _Sentence) -> Entity | None:
    """A place that is only where the body before it is: "The American Chamber of Commerce in China", "the EU
    Chamber of Commerce in China" (the subject was cut at "in")."""
    if name.kind not in {"country", "name"} or name.start != phrase.start or phrase.start < 2 \
            or sentence.tokens[phrase.start - 1].lower != "in":
        return None
    body = next((n for n in sentence.names if n.end == phrase.start - 1 and n.kind in {"organisation", "name"}
                 and n.entity is not None and n.text.split()[-1] in BODY_HEADS), None)
    return body.entity if body is not None else None


BODY_HEADS = lex.body_heads()  # data/body_heads.txt


def _head_name(phrase: Phrase, sentence: _Sentence) -> Name | None:
    """The name the phrase is about: the last name of its head part that is not a possessor or a place."""
    tokens = sentence.tokens
    split = phrase.end
    for k in range(phrase.start, phrase.end):
        if tokens[k].lower in {"of", "for", "at", "with", "from", "in", "to"} and k > phrase.start and not any(
                (n.title_start if n.title_start >= 0 else n.start) < k < n.end for n in sentence.names):
            split = k
            break
    candidates = [n for n in sentence.names if n.text and n.start >= phrase.start and n.end <= split]
    if not candidates:
        return None
    for name in reversed(candidates):
        possessor = name.end < split and tokens[name.end].tag == "POS"
        if possessor and name.end + 1 < split:
            continue
        if name.kind == "country" and name.end < split and not possessor:
            return name  # "Chinese officials": a modifier the caller checks
        return name
    return None  # only possessors: "Meta's plans" is about the plans


UNNAMED_DETERMINERS = {"a", "an", "one", "two", "three", "four", "five", "six", "several", "some", "many", "few",
                       "numerous", "multiple", "various", "other", "another", "unnamed", "unidentified"}
UNNAMED_MEMBERS = ANONYMOUS_HEADS - {"source", "sources", "people", "person", "someone", "others", "observers", "critics",
                                     "witness", "witnesses", "democrat", "republican", "democrats", "republicans"} | {
    "officer", "officers", "senator", "senators", "legislator", "legislators", "congressman", "congressmen",
    "congresswoman", "representatives", "insider", "insiders"}


def _unnamed_member(lowered: str, modifier: str) -> bool:
    """An indefinite description of people serving a named body or person, with no name of their own: "a senior
    Trump adviser", "two GOP aides", "several Alabama Republican officials", "a TSA officer"."""
    words = lowered.split()
    head = modifier.split()[-1].lower() if modifier else ""
    return bool(words) and words[0] in UNNAMED_DETERMINERS and head in UNNAMED_MEMBERS


def _party_source(member: str, phrase: Phrase, registry: Registry, index: int):
    """"The Republican said": the person of the last sentences the article showed as a Republican ("Republican
    nominee Donald Trump", "(R-Ohio)"), else an unnamed member of the party, political."""
    signs = PARTY_MEMBERS[member]
    for _s, _t, entity in registry.recent(index, phrase.start, 8):
        if entity.kind in {"person", "name"} and not entity.plural and any(
                sign in e.words for e in entity.evidence for sign in signs):
            return _typed(entity, "description", index)
    return "political", member, f"'{phrase.text}'", "medium", None


def _demonym_person(name: Name, entity: Entity, registry: Registry) -> Entity | None:
    """A demonym alone before a verb of saying is a surname: the person the article named so ("Mark Cuban ...
    Cuban said"), else a person of that name with no role of their own; "Chinese said" (a people) is no one."""
    people = list((registry.by_surname.get(name.text) or {}).values())
    if people:
        return max(people, key=lambda e: (e.last_seen, e.mentions))
    if not name.text.endswith("an"):
        return None
    if entity.kind != "person":
        entity.kind = "person"
        entity.evidence = [e for e in entity.evidence if e.words != name.text]  # not the country's government
        entity.source_type = ""
    return entity


def _modifier_head(phrase: Phrase, name: Name, sentence: _Sentence) -> str:
    """The description a name modifies ("Clinton | campaign", "Trump | supporters"), or ''."""
    tokens = sentence.tokens
    split = phrase.end
    for k in range(phrase.start, phrase.end):
        if tokens[k].lower in {"of", "for", "at", "with", "from", "in", "to"} and k > phrase.start and not (name.start < k < name.end):
            split = k
            break
    k = name.end
    if k < split and tokens[k].tag == "POS":
        k += 1
    if k >= split:
        return ""
    words = [t.lower for t in tokens[k:split] if t.text[:1].isalnum()]
    return " ".join(words)


def _described_by(description: str, name: Name, entity: Entity, phrase: Phrase, registry: Registry, index: int):
    """A source described through a name: "the Clinton campaign", "Trump supporters", "a Quinnipiac poll"."""
    head = description.split()[-1] if description else ""
    if head in {"backers", "proponents", "critics", "opponents", "detractors", "skeptics"} and entity.kind != "person" \
            and not entity.gender:
        return "anonymous", "", f"unnamed '{phrase.text}'", "high", None  # "Green New Deal backers say": of a policy
    if head in {"backers", "supporters", "fans", "loyalists"}:
        return "other", f"{entity.name} {head}", f"'{head}'", "medium", None  # "Sanders backers say": not Sanders
    if head in {"campaign", "campaigns"} or head in {"camp", "team"} and entity.kind in {"person", "name"}:
        # a person's camp or team is the campaign; a body's ("the White House camp") is a faction of the body
        campaign = _campaign_entity(entity, registry)
        return _typed(campaign, "name", index)
    if head in {"administration", "government", "authorities", "officials"} and name.kind in {"person", "country", "name"}:
        if head == "officials" and name.kind == "country":
            return "anonymous", "", f"unnamed '{phrase.text}'", "high", None
        label = f"{entity.name} {head}" if head != "officials" else entity.name
        return "official", label, f"'{head}'", "high", None
    if head in {"officials", "official"} and name.kind in {"organisation", "name"}:
        return _typed(entity, "description", index)
    if head in {"poll", "polls", "survey", "surveys", "polling"}:
        # A poll is the pollster's, whoever runs it: "a CNN/ORC poll", "an Associated Press survey".
        return "expert", f"{entity.name} {head}", f"'{head}'", "high", None
    if head in DATA_WORDS:
        return _typed(entity, "description", index)
    if head in FORMER_MEMBERS:
        # "the Air Force veteran", "a Yale graduate": a past member speaks for no body
        return "other", _description_name(phrase.text), phrase.text, "medium", None
    role = lex.roles().get(head)
    if role is not None:
        if role.source_type == "inherit" and role.default == "political":
            # "the GOP nominee", "the EPA nominee": a person nominated by a party (political) or to an office
            kind = "official" if registry.type_of(entity) == "official" else "political"
            return kind, entity.name if name.kind != "country" else "", phrase.text, "medium", None
        if role.source_type == "inherit" and name.kind == "country":
            # "the Mexican president", "the Chinese spokesman": a country's office, unnamed here; a role that is
            # no office keeps its own type ("the British writer": other)
            kind = role.default if role.default and role.default != "official" else "official"
            return kind, _description_name(phrase.text), phrase.text, "medium", None
        if role.source_type == "inherit":
            return _typed(entity, "description", index)
        if role.source_type in {"other"}:
            return "other", f"{entity.name} {head}" if head.endswith("s") else entity.name, phrase.text, "medium", None
        return role.source_type, entity.name if name.kind != "country" else "", phrase.text, "medium", None
    if head in UNNAMED_TYPES:
        kind = UNNAMED_TYPES[head]
        if kind == "anonymous":
            return "anonymous", "", f"unnamed '{phrase.text}'", "high", None
        return kind, _description_name(phrase.text), f"'{head}'", "medium", None
    if head in ORGANISATION_DESCRIPTIONS:
        return _typed(entity, "description", index)
    return _typed(entity, "name", index)


def _campaign_entity(person: Entity, registry: Registry) -> Entity:
    label = person.name if person.kind == "organisation" else f"{person.name} campaign"
    if person.kind == "organisation" and "campaign" not in label.lower():
        label = f"{label} campaign"
    entity = registry.by_name.get(label)
    if entity is None:
        entity = Entity(kind="organisation", names=[label], plural=True)
        entity.add_evidence("political", "campaign", 2)
        registry.entities.append(entity)
        registry.by_name[label] = entity
    return entity


def _body_entity(phrase: Phrase, sentence: _Sentence, registry: Registry, index: int) -> Entity | None:
    """The named body a description serves: "for the ministry", "of the Clinton campaign", "Tesla's"."""
    if not phrase.body:
        return None
    body_names = [n for n in sentence.names if n.text and n.start >= phrase.start and n.end <= phrase.end and n.entity is not None]
    body = phrase.body
    if body_names:
        name = body_names[-1] if not re.search(r"['’]s$", body) else body_names[0]
        after = sentence.tokens[name.end].lower if name.end < len(sentence.tokens) else ""
        if after in {"campaign", "camp"}:
            return _campaign_entity(name.entity, registry)
        return name.entity
    match = re.search(r"\b(ministry|company|campaign|government|administration|committee|agency|department|party|"
                      r"embassy|court|newspaper|white house|university)\b", body, re.I)
    if match:
        return registry.resolve_description(match.group(1).lower(), body, index, phrase.start)
    return None


def _typed(entity: Entity, mention: str, index: int):
    if not entity.source_type:
        type_entity(entity)
    distance = max(0, index - entity.last_seen) if mention != "name" else 0
    confidence = confidence_of(entity.confidence, mention, distance)
    evidence = entity.type_evidence
    if mention == "pronoun":
        evidence = f"{evidence} (resolved from a pronoun)" if evidence else "resolved from a pronoun"
    return entity.source_type, entity.name, evidence, confidence, entity


def _description_name(text: str) -> str:
    name = re.sub(r"^(?:the|a|an|one|some|this|that|these|those)\s+", "", text.strip(), flags=re.I)
    return name[:60]


# --- 5. patterns ---------------------------------------------------------------------------------


def _patterns(sentence: _Sentence, registry: Registry) -> list[Found]:
    text = sentence.text
    lowered = text.lower()
    out: list[Found] = []
    if "(@" in text:
        for match in TWEET_CREDIT_RE.finditer(text):
            out.append(Found("social_media", match["handle"], "embedded tweet", match.start(), match.end(), "twitter",
                             phrase=match.group(0), type_evidence="lexicon: tweet credit line", confidence="high"))
    if "said" in lowered:
        for pattern in (SAID_TO_RE, SAID_TO_TITLE_RE):
            for match in pattern.finditer(text):
                out.append(Found("anonymous", "", " ".join(match.group(0).split()), match.start(), match.end(),
                                 type_evidence="wire headline 'said to'", confidence="high"))
    if "first to" in lowered:
        first = FIRST_TO_REPORT_RE.match(text)
        if first:
            who = first["who"]
            kind = "media"
            outlet = next((n for n in sentence.names if n.kind == "outlet" and n.text in who), None)
            out.append(Found(kind, outlet.entity.name if outlet and outlet.entity else who, "first to report", 0, first.end(),
                             phrase=who, type_evidence="lexicon: outlet" if outlet else "first to report", confidence="high" if outlet else "medium",
                             entity=outlet.entity if outlet else None))
    social = any(word in lowered for word in ("social media", "online", "internet", "forum", "weibo", "wechat", "twitter",
                                             "facebook", "tiktok", "douyin", "reddit", "instagram", "youtube", "telegram",
                                             "linkedin", "threads", "bluesky", "xiaohongshu", "bilibili", "zhihu", "snapchat",
                                             "truth social", "weixin", " x "))
    for match in (SOCIAL_PHRASE_RE.finditer(text) if social else ()):
        where = match["where"]
        platform = find_platform("on " + where)
        name = "social media" if re.search(r"social\s+media", where, re.I) else (platform_display(where, platform) if platform else
                                                                                   re.sub(r"^(?:the\s+)?", "", where, flags=re.I))
        out.append(Found("social_media", name, match["cue"].lower(), match.start(), match.end(), platform, phrase=match.group(0),
                         type_evidence=f"'{match['what']} {match['cue']}' on {where}", confidence="high"))
    if "viral" in lowered:
        for match in VIRAL_RE.finditer(text):
            out.append(Found("social_media", "social media", match.group(0).lower(), match.start(), match.end(),
                             phrase=match.group(0), type_evidence="'viral'", confidence="medium"))
    media = any(word in lowered for word in ("media", "press", "newspapers", "outlets"))
    for match in (MEDIA_RUMOR_RE.finditer(text) if media else ()):
        out.append(Found("media", match["where"], match["cue"].lower(), match.start(), match.end(), phrase=match.group(0),
                         type_evidence=f"'{match['where']}'", confidence="medium"))
    if "source" in lowered:
        for match in POSSESSIVE_SOURCES_RE.finditer(text):
            owner = match["owner"]
            outlet = next((n for n in sentence.names if n.kind == "outlet" and n.text in owner), None)
            if outlet is None and not re.search(r"agency|newspaper|outlet|paper|broadcaster|magazine|publication", owner, re.I):
                continue
            if not re.search(r"\b(?:said|say|says|told|state|stated|opted|claimed|reported|added|confirmed|indicated|"
                             r"remain|asked|declined)\b", match["rest"] + text, re.I):
                continue
            if outlet is not None and outlet.entity is not None:
                via = outlet.entity.name
            else:
                media = registry.bodies_before(sentence.index, len(sentence.tokens), within=3, kinds=("outlet",))
                via = media[0].name if media else ""
            out.append(Found("anonymous", "", f"{owner}'s {match['src']}".strip(), match.start(), match.end("src"),
                             via=via, phrase=match.group(0), type_evidence=f"'{match['src']}'", confidence="high"))
    if "anonym" in lowered or "named" in lowered or "identified" in lowered:
        for match in ANON_PHRASE_RE.finditer(text):
            out.append(Found("anonymous", "", match.group(0).lower(), match.start(), match.end(),
                             type_evidence=f"'{match.group(0)}'", confidence="high"))
    return out


# --- 6. second_hand ---------------------------------------------------------------------------


def _second_hand(found: list[Found], carry_via: str) -> None:
    """Sources reported in a sentence that also credits an outlet reach the article through it."""
    media = [f for f in found if f.source_type == "media"]
    for item in found:
        if item.via:
            continue
        if item.source_type != "media" and len(media) == 1:
            item.via = media[0].source_name
        elif carry_via and carry_via != item.source_name:
            item.via = carry_via


def _deduplicate(found: list[Found]) -> list[Found]:
    """One row per source per sentence: the same entity, or the same type and name; anonymous sources as one."""
    out: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, f.end)):
        duplicate = None
        for kept in out:
            same_entity = item.entity is not None and kept.entity is item.entity
            same_name = kept.source_type == item.source_type and (
                kept.source_name.lower() == item.source_name.lower() or item.source_type == "anonymous"
                or (item.source_name and kept.source_name and (item.source_name.lower() in kept.source_name.lower()
                                                               or kept.source_name.lower() in item.source_name.lower())))
            if same_entity or same_name:
                duplicate = kept
                break
        if duplicate is None:
            out.append(item)
        else:
            duplicate.platform = duplicate.platform or item.platform
            duplicate.via = duplicate.via or item.via
            if duplicate.source_type == "other" and duplicate.confidence == "low" and item.confidence != "low":
                out[out.index(duplicate)] = item
    return out

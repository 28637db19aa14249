"""Cue finding: the words that credit something to a source, and the phrase that names the source.

Cues, as reporters write them:

- verbs of saying, of taking a position, of believing and intending (``data/cues.tsv``), with the
  source before them ("Gao said", "Clinton believes", "Trump wants") or after them (""...," said
  Jane Roe, a spokeswoman"), a participle that shares the sentence's subject (", saying"), a
  relative clause (", who said"); "called for", "called on", "asked whether", "declined to comment";
- "according to X", "citing X", "X told the Global Times", "in an interview with Xinhua";
- what evidence shows: "polls show", "records show", "a study found";
- a headline's colon ("Bernie Sanders: 'Of course ...'"), embedded tweet credit lines, wire headlines
  ("Tesla said to plan ..."), anonymity and social-media phrases.

A cue is kept only when its source phrase is one: a name, a pronoun, or a description whose head is a
person, a body or (for "show"/"find") evidence. "The bill would require", "police found a body" and
"the said agreement" give nothing. Quoted words are never searched for cues: a quote's own "I think"
belongs to its speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicons as lex
from .entities import AGE_RE, PARTY_MEMBERS, DATA_WORDS, OUTLET_DESCRIPTIONS, ORGANISATION_DESCRIPTIONS, UNNAMED_TYPES, OPENING_CLAUSES, SURNAME_PARTICLES, Name, opening_end
from .tokens import Token, is_capitalised

AUXILIARIES = {
    "has", "have", "had", "'ve", "’ve", "did", "does", "do", "will", "would", "'ll", "’ll", "'d", "’d", "could", "can",
    "may", "might", "should", "must", "shall", "is", "are", "was", "were", "'s", "’s", "been", "being", "be", "also",
    "previously", "repeatedly", "recently", "reportedly", "later", "then", "again", "once", "further", "first", "long",
    "often", "frequently", "publicly", "privately", "openly", "explicitly", "flatly", "simply", "just", "already",
    "still", "now", "never", "not", "n't", "n’t", "always", "even", "quickly", "immediately", "initially",
    "originally", "subsequently", "ultimately", "finally", "separately", "similarly", "likewise", "too", "herself",
    "himself", "themselves", "itself", "only", "clearly", "strongly", "firmly", "angrily", "bluntly", "sharply",
    "quietly", "loudly", "emphatically", "largely", "falsely", "wrongly", "correctly", "rightly", "earlier",
    "apparently", "seemingly", "actually", "really", "certainly", "surely", "probably", "personally", "directly",
    "specifically", "vehemently", "forcefully", "tacitly", "previously", "usually", "generally", "consistently",
    "recently", "long", "since", "increasingly", "privately", "jokingly", "famously", "reluctantly", "proudly",
    "confidently", "boldly", "tweeted", "wrongly", "mistakenly", "privately", "elsewhere", "optimistically",
    "cautiously", "candidly", "frankly", "firmly", "formally", "officially", "unequivocally", "categorically",
    "indirectly", "implicitly", "expressly", "casually", "briefly", "subsequently", "secretly", "allegedly",
    "supposedly", "purportedly", "reportedly", "sometimes", "occasionally", "rarely", "seldom", "ever",
}
ASIDES = {"in fact", "however", "though", "too", "meanwhile", "for his part", "for her part", "for their part",
          "for its part", "in turn", "of course", "at least", "in a statement", "in an interview", "again", "also",
          "instead", "nonetheless", "nevertheless", "moreover", "in response", "in contrast", "by contrast",
          "for example", "for instance", "in particular", "at the time", "at one point", "later", "earlier",
          "separately", "similarly", "likewise", "indeed", "then", "now", "still", "once", "yet", "in the past",
          "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday", "on sunday",
          "last week", "this week", "last month", "last year", "in private", "in public", "privately", "publicly",
          "on twitter", "on facebook", "in the interview", "in the statement", "at a rally", "at a press conference",
          "at the debate", "in the end", "after all", "to be sure", "in other words", "in short", "apparently",
          "reportedly", "notably", "essentially", "basically", "frankly", "honestly"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year",
              "night", "morning", "afternoon", "evening", "weekend", "day", "today", "yesterday", "tonight", "earlier",
              "later", "last", "this", "next", "on", "early", "late", "recently", "weeks", "months", "years", "ago",
              "days", "hours", "minutes", "in", "during", "at"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "both", "all", "two",
               "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "one", "no", "any", "most",
               "few", "other", "another", "each", "every", "more", "much", "such", "their", "his", "her", "its", "our",
               "your", "my", "whose"}
NOUN_BEFORE = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
               "whose", "recent", "new", "latest", "such", "own", "of", "any", "no", "previous", "earlier", "similar",
               "initial", "final", "official", "public", "private", "repeated", "frequent", "unfounded",
               "false", "baseless", "unsubstantiated", "wild", "those", "these", "some", "many", "what", "which",
               "strong", "early", "later", "further", "additional", "past"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who"}
# A reporter's credit line at the end of a story: "Costa reported from Washington.", "... reported from Beijing and Seoul."
BYLINE_PLACE = re.compile(r"\s+from\s+(?:[A-Z][\w.’'-]*(?:,?\s+(?:and\s+)?))*[A-Z][\w.’'-]*\.?\s*$")
# Words after a passive 'by' that are no agent (lower case as written; "Now This" is an outlet)
AGENT_NOT = frozenset({"now", "then", "far", "default", "design", "accident", "mistake", "chance", "contrast",
                       "comparison", "law", "hand", "today", "tomorrow", "yesterday", "noon", "midnight"})
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
POLL_WORDS = {"poll", "polls", "survey", "surveys"}
# A standing the polls give, in the clause before "in ... polls": "leads in the polls", "a big lead in the latest polls".
STANDING_RE = re.compile(r"\b(?:lead|leads|led|leading|ahead|behind|trail|trails|trailed|trailing|edge|edges|edged|tied|"
                         r"neck and neck|advantage|margin|surge|surged|surging|slip|slipped|slipping|rose|risen|rising|"
                         r"climb|climbed|climbing|fell|fallen|falling|dropped|dropping|gained|gaining|front-runner|frontrunner|"
                         r"strong showing|(?:\d+|double-digit|single-digit)\s*(?:percent|%|points?|percentage points?))\b"
                         r"(?:(?![.;!?]).){0,60}$", re.I)
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
SHARE_HEADS = {"percent", "%", "majority", "plurality", "third", "thirds", "two-thirds", "half", "quarter", "quarters",
               "three-quarters", "fifths"}
@lru_cache(maxsize=1)
def _body_kind_words() -> frozenset:
    """The lower-case words of organisations.tsv ("institute", "think tank"), for appositions."""
    return frozenset(w.lower() for w in lex.organisation_words())


_STANCE_BY = re.compile(r"\b(?:criticized|criticised|rebuked|condemned|denounced|slammed|blasted|lambasted|faulted|"
                        r"praised|lauded|hailed|mocked|ridiculed|derided|dinged|panned|accused|challenged|questioned)"
                        r"\s+(?:\w+ly\s+)?by\b", re.I)
WHEN_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
                        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."})
# Words that make "shows" a noun after them: "interview shows", "talk shows", "morning shows".
BROADCAST_WORDS = frozenset({"interview", "talk", "tv", "television", "radio", "news", "morning", "cable", "game", "reality"})
NO_ONE_IN_PARTICULAR = {"anyone", "anybody", "everyone", "everybody", "nobody"}
# Words that open a sentence before its subject: "But experts warn", "Meanwhile some groups have questioned".
OPENERS = {"but", "and", "or", "so", "yet", "while", "whilst", "as", "if", "although", "though", "because", "since", "when",
           "meanwhile", "however", "still", "instead", "now", "indeed", "also", "then", "later", "earlier", "separately",
           "moreover", "furthermore", "nonetheless", "nevertheless", "ironically", "similarly", "likewise", "already"}
# Words before "to say" that make it no purpose of the subject's: "nothing to say", "the right to say".
PURPOSE_VERBS = {"say", "announce", "declare", "tell", "explain", "acknowledge", "describe", "answer", "argue", "insist",
                 "warn", "deny", "urge", "reiterate", "defend", "criticize", "criticise", "praise"}
NOT_PURPOSE = {"not", "never", "refusal", "inability", "failure", "unwillingness", "reluctance", "willingness", "nothing", "something", "anything", "everything", "right", "chance", "time", "opportunity", "way", "need",
               "freedom", "courage", "decision", "permission", "order", "lot", "more", "much", "enough", "reason",
               "ability", "willingness", "attempt", "effort", "plan", "plans", "pressure", "invitation", "urge"}
# Prepositions and subordinators that open a sentence with a phrase or clause before its subject ("In a letter
# released Monday, Sanders ...", "After Trump said he would sue, Clinton ...").
OPENING_PREPOSITIONS = {"in", "at", "on", "during", "after", "before", "despite", "with", "without", "for", "from",
                        "following", "amid", "unlike", "like", "since", "by", "under", "over", "throughout", "through",
                        "when", "while", "although", "though", "because", "if", "once", "until", "whereas"}
PARTY_PLURALS = {"republicans", "democrats", "millennials", "independents", "americans", "evangelicals", "latinos",
                 "hispanics", "catholics", "conservatives", "liberals", "progressives"}
PERSON_NOUNS = {
    "people", "man", "woman", "men", "women", "person", "group", "groups", "family", "friends", "friend", "colleagues",
    "others", "everyone", "nobody", "someone", "anyone", "crowd", "audience", "public", "americans", "country",
    "nation", "side", "sides", "camp", "team", "staff", "leadership", "leaders", "members", "member", "majority",
    "minority", "hackers", "side", "residents", "voters", "supporters", "opponents", "critics", "backers",
    "conservatives", "liberals", "progressives", "evangelicals", "donors", "delegates", "organizers", "citizens",
    "locals", "workers", "employees", "executives", "investors", "analysts", "economists", "experts", "officials",
    "lawmakers", "legislators", "senators", "governors", "diplomats", "aides", "advisers", "advisors", "allies",
    "rivals", "candidates", "insiders", "sources", "observers", "scientists", "researchers", "scholars", "academics",
    "pundits", "commentators", "reporters", "journalists", "netizens", "users", "bloggers", "fans", "students",
    "parents", "teachers", "doctors", "nurses", "farmers", "protesters", "activists", "advocates", "groups",
    "republicans", "democrats", "gop", "independents", "moderates", "police", "prosecutors", "investigators",
    "authorities", "regulators", "judges", "court", "government", "administration", "campaign", "campaigns",
    "party", "parties", "committee", "company", "companies", "firm", "firms", "ministry", "spokesman",
    "spokeswoman", "spokesperson", "administration", "officers", "staffers", "associates", "surrogates",
    "pollsters", "strategists", "operatives", "consultants", "lawyers", "attorneys", "witnesses", "victims",
    "survivors", "families", "children", "kids", "youth", "veterans", "immigrants", "refugees", "minorities",
    "women", "men", "americans", "chinese", "europeans", "britons", "mexicans", "muslims", "christians", "jews",
    "polls", "analysts", "the", "both", "most", "many", "some", "few", "all", "user", "netizen", "poster",
    "commenter", "resident", "voter", "supporter", "critic", "opponent", "backer", "donor", "delegate", "citizen",
    "worker", "employee", "investor", "student", "parent", "teacher", "doctor", "nurse", "farmer", "protester",
    "activist", "advocate", "witness", "victim", "survivor", "veteran", "immigrant", "refugee", "insider",
    "source", "observer", "aide", "ally", "rival", "lawyer", "attorney", "owner", "customer", "fan", "neighbor",
    "neighbour", "local", "local", "villager", "bystander", "passenger", "driver", "shopper", "buyer", "seller",
    "industry", "narrator", "magnate", "respondents", "those", "everybody", "nobody", "anybody", "somebody",
    "colleague", "coworker", "co-worker",
}
# Verbs that alone after a speaker credit the quotation before the sentence: "Borger asked.", "Clinton then added."
BARE_REPORT_LEMMAS = {"say", "ask", "add", "continue", "reply"}
PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,14}|\(?[RDI]-[A-Z][A-Za-z.]{0,14}\)?")
# What a reporter puts between a person's name and the verb: an age and a home town ("Brianne Stone, 29, of
# Huntsville, Ala., says"): the age, "of" or "from" and a place, a state's abbreviation ("Ala.", "N.Y.").
PERSON_ASIDE = re.compile(r"\d{1,3}|(?:of|from)(?: [A-Z][\w.'’-]*){1,4}|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.")
POST_NOUNS = {"post", "posts", "tweet", "tweets", "video", "videos", "users", "user", "netizens", "netizen", "posters",
              "commenters", "message", "messages", "thread", "threads", "comment", "comments", "photo", "photos"}
NOUN_CUES = {"criticism", "criticisms", "praise", "endorsement", "opposition", "call", "calls", "claim", "claims", "assertion",
             "accusation", "accusations", "warning", "warnings", "promise", "promises", "pledge", "pledges", "attack",
             "attacks", "comments", "remarks", "statement", "statements", "view", "views", "position", "argument",
             "insistence", "denial", "denials", "admission", "suggestion", "proposal", "plea", "demand", "demands",
             "threat", "threats", "vow", "prediction", "allegation", "allegations", "assessment", "account", "response",
             "rebuke", "defense", "defence", "description", "characterization", "charge", "charges", "request"}
QUANTIFIERS = {"several", "some", "many", "most", "one", "two", "three", "four", "five", "few", "none", "all", "both",
               "each", "any", "dozens", "hundreds", "thousands", "millions", "majority", "half", "number"}
QUANTITY_NOUNS = {"number", "majority", "minority", "plurality", "handful", "couple", "lot", "lots", "group", "percent",
                  "share", "third", "quarter", "half", "dozens", "hundreds", "thousands", "millions", "host", "chorus"}
LEGISLATIVE = re.compile(
    r"\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,3}(?:bill|measure|repeal|amendment|resolution|motion|legislation|"
    r"nomination|nominee|budget|appeal|request|application|offer|deal|treaty|package|proposal|plan|settlement)s?\b", re.I)
NOT_PARTICIPLES = {"considering", "regarding", "including", "according", "seeing", "knowing", "trying", "offering",
                   "following", "assuming", "concerning", "pending", "feeling", "thinking", "understanding", "planning",
                   "aiming", "voting", "bidding", "posting", "projecting", "counting",
                   "wishing", "ordering", "ruling", "continuing", "answering", "repeating",
                   "figuring", "guessing"}
_DECLINE_OBJECT = re.compile(
    r"\s+(?:immediately\s+)?to\s+(?:comment|respond|return|reply|be\s+(?:interviewed|reached|named)|say|disclose|"
    r"elaborate|specify|discuss|provide|give|name|answer|confirm|detail|address|speculate)\b", re.I)
_NOT_REACHED = re.compile(
    r"\b(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|could\s+not|couldn['’]t|was\s+not|were\s+not)"
    r"\s+(?:immediately\s+)?(?:respond|return|reply|be\s+reached|available)\b", re.I)
_CALL_OBJECT = re.compile(
    r"\s+(?:for|on|it|him|her|them|himself|herself|themselves|this|that|these|those|Trump|Clinton|[A-Z][a-z]+|"
    r"the|a|an|his|her|their|its|what|“|\"|‘|')\b", re.I)
_CALL_NOT = re.compile(
    r"\s+(?:off|in|up|back|out|by|an?\s+(?:press\s+conference|news\s+conference|meeting|vote|halt|strike|election|"
    r"session|referendum|truce|ceasefire|timeout|time-out|recess)|(?:the|a)\s+shots?|(?:for\s+)?help)\b", re.I)
_ASK_OBJECT = re.compile(r"\s*(?:whether|if|why|how|what|who|when|where|which|for|about|that|(?:[\w’'.-]+\s+){1,7}(?:to|whether|if|why|how|what|which|who|whom|when|where|about|for)\b|(?:[\w’'.-]+\s+){0,6}[\w’'.-]+\s*[,:]|“|\"|:|,)", re.I)


# A short aside led by a preposition between the subject and its verb: "Trump, without citing any evidence, told",
# "the mayor, at a rally in Ohio, said", "Clinton, in a statement, said"
PREPOSITIONAL_ASIDE = re.compile(r"(?:without|despite|with|after|before|while|in|at|on|during|like|unlike) [\w’'.-]+(?: [\w’'.-]+){0,3}$")


@dataclass
class Phrase:
    """A source phrase: tokens ``start``..``end`` (exclusive) of the sentence."""

    start: int
    end: int
    text: str
    head: str = ""  # the head noun, lower case ("spokesman", "officials", "ministry")
    pronoun: str = ""
    names: list[Name] = field(default_factory=list)  # names inside, head first
    head_names: list[Name] = field(default_factory=list)  # the names before the first preposition
    body: str = ""  # the body a described source serves ("for the ministry", "Clinton's")


@dataclass
class Cue:
    """A cue and its source phrase; ``kind`` says which rule found it."""

    kind: str  # verb, participle, relative, according, citing, agent, colon, told, interview
    cls: str  # say, stance, think, want, show, ask, call
    start: int  # character offsets of the cue words in the sentence
    end: int
    words: str
    phrase: Phrase | None
    token: int = -1
    via_phrase: Phrase | None = None  # "told the Global Times": the outlet that carried the words


_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "ate", "eon", "ic", "ive")
_NOT_AGENTS = {"paper", "number", "order", "letter", "report", "center", "matter", "power", "water", "border", "corner",
               "river", "future", "measure", "issue", "answer", "computer", "chapter", "manner", "disaster", "character",
               "error", "sector", "factor", "theater", "debate", "climate", "estimate", "candidate", "rate", "state",
               "percent", "event", "moment", "statement", "government", "movement", "agreement", "argument", "comment",
               "document", "element", "department", "parliament", "environment", "development", "management",
               "amendment", "treatment", "settlement", "announcement", "investment", "employment", "achievement",
               "assessment", "commitment", "requirement", "equipment", "content", "president", "incident", "extent",
               "talent", "agent", "plant", "grant", "tenant", "restaurant", "giant", "elephant", "accent", "chart",
               "topic", "public", "traffic", "music", "logic", "clinic", "plastic", "panic", "archive", "motive",
               "objective", "alternative", "initiative", "incentive", "narrative", "perspective", "directive",
               "executive", "representative", "relative", "conservative", "native", "collective", "committee",
               "guarantee", "fee", "degree", "trustee"}


def party_member(phrase: "Phrase") -> str:
    """The party noun of "the Republican", "the Democrat" (a person described by their party), or ''."""
    words = phrase.text.split()
    if len(words) == 2 and words[0].lower() == "the" and words[1] in PARTY_MEMBERS:
        return words[1]
    return ""


def _agent_noun(word: str) -> bool:
    """A noun for a person by its ending ("magnate", "neurosurgeon", "narrator"), for 'the ... says'."""
    return len(word) > 4 and word.endswith(_AGENT_SUFFIXES) and word not in _NOT_AGENTS or word in {
        "magnate", "candidate", "executive", "representative", "conservative", "relative", "native"}


@lru_cache(maxsize=1)
def trigger_words() -> frozenset:
    """Every word at least one cue needs: a sentence holding none of them (and no ':' or tweet credit) has no cue."""
    words = set(lex.cue_verbs())
    for _pattern, _cls, _label, needs in lex.cue_phrases():
        words |= needs
    words |= NOUN_CUES | POLL_WORDS
    words |= {"according", "citing", "quoting", "cited", "quoted", "by", "interview", "conversation", "op-ed", "podcast",
              "speaking", "talking", "comments", "remarks", "column", "essay", "article", "appearance", "first",
              "viral", "source", "sources", "anonymity", "anonymous", "anonymously", "named", "identified", "rumor",
              "rumors", "rumour", "rumours", "post", "posts", "video", "videos", "photo", "photos", "picture",
              "pictures", "image", "images", "claim", "claims", "message", "messages", "comment", "screenshot",
              "screenshots", "speculation", "hashtag", "hashtags", "thread", "footage", "clip", "clips", "livestream",
              "media", "press", "newspapers", "outlets", "reports", "report"}
    return frozenset(words)


_QUOTE_THEN_WORD = re.compile(r"[,?!](?:”|\"|'')\s+\w")


def has_trigger(sentence: str, tokens: list[Token]) -> bool:
    """Whether a sentence can hold a cue at all (a fast test before the cue rules run)."""
    if ":" in sentence or "(@" in sentence or _QUOTE_THEN_WORD.search(sentence):
        return True  # a colon, a tweet credit, or a quotation a verb may follow ('“...!” beamed Carla Mendes')
    triggers = trigger_words()
    return any(t.lower in triggers for t in tokens)


# The characters that IGNORECASE matches to an ASCII letter although their str.lower() is not that letter
# ("ı", "İ" ~ i; "ſ" ~ s; the Kelvin sign ~ k).
_ODD_CASE = ("\u0131", "\u0130", "\u017f", "\u212a")


def plain_case(text: str) -> bool:
    """Whether ``text`` holds none of ``_ODD_CASE``: then an IGNORECASE pattern can only match where
    ``text.lower()`` holds its words in lower case, and a word test on the lower-cased text is an exact prefilter."""
    return not any(c in text for c in _ODD_CASE)


def may_hold(lowered: str, plain: bool, words: tuple[str, ...]) -> bool:
    """Whether an IGNORECASE pattern that needs one of ``words`` (lower case) can match the text whose lower case
    is ``lowered`` (``plain``: ``plain_case`` of the text)."""
    return not plain or any(word in lowered for word in words)


# One of these words is in every match of interview_cues' pattern.
_INTERVIEW_WORDS = ("interview", "conversation", "op-ed", "podcast", "appearance", "speaking", "talking", "comments",
                    "remarks", "column", "essay", "article")


class SentenceCues:
    """The cues of one sentence, found over its tokens."""

    def __init__(self, sentence: str, tokens: list[Token], in_quote: list[bool], names: list[Name], headline: bool = False):
        self.sentence = sentence
        self.tokens = tokens
        self.in_quote = in_quote
        self.names = names
        self.name_at = {}
        for name in names:
            for k in range(name.title_start if name.title_start >= 0 else name.start, max(name.end, name.start + 1)):
                self.name_at[k] = name
        self.quoted = any(in_quote) or any(t.text in {'"', "“", "”"} for t in tokens)
        self.headline = headline
        self.words = {t.lower for t in tokens}
        self.lowered = sentence.lower()  # for the word prefilters of the pattern cues (may_hold)
        self.plain_case = plain_case(sentence)

    # .. phrases ..

    def _is_word(self, k: int) -> bool:
        return 0 <= k < len(self.tokens) and self.tokens[k].text[:1].isalnum()

    def phrase(self, start: int, end: int) -> Phrase:
        tokens = self.tokens
        text = self.sentence[tokens[start].start: tokens[end - 1].end] if end > start else ""
        phrase = Phrase(start, end, text)
        # The head part ends at the first preposition: "a spokesman | for the ministry", "Chen Xin | of ...".
        split = end
        for k in range(start, end):
            if tokens[k].lower in {"of", "for", "at", "with", "from", "in", "on", "to", "inside", "within", "close",
                                   "familiar", "who", "near", "by"} and k > start and not self._inside_name(k):
                split = k
                break
        # "Several of Mr. Trump's advisers", "a significant number of Democrats": the head follows the quantifier's "of".
        if split < end and tokens[split].lower == "of" and (split - start == 1 and tokens[start].lower in QUANTIFIERS
                                                           or tokens[split - 1].lower in QUANTITY_NOUNS):
            split = end
            for k in range(start + 2, end):
                if tokens[k].lower in {"for", "at", "with", "from", "in", "to", "who"}:
                    split = k
                    break
        head_names = [n for n in self.names if n.text and n.start >= start and n.end <= split]
        tail_names = [n for n in self.names if n.text and n.start >= split and n.end <= end]
        last = tail_names[-1] if tail_names else None
        before_last = (last.title_start if last.title_start >= 0 else last.start) - 1 if last is not None else -1
        while before_last > start and tokens[before_last].lower in {"the", "a", "an"}:
            before_last -= 1  # "members of the House": the object of "of", past its article
        if last is not None and last.end == end and last.kind in {"person", "name"} and \
                tokens[before_last].lower not in {"of", "for", "at", "with", "from", "in", "to", "by", "on"}:
            # An English noun phrase ends in its head: "... at the party convention Sen. Elizabeth Warren".
            split = last.title_start if last.title_start >= 0 else last.start
            head_names, tail_names = [last], [n for n in tail_names if n is not last]
        phrase.names = list(reversed(head_names)) + tail_names
        phrase.head_names = list(reversed(head_names))
        if split < end:
            phrase.body = self.sentence[tokens[split].start: tokens[end - 1].end]
        # Possessor: "Clinton's spokesman", "the ministry's statement".
        for k in range(start, split):
            if tokens[k].tag == "POS" and k + 1 < split:
                phrase.body = self.sentence[tokens[start].start: tokens[k].end]
        head_k = split - 1
        while head_k > start and not self._is_word(head_k):
            head_k -= 1
        phrase.head = tokens[head_k].lower if split > start else ""
        if end - start == 1 and tokens[start].lower in PRONOUNS:
            phrase.pronoun = tokens[start].lower
        return phrase

    def _inside_name(self, k: int) -> bool:
        name = self.name_at.get(k)
        return bool(name and name.start < k < name.end)

    def _np_left(self, j: int, limit: int = 14) -> tuple[int, int] | None:
        """The noun phrase ending at token ``j``, walking left: (start, end) or None."""
        tokens = self.tokens
        if j < 0 or self.in_quote[j]:
            return None
        token = tokens[j]
        if token.lower in PRONOUNS and token.lower != "who":
            return (j, j + 1)
        if token.text == "%":
            return self._share_left(j)
        if token.lower in {"surveyed", "polled", "questioned", "interviewed", "asked"} and j > 0 and tokens[j - 1].lower in {
                "those", "people", "voters", "respondents", "adults", "americans", "residents", "democrats", "republicans"}:
            return (j - 1, j + 1)  # "those surveyed said"
        if not (token.text[:1].isalnum() or token.text.startswith("@")):
            return None
        gerund_noun = token.tag == "VBG" and j > 0 and tokens[j - 1].lower in {"into", "of"}  # "research into geoengineering"
        if token.tag.startswith(("VB", "MD", "RB", "IN", "TO", "CC", "W")) and not is_capitalised(token) and not gerund_noun \
                and token.lower not in lex.roles() and token.lower not in PERSON_NOUNS and token.lower not in DATA_WORDS:
            return None
        k = j
        while k - 1 >= 0 and j - k < limit:
            prev = tokens[k - 1]
            lowered = prev.lower
            if self.in_quote[k - 1]:
                break
            if prev.tag == "POS" or lowered in {"-", "&"} or (prev.text in {"/", "on"} or lowered in SURNAME_PARTICLES) \
                    and self._inside_name(k - 1):  # "Bill de Blasio": the particle is tagged as a foreign word
                k -= 1
                continue
            if is_capitalised(prev) and prev.text[:1].isalnum():
                if lowered in {"i"}:
                    break
                if prev.text == "The" and k - 1 > 0 and not is_capitalised(tokens[k - 2]) and tokens[k - 2].lower not in {
                        "of", "at", "for", "with", "from", "by", "to", "in", "on", "and", "&", "-"}:
                    k -= 1  # "The number of people The Washington Post reported": "The" opens the phrase
                    break
                if k - 1 == 0 and k - 1 not in self.name_at and lowered in OPENERS:
                    break  # a word opening the sentence: "Meanwhile some groups have questioned", "But experts warn"
                k -= 1
                continue
            if lowered in {"by", "on", "in"} and k - 2 >= 0 and tokens[k - 2].lower in POST_NOUNS:
                k -= 1  # "a Facebook post by a parent", "viral posts on X", "netizens on Weibo"
                continue
            if lowered in {"with", "to", "on"} and k - 2 >= 0 and tokens[k - 2].lower in {"familiar", "close", "knowledgeable", "briefed"}:
                k -= 1  # "people familiar with the matter", "a person close to the company"
                continue
            if lowered in {"familiar", "close", "knowledgeable"}:
                k -= 1
                continue
            if lowered == "into" and k - 2 >= 0 and tokens[k - 2].lower in {"research", "inquiry", "study", "investigation"}:
                k -= 1  # "Supporters of research into geoengineering argue"
                continue
            if lowered in {"of", "for", "at", "with", "from", "in"} and k - 2 >= 0 and (
                    tokens[k - 2].tag.startswith("NN") or tokens[k - 2].lower in lex.roles() or is_capitalised(tokens[k - 2])) \
                    and lowered != "in" or (lowered == "in" and k - 2 >= 0 and (
                        tokens[k - 2].lower in PERSON_NOUNS or tokens[k - 2].lower in DATA_WORDS or tokens[k - 2].lower in lex.roles()
                        or tokens[k - 2].text in lex.organisation_words())):
                k -= 1
                continue
            if lowered in {"and"} and k - 2 >= 0 and is_capitalised(tokens[k - 2]) and is_capitalised(tokens[k]):
                k -= 1
                continue
            if lowered in DETERMINERS and lowered != "that":
                k -= 1
                if lowered in {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "whose"}:
                    # "An official with | the commission": the determiner opens the object of a preposition.
                    if k - 2 >= 0 and tokens[k - 1].lower in {"by", "on"} and tokens[k - 2].lower in POST_NOUNS:
                        k -= 1
                        continue
                    if k - 2 >= 0 and tokens[k - 1].lower in {"of", "for", "at", "with", "from", "in", "to"} and (
                            tokens[k - 2].lower in lex.roles() or tokens[k - 2].lower.rstrip("s") in lex.roles()
                            or tokens[k - 2].lower in PERSON_NOUNS or tokens[k - 2].lower in DATA_WORDS
                            or tokens[k - 2].lower in {"familiar", "close", "knowledgeable"}
                            or is_capitalised(tokens[k - 2]) and tokens[k - 1].lower in {"of", "at", "with", "from", "for"}) \
                            and not self.in_quote[k - 2]:
                        k -= 1
                        continue
                    break
                continue
            if prev.tag.startswith(("NN", "JJ", "CD", "PRP$", "VBN")) and lowered not in {"that", "who", "which", "what"} \
                    and not (prev.tag.startswith("VBN") and lowered in lex.cue_verbs()) or lowered in lex.roles() \
                    or lowered in PERSON_NOUNS or lowered.endswith("-based"):
                if prev.tag == "VBN" and lowered not in {"elected", "appointed", "retired", "unnamed", "unidentified",
                                                         "anonymous", "named", "based", "informed", "biased", "respected",
                                                         "renowned", "noted", "known", "well-known"}:
                    break
                k -= 1
                continue
            break
        # Do not start with a preposition or conjunction.
        while k < j and tokens[k].lower in {"of", "for", "at", "with", "from", "in", "and", "-", "&"}:
            k += 1
        return (k, j + 1)

    def _share_left(self, j: int) -> tuple[int, int] | None:
        """'47% say', 'about 40% said': a share written with a percent sign that opens its clause, or None
        ("fell 5% say", "a tax of 5% warned": the number belongs to something else)."""
        tokens = self.tokens
        if j < 1 or tokens[j - 1].tag != "CD" or self.in_quote[j - 1]:
            return None
        k = j - 1
        while k > 0 and tokens[k - 1].lower in {"about", "nearly", "almost", "roughly", "only", "just", "around",
                                                "approximately", "some", "over", "than", "more", "fewer", "less"}:
            k -= 1
        if k > 0 and tokens[k - 1].text not in {",", ";", ":", "—", "–", "("} and tokens[k - 1].lower not in {
                "and", "but", "while", "whereas", "that"}:
            return None
        return (k, j + 1)

    def _np_right(self, i: int, limit: int = 12) -> tuple[int, int] | None:
        """The noun phrase starting at token ``i`` (for "said X", "according to X"), up to a boundary."""
        tokens = self.tokens
        n = len(tokens)
        if i >= n:
            return None
        k = i
        while k < n and k - i < limit:
            token = tokens[k]
            lowered = token.lower
            if not (token.text[:1].isalnum() or token.text.startswith("@") or token.tag == "POS" or token.text in {"-", "&"}
                    or token.text == "/" and k > i and k + 1 < n and is_capitalised(tokens[k - 1]) and is_capitalised(tokens[k + 1])):
                break  # (a pollster pair runs on: "a CNN/ORC poll")
            if k > i and lowered in {"that", "who", "which", "whom", "where", "when", "while", "as", "because", "since",
                                     "after", "before", "on", "in", "during", "last", "this", "said", "says", "told",
                                     "and", "but", "to", "is", "was", "has", "had", "would", "will", "could"}:
                if lowered in {"and", "on"} and k + 1 < n and is_capitalised(tokens[k + 1]) and is_capitalised(tokens[k - 1]) and self._inside_name(k):
                    k += 1  # "Ways and Means", "the UN Framework Convention on Climate Change"
                    continue
                if lowered in {"in", "on"} and k + 1 < n and is_capitalised(tokens[k + 1]) and tokens[k - 1].lower in {"officials", "experts", "analysts"}:
                    k += 1
                    continue
                break
            if token.tag.startswith(("VB", "MD")) and not is_capitalised(token) and lowered not in lex.roles() \
                    and lowered not in PERSON_NOUNS and lowered not in DATA_WORDS and lowered not in {"unnamed", "unidentified", "familiar", "based"} \
                    and not lowered.endswith("-based") and k > i and tokens[k - 1].tag != "POS" and not (
                        ("-" in lowered or token.tag in {"VBN", "VBD"}) and k + 1 < n and (tokens[k + 1].tag.startswith("NN") or is_capitalised(tokens[k + 1]))):
                break
            if k > i + 1 and lowered in lex.cue_verbs() and not is_capitalised(token) and k + 1 < n and (
                    tokens[k + 1].lower in {"a", "an", "the", "that"} or tokens[k + 1].tag == "CD"):
                break  # a verb the tagger read as a noun: "data published by the agency show an increase"
            k += 1
        if k == i:
            return None
        while k > i and tokens[k - 1].lower in {"of", "for", "at", "with", "from", "the", "a", "an", "and", "-"}:
            k -= 1
        return (i, k) if k > i else None

    def is_source_phrase(self, phrase: Phrase, cls: str) -> bool:
        """Can this phrase be who a cue of class ``cls`` credits?"""
        if phrase.pronoun:
            return phrase.pronoun in {"he", "she", "they", "it", "who"}
        head = phrase.head
        if self.tokens[phrase.start].lower in NO_ONE_IN_PARTICULAR or head in NO_ONE_IN_PARTICULAR:
            return False  # "whether anyone in Tamil Nadu knows", "everyone agrees": no one in particular
        if phrase.end - phrase.start == 1 and head in lex.quantifier_sources():
            # "many argue", "as some have warned": a group of people, unless it counts ("how many say").
            before = self.tokens[phrase.start - 1].lower if phrase.start > 0 else ""
            return cls in {"say", "think", "stance", "want"} and before not in {"how", "too", "very", "of", "the"}
        if phrase.head_names and any(n.kind in {"person", "name", "organisation", "outlet", "country", "platform", "title"}
                                     for n in phrase.head_names[:1]):
            name = phrase.head_names[0]
            if name.kind == "country" and phrase.end - phrase.start == 1 and cls == "say" and name.text.endswith(("an", "ese", "ish")):
                return True  # "Cuban said": a demonym alone before a verb of saying is a surname (Mark Cuban)
            if name.kind == "country" and head not in {n.text.lower().split()[-1] for n in phrase.names} and head not in PERSON_NOUNS \
                    and head not in lex.roles() and head not in ORGANISATION_DESCRIPTIONS:
                return False  # "the Chinese economy"
            if cls == "show" and name.kind in {"person"} and head not in DATA_WORDS:
                return False
            return True
        if cls in {"show"}:
            return head in DATA_WORDS or head in lex.roles() or head in UNNAMED_TYPES
        if head in DATA_WORDS and cls in {"say"}:
            return head not in {"plan", "decision", "count", "index", "numbers", "results", "tape", "footage", "model",
                                "models", "tally", "book", "speech", "interview", "opinion", "paper"}
        if party_member(phrase) and cls in {"say", "think", "stance", "want", "ask"}:
            return True  # "the Republican said", "the Democrat told Yahoo"
        if AGE_RE.fullmatch(head) and phrase.text[:4].lower() == "the " and cls in {"say", "think", "stance", "want", "ask"}:
            return True  # "the 46-year-old said": a person described by their age
        if cls in {"say", "think"} and head.isdigit() or head in {"those", "respondents", "surveyed", "polled", "questioned",
                                                                   "interviewed"} and cls in {"say", "think", "stance", "want"}:
            return True  # "Six in 10 say", "those surveyed say"
        if head in SHARE_HEADS and cls in {"say", "think", "stance", "want", "call"}:
            return True  # "47% say", "a majority of Republicans believe"
        if head.endswith("s") and head[:-1] in lex.roles():
            head = head[:-1]
        elif head.endswith("men") and head[:-3] + "man" in lex.roles():
            head = head[:-3] + "man"  # "the committee chairmen wrote", "congressmen said"
        if head in lex.roles() or head in UNNAMED_TYPES or head in PERSON_NOUNS or head in OUTLET_DESCRIPTIONS \
                or head in ORGANISATION_DESCRIPTIONS:
            return head not in {"the", "both", "most", "many", "some", "few", "all"} or phrase.end - phrase.start == 1 and head in {"some", "many", "most", "few", "both", "all"}
        if lex.anonymity_re().search(phrase.text):
            return True
        if cls in {"say"} and phrase.text[:4].lower() in {"the ", "a ", "an "} | {"the"} and _agent_noun(head):
            return True  # "the billionaire real estate magnate says", "says a narrator"
        if cls in {"say", "think", "stance", "want"} and head.endswith("ists") and _agent_noun(head[:-1]) \
                and phrase.end - phrase.start <= 3:
            return True  # "Environmentalists fear", "climate scientists warn": a group of people by their calling
        return False

    def _after_bare_quantifier(self, i: int) -> bool:
        """The verb at ``i`` follows a quantifier that is its whole subject ("many argue", ", some say,", "that
        most insist"), not a determiner of a noun ("some claims were false", "many reports")."""
        tokens = self.tokens
        if i < 1 or tokens[i - 1].lower not in lex.quantifier_sources() or not tokens[i].tag.startswith(("VBP", "VBD")):
            return False
        before = tokens[i - 2] if i > 1 else None
        if before is not None and before.text[:1].isalnum() and before.lower not in {"that", "and", "but", "while", "which",
                                                                                     "though", "although", "yet"}:
            return False
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return nxt is None or not (nxt.tag.startswith(("VB", "MD")) or nxt.lower in {"of", "'s", "’s"})

    # .. the source of a verb ..

    def _person_before_asides(self, j: int) -> int | None:
        """With token ``j`` the comma before a verb: the last token of a person's name that one or more asides
        follow ("Brianne Stone, 29, of Huntsville, Ala., says" -> "Stone"), else None."""
        tokens = self.tokens
        k, skipped = j, False
        while True:
            m = k - 1
            while m >= 0 and tokens[m].text != "," and k - m <= 6:
                m -= 1
            if m <= 0 or tokens[m].text != "," or m + 1 >= k:
                break
            aside = self.sentence[tokens[m + 1].start: tokens[k - 1].end]
            if not PERSON_ASIDE.fullmatch(aside) and not (aside in lex.places() and tokens[m - 1].text[:1].isupper()):
                break  # (a state after a town: "Ana Lee of Austin, Texas, said")
            k, skipped = m, True
        name = self.name_at.get(k - 1)
        if skipped and name is not None and name.end == k and name.kind in {"person", "name"} \
                and not (name.start > 0 and tokens[name.start - 1].lower in {"of", "from"}):
            return k - 1
        if skipped and name is not None and name.end == k and name.kind in {"country", "name"} and name.start >= 2 \
                and tokens[name.start - 1].lower in {"of", "in", "from"} and not self.in_quote[name.start - 2] and (
                    self._role_word(tokens[name.start - 2].lower) or tokens[name.start - 2].lower in PERSON_NOUNS):
            return k - 1  # "The mayor of Phoenix, Ariz., said", "Voters in Tempe, Ariz., say": the role before the place
        if skipped and name is not None and name.end == k and name.kind in {"country", "name"} and name.start >= 2 \
                and tokens[name.start - 1].lower in {"of", "from"}:
            person = self.name_at.get(name.start - 2)
            if person is not None and person.kind in {"person", "name"} and person.end == name.start - 1:
                return name.start - 2  # "Michael Brown of Washington, D.C., said": the person before the place
        return None

    @staticmethod
    def _role_word(word: str) -> bool:
        return word in lex.roles() or word.endswith("s") and word[:-1] in lex.roles()

    def subject_before(self, i: int, cls: str = "") -> tuple[Phrase | None, str]:
        """The source phrase before the cue at token ``i`` and how it was found ('subject', 'relative', '');
        ``cls``: the cue's class (a verb of saying coordinated with a past verb takes its subject)."""
        tokens = self.tokens
        j = i - 1
        # Auxiliaries and adverbs between the subject and the verb: "has previously said", "on Monday said".
        while j >= 0:
            lowered = tokens[j].lower
            if lowered in AUXILIARIES or tokens[j].tag in {"RB"} and lowered.endswith("ly") or lowered in {"here", "there"} and j > 0:
                j -= 1
                continue
            # "have in the past said", "has in recent weeks warned", "have for years argued", "has at times suggested"
            if j >= 2 and lowered in {"past", "years", "months", "weeks", "days", "times", "decades", "public", "private"}:
                words = " ".join(t.lower for t in tokens[max(0, j - 2): j + 1])
                adverbial = re.search(r"(?:^|\s)(?:in\s+the\s+past|in\s+recent\s+\w+|for\s+(?:\w+\s+)?\w+|at\s+times|in\s+public|in\s+private)$", words)
                if adverbial and j - len(adverbial.group(0).split()) >= 0 and tokens[j - len(adverbial.group(0).split())].lower in AUXILIARIES:
                    j -= len(adverbial.group(0).split())
                    continue
            # A date: "Savannah Guthrie on June 1 criticized", "the agency in March said", "on Dec. 5"
            date_end = j - 1 if tokens[j].tag == "CD" and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", lowered) else j
            if date_end >= 1 and tokens[date_end].lower.rstrip(".") in MONTHS and tokens[date_end - 1].lower in {
                    "on", "in", "last", "this", "early", "late", "since", "until"} and date_end - 1 > 0:
                j = date_end - 2
                continue
            if re.fullmatch(r"(?:19|20)\d\d", lowered) and j >= 2 and tokens[j - 1].lower in {"in", "since", "during"} \
                    and not self.in_quote[j]:
                j -= 2  # "a government study in 2012 estimated", "Trump in 2011 claimed"
                continue
            if lowered in TIME_WORDS and j in self.name_at:
                break  # "Day said": a name, not a time
            if lowered in TIME_WORDS and (lowered not in {"in", "at", "this", "on", "last", "next", "early", "late"} or
                                          j + 1 < i and tokens[j + 1].lower in TIME_WORDS | {"monday", "tuesday"}):
                # "on Monday", "last week", "Tuesday night" - but "in" and "at" only before a time word.
                if lowered in {"in", "at", "during"} and not (j + 1 < i and tokens[j + 1].lower in TIME_WORDS):
                    break
                j -= 1
                continue
            # "A Reuters/Ipsos poll released on Friday showed": the participle after the subject.
            if tokens[j].lower in {"released", "published", "conducted", "issued", "taken", "completed", "compiled",
                                   "obtained", "seen", "reviewed", "posted", "aired", "broadcast", "circulated", "made",
                                   "filed", "sent", "written", "cited", "leaked", "unveiled", "out"} and j > 0 and (
                    tokens[j - 1].tag.startswith("NN") or is_capitalised(tokens[j - 1])):
                j -= 1
                continue
            # An aside between dashes: "The Supreme Court justice -- who has been in a scuffle -- said".
            if tokens[j].text in {"-", "—", "–"} and j > 0:
                k = j - 1
                while k >= 0 and tokens[k].text == "-":
                    k -= 1
                m = k
                while m >= 0 and tokens[m].text not in {"-", "—", "–"} and k - m < 30:
                    m -= 1
                if m > 0 and tokens[m].text in {"-", "—", "–"}:
                    while m > 0 and tokens[m - 1].text == "-":
                        m -= 1
                    j = m - 1
                    continue
            # A parenthesis ("Sen. Marco Rubio (R-Fla.) said") or a short aside (", in fact,", ", however,").
            if tokens[j].text == ")":
                k = j - 1
                while k >= 0 and tokens[k].text != "(" and j - k < 12:
                    k -= 1
                if k >= 0 and tokens[k].text == "(":
                    j = k - 1
                    continue
            if tokens[j].text == "," and j - 1 >= 0:
                k = j - 1
                while k >= 0 and tokens[k].text != "," and j - k <= 5:
                    k -= 1
                aside = " ".join(t.lower for t in tokens[k + 1:j])
                tag_text = self.sentence[tokens[k + 1].start: tokens[j - 1].end] if k + 1 < j else ""
                if k >= 0 and tokens[k].text == "," and (aside in ASIDES or PARTY_TAG.fullmatch(tag_text)
                                                         or PREPOSITIONAL_ASIDE.match(aside) and k > 0):
                    j = k - 1
                    continue
                person = self._person_before_asides(j)
                if person is not None:
                    j = person  # ", 29," / ", of Huntsville," / ", Ala.,": the person is before them
                    continue
            break
        if j < 0:
            return None, ""
        token = tokens[j]
        if token.lower in {"and", "but", "or", "then"} and j > 0:
            # "House Democrats seized the floor and said": the subject of the verb before.
            phrase = self.main_subject(j, past=cls == "say")
            return (phrase, "subject") if phrase else (None, "")
        if token.lower == "who" or token.lower == "which":
            # "Jessica Leeds, who said ...": the noun phrase before the relative pronoun.
            k = j - 1
            if k >= 0 and tokens[k].text == ",":
                k -= 1
            span = self._np_left(k)
            nearest = self.name_at.get(k) if k >= 0 else None
            if span and nearest is not None and nearest.end == k + 1 and nearest.kind in {"person", "name", "organisation", "outlet"} \
                    and nearest.start > span[0]:
                span = (nearest.title_start if nearest.title_start >= 0 else nearest.start, k + 1)  # "the tone of Cruz, who"
            if span and token.lower == "who" and not self.is_source_phrase(self.phrase(*span), "say"):
                # "a lecture from the Mexican president, who said": "who" is a person, the last phrase's.
                for m in range(k, span[0], -1):
                    if tokens[m].lower in {"of", "from", "for", "with", "at", "by", "to"}:
                        if m < k and self.is_source_phrase(self.phrase(m + 1, k + 1), "say"):
                            span = (m + 1, k + 1)
                        break
            if span:
                # "Trump is a serial liar ... who has pledged": the subject of "is", not the description.
                start = span[0]
                for _ in range(12):  # "a serial liar, rampant xenophobe, racist, misogynist and birther who"
                    if start > 1 and tokens[start - 1].text in {",", "and", "or"}:
                        prev_span = self._np_left(start - 2)
                        if prev_span:
                            start = prev_span[0]
                            continue
                    break
                named = self.name_at.get(span[1] - 1)
                if start > 0 and tokens[start - 1].lower in {"is", "was", "'s", "’s", "remains", "became", "are", "were"} and not (
                        named is not None and named.end == span[1] and named.kind in {"person", "organisation", "outlet"}):
                    # ("One such politician was President Barack Obama, who claimed": the name itself.)
                    phrase, _how = self.subject_before(start - 1)
                    return (phrase, "relative") if phrase else (None, "")
                return self.phrase(*span), "relative"
            return None, ""
        if token.text == "," and j - 1 >= 0 and tokens[j - 1].text == ")":
            k = j - 2
            while k >= 0 and tokens[k].text != "(" and j - k < 14:
                k -= 1
            if k > 0 and tokens[k].text == "(":
                span = self._np_left(k - 1)
                if span:
                    return self.phrase(*span), "subject"
        if token.text == "," and j - 1 >= 0:
            # "X, a spokesman for Y, said" / "X, who ..., said" / "X, for his part, said"
            p = j - 1
            depth = 0
            while p >= 0 and tokens[p].text not in {",", ";", ":", "—", "–", "(", ")"} and tokens[p].text not in {'"', "“", "”"}:
                p -= 1
                depth += 1
                if depth > 30:
                    return None, ""
                if p > 0 and tokens[p].text == ")" and p + 1 < j:
                    # an acronym in brackets inside the aside: "director of the Institute (IASS) in Potsdam,"
                    q = p - 1
                    while q > 0 and tokens[q].text != "(" and p - q < 6:
                        q -= 1
                    if tokens[q].text == "(":
                        depth += p - q
                        p = q - 1
            segment = tokens[p + 1: j]
            if not segment:
                return None, ""
            seg_start = p + 1
            before_span = None
            if p >= 0 and tokens[p].text == "," and p - 1 >= 0:
                q = p - 1
                # "Sanders, meanwhile, who sits at zero endorsements, said": skip the asides before it too.
                for _ in range(2):
                    r = q
                    while r >= 0 and tokens[r].text != "," and q - r <= 4:
                        r -= 1
                    if r > 0 and tokens[r].text == "," and (" ".join(t.lower for t in tokens[r + 1:q + 1]) in ASIDES
                                                            or q == r + 1 and tokens[q].tag == "CD"):
                        q = r - 1  # ", meanwhile," or an age: "Lance Beebe, 49, a Navy veteran ..., said"
                    else:
                        break
                if tokens[q].text == ")":
                    # "Sen. Ted Cruz (R-Texas), also a GOP presidential hopeful, called": the name before the parenthesis.
                    r = q - 1
                    while r > 0 and tokens[r].text != "(" and q - r < 12:
                        r -= 1
                    if r > 0 and tokens[r].text == "(":
                        q = r - 1
                before_span = self._np_left(q)
                # "Khizr Khan, whose son, Army Capt. Humayun Khan, was killed in Iraq, delivered": the son is named in
                # an aside about the father, who is the subject.
                if before_span and before_span[0] >= 4 and tokens[before_span[0] - 1].text == ",":
                    w = before_span[0] - 2
                    while w > 0 and tokens[w].lower != "whose" and before_span[0] - w <= 4 and tokens[w].text[:1].isalpha():
                        w -= 1
                    if w > 1 and tokens[w].lower == "whose" and tokens[w - 1].text == ",":
                        father = self._np_left(w - 2)
                        if father and segment[0].tag in {"VBD", "VBZ", "VBP", "MD"}:
                            return self.phrase(*father), "subject"  # the aside's own verb ends it
                        before_span = father or before_span
            first = segment[0].lower
            if before_span and (first in {"who", "which", "whose", "however", "though", "too", "meanwhile", "also",
                                          "in", "on", "at", "for", "speaking", "asked", "when", "while", "after",
                                          "before", "during", "according", "like", "unlike", "as", "citing", "quoting",
                                          "writing", "responding", "appearing", "addressing", "standing", "interviewed",
                                          "reached", "contacted", "reacting", "commenting", "then", "now", "still",
                                          "again", "separately", "similarly", "instead", "too", "nonetheless",
                                          "nevertheless", "moreover", "furthermore", "likewise", "though", "yet",
                                          "in turn", "earlier", "later", "once", "himself", "herself", "by"}
                                or segment[0].tag == "CD" or first.endswith("ing") or segment[0].tag in {"VBN", "VBG"}
                                or len(segment) <= 3 and all(t.tag.startswith(("RB", "JJ", "VBN")) for t in segment)
                                or segment[0].tag.startswith("JJ") and any(t.lower == "to" for t in segment[1:5])  # ", eager all evening to jab senators,"
                                or len(segment) <= 6 and segment[-1].lower in TIME_WORDS | {"later", "earlier", "ago", "before"}  # ", only two months later,"
                                or first in DETERMINERS or segment[0].tag == "PRP$"
                                or first in lex.roles() or first in {"former", "senior", "chief", "deputy"}
                                or any(t.tag == "POS" for t in segment[:4])
                                or any(t.lower in lex.roles() or t.lower.rstrip("s") in lex.roles() for t in segment[:5])):
                phrase = self.phrase(*before_span)
                seg_phrase = self.phrase(seg_start, j)
                # "The spokeswoman, Hope Hicks, said": a name in apposition to a description is the source.
                # So is an outlet's or a body's: "the prestigious UK journal, The Lancet, suggested".
                if self._named_in_apposition(phrase, seg_phrase, seg_start, j):
                    return seg_phrase, "subject"
                return phrase, "subject"
            # "Tesla, China for its part, has declined": an aside at the end of the segment; a place before it
            # belongs to the name before the comma.
            words = " ".join(t.lower for t in segment)
            for aside in ASIDES:
                if words.endswith(" " + aside) and before_span:
                    rest = segment[: len(segment) - len(aside.split())]
                    if all(t.text in lex.places() or not t.text[:1].isalnum() for t in rest):
                        return self.phrase(*before_span), "subject"
            # "..., Trump, said"? rare; or a clause before the comma: no subject here.
            seg_span = self._np_left(j - 1)
            if seg_span and (seg_span[0] == seg_start or seg_span[0] == seg_start + 1 and tokens[seg_start].lower in {
                    "but", "yet", "so", "still", "meanwhile", "now", "then", "instead", "indeed"}):  # "But Obama, making"
                phrase = self.phrase(*seg_span)
                if phrase.names or phrase.pronoun:
                    return phrase, "subject"
            return None, ""
        contraction = re.fullmatch(r"(he|she|they|we|who)['’](?:s|ve|d|ll|re)", token.lower)
        if contraction and not self.in_quote[j]:
            # "he's said", "she's hoping", "who've announced": the tokenizer keeps the pronoun and its auxiliary as one.
            phrase = self.phrase(j, j + 1)
            phrase.pronoun = phrase.head = contraction.group(1)
            return phrase, "subject"
        unclosed = self._unclosed_apposition(j)
        if unclosed is not None:
            return unclosed, "subject"
        span = self._np_left(j)
        if span is None or tokens[i].tag in {"VBD", "VBZ"} or not self.is_source_phrase(self.phrase(*span), cls or "say"):
            # "The state officials whose laws have been invalidated say", "Parents who drove their children to
            # the rally said": the officials, the parents. A bare form after a person keeps the person: "who
            # heard the mayor say". Only for a finite verb ("in order to", "by publicly expressing" are none).
            finite = tokens[i].tag in {"VBD", "VBZ", "VBP"} or tokens[i].tag in {"VB", "VBN"} and tokens[i - 1].lower in AUXILIARIES
            relative = self._relative_subject(j) if finite and not tokens[j].tag.startswith(("IN", "TO", "DT", "CC")) else None
            if relative is not None:
                return relative, "subject"
        if span is None:
            return None, ""
        phrase = self.phrase(*span)
        if phrase.pronoun == "they" and span[0] >= 2 and tokens[span[0] - 1].lower in {"but", "and"} \
                and tokens[span[0] - 2].text == ",":
            # "Scientists are unclear about the reasons, but they say": the unnamed group the clause before is about
            earlier = self.main_subject(span[0] - 1)
            if earlier is not None and not earlier.pronoun and not earlier.names and earlier.head.endswith("s") \
                    and self.is_source_phrase(earlier, cls or "say"):
                return earlier, "subject"
        if span[0] > 1 and tokens[span[0] - 1].lower in {"of", "for", "from", "to", "with", "over", "about", "against", "on"}:
            opening = self._participle_modified_subject(span[0] - 1, cls or "say")
            if opening is not None:
                return opening, "subject"
        return phrase, "subject"

    def _participle_modified_subject(self, before: int, cls: str) -> Phrase | None:
        """"Democrats trying to regain control of the Senate in November say": the phrase before the verb is the
        object of a preposition in a participle phrase ("Officials familiar with the plans of the company said":
        the officials, not the company); the subject is the one the participle follows, opening the sentence.
        None when there is no such participle (the phrase before the verb is the subject)."""
        tokens = self.tokens
        for m in range(before - 1, max(0, before - 12), -1):
            if tokens[m].text in {",", ";", ":", '"', "“", "”"} or tokens[m].tag in {"VBD", "VBZ", "VBP", "MD"}:
                return None
            if m >= 1 and (tokens[m].tag == "VBG" and tokens[m].lower.endswith("ing")
                           or tokens[m].lower in {"familiar", "close", "knowledgeable", "briefed", "involved"}):
                span = self._np_left(m - 1)
                if span is None or not (span[0] == 0 or span[0] == 1 and tokens[0].lower in OPENERS):
                    return None
                phrase = self.phrase(*span)
                return phrase if self.is_source_phrase(phrase, cls) else None
        return None

    def _named_in_apposition(self, phrase: Phrase, segment: Phrase, seg_start: int, seg_end: int) -> bool:
        """Whether the aside between commas is only the name of what the phrase before it describes: "the
        prestigious UK journal, The Lancet," / "The Texas senator, Ted Cruz,". Not "leaders, led by X,"."""
        if not segment.names or any(n.kind in {"person", "organisation", "outlet", "name"} for n in phrase.names):
            return False
        name = next((n for n in segment.names if n.end == seg_end), None)
        if name is None:
            return False
        start = name.title_start if name.title_start >= 0 else name.start
        # Only a title, a body or "the" before the name: "White House press secretary Hope Hicks"
        before = self.tokens[seg_start:start]
        return name.kind in {"person", "organisation", "outlet"} and name.end == seg_end and all(
            is_capitalised(t) or t.lower in {"the", "'s", "’s", "of"} or t.tag.startswith(("NN", "JJ")) for t in before)

    def _unclosed_apposition(self, j: int) -> Phrase | None:
        """'Keith, a professor of applied physics at Harvard announced': an apposition whose closing comma is
        missing. With token ``j`` the last before the verb: the name before the opening comma, if it opens the
        clause and the apposition is a description with a role or a kind of body and no verb of its own."""
        tokens = self.tokens
        k = j
        while k > 0 and tokens[k].text not in {",", ";", ":", "(", ")", '"', "“", "”", "-", "—", "–"} and j - k <= 12:
            k -= 1
        if k < 1 or tokens[k].text != "," or k + 2 > j or tokens[k + 1].lower not in {"a", "an"} or self.in_quote[k]:
            return None
        described = tokens[k + 2: j + 1]
        if any(t.tag in {"VBD", "VBZ", "VBP", "MD", "WP", "WDT"} or t.lower in {"that", "and", "but"} for t in described):
            return None
        kinds = _body_kind_words()
        if not any(self._role_word(t.lower) or t.lower in kinds for t in described):
            return None
        name = self.name_at.get(k - 1)
        if name is None or name.end != k or name.kind not in {"person", "organisation", "outlet", "name"}:
            return None
        start = name.title_start if name.title_start >= 0 else name.start
        if start > 0 and tokens[start - 1].lower in DETERMINERS:
            start -= 1
        if start > 0 and tokens[start - 1].text != ",":
            return None  # the name must open the clause: "Earlier this year, Keith, a professor ..."
        return self.phrase(start, k)

    def _relative_subject(self, j: int) -> Phrase | None:
        """'The state officials whose laws have been invalidated say', 'Voters who trust the mayor say': the
        noun phrase before a relative clause that ends right before the verb at ``j`` + 1 is its subject (for a bare
        form, asked only when the words right before it are no source: 'Voters who heard the mayor say'). Not
        when the clause holds a verb of saying or thinking of its own ('Residents who think the plan says'), and
        only for a phrase that opens its clause (not the object of a verb: 'He met voters who ...')."""
        tokens = self.tokens
        w = j
        while w > 0 and j - w < 14:
            token = tokens[w]
            if self.in_quote[w] or not (token.text[:1].isalnum() or token.tag == "POS"):
                return None
            if token.lower in {"who", "whose"} and w < j:
                break
            verb = lex.cue_verbs().get(token.lower)
            if verb is not None and verb.cls in {"say", "think", "show"} and token.tag.startswith("VB") or token.lower in {
                    "that", "which", "if", "whether", "because", "when", "while", "as", "after", "before", "since"}:
                return None
            w -= 1
        else:
            return None
        if tokens[w].lower not in {"who", "whose"} or not any(
                tokens[m].tag.startswith(("VBD", "VBZ", "VBP", "MD", "VBN")) for m in range(w + 1, j + 1)):
            return None
        span = self._np_left(w - 1)
        if span is None:
            return None
        before = tokens[span[0] - 1] if span[0] > 0 else None
        if before is not None and before.text not in {",", ";", ":", "—", "–"} and before.lower not in {
                "and", "but", "while", "that", "because", "since", "although", "though", "yet"}:
            return None
        return self.phrase(*span)

    def subject_after(self, i: int) -> Phrase | None:
        """'"...," said Jane Roe, a spokeswoman for the ministry': the phrase after the verb."""
        span = self._np_right(i + 1, limit=10)
        if not span:
            return None
        phrase = self.phrase(*span)
        if phrase.pronoun in {"it", "they", "who"}:
            return None
        tokens = self.tokens
        if not phrase.names and span[1] + 1 < len(tokens) and tokens[span[1]].text == ",":
            # '"...," said the study's lead author, Alice Marzocchi': the person the description names
            named = next((n for n in self.names if n.start == span[1] + 1 and n.kind == "person"), None)
            if named is not None and (named.end >= len(tokens) or tokens[named.end].text in {".", ",", ";", "!", "?"}):
                return self.phrase(named.start, named.end)
        return phrase

    def main_subject(self, before: int, past: bool = False) -> Phrase | None:
        """The subject of the sentence's first verb before token ``before`` (for ", saying ...").

        ``past``: a past form the tagger reads as a participle ("positioned", "seized", "staked") is the verb too
        when it follows the sentence's opening name or pronoun: "She also compared Trump to Clinton, saying".
        """
        opening = self._after_opening_phrase(before)
        if opening:
            phrase = self._main_subject_from(opening, before, past)
            if phrase is not None:
                return phrase
        return self._main_subject_from(0, before, past)

    def _main_subject_from(self, first: int, before: int, past: bool) -> Phrase | None:
        tokens = self.tokens
        for k in range(first, before):
            token = tokens[k]
            if self.in_quote[k]:
                continue
            if token.tag.startswith(("VBD", "VBZ", "VBP", "MD")) and not is_capitalised(token) or (
                    token.lower in lex.cue_verbs() and token.tag.startswith("VB")):
                phrase, _how = self.subject_before(k)
                return phrase
            if token.tag == "NNS" and 0 < k and k + 1 < before and tokens[k + 1].lower in {"the", "a", "an", "his", "her", "their"} \
                    and (tokens[k - 1].lower in {"he", "she"} or (k - 1) in self.name_at and self.name_at[k - 1].end == k):
                phrase = self._opening_subject(k)  # "Sanders rips the agreement, arguing": a verb the tagger took for a plural
                if phrase is not None:
                    return phrase
            if past and token.tag == "VBN" and not is_capitalised(token):
                phrase = self._opening_subject(k)
                if phrase is not None:
                    return phrase
        return None

    def _after_opening_phrase(self, before: int) -> int:
        """The token after an opening prepositional phrase that ends in a comma before ``before``, else 0:
        "In a letter to Senate colleagues released Monday, Sanders rips the deal, arguing" (not "released")."""
        return opening_end(self.tokens, OPENING_PREPOSITIONS, self.in_quote, before)

    def _opening_subject(self, k: int) -> Phrase | None:
        """The name or pronoun that opens the sentence right before the past verb at ``k`` ("Obama positioned",
        "House Democrats seized", "He also staked"), or None ("The plan, unveiled Tuesday, ...")."""
        phrase, how = self.subject_before(k)
        if phrase is None or how != "subject" or k + 1 < len(self.tokens) and self.tokens[k + 1].lower == "by":
            return None
        opens = phrase.start == 0 or phrase.start == 1 and self.tokens[0].lower in OPENERS  # "When Trump later referred"
        if not opens and not (self.tokens[phrase.start - 1].text == "," and not any(
                t.tag.startswith(("VB", "MD")) and not (t.tag in {"VBN", "VBG"} and self.tokens[0].lower not in OPENING_CLAUSES
                                                        and self._after_opening_phrase(k) == phrase.start)
                or t.text in {'"', "“", "”"} for t in self.tokens[:phrase.start - 1])):
            return None  # the sentence's subject opens it, or follows an opening phrase with no verb ("In his speech, Obama")
        between = self.tokens[phrase.end:k]
        aside = len(between) >= 3 and between[0].text == "," and between[-1].text == "," and not any(
            t.tag.startswith(("VBD", "VBZ", "VBP", "MD")) or t.text in {'"', "“", "”"} for t in between)
        if not aside and any(t.text[:1].isalnum() and t.lower not in AUXILIARIES and not t.tag.startswith("RB") for t in between):
            return None  # (an aside between them is no verb: "Silverman, herself a Sanders supporter, incurred")
        if phrase.pronoun in {"he", "she", "they", "we"} or phrase.head_names and phrase.head_names[0].kind in {
                "person", "name", "organisation", "outlet"} or not phrase.names and (phrase.head in lex.roles() or phrase.head in PERSON_NOUNS):
            return phrase  # a name, a pronoun, or a person described: "The candidate changed her story, stating"
        return None

    # .. the cues ..

    def verb_cues(self) -> list[Cue]:
        cues: list[Cue] = []
        tokens, n = self.tokens, len(self.tokens)
        verbs = lex.cue_verbs()
        in_quote = self.in_quote
        for i in [k for k, t in enumerate(tokens) if t.lower in verbs and not in_quote[k]]:  # the cue verbs outside quotes
            token = tokens[i]
            lowered = token.lower
            verb = verbs[lowered]
            if is_capitalised(token) and i > 0 and not self.headline \
                    and not self.sentence[:token.start].rstrip().endswith(('"', "”", ",", ":")):
                continue
            bare = self._bare_report(i, verb.lemma)
            if bare is not None:
                if self.is_source_phrase(bare, "say"):
                    cues.append(Cue("verb", verb.cls, token.start, token.end, lowered, bare, i))
                continue
            prev = tokens[i - 1].lower if i > 0 else ""
            nxt = tokens[i + 1].lower if i + 1 < n else ""
            after = self.sentence[token.end:]
            if lowered == "reported" and BYLINE_PLACE.match(after):
                continue  # "Costa reported from Washington.": a reporter's credit line, no attribution
            if i > 1 and tokens[i - 1].tag == "JJS" and (tokens[i - 2].tag == "POS" or tokens[i - 2].lower in NOUN_BEFORE):
                continue  # "Mr. Ackman's biggest bet", "the biggest claim": a noun after a superlative
            if i > 2 and i + 2 >= n and (i + 1 == n or tokens[i + 1].text in {".", "!", "?"}) and tokens[i - 1].tag == "NN":
                # "aspects of her other campaign promises.": a compound noun ending the sentence, inside a
                # prepositional phrase (a possessive and at most one word between the preposition and the noun)
                opener = next((k for k in range(i - 2, max(-1, i - 5), -1) if tokens[k].tag == "PRP$"), None)
                if opener is not None and opener > 0 and tokens[opener - 1].lower in {"of", "about", "on", "for", "with", "to", "from", "in"}:
                    continue
            # Nouns and adjectives: "the report", "his claims", "Trump's support", "the said agreement".
            verb_not_noun = prev == "which" and i > 1 and tokens[i - 2].text == "," and not lowered.endswith("s")  # ", which argued"
            # "He later suggested", "Trump further claimed": an adverb after the subject, not "later reports".
            verb_not_noun = verb_not_noun or prev in {"later", "earlier", "further"} and i > 1 and (
                tokens[i - 2].lower in PRONOUNS or (i - 2) in self.name_at)
            # "has in the past questioned", "has in public criticized": a time or manner phrase, not "past claims"
            verb_not_noun = verb_not_noun or prev in {"past", "public", "private"} and i > 2 and tokens[i - 2].lower in {"the", "in"} \
                and (tokens[i - 2].lower == "in" or tokens[i - 3].lower == "in")
            if prev in NOUN_BEFORE and not self._after_bare_quantifier(i) and not verb_not_noun or (i > 0 and tokens[i - 1].tag == "POS") or (
                    prev in {"first", "last", "second", "third"} and i > 1 and tokens[i - 2].lower in {"the", "a", "an", "his", "her", "its", "their"}):
                if not (lowered in {"said", "says"} and prev not in {"the", "said", "aforementioned", "such"}):
                    continue
            if lowered in {"said"} and prev in {"the", "aforementioned", "such"}:
                continue
            if nxt == "of" and lowered not in {"thought", "think", "thinks", "spoke", "warned", "warn", "warns",
                                                "complained", "boasted", "bragged", "despaired", "told", "wrote", "said",
                                                "says", "say", "asked", "asks", "added", "adds", "remarked", "quipped",
                                                "joked", "noted", "explained", "argued", "insisted", "declared", "tweeted"}:
                continue  # "claims of fraud", "reports of"
            if lowered.endswith("ing") and lowered in NOT_PARTICIPLES:
                continue
            # A reduced passive: "The Paris Agreement, endorsed by members of the convention": the agreement is no source
            # (the agent after "by" is read as one where the cue allows it).
            if prev == "," and nxt == "by" and token.tag in {"VBN", "VBD"} and lowered.endswith(("ed", "en", "wn", "ld", "ght", "id", "ne")):
                continue
            # Passives: "was told to leave", "is expected to", "were asked", "is known for", "has been repeatedly
            # criticized by" (an adverb between).
            aux = prev
            if i > 1 and tokens[i - 1].tag == "RB" and prev.endswith("ly"):
                aux = tokens[i - 2].lower
            if (aux in {"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get", "got", "gets"}
                    or re.fullmatch(r"(?:he|she|they|we|who|it)['’](?:s|re)", prev) and (  # "who's viewed as", not "he's said"
                        nxt in {"as", "to", "by"} or lowered in {"viewed", "seen", "expected", "considered", "regarded", "known"})) and (
                    token.tag in {"VBN", "VBD"} or lowered.endswith(("ed", "en", "wn", "ld", "ght", "id", "ne", "ur", "lt", "nd", "ut"))) \
                    and not lowered.endswith("ing"):
                if not (lowered == "quoted" and re.match(r"\s+as\b", after)):
                    continue
            if verb.cls == "call":
                if _CALL_NOT.match(after) or not _CALL_OBJECT.match(after) or prev in {"so", "so-"}:
                    continue
            if verb.cls == "ask" and not _ASK_OBJECT.match(after) and not re.match(r"\s+(?:[\w’'.-]+\s+){0,4}[\w’'.-]+\s*[.:]\s*$", after) and not (i > 0 and tokens[i - 1].text in {'"', "”", ",", "?", "'", "’"}
                                                                            or i > 1 and tokens[i - 2].text in {'"', "”", "'", "’"}):
                continue
            if verb.lemma in {"decline", "refuse"}:
                if not _DECLINE_OBJECT.match(after):
                    continue
            if verb.lemma in {"add"} and not re.match(r"\s*(?:that\b|,|:|“|\"|\.|$|in\b|on\b|[a-z]+ly\b)", after) and not self.quoted:
                continue  # "the economy added 200,000 jobs"
            if verb.lemma in {"post"} and re.match(
                    r"\s+(?:a|an|its|their|his|her|record|strong|weak)?\s*(?:[\w$.,%-]+\s+){0,4}?(?:profit|loss|revenue|sales|earnings|"
                    r"gain|decline|growth|results|deficit|surplus|record|increase|drop|time|score)s?\b", after, re.I):
                continue
            # "found" needs what was found ("that ...", "no evidence"), unless it ends the sentence after the finding:
            # "Damage has cost $5.1bn in the last decade, Verisk found."
            find_guard = verb.lemma in {"find"} and not re.match(r"\s+(?:that|it|no|little|evidence|[a-z]+\s+(?:that|to))\b", after) \
                and not (re.match(r"\s*[.;]?\s*$", after) and self.sentence.rfind(",", 0, token.start) >= 30)
            if verb.lemma in {"see", "view", "regard", "remember"} and not re.match(r"\s+(?:that\b|(?:[\w’'.-]+\s+){0,5}as\b)", after):
                continue  # "sees these gains as evidence", "remembers Mr. Bush as", not "would see a 50 percent increase"
            if verb.lemma in {"consider", "figure", "know", "understand", "feel"} and not re.match(
                    r"\s+(?:that|it|him|her|them|this|the|a|an|as|how|what|why|whether|if|[A-Z]\w+)\b", after):
                continue
            if verb.lemma == "show" and re.match(r"\s+up\b", after):
                continue
            if lowered == "say" and nxt == "," and prev in {",", "—", "–", "(", "-"}:
                continue  # "say, Rubio or Cruz": for example
            if verb.lemma == "state" and not (re.match(r"\s*(?:that\b|:)", after) or self.quoted and re.match(r"\s*[,.]", after)
                                               or lowered == "stating" and prev == ","  # ", stating on NBC's 'Meet the Press' that"
                                               or lowered == "stated" and (self.quoted and i > 0 and tokens[i - 1].text in {",", '"', "”"}
                                                                           or re.match(r"\s+(?:[A-Z][a-z]|(?:the|his|her|their|its)\s|in\s+an?\b|on\s|during\b|earlier\b|"
                                                                                       r"publicly\b|repeatedly\b|flatly\b|clearly\b|a\s+day\b)", after))):
                continue  # "New York state", "several states"; but 'Comey stated Clinton was', '"...," stated Roman Smbatyan'
            if verb.lemma == "order" and prev in {"executive", "gag", "court", "restraining", "protective"}:
                continue  # "the new executive order begins": a noun
            if verb.lemma == "admit" and re.match(r"\s+(?:to|into)\s+(?!\w+ing\b)", after):
                continue  # "refugees admitted to the United States"
            if token.tag.startswith("NN") and (prev in DETERMINERS or i > 0 and tokens[i - 1].tag.startswith("NN")
                                               and not is_capitalised(tokens[i - 1]) and tokens[i - 1].lower not in PERSON_NOUNS
                                               and tokens[i - 1].lower not in lex.roles() and tokens[i - 1].lower not in ORGANISATION_DESCRIPTIONS
                                               and tokens[i - 1].lower not in DATA_WORDS):
                continue  # "several states", "aids challenges": nouns
            people_only = False
            if verb.lemma in {"back", "support", "oppose"} and not re.match(
                    r"\s+(?:the|a|an|his|her|their|[A-Z]\w+|him|her|them|it|this)\b", after):
                # "Millennials support background checks", "Two-thirds support reducing sentences": a bare object
                # only after people (a group, a share of them), never after a thing ("the grants support research").
                if lowered == "back" or not re.match(r"\s+(?!(?:by|away|off|down|up|out|into|from)\b)[a-z][\w-]*\b", after) \
                        or i == 0 or not (tokens[i - 1].tag.startswith(("NN", "CD")) or tokens[i - 1].lower in {"%", "who"}):
                    continue
                people_only = True
            as_clause = verb.lemma in {"hope", "fear", "believe", "expect", "suspect", "predict", "argue", "contend"} and \
                re.match(r"\s*[,.;)]", after) and re.search(r"(?:^|,\s*)as\s+(?:[\w’'-]+\s+){1,4}$", self.sentence[:token.start])
            if as_clause and not self.in_quote[i]:
                # "..., as some liberals hope, ...": the belief is the clause the "as" aside comments on.
                j = i - 1
                while j > 0 and tokens[j].lower != "as":
                    j -= 1
                phrase = self.phrase(j + 1, i) if j + 1 < i else None
                if phrase is not None and self.is_source_phrase(phrase, verb.cls):
                    cues.append(Cue("verb", verb.cls, token.start, token.end, lowered, phrase, i))
                continue
            if verb.lemma in {"want", "plan", "intend", "seek", "aim", "hope", "wish", "prefer"} and not re.match(
                    r"\s+(?:to|that|for|the|a|an|his|her|their|[A-Z]\w+|him|her|them|it|this|more|no|nothing)\b", after) and not (
                    verb.lemma in {"hope", "wish"} and re.match(
                        r"\s+(?:he|she|they|we|you|i|(?:[a-z][\w-]*\s+){1,3}(?:would|will|could|can|may|might|should))\b", after, re.I)):
                continue  # "hopes obstruction would become untenable", "Democrats hope they will gain"
            if verb.lemma in {"rule"} and not re.match(r"\s+(?:that|out)\b", after):
                continue
            if verb.lemma in {"continue"} and not re.match(r"\s*[.,]?\s*$|\s*[.,:]", after):
                continue  # '"...," he continued.' only
            if verb.lemma in {"agree", "disagree", "concur"} and not re.match(r"\s+(?:that|with)\b|\s*[,.]", after):
                continue  # "agreed on a truce", "agreed to step up talks": commitments, not statements
            if verb.cls == "stance" and verb.lemma in {"reject", "back", "support", "oppose", "endorse", "question",
                                                       "challenge", "dismiss", "welcome", "propose", "approve", "block"} \
                    and LEGISLATIVE.match(after) and i > 0 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].lower in {
                        "senate", "house", "congress", "committee", "court", "parliament", "assembly", "legislature", "council",
                        "board", "panel", "lawmakers", "judge", "voters"}:
                continue  # "The Senate rejected the repeal": a vote, not a statement
            refused = prev in {"not", "n't", "n’t"} and i > 1 and tokens[i - 2].lower in {"would", "will", "could"} \
                and verb.lemma in {"say", "comment", "elaborate", "disclose", "specify", "discuss"}
            if verb.cls in {"say", "stance"} and prev in {"not", "n't", "n’t", "never"} and verb.lemma not in {"decline", "refuse"} \
                    and not refused \
                    and not (verb.lemma in {"respond", "reply", "return"} and re.match(r"\s+(?:immediately\s+)?to\s+(?:(?:a|an|our|the|repeated|multiple|several)\s+)?(?:\w+\s+)?(?:requests?|calls?|emails?|messages?|questions?)\b", after)):
                continue  # "He has not commented", "did not say": no statement is credited ("wouldn't say when" is a refusal, as "declined to")
            if verb.cls == "say" and nxt == "nothing" and not re.match(r"\s+nothing\s+(?:was|is|had|has|would|will|could|can)\b", after):
                continue  # "adjourned and said nothing"; but "said nothing was decided" credits a statement
            if verb.lemma == "deny" and re.match(r"\s+(?:[A-Z]\w+|him|her|them|us|me)\s+(?:a|an|the|any|his|her|their)\b", after):
                continue  # "denied Carter a photograph of unity": withheld, not said
            if verb.lemma in {"maintain"} and not re.match(r"\s+(?:that|his|her|their)\b|\s*[,.]", after):
                continue  # "Clinton maintains a commanding lock": keeps, not asserts
            if lowered == "said" and nxt == "to" and i + 2 < n and tokens[i + 2].lower not in {
                    "the", "a", "an", "me", "him", "her", "them", "us", "you", "reporters", "journalists", "his", "their"} \
                    and not re.match(r"\s+to\s+(?:\w+\s+)?(?:laughs?|laughter|cheers|cheering|applause|boos|booing|jeers|groans|gasps)\b", after) \
                    and not is_capitalised(tokens[i + 2]) or lowered == "said" and nxt == "to" and self.headline:
                continue  # "Tesla said to plan a second factory": a wire headline's unnamed sources (see patterns)
            if verb.lemma == "read" and not (lowered == "reads" or prev in {",", '"', "”"}):
                continue  # "the statement reads", '"...," the sign reads' - not "he read a book"
            if verb.lemma == "request" and not re.match(r"\s+(?:that|a|an|the|more|information|comment|permission)\b", after):
                continue
            if verb.lemma == "thank" and nxt == "to":
                continue  # "thanks to"
            if verb.lemma == "push" and not re.match(r"\s+back\b", after) and not re.match(
                    r"\s+(?:[A-Z][\w.'’-]*|him|her|them|us|(?:(?:the|his|her|their)\s+)?(?:\w+\s+)?(?:party|colleagues|allies|rivals|"
                    r"members|leaders|lawmakers|legislators|senators|government|governments|administration|delegates|supporters|"
                    r"voters|officials|regulators|countries|nations|companies))\s+"
                    r"(?:(?:and\s+)?[A-Z][\w.'’-]*\s+){0,3}to\s+(?!(?:the|a|an|his|her|their|its|record|new)\b)[a-z]+\b", after):
                continue  # 'pushed back'; 'Sanders pushes Dems to reject the deal': a call on people, not 'pushed prices to'.
            if verb.lemma == "lash" and not re.match(r"\s+out\b", after):
                continue
            if verb.lemma == "rail" and not re.match(r"\s+(?:\w+\s+)?against\b", after):
                continue  # "railed against the EPA's plans"; not "rail lines"
            if verb.lemma in {"expect", "project", "estimate", "forecast"} and prev in {"is", "are", "was", "were"}:
                continue
            if verb.lemma == "project" and not re.match(r"\s+(?:that|a|an|the|\$|\d|its|their|growth|sales|revenue)", after):
                continue  # "other Tesla projects": a noun
            # Participles share the sentence's subject: "Trump attacked Clinton, saying ...", "issued a
            # statement saying ...", "an outside group backing Rubio".
            if lowered.endswith("ing"):
                if prev.endswith("ly") and tokens[i - 1].tag.startswith("RB") and i > 1 and tokens[i - 2].text in {",", "—", "–"}:
                    prev = tokens[i - 2].text  # ", eventually saying", ", repeatedly calling"
                elif prev in {"first", "then", "also", "again", "later", "even", "still"} and i > 1 and tokens[i - 2].lower in {
                        ",", "—", "–", "by", "while", "before", "after", "and"}:
                    prev = tokens[i - 2].lower  # "responded by first saying", ", then adding"
                if prev in {",", "—", "–", "and", "while", "by", "before", "after", "in", "without", "upon", "when"} or i == 0 or (
                        prev in {"statement", "letter", "tweet", "post", "memo", "email", "release", "note", "video",
                                 "message", "speech", "op-ed", "column", "interview", "remarks", "ad", "advertisement"}):
                    if prev in {"without"}:
                        continue
                    subject = self.main_subject(i, past=verb.cls == "say")
                    if subject and self.is_source_phrase(subject, verb.cls):
                        cues.append(Cue("participle", verb.cls, token.start, token.end, lowered, subject, i))
                    continue
                if prev not in AUXILIARIES:
                    if verb.cls in {"stance", "say", "call"} and i > 0 and (tokens[i - 1].tag.startswith(("NN", "NNS")) or is_capitalised(tokens[i - 1])):
                        span = self._np_left(i - 1)
                        if span:
                            phrase = self.phrase(*span)
                            if self.is_source_phrase(phrase, verb.cls) and (phrase.names or phrase.head in PERSON_NOUNS or phrase.head in lex.roles()):
                                cues.append(Cue("verb", verb.cls, token.start, token.end, lowered, phrase, i))
                    continue
            if prev == "to" and lowered in PURPOSE_VERBS and i > 2 and tokens[i - 2].tag in {"NN", "NNP", "RB"} \
                    and tokens[i - 2].lower not in NOT_PURPOSE and not self.in_quote[i - 2]:
                # "stood at a Bush event here to say he was leaning toward Trump": a purpose, said by the subject
                subject = self.main_subject(i - 1)
                if subject is not None and (subject.pronoun in {"he", "she", "they"} or subject.head_names and
                                            subject.head_names[0].kind in {"person", "name"}):
                    cues.append(Cue("verb", verb.cls, token.start, token.end, f"to {lowered}", subject, i))
                continue
            phrase, how = self.subject_before(i, verb.cls)
            kind = "relative" if how == "relative" else "verb"
            if phrase is None or not self.is_source_phrase(phrase, verb.cls):
                # '"...," said Trump' / '"...," he said' (pronoun already before) / 'said Jane Roe, a spokeswoman'.
                if verb.cls in {"say"} and verb.lemma not in {"tell", "ask", "urge", "warn", "inform", "advise", "assure"} and (
                        i == 0 or tokens[i - 1].text in {",", '"', "“", "”", "'", "’", ":", "—", "–"}
                                             or self.in_quote[i - 1] or prev in AUXILIARIES):
                    alt = self.subject_after(i)
                    if alt and self.is_source_phrase(alt, verb.cls) and (alt.names or alt.pronoun in {"he", "she"} or alt.head in lex.roles()
                                                                         or alt.head in PERSON_NOUNS or AGE_RE.fullmatch(alt.head)
                                                                         or party_member(alt)):
                        phrase, kind = alt, "inverted"
                    else:
                        continue
                else:
                    continue
            if verb.cls in {"stance", "think", "want", "call", "ask"} and phrase.head in DATA_WORDS and not phrase.names:
                continue  # "the report criticized" is not a belief
            if people_only and not (phrase.head in PERSON_NOUNS or phrase.head in SHARE_HEADS or phrase.head.endswith("s") and (
                    phrase.head[:-1] in lex.roles() or phrase.head in UNNAMED_TYPES) or party_member(phrase)
                    or phrase.head_names and phrase.head_names[0].kind == "name" and phrase.head_names[0].text.endswith("s")
                    and phrase.head_names[0].text.lower() in PERSON_NOUNS | PARTY_PLURALS):
                continue
            if find_guard and phrase.head not in DATA_WORDS:
                continue  # "police found a body" is an action; "a study found", "the poll found" are claims
            if lowered == "shows" and phrase.head in BROADCAST_WORDS and phrase.start > 0 \
                    and tokens[phrase.start - 1].lower in {"on", "in", "at", "to", "from", "of", "for", "during"}:
                continue  # "appeared on Sunday interview shows amid ...": the programmes, a noun after a preposition
            if token.tag.startswith("NN") and kind == "verb" and phrase.end == i and phrase.end - phrase.start >= 2 and (
                    tokens[phrase.start].lower in DETERMINERS or tokens[phrase.start].tag.startswith("JJ")) \
                    and is_capitalised(tokens[i - 1]) and tokens[phrase.start].lower not in {"the"}:
                continue  # "other Tesla projects": a noun after a name, not a verb
            start = tokens[i].start
            words = lowered
            # "said in a statement", "wrote on Twitter", "told reporters".
            extra = re.match(r"\s+(?:in\s+a\s+(?:statement|tweet|post|letter|memo|speech|interview|release|note|"
                             r"blog\s+post|facebook\s+post|op-ed|email)|on\s+(?:twitter|facebook|instagram|weibo|wechat))\b",
                             after, re.I)
            if extra and verb.cls == "say":
                words = lowered + " " + " ".join(extra.group(0).split())
            if verb.lemma in {"decline", "refuse"}:
                words = "declined to comment" if "comment" in after[:40] else f"{lowered}{_DECLINE_OBJECT.match(after).group(0)}"
            elif verb.lemma in {"respond", "reply", "return"} and prev in {"not", "n't", "n’t", "never"}:
                words = "did not respond to a request for comment"
            elif refused:
                words = f"{tokens[i - 2].lower} not {lowered}"
            call_object = re.match(r"\s+(for|on)\b", after) if verb.cls == "call" else None
            if call_object:
                words = f"{lowered} {call_object.group(1)}"
            cue = Cue(kind, verb.cls, start, token.end, " ".join(words.split()).lower(), phrase, i)
            if verb.lemma in {"tell"}:
                cue.via_phrase = self._told_outlet(i)
            cues.append(cue)
        return cues

    def _bare_report(self, i: int, lemma: str) -> Phrase | None:
        """A sentence that is only its speaker and a verb of reporting credits the quotation before it:
        "Borger asked.", "Clinton then added.", "She replied quickly." The speaker's phrase, or None."""
        if lemma not in BARE_REPORT_LEMMAS:
            return None
        tokens = self.tokens
        rest = tokens[i + 1:]
        if not rest or rest[-1].text not in {".", "?", "!"} or len(rest) > 3 or any(
                t.text[:1].isalnum() and not (t.tag.startswith("RB") or t.lower in AUXILIARIES) for t in rest[:-1]):
            return None
        phrase, how = self.subject_before(i)
        if phrase is None or how != "subject" or not (phrase.pronoun in {"he", "she"} or phrase.head_names
                                                      and phrase.head_names[0].kind in {"person", "name"}):
            return None
        if any(t.text[:1].isalnum() for t in tokens[:phrase.start]) or any(
                t.text[:1].isalnum() and t.lower not in AUXILIARIES and not t.tag.startswith("RB") for t in tokens[phrase.end:i]):
            return None
        return phrase

    def phrase_cues(self) -> list[Cue]:
        """Cues of several words ("took aim at", "expressed concern", "issued a statement")."""
        cues = []
        matches = [(match, cls, label) for pattern, cls, label, _needs in self._possible_phrases()
                   for match in pattern.finditer(self.sentence)]
        for match, cls, label in matches:
            i = self._token_at(match.start())
            if i is None or self.in_quote[i]:
                continue
            if cls == "agent":
                # "the law, opposed by Democrats": the source follows "by".
                k = self._token_at(match.end())
                phrase = self._object_phrase(k) if k is not None else None
                if phrase and self.is_source_phrase(phrase, "stance"):
                    cues.append(Cue("agent", "stance", match.start(), match.end(), " ".join(match.group(0).lower().split()), phrase, k))
                continue
            prev = self.tokens[i - 1].lower if i > 0 else ""
            if prev in NOUN_BEFORE - {"that"}:
                continue
            phrase, how = self.subject_before(i)
            if phrase is None or not self.is_source_phrase(phrase, cls):
                if prev == "," and cls == "say":
                    phrase = self.main_subject(i)
                    if phrase is None or not self.is_source_phrase(phrase, cls):
                        continue
                    how = "participle"
                else:
                    continue
            kind = {"relative": "relative", "participle": "participle"}.get(how, "verb")
            words = " ".join(match.group(0).lower().split())  # the words as written: "were quick to", "took aim at"
            cues.append(Cue(kind, cls, match.start(), match.end(), words, phrase, i))
        return cues

    def _possible_phrases(self) -> list[tuple]:
        """The cue phrases whose prefilter words the sentence holds, in the order of ``lex.cue_phrases()``."""
        by_word = lex.cue_phrase_words()
        held = by_word.keys() & self.words
        if not held:
            return []
        phrases = lex.cue_phrases()
        return [phrases[k] for k in sorted({k for word in held for k in by_word[word]})]

    def noun_cues(self) -> list[Cue]:
        """A statement named by a noun, with its source as possessor: "Trump's criticism of Curiel",
        "the White House's assertion that", "Clinton's call for a no-fly zone"."""
        cues = []
        tokens = self.tokens
        for k in range(1, len(tokens)):
            word = tokens[k].lower
            if (word in NOUN_CUES or word == "support") and not self.in_quote[k]:
                cue = self._pronoun_noun_cue(k)
                if cue is not None:
                    cues.append(cue)
                    continue
            if k < 2 or word not in NOUN_CUES or tokens[k - 1].tag != "POS" or self.in_quote[k]:
                continue
            nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
            if nxt not in {"of", "that", "for", "to", "on", "against", "about", "with", ","} and word not in {"view", "views", "position"}:
                continue
            span = self._np_left(k - 2)
            if not span:
                continue
            phrase = self.phrase(*span)
            if phrase.names and phrase.names[0].kind in {"person", "name", "organisation", "outlet", "country"} or phrase.pronoun in {"his", "her"}:
                cues.append(Cue("noun", "say", tokens[k].start, tokens[k].end, word, phrase, k))
        return cues

    def _pronoun_noun_cue(self, k: int) -> Cue | None:
        """'his call for a ban', 'her criticism of the plan', 'their opposition to the deal', 'his strong support
        for Israel': a statement or stance named by a noun after a possessive pronoun, which names its source."""
        tokens = self.tokens
        m = k - 1
        if m >= 1 and tokens[m].tag.startswith(("JJ", "RB")) and tokens[m].lower not in POSSESSIVE_PRONOUNS:
            m -= 1  # "his recent call", "her sharp criticism"
        if m < 0 or tokens[m].lower not in POSSESSIVE_PRONOUNS or self.in_quote[m]:
            return None
        nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        if nxt not in {"of", "that", "for", "to", "on", "against", "about"}:
            return None
        phrase = self.phrase(m, m + 1)
        phrase.pronoun = POSSESSIVE_PRONOUNS[tokens[m].lower]
        phrase.head = phrase.pronoun
        return Cue("noun", "say", tokens[k].start, tokens[k].end, tokens[k].lower, phrase, k)

    def _told_outlet(self, i: int) -> Phrase | None:
        """The object of 'told' when it is an outlet: 'Wu told the Global Times'."""
        span = self._np_right(i + 1, limit=6)
        if not span:
            return None
        phrase = self.phrase(*span)
        if any(n.kind == "outlet" for n in phrase.names) or re.fullmatch(r"(?:the\s+)?[A-Z]{3,5}", phrase.text):
            return phrase
        return None

    def according_cues(self) -> list[Cue]:
        cues = []
        if not may_hold(self.lowered, self.plain_case, ("according",)):
            return cues
        for match in re.finditer(r"\baccording\s+to\b", self.sentence, re.I):
            k = self._token_at(match.end())
            if k is None or self.in_quote[k - 1 if k else 0]:
                continue
            phrase = self._object_phrase(k)
            if phrase and not re.match(r"(?:plans?|schedule|the\s+plan|expectations?|reports?$|the\s+rules?|law)\b", phrase.text, re.I) \
                    and phrase.head not in {"photos", "photo", "images", "image", "pictures", "picture", "footage", "screenshots",
                                            "screenshot", "video", "videos", "map", "maps", "chart", "charts"}:
                cues.append(Cue("according", "say", match.start(), match.end(), "according to", phrase, k))
        return cues

    def poll_cues(self) -> list[Cue]:
        """A poll's findings credited with "in": 'In the latest CNN/ORC poll, Trump leads ...' (opening the
        sentence, before a comma) and 'Trump leads 57 percent to 33 percent in the 50-state poll' (one poll,
        with a share in the sentence). Not 'he rose in the polls' or 'voters head to the polls'."""
        tokens, n = self.tokens, len(self.tokens)
        cues = []
        if POLL_WORDS.isdisjoint(self.words) or "in" not in self.words:
            return cues  # each cue is "in" and a poll word
        for k, token in enumerate(tokens):
            if token.lower != "in" or self.in_quote[k]:
                continue
            opening = all(t.lower in {"but", "and", "yet", "still"} for t in tokens[:k])
            m = k + 1
            while m < n and m - k <= 9 and tokens[m].lower not in POLL_WORDS and (
                    tokens[m].text[:1].isalnum() or tokens[m].text in {"/", "-", "’s", "'s"} or tokens[m].tag == "POS") \
                    and tokens[m].lower not in {"in", "on", "at", "of", "for", "by", "with", "and", "or", "that", "which"}:
                m += 1
            if m >= n or tokens[m].lower not in POLL_WORDS:
                continue
            first = tokens[k + 1]
            standing = tokens[m].lower in {"polls", "surveys"} and not opening and STANDING_RE.search(self.sentence[:token.start])
            if standing and (m + 1 >= n or tokens[m + 1].lower not in {"close", "closed", "open", "opened", "opens"}):
                # "Clinton continues to lead in polls", "he has had a big lead in the most recent polls": a standing
                # the polls give; not "voters head to the polls" (no standing before), nor "the polls close".
                cues.append(Cue("according", "show", token.start, token.end, "in", self.phrase(k + 1, m + 1), k + 1))
                continue
            if m == k + 1 or not (first.lower in {"a", "an", "the", "this", "that", "its", "their", "his", "her"} or is_capitalised(first)):
                continue  # "in polling averages", "in polls": no one poll
            rest = self.sentence[tokens[m].end:]
            if opening:
                if not re.match(r"\s*(?:(?:released|conducted|taken|published)\s+[^,]{1,40}|of\s+[^,]{1,40})?,", rest):
                    continue
            elif tokens[m].lower not in {"poll", "survey"} or not re.search(
                    r"\d\s*(?:percent\b|%|points?\b|percentage\s+points?\b)|\b\d+\s*-\s*\d+\b|\b(?:half|third|quarter|majority|plurality)\b",
                    self.sentence) or tokens[m + 1].lower in {"numbers", "average", "averages", "standings", "position", "lead", "results"} \
                    if m + 1 < n else False:
                continue
            phrase = self.phrase(k + 1, m + 1)
            cues.append(Cue("according", "show", token.start, token.end, "in", phrase, k + 1))
        return cues

    def citing_cues(self) -> list[Cue]:
        cues = []
        if not may_hold(self.lowered, self.plain_case, ("citing", "quoting", "cited", "quoted")):
            return cues
        for match in re.finditer(r"\b(?:citing|quoting|cited|quoted)\b", self.sentence, re.I):
            word = match.group(0).lower()
            if word in {"cited", "quoted"} and not re.search(r"\b(?:was|were|is|are|be|been)\s+$", self.sentence[: match.start()]) is None:
                continue
            if word in {"cited", "quoted"}:
                continue  # the verb pass takes "Xinhua cited X"; its object is handled below
            k = self._token_at(match.end())
            if k is None or self.in_quote[max(0, k - 1)]:
                continue
            phrase = self._object_phrase(k)
            if phrase and self.is_source_phrase(phrase, "say"):  # not "citing low economic growth", "citing an instance"
                cues.append(Cue("citing", "say", match.start(), match.end(), word, phrase, k))
        return cues

    def agent_cues(self) -> list[Cue]:
        cues = []
        if " by " not in self.sentence:
            return cues
        for match in re.finditer(
                r"\b(?:posted|reported|shared|published|confirmed|cited|quoted|tweeted|written|announced|disclosed|revealed|"
                r"seen|obtained|reviewed|released|issued|broadcast|aired|leaked|first\s+reported|claimed|compiled|spotted|"
                r"first\s+spotted|noticed|flagged|conducted|commissioned|carried\s+out)\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|"
                r"Thursday|Friday|Saturday|Sunday|earlier|last\s+\w+|yesterday)\s+)?by\b", self.sentence, re.I):
            k = self._token_at(match.end())
            if k is None or self.in_quote[max(0, k - 1)]:
                continue
            if k < len(self.tokens) and self.tokens[k].text in AGENT_NOT:
                continue  # "confirmed by now", "published by default": a time or a manner, no agent
            if k < len(self.tokens) and self.tokens[k].text.islower() and self.tokens[k].lower.endswith("ing"):
                continue  # "conducted by comparing differences": a means, not an agent
            phrase = self._object_phrase(k)
            if phrase:
                cues.append(Cue("agent", "say", match.start(), match.end(), " ".join(match.group(0).lower().split()), phrase, k))
        # A stance in the passive: "criticized by many Wall Street players", "rebuked by opponents": the agent's.
        for match in _STANCE_BY.finditer(self.sentence):
            k = self._token_at(match.end())
            if k is None or self.in_quote[max(0, k - 1)]:
                continue
            phrase = self._object_phrase(k)
            cut = next((t for t in range(phrase.start + 1, phrase.end) if self.tokens[t].lower in {"for", "over", "as"}), None) \
                if phrase else None
            if cut is not None:
                phrase = self.phrase(phrase.start, cut)  # "rebuked by opponents for his proposal": the opponents
            if phrase and self.is_source_phrase(phrase, "stance"):
                cues.append(Cue("agent", "stance", match.start(), match.end(), " ".join(match.group(0).lower().split()), phrase, k))
        return cues

    def asked_by_cues(self) -> list[Cue]:
        """'Sanders was asked by host John Dickerson whether ...', 'Asked by Thrush if ..., Sharpton ...': the
        asker in the by-phrase is the source of the question (the answerer, where credited, has a cue of their
        own). Only before a question ('whether', 'if', 'why', 'about', a comma): not "the rent asked by the
        landlord was", "asked by Friday to"."""
        cues: list[Cue] = []
        tokens = self.tokens
        if not may_hold(self.lowered, self.plain_case, ("asked",)):
            return cues
        for match in re.finditer(r"\basked\s+by\s+", self.sentence, re.I):
            k = self._token_at(match.end())
            if k is None or self.in_quote[k - 1]:
                continue
            span = self._np_right(k, limit=8)
            if not span:
                continue
            end = next((m for m in range(span[0], span[1]) if tokens[m].lower in {
                "whether", "if", "why", "how", "what", "who", "when", "where", "which", "about", "for"}), span[1])
            if end <= span[0]:
                continue
            after = self.sentence[tokens[end - 1].end:]
            if not re.match(r"\s*(?:whether|if|why|how|what|who|when|where|which|about|,|:|“|\")", after, re.I):
                continue
            phrase = self.phrase(span[0], end)
            person = self.is_source_phrase(phrase, "say") or re.match(r"(?:a|an|the)\s", phrase.text, re.I) and _agent_noun(phrase.head)
            if person and not (phrase.head_names and phrase.head_names[0].kind == "country"):
                cues.append(Cue("agent", "ask", match.start(), match.end(), "asked by", phrase, k))
        return cues

    def interview_cues(self) -> list[Cue]:
        """'in an interview with Xinhua', 'speaking to CNN', 'told CNN': the outlet carrying the words (via)."""
        cues = []
        if not may_hold(self.lowered, self.plain_case, _INTERVIEW_WORDS):
            return cues
        for match in re.finditer(
                r"\b(?:in\s+an?\s+(?:\w+\s+)?(?:interview|conversation|op-ed|podcast|appearance)\s+(?:with|on|for)|"
                r"speaking\s+(?:to|with|on)|talking\s+to|in\s+comments\s+to|in\s+remarks\s+to|in\s+an?\s+(?:\w+\s+)?"
                r"(?:op-ed|column|essay|article)\s+(?:in|for))\s+", self.sentence, re.I):
            k = self._token_at(match.end())
            if k is None:
                continue
            span = self._np_right(k, limit=6)
            if span:
                phrase = self.phrase(*span)
                if any(n.kind == "outlet" for n in phrase.names):
                    cues.append(Cue("interview", "say", match.start(), match.end(), " ".join(match.group(0).lower().split()), phrase, k))
        return cues

    def colon_cue(self) -> list[Cue]:
        """A headline or lead that opens with its speaker and a colon: 'Bernie Sanders: ‘Of Course’ ...'."""
        tokens = self.tokens
        for k, token in enumerate(tokens[:16]):
            if token.text == ":" and k > 0 and k + 1 < len(tokens):
                if k >= 9:
                    return self._headline_speaker_on(k)  # only a speaker 'on' a subject stands that far from the colon
                span = self._np_left(k - 1)
                label = self.sentence[:token.start]
                if label.isupper() and span and span[0] == 0 and k <= 3 and re.fullmatch(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}", label):
                    # A transcript's speaker label ("CLINTON:", "KATE BOLDUAN:"); the extractor keeps it only when the
                    # label is a person the article names ("WASHINGTON:", "CORRECTION:" are none).
                    phrase = self.phrase(*span)
                    if phrase.names and phrase.names[0].kind in {"person", "name", "organisation"} and phrase.names[0].end == k:
                        return [Cue("colon", "say", token.start, token.end, ":", phrase, k)]
                    return []
                if span and span[0] == 0 and not any(t.tag == "POS" for t in tokens[:k]) and not label.isupper():
                    phrase = self.phrase(*span)
                    if phrase.names and phrase.names[0].kind in {"person", "name", "organisation", "outlet"} and \
                            phrase.names[0].end == k and \
                            not self.sentence[token.end:].strip().startswith(("http", "//")):
                        return [Cue("colon", "say", token.start, token.end, ":", phrase, k)]
                    if (k == 1 or k == 2 and self.headline) and not phrase.names and phrase.head.endswith("s") and (
                            phrase.head[:-1] in lex.roles() or phrase.head in PERSON_NOUNS):
                        return [Cue("colon", "say", token.start, token.end, ":", phrase, k)]  # "Historians: Clinton, ..."
                    if k <= 3 and (phrase.head in {"poll", "polls", "survey", "surveys", "study"} and not phrase.names or phrase.head in {
                            "editorial", "op-ed"} and phrase.names and phrase.names[0].kind == "outlet"):
                        return [Cue("colon", "say", token.start, token.end, ":", phrase, k)]  # "Poll: Trump and Clinton hold narrow leads", "WSJ editorial:"
                return self._headline_speaker_on(k)
        return []

    def _headline_speaker_on(self, k: int) -> list[Cue]:
        """A headline's speaker, what they speak on or to, and a colon: 'Gillibrand on Hillary Releasing Her
        Transcripts: ‘I Think She Will.’', 'Clinton to Planned Parenthood: Trump will reverse Roe v. Wade'."""
        tokens = self.tokens
        first = next((n for n in self.names if n.start == 0 and n.kind in {"person", "name"} and n.text), None)
        if first is None or first.end >= k - 1 or tokens[first.end].lower not in {"on", "to", "at"} \
                or any(self.in_quote[m] or tokens[m].text in {",", ";"} for m in range(k)):
            return []
        between = tokens[first.end + 1:k]
        if not self.headline and not all(is_capitalised(t) or t.lower in {"of", "the", "and", "&"} for t in between):
            return []  # in running text only a name: "Clinton to Planned Parenthood:"
        if any(t.lower in WHEN_WORDS for t in between) or between[0].lower in {"this", "that", "it", "these", "those", "me",
                                                                                "you", "us", "them"}:
            # "Trump on Tuesday: ..." is a date, not what he speaks on; "Chew On This:" is a phrase
            return []
        return [Cue("colon", "say", tokens[k].start, tokens[k].end, ":", self.phrase(0, first.end), k)]

    def colon_quote_cue(self) -> list[Cue]:
        """A clause whose subject is a person, ending in a colon that opens a quotation: 'Trump leaned in and
        boomed: “Let's defeat her.”', 'She went on: “It makes no sense.”', 'Sarah Silverman heckles the crowd:
        'You're being ridiculous.'', or that ends the sentence before the quoted statement: 'Trump issued the
        following statement:'. The subject is the source."""
        tokens, n = self.tokens, len(self.tokens)
        k = next((m for m in range(1, n) if tokens[m].text == ":" and not self.in_quote[m]), None)
        if k is None or k < 2:
            return []
        rest = self.sentence[tokens[k].end:].lstrip()
        if not (rest[:1] in {'"', "“", "‘", "'"} or not rest and self.sentence.rstrip().endswith(":") and re.search(
                r"\b(?:statement|following|as\s+follows|remarks|message|letter|tweet|tweeted|wrote|said)\b",
                self.sentence[:tokens[k].start], re.I)):
            return []  # 'Here they are:', 'The candidate must:' introduce a list, not a statement
        if any(t.text in {'"', "“", "”"} for t in tokens[:k]):
            return []  # a quotation before the colon: the usual verb cues read it
        phrase = self.main_subject(k, past=True)
        if phrase is None:
            # "After the vote, Sen. Ida Moss issued the following statement:": a past verb the tagger reads as a
            # participle, its subject right before it, after an opening clause.
            verb = next((m for m in range(1, k) if tokens[m].tag in {"VBN", "VBD"} and not is_capitalised(tokens[m])
                         and not self.in_quote[m]), None)
            if verb is not None:
                phrase, how = self.subject_before(verb)
                if phrase is not None and (how != "subject" or phrase.end != verb or phrase.start > 0 and tokens[phrase.start - 1].text != ","):
                    phrase = None
        if phrase is None or phrase.end > k or not self.is_source_phrase(phrase, "say"):
            return []
        if not (phrase.pronoun in {"he", "she", "they"} or phrase.head_names and phrase.head_names[0].kind in {
                "person", "name", "organisation", "outlet", "title"} or not phrase.names and (
                    phrase.head in lex.roles() or phrase.head.rstrip("s") in lex.roles())):
            return []
        return [Cue("colon", "say", tokens[k].start, tokens[k].end, ":", phrase, k)]

    def after_quote_cue(self) -> list[Cue]:
        """Any verb right after a quotation that ends in a comma, a question or an exclamation mark, with a person on
        either side: '“...,” Kelly charged', '“...!” beamed Donald Hartley', '“...,” an angry Hollande retaliated'.
        (The verbs of saying are found by the lexicon; this reads the rest of what reporters write there.)"""
        tokens, n = self.tokens, len(self.tokens)
        for k in range(1, n - 1):
            if tokens[k].text not in {"”", '"', "''"} or tokens[k - 1].text not in {",", "?", "!"} or self.in_quote[k + 1]:
                continue
            verb = tokens[k + 1]
            if verb.tag in {"VBD", "VBZ", "VBN"} and not is_capitalised(verb) and verb.lower not in AUXILIARIES:
                phrase = self.subject_after(k + 1)
                if phrase is not None and self._a_person(phrase):
                    return [Cue("inverted", "say", verb.start, verb.end, verb.lower, phrase, k + 1)]
                continue
            span = self._np_right(k + 1, limit=6)
            if span is None or span[1] >= n:
                continue
            verb = tokens[span[1]]
            if verb.tag in {"VBD", "VBZ"} and not is_capitalised(verb) and verb.lower not in AUXILIARIES:
                phrase = self.phrase(*span)
                if self._a_person(phrase):
                    return [Cue("verb", "say", verb.start, verb.end, verb.lower, phrase, span[1])]
        return []

    def _a_person(self, phrase: Phrase) -> bool:
        return phrase.pronoun in {"he", "she", "they"} or bool(phrase.head_names) and phrase.head_names[0].kind in {
            "person", "name"} or not phrase.names and (phrase.head in lex.roles() or phrase.head in PERSON_NOUNS)

    def _token_at(self, offset: int) -> int | None:
        for k, token in enumerate(self.tokens):
            if token.start >= offset:
                return k
        return None

    def _object_phrase(self, k: int) -> Phrase | None:
        """The phrase after 'according to', 'citing', 'by': 'a report by X' and 'data from X' give X."""
        span = self._np_right(k, limit=14)
        if not span:
            return None
        phrase = self.phrase(*span)
        match = re.match(
            r"(?:(?:an?|the|new|recent|latest|its|his|her|their|one|leaked|internal|official|two|several)\s+)*"
            r"(?:reports?|stud(?:y|ies)|surveys?|data|statements?|figures|documents?|estimates?|analys[ie]s|filings?|"
            r"posts?|tweets?|notes?|research|polls?|article|story|interview|letter|memo|email|press\s+release|"
            r"transcripts?|records)\s+(?:by|from|of|in|with|released\s+by|published\s+by|issued\s+by)\s+(.+)$",
            phrase.text, re.I)
        if match:
            inner_k = self._token_at(self.tokens[phrase.start].start + match.start(1))
            if inner_k is not None and inner_k < span[1]:
                inner = self.phrase(inner_k, span[1])
                if inner.names or inner.head in lex.roles() or inner.head in PERSON_NOUNS or lex.anonymity_re().search(inner.text):
                    return inner
        return phrase

    def all(self) -> list[Cue]:
        cues = (self.verb_cues() + self.phrase_cues() + self.according_cues() + self.poll_cues() + self.citing_cues() + self.agent_cues()
                + self.asked_by_cues() + self.interview_cues() + self.colon_cue() + self.noun_cues())
        if not cues:
            cues = self.colon_quote_cue() or self.after_quote_cue()
        return self._without_nested(self._without_reported_content(cues))

    def _without_nested(self, cues: list[Cue]) -> list[Cue]:
        """'Huawei said it opposes the decision', 'He said the company planned ...': the second cue is part of
        what the first source said; the sentence already credits the first.

        An opening clause and the main clause are read apart: "When Wallace asked him if he was sure, Pruitt said
        that he had met governors who had confirmed it" keeps Pruitt's cue, not the governors'."""
        opening = self._after_opening_phrase(len(self.tokens)) if self.tokens and self.tokens[0].lower in OPENING_CLAUSES else 0
        if opening and not any(t.text in {'"', "“", "”"} for t in self.tokens[:opening]):
            return self._nested_dropped([c for c in cues if c.token < opening]) + self._nested_dropped(
                [c for c in cues if c.token >= opening])
        return self._nested_dropped(cues)

    def _nested_dropped(self, cues: list[Cue]) -> list[Cue]:
        outer = [c for c in cues if c.kind in {"verb", "inverted", "participle", "relative"} and c.cls in {"say", "think", "show"}
                 and c.phrase is not None and c.phrase.start < c.token]
        if not outer:
            return cues
        first = min(outer, key=lambda c: c.token)
        kept = []
        for cue in cues:
            if cue is first or cue.kind in {"according", "citing", "agent", "interview", "colon"} or cue.token <= first.token:
                kept.append(cue)
                continue
            between = self.tokens[first.token + 1: cue.phrase.start if cue.phrase is not None else cue.token]
            if any(t.text in {";"} for t in between) or any(
                    t.lower in {"but", "while", "whereas", "although"} and k > 0 and between[k - 1].text == ","
                    for k, t in enumerate(between)):
                kept.append(cue)  # a new clause with a source of its own
            elif cue.kind in {"participle"} and cue.phrase is first.phrase:
                kept.append(cue)
        return kept

    def _without_reported_content(self, cues: list[Cue]) -> list[Cue]:
        """'Tesla aims to finish the plant this summer, Musk wrote': what comes before a trailing
        attribution is what the source said, not a cue of its own."""
        tokens = self.tokens
        cut = -1
        for cue in cues:
            if cue.cls != "say" or cue.phrase is None or cue.kind not in {"verb", "inverted"}:
                continue
            if cue.kind == "verb":
                edge = cue.phrase.start - 1
            else:
                edge = cue.token - 1
                while edge >= 0 and tokens[edge].text in {'"', "“", "”", "'", "’"}:
                    edge -= 1
            if edge > 0 and tokens[edge].text == "," and not any(
                    t.lower in {"that", "and", "but"} for t in tokens[cue.token + 1: cue.token + 3]) and (
                    len(tokens) - cue.token <= 12 or not any(t.lower in {"that", "which"} for t in tokens[cue.token + 1:])):
                cut = max(cut, edge)
        if cut < 0:
            return cues
        return [c for c in cues if c.token >= cut or c.kind in {"according", "citing", "agent", "interview", "colon"}]


# --- cues that type their source themselves ---------------------------------------------------

_PLATFORM_NAMES = (
    r"Sina Weibo|Weibo|WeChat|Weixin|Twitter|TikTok|Douyin|Reddit|Facebook|Instagram|YouTube|Telegram|LinkedIn|"
    r"Threads|Bluesky|Xiaohongshu|Bilibili|Zhihu|Truth Social|Snapchat"
)
PLATFORM_RE = re.compile(
    rf"\b(?:on|via|to|in|across)\s+(?:the\s+)?(?:(?:Chinese|microblogging|social|video|messaging)\s+)*"
    rf"(?:platforms?\s+|sites?\s+|apps?\s+)?({_PLATFORM_NAMES}|X)\b(?!\.\w)|\b({_PLATFORM_NAMES})\b(?!\.\w)|\b(tweet(?:ed|s)?)\b",
)
SAID_TO_RE = re.compile(
    r"\b(?:is|are|was|were|been|being)?\s*(?:(?<=\s)|^)said\s+to\s+(?!(?:the|a|an|me|him|her|them|us|you|"
    r"reporters|journalists|investors|analysts|lawmakers|staff|employees|workers|colleagues|friends|[A-Z]\w*|"
    r"(?:(?:loud|rousing|enthusiastic|thunderous|scattered|polite|sustained|big|wild|some|more)\s+)?"
    r"(?:laughs?|laughter|cheers|cheering|applause|boos|booing|jeers|groans|gasps|silence|nods))\b)[a-z]+",
)
SAID_TO_TITLE_RE = re.compile(r"(?<=\S\s)(?:(?:Is|Are|Was|Were)\s+)?Said\s+[Tt]o\s+[A-Z][a-z]+")
FIRST_TO_REPORT_RE = re.compile(r"^(?P<who>[^,;:]{2,60}?)\s+(?:was|were)\s+(?:the\s+)?first\s+to\s+(?:report|break|reveal)\b")
ANON_PHRASE_RE = re.compile(
    r"\b(?:opted\s+to\s+remain\s+anonymous|on\s+(?:the\s+)?condition\s+of\s+anonymity|who\s+asked\s+not\s+to\s+be\s+"
    r"(?:named|identified)|who\s+declined\s+to\s+be\s+(?:named|identified)|speaking\s+anonymously|requested\s+anonymity|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified))\b",
    re.I,
)
SOCIAL_PHRASE_RE = re.compile(
    r"\b(?P<what>rumou?rs?|posts?|videos?|photos?|pictures?|images?|claims?|messages?|comments?|screenshots?|"
    r"speculation|hashtags?|a\s+thread|footage|clips?|livestreams?)\b[^.;]{0,80}?\b(?P<cue>popped\s+up|circulat\w+|went\s+viral|spread\w*|"
    r"surfaced|appeared|emerged|shared|posted|trending|making\s+the\s+rounds)\b[^.;]{0,30}?\b(?:on|across|in)\s+"
    r"(?P<where>(?:[^\s.;,]+\s+){0,2}?(?:social\s+media|" + _PLATFORM_NAMES + r"|X(?=[\s,.;])|the\s+internet|online\s+forums?))",
    re.I,
)
MEDIA_RUMOR_RE = re.compile(
    r"\b(?P<what>rumou?rs?|reports?|speculation)\b[^.;]{0,80}?\b(?P<cue>circulat\w+|surfaced|appeared|emerged|"
    r"spread\w*)\b\s+(?:in|on)\s+(?P<where>(?:[A-Z]\w+\s+)?(?:media|press|newspapers|outlets))\b",
    re.I,
)
VIRAL_RE = re.compile(r"\b(?:a|the|one)\s+viral\s+(?:video|post|clip|photo|image|tweet|thread|message)s?\b", re.I)
POSSESSIVE_SOURCES_RE = re.compile(
    r"\b(?P<owner>(?:the\s+)?(?:news\s+agency|newspaper|outlet|paper|broadcaster|agency|magazine|publication|"
    r"report|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}))['’]s?\s+(?P<src>(?:anonymous\s+|unnamed\s+|unidentified\s+)?"
    r"sources?)\b(?P<rest>[^.;]{0,60})",
)


def find_platform(text: str) -> str:
    match = PLATFORM_RE.search(text)
    if not match:
        return ""
    word = (match.group(1) or match.group(2) or match.group(3) or "").lower()
    return lex.platforms().get(word, word)


def platform_display(text: str, platform: str) -> str:
    """The platform as the text writes it ("Weibo", "Twitter"), else its key capitalised."""
    for match in PLATFORM_RE.finditer(text):
        word = match.group(1) or match.group(2) or ""
        if word and lex.platforms().get(word.lower()) == platform:
            return word
    return platform.replace("_", " ").title()

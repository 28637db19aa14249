"""The record types of the sourcing pass: what a row of ``attributions.csv`` holds, and the
article-level things it is built from (tokens, mentions, entities).
"""

from __future__ import annotations

from dataclasses import dataclass, field

SOURCE_TYPES = ("anonymous", "social_media", "official", "political", "company", "expert", "media", "other")

CONFIDENCE_LEVELS = ("high", "medium", "low")

ATTRIBUTION_COLUMNS = [
    "article_id",
    "date",
    "sentence_id",
    "sentence",
    "start",
    "end",
    "source_type",
    "source_name",
    "platform",
    "cue",
    "via",
    "type_evidence",
    "confidence",
    "corrected",
    "certainty",  # of the claim attributed: asserted, hedged or rumour (helpers.certainty), set by the analysis
]


@dataclass
class Found:
    """One attribution inside a sentence; ``start``/``end`` are offsets into the sentence."""

    source_type: str
    source_name: str
    cue: str
    start: int
    end: int
    platform: str = ""
    via: str = ""
    phrase: str = ""  # the words of the sentence that name the source
    type_evidence: str = ""  # the words that decided the type
    confidence: str = "medium"
    entity: "Entity | None" = field(default=None, repr=False, compare=False)
    mention: str = field(default="", repr=False, compare=False)  # name, description or pronoun
    distance: int = field(default=0, repr=False, compare=False)  # sentences back to the entity's last mention


@dataclass
class Evidence:
    """Why an entity has a type: the words, and how strong that kind of evidence is (3 strongest)."""

    source_type: str
    words: str
    strength: int
    sentence_index: int = -1


DESCRIBED = "(the article's description)"  # evidence read from a description resolved to the person ("the lawmaker")


@dataclass(eq=False)
class Entity:
    """One person, organisation, outlet, platform or group of an article, with every name it goes by."""

    kind: str  # person, organisation, outlet, platform, country, group
    names: list[str] = field(default_factory=list)  # spellings, in order of appearance
    gender: str = ""  # m, f or "" (unknown); persons only
    evidence: list[Evidence] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # role words the article gives it ("spokeswoman")
    plural: bool = False
    last_seen: int = -1  # sentence index of the latest mention
    mentions: int = 0
    source_type: str = ""
    type_evidence: str = ""
    confidence: str = ""
    serves: list = field(default_factory=list)  # (entity, role words): "an adviser to Mr. Sanders" serves Sanders
    age: str = ""  # an age given after the name ("Woodrow Benford, 58,"): how articles introduce private people
    fixed: bool = False  # an unnamed source typed by its own words ("people familiar with the matter")
    unserved: tuple = ()  # (role words, sentence index): a role that serves a body none is named for ("Spokeswoman Haley Morris")

    @property
    def name(self) -> str:
        """The fullest name the article gives (the longest spelling; the first when equally long)."""
        if not self.names:
            return ""
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    def add_evidence(self, source_type: str, words: str, strength: int, sentence_index: int = -1) -> None:
        words = " ".join(words.split())
        if any(e.source_type == source_type and e.words == words for e in self.evidence):
            return
        self.evidence.append(Evidence(source_type, words, strength, sentence_index))
        self.source_type = ""  # typed again on demand

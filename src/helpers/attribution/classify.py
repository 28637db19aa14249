"""Typing: each entity gets one source type per article, from its strongest role evidence.

Evidence strength (``records.Evidence.strength``):

- 3: the article states the role: a title before the name ("Vice Minister of Commerce", "Sen."), role
  words before it ("campaign manager"), an apposition ("a tax expert and professor of law"), an
  affiliation ("of the Chinese Academy of Social Sciences"), a lawmaker's party tag ("(R-Utah)").
- 2: the body's own name or a lexicon of bodies that do not change: an outlet, a platform, a
  ministry ("Ministry of Commerce"), a university, a party, a company's legal form ("Inc.").
- 1: weak signs: a party label alone ("Democrat Hillary Clinton"), a former office.

Among equally strong evidence, ``PRECEDENCE`` decides: a senator the article also calls a
presidential candidate speaks as a candidate (political). A source with no evidence is ``other``:
never ``company`` or ``official`` by default.

Confidence of a row (``confidence_of``):

- high: the type rests on strength-3 evidence or on a lexicon of bodies (strength 2), and the
  sentence names the source (a name or a description, not a pronoun);
- medium: weaker evidence, a role read from a description resolved to the person ("the lawmaker said"), or a pronoun or description resolved to an entity named within the last
  two sentences, or a type taken from other articles of the corpus;
- low: no role evidence at all (``other`` by default), or a pronoun resolved further back.
"""

from __future__ import annotations

import re

from .records import DESCRIBED, Entity

PRECEDENCE = ("political", "official", "expert", "media", "company", "social_media", "anonymous", "other")
CAMPAIGN_PROOF = ("media", "expert", "company")  # roles the article states that campaign words nearby do not outweigh
SERVED_SIDES = ("political", "official", "company")  # the types a person takes from the one they serve
# His campaign or his supporters named, which is no act of his own ("the Trump campaign's ties", "Trump supporters"),
# or the campaign that won him the office ("who campaigned on reviving coal")
CAMPAIGN_NAMED = re.compile(r"^campaign: (?:'[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*(?:['’]s?)? (?:presidential )?(?:campaign|supporters)'|"
                            r"'campaigned on')$")
SITTING_PRESIDENT = re.compile(r"^(?!.*\b(?:former|ex-|vice|then)\b)(?:U\.S\. )?President\b")


def type_entity(entity: Entity, depth: int = 0) -> None:
    """Set ``source_type``, ``type_evidence`` and the evidence part of ``confidence`` on an entity.

    A person who serves another ("a senior adviser to Mr. Sanders", "Rubio spokesman Alex Conant") takes
    the type of the person served, unless their own evidence is as strong.
    """
    # Own evidence as strong as serving: a role of a side ("past president of the Communications Workers"), not
    # a private role ("a senior adviser to Mr. Sanders and past president of ..." serves Sanders).
    if entity.serves and depth < 3 and not any(e.strength >= 3 and e.source_type != "other" for e in entity.evidence):
        served, words = entity.serves[0]
        if not served.source_type:
            type_entity(served, depth + 1)
        # A side one serves: a campaign's, an office's, a company's. A researcher's lawyer or a journalist's
        # assistant speaks for a private person (other), not as an expert or a journalist.
        if served.source_type in SERVED_SIDES:
            entity.source_type = served.source_type
            entity.type_evidence = f"{words} ({served.name}: {served.type_evidence or served.source_type})"
            entity.confidence = "high" if served.confidence == "high" else "medium"
            return
    if not entity.evidence:
        entity.source_type, entity.type_evidence, entity.confidence = "other", "", "low"
        return
    best = max(entity.evidence, key=lambda e: (e.strength, -PRECEDENCE.index(e.source_type) if e.source_type in PRECEDENCE else -99))
    if best.source_type == "political" and best.words.startswith("campaign:"):
        # Campaign words near a name make an officeholder a candidate, not a journalist or an expert a campaigner
        # ("the moderator, Chris Wallace of Fox News, ... pleaded with him to let his opponent finish"), nor a
        # sitting president ("President Trump" in a 2017 story about his campaign's ties to Russia).
        stated = [e for e in entity.evidence if e.strength >= 3 and e.source_type in CAMPAIGN_PROOF]
        # A sitting president is a candidate only where the article shows him campaigning (a debate, a rally, his
        # supporters), not where it only names his campaign ("the Trump campaign's ties to Russia").
        acts = [e for e in entity.evidence if e.source_type == "political" and not CAMPAIGN_NAMED.match(e.words)]
        if not acts:
            stated += [e for e in entity.evidence if e.strength >= 2 and e.source_type == "official"
                       and SITTING_PRESIDENT.search(e.words)]
        # A person the article introduces with an age and no office ("Heather Johnston, a 26-year-old benefits
        # manager from Derry, said before attending Wednesday's town hall") is a voter near campaign words.
        office = [e for e in entity.evidence if e.source_type in {"political", "official"} and not e.words.startswith("campaign:")]
        if not stated and entity.age and not office:
            entity.source_type, entity.confidence = "other", "medium"
            entity.type_evidence = f"a private person (age {entity.age} given, no office); campaign words nearby"
            return
        if stated:
            best = stated[0]
    entity.source_type = best.source_type
    entity.type_evidence = best.words
    entity.confidence = "high" if best.strength >= 3 or best.strength == 2 and not best.words.endswith(DESCRIBED) else "medium"


def confidence_of(evidence_confidence: str, mention: str, distance: int) -> str:
    """Combine the entity's evidence with how the sentence refers to it (name, description, pronoun)."""
    order = ["high", "medium", "low"]
    level = order.index(evidence_confidence or "low")
    if mention == "pronoun":
        level = max(level, 1 if distance <= 2 else 2)
    elif mention == "description" and distance > 2:
        level = max(level, 1)
    return order[level]

"""On whose word does each claim rest?

Finds every attribution in an article (a statement, quote, report, belief or intention credited to
someone) and types its source as one of ``SOURCE_TYPES``. Rules only, so that every row can be
explained: ``cue`` holds the words that attribute, ``type_evidence`` the words that decided the type,
``confidence`` how sure the type is, and ``start``/``end`` point at the evidence in the article.

The package, by job:

- ``records``: the row and the article-level records (``Found``, ``Entity``, ``Evidence``), the
  column list and the source types;
- ``lexicons`` and ``data/``: what does not change from story to story, as data files (outlets,
  platforms, role words, organisation words, cue verbs, anonymity phrases, given names, the words that
  describe a source without naming it);
- ``tokens``: words with offsets and tags;
- ``entities``: the article's people and organisations, the roles the article gives them, and the
  resolution of names, surnames, pronouns and descriptions to them;
- ``cues``: the words that attribute and the phrase that names the source;
- ``classify``: one type per entity from its strongest evidence; the confidence rule;
- ``extractor``: the article as a short list of named passes;
- ``across``: roles carried between articles of one corpus ("Musk" in one article is the "CEO Elon
  Musk" of another at the same time);
- ``corrections``: hand corrections from a CSV, applied to the table.
"""

from .extractor import extract_article, extract_sentence
from .records import ATTRIBUTION_COLUMNS, CONFIDENCE_LEVELS, SOURCE_TYPES, Entity, Found

__all__ = ["ATTRIBUTION_COLUMNS", "CONFIDENCE_LEVELS", "SOURCE_TYPES", "Entity", "Found", "extract_article",
           "extract_sentence"]

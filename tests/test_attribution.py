"""Attributions: the seeds give the rows the issue lists, and the gold set scores above the bars."""

import pandas as pd
import pytest

from helpers.attribution import SOURCE_TYPES, classify, extract_article, extract_sentence
from helpers.evaluate import evaluate, parse_expected, read_gold
from helpers.errors import SourcebookError

from .conftest import ROOT

GOLD = ROOT / "tests" / "data" / "attribution_gold.csv"


@pytest.fixture(scope="module")
def seed_rows(seed_analysis):
    return seed_analysis.attributions


def rows_for(frame, article_id):
    return frame[frame["article_id"] == article_id]


def has(frame, source_type, name=None, via=None, platform=None, sentence=None):
    rows = frame[frame["source_type"] == source_type]
    if name is not None:
        rows = rows[rows["source_name"].str.contains(name, regex=False)]
    if via is not None:
        rows = rows[rows["via"] == via]
    if platform is not None:
        rows = rows[rows["platform"] == platform]
    if sentence is not None:
        rows = rows[rows["sentence"].str.contains(sentence, regex=False)]
    return len(rows) > 0


def test_seed_2020_09_11(seed_rows):
    rows = rows_for(seed_rows, "2020-09-11-tesla-shanghai-exports")
    assert has(rows, "media", "Bloomberg News", sentence="posted by Bloomberg News")
    assert has(rows, "anonymous", via="Bloomberg News", sentence="individuals familiar with the matter")
    assert has(rows, "company", "Tesla", sentence="declined to comment")
    assert has(rows, "company", "Musk", sentence="has noted in the past")
    assert has(rows, "social_media", sentence="rumor just popped up")
    assert has(rows, "social_media", platform="twitter", sentence="pic.twitter.com/C8Sw6b2XL3")


def test_seed_2019_09_19(seed_rows):
    rows = rows_for(seed_rows, "2019-09-19-tesla-shanghai-preproduction")
    assert has(rows, "social_media", "Weibo", platform="weibo", sentence="A user posted a photo")
    photo = rows[rows["sentence"].str.startswith("A user posted a photo")]
    assert "anonymous" not in set(photo["source_type"])  # a Weibo user, named by platform, is not a hidden source
    assert "posted" in set(photo[photo["source_type"] == "social_media"]["cue"])
    assert has(rows, "media", "Global Times", sentence="the Global Times reports")
    assert has(rows, "expert", "Wu Shuocheng", via="Global Times")
    assert has(rows, "company", "Musk", platform="twitter", sentence="Musk wrote on Twitter")
    assert has(rows, "media", "Electrek", sentence="Electrek reported")
    assert has(rows, "expert", "Morgan Stanley")


def test_seed_undated(seed_rows):
    rows = rows_for(seed_rows, "undated-tesla-second-china-factory-rumours")
    assert has(rows, "official", "Liangjiang New Area", sentence="officials confirmed")
    assert has(rows, "official", sentence="according to an official statement")
    assert has(rows, "media", "local Chinese media")
    assert has(rows, "media", "Channel News Asia")
    assert has(rows, "media", "China Securities Journal")
    assert has(rows, "anonymous", via="China Securities Journal", sentence="citing unidentified sources")
    assert has(rows, "company", "Musk", sentence="has indicated")
    # The author's own voice is not an attribution.
    assert not has(rows, "other", sentence="I think it’s inevitable")
    assert not (rows["sentence"].str.startswith("I think")).any()


def test_rows_carry_evidence_that_points_into_the_article(seed_analysis):
    articles = seed_analysis.articles.set_index("article_id")["text"]
    for row in seed_analysis.attributions.itertuples():
        assert row.source_type in SOURCE_TYPES
        text = articles[row.article_id]
        evidence = text[row.start:row.end]
        assert evidence and evidence in row.sentence, (row.cue, evidence)
        assert row.cue


def test_hard_cases_in_units():
    assert [f.source_type for f in extract_sentence("Tesla Said to Plan Second China Factory")] == ["anonymous"]
    assert extract_sentence("Under the said agreement, the plant will reopen.") == []
    assert extract_sentence("He was told to leave the building.") == []
    found = extract_article(["Tesla CEO Elon Musk spoke at the plant.", "The mood was upbeat.", '"We will grow," he added.'])
    assert [(f.source_type, f.source_name) for f in found[2]] == [("company", "Elon Musk")]
    assert classify("people familiar with the matter") == ("anonymous", "")
    assert classify("a senior official") == ("anonymous", "")
    assert classify("the Global Times")[0] == "media"


def test_gold_set_scores_above_the_bars():
    gold = read_gold(GOLD)
    assert len(gold) >= 150
    scores, _ = evaluate(gold)
    by_type = scores.set_index("source_type")
    assert by_type.loc["overall", "precision"] >= 0.85
    assert by_type.loc["overall", "recall"] >= 0.75
    assert by_type.loc["anonymous", "precision"] >= 0.9


def test_gold_set_is_well_formed_and_covers_the_hard_cases():
    gold = read_gold(GOLD)
    types = [item[0] for value in gold["expected"] for item in parse_expected(value)]
    assert set(types) == set(SOURCE_TYPES)
    assert (gold["expected"] == "").sum() >= 40  # hard negatives
    assert (gold["context"] != "").sum() >= 5  # "he added" after the speaker was named


def test_scoring_counts_false_positives(tmp_path):
    gold = pd.DataFrame({"id": ["x"], "style": ["wire"], "context": [""],
                         "sentence": ["Reuters reported the deal, the company said."], "expected": [""]})
    scores, detail = evaluate(gold)
    assert scores.set_index("source_type").loc["overall", "predicted"] == 2
    assert scores.set_index("source_type").loc["overall", "correct"] == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("id,sentence\n1,x\n", encoding="utf-8")
    with pytest.raises(SourcebookError, match="missing columns"):
        read_gold(bad)


@pytest.mark.parametrize("name", ["attribution_dev.csv", "attribution_holdout.csv"])
def test_development_and_held_out_sets_are_well_formed(name):
    gold = read_gold(ROOT / "tests" / "data" / name)
    assert gold["id"].is_unique and len(gold) >= 80
    scores, _ = evaluate(gold)
    assert scores.set_index("source_type").loc["overall", "gold"] > 50


def _all_test_sentences():
    sentences = []
    for name in ("attribution_gold.csv", "attribution_dev.csv", "attribution_holdout.csv"):
        frame = pd.read_csv(ROOT / "tests" / "data" / name, keep_default_na=False)
        sentences += list(frame["sentence"]) + [c for c in frame["context"] if c]
    return sentences + [
        "He has previously said so, and had previously told us; Reuters also reported, then tweeted.",
        "Officials questioned whether the plan would work. She questioned him.",
        "The said agreement was EMPHASIZED and emphasised; xsaid is not a verb, nor is said2.",
        "The ministry sa\u0131d the plant would open, and \u017fources TOLD us; \u0130t \u212aNOWS, has also said.",
    ]


def test_reporting_verbs_found_as_one_regex_would(seed_analysis):
    """The fast verb scan finds the very cues of the single regex it replaced (auxiliaries included)."""
    import re

    from helpers import attribution

    reference = re.compile(
        r"(?P<aux>\b(?:has|have|had|did|also|previously|earlier|later|then|reportedly|recently|repeatedly|publicly|"
        r"separately|further|again|once|had\s+previously|has\s+previously)\s+)*"
        rf"(?P<verb>\b(?:{attribution._VERBS})\b)",
        re.I,
    )
    sentences = _all_test_sentences() + list(seed_analysis.sentences["text"])
    assert len(sentences) > 500
    for sentence in sentences:
        expected = [(m.start(), m.end(), m.group(0), m["verb"], m.start("verb")) for m in reference.finditer(sentence)]
        got = [(m.start(), m.end(), m.group(0), m["verb"], m.start("verb")) for m in attribution._verb_cues(sentence)]
        assert got == expected, sentence


def test_phrase_caches_do_not_leak_mutable_results():
    from helpers.attribution import _names

    first = _names("Tesla CEO Elon Musk")
    first.append("tampered")
    assert _names("Tesla CEO Elon Musk") != first


@pytest.mark.parametrize("phrase, expected", [
    ("President Xi Jinping", ("official", "Xi Jinping")),
    ("U.S. President Donald Trump", ("official", "Donald Trump")),
    ("Vice President Mike Pence", ("official", "Mike Pence")),
    ("French President Emmanuel Macron", ("official", "Emmanuel Macron")),
    ("the president of Tesla", ("company", "Tesla")),
    ("company president John Smith", ("company", "John Smith")),
])
def test_a_head_of_state_is_official_and_a_company_president_is_company(phrase, expected):
    """"President" before a name is a title of office unless a company is named (found on real climate coverage)."""
    assert classify(phrase) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Delta Air Lines President Glen Hauenstein said demand was strong.", "company"),
    ("Harvard University President Alan Garber said the school would sue.", "expert"),
    ("Teamsters President Sean O'Brien said workers would strike.", "company"),
    ("former Vice President Al Gore said the ice would melt.", "official"),
    ("A person familiar with Meta's plans for Instagram users said the feature would be delayed.", "anonymous"),
    ("Two heroin users told reporters the supply was tainted, a doctor said on X.", "anonymous"),
    ("Another Weibo user wrote that the factory was busy.", "social_media"),
])
def test_titles_and_platform_users_only_change_type_where_they_should(sentence, expected):
    """Cases a review found: the head-of-state and platform-user rules must not reach other presidents or sources."""
    assert extract_sentence(sentence)[0].source_type == expected


def test_a_country_before_a_title_is_dropped_only_before_a_name():
    assert extract_sentence("French President Emmanuel Macron said Europe must act.")[0].source_name == "Emmanuel Macron"
    assert "of Justice" not in extract_sentence("Swedish Chancellor of Justice Mari Heidenborg said it was closed.")[0].source_name[:9]


def test_a_president_introduced_mid_sentence_stays_official_when_named_again():
    """'On Monday, President Donald Trump ...' then 'Trump said': found on the climate corpus, where he was 'company'."""
    found = extract_article(["On Monday, President Donald Trump signed an order on pipelines.",
                             "Trump said it would create jobs."])
    assert [(f.source_type, f.source_name) for f in found[1]] == [("official", "Donald Trump")]
    harvard = extract_article(["Harvard President Claudine Gay spoke on Monday.", "Gay said the school would appeal."])
    assert harvard[1][0].source_type != "official"

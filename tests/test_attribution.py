"""Attributions: the seed rows the sourcing issue lists, entities and roles from the article, honest types,
names that are noun phrases, and the gold sets scored above their bars."""

import pandas as pd
import pytest

from helpers.attribution import SOURCE_TYPES, extract_article, extract_sentence
from helpers.attribution.across import apply_roles, build_roles
from helpers.attribution.entities import find_names
from helpers.attribution.tokens import tokenize
from helpers.evaluate import evaluate, parse_expected, read_gold
from helpers.errors import SourcebookError
from helpers.text import split_sentences

from .conftest import ROOT

GOLD = ROOT / "tests" / "data" / "attribution_gold.csv"
TYPED = ROOT / "tests" / "data" / "gold"


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


def article(text: str):
    """(sentence, rows) of a text read as one article."""
    sentences = [s.text for s in split_sentences(text)]
    return list(zip(sentences, extract_article(sentences)))


def rows_of(text: str):
    return [(f.source_type, f.source_name, f.via) for _s, found in article(text) for f in found]


# --- the seeds ------------------------------------------------------------------------------------


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
    assert not (rows["sentence"].str.startswith("I think")).any()


def test_musk_in_a_seed_that_gives_him_no_role_is_typed_from_the_other_seeds(seed_rows):
    """No name carries a type in code: the 2019 seed only says "Musk wrote"; the other seeds call him CEO."""
    row = seed_rows[seed_rows["sentence"].str.contains("Musk wrote on Twitter", regex=False)].iloc[0]
    assert (row.source_type, row.source_name, row.confidence) == ("company", "Elon Musk", "medium")
    # The nearest dated telling decides: the 2020 exports seed ("executives"); the undated seed's "CEO" is far in time.
    assert row.type_evidence.startswith("from other articles") and ("CEO" in row.type_evidence
                                                                    or "executive" in row.type_evidence)


def test_rows_carry_evidence_that_points_into_the_article(seed_analysis):
    articles = seed_analysis.articles.set_index("article_id")["text"]
    for row in seed_analysis.attributions.itertuples():
        assert row.source_type in SOURCE_TYPES
        assert row.confidence in {"high", "medium", "low"}
        text = articles[row.article_id]
        evidence = text[row.start:row.end]
        assert evidence and evidence in row.sentence, (row.cue, evidence)
        assert row.cue


# --- entities: one name per source -----------------------------------------------------------------


def test_mentions_of_one_person_are_one_source_under_the_fullest_name():
    text = ("Democratic nominee Hillary Clinton spoke in Ohio on Monday. "
            "Mrs. Clinton said the economy was rigged. "
            "\"We will fight,\" Clinton said. "
            "She added that she would win the state.")
    rows = rows_of(text)
    assert rows and all(name == "Hillary Clinton" for _t, name, _v in rows)
    assert {kind for kind, _n, _v in rows} == {"political"}


def test_surnames_honorifics_and_chinese_names_link_to_the_full_name():
    rows = rows_of("Lily Batchelder, a tax expert and professor of law at New York University, said the plan "
                   "favoured the rich. Ms. Batchelder said the cuts would expire. Batchelder added that the rich would gain most.")
    assert [r[:2] for r in rows] == [("expert", "Lily Batchelder")] * 3
    rows = rows_of("Vice Minister of Commerce Wang Shouwen told reporters the talks went well. "
                   "Wang said China would keep its word.")
    assert [r[:2] for r in rows] == [("official", "Wang Shouwen")] * 2


def test_definite_descriptions_and_pronouns_resolve_to_the_entity():
    rows = rows_of("The Ministry of Commerce issued new rules on Friday. The ministry said the rules would take "
                   "effect in June. It also said exporters would be consulted.")
    assert rows and all(r[:2] == ("official", "Ministry of Commerce") for r in rows)
    rows = rows_of("Tesla opened a showroom in Beijing. The company said demand was strong.")
    assert rows == [("company", "Tesla", "")]


def test_a_relative_pronoun_takes_the_noun_phrase_before_it():
    rows = rows_of("Jessica Leeds met reporters in New York on Thursday. "
                   "Leeds, who said Trump groped her on a flight, spoke for an hour.")
    assert rows == [("other", "Jessica Leeds", "")]


# --- roles from the article, at the article's date ----------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Vice Minister of Commerce Wang Shouwen said the talks were constructive.", ("official", "Wang Shouwen")),
    ("Sen. Elizabeth Warren said the bill was a giveaway.", ("official", "Elizabeth Warren")),
    ("Chen Xin of the Chinese Academy of Social Sciences said tariffs would hurt both sides.", ("expert", "Chen Xin")),
    ("Republican presidential candidate Donald Trump said the system was rigged.", ("political", "Donald Trump")),
    ("U.S. President Donald Trump said the tariffs would stay.", ("official", "Donald Trump")),
    ("Clinton campaign chairman John Podesta said the emails were stolen.", ("political", "John Podesta")),
    ("Tucker McClendon, a student at the university, said he would vote for Sanders.", ("other", "Tucker McClendon")),
    ("Ministry of Commerce spokesman Gao Feng told a press conference that China would respond.", ("official", "Gao Feng")),
    ("Alibaba CEO Daniel Zhang said the festival had become a barometer of consumption.", ("company", "Daniel Zhang")),
    ("Zhou Maohua, an analyst with China Everbright Bank, said the data pointed to pressure.", ("expert", "Zhou Maohua")),
    ("Ken Leung, a strategist at a Hong Kong-based brokerage, said the index could fall.", ("expert", "Ken Leung")),
])
def test_roles_the_article_gives_decide_the_type(text, expected):
    found = extract_sentence(text)
    assert [(f.source_type, f.source_name) for f in found] == [expected]
    assert found[0].type_evidence and found[0].confidence == "high"


@pytest.mark.parametrize("text, expected", [
    ("Labour leader Nell Varga said the plan would fail.", ("political", "Nell Varga")),  # a party the finder missed
    ("European Council President Ana Lindqvist said the summit would go on.", ("official", "Ana Lindqvist")),
    ("Budget director Nadia Orrin said the cuts were needed.", ("official", "Nadia Orrin")),
    ("White House legislative affairs director Tom Ayala told reporters the vote would slip.", ("official", "Tom Ayala")),
    ("The EU's chief trade negotiator, Pieter Vos, told reporters the talks had stalled.", ("official", "Pieter Vos")),
    ("The county missed the deadline, its supervisor of elections, Rita Moss, said.", ("official", "Rita Moss")),
    ("Dana Kell, the Ortiz campaign's lead recount lawyer, told reporters the ballots should count.",
     ("political", "Dana Kell")),
    ("Joan Petit, Mr. Ortiz's deputy campaign manager, said he would debate.", ("political", "Joan Petit")),
    ("Okafor's EPA administrator, Lena Brandt, said the rule would go.", ("official", "Lena Brandt")),  # the EPA's
    # and not more than the words say
    ("Dana Kell, a lawyer for the family, said the ballots should count.", ("other", "Dana Kell")),
    ("Sierra Club president Ana Ruiz said the rule would be challenged.", ("other", "Ana Ruiz")),
])
def test_compound_titles_and_appositions_give_the_role(text, expected):
    assert [(f.source_type, f.source_name) for f in extract_sentence(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a sitting senator in a race speaks as a candidate when the article gives the race's results
    ("Sen. Ada Morrow, who finished a distant second, told reporters the fight would go on.", ("political", "Ada Morrow")),
    ("Sen. Ada Morrow said her delegate haul in Ohio would make up for it.", ("political", "Ada Morrow")),
    ("His win came with the endorsement of Rep. Lou Carver, who told voters the governor could win.",
     ("political", "Lou Carver")),
    ("Sen. Ada Morrow said the bill would pass.", ("official", "Ada Morrow")),  # no race in sight: her office
    ("In Ohio, Republican Secretary of State Nils Berg said the count was final.", ("official", "Nils Berg")),
])
def test_campaign_results_and_endorsements_make_a_politician_political(text, expected):
    assert [(f.source_type, f.source_name) for f in extract_sentence(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("EPA nominee Lena Brandt said the rules would change.", ("official", "Lena Brandt")),  # nominated to an office
    ("Supreme Court nominee Omar Haddad said he would be fair.", ("official", "Omar Haddad")),
    ("Democratic nominee Ada Morrow said she would win.", ("political", "Ada Morrow")),  # nominated by a party
    ("Haddad, the GOP Senate nominee, accused Democrats of stalling the count.", ("political", "Haddad")),
])
def test_a_nominee_is_a_candidate_of_a_party_or_a_nominee_to_an_office(text, expected):
    assert [(f.source_type, f.source_name) for f in extract_sentence(text)] == [expected]


def test_a_body_is_typed_by_what_it_is_not_by_a_role_in_it_and_an_acronym_by_its_article():
    rows = rows_of("Voltara said it opposed the ruling. In a letter to staff, Wen Bo, president of Voltara's chip unit, "
                   "said the company had prepared.")
    assert rows[0][:2] == ("other", "Voltara") and rows[1][:2] == ("other", "Wen Bo"), rows  # never official
    rows = rows_of("Imports rose, according to the General Administration of Customs (GAC). GAC spokesperson Li Kuiwen "
                   "told a press conference that trade grew.")
    assert rows[-1][:2] == ("official", "Li Kuiwen"), rows  # GAC here is the customs office, not the carmaker
    rows = rows_of("The Intergovernmental Panel on Climate Change (IPCC) met. The IPCC said emissions must fall.")
    assert rows[-1][1] != "Climate Change", rows  # an acronym joins a name only when it spells its initials


@pytest.mark.parametrize("text, expected", [
    # each role of a coordinated apposition is read on its own, and the strongest decides
    ("Lu Ping, chief economist at Harbor Securities and a former official with the central bank, said rates would "
     "fall.", ("expert", "Lu Ping")),
    ("Zhao Lin, a former vice minister of commerce and now a fellow at the Bright Institute, said tariffs would stay.",
     ("expert", "Zhao Lin")),
    # a company described, not named
    ("Otto Kern, Europe president of a Swiss watch maker, said sales had doubled.", ("company", "Otto Kern")),
    ("Ana Cruz, sales director of a Brazilian coffee exporter, told reporters that demand was strong.",
     ("company", "Ana Cruz")),
    ("Fund Managing Director Ines Ward said the loan would be approved.", ("other", "Ines Ward")),  # no body: no type
    ("IMF Managing Director Ines Ward said the loan would be approved.", ("official", "Ines Ward")),
])
def test_appositions_in_parts_and_unnamed_companies(text, expected):
    assert [(f.source_type, f.source_name) for f in extract_sentence(text)] == [expected]


def test_a_surname_used_before_the_full_name_resolves_to_the_person_named_in_full():
    rows = rows_of("Varga: The Debate Was Better. Daily Courier columnist Nell Varga wrote that the debate was better. "
                   "Varga said the tone was fine.")
    assert rows[-1][:2] == ("media", "Nell Varga"), rows
    # two people of that surname: the one named last, as for any surname
    rows = rows_of("Okafor: We Will Win. Ada Okafor said her father would win. Ben Okafor said he would win. "
                   "Okafor said so again.")
    assert [r[1] for r in rows[1:]] == ["Ada Okafor", "Ben Okafor", "Ben Okafor"], rows


def test_a_body_in_a_place_is_the_body_not_the_place():
    assert [r[:2] for r in rows_of("The Nordic Chamber of Commerce in Vietnam said in a statement that it welcomed "
                                  "the law.")] == [("other", "Nordic Chamber of Commerce")]
    assert [r[0] for r in rows_of("Officials in Vietnam said the talks went well.")] == ["anonymous"]


def test_a_public_body_has_one_name():
    rows = rows_of("The EPA said the rule would stay. The Environmental Protection Agency said so again. "
                   "The National Aeronautics and Space Administration said the launch was on time.")
    assert [n for _t, n, _v in rows] == ["Environmental Protection Agency", "Environmental Protection Agency", "NASA"]


def test_an_outlet_has_one_name_as_a_source_and_as_a_via():
    rows = rows_of("Okafor told the AP that he would win. The Associated Press reported that the count was over. "
                   "Reyes told the Washington Post that she was ready. According to The Washington Post, it was.")
    assert [(t, n, v) for t, n, v in rows if t == "media" or v] == [
        ("other", "Okafor", "Associated Press"), ("media", "Associated Press", ""),
        ("other", "Reyes", "The Washington Post"), ("media", "The Washington Post", "")]
    assert rows_of("Reuters reported the deal.") == [("media", "Reuters", "")]  # a name of its own stays


def test_a_person_of_an_outlet_is_the_person_typed_by_the_outlet():
    names = [(n.text, n.kind) for n in find_names(tokenize("Maria Lopez of Fox News asked the senator."),
                                                  [False] * 7)]
    assert names == [("Maria Lopez", "person"), ("Fox News", "outlet")]
    rows = rows_of("The moderator, Maria Lopez of Fox News, asked whether the count was over. Ms. Lopez pressed him "
                   "to let his opponent finish, and Lopez asked again.")
    assert {(t, n) for t, n, *_ in rows} == {("media", "Maria Lopez")}, rows  # campaign words nearby do not outweigh



def test_the_same_name_is_a_candidate_in_2016_and_the_president_in_2018():
    candidate = rows_of("Republican nominee Donald Trump held a rally. Trump said the polls were wrong.")
    president = rows_of("President Donald Trump held a rally. Trump said the economy was booming.")
    assert {r[0] for r in candidate} == {"political"} and {r[0] for r in president} == {"official"}


def test_a_named_source_with_no_role_evidence_is_other_never_company():
    found = extract_sentence("Brightwater said it would cut prices.")
    assert [(f.source_type, f.confidence) for f in found] == [("other", "low")]
    found = extract_sentence("Trump said the polls were wrong.")
    assert [(f.source_type, f.type_evidence, f.confidence) for f in found] == [("other", "", "low")]


def test_roles_carry_across_articles_near_in_time_only():
    rows = pd.DataFrame([
        {"article_id": "a", "date": "2016-10-01", "source_name": "Donald Trump", "source_type": "political",
         "type_evidence": "Republican nominee", "confidence": "high"},
        {"article_id": "b", "date": "2018-06-01", "source_name": "Donald Trump", "source_type": "official",
         "type_evidence": "President", "confidence": "high"},
        {"article_id": "c", "date": "2016-10-20", "source_name": "Trump", "source_type": "other",
         "type_evidence": "", "confidence": "low"},
        {"article_id": "d", "date": "2018-05-20", "source_name": "Trump", "source_type": "other",
         "type_evidence": "", "confidence": "low"},
    ])
    typed = apply_roles(rows, build_roles([rows]))
    assert list(typed["source_type"]) == ["political", "official", "political", "official"]
    assert list(typed["source_name"][2:]) == ["Donald Trump", "Donald Trump"]
    assert typed["type_evidence"][2].startswith("from other articles")



def test_a_typed_surname_takes_the_one_full_name_the_corpus_gives_it_then():
    """'President Trump' in an article that never writes his first name is counted with 'Donald Trump'; a surname
    two people share alike, a group ('Democrats') or an acronym keeps the article's own words."""
    def row(article, name, kind="official", evidence="President", confidence="high", date="2018-06-01"):
        return {"article_id": article, "date": date, "source_name": name, "source_type": kind,
                "type_evidence": evidence, "confidence": confidence}

    rows = pd.DataFrame([
        *(row(f"a{k}", "Donald Trump") for k in range(4)), row("c", "Ivanka Trump", "political", "adviser"),  # 4 in 5
        row("d", "Trump"),  # typed by its own article, named by its surname only
        row("d2", "Trump", "official", "from other articles (3): 'President'", "medium"),  # typed from others
        row("e", "Bill Clinton", "political", "former president"), row("f", "Hillary Clinton", "political", "nominee"),
        row("g", "Clinton", "political", "nominee"),  # two Clintons, cited alike: left alone
        row("h", "Senate Democrats", "political", "party"), row("i", "Democrats", "political", "party"),
        row("j", "NASA Goddard Institute", "expert", "institute"), row("k", "NASA", "expert", "agency"),
        *(row(f"m{k}", "Ada Sanders", "political", "candidate") for k in range(4)),
        row("n", "Sanders", "political", "campaign: 'his campaign'"),  # a surname that ends in s
        row("o", "Officials", "official", "officials"), row("p", "Republicans", "political", "party"),
        row("q", "Ada Officials", "political", "candidate"), row("r", "Ada Republicans", "political", "candidate"),
        *(row(f"s{k}", "Jennifer Francis", "expert", "scientist") for k in range(3)),
        row("t", "Francis", "other", "Pope", "high"),  # "Pope Francis": a given name, not Jennifer Francis's surname
        row("u", "Ada T. Sanders", "political", "candidate"),  # as the corpus writes it elsewhere: Ada Sanders
        row("v", "Ben Q. Okafor", "political", "candidate"),  # written only so: kept
    ])
    typed = apply_roles(rows, build_roles([rows])).set_index("article_id")
    assert typed.loc["d", "source_name"] == "Donald Trump" and typed.loc["d", "source_type"] == "official"
    assert typed.loc["d", "type_evidence"] == "President; full name from other articles"
    assert typed.loc["d2", "source_name"] == "Donald Trump"
    assert typed.loc["g", "source_name"] == "Clinton"
    assert typed.loc["i", "source_name"] == "Democrats" and typed.loc["k", "source_name"] == "NASA"
    assert typed.loc["n", "source_name"] == "Ada Sanders" and typed.loc["t", "source_name"] == "Francis"
    assert typed.loc["u", "source_name"] == "Ada Sanders" and typed.loc["v", "source_name"] == "Ben Q. Okafor"
    assert typed.loc["o", "source_name"] == "Officials" and typed.loc["p", "source_name"] == "Republicans"  # groups
    renamed = ["d", "d2", "n", "u"]
    assert (typed.drop(index=renamed)["source_name"] == rows.set_index("article_id").drop(index=renamed)["source_name"]).all()


def role_row(article, name, kind, evidence, date="2016-02-01", confidence="high"):
    """One attribution row as the roles-across-articles pass reads it."""
    return {"article_id": article, "date": date, "source_name": name, "source_type": kind,
            "type_evidence": evidence, "confidence": confidence}


def test_an_officeholder_running_at_the_time_is_political_in_election_coverage():
    rows = pd.DataFrame([
        *(role_row(f"c{k}", "Ada Morrow", "political", "Democratic presidential candidate") for k in range(3)),
        role_row("e", "Ben Okafor", "political", "campaign: 'his campaign'"),  # e is election coverage
        role_row("e", "Ada Morrow", "official", "Sen."),  # the senator, in election coverage, while running: political
        role_row("f", "Ada Morrow", "official", "Sen."),  # an article where no one is shown running: her office
        role_row("g", "Ada Morrow", "official", "Sen.", date="2017-03-01"),  # long after the race
        *(role_row(f"p{k}", "Cal Reyes", "political", "Republican presidential candidate") for k in range(3)),
        role_row("e", "Cal Reyes", "official", "President"),  # a sitting president running again speaks from office
    ])
    typed = apply_roles(rows, build_roles([rows]))
    kinds = {(r.article_id, r.source_name): (r.source_type, r.type_evidence, r.confidence) for r in typed.itertuples()}
    assert kinds[("e", "Ada Morrow")][0] == "political" and kinds[("e", "Ada Morrow")][2] == "medium"
    assert kinds[("e", "Ada Morrow")][1].startswith("Sen.; a candidate then (from other articles (3)")
    assert kinds[("f", "Ada Morrow")][0] == kinds[("g", "Ada Morrow")][0] == kinds[("e", "Cal Reyes")][0] == "official"


def test_a_businessman_running_at_the_time_and_those_who_serve_a_candidate_are_political():
    rows = pd.DataFrame([
        *(role_row(f"c{k}", "Ada Morrow", "political", "Democratic presidential candidate") for k in range(3)),
        role_row("e", "Ben Okafor", "political", "campaign: 'his campaign'"),  # e is election coverage
        role_row("e", "Ada Morrow", "company", "real estate mogul"),  # a mogul, while running: a candidate
        role_row("e", "Pat Ruiz", "official", "a senior adviser to Ms. Morrow (Ada Morrow: Sen.)"),  # serves her
        role_row("e", "Lee Chan", "official", "a senior adviser to Mr. Kern (Ed Kern: Sen.)"),  # serves someone not running
        role_row("e", "Kim Dahl", "company", "chief executive of Dahl Foods"),  # not running: stays company
    ])
    typed = apply_roles(rows, build_roles([rows]))
    kinds = {(r.article_id, r.source_name): r.source_type for r in typed.itertuples()}
    assert kinds[("e", "Ada Morrow")] == kinds[("e", "Pat Ruiz")] == "political", kinds
    assert kinds[("e", "Lee Chan")] == "official" and kinds[("e", "Kim Dahl")] == "company", kinds


def test_a_past_office_is_a_former_one():
    rows = rows_of("Dana Lowry told supporters in Ames that she would win. Pat Ruiz, a senior adviser to Ms. Lowry "
                   "and past president of the Teamsters of America, said the race was close.")
    assert rows[-1][:2] == ("political", "Pat Ruiz"), rows


@pytest.mark.parametrize("text, expected", [
    # a sitting president speaks from the office, whatever his campaign did
    ("President Cal Reyes said he had fired the director. The Reyes campaign's ties to the firm are under review. "
     "Reyes said the inquiry was a hoax.", "official"),
    # unless the article shows him campaigning for the office again
    ("President Cal Reyes took the debate stage on Tuesday. Reyes told his supporters to watch the polls.",
     "political"),
    # a researcher's lawyer speaks for a private person
    ("Dr. Ada Morrow, a research psychologist, testified on Thursday. Dr. Morrow's lawyer, Debra Vance, said her "
     "client had answered every question.", "other"),
    ("Lena Brandt, a 51-year-old contractor at the Department of Energy, said she could not afford it.", "other"),
])
def test_the_side_a_source_speaks_for(text, expected):
    assert article(text)[-1][1][0].source_type == expected, article(text)


@pytest.mark.parametrize("text, campaign", [
    ("Sen. Ada Morrow said during the Democratic primary debate that the bill was a giveaway.", True),
    ("Sen. Ada Morrow said after the New Hampshire primary that the fight would go on.", True),
    ("Sen. Ada Morrow said burning coal is the primary driver of the warming.", False),
    ("Sen. Ada Morrow said his nomination to lead the agency was a mistake.", False),
    ("Sen. Ada Morrow told the Congressional Black Caucus that the bill would pass.", False),
])
def test_a_campaign_in_the_sentence_is_the_race_not_the_word(text, campaign):
    found = extract_sentence(text)
    assert (found[0].source_type == "political") is campaign, found


# --- cues as reporters write them ------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Clinton believes the economy needs a raise.",
    "Trump wants to build a wall on the southern border.",
    "Sanders called for a $15 minimum wage.",
    "The governor denied the allegations on Tuesday.",
    "Pence warned that the deal would fail.",
    "Warren urged regulators to act.",
    "Cruz accused Rubio of lying about immigration.",
    "Trump tweeted that the election was rigged.",
    "Obama insisted the deal was sound.",
    "Rubio asked whether the plan was legal.",
    "In a statement, the ministry said exports rose.",
    "Polls show Clinton ahead in Pennsylvania.",
    "Records show the company paid no tax.",
    "\"We will win,\" Kasich said.",
    "\"We will win,\" said Kasich.",
    "Kasich is quoted as saying the party would unite.",
    "King says Ali talked the talk and walked the walk.",
])
def test_cues_as_reporters_write_them(sentence):
    assert extract_sentence(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "Under the said agreement, the plant will reopen.",
    "He was told to leave the building.",
    "The bill would require companies to report their emissions.",
    "Amid reports of a second factory, shares rose.",
    "Police found a body near the river.",
    "Toyota posted a record profit for the quarter.",
    "The economy added 200,000 jobs in May.",
    "Tesla Said to Plan Second China Factory",
])
def test_sentences_without_an_attribution_cue_give_none(sentence):
    found = extract_sentence(sentence)
    if sentence.startswith("Tesla Said"):
        assert [f.source_type for f in found] == ["anonymous"]  # a wire headline credits unnamed sources
    else:
        assert found == [], sentence


def test_told_the_global_times_gives_the_speaker_via_the_outlet():
    found = extract_sentence("Chen Xin of the Chinese Academy of Social Sciences told the Global Times that exports rose.")
    assert [(f.source_type, f.source_name, f.via) for f in found] == [("expert", "Chen Xin", "Global Times")]


def test_unnamed_officials_are_anonymous_and_named_bodies_are_not():
    assert [f.source_type for f in extract_sentence("A senior official said the talks had stalled.")] == ["anonymous"]
    assert [f.source_type for f in extract_sentence("People familiar with the matter said the deal was close.")] == ["anonymous"]
    assert [f.source_type for f in extract_sentence("Liangjiang New Area officials confirmed the plan.")] == ["official"]


@pytest.mark.parametrize("sentence", [
    "A senior Okafor adviser tells us the ads will run by midweek.",
    "A veteran GOP aide told us the bill would sell itself.",
    "Several Montana Democratic officials said they would stand by the mayor.",
    "Several Republican senators privately worry that the order sets a precedent.",
    "Two Treasury officials, who spoke on condition of anonymity, said the plan had not been agreed.",
    "A Coast Guard officer who asked that her name not be used said the patrols had stopped.",
])
def test_unnamed_people_of_a_named_side_are_anonymous_whoever_they_serve(sentence):
    assert [(f.source_type, f.source_name) for f in extract_sentence(sentence)] == [("anonymous", "")]


@pytest.mark.parametrize("sentence, expected", [
    ("Okafor campaign spokesman Dan Reyes said the tape was old.", "political"),  # named: typed by whom he serves
    ("Bureau of Statistics officials said the figures were final.", "official"),  # the body, in the plural
])
def test_named_members_and_bodies_speaking_through_their_people_keep_their_type(sentence, expected):
    assert [f.source_type for f in extract_sentence(sentence)] == [expected]


# --- names are noun phrases -------------------------------------------------------------------------


@pytest.mark.parametrize("text, bad", [
    ("Editor's note: Donald Trump is a serial liar, rampant xenophobe, racist, misogynist and birther who has "
     "repeatedly pledged to ban all Muslims.", "rampant xenophobe, racist, misogynist and birther who"),
    ("Clinton, the former secretary of state and Democratic nominee, said the plan would work.", "secretary of state and"),
    ("The Democratic nominee spoke first. Democratic officials said the vote was close.", "Democratic"),
    ("Officials in the U.S. said the talks would resume.", "U.S"),
    ("An official said, via An aide, that the plan was dead.", "An"),
    ("The company Section 8 said the rent would rise.", "company Section"),
])
def test_source_names_are_never_clause_fragments(text, bad):
    names = [f.source_name for _s, found in article(text) for f in found] + [
        f.via for _s, found in article(text) for f in found]
    assert bad not in names


def test_a_relative_clause_after_a_predicate_noun_credits_the_subject():
    rows = rows_of("Editor's note: Donald Trump is a serial liar, rampant xenophobe, racist, misogynist and birther who has "
                   "repeatedly pledged to ban all Muslims.")
    assert [name for _t, name, _v in rows] == ["Donald Trump"]


# --- the gold sets ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, precision, recall", [
    # a little under what the rules score (0.95 / 0.93 and 0.88 / 0.82 on 2026-12-01), so that a change that
    # loses typed rows fails here rather than in a reporter's chart
    ("statemedia.jsonl", 0.92, 0.90),
    ("political.jsonl", 0.84, 0.78),
])
def test_typed_gold_passages_score_above_their_bars(name, precision, recall):
    """The development passages (written without reading the rules; the rules were then tuned on them)."""
    gold = read_gold(TYPED / name)
    assert len(gold) >= 30
    scores, _ = evaluate(gold)
    overall = scores.set_index("source_type").loc["overall"]
    assert overall["precision"] >= precision and overall["recall"] >= recall, overall.to_dict()


def test_gold_set_scores_above_the_bars():
    gold = read_gold(GOLD)
    assert len(gold) >= 150
    scores, _ = evaluate(gold)
    by_type = scores.set_index("source_type")
    assert by_type.loc["overall", "precision"] >= 0.8
    assert by_type.loc["overall", "recall"] >= 0.7
    assert by_type.loc["anonymous", "precision"] >= 0.9


def test_gold_set_is_well_formed_and_covers_the_hard_cases():
    gold = read_gold(GOLD)
    expected = [row.expected for row in gold.items]
    types = [item[0] for value in expected for item in parse_expected(value)]
    assert set(types) == set(SOURCE_TYPES) - {"political"}
    assert sum(value == "" for value in expected) >= 40  # hard negatives
    assert sum(row.context != "" for row in gold.items) >= 5  # "he added" after the speaker was named


def test_scoring_counts_false_positives(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,sentence\n1,x\n", encoding="utf-8")
    with pytest.raises(SourcebookError, match="missing columns"):
        read_gold(bad)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "A said.", "attributions": [{"sentence": "B said.", "source_type": "other"}]}\n')
    with pytest.raises(SourcebookError, match="not in the passage"):
        read_gold(broken)
    one = tmp_path / "one.jsonl"
    one.write_text('{"id": "x", "text": "Reuters reported the deal, the company said.", "attributions": []}\n')
    scores, _ = evaluate(read_gold(one))
    overall = scores.set_index("source_type").loc["overall"]
    assert overall["predicted"] >= 1 and overall["correct"] == 0


@pytest.mark.parametrize("name", ["attribution_dev.csv", "attribution_holdout.csv"])
def test_development_and_held_out_sets_are_well_formed(name):
    gold = read_gold(ROOT / "tests" / "data" / name)
    assert len(gold) >= 80 and len({row.id for row in gold.items}) == len(gold)
    scores, _ = evaluate(gold)
    assert scores.set_index("source_type").loc["overall", "gold"] > 50


@pytest.mark.parametrize("sentence, expected", [
    ("President Xi Jinping said China would open further.", "official"),
    ("Vice President Mike Pence said the deal was done.", "official"),
    ("Delta Air Lines President Glen Hauenstein said demand was strong.", "company"),
    ("Harvard University President Alan Garber said the school would sue.", "expert"),
    ("A person familiar with Meta's plans for Instagram users said the feature would be delayed.", "anonymous"),
    ("Another Weibo user wrote that the factory was busy.", "social_media"),
])
def test_titles_and_platform_users_only_change_type_where_they_should(sentence, expected):
    assert extract_sentence(sentence)[0].source_type == expected


@pytest.mark.parametrize("text, expected", [
    # A sitting senator shown campaigning speaks as a candidate (the guidelines' political type).
    ("Sen. Ted Cruz told supporters in Des Moines that the caucuses were a victory.", ("political", "Ted Cruz")),
    ("Former Arkansas Gov. Mike Huckabee announced that he was suspending his campaign.", ("political", "Mike Huckabee")),
    # Someone who serves a person takes that person's side.
    ("Republican presidential candidate Marco Rubio spoke in Iowa. Alex Conant, a spokesman for Mr. Rubio, said "
     "the campaign was confident.", ("political", "Alex Conant")),
    # A poll is the pollster's, whoever runs it.
    ("A CNN/ORC poll of debate watchers found that 62 percent thought Mrs. Clinton had won.", ("expert", "CNN/ORC poll")),
    # An outlet's journalist is media.
    ("As RealClearPolitics' David Byler pointed out in December, the rules can change.", ("media", "David Byler")),
])
def test_roles_read_from_campaign_acts_people_served_polls_and_outlets(text, expected):
    rows = rows_of(text)
    assert rows and (rows[-1][0], rows[-1][1]) == expected, rows


@pytest.mark.parametrize("sentence", [
    "Trump's criticism of the judge drew rebukes from both parties.",
    "Rubio seemed to suggest that the plan would fail.",
    "Chris Christie Says He Would Issue A Quarantine Over Zika Virus",
    "Clinton spoke about the economy in Ohio.",
    "Sanders laid out his plan for free college on Tuesday.",
    "Those surveyed said Trump was best able to handle the issue.",
    "About four in 10 said they were angry with the government.",
    "Netizens on Weibo were quick to mock the new logo.",
    "Volkswagen did not respond to a request for comment.",
])
def test_more_cues_reporters_write(sentence):
    assert extract_sentence(sentence), sentence


def test_a_description_of_the_person_the_passage_is_about_resolves_to_them():
    rows = rows_of("Ben Carson spoke at length about his childhood in Detroit. Carson said the reports were false. "
                   "The retired neurosurgeon acknowledged that he expected scrutiny.")
    assert {name for _t, name, _v in rows} == {"Ben Carson"}


# --- misses the rules used to drop ----------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("\"The bill is dead,\" said Garrick Holm of Nebraska.", ("other", "Garrick Holm")),
    ("\"The bill is dead,\" said Sen. Garrick Holm of Nebraska, a longtime critic of the bill.", ("official", "Garrick Holm")),
    ("Garrick Holm of Nebraska spoke first. Holm said the bill was dead.", ("other", "Garrick Holm")),
    ("\"The bill is dead,\" said Sen. Tom Holm of New Mexico, who chairs no panel.", ("official", "Tom Holm")),
])
def test_a_person_of_a_place_is_the_person(text, expected):
    rows = rows_of(text)
    assert rows and all(r[:2] == expected for r in rows), rows


def test_a_body_of_a_place_stays_whole():
    assert [r[1] for r in rows_of("The Southern District of New York said the case was open.")] == [
        "Southern District of New York"]
    assert rows_of("The senator of Nebraska") == []


def test_a_demonym_alone_before_said_is_a_surname():
    assert rows_of("\"The deal is bad,\" Cuban said.") == [("other", "Cuban", "")]
    rows = rows_of("Mark Cuban owns a basketball team. \"The deal is bad,\" Cuban said.")
    assert rows and rows[-1][:2] == ("other", "Mark Cuban")
    assert rows_of("Cuban cigars sold well in Miami.") == []
    assert [r[0] for r in rows_of("Cuban officials said the talks went well.")] == ["anonymous"]


@pytest.mark.parametrize("text", [
    "\"We expect a long fight,\" Dana Korver, Sanders’ campaign manager, said.",
    "\"We expect a long fight,\" Dana Korver, Sanders' campaign manager, said in a statement.",
    "“We expect a long fight,” Dana Korver, Sanders’ campaign manager, said.",
])
def test_a_name_in_apposition_between_the_quote_and_the_verb(text):
    found = extract_sentence(text)
    assert [(f.source_type, f.source_name) for f in found] == [("political", "Dana Korver")]
    assert "campaign manager" in found[0].type_evidence


def test_a_plural_possessive_with_a_curly_apostrophe_is_a_possessive():
    assert [r[:2] for r in rows_of("Sanders’ campaign said it would win the state.")] == [("political", "Sanders")]
    assert rows_of("The voters’ anger grew over the summer.") == []


@pytest.mark.parametrize("text, name", [
    ("It is a fair question,'' Ms. Okafor said.", "Okafor"),
    ("Well, the voters will decide soon,'' Mr. Lindqvist said.", "Lindqvist"),
    ("It is a fair question,” Ms. Okafor said.", "Okafor"),
    ("It is a fair question,\" Ms. Okafor said.", "Okafor"),
])
def test_a_sentence_that_opens_inside_a_quotation_credits_the_speaker_after_it(text, name):
    assert [f.source_name for f in extract_sentence(text)] == [name]


def test_a_cue_inside_a_quotation_that_began_earlier_is_not_a_cue():
    rows = rows_of("Mr. Lindqvist spoke for an hour. ''It was long. The critics said it was too long,'' he said.")
    assert [r[1] for r in rows] == ["Lindqvist"]
    assert [f.phrase for f in extract_sentence("The critics said it was too long,'' he said.")] == ["he"]


@pytest.mark.parametrize("text, name", [
    ("Okafor asked.", "Okafor"),
    ("Lindqvist then added.", "Lindqvist"),
    ("Ms. Okafor later replied.", "Okafor"),
    ("\"Will it pass?\" Dana Okafor spoke next. She asked.", "Dana Okafor"),
])
def test_a_sentence_of_only_a_speaker_and_a_reporting_verb_is_an_attribution(text, name):
    rows = rows_of(text)
    assert rows and rows[-1][1] == name, rows


@pytest.mark.parametrize("text", ["The voters asked.", "It asked.", "Okafor added a room to the house."])
def test_a_bare_reporting_verb_needs_a_person_as_its_speaker(text):
    assert rows_of(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Okafor praised the mayor as the best leader the city ever had and said the budget would pass.", ("other", "Okafor")),
    ("Senate Republicans blocked the vote on Tuesday and said they would return in June.", ("political", "Senate Republicans")),
    ("Dana Okafor spoke next. She paid the loan off in ten years, but said she never bought a house.", ("other", "Dana Okafor")),
    ("Dana Okafor spoke next. She also likened the mayor to a magician, saying both make money vanish.", ("other", "Dana Okafor")),
    ("Dana Okafor spoke next. She also staked out a plan for the port, saying she would widen the channel.", ("other", "Dana Okafor")),
])
def test_a_verb_of_saying_coordinated_with_a_past_verb_takes_its_subject(text, expected):
    rows = rows_of(text)
    assert rows and rows[-1][:2] == expected, rows


@pytest.mark.parametrize("text", [
    "Republicans won the state and the governorship.",
    "The plan, unveiled in March, stalled and the port stayed shut.",
    "Okafor engineered a floor fight and denied Carter a photograph of unity.",
])
def test_coordinated_verbs_that_credit_no_statement(text):
    assert extract_sentence(text) == []


@pytest.mark.parametrize("text, expected", [
    ("\"The rent doubled,\" said the 52-year-old.", ("other", "52-year-old")),
    ("\"The rent doubled,\" the 31-year-old said.", ("other", "31-year-old")),
    ("Mira Sandoval, 52, rents a flat downtown. \"The rent doubled,\" said the 52-year-old.", ("other", "Mira Sandoval")),
    ("Mira Sandoval, a 52-year-old nurse, rents a flat. \"The rent doubled,\" the 52-year-old said.", ("other", "Mira Sandoval")),
])
def test_a_person_described_by_their_age(text, expected):
    rows = rows_of(text)
    assert rows and rows[-1][:2] == expected, rows


def test_an_age_that_describes_a_thing_is_no_source():
    assert rows_of("The 46-year-old building was demolished.") == []
    assert rows_of("The 46-year-old bridge closed, and the 30-year-old road reopened.") == []


@pytest.mark.parametrize("text, expected", [
    ("\"It raises the price of bread,\" the Republican said this week.", ("political", "Republican")),
    ("The Democrat told reporters the count was wrong.", ("political", "Democrat")),
    ("Republican nominee Garrick Holm toured a mill. Dana Okafor spoke too. \"We will win,\" the Republican said.",
     ("political", "Garrick Holm")),
])
def test_the_republican_and_the_democrat_are_people_of_a_party(text, expected):
    rows = rows_of(text)
    assert rows and rows[-1][:2] == expected, rows


@pytest.mark.parametrize("text", ["Republicans won the state and the governorship.",
                                  "The Republican convention opened in July."])
def test_party_words_that_are_not_a_speaker(text):
    assert rows_of(text) == []


# --- plain attributions the rules used to miss (sourcing-misses-2) --------------------------------


@pytest.mark.parametrize("text", [
    "Many contend that the levy will drive shoppers across the border.",
    "Some say the bridge toll is too high.",
    "The new curfew, many argue, will do little to curb crime.",
    "The board adopted zoning rules that some say favour developers.",
    "Most insist the harbour should stay public.",
    "The toll will rise, as some have warned.",
])
def test_a_bare_quantifier_before_a_verb_of_saying_is_an_unnamed_group(text):
    rows = rows_of(text)
    assert [r[:2] for r in rows] == [("anonymous", "")], rows


@pytest.mark.parametrize("text", [
    "How many say yes to the tax is unclear.",
    "Many see the harbour every day.",
    "Some claims about the old pier were false.",
    "So many claimed the prize that the lottery paused.",
])
def test_a_quantifier_that_is_no_group_of_speakers(text):
    assert rows_of(text) == [], rows_of(text)


@pytest.mark.parametrize("text", [
    "On housing, 61% say rents are too high.",
    "Across the county, about 40% said they would move; 35% disagree.",
    "Only 12% believe the port will reopen this year.",
])
def test_a_share_written_with_a_percent_sign_is_poll_respondents(text):
    rows = rows_of(text)
    assert rows and rows[0][:2] == ("expert", "poll respondents"), rows  # the poll's finding: polls are expert


@pytest.mark.parametrize("text", [
    "Shares that fell 5% say little about the market.",
    "A tax of 5% warned off buyers.",
])
def test_a_percent_that_is_no_share_of_people(text):
    assert rows_of(text) == [], rows_of(text)


@pytest.mark.parametrize("text, name", [
    ("During the forum, Okafor was asked by moderator Lena Brandt whether she would raise the levy.", "Lena Brandt"),
    ("Asked by Brandt if the port would close, Holm shrugged.", "Brandt"),
    ("Holm was asked by a caller why the ferry was late.", "caller"),
])
def test_the_asker_in_a_by_phrase_is_the_source_of_the_question(text, name):
    found = extract_sentence(text)
    assert [(f.source_name, f.cue) for f in found] == [(name, "asked by")], found


def test_asked_by_keeps_the_answerer_the_sentence_credits():
    names = [r[1] for r in rows_of("Asked by Brandt whether the levy would pass, Okafor said it would.")]
    assert "Brandt" in names and "Okafor" in names, names


@pytest.mark.parametrize("text", [
    "Okafor was asked by Friday to file the report.",
    "The rent asked by the landlord was too high.",
    "The price asked by the seller fell twice.",
])
def test_asked_by_that_is_no_question(text):
    assert rows_of(text) == [], rows_of(text)


@pytest.mark.parametrize("text, name", [
    ("The town officials whose ordinances have been struck down say the courts changed.", "town officials"),
    ("Parents who drove their children to the rally said the buses never came.", "Parents"),
    ("Voters who moved to the valley in March say the levy will pass.", "Voters"),
])
def test_a_subject_with_a_relative_clause_before_the_verb_of_saying(text, name):
    found = extract_sentence(text)
    assert [f.phrase.split(" ", 1)[-1] if f.phrase.startswith("The ") else f.phrase
            for f in found if f.cue in {"say", "said"}] == [name], found


@pytest.mark.parametrize("text, wrong", [
    ("Residents who think the plan says too little stayed home.", "Residents"),
    ("Residents who heard the mayor say the port would close stayed home.", "Residents"),
    ("He met voters who backed the levy in March say it will pass.", "voters"),
])
def test_a_relative_clause_that_is_not_the_subject_of_the_verb_of_saying(text, wrong):
    found = extract_sentence(text)
    assert not [f for f in found if f.source_name == wrong and f.cue in {"say", "says"}], found


@pytest.mark.parametrize("text", [
    "The bridge whose cables snapped says a lot about upkeep.",
    "The ferry whose engine failed shows how old the fleet is.",
])
def test_a_thing_with_a_relative_clause_is_no_speaker(text):
    assert rows_of(text) == [], rows_of(text)


@pytest.mark.parametrize("text", [
    "Holm picked Okafor, a woman who moved to the coast in order to fish, and Brandt, who believes the port will close.",
    "The mayors who quietly backed the levy by publicly praising the port included Dana Okafor, who called it a triumph.",
])
def test_a_relative_clause_before_a_noun_or_a_participle_is_no_subject(text):
    found = extract_sentence(text)
    assert not [f for f in found if f.cue in {"order", "praising"}], found
    assert [f.source_name for f in found if f.cue in {"believes", "called"}], found


def test_who_after_a_thing_of_a_person_is_the_person():
    found = extract_sentence("Holm sat through a speech from the harbour master, who said the tolls were fair.")
    assert [f.phrase for f in found] == ["the harbour master"], found


@pytest.mark.parametrize("text", [
    "Holm kept a box of the old files, which said nothing about the port.",
    "Holm sat through a speech from the podium, who said nothing.",
])
def test_who_after_a_thing_of_a_thing_is_no_source(text):
    assert rows_of(text) == [], rows_of(text)


@pytest.mark.parametrize("text, expected", [
    ("The ledger also held accounts from two other women who said the tolls were unfair.", ("anonymous", "")),
    ("A woman who runs the ferry said the tolls were unfair.", ("anonymous", "")),
    ("Dana Okafor runs the ferry. The woman said the tolls were unfair.", ("other", "Dana Okafor")),
])
def test_unnamed_women_and_men_are_anonymous_and_a_described_one_resolves(text, expected):
    rows = rows_of(text)
    assert rows and rows[-1][:2] == expected, rows


def test_a_woman_who_serves_a_named_person_is_not_anonymous():
    rows = rows_of("Hillary Clinton's right-hand woman spoke next, saying the tolls were unfair.")
    assert rows and rows[-1][0] != "anonymous", rows


@pytest.mark.parametrize("sentence, name", [
    ("Brianne Stone, 29, of Huntsville, Ala., says her biggest concern is the cost of college.", "Brianne Stone"),
    ("Tom Ruiz, 41, of Phoenix, said the rally was the biggest he had seen.", "Tom Ruiz"),
    ("Ana Petrova, of Tacoma, said she had waited three hours to vote.", "Ana Petrova"),
    ("Li Wei, 62, N.Y., said the fare rise was unfair.", "Li Wei"),
    ("Sam Okafor, 18, from Lee County, Fla., said he would vote for the first time.", "Sam Okafor"),
])
def test_an_age_and_a_home_town_between_a_name_and_the_verb(sentence, name):
    """What reporters put between a voter's name and the verb ("Name, 29, of Town, State., says") is skipped."""
    found = extract_article([sentence])[0]
    assert [(f.source_name, f.cue) for f in found][:1] == [(name, found[0].cue)] and found[0].cue in {"says", "said"}


@pytest.mark.parametrize("sentence", [
    "The plant, of Huntsville, said nothing about the layoffs.",  # a thing, not a person, before the aside
    "Prices rose 29, 30 and 31 cents in three weeks.",
])
def test_an_aside_before_a_verb_needs_a_person_before_it(sentence):
    assert extract_article([sentence])[0] == []


@pytest.mark.parametrize("sentence, name", [
    ("Many birds die in collisions, according to the U.S. Fish and Wildlife Service.", "U.S. Fish and Wildlife Service"),
    ("The Centers for Disease Control and Prevention said the virus was spreading.",
     "Centers for Disease Control and Prevention"),
    ("The National Weather Service said the storm would weaken by Sunday.", "National Weather Service"),
])
def test_an_agency_with_and_in_its_name_is_one_official_source(sentence, name):
    found = extract_article([sentence])[0]
    assert [(f.source_type, f.source_name) for f in found] == [("official", name)]


@pytest.mark.parametrize("text, expected", [
    ("Billionaire Ada Fenwick said she would fund the new stadium herself.", ("other", "Ada Fenwick")),
    ("Billionaire Ada Fenwick, a major Republican donor, said she would fund the ads.", ("political", "Ada Fenwick")),
    ("Billionaire investor Ada Fenwick said the shares were cheap.", ("company", "Ada Fenwick")),
])
def test_billionaire_alone_is_no_company_role(text, expected):
    """Wealth says nothing about whom a person speaks for; a donor to a party speaks as a political source."""
    rows = rows_of(text)
    assert rows and rows[0][:2] == expected, rows


@pytest.mark.parametrize("text, expected", [
    ("Brightline Customer Service told riders the train would be an hour late.", ("company", "Brightline Customer Service")),
    ("The Internal Revenue Service said the refunds would be late.", ("official", "Internal Revenue Service")),
])
def test_a_company_customer_service_is_the_company(text, expected):
    """'Service' marks an official body ('Postal Service'), but a company's customer service speaks for the company."""
    rows = rows_of(text)
    assert rows and rows[0][:2] == expected, rows


@pytest.mark.parametrize("text, expected", [
    ("Omar Haddad and Luis Ferreira opened the bakery in 2009. Both men said the rent had tripled since then.",
     {"Omar Haddad", "Luis Ferreira"}),
    ("Nadia Kovac met Ruth Obi at the rally. The two women told reporters they would vote early.",
     {"Nadia Kovac", "Ruth Obi"}),
])
def test_both_men_are_the_people_just_named(text, expected):
    rows = rows_of(text)
    assert {name for _t, name, _v in rows} == expected and "anonymous" not in {t for t, _n, _v in rows}, rows


def test_both_men_with_no_one_named_before_are_not_anonymous_and_two_men_are():
    assert rows_of("Both men said the rent had tripled.")[0][0] != "anonymous"
    assert rows_of("Two men said the rent had tripled.")[0][0] == "anonymous"  # unnamed people


@pytest.mark.parametrize("text", [
    "Farmers are among the keenest customers of the Russian-made heaters. Every winter we buy two, she told the radio.",
    "The customers of the Chinese-made scooters were angry. They said the brakes failed.",
])
def test_an_x_made_adjective_is_never_a_source(text):
    names = {name for _t, name, _v in rows_of(text)} | {via for _t, _n, via in rows_of(text)}
    assert not any(name.endswith("-made") for name in names), names


def test_a_place_based_role_still_types_the_person():
    assert rows_of("Beijing-based car analyst Zhou Min said sales would fall.")[0][:2] == ("expert", "Zhou Min")


@pytest.mark.parametrize("sentence, name", [
    ("The mayor of Tucson, Ariz., said the water was safe to drink.", "Tucson"),
    ("The sheriff of Marion County, Ore., said the road would stay closed.", "Marion County"),
])
def test_the_role_of_a_place_with_its_state_between_it_and_the_verb(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name] and found[0].cue == "said"


def test_a_thing_of_a_place_with_its_state_is_no_source():
    assert extract_article(["The streets of Tucson, Ariz., say little about the flood."])[0] == []


@pytest.mark.parametrize("sentence, expected", [
    ("Two federal appeals courts said the map was drawn to dilute Black votes.", ("official", "Two federal appeals courts")),
    ("Steel makers argue that the new tariffs will cost jobs.", ("company", "Steel makers")),
    ("Automakers say the rule will raise prices.", ("company", "Automakers")),
    ("The under-30 generation says housing is its biggest worry.", ("other", "under-30 generation")),
])
def test_plural_bodies_and_industries_speak(sentence, expected):
    found = extract_article([sentence])[0]
    assert [(f.source_type, f.source_name) for f in found][:1] == [expected], found


@pytest.mark.parametrize("sentence", [
    "The courts were closed for the holiday and the makers of the film argued nothing.",
    "Prices at the banks rose as the generation of new cars arrived.",
])
def test_plural_bodies_are_no_source_without_a_verb_of_saying(sentence):
    assert extract_article([sentence])[0] == []


@pytest.mark.parametrize("sentence, name", [
    ("In the latest Marist/Gazette poll, the mayor leads her rival by nine points.", "Marist/Gazette poll"),
    ("In a Quinnipiac survey released Tuesday, 41 percent of voters backed the levy.", "Quinnipiac survey"),
    ("The senator trails by 12 percent to 30 percent in the statewide poll.", "statewide poll"),
])
def test_a_polls_findings_credited_with_in(sentence, name):
    found = extract_article([sentence])[0]
    assert [(f.source_type, f.source_name, f.cue) for f in found][:1] == [("expert", name, "in")], found


@pytest.mark.parametrize("sentence", [
    "Voters in Ohio head to the polls on Tuesday, and 40 percent are expected to vote early.",
    "She has led in polling averages since June.",
])
def test_rising_in_the_polls_is_no_poll_credited(sentence):
    assert extract_article([sentence])[0] == []


@pytest.mark.parametrize("text, name", [
    ("Mayor Lena Ortiz waved the crowd quiet, then leaned into the microphone and roared: “We are not leaving.”",
     "Lena Ortiz"),
    ("Governor Paul Brandt took questions on Friday. He went on: \"Nobody will lose their pension.\"", "Paul Brandt"),
    ("After the vote, Senator Ida Moss issued the following statement:", "Ida Moss"),
])
def test_a_persons_clause_ending_in_a_colon_before_a_quotation(text, name):
    rows = rows_of(text)
    assert rows and rows[-1][1] == name, rows


@pytest.mark.parametrize("sentence", [
    "Here they are:",
    "The candidate must:",
    "The plan has three parts: \"jobs, roads and schools.\"",
])
def test_a_colon_that_opens_a_list_credits_no_one(sentence):
    assert extract_article([sentence])[0] == []


def test_a_transcripts_speaker_label_is_the_person_named():
    text = ("Governor Maria Lund spoke with the host Dan Ruiz on Sunday. DAN RUIZ: Will you run again? "
            "LUND: I have not decided, and I will not decide before spring.")
    rows = rows_of(text)
    assert [name for _t, name, _v in rows][-2:] == ["Dan Ruiz", "Maria Lund"], rows


@pytest.mark.parametrize("text", [
    "WASHINGTON: The Senate voted on the budget late on Friday.",
    "CORRECTION: An earlier version of this story misstated the date of the vote.",
])
def test_a_dateline_or_a_notice_in_capitals_is_no_speaker(text):
    assert rows_of(text) == []


def test_a_named_person_calling_after_with_is_the_source():
    rows = rows_of("The debate turned sharp, with former Gov. Ruth Adler calling the plan a fraud.")
    assert [(name) for _t, name, _v in rows] == ["Ruth Adler"], rows


def test_a_thing_calling_for_is_no_source():
    assert rows_of("A small sign calling for calm hung over the door.") == []


@pytest.mark.parametrize("sentence, name", [
    ("Sen. Nora Vance (D-Ore.), a member of the panel, said the bill would fail.", "Nora Vance"),
    ("State Rep. Hal Greer (R), an early Cruz backer, suggested that the vote was rigged.", "Hal Greer"),
])
def test_a_party_tag_and_an_apposition_between_the_name_and_the_verb(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name], found


def test_a_parenthesis_after_a_thing_gives_no_source():
    assert extract_article(["The old mill (built in 1890), a landmark of the town, says a lot about its past."])[0] == []


@pytest.mark.parametrize("sentence, name", [
    ("In her speech, Mayor Ines Duarte toured the ward and said the hospital would stay open.", "Ines Duarte"),
    ("At the hearing, Sen. Carl Webb compared the bill to a tax, saying it would hurt farmers.", "Carl Webb"),
    ("ProPublica obtained the memo and said the plan was rushed.", "ProPublica"),
])
def test_the_subject_after_an_opening_phrase_shares_a_coordinated_verb_of_saying(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name], found


def test_an_opening_clause_with_a_verb_lends_no_subject():
    assert extract_article(["When the vote failed, the committee adjourned and said nothing."])[0] == []


@pytest.mark.parametrize("sentence", [
    "The governor hopes voters will forgive the delay.",
    "Farmers hope they can plant before the rains.",
])
def test_hope_with_a_clause_without_that(sentence):
    found = extract_article([sentence])[0]
    assert [f.cue for f in found] in (["hopes"], ["hope"]), found


def test_hopes_as_a_noun_is_no_cue():
    assert extract_article(["Their hopes will rise if the rain stops."])[0] == []


@pytest.mark.parametrize("sentence, name", [
    ("By a wide margin, Millennials support paid family leave.", "Millennials"),
    ("Two-thirds support raising the minimum wage.", "Two-thirds"),
    ("Most farmers oppose building the pipeline.", "farmers"),
])
def test_people_support_or_oppose_a_bare_object(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name] and found[0].cue in {"support", "oppose"}, found


@pytest.mark.parametrize("sentence", [
    "The grants support research in rural areas.",
    "New rules support building more homes.",
])
def test_things_that_support_a_bare_object_are_no_source(sentence):
    assert extract_article([sentence])[0] == []


def test_who_after_a_name_that_completes_a_copula_is_the_name():
    rows = rows_of("The loudest critic was Gov. Tara Benson, who claimed the audit was rigged.")
    assert [name for _t, name, _v in rows] == ["Tara Benson"], rows


def test_who_after_a_place_that_completes_a_copula_is_no_source():
    assert rows_of("The biggest surprise was Ohio, who claimed the title in overtime.") == []


@pytest.mark.parametrize("sentence, name", [
    ("The judge ruled after a motion by the Tribune Company, which argued that the records were public.", "Tribune Company"),
    ("The case went to the state Board of Elections, which ruled that the petition was valid.", "Board of Elections"),
])
def test_which_after_a_body_before_a_past_verb_of_saying(sentence, name):
    found = extract_article([sentence])[0]
    assert name in [f.source_name for f in found], found


def test_which_before_a_present_verb_is_no_statement():
    assert extract_article(["She works at Halvorsen, which advises banks on mergers."])[0] == []


@pytest.mark.parametrize("sentence", [
    "The rule was written to block delegates who backed former Gov. Alan Pryce.",
    "The bill angered the Tea Party Republicans who oppose large-scale spending.",
])
def test_people_who_back_or_oppose_a_bare_object(sentence):
    found = extract_article([sentence])[0]
    assert [f.cue for f in found] in (["backed"], ["oppose"]), found


@pytest.mark.parametrize("sentence", [
    "The troops, who backed away from the line, waited.",
    "The field was crowded with candidates backed by big super PACs.",
])
def test_backed_away_or_backed_by_is_no_stance_of_the_subject(sentence):
    assert all(f.cue != "backed" for f in extract_article([sentence])[0])


@pytest.mark.parametrize("text, name", [
    ("Sen. Rosa Grant spoke in Dayton. She renewed her recent call for a ban on the pesticide.", "Rosa Grant"),
    ("Mayor Tom Hale met the union. His sharp criticism of the contract drew boos.", "Tom Hale"),
    ("Rep. Dan Wu took questions. He repeated his support for a higher minimum wage.", "Dan Wu"),
])
def test_a_statement_named_by_a_noun_after_a_possessive_pronoun(text, name):
    rows = rows_of(text)
    assert rows and rows[-1][1] == name, rows


@pytest.mark.parametrize("sentences", [
    ["Sen. Rosa Grant spoke in Dayton.", "Her call was dropped twice."],
    ["Mayor Tom Hale met the union.", "His support staff left early."],
])
def test_a_possessive_noun_with_no_object_is_no_statement(sentences):
    assert extract_article(sentences)[1] == []


@pytest.mark.parametrize("sentence, cue", [
    ("Mayor Pia Lund took issue with the audit's findings.", "took issue with"),
    ("Gov. Ed Marsh swipes at rivals over the budget.", "swipes at"),
    ("Sen. Jo Raines took another swipe at the airline on Monday.", "took another swipe at"),
])
def test_taking_issue_and_swipes_are_stances(sentence, cue):
    found = extract_article([sentence])[0]
    assert [f.cue for f in found] == [cue], found


def test_a_shot_at_a_title_is_no_stance():
    assert extract_article(["The team took a shot at the title and swiped the ball away."])[0] == []


@pytest.mark.parametrize("sentence, name", [
    ("Gov. Rita Olsen, eager all week to end the strike, attacked the union for stalling.", "Rita Olsen"),
    ("Mayor Ann Bell, anxious to end the strike, urged the union to return.", "Ann Bell"),
])
def test_an_adjective_aside_between_the_name_and_the_verb(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name], found


def test_an_adjective_aside_after_a_thing_gives_no_source():
    assert extract_article(["The old bridge, ready to fall, urged caution."])[0] == []


@pytest.mark.parametrize("sentence, name", [
    ("The review panel recommends closing two of the clinics.", "review panel"),
    ("Audits have revealed that the fund lost $2 million.", "Audits"),
])
def test_a_panel_and_plural_findings_are_sources(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name], found


def test_a_wooden_panel_shows_nothing():
    assert extract_article(["The wooden panel showed signs of rot."])[0] == []


@pytest.mark.parametrize("sentence, name", [
    ("Police Chief Omar Reyes stated the officers had followed the rules.", "Omar Reyes"),
    ("\"We will rebuild,\" stated Lia Moreau, the town's mayor.", "Lia Moreau"),
])
def test_stated_before_a_clause_or_after_a_quotation(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name], found


def test_state_as_a_noun_is_no_cue():
    assert extract_article(["Voters in several states Republicans won stayed home."])[0] == []


@pytest.mark.parametrize("sentence", [
    "Marta Olin went on to explain why the vote had failed.",
    "Senator Ray Fox then went on to praise the young players.",
])
def test_went_on_to_say(sentence):
    found = extract_article([sentence])[0]
    assert found and found[0].cue.startswith("went on to"), found


def test_went_on_to_win_is_no_statement():
    assert extract_article(["Marta Olin went on to win the race by ten points."])[0] == []


@pytest.mark.parametrize("text, name", [
    ("Prime Minister Anne Roux spoke last. “France will stand firm,” an angry Roux retorted.", "Anne Roux"),
    ("“This is the best day of my life!” beamed Carla Mendes, a nurse from Tulsa.", "Carla Mendes"),
])
def test_any_verb_right_after_a_quotation_with_a_person_beside_it(text, name):
    rows = rows_of(text)
    assert rows and rows[-1][1] == name, rows


@pytest.mark.parametrize("sentence", [
    "\"Jaws,\" the film, opened in 1975.",
    "''Tales From the Crypt,'' an HBO series, returned in 1989.",
])
def test_a_title_in_quotation_marks_before_a_verb_is_no_quotation(sentence):
    assert extract_article([sentence])[0] == []


@pytest.mark.parametrize("sentence", [
    "Mayor Ed Li said to loud cheers that the plant would stay open.",
    "\"We are not done,\" Gov. Iris Cole said to applause.",
])
def test_said_to_cheers_is_the_speaker_not_a_wire_headline(sentence):
    found = extract_article([sentence])[0]
    assert [f.source_type for f in found] == ["official"], found


def test_said_to_plan_is_still_a_wire_headline():
    found = extract_article(["Acme is said to plan a second factory in Ohio."])[0]
    assert [f.source_type for f in found] == ["anonymous"], found


@pytest.mark.parametrize("sentence, name", [
    ("Sen. Ida Pell grew sharper as the night went on, eventually saying the plan was a fraud.", "Ida Pell"),
    ("On Sunday, Gov. Abe Lind issued a new attack, stating on CNN that the budget was a sham.", "Abe Lind"),
])
def test_a_participle_of_saying_after_a_comma_and_an_adverb(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name], found


def test_stating_as_a_participle_after_a_thing_is_no_cue():
    assert extract_article(["The rain fell all night, eventually flooding the road."])[0] == []


@pytest.mark.parametrize("sentence", [
    "Gov. Ana Ruiz pushed lawmakers to pass the bill before June.",
    "Sen. Bo Hart pushes Dems to reject the deal.",
])
def test_pushing_people_to_act_is_a_call(sentence):
    found = extract_article([sentence])[0]
    assert [f.cue for f in found] in (["pushed"], ["pushes"]), found


@pytest.mark.parametrize("sentence", [
    "Oil pushed prices to record highs.",
    "The storm pushed the boat to shore.",
])
def test_pushing_things_is_no_call(sentence):
    assert extract_article([sentence])[0] == []


@pytest.mark.parametrize("sentence, name", [
    ("Then Nordco, only two months later, announced plans to close the mill.", "Nordco"),
    ("Sen. Al Fox, a week later, urged the board to resign.", "Al Fox"),
])
def test_a_time_aside_between_the_source_and_the_verb(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name], found


def test_a_time_aside_after_a_thing_gives_no_source():
    assert extract_article(["The old bridge, two months later, urged caution."])[0] == []


@pytest.mark.parametrize("sentence", [
    "Mayor Dora Quist unveiled a proposal to cut bus fares in half.",
    "Gov. Lee Park outlined his plan for the state's pensions.",
])
def test_unveiling_a_plan_is_a_statement(sentence):
    found = extract_article([sentence])[0]
    assert found and found[0].cue.startswith(("unveiled", "outlined")), found


def test_unveiling_a_car_is_no_statement():
    assert extract_article(["The company unveiled a new car and rolled out a bus route."])[0] == []


@pytest.mark.parametrize("text", [
    "Gov. Ray Imes spoke in Reno. He later denied the report.",
    "The Ledger later reported that the mayor had resigned.",
    "Sen. Pia Holt further claimed the vote was rigged.",
])
def test_an_adverb_between_the_subject_and_the_verb(text):
    rows = rows_of(text)
    assert rows and rows[-1][1] in {"Ray Imes", "Ledger", "The Ledger", "Pia Holt"}, rows


def test_later_before_a_noun_is_no_cue():
    assert extract_article(["The later reports were wrong about the vote."])[0] == []


@pytest.mark.parametrize("text, name", [
    ("Sen. Ava Bright spoke in Erie. While she's said she will run, Bright has not filed.", "Ava Bright"),
    ("Gov. Sam Oduya took questions. He's advocated a gas tax for years.", "Sam Oduya"),
])
def test_a_pronoun_with_its_auxiliary_in_one_token(text, name):
    rows = rows_of(text)
    assert rows and rows[-1][1] == name, rows


def test_a_contracted_passive_is_no_statement():
    assert extract_article(["Gov. Sam Oduya took questions.", "He's viewed as honest by most voters."])[1] == []


@pytest.mark.parametrize("sentence, name", [
    ("Sen. Al Moss has in recent weeks warned that the fund is broke.", "Al Moss"),
    ("Ms. Ida Lee has at times suggested that she might run.", "Ida Lee"),
    ("Mayor Jo Kent has for years argued that the tunnel is unsafe.", "Jo Kent"),
])
def test_a_time_phrase_between_the_auxiliary_and_the_verb(sentence, name):
    found = extract_article([sentence])[0]
    assert [f.source_name for f in found] == [name], found


def test_a_time_phrase_after_a_thing_gives_no_source():
    assert extract_article(["Rates have in the past risen fast, and prices in the past fell."])[0] == []


def test_continuing_ones_remarks_is_a_statement():
    found = extract_article(["Mayor Nils Berg continued his scathing remarks."])[0]
    assert [f.source_name for f in found] == ["Nils Berg"], found


def test_a_river_continuing_its_course_is_no_statement():
    assert extract_article(["The river continued its course to the sea."])[0] == []


def test_an_inquiry_finds():
    found = extract_article(["The inquiry found that the office never searched its own email."])[0]
    assert [f.source_name for f in found] == ["inquiry"], found


def test_an_inquiry_as_an_object_is_no_source():
    assert extract_article(["She opened an inquiry into the fire."])[0] == []


def test_a_poll_out_monday_shows():
    found = extract_article(["A Marist poll out Monday showed the mayor with a wide lead."])[0]
    assert [f.source_name for f in found] == ["Marist poll"], found


def test_going_out_monday_is_no_poll():
    assert extract_article(["The lights went out Monday and showed no sign of returning."])[0] == []


def test_a_share_of_voters_who_said_is_poll_respondents():
    found = extract_article(["The mayor won among the 40 percent of voters who said crime was their top worry."])[0]
    assert [(f.source_type, f.source_name) for f in found] == [("expert", "poll respondents")], found


def test_a_share_of_a_budget_is_no_source():
    assert extract_article(["The 30 percent of the budget that went to roads said little about priorities."])[0] == []


@pytest.mark.parametrize("sentence, cue", [
    ("Gov. Lu Chen took a shot at likely Republican nominee Dan Ives.", "took a shot at"),
    ("Sen. Ora Vance lit into the airline for the delays.", "lit into"),
    ("Mayor Kim Dahl unleashed a harsh attack on the council.", "unleashed a harsh attack"),
    ("Rep. Al Cho delivered a critique of the budget.", "delivered a critique"),
])
def test_more_phrases_of_attack(sentence, cue):
    found = extract_article([sentence])[0]
    assert [f.cue for f in found] == [cue], found


@pytest.mark.parametrize("sentence", [
    "The team took a shot at the title.",
    "The army launched an attack on the town.",
    "The courier delivered a package to the office.",
])
def test_attacks_and_shots_that_are_no_stances(sentence):
    assert extract_article([sentence])[0] == []


@pytest.mark.parametrize("sentence, cue", [
    ("Even Gov. Ida Roth has knocked the new rules as unfair.", "knocked"),
    ("Democrats pressure Senator Ames to drop the bill.", "pressure"),
])
def test_knocking_a_rule_and_pressuring_a_person(sentence, cue):
    found = extract_article([sentence])[0]
    assert [f.cue for f in found] == [cue], found


@pytest.mark.parametrize("sentence", [
    "Volunteers knocked on doors all day.",
    "The storm knocked out power and the boxer knocked the champion down.",
    "Rising costs pressure the budget.",
])
def test_knocks_and_pressure_that_are_no_stances(sentence):
    assert extract_article([sentence])[0] == []


# --- typing on election coverage: who serves whom, voters, former officeholders -----------------------------


def test_an_adviser_to_a_candidate_in_a_compound_apposition_is_political():
    rows = rows_of("Dana Lowry told supporters in Ames that she would win. Pat Ruiz, a senior adviser to Ms. Lowry "
                   "and past president of the Plumbers Guild, said the race was close.")
    assert rows[-1][:2] == ("political", "Pat Ruiz"), rows
    # a name right after a title holds that title: the next clause's subject is no one's employer
    rows = rows_of("Ida Berg won the award. Asked whether the agency had a comment on Berg, Agency Deputy Press "
                   "Secretary Tom Lind emailed the paper. Berg said she was delighted.")
    assert rows[-1][:2] == ("other", "Ida Berg"), rows


@pytest.mark.parametrize("text", [
    "Nora Pell, a 26-year-old nurse from Keene, said before attending Tuesday's town hall that she was undecided.",
    "Abe Toll, 58, who lives outside Dayton, says he knew little of Lowry before she announced her presidential "
    "bid, but now he plans to caucus for her.",
])
def test_a_voter_introduced_with_an_age_is_no_campaigner(text):
    assert rows_of(text)[0][0] == "other", rows_of(text)


def test_an_age_does_not_unmake_a_candidate_with_an_office():
    rows = rows_of("Sen. Dana Lowry, 61, told supporters at a rally in Ames that she would win the nomination.")
    assert rows[0][:2] == ("political", "Dana Lowry"), rows


@pytest.mark.parametrize("text, expected", [
    ("“Is this the same governor?” the editorial board writes.", ("media", "editorial board")),
    ("Dana Lowry is running for president. Lowry's camp said it was pleased with the result.",
     ("political", "Dana Lowry")),
    # a party tag alone is a party, not a lawmaker's seat: a former governor is not in office
    ("Former Ohio Gov. Sam Reyes (R) said the bill would fail.", ("political", "Sam Reyes")),
    ("Sen. Sam Reyes (R-Ohio) said the bill would pass.", ("official", "Sam Reyes")),
])
def test_boards_camps_and_party_tags(text, expected):
    assert rows_of(text)[-1][:2] == expected, rows_of(text)


def test_a_description_resolved_to_a_person_without_a_role_gives_the_role():
    rows = rows_of("Rafael Duque filed a bill in Manila to ban the singer. The lawmaker, who represents a district in "
                   "Albay province, said the remarks were shameful.")
    assert rows[-1][:2] == ("official", "Rafael Duque"), rows
    found = [f for _s, fs in article("Rafael Duque filed a bill. The lawmaker said it was shameful.") for f in fs]
    assert found[-1].confidence == "medium", found  # read from a description, not stated next to the name
    # one named later in the same sentence is not the one described
    rows = rows_of("Sen. Mia Holt spoke on the radio on Monday. The host asked Holt about her travel.")
    assert rows[-1][1] != "Mia Holt", rows
    # an unnamed official stays unnamed, whoever the passage is about
    rows = rows_of("Rafael Duque visited the ministry. The official said the visit went well.")
    assert rows[-1][:2] != ("official", "Rafael Duque"), rows


@pytest.mark.parametrize("text", [
    "“It was likely the first time,” wrote Tom Avery in The Guardian.",
    "Tom Avery wrote in The Guardian that it was likely the first time.",
    "But as Tom Avery points out in a column on Yahoo News, the interviews help the campaign.",
])
def test_a_writer_in_an_outlet_is_media(text):
    assert rows_of(text)[0][:2] == ("media", "Tom Avery"), rows_of(text)


def test_a_title_outweighs_writing_in_an_outlet():
    assert rows_of("Sen. Tom Avery wrote in The Washington Post that the law was bad.")[0][:2] == ("official", "Tom Avery")


@pytest.mark.parametrize("text", [
    "According to Ray Dunn, the new executive order begins the process of opening offshore areas.",
    "Gov. Ray Dunn signed an executive order in March mandating cuts.",
])
def test_an_executive_order_is_neither_a_cue_nor_a_role(text):
    rows = rows_of(text)
    assert all(r[0] != "company" and r[1] not in {"executive", "new executive"} for r in rows), rows
    assert not any(r[0] == "anonymous" for r in rows), rows


def test_a_clause_after_a_comma_is_no_apposition_of_roles():
    # "their seventh victim, Ray Dunn accused": Dunn is the subject of the clause, not a victim
    rows = rows_of("As the fires claimed their seventh victim, Ray Dunn accused the state of diverting water.")
    assert rows == [("other", "Ray Dunn", "")], rows


def test_campaign_words_belong_to_the_one_named_between_them_and_the_source():
    rows = rows_of("Ray Dunn spoke in Dayton. Mr. Dunn said his plan was ready a day after Gov. Ana Ruiz, who made "
                   "jobs the focus of her campaign, announced she was dropping out.")
    assert rows[-1][:2] == ("other", "Ray Dunn"), rows
    # and a possessive of the other gender is someone else's campaign
    rows = rows_of("Ray Dunn spoke in Dayton. Asked about Gov. Ana Ruiz, who made jobs the focus of her campaign, "
                   "Mr. Dunn said she was wrong.")
    assert rows[-1][:2] == ("other", "Ray Dunn"), rows


def test_a_relative_named_in_an_aside_is_not_the_speaker():
    # the known "two Khans" error: the son, named with a title in an aside about his father, took the father's rows
    rows = rows_of("Omid Farah, whose son, Army Capt. Reza Farah, was killed in Iraq in 2004, delivered a searing speech "
                   "at the convention. “You have sacrificed nothing,” Farah said.")
    assert [r[1] for r in rows] == ["Omid Farah", "Omid Farah"], rows
    # a phrase that is no given name ("A Trump administration ...") is no relative
    rows = rows_of("A Lowry administration plan was leaked. Sen. Dana Lowry spoke on Monday. In 2017, Lowry announced "
                   "she would leave the accord.")
    assert rows[-1][1] == "Dana Lowry", rows


def test_a_town_hall_on_television_is_no_campaign_and_a_bodys_camp_is_no_campaign():
    rows = rows_of("“I felt there was a chance,” said Al Vance, who has spent years on climate change and on Tuesday "
                   "joined CNN for a town hall.")
    assert rows[0][:2] == ("other", "Al Vance"), rows
    # a candidate's own town hall still shows him campaigning
    rows = rows_of("“We will win,” Ray Dunn said at his town hall in Keene.")
    assert rows[0][:2] == ("political", "Ray Dunn"), rows
    rows = rows_of("The globalist White House camp has been advocating for staying in.")
    assert rows[0][:2] == ("official", "White House"), rows


@pytest.mark.parametrize("text, expected", [
    # a sitting president's past campaign and his supporters are no campaigning of his
    ("President Cal Reyes, who campaigned on reviving coal, said the rule would go.", "official"),
    ("President Cal Reyes spoke on Monday. Reyes supporters cheered as Reyes said the rule would go.", "official"),
    # a governor running on an issue is campaigning
    ("Gov. Ana Ruiz campaigned on climate change and said she would win.", "political"),
])
def test_a_sitting_presidents_past_campaign_and_supporters_are_not_his_campaigning(text, expected):
    assert rows_of(text)[-1][0] == expected, rows_of(text)


@pytest.mark.parametrize("sentence, expected", [
    ("Voters rejected the ballot initiative, called I-1631, the group said.", [("other", "group", "")]),
    ("Most of the F-22 aircraft that remained at Tyndall survived the storm, officials said.", [("anonymous", "", "")]),
])
def test_a_name_in_capitals_with_no_lower_case_form_is_read(sentence, expected):
    # these sent the reading of capitals ("CLINTON" is Clinton) into endless recursion: the article was set aside
    assert rows_of(sentence) == expected


def test_a_quote_mark_that_lost_its_place_in_scraped_text_still_opens_the_quote():
    # 'has." The area ...," he told': the paragraph's opening mark glued to the sentence before it
    sentence = ('According to Prof Dan Rhee of the University of Oslo, fires have not increased - but the area has." '
                'The area burned has been higher in the past 30 years," he told the BBC.')
    found = extract_article([sentence])[0]
    assert [(f.source_type, f.source_name) for f in found] == [("expert", "Dan Rhee")], found
    # a sentence that really opens inside a quotation begun before keeps its speaker outside it
    assert rows_of('We will see what happens," Ms. Ruiz said.') == [("other", "Ruiz", "")]


@pytest.mark.parametrize("text, expected", [
    ("About half of Democrats, meanwhile, think droughts are more common.", ("expert", "poll respondents")),
    ("Half of the senators said they would vote no.", ("official", "Half of the senators")),  # a count, not a poll
    ("Green New Deal backers say they want more trains.", ("anonymous", "")),  # unnamed backers of a policy
    ("Ray Dunn spoke on Monday. Dunn backers say he will win.", ("other", "Ray Dunn backers")),  # not Dunn himself
    ("The Paris Agreement, endorsed by members of the UN Framework Convention on Climate Change, is a bedrock.",
     ("official", "UN Framework Convention on Climate Change")),  # the agreement endorsed is no source
    ("Amy Ng, director of the program on Energy Security and Climate Change at the Council on Foreign Relations, "
     "said it was hard.", ("expert", "Amy Ng")),  # the body the role is at, not a subject named on the way
    ("According to Lawrence Solberg of Energy Probe, a Toronto-based environmental organization, the accord is "
     "failing.", ("other", "Lawrence Solberg")),  # the body as the article describes it
    ("“Ozone is a threat,” Lung Association President and CEO Harold Wimmer said.", ("other", "Harold Wimmer")),
    ("The House Committee on Oversight said it would act.", ("official", "House Committee on Oversight")),  # a chamber's committee
])
def test_polls_backers_passive_agents_and_bodies_as_described(text, expected):
    assert rows_of(text)[-1][:2] == expected, rows_of(text)


def test_a_former_office_read_back_over_its_words():
    found = [f for _s, fs in article("Sen. Kamala Harris and former Housing and Urban Development Secretary Julián "
                                    "Castro said they would act.") for f in fs]
    castro = [f for f in found if f.source_name == "Julián Castro"]
    assert castro and castro[0].source_type == "official" and castro[0].confidence == "medium", found


@pytest.mark.parametrize("text, expected", [
    # names written with dots between capitals were dropped as "no name"
    ("The U.N. said that a carbon tax is needed.", [("official", "United Nations", "")]),
    ("The E.U. said no.", [("official", "European Union", "")]),
    # a group of people by their calling, a colleague, a branch of a body in a country
    ("Environmentalists fear the auction will expand fossil fuel production.", [("other", "Environmentalists", "")]),
    ("A colleague advises that the issue be settled in a phone call.", [("anonymous", "", "")]),
    ("Greenpeace France described the response as inadequate.", [("other", "Greenpeace France", "")]),
    # a finding credited at the end of the sentence, and a date between the subject and the verb
    ("Damage caused by wildfires has cost $5.1bn in the last decade, Verisk found.", [("other", "Verisk", "")]),
    ("NBC anchor Savannah Guthrie on June 1 criticized the move.", [("media", "Savannah Guthrie", "")]),
])
def test_recall_on_climate_coverage(text, expected):
    assert rows_of(text) == expected


@pytest.mark.parametrize("text", [
    "After a search, police found.",  # a finding needs its clause
    "Northern California said nothing.",  # a region is no source
])
def test_recall_on_climate_coverage_negatives(text):
    rows = rows_of(text)
    assert not any(r[1] in {"police", "Northern California"} for r in rows), rows


def test_a_title_and_surname_of_a_body_is_the_person_and_a_past_campaign_is_no_campaign():
    rows = rows_of("Fire information officer Kathleen Dorn told the BBC that residents have hours. Ms Dorn of Cal Fire "
                   "said that officials often have no choice.")
    assert rows[-1][:2] == ("official", "Kathleen Dorn"), rows
    # the race an officeholder won is not one they are running
    rows = rows_of("Gov. Ana Ruiz spoke on Monday. On the campaign trail last year Ruiz was opposed to fracking, but "
                   "she said she would wait.")
    assert {r[0] for r in rows} == {"official"}, rows
    rows = rows_of("Sen. Ted Vance said on the campaign trail that he would win.")
    assert rows[0][0] == "political", rows


@pytest.mark.parametrize("text, expected", [
    ("Many environmental groups believe the governor will act.", ("anonymous", "")),
    ("Some Republicans said the bill was bad.", ("anonymous", "")),  # the guidelines: a vague subset is anonymous
    ("Several residents said the bill was bad.", ("anonymous", "")),
    ("Some economists said the bill was bad.", ("expert", "economists")),  # unnamed experts stay expert
    ("Local residents said the bill was bad.", ("other", "Local residents")),  # a group, not a vague subset of one
])
def test_a_vague_subset_of_a_group_is_anonymous(text, expected):
    assert rows_of(text)[0][:2] == expected, rows_of(text)


def test_a_sitting_president_named_only_with_his_campaign_speaks_from_the_office():
    rows = pd.DataFrame([
        *(role_row(f"p{k}", "Cal Reyes", "official", "President", date="2018-05-01") for k in range(3)),
        role_row("a", "Cal Reyes", "political", "campaign: 'campaigned on'", date="2018-05-01"),  # the race he won
        role_row("b", "Cal Reyes", "political", "campaign: 'at a rally'", date="2018-05-01"),  # his rally: campaigning
        role_row("c", "Cal Reyes", "political", "campaign: 'campaigned on'", date="2014-01-01"),  # no president then
    ])
    typed = apply_roles(rows, build_roles([rows])).set_index("article_id")
    assert typed.loc["a", "source_type"] == "official" and typed.loc["a", "confidence"] == "medium"
    assert typed.loc["b", "source_type"] == typed.loc["c", "source_type"] == "political"


@pytest.mark.parametrize("text, expected", [
    # an apposition whose closing comma the writer left out
    ("Earlier this year, Keith, a professor of applied physics at Harvard announced plans to run a trial.",
     ("expert", "Keith", "a professor of applied physics at Harvard")),
    # the name of what a description describes, in apposition to it
    ("In a report last week, the prestigious UK journal, The Lancet, suggested that pollution is the real crisis.",
     ("expert", "Lancet", "Lancet")),
    # a given name that is also a title
    ("On April 22, correspondent Dean Reynolds noted that the plan would fail.", ("media", "Dean Reynolds", "correspondent")),
    ("Sen. Dean Heller said he would vote no.", ("official", "Dean Heller", "Sen.")),
    # a body's head word decides over a trade's word in its name
    ("Ernest Moniz, CEO of Energy Futures Initiative, said the plan was impractical.",
     ("other", "Ernest Moniz", "CEO of Energy Futures Initiative")),
])
def test_appositions_as_written_and_names_that_look_like_titles(text, expected):
    rows = [(f.source_type, f.source_name, f.type_evidence) for _s, found in article(text) for f in found]
    assert rows and rows[0] == expected, rows


@pytest.mark.parametrize("text, wrong", [
    ("The activists, led by Ana Ruiz, said the plan had failed.", "Ana Ruiz"),  # the activists said it
    ("The leaders, including Ana Ruiz, said the plan had failed.", "Ana Ruiz"),
    ("A cadre of oil giants, including Exxon Mobil Corp., endorsed the proposal.", "Exxon Mobil Corp."),  # an example
    ("Law School Dean Martha Minow said the school would comply.", "Law School Dean Martha Minow"),  # a title here
    ("Smith, a farmer whose crop failed said the rain came late.", "Smith"),  # the apposition has a verb of its own
])
def test_appositions_as_written_negatives(text, wrong):
    rows = rows_of(text)
    assert all(r[1] != wrong for r in rows), rows


def test_a_description_of_one_kind_of_body_resolves_only_to_a_body_of_that_name():
    rows = rows_of("The Supreme Court said it would hear the case. The federal government has argued the case has no merit.")
    assert rows[1][:2] == ("official", "federal government"), rows  # no court is the government
    rows = rows_of("The Justice Department filed a brief. The appeals court said it would hear the case.")
    assert rows[-1][1] != "Justice Department", rows
    rows = rows_of("The White House issued a statement. The administration said it would appeal.")
    assert rows[-1][:2] == ("official", "White House"), rows


@pytest.mark.parametrize("text, expected", [
    # a title-case headline run into the article: the verb is no part of the name
    ("Pope Francis Calls for 'Prompt and Effective' Response to Climate Change The summit was held.", "Francis"),
    ("Bernie Sanders Calls on Democrat Candidates to Support 'Full Fracking Ban' \"Any proposal must include a ban,\" "
     "Sanders said Wednesday.", "Bernie Sanders"),
    # a verb the tagger read as a noun ends the agent's name
    ("Satellite data published by Brazil's space agency show an increase of 80% this year.", "Brazil"),
    ("Last year the state had 9,500 wildfires, according to the National Interagency Fire Center.",
     "National Interagency Fire Center"),
])
def test_source_names_end_before_the_verb(text, expected):
    rows = rows_of(text)
    assert rows and rows[0][1] == expected, rows
    assert rows[0][0] in {"other", "political", "official"} and "Calls" not in rows[0][1], rows


def test_an_interagency_body_is_official():
    assert rows_of("Wildfires doubled, according to the National Interagency Fire Center.")[0][0] == "official"


@pytest.mark.parametrize("text, expected", [
    # a word opening the sentence is not part of its subject
    ("Meanwhile some groups have questioned the rationale behind the sale.", ("anonymous", "")),
    ("But Obama, making it clear that security came first, stood beside the prime minister.", ("other", "Obama")),
    ("Ironically for Pruitt, who has touted a back to basics approach, the agenda has stalled.", ("other", "Pruitt")),
    ('When Ana Ruiz later referred to the flood and said she would "rebuild," the crowd applauded.', ("other", "Ana Ruiz")),
    # an acronym in brackets inside an apposition, and a lower-case word before its role
    ("Mark Lawrence, scientific director of the Institute for Advanced Sustainability Studies (IASS) in Potsdam, "
     "argued that the goals are out of reach.", ("expert", "Mark Lawrence")),
])
def test_openers_and_bracketed_acronyms(text, expected):
    rows = rows_of(text)
    assert rows and rows[0][:2] == expected, rows


@pytest.mark.parametrize("text, wrong", [
    ("Most Southern states that will hold contests have sizable minority populations.", "Southern"),
    ("Serrano, who chairs the Subcommittee on Commerce, Justice, Science, and Related Agencies, said it would fail.",
     "Related Agencies"),
])
def test_openers_negatives(text, wrong):
    assert not any(wrong in r[1] for r in rows_of(text)), rows_of(text)


def test_an_industry_speaks_for_its_companies_and_no_one_in_particular_is_no_source():
    assert rows_of("The oil industry says it is already reducing emissions.")[0][:2] == ("company", "oil industry")
    for text in ("I am not sure whether anyone in Tamil Nadu even knows it had a system.",
                 "Pretty much everyone who agrees that warming is a problem agrees that Congress will act.",
                 "Nobody asked about the rhetoric."):
        assert rows_of(text) == [], rows_of(text)
    assert rows_of("Someone close to him said the plan fails.")[0][0] == "anonymous"  # someone is a person unnamed


def test_an_adjective_opening_a_sentence_is_no_name_and_they_can_be_the_group_just_named():
    rows = rows_of("The Environmental Protection Agency issued a rule. Environmental groups generally support the resolution.")
    assert rows[-1][:2] == ("other", "Environmental groups"), rows  # was the EPA, through the word "Environmental"
    rows = rows_of("The Sierra Club sued. Scientists are unclear as to the reasons, but they say the policies will make "
                   "it worse.")
    assert rows[-1][:2] == ("expert", "Scientists"), rows
    rows = rows_of("Mark Young spoke. Young said he would act.")
    assert rows[-1][1] == "Mark Young", rows  # a surname that is also an adjective, before a verb


def test_researchers_at_a_body_keep_their_own_role_and_a_described_person_is_found_by_title():
    assert rows_of("Researchers at Yale said the report was right.")[0][:2] == ("expert", "Yale")  # was other: Yale's type
    assert rows_of("Officials at the Ministry of Commerce said it was right.")[0][0] == "official"
    assert rows_of("A 2010 study in Science magazine found that mining hurts streams.")[0][0] == "expert"  # the study
    rows = rows_of("Sen. Marco Rubio spoke. Rick Perry endorsed Ted Cruz. The Florida senator told reporters he feels good.")
    assert rows[-1][1] == "Marco Rubio", rows  # the one called "Sen.", not the last person named
    rows = rows_of("Gov. John Kasich spoke. Ted Cruz left. The Ohio governor said the border needs work.")
    assert rows[-1][1] == "John Kasich", rows
    rows = rows_of("Trump spoke. The White House official said Trump resented the critics.")
    assert rows[-1][1] != "Donald Trump" and rows[-1][1] != "Trump", rows  # an unnamed official stays unnamed
    assert rows_of("Many studies, often conducted by comparing differences across states, have found little.") == []


@pytest.mark.parametrize("text, expected", [
    ("He got dinged by critics for using a limited liability company.", [("anonymous", "")]),
    ("Trump has been rebuked by opponents for his proposal.", [("anonymous", "")]),
    ("The plan was criticized by Sen. Ana Ruiz as reckless.", [("official", "Ana Ruiz")]),
    # the one criticized is no critic, with an adverb between the auxiliary and the verb
    ("Janet Yellen has been repeatedly criticized by the markets for not raising rates.", []),
    ("He was hit by a car.", []),
])
def test_a_stance_in_the_passive_is_its_agents(text, expected):
    assert [r[:2] for r in rows_of(text)] == expected, rows_of(text)


@pytest.mark.parametrize("text, expected", [
    ("If the increases boost activity, as some liberals hope, activists could gain.", [("anonymous", "")]),
    ("The economy will slow, as many economists expect.", [("expert", "economists")]),
    ("Supporters of research into geoengineering argue that its techniques work.", [("anonymous", "")]),
    ("He did as he hoped.", []),
])
def test_beliefs_in_an_as_aside_and_supporters_of_research(text, expected):
    assert [r[:2] for r in rows_of(text)] == expected, rows_of(text)


@pytest.mark.parametrize("text", [
    "Marine Le Pen, leader of France's far-right National Front party, said she backs Trump.",
    "Nigel Farage, the leader of Britain's Brexit party, said the vote was stolen.",
])
def test_a_party_named_with_its_country_is_the_party(text):
    assert rows_of(text)[0][0] == "political", rows_of(text)  # was official: the country's


@pytest.mark.parametrize("text, expected", [
    ("The Republic of Turkey denies that the crime was a genocide.", ("official", "Republic of Turkey")),
    ("The Islamic Republic of Iran said on Monday it would respond.", ("official", "Islamic Republic of Iran")),
    ("The Kingdom of Saudi Arabia said it would respond.", ("official", "Kingdom of Saudi Arabia")),
    # negatives: a person of a place, a party of a state
    ("Sen. Tom Udall of New Mexico said it was fair.", ("official", "Tom Udall")),
    ("The Democratic Party of Virginia said it would appeal.", ("political", "Democratic Party of Virginia")),
])
def test_a_state_by_its_formal_name_speaks_as_its_government(text, expected):
    assert rows_of(text)[-1][:2] == expected, rows_of(text)


@pytest.mark.parametrize("text, expected", [
    # a place named before is no author of findings or results
    ("Voters view the Vermont senator as likable, according to a new poll. The findings underscore the challenge "
     "facing Hillary Clinton.", ("other", "findings")),
    ("Trump visited Florida. The federal report warns that seas will rise.", ("official", "federal report")),
    # a body named before still is ("the commission ... the report")
    ("The Energy Department released a study on Monday. The findings show that coal is declining.",
     ("official", "Energy Department")),
    # a past member speaks for no body
    ("The Army veteran said it was wrong.", ("other", "Army veteran")),
    ("A Yale graduate said it was wrong.", ("other", "Yale graduate")),
    ("The Harvard professor said it was wrong.", ("expert", "Harvard")),
])
def test_descriptions_credited_to_the_right_author(text, expected):
    assert rows_of(text)[-1][:2] == expected, rows_of(text)


def test_data_compiled_by_a_body_is_one_row_and_talk_shows_are_no_evidence():
    rows = rows_of("Storms are on the rise, according to data compiled by the Environmental Protection Agency.")
    assert [r[:2] for r in rows] == [("official", "Environmental Protection Agency")], rows
    rows = rows_of("Carson appeared on Sunday interview shows amid the news.")
    assert not any("interview" in r[1] for r in rows), rows
    assert rows_of("The interview shows that he was wrong.")  # the verb, without a preposition before it


def test_a_former_officeholder_in_an_article_about_a_campaign_speaks_in_the_race():
    race = ("The Democratic presidential debate was held on Saturday. Sanders said at the debate that his campaign "
            "would win the primary. Sanders' stridency was echoed by former Maryland Gov. Martin O'Malley, who noted "
            "that he had raised the wage.")
    rows = [f for _s, fs in article(race) for f in fs if f.source_name == "Martin O'Malley"]
    assert rows and {(f.source_type, f.confidence) for f in rows} == {("political", "medium")}, rows
    assert "a former office, in an article about a campaign" in rows[0].type_evidence
    # outside a race the former office stays what it was: weak official evidence
    rows = [f for _s, fs in article("Former Energy Secretary Ernest Moniz said the plan was impractical. Moniz "
                                    "said it would cost jobs.") for f in fs]
    assert {(f.source_type, f.source_name) for f in rows} == {("official", "Ernest Moniz")}, rows


def test_a_spokesperson_with_no_one_named_speaks_for_the_one_just_quoted():
    rows = [f for _s, fs in article("O’Malley’s campaign says it will shift staff to the early states. Spokeswoman "
                                    "Haley Morris says the candidate has always run a lean campaign.") for f in fs]
    morris = [f for f in rows if f.source_name == "Haley Morris"]
    assert morris and morris[0].source_type == "political" and "Spokeswoman (O’Malley" in morris[0].type_evidence
    rows = rows_of("Tesla said sales rose. Spokeswoman Ana Ruiz said it was a record.")
    assert rows[-1][:2] == ("company", "Ana Ruiz"), rows
    # no one quoted before: the role alone says nothing of whose
    assert rows_of("It rained on Monday. Spokeswoman Ana Ruiz said it was a record.")[-1][:2] == ("other", "Ana Ruiz")
    # a role of one's own is no one's spokesperson
    rows = [f for _s, fs in article("The Interior Department said it would act. Representative Ana Ruiz said it "
                                    "was a record.") for f in fs if f.source_name == "Ana Ruiz"]
    assert rows and "Interior" not in rows[0].type_evidence, rows


@pytest.mark.parametrize("text, expected", [
    ("Clinton continues to lead in polls despite Sanders' popularity.", [("expert", "polls", "")]),
    ("He has had a big lead in the most recent polls.", [("expert", "recent polls", "")]),
    ("The mayor has risen swiftly in the polls.", [("expert", "polls", "")]),
    ("He rose five points in the polls after the debate.", [("expert", "polls", "")]),
    # no standing the polls give
    ("Voters head to the polls on Tuesday.", []),
    ("They spent a lot in polls.", []),
])
def test_a_standing_in_the_polls_is_credited_to_the_polls(text, expected):
    assert rows_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘I Think She Will.’", "Gillibrand"),
    ("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.", "Clinton"),
    ("Historians: Clinton, Obama linked no matter what;", "Historians"),
])
def test_a_headline_speaker_before_a_colon(text, expected):
    assert [r[1] for r in rows_of(text)] == [expected]


@pytest.mark.parametrize("text", [
    "Trump on Tuesday: a list of his events.",  # a date, not what he speaks on
    "Ingredients: flour and sugar.",  # no one
    "Chew On This: Farmers Are Using Food Waste To Make Electricity.",  # a phrase, not a speaker on a subject
    "Clinton to the voters of the state who came: she will win.",  # running text, not a name after "to"
])
def test_a_headline_speaker_before_a_colon_negatives(text):
    assert rows_of(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Trump endured a lecture from the Mexican president, who said that NAFTA has been good.",
     [("official", "Mexican president", "")]),
    ("The Chinese spokesman said it was wrong.", [("official", "Chinese spokesman", "")]),
    ("The British writer argues that the only way is to change.", [("other", "British writer", "")]),
])
def test_a_countrys_unnamed_officeholder_is_a_row(text, expected):
    assert rows_of(text) == expected  # the demonym alone is no name: these rows were dropped


def test_an_aside_between_a_subject_and_its_verb_keeps_the_participle_its_source():
    rows = rows_of("Silverman, herself a Sanders supporter during the primary, incurred a wave of boos upon saying, "
                   "“Hillary heard the passion of the people.”")
    assert [r[1] for r in rows] == ["Silverman"], rows
    assert rows_of("Prices fell when saying goodbye.") == []


def test_an_opening_word_after_a_full_stop_the_split_missed_is_no_part_of_a_name():
    # the corpus's doubled quotes kept two sentences in one: "As" opens the second
    from helpers.attribution.entities import article_capitals, find_names
    from helpers.attribution.extractor import _Sentence

    sentence = _Sentence(0, '"We already lead,"" he continued. ""Since 2005 our emissions have fallen," he added. '
                            'As Breitbart News reported, China is ramping up its coal power.')
    names = [n.text for n in find_names(sentence.tokens, sentence.in_quote, article_capitals([sentence.tokens]),
                                        sentence.headline)]
    assert "Breitbart News" in names and not any(n.startswith("As ") for n in names), names


@pytest.mark.parametrize("text, expected", [
    ("Democrats trying to regain control of the Senate in November say they have a weapon.", ("political", "Democrats")),
    ("Officials familiar with the plans of the company said it was done.", ("anonymous", "")),
    # the phrase before the verb is the subject when no participle opens a phrase before it
    ("The head of the agency said it was fine.", ("other", "head of the agency")),
])
def test_the_object_of_a_preposition_in_a_participle_phrase_is_not_the_subject(text, expected):
    assert rows_of(text)[-1][:2] == expected, rows_of(text)


@pytest.mark.parametrize("text, expected", [
    ("France’s far-right National Front party leader, Marine Le Pen, voiced support for Trump. “Everything but "
     "Hillary Clinton,” Le Pen told CNN in an interview.", ("political", "Marine Le Pen", "CNN")),
    ("Mayor Bill de Blasio spoke on Monday. De Blasio said it was fine.", ("official", "Bill de Blasio", "")),
])
def test_a_surname_of_two_words_is_the_person_named_in_full(text, expected):
    assert rows_of(text)[-1] == expected, rows_of(text)


@pytest.mark.parametrize("text, expected", [
    # the headline names the surname before the article names the person in full
    ("Brooks: Rubio Did Well In the Debate. Columnist David Brooks said on Friday that Rubio did well.",
     {("media", "David Brooks")}),
    ("The Post reported it. The Washington Post said it was so.", {("media", "The Washington Post")}),
    # two persons of the surname: no guess
    ("Khan spoke on Monday. Khizr Khan said it was fine. Humayun Khan said it was not.",
     {("other", "Khizr Khan"), ("other", "Humayun Khan")}),
    # a headline run is no fuller name
    ("Will Trump Bury The Report? Trump said it was fine.", {("other", "Trump")}),
])
def test_rows_of_a_surname_are_the_person_the_article_names_in_full(text, expected):
    assert {r[:2] for r in rows_of(text)} == expected, rows_of(text)


def test_the_texan_is_the_person_from_texas_the_passage_is_about():
    rows = rows_of("Former Texas Gov. Rick Perry endorsed Cruz on Monday. “Those are very experienced governors,” "
                   "the Texan said.")
    assert rows[-1][:2] == ("political", "Rick Perry"), rows
    # no one of that place: no guess
    rows = rows_of("Sen. Ana Lee of Ohio spoke. “It is fine,” the Texan said.")
    assert rows[-1][1] != "Ana Lee", rows


@pytest.mark.parametrize("text, expected", [
    ('"Trump raises questions," says Stu Rothenberg of the non-partisan Rothenberg-Gonzales Political Report.',
     ("expert", "Stu Rothenberg")),
    ("Ana Lee of the conservative Heritage Foundation said it was wrong.", ("expert", "Ana Lee")),
])
def test_an_affiliation_with_an_adjective_before_the_body(text, expected):
    assert rows_of(text)[-1][:2] == expected, rows_of(text)


@pytest.mark.parametrize("text, expected", [
    ("Hillary Clinton spoke. Donald Trump spoke. Republican Trump and Democrat Clinton have criticized Nabisco.",
     ("Hillary Clinton",)),  # the party word is no part of the name
    ("Debbie Wasserman Schultz, the Democratic National Committee’s chair, chose four. Wasserman Schultz said it "
     "was fine.", ("political", "Debbie Wasserman Schultz")),
    ("Dana Rubinstein at POLITICO New York reports that the firm will move.", ("media", "Dana Rubinstein")),
    ("Press Secretary Sarah Huckabee Sanders said it was fine.", ("official", "Sarah Huckabee Sanders")),
])
def test_names_and_titles_as_political_coverage_writes_them(text, expected):
    row = rows_of(text)[-1]
    assert (row[1],) == expected if len(expected) == 1 else row[:2] == expected, rows_of(text)


@pytest.mark.parametrize("text, expected", [
    ("Another superdelegate, Michael Brown of Washington, D.C., said he would back Clinton.", "Michael Brown"),
    ("Ana Lee of Austin, Texas, said it was fine.", "Ana Lee"),
    ("Brianne Stone, 29, of Huntsville, Ala., says she will vote.", "Brianne Stone"),
])
def test_a_person_of_a_town_and_its_state_is_the_source_not_the_state(text, expected):
    assert [r[1] for r in rows_of(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Sen. Ana Ruiz and Rep. Tom Lee said it was fine.", [("official", "Ana Ruiz"), ("official", "Tom Lee")]),
    ("Two objectors, Lawrence Joyce and William Graham, had challenged the bid, saying it was unlawful.",
     [("other", "Lawrence Joyce"), ("other", "William Graham")]),
    # one body, a given name of the surname after it, the end of a longer list: one row as before
    ("Johnson and Johnson said it was fine.", [("other", "Johnson")]),
    ("David and Jeanne Heidler wrote that he was wrong.", [("other", "Jeanne Heidler")]),
    ("State Councilor and Foreign Minister Wang Yi told reporters it was agreed.", [("official", "Wang Yi")]),
])
def test_two_people_joined_by_and_are_two_sources(text, expected):
    assert [r[:2] for r in rows_of(text)] == expected, rows_of(text)


@pytest.mark.parametrize("text, expected", [
    # The participle's subject is the main clause's, after an opening phrase that holds a verb of its own.
    ("In a letter to Senate colleagues released Monday, Sanders rips the agreement, arguing that the deal favors creditors.",
     [("Sanders", "arguing")]),
    ("In a speech delivered in Ohio, Obama positioned Clinton as his heir, saying she would win.", [("Obama", "saying")]),
    # A cue in an opening clause does not swallow the main clause's own source.
    ("After Trump said he would sue, Clinton attacked him, saying he lied.", [("Trump", "said"), ("Clinton", "attacked")]),
    # The main clause's own nesting: Pruitt's cue, not that of the governors he spoke of.
    ("When Wallace asked him whether it would work, Pruitt said that he had met governors who had confirmed it.",
     [("Wallace", "asked"), ("Pruitt", "said")]),
    # Without an opening clause the later cue is still what the first source said.
    ("Trump said Clinton attacked him.", [("Trump", "said")]),
])
def test_an_opening_phrase_or_clause_is_not_the_main_clause(text, expected):
    assert [(f.source_name, f.cue) for _s, found in article(text) for f in found] == expected


def test_a_pronoun_after_an_opening_clause_is_that_clauses_subject():
    text = ("Marco Rubio and Donald Trump met on Monday. When Mr. Rubio did take Mr. Trump on, he did it sideways, "
            "acknowledging that Mr. Trump had tapped into a vein. Later Mr. Trump called, and he said it was over.")
    rows = [(f.source_name, f.cue) for _s, found in article(text) for f in found]
    assert ("Marco Rubio", "acknowledging") in rows
    assert ("Donald Trump", "said") in rows  # elsewhere the nearest person, as before


@pytest.mark.parametrize("text, expected", [
    ("“It is anger,” McCain said, citing low economic growth and unemployment.", [("other", "McCain")]),
    ("Salix Pharmaceuticals terminated a reverse merger, citing changes in the political environment.",
     [("company", "Salix Pharmaceuticals")]),  # the company gave its reason; the changes are no source
    # what is cited is a source: rows as before
    ("Reuters, citing sources, said it was done.", [("media", "Reuters"), ("anonymous", "")]),
    ("Xinhua, citing the Ministry of Commerce, said it was done.", [("media", "Xinhua News Agency"), ("official", "Ministry of Commerce")]),
])
def test_citing_credits_a_source_not_a_reason(text, expected):
    assert [r[:2] for r in rows_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Sanders leads Clinton 50% to 40%, according to a CNN/WMUR poll.", ("expert", "CNN/WMUR poll")),
    ("Trump leads with 22%, according to a Suffolk University/Boston Globe Poll released Sunday.",
     ("expert", "Suffolk University/Boston Globe Poll")),
])
def test_a_poll_of_two_pollsters_is_one_poll(text, expected):
    assert [r[:2] for r in rows_of(text)] == [expected]


def test_a_role_the_article_denies_is_no_evidence():
    text = "“It is fine,” said conservative activist Bob Klaus, who is not affiliated with a candidate."
    assert [r[:2] for r in rows_of(text)] == [("other", "Bob Klaus")]
    assert [r[:2] for r in rows_of("“It is fine,” said Ana Ruiz, who is the Democratic nominee.")] == [("political", "Ana Ruiz")]


@pytest.mark.parametrize("text, expected", [
    ("Ruth Marcus, editorial board editor for The Washington Post, asked Mook if he would hold press conferences.", "media"),
    ("Ana Lee, deputy campaign manager for Hillary Clinton, said it was fine.", "political"),
])
def test_an_apposition_of_lower_case_words_before_the_role(text, expected):
    assert [r[0] for r in rows_of(text)] == [expected]


def test_a_quotes_he_is_the_person_just_introduced_not_the_last_speaker():
    text = ("“We will win,” President Barack Obama said. Carl Tobias, a law professor at the University of Richmond, "
            "wasn’t optimistic about the pace. “Hillary should just do whatever she wants to do,” he said.")
    assert rows_of(text)[-1][:2] == ("expert", "Carl Tobias")
    # a person named only inside the last speaker's sentence does not take the quotation
    text = "“We will win,” President Barack Obama said of Carl Tobias. “He is wrong,” he said."
    assert rows_of(text)[-1][:2] == ("official", "Barack Obama")


@pytest.mark.parametrize("text, expected", [
    ("In 2010, the Texas Observer called him a crony of the governor.", ("media", "Texas Observer")),
    ("The Cincinnati Enquirer reported that the plant would close.", ("media", "Cincinnati Enquirer")),
    ("In Chicago, organizers added 160 security personnel, the Sun-Times reported.", ("media", "Sun-Times")),
    ("Hewlett-Packard said the plant would close.", ("company", "Hewlett-Packard")),  # a hyphen is no outlet
])
def test_outlets_by_the_word_their_name_ends_in(text, expected):
    assert [r[:2] for r in rows_of(text)] == [expected]


def test_an_outlet_of_a_hyphenated_name_is_the_via_of_told():
    assert rows_of("“It is doable,” Sen. Jim Risch told The Spokesman-Review on Monday.") == [
        ("official", "Jim Risch", "The Spokesman-Review")]


@pytest.mark.parametrize("text, expected", [
    ("“It is possible,” says Prof Graham Miller of the University of Surrey.", ("expert", "Graham Miller")),  # British style, no stop
    ("Deforestation rose by 29.5% in 12 months, the country's space agency reports.", ("official", "country's space agency")),
    ("Prices rose, the news agency reported.", ("media", "news agency")),
])
def test_titles_and_agencies_as_other_newsrooms_write_them(text, expected):
    assert [r[:2] for r in rows_of(text)] == [expected]


def test_a_share_of_the_vote_in_a_poll_makes_a_sitting_governor_a_candidate():
    text = ("Ohio Gov. John Kasich spoke in Nashua. A WBUR poll last week showed Rubio in third at 11 percent, "
            "followed closely by Kasich at 10 percent. “We're like the little engine that can,” Kasich said.")
    assert rows_of(text)[-1][:2] == ("political", "John Kasich")
    # an approval rating is no candidacy, and a share that is not the person's is none either
    text = "President Barack Obama spoke. In the poll, Obama at 45 percent approval remains popular. “It is fine,” Obama said."
    assert rows_of(text)[-1][:2] == ("official", "Barack Obama")
    text = "Gov. Jerry Brown spoke. Gov. Jerry Brown said the state is at 10 percent of its goal, a survey shows."
    assert ("official", "Jerry Brown") in [r[:2] for r in rows_of(text)]


def test_the_spokeswoman_of_a_former_governor_running_is_political():
    text = ("The race for the Republican nomination runs through Iowa, where the caucuses come first. "
            "The past two winners of the caucuses rose on the religious right: former Pennsylvania senator Rick Santorum "
            "and former Arkansas governor Mike Huckabee. "
            "“We expect to do well in Iowa,” Huckabee spokeswoman Alice Stewart said.")
    assert rows_of(text)[-1][:2] == ("political", "Alice Stewart")


def test_an_event_named_like_a_person_takes_no_pronoun():
    text = ("“A lot of it is justified,” Sen. John McCain said. McCain made his remarks during the Christian Monitor "
            "Breakfast this morning. He recalled that the roots began in 2010.")
    assert rows_of(text)[-1][:2] == ("official", "John McCain")


@pytest.mark.parametrize("text, expected", [
    ("Yesterday, Speaker of the House Rep. Paul Ryan (R-WI) said it was fine.", ("official", "Paul Ryan")),
    ("Secretary of the Treasury Jacob Lew said it was fine.", ("official", "Jacob Lew")),
    ("Chen Xin of the Chinese Academy of Social Sciences said it was fine.", ("expert", "Chen Xin")),  # an affiliation, as before
])
def test_a_title_of_a_body_with_the_before_a_name(text, expected):
    assert [r[:2] for r in rows_of(text)] == [expected]


def test_a_capitalised_the_opens_the_subject():
    assert [r[:2] for r in rows_of("The number of people The Washington Post reported Clinton is vetting.")] == [
        ("media", "The Washington Post")]
    assert [r[0] for r in rows_of("Officials at The New York Times said so.")] == ["anonymous"]


def test_an_interview_transcript_credits_answers_to_the_person_interviewed():
    text = ("Actress Diane Guerrero talks about her family. Guerrero wrote a book about it. "
            "Q: How did things go for you? A: No, no one did. It was hard.")
    rows = [(s, [(f.source_type, f.source_name) for f in found]) for s, found in article(text)]
    assert ("Q: How did things go for you?", [("media", "interviewer")]) in rows
    assert ("A: No, no one did.", [("other", "Diane Guerrero")]) in rows
    assert ("It was hard.", []) in rows
    # one label alone is no transcript: "Plan A" or an answer key
    assert not any(f.cue == ":" and f.phrase == "A" for _s, found in article("A: The answer is four. The mayor agreed.") for f in found)


@pytest.mark.parametrize("text, expected", [
    ("Poll: Trump and Clinton hold narrow leads in Pennsylvania.", ("expert", "Poll")),
    ("WSJ editorial: 'Deport Nikki Haley.'", ("media", "The Wall Street Journal")),
])
def test_a_headline_poll_or_editorial_before_a_colon(text, expected):
    assert [r[:2] for r in rows_of(text)] == [expected]
    assert rows_of("The result: Cruz must travel three hours.") == []


@pytest.mark.parametrize("text, expected", [
    ("Polls in New Hampshire show the top two candidates are Trump and Carson.", ("expert", "Polls in New Hampshire")),
    ("A survey of Texas voters shows Trump ahead.", ("expert", "survey of Texas voters")),
    ("She is up 9.2 points, according to the RealClearPolitics polling average.", ("expert", "RealClearPolitics polling average")),
    ("The US Geological Survey announced a major discovery of oil.", ("official", "US Geological Survey")),  # a body
    ("Sanders leads, according to the latest CNN/ORC poll.", ("expert", "CNN/ORC poll")),  # the pollster's name, as before
])
def test_a_poll_in_a_place_or_by_an_outlet_is_the_polls(text, expected):
    assert [r[:2] for r in rows_of(text)] == [expected]


def test_a_candidate_described_by_his_fortune_is_the_candidate():
    text = ("Donald Trump, the Republican presidential candidate, spoke to AIPAC on Monday. "
            "The real estate mogul declined to elaborate on his planned message.")
    assert rows_of(text)[-1][:2] == ("political", "Donald Trump")


def test_a_son_is_not_his_father():
    text = ("Donald Trump Jr. said it was a gimmick. President Donald Trump said it was ridiculous. "
            "Donald J. Trump said so again.")
    assert [r[:2] for r in rows_of(text)] == [("other", "Donald Trump Jr."), ("official", "Donald J. Trump"),
                                               ("official", "Donald J. Trump")]


@pytest.mark.parametrize("text", [
    "Some members of the House said the bill would pass.",
    "Some incoming members of the new Democratic majority in the House are calling to create a select committee.",
])
def test_a_vague_subset_of_a_bodys_members_is_anonymous(text):
    assert [r[:2] for r in rows_of(text)] == [("anonymous", "")]


@pytest.mark.parametrize("text, expected", [
    ("McConnell spokesman Don Stewart wouldn’t say when the Senate will vote.", ("Don Stewart", "would not say")),
    ("But EPA officials also could not say what share would lose protection.", ("Environmental Protection Agency", "could not say")),
])
def test_a_refusal_to_say_is_credited_as_declining_is(text, expected):
    assert [(f.source_name, f.cue) for _s, found in article(text) for f in found] == [expected]
    assert rows_of("She did not say a word about it.") == []  # not saying is no refusal


@pytest.mark.parametrize("text, expected", [
    ("“The evidence contradicts her testimony,” the committee chairmen wrote.", "committee chairmen"),
    ("Two House Committees on Monday asked the Justice Department to investigate.", "House Committees"),
])
def test_chairmen_and_a_chambers_committees(text, expected):
    assert [r[1] for r in rows_of(text)] == [expected]
    if "House" in text:
        assert rows_of(text)[0][0] == "official"


def test_a_pronoun_is_not_someone_the_last_speaker_only_spoke_of():
    text = ("“This is a testament to his instincts,” radio host Rush Limbaugh said. He went on to say that some "
            "Democrats, such as Joe Manchin, are mad at Bernie Sanders for agreeing to the debate. He said that the "
            "debate would upstage Hillary Clinton.")
    assert [r[1] for r in rows_of(text)] == ["Rush Limbaugh"] * 3
    # someone named in a sentence of their own since the last speaker is still the likelier referent
    text = ("“We will win,” radio host Rush Limbaugh said. Bernie Sanders was in Iowa on Monday. He said he would win.")
    assert rows_of(text)[-1][1] == "Bernie Sanders"


@pytest.mark.parametrize("text, expected", [
    ("Recently, Tom Emanuel of Laconia, N.H., stood at a Bush event here to say he was leaning toward Trump.",
     [("Tom Emanuel", "to say")]),
    ("Mr. Bush, channeling his roots, responded by first saying ''some good things'' about Mr. Trump.", [("Bush", "saying")]),
    ("James Bruner, whose father was the family pastor, remembers Mr. Bush as a larger-than-life presence.",
     [("James Bruner", "remembers")]),
    # no purpose of the subject's: nothing said
    ("He had nothing to say.", []),
    ("FBI director James Comey decided not to recommend indicting her.", []),
    ("They continue their refusal to acknowledge that climate change is real.", []),
    ("Sanders campaign spokesman Michael Briggs did not respond to requests to comment on the subject.",
     [("Michael Briggs", "did not respond to a request for comment")]),
])
def test_a_purpose_to_say_an_adverb_before_a_participle_and_remembering(text, expected):
    assert [(f.source_name, f.cue) for _s, found in article(text) for f in found] == expected


def test_a_former_lawmakers_party_tag_is_no_office_held():
    former = rows_of("“The key is the dividend,” former Sen. Trent Lott (R-MS), who backs the group, told Reuters.")
    sitting = rows_of("“It is fine,” Sen. Rob Portman (R-Ohio) said.")
    assert former[0][:2] == ("official", "Trent Lott") and sitting[0][:2] == ("official", "Rob Portman")
    found = [f for _s, rows in article("“The key is the dividend,” former Sen. Trent Lott (R-MS) told Reuters.") for f in rows]
    assert found[0].confidence != "high"  # a former office is weak evidence, the party tag no longer makes it strong


@pytest.mark.parametrize("text, expected", [
    ("Far-right President Jair Bolsonaro has in the past questioned the accuracy of data provided by Inpe.",
     [("Jair Bolsonaro", "questioned")]),
    ("And a government study in 2012 estimated that the damage came at a cost of more than $2.3 billion.",
     [("government study", "estimated")]),
    ("In 2015, Tony Cox railed against the EPA's plans to tighten rules.", [("Tony Cox", "railed")]),
    ("His past claims were false.", []),
    ("The new rail line opened in 2012.", []),
])
def test_a_time_phrase_between_a_subject_and_its_verb_and_railing_against(text, expected):
    assert [(f.source_name, f.cue) for _s, found in article(text) for f in found] == expected


@pytest.mark.parametrize("text, expected", [
    ("“I was embarrassed,” said Leo McNeil Woodberry of the Climate Action Network.", ("other", "Leo McNeil Woodberry")),
    ("The Fox News Network said it would air the debate.", ("media", "Fox News Network")),
    ("Supreme Court nominee Brett Kavanaugh said it was settled law.", ("official", "Brett Kavanaugh")),
    ("Republican presidential nominee Donald Trump said it was rigged.", ("political", "Donald Trump")),
])
def test_a_network_is_media_only_as_a_broadcaster_and_a_judicial_nominee_is_official(text, expected):
    assert [r[:2] for r in rows_of(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Fox News Managing Editor Bill Sammon expressed the network’s frustration.", "Bill Sammon"),
    ("Democrats largely echoed Clinton's line of criticism.", "Democrats"),
    ("Republicans heaped criticism on the president.", "Republicans"),
    ("The actors are all quick to point out that they are not representing him.", "actors"),
])
def test_echoing_heaping_criticism_and_being_quick_to_point_out(text, expected):
    assert [r[1] for r in rows_of(text)] == [expected]
    assert rows_of("The hall echoed with cheers.") == []


def test_a_former_officeholder_seeking_the_nomination_in_an_article_that_names_the_race():
    text = ("Democratic presidential candidate Bernie Sanders promised Monday to act on immigration. "
            "Sanders promised Sunday at a Las Vegas rally to end the deportation regime. "
            "Former Maryland Gov. Martin O’Malley, who is also seeking the nomination, has pledged to act as well. "
            "Former federal prosecutor Glen Kopp said it was not surprising.")
    rows = {r[1]: r[0] for r in rows_of(text)}
    assert rows["Martin O’Malley"] == "political"
    assert rows["Glen Kopp"] == "official"  # no word of the race where he is named: the former office, weak


def test_a_title_inside_a_quotation_is_weaker_than_what_the_article_states():
    # with nothing stated outside the quotation, the quoted title still types the person, with less confidence
    found = [f for _s, rows in article("“Secretary Ana Ruiz was right,” Tom Lee said. Ruiz said it was fine.") for f in rows]
    assert (found[-1].source_type, found[-1].source_name) == ("official", "Ana Ruiz") and found[-1].confidence != "high"


@pytest.mark.parametrize("text, expected", [
    # the article says in so many words that the senator is running
    ("Sen. Bernie Sanders of Vermont was the first presidential candidate to argue that the climate is an emergency. "
     "Sanders said the plan would work.", ("political", "Bernie Sanders")),
    ("Sen. Cory Booker is one of several presidential candidates who have released plans. Booker said it would help.",
     ("political", "Cory Booker")),
    # or names her by the candidacy: "the presidential hopeful", resolved to the one person in reach
    ("Sen. Elizabeth Warren spoke in Detroit on Wednesday. The presidential hopeful said the plan would help. "
     "Warren added that it was cheap.", ("political", "Elizabeth Warren")),
    # not a denial, nor someone else called the candidate
    ("Sen. John Thune is not a candidate. Thune said it was fine.", ("official", "John Thune")),
    ("Sen. Mitch McConnell spoke on Tuesday. McConnell said the candidate was wrong.", ("official", "Mitch McConnell")),
])
def test_an_officeholder_the_article_calls_a_candidate_speaks_as_one(text, expected):
    assert rows_of(text)[-1][:2] == expected


def test_campaign_words_quoted_after_a_name_are_what_the_person_says_not_a_campaign():
    text = ("Ryan: ‘Anti-Semitic Images’ Have ‘No Place In A Presidential Campaign.’ "
            "Speaker of the House Rep. Paul Ryan (R-WI) said the images were wrong.")
    assert [r[:2] for r in rows_of(text)] == [("official", "Paul Ryan")] * 2
    # campaign acts outside the quotation still count
    assert rows_of("Sen. Ted Cruz told supporters in Iowa that he would win.")[0][:2] == ("political", "Ted Cruz")


def test_a_bare_hopeful_or_a_sitting_president_is_not_made_a_candidate_by_a_description():
    text = "President Barack Obama spoke in Paris. The Republican front-runner said the deal was weak. Obama said it was good."
    assert rows_of(text)[-1][:2] == ("official", "Barack Obama")
    text = "Sen. Lisa Murkowski spoke on Monday. The hopeful said the bill was weak. Murkowski said it was good."
    assert rows_of(text)[-1][:2] == ("official", "Lisa Murkowski")


@pytest.mark.parametrize("text, expected", [
    # a description after the cue, then the person it names: the person speaks, typed by the description
    ("“The ocean is warming faster than we thought,” said the study’s lead author, Alice Marzocchi.",
     ("expert", "Alice Marzocchi")),
    # the description alone still types the row
    ("“The ocean is warming faster than we thought,” said the study’s lead author.", ("expert", "study’s lead author")),
])
def test_a_description_after_the_cue_and_the_person_it_names(text, expected):
    assert rows_of(text)[-1][:2] == expected


@pytest.mark.parametrize("text, expected", [
    ("President Donald Trump, without citing any evidence, told reporters the vote was rigged.", ("official", "Donald Trump")),
    ("Mayor Bill de Blasio, in a radio interview, said the plan would pass.", ("official", "Bill de Blasio")),
])
def test_a_short_prepositional_aside_between_subject_and_verb(text, expected):
    assert rows_of(text)[-1][:2] == expected


def test_a_sentence_opening_with_a_preposition_is_no_aside():
    # "In a statement, the ministry said": the phrase opens the sentence, the ministry speaks
    rows = rows_of("In a statement on Monday, the Ministry of Commerce said the tariffs were unjustified.")
    assert rows and rows[-1][1] == "Ministry of Commerce" and rows[-1][0] == "official"


def test_surname_particles_stay_inside_the_name():
    # "de" is tagged as a foreign word and "von der" is two particles: neither cuts the name
    assert rows_of("Bill de Blasio said the plan would pass.") == [("other", "Bill de Blasio", "")]
    text = "Ursula von der Leyen said it was good. Von der Leyen said it was fine."
    assert [r[1] for r in rows_of(text)] == ["Ursula von der Leyen"] * 2


@pytest.mark.parametrize("text, expected", [
    # a plural body word names the same kind of body as the singular
    ("The European Academies Science Advisory Council concluded that the technology had limited potential.",
     ("expert", "European Academies Science Advisory Council")),
    ("The National Institutes of Health said the trial would continue.", ("expert", "National Institutes of Health")),
    ("The World Council of Churches said the plan was unjust.", ("other", "World Council of Churches")),
])
def test_plural_body_words_type_the_body(text, expected):
    assert rows_of(text)[-1][:2] == expected


@pytest.mark.parametrize("text", [
    "Costa reported from Washington.",  # a reporter's credit line
    "Sean Sullivan and Jose DelReal reported from Manchester, N.H., and Washington.",
    "If anybody should have been confirmed by now, it’s Crenshaw.",  # 'by now' is a time, no agent
    "Mr. Ackman’s biggest bet yet has cost him more than a billion dollars.",  # a noun after a superlative
])
def test_credit_lines_times_and_nouns_are_no_attributions(text):
    assert rows_of(text) == []


def test_a_report_from_a_place_with_its_content_is_still_an_attribution():
    assert rows_of("The newspaper reported from Beijing that the talks had failed.")[0][0] == "media"
    assert rows_of("The report was confirmed by officials.")[0][0] == "anonymous"


def test_both_without_a_noun_is_the_people_just_named_or_no_row():
    text = "Rep. Bob Goodlatte and Rep. Trey Gowdy sent a letter on Monday. Both said the letter was clear."
    assert sorted(r[:2] for r in rows_of(text)) == [("official", "Bob Goodlatte"), ("official", "Trey Gowdy")]
    # with no two people named just before, no telling who: no row named "both"
    assert rows_of("The ministry and its critics were heard. Both argued it was fine.") == []


def test_her_other_campaign_promises_is_a_campaign_and_no_attribution():
    text = ("Sen. Elizabeth Warren spoke on Wednesday. Like Warren's other proposals, her plan weaves in aspects of "
            "her other campaign promises. Warren said the plan would help.")
    assert rows_of(text) == [("political", "Elizabeth Warren", "")] * 2
    # a cue ending the sentence after a person's noun still is one
    assert rows_of("Her spokesman warns.")[0][1] == "Her spokesman"


def test_two_people_the_article_calls_candidates_between_dashes_are_both_candidates():
    text = ("Sen. Bernie Sanders spoke on Tuesday. During the debate, two of the frontrunners—Sen. Elizabeth Warren and "
            "Bernie Sanders—became the first candidates to embrace the plan. Sanders said it would work. "
            "Warren said it was cheap.")
    assert [r[:2] for r in rows_of(text)] == [("political", "Bernie Sanders"), ("political", "Bernie Sanders"),
                                             ("political", "Elizabeth Warren")]
    # a candidacy of the second person alone is not the first one's
    assert rows_of("Sen. Tom Lee and Ana Ruiz, who is a candidate for mayor, met. Lee said it would work.")[-1][:2] == (
        "official", "Tom Lee")

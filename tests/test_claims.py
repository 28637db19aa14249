"""Claims: what is checkable in a sentence, who it rests on, and how it travels between articles."""

import itertools
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis import analyze
from helpers.claims import find, threads
from helpers.corpus import load_corpus

FIXTURE = Path(__file__).parent / "fixtures" / "claim_threads"


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("Tesla is on track to build 3,000 Model 3s a week by the end of 2019.", "3,000 Model 3s a week", 3000, "Model 3s a week"),
    ("Tesla is expected to hit 200,000 cars per year in 2020.", "200,000 cars per year", 200000, "cars per year"),
    ("The stock jumped 7% in pre-market trading.", "7%", 7, "%"),
    ("The deal is worth $2.5 billion, people said.", "$2.5 billion", 2.5e9, "USD"),
    ("Tesla delivered around 30,000 vehicles in China.", "30,000 vehicles", 30000, "vehicles"),
    ("Unemployment rose 0.3 percentage points.", "0.3 percentage points", 0.3, "percentage points"),
])
def test_figures_are_found_with_value_and_unit(sentence, text, value, unit):
    figures = [c for c in find(sentence) if c.kind == "figure"]
    assert [(c.text, c.value, c.unit) for c in figures] == [(text, value, unit)]
    assert sentence[figures[0].start:figures[0].end] == text


@pytest.mark.parametrize("sentence", [
    "The Model 3 went on sale in 2017.",  # a model name and a year
    "The tweet was posted on September 11, 2020.",  # a date
    "COVID-19 closed the plant for weeks.",
    "The meeting starts at 10:35 a.m. on Monday.",
    "It was the 3rd time this year.",
    "He sat in row 12.",  # a bare number says nothing checkable without its unit
])
def test_names_dates_and_bare_numbers_are_not_figures(sentence):
    assert [c for c in find(sentence) if c.kind == "figure"] == []


@pytest.mark.parametrize("sentence, when", [
    ("Production will begin in the fourth quarter of 2020.", "in the fourth quarter of 2020"),
    ("Production for export-only Model 3s will start in Q4.", "in Q4"),
    ("Texas is looking to start initial operations as early as May 2021.", "as early as May 2021"),
    ("Quillon's Szeged facility could start production by late 2024.", "by late 2024"),
])
def test_deadlines_make_forecasts(sentence, when):
    claims = find(sentence)
    assert [c.kind for c in claims] == ["forecast"] and claims[0].when == when


@pytest.mark.parametrize("sentence, event", [
    ("Tesla will export vehicles to Singapore and Australia.", "will export"),
    ("Voltara Motors is building a new assembly plant in Monterrey.", "is building"),
    ("The vehicles will likely be shipped to Europe.", "will likely be shipped"),
    ("Voltara and Norhaven are in merger talks.", "in merger talks"),
])
def test_events_said_to_be_happening_or_planned_are_claims(sentence, event):
    claims = find(sentence)
    assert [c.kind for c in claims] == ["event"] and claims[0].text == event


def test_a_plain_past_event_is_not_a_claim():
    assert find("The company opened a store downtown last spring.") == []
    # ... unless the sentence is hedged or rumour: then it is a claim, however it is worded
    assert [c.kind for c in find("Rumours say the company opened talks.", uncertain=True)] == ["event"]


@pytest.fixture(scope="module")
def seeds_claims(seed_analysis):
    return seed_analysis.claims


def _claim(claims, text):
    rows = claims[claims["claim"] == text]
    assert len(rows) == 1, claims["claim"].tolist()
    return rows.iloc[0]


def test_the_seed_figures_rest_on_who_gave_them(seeds_claims):
    wu = _claim(seeds_claims, "3,000 Model 3s a week")
    assert (wu.source_type, wu.source_name, wu.via, wu.certainty) == ("expert", "Wu Shuocheng", "Global Times", "hedged")
    production = _claim(seeds_claims, "200,000 cars per year")
    assert (production.source_type, production.certainty) == ("unattributed", "hedged")  # "is expected to", no source


def test_the_seed_export_rumour_is_one_thread_of_the_tweet_and_bloombergs_anonymous_sources(seed_analysis):
    claims = seed_analysis.claims
    tweet = claims[claims["sentence"].str.contains("A rumor just popped up", regex=False)].iloc[0]
    bloomberg = claims[claims["sentence"].str.contains("news agency’s sources opted to remain anonymous", regex=False)].iloc[0]
    assert tweet.thread_id and tweet.thread_id == bloomberg.thread_id
    assert (tweet.source_type, tweet.certainty) == ("social_media", "rumour")
    assert (bloomberg.source_type, bloomberg.via) == ("anonymous", "Bloomberg News")
    thread = seed_analysis.claim_threads.set_index("thread_id").loc[tweet.thread_id]
    assert thread["n_claims"] >= 2 and "rumour 1" in thread["certainties"]


def test_the_second_factory_rumour_is_rumour_and_the_journals_sources_are_anonymous(seed_analysis):
    claims = seed_analysis.claims
    factory = claims[claims["article_id"].str.startswith("undated") & (claims["certainty"] == "rumour")]
    assert len(factory) >= 3 and factory["thread_id"].ne("").any()
    journal = claims[claims["sentence"].str.contains("China Securities Journal", regex=False)].iloc[0]
    assert (journal.source_type, journal.via) == ("anonymous", "China Securities Journal")


def test_figures_far_apart_are_never_one_thread():
    claims = pd.DataFrame({
        "article_id": ["a", "b"], "sentence_id": [0, 0], "date": pd.to_datetime(["2023-01-01", "2023-01-05"]),
        "claim": ["18%", "11%"], "value": [18.0, 11.0], "outlet": ["X", "Y"],
        "sentence": ["Voltara holds 18% of the European electric car market, Halvorsen Data said.",
                     "Voltara holds 11% of the European electric car market, Halvorsen Data said."]})
    assert (threads.assign(claims) == "").all()
    claims.loc[1, ["value", "claim"]] = [18.0, "18%"]
    claims.loc[1, "sentence"] = claims.loc[0, "sentence"].replace("said", "reported")
    ids = threads.assign(claims)
    assert ids[0] != "" and ids[0] == ids[1]


def test_tellings_months_apart_are_compared_only_within_the_window():
    sentence = "Voltara Motors is building a new assembly plant in Monterrey, the company said."
    claims = pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [0, 0], "claim": ["is building"] * 2,
                           "date": pd.to_datetime(["2023-01-01", "2024-06-01"]), "value": [None, None],
                           "sentence": [sentence, sentence], "outlet": ["X", "Y"]})
    assert (threads.assign(claims, window_days=120) == "").all()
    assert threads.assign(claims, window_days=600).nunique() == 1


@pytest.fixture(scope="module")
def thread_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("claim-threads")
    for path in FIXTURE.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return analyze(load_corpus(folder)), json.loads((FIXTURE / "expected.json").read_text())


def _telling_threads(analysis, telling) -> set:
    claims = analysis.claims
    rows = claims[(claims["article_id"] == Path(telling["file"]).stem)
                  & claims["sentence"].str.contains(telling["sentence"][:60], regex=False)]
    return set(rows["thread_id"]) - {""}


def test_threads_of_a_corpus_with_known_threads_are_precise(thread_corpus):
    """Pairwise over the tellings and distractors of tests/fixtures/claim_threads (written without the rules;
    the threshold was chosen on it, so this pins the grouping rather than measuring it)."""
    analysis, gold = thread_corpus
    tellings = [(t["name"], _telling_threads(analysis, x)) for t in gold["threads"] for x in t["tellings"]]
    distractors = [_telling_threads(analysis, d) for d in gold["distractors"]]
    same = [bool(a & b) for (n1, a), (n2, b) in itertools.combinations(tellings, 2) if n1 == n2]
    wrong = sum(bool(a & b) for (n1, a), (n2, b) in itertools.combinations(tellings, 2) if n1 != n2)
    wrong += sum(bool(a & d) for _, a in tellings for d in distractors)
    precision = sum(same) / (sum(same) + wrong)
    assert precision >= 0.85 and sum(same) / len(same) >= 0.45, (precision, sum(same), len(same))


def test_a_thread_that_lost_its_hedge_and_its_source_says_so(thread_corpus):
    analysis, gold = thread_corpus
    drifting = {t["name"]: t for t in gold["threads"] if t["drift"]}
    found = analysis.claim_threads[analysis.claim_threads["drift"] != ""]
    assert len(found) >= 2
    for thread in found.itertuples():
        assert thread.first_certainty in ("hedged", "rumour") or thread.first_source_type != "unattributed"
    told = {name: set().union(*(_telling_threads(analysis, x) for x in t["tellings"])) for name, t in drifting.items()}
    hits = [name for name, ids in told.items() if ids & set(found["thread_id"])]
    assert len(hits) >= 2, hits


def test_the_share_of_hedged_claims_per_source_and_period_counts_what_it_says(thread_corpus):
    """Each point of the by-source certainty chart is hedged-or-rumour claims of that source over all its claims in
    that period, and its click keys select exactly those claims in the ledger."""
    from helpers import charts, views

    analysis, _expected = thread_corpus
    claims, articles = analysis.claims, analysis.articles
    fig = charts.uncertain_claims_over_time(claims, articles, table="04-claims")
    ledger = views.claims_ledger(claims, articles)
    assert len(fig.data) >= 2
    checked = 0
    for trace in fig.data:
        for share, custom in zip(trace.y, trace.customdata):
            uncertain, total, selected, _label, keys = custom
            assert share == pytest.approx(uncertain / total) and selected == total
            rows = ledger[ledger["marks"].apply(lambda marks: all(k in marks.split() for k in keys.split()))]
            assert len(rows) == total
            assert rows["certainty"].isin(["hedged", "rumour"]).sum() == uncertain
            checked += 1
    assert checked >= 5


def test_threads_from_the_words_kept_with_each_article_are_the_threads_of_the_ledger(thread_corpus):
    """The analysis threads from the words and names each article's claims carry (computed, and cached, per
    article); a ledger read back without them (a notebook re-threading) recomputes them: the same threads."""
    analysis, _gold = thread_corpus
    ledger = analysis.claims.drop(columns=["thread_id"])
    assert "terms" not in ledger and "names" not in ledger  # dropped from the table a reader sees
    again = threads.assign(ledger)
    assert (again.values == analysis.claims["thread_id"].values).all() and (again != "").sum() >= 4
    words = [threads.claim_terms(s, c) for s, c in zip(ledger["sentence"], ledger["claim"])]
    carried = ledger.assign(terms=[w for w, _ in words], names=[n for _, n in words])
    assert (threads.assign(carried).values == again.values).all()

"""One source's report (notebook 05): which rows are the source, and what the profile says of them."""

import pandas as pd
import pytest

from helpers import profile as profiles
from helpers import views


@pytest.fixture(scope="module")
def attributions(seed_analysis):
    return seed_analysis.attributions


def test_a_source_is_matched_by_name_ignoring_case_and_spaces(attributions):
    profile = profiles.find(attributions, "  bloomberg NEWS ")
    assert profile.found and profile.name == "Bloomberg News"
    assert set(profile.rows["source_name"]) == {"Bloomberg News"} and len(profile.rows) >= 1
    # Its rows as a source, and apart from them the anonymous sources it passed on.
    assert set(profile.passed_on["source_type"]) == {"anonymous"} and len(profile.passed_on) == 2


def test_no_source_given_profiles_the_most_cited_named_source(attributions):
    named = attributions[attributions["source_name"] != ""]
    top = named["source_name"].value_counts()
    profile = profiles.find(attributions, "")
    assert profile.name in set(top[top == top.max()].index)
    assert "most cited named source" in profile.note and profile.name in profile.note


def test_a_name_that_matches_nothing_is_never_matched_loosely(attributions):
    profile = profiles.find(attributions, "Musk")
    assert not profile.found and profile.rows.empty and profile.name == ""
    assert "Elon Musk" in profile.suggestions and "Names close to it: Elon Musk" in profile.note


def test_the_figures_and_tables_count_the_sources_rows(attributions, seed_analysis):
    articles = seed_analysis.articles
    profile = profiles.find(attributions, "Elon Musk")
    figures = dict(zip(*profiles.figures(profile, articles).T.values))
    assert figures["attributions"] == str(len(profile.rows)) == "3"
    assert figures["articles"] == "3" and figures["typed as"] == "Company 3"
    assert figures["first cited"] == "2019-09-19" and figures["last cited"] == "2020-09-11"
    outlets = profiles.by_outlet(profile, articles)
    assert outlets["attributions"].sum() == 3 and "outlet unknown" in set(outlets["outlet"])
    typed = profiles.typed_how(profile)
    assert typed["attributions"].sum() == 3 and set(typed["source type"]) == {"Company"}


def test_via_whom_lists_the_outlets_a_sources_words_came_through(attributions):
    profile = profiles.find(attributions, "Global Times")
    assert profile.found
    # Global Times is cited itself, and Weibo users and an expert reached the article through it.
    assert set(profiles.passed_on(profile)["source_name"]) == {"Weibo", "Wu Shuocheng"}
    weibo = profiles.find(attributions, "weibo")
    via = profiles.via_whom(weibo)
    assert list(via["via"]) == ["Global Times"] and via["attributions"].sum() == 1


def test_an_empty_profile_gives_empty_tables_not_errors(attributions, seed_analysis):
    profile = profiles.find(attributions.iloc[0:0], "anyone")
    assert not profile.found and profile.suggestions == []
    for table in (profiles.by_outlet(profile, seed_analysis.articles), profiles.typed_how(profile),
                  profiles.via_whom(profile), profiles.passed_on(profile)):
        assert isinstance(table, pd.DataFrame) and table.empty


def test_the_top_sources_table_has_one_row_per_source_with_each_type_it_was_given():
    rows = pd.DataFrame({"article_id": ["a", "a", "b", "c", "c", "d"],
                         "source_name": ["Ada Morrow", "Ada Morrow", "Ada Morrow", "Ada Morrow", "Tass", ""],
                         "source_type": ["political", "political", "official", "political", "media", "anonymous"]})
    top = views.top_sources(rows, corpus="c.jsonl")
    assert list(top["source_name"]) == ["Ada Morrow", "Tass"]
    assert list(top["source type"]) == ["Political 3, Official 1", "Media"]
    assert list(top["attributions"]) == [4, 1] and list(top["articles"]) == [3, 1]


def test_the_top_sources_table_gives_the_command_for_each_profile(attributions):
    top = views.top_sources(attributions, corpus="/data/my articles")
    row = top[top["source_name"] == "Bloomberg News"].iloc[0]
    assert row["profile"] == "sourcebook render '/data/my articles' --notebooks 05 -p source 'Bloomberg News'"

"""Dates inferred from an article's text use only what the text reports as past.

Every sentence here is written for these tests; none comes from a corpus.
"""

import dataclasses
import datetime as dt
import random

import pytest

from helpers.dates import DateInference, DateReading, infer_date, infer_dates
from helpers.webpages import read_html_file

from .conftest import FIXTURES

TODAY = dt.date(2026, 1, 1)


def test_an_upcoming_election_does_not_push_an_october_article_into_november():
    text = (
        "Early voting began on Oct. 24, 2016, and county clerks reported long lines. "
        "The candidates crisscrossed the state in October 2016, holding rallies in every county. "
        "The Nov. 8 election will decide control of the Senate. "
        "Both campaigns are spending heavily ahead of the Nov. 8 election."
    )
    result = infer_dates(text, TODAY)
    assert result.earliest == dt.date(2016, 10, 24)
    assert result.estimate is None or result.estimate <= dt.date(2016, 11, 8)
    assert "ignored as upcoming" in result.evidence and "Nov. 8" in result.evidence


def test_a_past_event_with_its_date_gives_that_day_as_earliest():
    result = infer_dates("On March 3, 2021, the council voted to close the annex.", TODAY)
    assert result.earliest == dt.date(2021, 3, 3)
    assert "March 3, 2021" in result.evidence and "voted" in result.evidence


@pytest.mark.parametrize(
    "text",
    [
        "The committee will meet in June 2022 to decide.",
        "The hearing is scheduled for June 3, 2022.",
        "Turnout for the upcoming March 3, 2022 vote is hard to predict.",
        "Emissions are expected to fall by 2030.",
        "The report is due on May 1, 2024.",
        "The discount runs until June 2025.",
        "Ministers meet next March to review the plan.",
        "Parties must register before April 1, 2023.",
        "The summit scheduled for June 2019 is expected to draw thousands.",
        "Candidates running in 2020 drew large crowds.",  # a year used as a name, not an event
    ],
)
def test_upcoming_and_untensed_mentions_give_no_earliest_date(text):
    result = infer_dates(text, TODAY)
    assert result.earliest is None and result.estimate is None


@pytest.mark.parametrize(
    ("text", "earliest"),
    [
        ("Residents voted on March 3, 2021 to keep the library.", dt.date(2021, 3, 3)),
        ("The first hearing was held on 12 May 2020 in the town hall.", dt.date(2020, 5, 12)),
        ("The mayor said on Sept. 9, 2019 that the budget was balanced.", dt.date(2019, 9, 9)),
        ("The report, published in March 2019, found that the glacier had shrunk.", dt.date(2019, 3, 1)),
        ("In the second quarter of 2020, the carmaker delivered 30,000 cars.", dt.date(2020, 7, 1)),
        ("In 2018, the plant closed its doors.", dt.date(2018, 1, 1)),
        ("The town has grown since 2015.", dt.date(2015, 1, 1)),
        ("The flood came two years after the dam opened in May 2012.", dt.date(2012, 5, 1)),
    ],
)
def test_past_mentions_set_the_earliest_date(text, earliest):
    assert infer_dates(text, TODAY).earliest == earliest


def test_a_month_without_a_year_is_read_in_the_year_of_the_past_events():
    text = "On March 3, 2021, the council voted to close the annex. In May, the mayor resigned."
    result = infer_dates(text, TODAY)
    assert result.earliest == dt.date(2021, 5, 1)
    assert "read as 2021" in result.evidence
    # "last November" is the November before, not the one after
    text = "On March 3, 2021, the council voted to close the annex. Residents had protested last November."
    assert infer_dates(text, TODAY).earliest == dt.date(2021, 3, 3)
    # with no past year to read it in, a bare month proves nothing
    assert infer_dates("In May, the mayor resigned.", TODAY).earliest is None


def test_a_birth_date_is_not_a_yearless_date():
    result = infer_dates("Born May 24, 1917, in Newark, he was educated at the city's schools.", TODAY)
    assert result.earliest == dt.date(1917, 5, 24)


def test_an_estimate_needs_the_text_to_pin_the_date():
    # one dated past event and nothing else: the article may be years later, so no estimate
    lone = infer_dates("The company said on September 11, 2020 that it had grown.", TODAY)
    assert lone.earliest == dt.date(2020, 9, 11) and lone.estimate is None
    # its weekday written out
    pinned = infer_dates("The vote was held on Tuesday, March 1, 2016, in every county.", TODAY)
    assert pinned.estimate == dt.date(2016, 3, 1)
    # another past event in the month before it, and an upcoming date that caps it
    text = (
        "On Feb. 20, 2016, the governor signed the bill. On Feb. 26, 2016, the first lawsuit was filed. "
        "A judge will hear the case on March 10, 2016."
    )
    bracketed = infer_dates(text, TODAY)
    assert bracketed.earliest == dt.date(2016, 2, 26)
    assert bracketed.estimate == dt.date(2016, 2, 26)
    assert "March 10, 2016" in bracketed.evidence
    # a later date named without a future tense means the anchor is history, not the article's time
    history = infer_dates(text + " The law was repealed in June 2019.", TODAY)
    assert history.estimate is None


def test_the_estimate_is_never_before_the_earliest_date_nor_after_today():
    pieces = [
        "On Feb. 20, 2016, the governor signed the bill.", "The vote was held on Tuesday, March 1, 2016.",
        "A judge will hear the case on March 10, 2016.", "In May, the mayor resigned.", "Sales fell in 2017.",
        "The Nov. 8 election will decide the Senate.", "In the second quarter, the company delivered 300 cars.",
        "Residents had protested last November.", "The law takes effect on Jan. 1, 2027.",
        "Early voting began on Oct. 24, 2016.", "The plant opened on Monday, Oct. 23, 2017.",
    ]
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.sample(pieces, rng.randint(1, 5)))
        result = infer_dates(text, TODAY)
        if result.estimate is not None:
            assert result.estimate <= TODAY, text
            assert result.earliest is None or result.estimate >= result.earliest, text
        if result.earliest is not None:
            assert result.earliest <= TODAY, text


def test_a_huge_text_without_punctuation_is_read_in_one_pass():
    filler = "residents of the town gathered in the square and talked about the annex and the library "
    chunk = filler * 120 + "the council voted on March 3 2021 and the annex will reopen in June 2022 "
    text = (chunk * (2_000_000 // len(chunk) + 1))[:2_000_000]
    result = infer_dates(text, TODAY)
    assert result.earliest == dt.date(2021, 3, 3)
    assert result.estimate is None
    assert len(result.evidence) < 2000


def test_the_web_page_fixture_has_its_past_vote_as_earliest():
    page = read_html_file(FIXTURES / "web_pages" / "no-date-page.html")
    result = infer_dates(page["text"], TODAY)
    # The same day, not the day after: a vote can be reported the evening it is held.
    assert result.earliest == dt.date(2021, 3, 3)
    assert result.estimate is None  # one date, nothing else to tell how long after it the page was written


def test_infer_date_still_returns_a_date_reading():
    reading = infer_date("The vote was held on Tuesday, March 1, 2016, in every county.", TODAY)
    assert isinstance(reading, DateReading)
    assert reading == DateReading(dt.date(2016, 3, 1), "inferred", reading.evidence)
    missing = infer_date("The company said on September 11, 2020 that it had grown.", TODAY)
    assert missing.date is None and missing.source == "missing"
    assert "earliest 2020-09-11" in missing.evidence  # the reader still sees what the text allows
    assert infer_date("Shipments will start in 2025.", TODAY).source == "missing"
    assert infer_date("Nothing here.").evidence.startswith("no date")


def test_date_inference_is_a_frozen_record():
    result = infer_dates("Nothing here.", TODAY)
    assert isinstance(result, DateInference) and (result.earliest, result.estimate) == (None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.earliest = TODAY

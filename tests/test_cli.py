"""The command line: counts, clear errors, exit codes, and the analysis tables."""

import subprocess
import sys

import pandas as pd
import pytest

from helpers.cli import main

from .conftest import FIXTURES, ROOT, SEEDS


def run(*args):
    """Run the installed `sourcebook` command as a user would."""
    return subprocess.run([sys.executable, "-m", "helpers.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_load_prints_counts_and_reasons_for_every_bad_input():
    result = run("load", FIXTURES / "bad_inputs")
    assert result.returncode == 0
    out = result.stdout
    assert "articles in: 11 = loaded 6 + rejected 4 + duplicates 1" in out
    for reason in ["empty file", "only whitespace", "not text", "no text column", "same text as 'duplicate-first'",
                   "not UTF-8", "is in the future", "'2020-13-45' is not a real date", "byte order mark"]:
        assert reason in out, reason


def test_missing_path_is_one_line_and_exit_2():
    result = run("load", "no/such/folder")
    assert result.returncode == 2
    assert result.stderr.strip() == "sourcebook: error: no/such/folder: no such file or folder"
    assert "Traceback" not in result.stderr


def test_table_without_text_column_names_the_columns():
    result = run("load", FIXTURES / "bad_inputs" / "no-text-column.csv")
    assert result.returncode == 2
    assert "columns found are 'id', 'headline', 'published'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_analyze_writes_the_tables(tmp_path, capsys):
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path)]) == 0
    articles = pd.read_csv(tmp_path / "articles.csv")
    sentences = pd.read_parquet(tmp_path / "sentences.parquet")
    attributions = pd.read_csv(tmp_path / "attributions.csv", keep_default_na=False)
    assert len(articles) == 3 and (tmp_path / "rejected.csv").exists()
    for column in ["article_id", "sentence_id", "start", "end", "text", "polarity", "subjectivity", "engine"]:
        assert column in sentences.columns
    assert set(sentences["engine"]) == {"textblob", "vader"}
    for column in ["article_id", "date", "sentence_id", "sentence", "start", "end", "source_type", "source_name",
                   "platform", "cue", "via"]:
        assert column in attributions.columns
    assert "analysed 3 articles" in capsys.readouterr().out


def test_analyze_with_one_engine_and_a_bad_engine(tmp_path):
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "--engines", "vader"]) == 0
    assert set(pd.read_parquet(tmp_path / "sentences.parquet")["engine"]) == {"vader"}
    result = run("analyze", SEEDS, "--out", tmp_path, "--engines", "bert")
    assert result.returncode == 2 and "unknown sentiment engine 'bert'" in result.stderr


def test_evaluate_attribution_prints_the_score_table():
    result = run("evaluate-attribution", ROOT / "tests" / "data" / "attribution_gold.csv")
    assert result.returncode == 0
    assert "precision" in result.stdout and "overall" in result.stdout and "anonymous" in result.stdout


def test_unwritable_output_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run("analyze", SEEDS, "--out", blocker / "tables")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("sourcebook: error:") and len(result.stderr.strip().splitlines()) == 1


def _seed_row(tmp_path, contains):
    """An attribution row of the seeds' analysis, found by words of its sentence."""
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "plain"), "--engines", "textblob"]) == 0
    rows = pd.read_csv(tmp_path / "plain" / "attributions.csv", keep_default_na=False)
    return rows, rows[rows["sentence"].str.contains(contains, regex=False)].iloc[0]


def test_corrections_by_hand_apply_through_analyze_and_report_what_matched_nothing(tmp_path, capsys):
    rows, morgan = _seed_row(tmp_path, "Morgan Stanley said")
    _, bloomberg = _seed_row(tmp_path, "posted by Bloomberg News")
    corrections = tmp_path / "corrections.csv"
    corrections.write_text(
        "article_id,start,end,source_type,source_name\n"
        f"{morgan.article_id},{morgan.start},{morgan.end},company,Morgan Stanley & Co.\n"
        f"{bloomberg.article_id},{bloomberg.start},{bloomberg.end},not an attribution,\n"
        "no-such-article,1,5,other,\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "fixed"), "--engines", "textblob",
                 "--corrections", str(corrections)]) == 0
    captured = capsys.readouterr()
    assert "1 rows corrected, 1 removed" in captured.out
    assert "correction matches no row: no-such-article 1-5" in captured.err
    fixed = pd.read_csv(tmp_path / "fixed" / "attributions.csv", keep_default_na=False)
    assert len(fixed) == len(rows) - 1
    changed = fixed[(fixed["article_id"] == morgan.article_id) & (fixed["start"] == morgan.start)].iloc[0]
    assert (changed.source_type, changed.source_name, changed.type_evidence) == ("company", "Morgan Stanley & Co.", "corrected by hand")
    assert str(changed.corrected).lower() == "true"
    assert fixed["corrected"].astype(str).str.lower().eq("true").sum() == 1


def test_a_bad_corrections_file_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("article_id,start,end,source_type\nx,1,2,wizard\n", encoding="utf-8")
    result = run("analyze", SEEDS, "--out", tmp_path / "out", "--corrections", bad)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "bad.csv: line 2: unknown source_type 'wizard'" in result.stderr


@pytest.mark.slow
def test_corrections_round_trip_through_render(tmp_path):
    _, morgan = _seed_row(tmp_path, "Morgan Stanley said")
    corrections = tmp_path / "corrections.csv"
    corrections.write_text("article_id,start,end,source_type\n"
                           f"{morgan.article_id},{morgan.start},{morgan.end},company\n", encoding="utf-8")
    out = tmp_path / "reports"
    assert main(["render", str(SEEDS), "--out", str(out), "--notebooks", "03", "--corrections", str(corrections)]) == 0
    table = pd.read_csv(out / "data" / "03-attributions.csv", keep_default_na=False)
    row = table[table["sentence"].str.contains("Morgan Stanley said", regex=False)].iloc[0]
    assert row.source_type == "company" and row.type_evidence == "corrected by hand"
    assert "1 rows corrected by hand" in (out / "index.html").read_text(encoding="utf-8")
    assert "1 rows were corrected by hand" in (out / "03-sourcing-over-time.html").read_text(encoding="utf-8")

"""Loading articles: the seed format, tables, dates, and the ledger of what could not be used."""

import datetime as dt

import pandas as pd
import pytest

from helpers.corpus import decode_bytes, load_corpus, outlet_from_text, title_from_text
from helpers.dates import infer_date, parse_date
from helpers.errors import SourcebookError

from .conftest import FIXTURES, SEEDS


def test_seeds_load_with_header_dates_and_the_undated_one_left_undated():
    corpus = load_corpus(SEEDS)
    articles = corpus.articles.set_index("article_id")
    assert corpus.counts == {"inputs": 3, "loaded": 3, "rejected": 0, "duplicates": 0}
    exports = articles.loc["2020-09-11-tesla-shanghai-exports"]
    assert exports["date"] == pd.Timestamp("2020-09-11") and exports["date_source"] == "header"
    # The header is removed: the body starts with the first words of the article.
    assert exports["text"].startswith("It appears that Tesla")
    undated = articles.loc["undated-tesla-second-china-factory-rumours"]
    # Its only year is an upcoming one ("expected ... in 2020"), and "June" or "the second quarter" without a year of
    # their own do not say which year: no date is better than a guess, and the evidence says why.
    assert undated["date_source"] == "missing" and pd.isna(undated["date"]) and pd.isna(undated["date_earliest"])
    assert "ignored as upcoming: '2020'" in undated["date_evidence"]


def test_seed_outlets_come_from_bylines_only_when_clear():
    articles = load_corpus(SEEDS).articles.set_index("article_id")["outlet"]
    assert articles["2019-09-19-tesla-shanghai-preproduction"] == "Oilprice.com"
    assert articles["undated-tesla-second-china-factory-rumours"] == "Electrek"
    assert articles["2020-09-11-tesla-shanghai-exports"] == ""  # no byline: not guessed


def test_required_columns_and_stable_ids():
    first = load_corpus(SEEDS).articles
    second = load_corpus(SEEDS).articles
    for column in ["article_id", "source_file", "date", "date_source", "date_evidence", "title", "outlet", "text",
                   "n_words", "sha256"]:
        assert column in first.columns
    assert list(first["article_id"]) == list(second["article_id"])
    assert first["article_id"].is_unique


def test_every_bad_input_is_accounted_for_with_its_reason():
    corpus = load_corpus(FIXTURES / "bad_inputs")
    reasons = dict(zip(corpus.rejected["source_file"], corpus.rejected["reason"]))
    assert reasons["empty.txt"] == "empty file"
    assert reasons["whitespace-only.txt"] == "only whitespace"
    assert reasons["binary.txt"].startswith("not text")
    assert "no text column" in reasons["no-text-column.csv"] and "'headline'" in reasons["no-text-column.csv"]
    duplicate = corpus.rejected[corpus.rejected["status"] == "duplicate"].iloc[0]
    assert duplicate["source_file"] == "duplicate-second.txt" and duplicate["duplicate_of"] == "duplicate-first"
    files = [p for p in (FIXTURES / "bad_inputs").iterdir() if p.is_file()]
    counts = corpus.counts
    assert counts["inputs"] == len(files) == counts["loaded"] + counts["rejected"] + counts["duplicates"]


def test_encodings_are_decoded_with_a_warning_and_bom_removed():
    articles = load_corpus(FIXTURES / "bad_inputs").articles.set_index("article_id")
    assert "café" in articles.loc["cp1252", "text"] and "city’s" in articles.loc["cp1252", "text"]
    assert "not UTF-8" in articles.loc["cp1252", "warnings"]
    bom = articles.loc["utf8-bom"]
    assert bom["date"] == pd.Timestamp("2021-01-02") and not bom["text"].startswith("\ufeff")
    assert decode_bytes("Latin-1 only: \xff".encode("latin-1"))[1] in ("cp1252", "latin-1")


def test_malformed_and_future_dates_are_kept_missing_with_the_reason():
    articles = load_corpus(FIXTURES / "bad_inputs").articles.set_index("article_id")
    bad = articles.loc["malformed-date"]
    assert pd.isna(bad["date"]) and bad["date_source"] == "missing"
    assert "2020-13-45" in bad["date_evidence"]
    future = articles.loc["future-date"]
    assert pd.isna(future["date"]) and "future" in future["date_evidence"]


def test_missing_path_and_unusable_single_table_raise_one_line_errors(tmp_path):
    with pytest.raises(SourcebookError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(SourcebookError) as error:
        load_corpus(FIXTURES / "bad_inputs" / "no-text-column.csv")
    assert "columns found are 'id', 'headline', 'published'" in str(error.value)
    assert "\n" not in str(error.value)


def test_tables_with_aliases_written_dates_and_an_unnamed_index_column():
    corpus = load_corpus(FIXTURES / "tables")
    articles = corpus.articles.set_index("article_id")
    assert set(articles.index) == {"a1", "a2", "j1", "j2"}
    assert articles.loc["a1", "outlet"] == "Example Times" and articles.loc["a1", "url"] == "https://example.org/1"
    assert articles.loc["a1", "date"] == pd.Timestamp("2018-12-15")  # "December 15, 2018"
    assert articles.loc["a2", "date"] == pd.Timestamp("2018-12-15")  # "15 Dec 2018"
    assert articles.loc["j2", "date"] == pd.Timestamp("2019-01-03")  # ISO date-time
    assert articles.loc["a1", "title"] == "Plant reopens"
    assert corpus.rejected.iloc[0]["reason"] == "empty text" and corpus.rejected.iloc[0]["row"] == 4


def test_columns_can_be_named_explicitly(tmp_path):
    path = tmp_path / "odd.tsv"
    path.write_text("story\twhen\tpaper\nOfficials said the bridge is safe.\t2020-02-03\tDaily\n", encoding="utf-8")
    corpus = load_corpus(path, text_col="story", date_col="WHEN", outlet_col="paper")
    row = corpus.articles.iloc[0]
    assert row["date"] == pd.Timestamp("2020-02-03") and row["outlet"] == "Daily"
    with pytest.raises(SourcebookError, match="no column 'missing'"):
        load_corpus(path, text_col="missing")


def test_real_tab_separated_corpus_loads_when_present():
    path = SEEDS.parent.parent / "shared" / "corpora" / "climate-news-2017-2019.tsv"
    if not path.exists():
        pytest.skip("the shared development corpus is not beside this checkout")
    corpus = load_corpus(path)
    assert corpus.counts["inputs"] == 428
    assert corpus.counts["loaded"] + corpus.counts["duplicates"] + corpus.counts["rejected"] == 428
    assert (corpus.articles["date_source"] == "column").all()
    # About 60 spellings of 36 outlets ("thehuffingtonpost", "The Huffington Post"): one name each.
    from helpers.outlets import outlet_key

    outlets = set(corpus.articles["outlet"])
    assert len(outlets) >= 30 and len({outlet_key(o) for o in outlets}) == len(outlets)


def test_duplicate_ids_in_tables_are_made_unique(tmp_path):
    (tmp_path / "a.csv").write_text("id,text\n1,First story.\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,text\n1,Second story.\n", encoding="utf-8")
    articles = load_corpus(tmp_path).articles
    assert articles["article_id"].is_unique and len(articles) == 2


def test_date_parsing_and_inference_units():
    assert parse_date("December 15, 2018") == dt.date(2018, 12, 15)
    assert parse_date("15 Dec 2018") == dt.date(2018, 12, 15)
    with pytest.raises(ValueError, match="not a real date"):
        parse_date("2020-02-30")
    reading = infer_date("Shipments will start in 2025.", today=dt.date(2026, 1, 1))
    assert reading.date is None and reading.source == "missing"
    reading = infer_date("The company said on September 11, 2020 that it had grown.", today=dt.date(2026, 1, 1))
    assert reading.date is None and "earliest 2020-09-11" in reading.evidence  # a lower bound, not an estimate
    reading = infer_date("On Friday, September 11, 2020, the company said it had grown. In August 2020 it hired "
                         "staff.", today=dt.date(2026, 1, 1))
    assert reading.source == "inferred" and reading.date >= dt.date(2020, 9, 11)
    assert infer_date("Nothing here.").evidence.startswith("no date")


def test_outlet_and_title_helpers():
    assert outlet_from_text("Body.\n\nBy Jane Doe for Example.com\n") == ("Example.com", "By Jane Doe for Example.com")
    assert outlet_from_text("The company said by Friday it would decide.") == ("", "")
    assert title_from_text("GOP Rep. Smith said the bill would pass. More text.").startswith("GOP Rep. Smith said")


def test_jsonl_records_with_missing_keys_are_rejected_not_read_as_nan(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": 0, "text": "Officials said the road is open."}\n{"id": "j2", "title": "no body"}\n'
                    '{"text": "Reuters reported the sale."}\n', encoding="utf-8")
    corpus = load_corpus(path)
    ids = list(corpus.articles["article_id"])
    assert ids[0] == "0" and "nan" not in ids and len(ids) == 2
    assert (corpus.articles["title"] != "nan").all() and (corpus.articles["outlet"] == "").all()
    assert list(corpus.rejected["reason"]) == ["empty text"] and corpus.rejected.iloc[0]["article_id"] == "j2"


def test_renamed_ids_never_collide_with_given_ones(tmp_path):
    (tmp_path / "ids.csv").write_text("id,text\na,One.\na,Two.\na~2,Three.\n", encoding="utf-8")
    articles = load_corpus(tmp_path).articles
    assert articles["article_id"].is_unique and set(articles["article_id"]) == {"a", "a~2", "a~3"}


def test_placeholder_dates_are_missing_with_a_reason(tmp_path):
    (tmp_path / "old.txt").write_text(" date 0001-01-01 Police said the road is open.", encoding="utf-8")
    article = load_corpus(tmp_path).articles.iloc[0]
    assert pd.isna(article["date"]) and "placeholder" in article["date_evidence"]


@pytest.mark.parametrize("raw", [
    "plain UTF-8 — with a dash".encode("utf-8"),
    b"\xef\xbb\xbfwith a byte order mark",
    "caf\xe9 in Windows-1252, \u201cquoted\u201d".encode("cp1252"),
    b"latin-1 only: \x81\x8d\xff",
    b"\x00\x01binary",
    bytes(range(1, 9)) * 100 + b"\xff",
    b"   \n\t  ",
    b"",
    b"\xef\xbb\xbf\xff broken after a mark",
])
def test_streamed_encoding_sniffing_decides_as_whole_file_decoding(tmp_path, raw):
    from helpers.corpus import sniff_encoding

    path = tmp_path / "table.csv"
    path.write_bytes(raw)

    def outcome(function):
        try:
            return function()
        except ValueError as exc:
            return type(exc).__name__, str(exc).split(":")[0]

    whole = outcome(lambda: ("empty file" if not raw else "only whitespace") if not raw.strip() else decode_bytes(raw)[1:])
    streamed = outcome(lambda: sniff_encoding(path))
    if isinstance(whole, str):  # the whole-file reader's own empty checks
        assert streamed == ("ValueError", whole)
    else:
        assert streamed == whole


def test_jsonl_lines_are_split_on_newlines_only_and_numbered_as_in_the_file(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "First article, with a line separator \u2028 inside it.", "date": "2020-01-02"}\n\n'
                    '{"text": "Second article.", "date": "2020-01-03"}\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert list(corpus.articles["article_id"]) == ["feed-1", "feed-3"]
    assert "\u2028" in corpus.articles["text"].iloc[0]


def test_jsonl_numeric_ids_keep_their_written_form(tmp_path):
    """A numeric id is read as written ("1", not "1.0"), even when another line lacks the field."""
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": 1, "text": "One.", "date": "2020-01-02"}\n'
                    '{"text": "Two.", "date": "2020-01-03"}\n'
                    '{"id": 3, "text": "Three.", "date": "2020-01-04"}\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert list(corpus.articles["article_id"]) == ["1", "feed-2", "3"]


def test_a_quoted_text_that_runs_over_several_lines_is_one_article(tmp_path):
    """Scrapes keep the article's line breaks inside a quoted cell: each row is still one article."""
    path = tmp_path / "scrape.csv"
    path.write_text('id,title,text\n1,"A","Line one.\n\nLine two, after a blank line."\n2,"B","Other text."\n',
                    encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus.counts == {"inputs": 2, "loaded": 2, "rejected": 0, "duplicates": 0}
    assert corpus.articles.set_index("article_id").loc["1", "text"] == "Line one.\n\nLine two, after a blank line."
    scrape = load_corpus(FIXTURES / "scrape_shapes" / "trailing_js.csv")
    assert len(scrape.articles) == 6 and scrape.rejected.empty


def test_one_outlet_has_one_name_across_the_corpus(tmp_path):
    """Spellings of one outlet that differ in case, spaces or punctuation are one outlet, named as it is written
    as a name; each renamed article says so. Different outlets are never merged."""
    rows = [("a1", "thehuffingtonpost"), ("a2", "The Huffington Post"), ("a3", "thehuffingtonpost"), ("a4", "rt"),
            ("a5", "RT"), ("a6", "thehill"), ("a7", "Some Blog"), ("a8", "someblog2"), ("a9", "The Hill Times")]
    table = tmp_path / "articles.csv"
    pd.DataFrame([{"id": i, "outlet": o, "date": "2020-01-02", "text": f"Article {i} about the budget, officials said."}
                  for i, o in rows]).to_csv(table, index=False)
    loaded = load_corpus(table).articles.set_index("article_id")
    assert loaded["outlet"].to_dict() == {
        "a1": "The Huffington Post", "a2": "The Huffington Post", "a3": "The Huffington Post", "a4": "RT", "a5": "RT",
        "a6": "The Hill",  # the name the domain list gives thehill.com
        "a7": "Some Blog", "a8": "someblog2", "a9": "The Hill Times"}
    assert "outlet 'thehuffingtonpost' named 'The Huffington Post'" in loaded.loc["a1", "warnings"]
    assert "outlet" not in loaded.loc["a2", "warnings"] and "outlet" not in loaded.loc["a7", "warnings"]


def test_a_scraped_article_whose_quote_marks_lost_their_place_is_read_with_its_sources(tmp_path):
    """Through the loader and the analysis: the mark is put back, the article says so, and the speaker before the
    quotation is found (read as quoted before, and lost)."""
    from helpers.analysis import analyze

    text = ('Fires have grown, according to Prof Dan Rhee of the University of Oslo, but the area affected has." '
            'The area burned has been higher in the past 30 years," he told the BBC.')
    table = tmp_path / "articles.csv"
    pd.DataFrame([{"id": "q1", "date": "2019-01-02", "text": text}]).to_csv(table, index=False)
    corpus = load_corpus(table)
    article = corpus.articles.set_index("article_id").loc["q1"]
    assert "quote marks put back at the start of their quotation: 1" in article["warnings"]
    assert 'has. "The area burned' in article["text"]
    rows = analyze(corpus, engines=("textblob",)).attributions
    assert set(rows["source_name"]) == {"Dan Rhee"}, rows[["source_name", "cue"]]

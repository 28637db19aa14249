"""Articles as newsrooms have them: outlets and wire credits from what the input says, ids from the file's own
index, languages, and the best of identical copies kept. Fixtures: tests/fixtures/scrape_shapes (People's Daily
shapes), tests/fixtures/languages, tests/fixtures/web_pages."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis import analyze
from helpers.corpus import load_corpus
from helpers.language import detect_language
from helpers.outlets import host_of, outlet_from_url, wire_from_dateline

FIXTURES = Path(__file__).parent / "fixtures"
SHAPES = FIXTURES / "scrape_shapes"
EXPECTED = json.loads((SHAPES / "expected.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def shapes():
    return {name: load_corpus(SHAPES / name).articles.set_index("article_id") for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_scrape_shape_gets_its_ids_outlet_wire_and_date_from_the_file(shapes, name):
    articles = shapes[name]
    assert sorted(articles.index) == sorted(EXPECTED[name]), "ids come from the file's index or id column"
    for article_id, want in EXPECTED[name].items():
        row = articles.loc[article_id]
        assert row["outlet"] == want["outlet"], (article_id, row["outlet"])
        assert row["wire"] == ("" if want["wire"] == "none" else want["wire"]), (article_id, row["wire"])
        assert row["date"].strftime("%Y-%m-%d") == want["date"]
        assert row["date_source"] == "column"


def test_a_source_cited_in_the_body_is_not_a_wire_credit(shapes):
    row = shapes["datelines.csv"].loc["dl-006"]
    assert "Xinhua" in row["text"] and row["wire"] == ""


def test_outlets_from_urls():
    assert outlet_from_url("http://english.people.com.cn/n3/2019/0103/c90777-9534187.html")[0] == "People's Daily"
    assert outlet_from_url("https://www.reuters.com/article/x")[0] == "Reuters"
    assert outlet_from_url("https://news.bbc.co.uk/2/hi/x.stm")[0] == "BBC"  # a listed parent domain
    assert outlet_from_url("https://blog.smalltown.co.uk/post/1")[0] == "smalltown.co.uk"  # the registered domain
    assert outlet_from_url("not a url")[0] == "" and outlet_from_url("")[0] == ""
    assert host_of("HTTPS://WWW.Example.com:8080/a?b") == "example.com"


def test_wire_credits_only_at_the_start():
    assert wire_from_dateline("SAN JUAN, Puerto Rico (AP) — Power was") == ("AP", "SAN JUAN, Puerto Rico (AP) —")
    assert wire_from_dateline("(Reuters) - Shares rose")[0] == "Reuters"
    assert wire_from_dateline("Officials told (Reuters) - no")[0] == ""
    assert wire_from_dateline("BEIJING -- China said")[0] == ""


def test_an_outlet_column_beats_the_url(tmp_path):
    path = tmp_path / "a.csv"
    pd.DataFrame({"text": ["Officials said the bridge will reopen."], "outlet": ["The Local Paper"],
                  "url": ["https://www.reuters.com/x"]}).to_csv(path, index=False)
    assert load_corpus(path).articles["outlet"].tolist() == ["The Local Paper"]


def test_an_id_column_beats_the_index_and_a_repeated_index_is_not_used(tmp_path):
    with_id = tmp_path / "with_id.csv"
    pd.DataFrame({"id": ["x1", "x2"], "text": ["One text here.", "Another text here."]},
                 index=[7, 8]).to_csv(with_id)
    assert load_corpus(with_id).articles["article_id"].tolist() == ["x1", "x2"]
    repeated = tmp_path / "repeated.csv"
    pd.DataFrame({"text": ["One text here.", "Another text here."]}, index=[5, 5]).to_csv(repeated)
    articles = load_corpus(repeated).articles
    assert articles["article_id"].tolist() == ["repeated-2", "repeated-3"]
    assert articles["warnings"].str.contains("not a unique index").all()


def test_duplicates_keep_the_copy_whose_date_is_given(tmp_path):
    body = "The council said the ferry will run all year. Officials said costs would rise."
    (tmp_path / "a-broken.txt").write_text(f" date 2019-13-45 {body}", encoding="utf-8")
    (tmp_path / "b-dated.txt").write_text(f" date 2019-05-02 {body}", encoding="utf-8")
    (tmp_path / "c-later.txt").write_text(f" date 2019-06-01 {body}", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles["article_id"].tolist() == ["b-dated"]
    ledger = corpus.rejected.set_index("article_id")
    assert ledger.loc["a-broken", "duplicate_of"] == "b-dated" and "date is given" in ledger.loc["a-broken", "reason"]
    assert ledger.loc["c-later", "duplicate_of"] == "b-dated" and "earlier-dated" in ledger.loc["c-later", "reason"]
    assert corpus.counts == {"inputs": 3, "loaded": 1, "rejected": 0, "duplicates": 2}


def test_a_duplicate_table_row_names_its_row(tmp_path):
    path = tmp_path / "rows.csv"
    pd.DataFrame({"text": ["Same words here, said the mayor."] * 2, "date": ["", "2020-01-02"]}).to_csv(path, index=False)
    corpus = load_corpus(path)
    assert corpus.articles["article_id"].tolist() == ["rows-3"]
    duplicate = corpus.rejected.iloc[0]
    assert (duplicate["source_file"], int(duplicate["row"]), duplicate["duplicate_of"]) == ("rows.csv", 2, "rows-3")


@pytest.fixture(scope="module")
def languages():
    corpus = load_corpus(FIXTURES / "languages")
    return corpus, analyze(corpus, engines=("textblob",))


def test_languages_are_detected_and_other_languages_are_kept_but_not_scored(languages):
    corpus, analysis = languages
    expected = json.loads((FIXTURES / "languages" / "expected.json").read_text(encoding="utf-8"))
    articles = corpus.articles.set_index("article_id")
    for name, want in expected.items():
        assert articles.loc[Path(name).stem, "language"] == want["language"], name
    for stem in ("chinese", "french"):
        assert "measured for English only" in articles.loc[stem, "warnings"]
    assert articles.loc["chinese", "n_words"] > 100  # Chinese words are not separated by spaces
    scored = set(analysis.sentences["article_id"])
    assert {"english", "mixed"} <= scored and not {"chinese", "french"} & scored
    assert set(analysis.articles["article_id"]) == set(articles.index)  # kept in the articles table
    tone = analysis.articles.set_index("article_id")["polarity_textblob"]
    assert tone[["chinese", "french"]].isna().all()  # no tone, rather than a neutral 0


def test_short_or_plain_english_is_english():
    assert detect_language("Shares rose.") == ("en", 0.0)
    assert detect_language("Le ministre a déclaré mardi que le gouvernement soutiendra les agriculteurs "
                           "touchés par la sécheresse, d'après un communiqué publié à Paris.")[0] == "fr"


def test_web_pages_load_as_articles_with_their_page_dates():
    corpus = load_corpus(FIXTURES / "web_pages")
    expected = json.loads((FIXTURES / "web_pages" / "expected.json").read_text(encoding="utf-8"))
    articles = corpus.articles.set_index("article_id")
    assert sorted(articles.index) == sorted(Path(name).stem for name in expected)
    for name, want in expected.items():
        row = articles.loc[Path(name).stem]
        assert (row["title"], row["outlet"], row["url"]) == (want["title"], want["outlet"], want["url"]), name
        if want["date"]:
            assert (row["date"].strftime("%Y-%m-%d"), row["date_source"]) == (want["date"], "page"), name
        else:
            assert row["date_source"] in ("inferred", "missing"), name
        for sentence in want["must_appear"]:
            assert sentence in row["text"], (name, sentence)
    # the ledger counts the expectations file as rejected input, with its reason
    assert corpus.rejected["source_file"].tolist() == ["expected.json"]


def test_the_load_command_lists_languages_wires_and_repairs():
    result = subprocess.run([sys.executable, "-m", "helpers.cli", "load", str(SHAPES)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "mojibake" in result.stdout and "Xinhua" in result.stdout
    assert "articles in: 20 = loaded 19 + rejected 1 + duplicates 0" in result.stdout  # expected.json is rejected


def test_the_overview_charts_say_how_many_of_their_articles_are_not_in_english(languages):
    from helpers import charts

    _corpus, analysis = languages
    for figure in (charts.article_timeline(analysis.articles), charts.words_per_article(analysis.articles),
                   charts.outlets(analysis.articles)):
        assert "2 not in English (counted here, not scored" in figure.layout.title.text
    english = analysis.articles[analysis.articles["language"] == "en"]
    assert "not in English" not in charts.outlets(english).layout.title.text

"""Saved news pages read as articles: text, headline, date, outlet and URL, against expected.json."""

import json

import pytest

from helpers.webpages import read_html_file

from .conftest import FIXTURES

PAGES = FIXTURES / "web_pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def read():
    """Each fixture read once for all the tests of this module."""
    cache = {}

    def _read(name):
        if name not in cache:
            cache[name] = read_html_file(PAGES / name)
        return cache[name]

    return _read


def test_every_fixture_has_an_expectation():
    assert sorted(path.name for path in PAGES.glob("*.html")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fields(read, name):
    article, expected = read(name), EXPECTED[name]
    assert set(article) == {"text", "title", "date", "date_origin", "outlet", "url", "warnings"}
    for field in ("title", "date", "outlet", "url"):
        assert article[field] == expected[field], field
    assert article["warnings"][0] == "read as a web page with trafilatura"
    assert all(isinstance(w, str) and w and "\n" not in w for w in article["warnings"])
    assert bool(article["date_origin"]) == (article["date"] is not None)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_main_text_only(read, name):
    text, expected = read(name)["text"], EXPECTED[name]
    for sentence in expected["must_appear"]:
        assert sentence in text
    for boilerplate in expected["must_not_appear"]:
        assert boilerplate not in text
    for chrome in ("Share this", "Share on", "Leave a Reply", "Related stories", "Advertisement", "dataLayer"):
        assert chrome not in text
    # plain paragraphs: no markdown list marks, no blank lines
    assert all(line.strip() and not line.startswith(("- ", "* ", "#")) for line in text.split("\n"))


def test_headline_is_not_repeated_as_first_line(read):
    for name, expected in EXPECTED.items():
        assert read(name)["text"].split("\n")[0] != expected["title"], name


def test_live_blog_keeps_all_entries_newest_first(read):
    text = read("live-blog.html")["text"]
    newest, oldest = EXPECTED["live-blog.html"]["must_appear"][0], EXPECTED["live-blog.html"]["must_appear"][2]
    assert text.index(newest) < text.index(oldest)
    assert "State police closed the Lake Verret causeway" in text  # the single-paragraph entry
    assert "Evacuation order lifted for Zone C" in text.split("\n")  # an entry heading on its own line


def test_comments_and_reply_form_left_out(read):
    article = read("article-with-comments.html")
    assert "days ago" not in article["text"] and "Post Comment" not in article["text"]
    assert any("5 comments" in warning for warning in article["warnings"])


def test_hostile_page_keeps_escaped_text_and_drops_live_code(read):
    article = read("hostile-page.html")
    assert "<script>alert(1)</script>" in article["text"]
    assert "<script>alert(1)</script>" in article["title"]
    fields = [article[key] for key in ("text", "title", "outlet", "url", "date_origin")] + article["warnings"]
    live_code = ("alert(2)", "alert(3)", "alert(4)", "alert(5)", "onerror", "onload", "onmouseover", "javascript:")
    for needle in (*live_code, "evil.example", "document.cookie", "does not support iframes"):
        assert not any(needle in field for field in fields), needle
    # the live <script>alert(1)</script> elements are gone: the only alert(1) left is the escaped text
    assert article["text"].count("alert(1)") == 1
    # the <p onmouseover=...> paragraph keeps its text
    assert "The flaw, known as cross-site scripting" in article["text"]


def test_body_date_is_not_the_publication_date(read):
    article = read("no-date-page.html")
    assert article["date"] is None and article["date_origin"] == ""
    assert "On March 3, 2021" in article["text"]
    assert any("no publication date" in warning for warning in article["warnings"])


def test_date_origin_names_the_metadata(read):
    assert "article:published_time" in read("news-article.html")["date_origin"]
    assert "JSON-LD" in read("live-blog.html")["date_origin"]


def test_date_written_only_in_the_text_is_rejected(tmp_path):
    body = "<p>On March 3, 2021, the council voted to close the annex as part of a package of savings for the year.</p>"
    page = tmp_path / "byline-date.html"
    byline = "<p class='date'>March 3, 2021</p>"  # htmldate's fast search reads date-classed elements
    page.write_text(f"<html><body><article><h1>Annex</h1>{byline}{body}</article></body></html>")
    article = read_html_file(page)
    assert article["date"] is None
    assert any("2021-03-03" in warning and "article text" in warning for warning in article["warnings"])


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "is empty"),
        (b"  \n\t \n", "is empty"),
        (b"%PDF-1.7\x00\x01\x02\x03 binary stream", "not an HTML page"),
        (b"Just a plain text note, with no markup at all.", "not an HTML page"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found in the page"),
    ],
)
def test_not_an_article_raises(tmp_path, content, reason):
    page = tmp_path / "page.html"
    page.write_bytes(content)
    with pytest.raises(ValueError, match=reason) as caught:
        read_html_file(page)
    assert "\n" not in str(caught.value)


def _page(charset_tag, title, paragraph):
    return (
        f"<!DOCTYPE html><html><head>{charset_tag}<title>{title} | Le Journal</title>"
        '<meta property="og:site_name" content="Le Journal"></head>'
        f"<body><article><h1>{title}</h1><p>{paragraph}</p></article></body></html>"
    )


PARAGRAPH = "Le café de la gare a rouvert lundi, a déclaré le maire, « une bonne nouvelle » pour le quartier et ses 2 000 habitants."


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1"])
def test_non_utf8_charset(tmp_path, charset):
    page = tmp_path / "latin.htm"
    html = _page(f'<meta charset="{charset}">', "Réouverture du café", PARAGRAPH + " Prix : 3 €.")
    page.write_bytes(html.encode("cp1252"))  # é and « » are one byte each, € is 0x80
    article = read_html_file(page)
    assert PARAGRAPH in article["text"] and "3 €" in article["text"]
    assert article["title"] == "Réouverture du café"
    assert article["outlet"] == "Le Journal"
    assert "\ufffd" not in article["text"]


def test_http_equiv_charset_and_bom(tmp_path):
    legacy = tmp_path / "legacy.html"
    tag = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">'
    legacy.write_bytes(_page(tag, "Réouverture", PARAGRAPH).encode("iso-8859-15"))
    assert PARAGRAPH in read_html_file(legacy)["text"]
    utf16 = tmp_path / "utf16.html"
    utf16.write_bytes(_page("", "Réouverture", PARAGRAPH).encode("utf-16"))  # with a BOM
    assert PARAGRAPH in read_html_file(utf16)["text"]


def test_bad_bytes_are_replaced_not_fatal(tmp_path):
    page = tmp_path / "broken.html"
    html = _page('<meta charset="utf-8">', "Broken", PARAGRAPH).encode("utf-8")
    page.write_bytes(html.replace(b"gare", b"g\xffre"))  # 0xFF is never valid UTF-8
    article = read_html_file(page)
    assert "g\ufffdre" in article["text"]
    assert any("replaced" in warning for warning in article["warnings"])

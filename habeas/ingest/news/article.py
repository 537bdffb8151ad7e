"""Articles as habeas reads them: plain text, HTML (main text and metadata via trafilatura)
or e-mail, turned into the exact text that is analysed and stored."""

from __future__ import annotations

import email
import email.policy
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from habeas.exceptions import InputError
from habeas.ingest.decrees.text import decode

MAX_BYTES = 20 * 1024 * 1024
"""Larger inputs are refused: no news article is this big, and parsing one would stall a batch."""
MIN_WORDS = 20
"""An article with fewer words of main text is navigation or an error page, not news."""

_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>")
_MAIL_HEADER = re.compile(
    rb"^(From|Received|Return-Path|Message-ID|MIME-Version|Subject|Date):", re.I
)
_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Article:
    """One article: the text that is analysed (offsets point into it) and its metadata."""

    text: str
    title: str = ""
    url: str = ""
    published: date | None = None
    publisher: str = ""
    author: str = ""
    language: str = ""
    format: str = "text"


def clean_text(text: str) -> str:
    """Normalise line ends and Unicode (NFC), drop control characters and trailing space."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def sniff_format(data: bytes) -> str:
    """ "html", "email" or "text", from the first bytes."""
    head = data[:2048].lstrip().lower()
    if _MAIL_HEADER.match(data[:2048].lstrip()):
        headers = data[:8192].replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
        if re.search(rb"^(Subject|From):", headers, re.M | re.I):
            return "email"
    if head.startswith(_HTML_START) or b"<html" in head[:512]:
        return "html"
    return "text"


def _check_bytes(data: bytes, label: str) -> None:
    if not data.strip():
        raise InputError("the file is empty; nothing to read", file=label)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{len(data) / 1_048_576:.0f} MB is too large for an article (limit "
            f"{MAX_BYTES // 1_048_576} MB); save the article's own page and re-run",
            file=label,
        )
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file, not an article (text, HTML or e-mail)", file=label)


def _check_text(text: str, label: str, what: str) -> str:
    words = len(text.split())
    if words < MIN_WORDS:
        raise InputError(
            f"{what} has only {words} words of text; it is not an article "
            "(navigation, an error page or an empty body)",
            file=label,
        )
    return text


def read_html(data: bytes | str, label: str, url: str = "") -> Article:
    """Main text and metadata of an HTML page, boilerplate dropped (trafilatura)."""
    import trafilatura

    page = data if isinstance(data, str) else decode(data, label)[0]
    body = trafilatura.extract(
        page, url=url or None, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = trafilatura.extract_metadata(page, default_url=url or None)
    text = _check_text(clean_text(body or ""), label, "the page")
    published: date | None = None
    if meta is not None and meta.date:
        try:
            published = date.fromisoformat(str(meta.date)[:10])
        except ValueError:
            published = None
    return Article(
        text=text,
        title=(meta.title or "") if meta else "",
        url=url or ((meta.url or "") if meta else ""),
        published=published,
        publisher=(meta.sitename or "") if meta else "",
        author=(meta.author or "") if meta else "",
        language=(meta.language or "") if meta else "",
        format="html",
    )


def read_email(data: bytes, label: str) -> Article:
    """The text (or HTML) body of an e-mail, with its subject, sender and date."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputError("the e-mail has no text or HTML body", file=label)
    content = part.get_content()
    body = content if isinstance(content, str) else bytes(content).decode("utf-8", "replace")
    sent: date | None = None
    if message["Date"]:
        try:
            sent = parsedate_to_datetime(str(message["Date"])).date()
        except (TypeError, ValueError):
            sent = None
    subject = str(message["Subject"] or "")
    sender = str(message["From"] or "")
    if part.get_content_type() == "text/html":
        found = read_html(body, label)
        return Article(
            text=found.text,
            title=subject or found.title,
            url=found.url,
            published=sent,
            publisher=sender,
            format="email",
        )
    text = _check_text(clean_text(body), label, "the e-mail")
    return Article(text=text, title=subject, published=sent, publisher=sender, format="email")


def read_article_bytes(data: bytes, label: str, url: str = "") -> Article:
    """Read an article from bytes: HTML, e-mail or plain text, told apart by content."""
    _check_bytes(data, label)
    kind = sniff_format(data)
    if kind == "html":
        return read_html(data, label, url)
    if kind == "email":
        return read_email(data, label)
    text = _check_text(clean_text(decode(data, label)[0]), label, "the file")
    first = text.split("\n", 1)[0].strip()
    title = first if len(first) <= 120 and not first.endswith(".") else ""
    return Article(text=text, title=title, url=url)

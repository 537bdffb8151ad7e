"""Pardon and amnesty decrees: read the file (text, HTML, DOCX, PDF, OCR), parse entries."""

from __future__ import annotations

from pathlib import Path

from habeas.exceptions import InputError
from habeas.ingest.decrees.document import read_docx
from habeas.ingest.decrees.entry import (
    DecreeEntry,
    DecreeSection,
    DuplicateEntry,
    ParsedDecree,
    SkippedLine,
    detect_language,
    parse_decree,
)
from habeas.ingest.decrees.markup import read_html
from habeas.ingest.decrees.measure import MeasureFound, find_measure
from habeas.ingest.decrees.pdf import read_pdf
from habeas.ingest.decrees.text import DecreeLine, DecreeText, detect_encoding, read_plain

__all__ = [
    "DecreeEntry",
    "DecreeLine",
    "DecreeSection",
    "DecreeText",
    "DuplicateEntry",
    "MeasureFound",
    "ParsedDecree",
    "SkippedLine",
    "detect_encoding",
    "detect_language",
    "find_measure",
    "parse_decree",
    "read_decree_text",
]

_HTML = (b"<!doctype html", b"<html", b"<?xml", b"<body", b"<p>", b"<div", b"<table")


def _kind(path: Path, head: bytes) -> str:
    """Tell a decree file's format by its first bytes, then by its suffix."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix in (".docx", ".doc"):
        return "docx"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if probe.startswith(_HTML) else "text"


def read_decree_text(path: Path, *, ocr: bool = False, encoding: str | None = None) -> DecreeText:
    """Read a decree file (text, HTML, DOCX or PDF) into numbered lines."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(512)
    except OSError as exc:
        raise InputError(f"cannot read the decree file ({exc.strerror}).", file=str(path)) from None
    kind = _kind(path, head)
    if kind == "pdf":
        if not head.startswith(b"%PDF-"):
            raise InputError(
                f"Decree PDF cannot be read: {path.name} (it does not start with %PDF-). "
                "Check the file is a complete PDF."
            )
        return read_pdf(path, ocr=ocr)
    if kind == "docx":
        if path.suffix.lower() == ".doc" and not head.startswith(b"PK"):
            raise InputError(
                "old Word .doc files are not read; save it as .docx or PDF and re-run.",
                file=path.name,
            )
        return read_docx(path)
    if kind == "html":
        return read_html(path, encoding)
    return read_plain(path, encoding)

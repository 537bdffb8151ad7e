"""Text of an HTML decree, each text line numbered by the source line it starts on.

The standard library's ``html.parser`` is enough: a decree page is its list, and
boilerplate removal (trafilatura and the like) risks dropping short name lines, adds a
heavy dependency and loses source line numbers, which reviewers use to find an entry.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from habeas.ingest.decrees.text import DecreeLine, DecreeText, decode

_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td th thead tr ul".split()
)
_HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title"})
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


class _TextLines(HTMLParser):
    """Collects visible text, starting a new line at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[DecreeLine] = []
        self._parts: list[str] = []
        self._start: int | None = None
        self._hidden = 0

    def finish(self) -> None:
        """End the last line."""
        self._flush()

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text and self._start is not None:
            self.lines.append(DecreeLine(self._start, text))
        self._parts, self._start = [], None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        line, _ = self.getpos()
        for offset, piece in enumerate(data.split("\n")):
            if piece.strip() and self._start is None:
                self._start = line + offset
        self._parts.append(data)


def html_lines(html: str) -> tuple[DecreeLine, ...]:
    """Return the visible text lines of an HTML document with their source line numbers."""
    parser = _TextLines()
    parser.feed(html)
    parser.close()
    parser.finish()
    return tuple(parser.lines)


def read_html(path: Path, encoding: str | None = None) -> DecreeText:
    """Read an HTML decree, honouring a <meta charset> unless told the encoding."""
    data = path.read_bytes()
    declared = _META_CHARSET.search(data[:4096])
    if encoding is None and declared is not None:
        encoding = declared.group(1).decode("ascii").lower()
        encoding = {"windows-1251": "cp1251", "windows-1254": "cp1254"}.get(encoding, encoding)
    text, codec = decode(data, path.name, encoding)
    return DecreeText(path.name, html_lines(text), "html", codec)

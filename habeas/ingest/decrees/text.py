"""A decree's text as lines numbered like the original, and plain-text decoding.

Plain-text decrees arrive as UTF-8 (with or without BOM), UTF-16 with a BOM (Word's
"Unicode text"), Windows-1251 (Russian) or Windows-1254 (Turkish, used for Azerbaijani
Latin before UTF-8). The two Windows code pages are told apart word by word: the reading
under which more words are written in one plausible alphabet wins. This beats a general
detector on short texts, where both code pages decode every byte.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from habeas.exceptions import InputError

CODE_PAGES = ("cp1251", "cp1254")
_AZ_TR_LETTERS = frozenset("çğışöüəäÇĞİŞÖÜƏÄ")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class DecreeLine:
    """One line of a decree: its number in the original (1-based), text and PDF page."""

    number: int
    text: str
    page: int | None = None


@dataclass(frozen=True, slots=True)
class DecreeText:
    """A decree's text, line by line, with where it came from and how it was read."""

    source: str
    lines: tuple[DecreeLine, ...]
    format: str = "text"
    encoding: str | None = None
    ocr: bool = False

    @classmethod
    def from_string(cls, text: str, source: str = "<text>") -> DecreeText:
        """Return the text of a decree given as a string, lines numbered from 1."""
        return cls(source, numbered(text.splitlines()), encoding=None)

    @property
    def text(self) -> str:
        """Return the whole text, lines joined by newlines."""
        return "\n".join(line.text for line in self.lines)


def numbered(lines: list[str], start: int = 1, page: int | None = None) -> tuple[DecreeLine, ...]:
    """Number lines from start, keeping blank ones so numbers match the original."""
    return tuple(DecreeLine(start + i, line, page) for i, line in enumerate(lines))


def _plausible_words(text: str, code_page: str) -> int:
    """Count words with non-ASCII letters that read as one real alphabet under code_page."""
    count = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if code_page == "cp1251":
            count += all("\u0400" <= ch <= "\u04ff" for ch in word)
        else:
            count += all(ch.isascii() or ch in _AZ_TR_LETTERS for ch in word)
    return count


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the UTF-16 codec if data looks like BOM-less UTF-16 (NUL in every other byte)."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str | None:
    """Return the codec that reads data (BOM, UTF-8, UTF-16, cp1251 or cp1254), or None."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[int, str] | None = None
    for code_page in CODE_PAGES:
        try:
            score = _plausible_words(data.decode(code_page), code_page)
        except UnicodeDecodeError:
            continue
        if best is None or score > best[0]:
            best = (score, code_page)
    return best[1] if best is not None else None


def decode(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes of a decree; return the text and the codec used, or raise InputError."""
    codec = encoding or detect_encoding(data)
    if codec is None:
        raise InputError(
            "cannot tell the text encoding (not UTF-8, UTF-16, Windows-1251 or Windows-1254). "
            "Save the file as UTF-8 and re-run.",
            file=source,
        )
    try:
        return data.decode(codec), codec
    except (UnicodeDecodeError, LookupError) as exc:
        where = f" at byte {exc.start}" if isinstance(exc, UnicodeDecodeError) else ""
        raise InputError(
            f"not valid {codec}{where}. Save the file as UTF-8 and re-run.", file=source
        ) from None


def read_plain(path: Path, encoding: str | None = None) -> DecreeText:
    """Read a plain-text decree, detecting its encoding unless told."""
    text, codec = decode(path.read_bytes(), path.name, encoding)
    return DecreeText(path.name, numbered(text.splitlines()), "text", codec)

"""Writing-system detection for names (ISO 15924 codes, lower-case)."""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class Script(StrEnum):
    """The writing system of a string; values are lower-case ISO 15924 codes."""

    LATIN = "latn"
    CYRILLIC = "cyrl"
    ARABIC = "arab"
    ARMENIAN = "armn"
    GEORGIAN = "geor"
    GREEK = "grek"
    HEBREW = "hebr"
    HAN = "hani"
    MIXED = "mixed"
    UNKNOWN = "unknown"


# (first code point, last code point, script); checked in order.
_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x0041, 0x005A, Script.LATIN),
    (0x0061, 0x007A, Script.LATIN),
    (0x00C0, 0x02AF, Script.LATIN),  # Latin-1 to IPA extensions (ə is U+0259)
    (0x1E00, 0x1EFF, Script.LATIN),
    (0x2C60, 0x2C7F, Script.LATIN),
    (0xA720, 0xA7FF, Script.LATIN),
    (0x0370, 0x03FF, Script.GREEK),
    (0x0400, 0x052F, Script.CYRILLIC),
    (0x1C80, 0x1C8F, Script.CYRILLIC),
    (0x0530, 0x058F, Script.ARMENIAN),
    (0x0590, 0x05FF, Script.HEBREW),
    (0x0600, 0x06FF, Script.ARABIC),
    (0x0750, 0x077F, Script.ARABIC),
    (0x08A0, 0x08FF, Script.ARABIC),
    (0xFB50, 0xFDFF, Script.ARABIC),
    (0xFE70, 0xFEFF, Script.ARABIC),
    (0x10A0, 0x10FF, Script.GEORGIAN),
    (0x1C90, 0x1CBF, Script.GEORGIAN),
    (0x4E00, 0x9FFF, Script.HAN),
    (0x3400, 0x4DBF, Script.HAN),
)


def char_script(char: str) -> Script | None:
    """Return the script of one character, or None for digits, marks and punctuation."""
    code = ord(char)
    if char == "\u00d7" or char == "\u00f7":  # multiplication and division signs
        return None
    for first, last, script in _RANGES:
        if first <= code <= last:
            return script
    if unicodedata.category(char).startswith("L"):
        return Script.UNKNOWN
    return None


def detect_script(text: str) -> Script:
    """Return the single script of the letters in text, MIXED if several, UNKNOWN if none."""
    found: set[Script] = set()
    for char in text:
        script = char_script(char)
        if script is not None:
            found.add(script)
    if not found:
        return Script.UNKNOWN
    if len(found) > 1:
        return Script.MIXED
    return found.pop()


def scripts_in(text: str) -> frozenset[Script]:
    """Return every script that occurs among the letters of text."""
    return frozenset(s for s in map(char_script, text) if s is not None)

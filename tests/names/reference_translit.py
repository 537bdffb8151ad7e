"""The plain regex chain fold and skeleton were written as first (kept to check the fast ones).

``habeas.names.translit`` folds through a cached translation table and runs each skeleton
rule only when a letter it needs is present; these are the straightforward versions it must
agree with on every input.
"""

from __future__ import annotations

import re
import unicodedata

from habeas.names.translit import _DROP, _FOLD_CHARS, _OCR_DIGITS, RomanStandard, to_latin

_SOFT_J = re.compile(r"(?<=[a-z])['ʹ’]j(?=[aeiou])", re.IGNORECASE)


def fold(text: str) -> str:
    """Reference fold: romanise, then map every character one by one."""
    text = to_latin(unicodedata.normalize("NFC", text), RomanStandard.WIKIPEDIA)
    text = _SOFT_J.sub("y", text)
    out: list[str] = []
    for char in text.lower():
        if char in _DROP or unicodedata.combining(char):
            continue
        mapped = _FOLD_CHARS.get(char)
        if mapped is not None:
            out.append(mapped)
            continue
        if char.isascii():
            out.append(char if char.isalnum() else " ")
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        base = "".join(_FOLD_CHARS.get(c, c) for c in base)
        out.append(base if base.isascii() and base.isalnum() else " ")
    words = "".join(out).split()
    return " ".join(_repair(w) for w in words)


def _repair(word: str) -> str:
    """Reference OCR digit repair."""
    if word.isdigit() or not any(c.isdigit() for c in word):
        return word
    out: list[str] = []
    for index, char in enumerate(word):
        letter = _OCR_DIGITS.get(char, char)
        if char == "1" and 0 < index < len(word) - 1:
            before, after = word[index - 1], word[index + 1]
            if before.isalpha() and after.isalpha() and not ({before, after} & set("aeiouy")):
                letter = "i"
        out.append(letter)
    return "".join(out)


_RULES = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"rn", "m"),
        (r"shch|sch|shh|sh", "š"),
        (r"dzh|dj|dz|zh", "j"),
        (r"tch|ch", "č"),
        (r"ck", "k"),
        (r"(?<=e)x", "ks"),
        (r"c(?=z)", "t"),
        (r"tz", "ts"),
        (r"c", "j"),
        (r"kh|gh|q|x|h|k|g", "k"),
        (r"(?<=[^aeiouy])au$", "ov"),
        (r"(?<=[ao])u(?=[^aeiouy]|$)", "v"),
        (r"^j(?=[aeiou])", "y"),
        (r"(?<=[aeiouy])j(?=[aeiou])", "y"),
        (r"(?<=[aeiouy])j(?=[^aeiouy]|$)", "i"),
        (r"^i(?=[aeou])", "y"),
        (r"(?<=[aeiou])i(?=[aeou])", "y"),
        (r"e", "a"),
        (r"iy(?=[aeiou])", "i"),
        (r"yi", "i"),
        (r"(?<=[^aeiouy])y(?=[ou])", ""),
        (r"y(?![aeiou])", "i"),
        (r"(?<=[^aeiouy])[iy]a", "a"),
        (r"ia", "ya"),
        (r"iu", "yu"),
        (r"w", "v"),
        (r"ph", "f"),
        (r"(?<=[aeiou]i)s$|(?<=ov)s$", ""),
        (r"(.)\1+", r"\1"),
    )
)


def skeleton(token: str) -> str:
    """Reference skeleton: every rewrite, in order, on the folded token."""
    text = fold(token).replace(" ", "")
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text


def key_of_skeleton(text: str) -> str:
    """Reference consonant frame: letter by letter."""
    out: list[str] = []
    for index, char in enumerate(text):
        if char in "aeiouy":
            if index == 0:
                out.append("a")
            continue
        char = {"č": "j", "c": "j", "š": "s"}.get(char, char)
        if out and out[-1] == char:
            continue
        out.append(char)
    return "".join(out)

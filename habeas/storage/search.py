"""Search keys stored beside every name variant: folded text and per-word sound keys."""

from __future__ import annotations

from functools import lru_cache

from habeas.names.translit import fold, phonetic_key


def search_key(text: str) -> str:
    """Lower-case ASCII, diacritics dropped, Cyrillic romanised: what substring search uses."""
    return " ".join(_fold_word(word) for word in text.split())


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return " ".join(fold(word).split())


@lru_cache(maxsize=65536)
def _sound(word: str) -> str:
    return phonetic_key(word)


def sound_keys(text: str) -> str:
    """Space-framed sound keys of each word (" mrkdrv rf "), so spellings across scripts
    and standards (Mirqədirov, Миргадиров, Mirkadyrov) meet."""
    return _frame(search_key(text))


def _frame(folded: str) -> str:
    keys = [_sound(word) for word in folded.split()]
    return " " + " ".join(k for k in keys if k) + " "


def name_keys(text: str) -> tuple[str, str]:
    """Both keys of a name at once: (folded text, sound keys)."""
    folded = search_key(text)
    return folded, _frame(folded)

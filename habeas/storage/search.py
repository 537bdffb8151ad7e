"""Search keys stored beside every name variant: folded text and per-word sound keys."""

from __future__ import annotations

from habeas.names.translit import fold, phonetic_key


def search_key(text: str) -> str:
    """Lower-case ASCII, diacritics dropped, Cyrillic romanised: what substring search uses."""
    return " ".join(fold(text).split())


def sound_keys(text: str) -> str:
    """Space-framed sound keys of each word (" mrkdrv rf "), so spellings across scripts
    and standards (Mirqədirov, Миргадиров, Mirkadyrov) meet."""
    keys = [phonetic_key(word) for word in search_key(text).split()]
    return " " + " ".join(k for k in keys if k) + " "

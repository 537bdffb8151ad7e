"""The folded search key stored beside every name variant."""

from __future__ import annotations

import unicodedata

_SPECIAL = str.maketrans({"ə": "a", "Ə": "a", "ı": "i", "İ": "i", "ß": "ss", "ø": "o", "ł": "l"})


def search_key(text: str) -> str:
    """Lower-case, diacritics dropped, spaces collapsed: what search compares."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())

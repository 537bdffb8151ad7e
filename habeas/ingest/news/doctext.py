"""The text of a parsed document, computed once (spaCy rebuilds `Doc.text` on each access)."""

from __future__ import annotations

from typing import Any


def doc_text(doc: Any) -> str:
    """doc.text, cached in the document's user data."""
    cached = doc.user_data.get("habeas_text")
    if cached is None:
        cached = doc.user_data["habeas_text"] = str(doc.text)
    return str(cached)

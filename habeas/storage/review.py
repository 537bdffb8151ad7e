"""Decrees and the review queue of proposals."""

from __future__ import annotations

from habeas.storage.base import SqlBase


class ReviewStore(SqlBase):
    """Stored decrees, proposals, and accepting or rejecting them."""

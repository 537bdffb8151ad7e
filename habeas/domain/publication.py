"""Published lists: numbered, frozen snapshots of who was a political prisoner on a date."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class ListMember:
    """One person on a published list, as the list stated it."""

    person_id: str
    name: str
    since: date
    organisations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PublishedList:
    """A citable snapshot; `number` is its stable public number."""

    number: int
    title: str
    as_of: date
    known_at: datetime
    by: str | None
    published_at: datetime
    published_by: str
    members: tuple[ListMember, ...]
    content_hash: str

    @property
    def count(self) -> int:
        """How many were on the list."""
        return len(self.members)


def members_hash(as_of: date, by: str | None, members: tuple[ListMember, ...]) -> str:
    """sha256 of a list's content, so a copy can be checked against the original."""
    payload = json.dumps(
        {
            "as_of": as_of.isoformat(),
            "by": by,
            "members": [
                [m.person_id, m.name, m.since.isoformat(), list(m.organisations)] for m in members
            ],
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ListChange:
    """A person added to or removed from a list between two publications."""

    person_id: str
    name: str
    change: str  # "added" or "removed"
    explanation: str

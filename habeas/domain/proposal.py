"""Proposals: changes suggested by a decree, an article or an import, pending review.

Nothing from a decree or an article changes a record on its own: it becomes a proposal
with its evidence and a person accepts or rejects it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from habeas.domain.event import Event
from habeas.domain.person import Person, PersonName
from habeas.domain.source import Citation


class ProposalKind(StrEnum):
    """Where a proposal comes from."""

    DECREE_MATCH = "decree_match"
    NEWS = "news"
    IMPORT = "import"
    SCREENING = "screening"


class ProposalStatus(StrEnum):
    """Review state."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Proposal:
    """A suggested change: events to add and names to record for one person, with evidence.

    `match_key` identifies the (person, evidence) pair: once rejected as "not the same
    person", a proposal with the same key is never made again.

    `person` is set when the proposal is about someone not yet in the registry (a new
    candidate read in an article): accepting creates that person (id `person_id`) first.
    """

    id: str
    kind: ProposalKind
    person_id: str
    summary: str
    events: tuple[Event, ...] = ()
    names: tuple[PersonName, ...] = ()
    evidence: tuple[Citation, ...] = ()
    score: float | None = None
    decision: str = ""
    explanation: str = ""
    origin: str = ""
    match_key: str = ""
    status: ProposalStatus = ProposalStatus.PENDING
    created_at: datetime | None = None
    reviewed_at: datetime | None = None
    reviewed_by: str = ""
    review_reason: str = ""
    person: Person | None = None


def match_key(person_id: str, evidence: str) -> str:
    """A stable key for "this person, this piece of evidence" (e.g. a decree line)."""
    digest = hashlib.sha256(f"{person_id}\x1f{evidence}".encode()).hexdigest()
    return digest[:24]

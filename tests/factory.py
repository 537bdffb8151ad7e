"""Builders for tests: short calls for persons and events."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from habeas.domain.dates import parse_partial_date
from habeas.domain.event import Event, EventKind, Measure, ReleaseReason, SentenceKind
from habeas.domain.person import Person, PersonName

DATA = Path(__file__).parent / "data"
"""tests/data: fixtures (fictional or from named public sources)."""

_ids = iter(range(1, 10**9))


def person(name: str, *others: str, pid: str | None = None, **fields: Any) -> Person:
    """person("Rauf Mirgadirov") with optional other spellings."""
    return Person(
        id=pid or f"p-{next(_ids)}",
        names=tuple(PersonName(n) for n in (name, *others)),
        **fields,
    )


def event(
    kind: str,
    date: str,
    person_id: str = "p1",
    *,
    eid: str | None = None,
    recorded: str | None = None,
    **fields: Any,
) -> Event:
    """event("arrest", "2015-12-28") with sensible defaults per kind."""
    k = EventKind(kind)
    if k is EventKind.SENTENCE:
        fields.setdefault("sentence_kind", SentenceKind.PRISON)
        fields.setdefault("term_months", 72)
    if k is EventKind.RELEASE:
        fields.setdefault("release_reason", ReleaseReason.SERVED)
    if k in (EventKind.PARDON, EventKind.AMNESTY):
        fields.setdefault("measure", Measure.RELEASE)
    if k in (EventKind.RECOGNITION, EventKind.DERECOGNITION):
        fields.setdefault("organisation", "Union A")
    return Event(
        id=eid or f"e-{next(_ids)}",
        kind=k,
        person_id=person_id,
        date=parse_partial_date(date),
        recorded_at=datetime.fromisoformat(recorded) if recorded else None,
        **fields,
    )

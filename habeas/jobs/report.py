"""Reports computed from the registry: timelines, terms due to end, a person's file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from habeas.domain.case import Case
from habeas.domain.event import Event
from habeas.domain.person import Person
from habeas.domain.sentence import SentenceStatus, sentence_status
from habeas.domain.source import Source
from habeas.domain.status import Status, status_on, timeline_counts
from habeas.storage.sql import SqlRegistry


def timeline(
    registry: SqlRegistry,
    points: list[date],
    *,
    by: str | None = None,
    known_at: datetime | None = None,
) -> list[tuple[date, int]]:
    """Counts of political prisoners at each date, from one read of the spells."""
    spells = registry.political_spells(known_at)
    return list(zip(points, timeline_counts(spells, points, by), strict=True))


@dataclass(frozen=True, slots=True)
class DueEntry:
    """A person whose term ends soon, or should already have ended."""

    person: Person
    sentence: SentenceStatus


def due(registry: SqlRegistry, today: date, within_days: int) -> list[DueEntry]:
    """People in custody whose expected release falls within `within_days`, or has passed."""
    open_ids = sorted({s.person_id for s in registry.custody_spells() if s.covers(today)})
    if not open_ids:
        return []
    events = registry.events_by_person(open_ids)
    horizon = today + timedelta(days=within_days)
    found: list[tuple[str, SentenceStatus]] = []
    for person_id in open_ids:
        status = sentence_status(events.get(person_id, []), today)
        if status is None or status.expected_release is None:
            continue
        if status.expected_release <= horizon:
            found.append((person_id, status))
    people = {p.id: p for p in registry.persons([pid for pid, _ in found])}
    entries = [DueEntry(people[pid], status) for pid, status in found]
    return sorted(entries, key=lambda e: (e.sentence.expected_release or today, e.person.id))


@dataclass(frozen=True, slots=True)
class PersonFile:
    """Everything `habeas show` prints about one person."""

    person: Person
    events: list[Event]
    sources: dict[str, Source]
    cases: list[Case]
    status: Status
    sentence: SentenceStatus | None


def person_file(
    registry: SqlRegistry,
    person_id: str,
    today: date,
    *,
    known_at: datetime | None = None,
    history: bool = False,
) -> PersonFile:
    """A person's timeline with sources, cases, status today and sentence arithmetic."""
    person = registry.get_person(person_id)
    events = registry.events_of(person_id, known_at, history=history)
    current = events if not history else registry.events_of(person_id, known_at)
    source_ids = sorted({c.source_id for e in events for c in e.citations})
    sources = {sid: registry.get_source(sid) for sid in source_ids}
    return PersonFile(
        person=person,
        events=events,
        sources=sources,
        cases=registry.cases_of(person_id),
        status=status_on(current, today),
        sentence=sentence_status(current, today),
    )

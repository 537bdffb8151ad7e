"""The demo's drafts as dated batches: one per month recorded, one per later correction."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime

from habeas.domain.dates import PartialDate
from habeas.domain.event import Event
from habeas.domain.official import Position
from habeas.domain.source import Citation, Source
from habeas.jobs.demo.records import Doc
from habeas.jobs.demo.state import Demo
from habeas.storage.registry import ChangeSet


@dataclass(frozen=True, slots=True)
class DemoBatch:
    """Records known at one knowledge time `at` (naive UTC), applied in order."""

    at: datetime
    reason: str
    changes: ChangeSet
    positions: tuple[Position, ...] = ()


def cite(doc: Doc, quote: str) -> Citation:
    """A citation of `quote` with its span in `doc`'s text."""
    start = doc.text().index(quote)
    return Citation(doc.id, quote, start, start + len(quote))


def to_source(doc: Doc, at: datetime) -> Source:
    """The finished source of `doc`, retrieved at `at`, at a fictional .example address."""
    return Source(
        id=doc.id,
        title=doc.title,
        kind=doc.kind,
        publisher=doc.publisher,
        published=PartialDate.of(doc.day),
        urls=(
            f"https://{doc.publisher.split(' (')[0].lower().replace(' ', '-')}"
            f".example/{doc.day:%Y/%m/%d}/{doc.id}",
        ),
        text=doc.text(),
        retrieved_at=at,
    ).with_hash()


def to_batches(demo: Demo) -> list[DemoBatch]:
    """Group every event version by when it was known.

    Each source, person and case arrives with the first batch that needs it.
    """
    rows: list[tuple[datetime, str, Event, list[Doc]]] = []
    for p in demo.prisoners:
        for d in p.drafts:
            quoted = cite(d.doc, d.quote)
            first = Event(**{**d.fields, **d.first}, citations=(quoted,), recorded_at=d.recorded_at)
            y, m = d.recorded_at.year, d.recorded_at.month
            month_end = datetime(y, m, calendar.monthrange(y, m)[1], 23)
            label = f"Demo data (fictional): records of {calendar.month_name[m]} {y}"
            rows.append((month_end, label, first, [d.doc]))
            if d.second is not None and d.second_at and d.second_doc:
                second = Event(
                    **{**d.fields, **d.second},
                    citations=(quoted, cite(d.second_doc, d.second_doc.parts[1])),
                    version=2,
                    recorded_at=d.second_at,
                )
                rows.append((d.second_at, second.reason, second, [d.doc, d.second_doc]))
    grouped: dict[tuple[datetime, str], list[tuple[Event, list[Doc]]]] = {}
    for at, label, event, docs in sorted(rows, key=lambda r: (r[0], r[2].id, r[2].version)):
        grouped.setdefault((at, label), []).append((event, docs))
    placed: set[str] = set()
    batches: list[DemoBatch] = []
    for (at, label), items in grouped.items():
        changes = ChangeSet(exact_versions=True)
        for event, docs in items:
            for doc in docs:
                if doc.id not in placed:
                    placed.add(doc.id)
                    changes.sources.append(to_source(doc, at))
            _place(demo, changes, placed, event.person_id)
            if event.case_id and event.case_id not in placed:
                case = demo.cases[event.case_id]
                for pid in [*case.defendants, *(o.person_id for o in case.officials)]:
                    _place(demo, changes, placed, pid)
                placed.add(case.id)
                changes.cases.append(case)
            changes.events.append(event)
        batches.append(DemoBatch(at, label, changes))
    for pid in demo.persons:
        _place(demo, batches[0].changes, placed, pid)
    for doc in demo.decree_docs:  # decrees that name no registry person are sources too
        if doc.id not in placed:
            placed.add(doc.id)
            batch = next((b for b in batches if b.at.date() >= doc.day), batches[-1])
            batch.changes.sources.append(to_source(doc, batch.at))
    return batches


def _place(demo: Demo, changes: ChangeSet, placed: set[str], person_id: str) -> None:
    if person_id not in placed:
        placed.add(person_id)
        changes.persons.append(demo.persons[person_id])

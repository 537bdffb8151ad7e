"""Import files into the registry and export it again (native JSON Lines or CSV)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TextIO

from habeas.domain.event import Event, EventKind
from habeas.domain.publication import PublishedList
from habeas.domain.record import case_to_dict, event_to_dict, person_to_dict, source_to_dict
from habeas.domain.sentence import format_term
from habeas.exceptions import Conflict
from habeas.ingest.imports.native import parse_native, publication_to_dict
from habeas.ingest.imports.spreadsheet import (
    EVENT_COLUMNS,
    PERSON_COLUMNS,
    file_kind,
    parse_events,
    parse_persons,
    read_rows,
    read_text,
)
from habeas.storage.registry import ApplySummary, ChangeSet
from habeas.storage.sql import SqlRegistry


def read_files(
    registry: SqlRegistry, paths: list[Path], on_file: Callable[[Path], None] | None = None
) -> tuple[ChangeSet, list[PublishedList]]:
    """Parse every file into one change set (persons files before events files)."""
    persons_part = ChangeSet()
    rest = ChangeSet()
    published: list[PublishedList] = []
    native = ChangeSet(exact_versions=True)
    for path in paths:
        label = path.name if str(path) != "-" else "<stdin>"
        text = read_text(path, label)
        if path.suffix in (".jsonl", ".ndjson") or text.lstrip().startswith("{"):
            changes, lists = parse_native(iter(text.splitlines()), label)
            native.extend(changes)
            published.extend(lists)
        else:
            header, rows = read_rows(text, label)
            if file_kind(header, label) == "persons":
                ids = [r.values["person_id"] for r in rows if r.values["person_id"]]
                existing = {p.id: p for p in registry.persons(ids)}
                persons_part.extend(parse_persons(rows, label, existing))
            else:
                rest.extend(parse_events(rows, label))
        if on_file is not None:
            on_file(path)
    if native.events or native.persons or native.sources or native.cases:
        if persons_part.persons or rest.events:
            native.extend(persons_part)
            native.extend(rest)
        return native, published
    persons_part.extend(rest)
    return persons_part, published


def import_files(
    registry: SqlRegistry,
    paths: list[Path],
    *,
    actor: str,
    at: datetime,
    on_file: Callable[[Path], None] | None = None,
    reason: str = "",
) -> ApplySummary:
    """Import CSV or native files in one all-or-nothing transaction."""
    changes, published = read_files(registry, paths, on_file)
    files = "import " + ", ".join(p.name for p in paths)
    reason = f"{files}: {reason}" if reason else files
    summary = registry.apply(changes, actor=actor, at=at, reason=reason)
    for item in published:
        registry.restore_publication(item, actor=actor, at=at)
    return summary


def retract_event(
    registry: SqlRegistry, event_id: str, *, actor: str, at: datetime, reason: str
) -> Event:
    """Withdraw a fact: a new version of the event marked retracted, with who and why."""
    person_id = registry.person_of_event(event_id)
    current = [e for e in registry.events_of(person_id) if e.id == event_id]
    if not current:
        raise Conflict(f'Event "{event_id}" is already retracted.')
    gone = replace(current[0], retracted=True, recorded_at=None, recorded_by="", reason="")
    registry.apply(ChangeSet(events=[gone]), actor=actor, at=at, reason=reason)
    return gone


def native_lines(registry: SqlRegistry) -> Iterator[str]:
    """Every record and every event version as native JSON Lines."""

    def line(kind: str, data: dict[str, object]) -> str:
        return json.dumps({"type": kind, **data}, ensure_ascii=False, sort_keys=True)

    for source in registry.sources():
        yield line("source", source_to_dict(source))
    for person in registry.persons():
        yield line("person", person_to_dict(person))
    for case in registry.cases():
        yield line("case", case_to_dict(case))
    for event in registry.all_event_versions():
        yield line("event", event_to_dict(event))
    for published in registry.publications():
        yield line("publication", publication_to_dict(published))
    for entry in registry.audit_entries():
        yield line(
            "audit",
            {
                "seq": entry.seq,
                "at": entry.at.isoformat(timespec="microseconds"),
                "actor": entry.actor,
                "action": entry.action,
                "entity": entry.entity,
                "entity_id": entry.entity_id,
                "reason": entry.reason,
                "before": entry.before,
                "after": entry.after,
                "prev_hash": entry.prev_hash,
                "hash": entry.hash,
            },
        )


def write_csv(registry: SqlRegistry, persons_out: TextIO, events_out: TextIO) -> None:
    """The registry's current state in the spreadsheet CSV format (no history)."""
    people = csv.writer(persons_out)
    people.writerow([*PERSON_COLUMNS, "country", "affiliations"])
    for p in registry.persons():
        people.writerow(
            [
                p.id,
                p.name,
                "|".join(n.value for n in p.names[1:]),
                p.birth.isoformat() if p.birth else "",
                "" if p.gender.value == "unknown" else p.gender.value,
                "|".join(p.occupations),
                p.country,
                "|".join(p.affiliations),
            ]
        )
    events = csv.writer(events_out)
    events.writerow([*EVENT_COLUMNS, "case_id", "source_title", "quote", "criteria", "uncertain"])
    sources = {s.id: s for s in registry.sources()}
    for person_events in registry.events_by_person().values():
        for e in person_events:
            source = sources.get(e.citations[0].source_id) if e.citations else None
            events.writerow(
                [
                    e.id,
                    e.person_id,
                    e.kind.value,
                    e.date.isoformat(),
                    detail_cell(e),
                    source.urls[0] if source and source.urls else "",
                    e.case_id or "",
                    source.title if source else "",
                    e.citations[0].quote if e.citations else "",
                    e.criteria,
                    "yes" if e.date_uncertain else "",
                ]
            )


def detail_cell(e: Event) -> str:
    """The `detail` cell of events.csv for an event (sentence kind and term, outcome...)."""
    head = ""
    term = format_term(e.term_months) if e.term_months else ""
    if e.kind is EventKind.SENTENCE and e.sentence_kind is not None:
        head = " ".join(x for x in (term, e.sentence_kind.value) if x)
    elif e.kind is EventKind.APPEAL:
        head = " ".join(x for x in (e.outcome.value if e.outcome else "", term) if x)
    elif e.release_reason is not None:
        head = e.release_reason.value
    elif e.measure is not None:
        head = " ".join(x for x in (e.measure.value, term) if x)
    elif e.organisation:
        head = e.organisation
    elif e.facility:
        head = e.facility
    if head and e.detail:
        return f"{head}: {e.detail}"
    return head or e.detail

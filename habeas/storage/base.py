"""The core of the SQL store: records, event versions, spells, search and audit."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from habeas.domain.audit import (
    AuditEntry,
    ChainBreak,
    verify_chain,
)
from habeas.domain.case import Case
from habeas.domain.event import Event, EventKind, chronology_problems, current_versions
from habeas.domain.person import Person
from habeas.domain.record import (
    case_from_dict,
    case_to_dict,
    event_from_dict,
    fact_text,
    person_from_dict,
    person_to_dict,
    source_from_dict,
    source_to_dict,
    text_hash,
)
from habeas.domain.source import Source
from habeas.domain.status import Spell, continuous_since, custody_spells, political_spells
from habeas.domain.visibility import Visibility, visible_to
from habeas.exceptions import InvalidRecord, NotFound
from habeas.storage import tables as t
from habeas.storage.engine import get_engine, upgrade
from habeas.storage.registry import ApplySummary, ChangeSet, ListEntry, ListPerson
from habeas.storage.search import name_keys, search_key, sound_keys
from habeas.storage.unit import AuditWriter, Counter, bulk_insert, chunks, lock_writers


def _person_row(person: Person) -> dict[str, Any]:
    data = person_to_dict(person)
    return {
        "id": person.id,
        "role": data["role"],
        "display_name": person.name,
        "birth": data["birth"],
        "gender": data["gender"],
        "country": data["country"],
        "occupations": data["occupations"],
        "affiliations": data["affiliations"],
        "biography": data["biography"],
        "notes": data["notes"],
        "visibility": data["visibility"],
        "risk": data["risk"],
    }


def _name_rows(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "person_id": person.id,
            "position": position,
            "value": name.value,
            "script": name.script.value,
            "language": name.language,
            "kind": name.kind.value,
            "source_id": name.source_id,
            "folded": keys[0],
            "phonetic": keys[1],
        }
        for position, name in enumerate(person.names)
        for keys in (name_keys(name.value),)
    ]


class SqlBase:
    """Records, events, derived status and audit in a SQL database (SQLite or PostgreSQL)."""

    def __init__(self, url: str) -> None:
        self.engine = get_engine(url)
        upgrade(self.engine)

    # ------------------------------------------------------------------ writes

    def apply(self, changes: ChangeSet, *, actor: str, at: datetime, reason: str) -> ApplySummary:
        """Write a change set in one transaction with its audit entries, or nothing."""
        with self.engine.begin() as conn:
            lock_writers(conn)
            return self.apply_within(conn, changes, actor=actor, at=at, reason=reason)

    def apply_within(
        self, conn: Connection, changes: ChangeSet, *, actor: str, at: datetime, reason: str
    ) -> ApplySummary:
        """Write a change set inside a transaction the caller holds (and has locked)."""
        counter = Counter()
        audit = AuditWriter(conn, actor, at, reason)
        self._write_sources(conn, changes.sources, audit, counter)
        self._write_persons(conn, changes.persons, audit, counter)
        self._write_cases(conn, changes, audit, counter)
        audit.flush()
        if changes.events:
            self._check_references(conn, changes)
        for chunk in person_chunks(changes.events, EVENT_CHUNK):
            merged = self._write_events(conn, changes, chunk, audit, counter, at, actor, reason)
            self._rebuild_spells(conn, merged)
            audit.flush()
        return counter.summary()

    def _write_sources(
        self, conn: Connection, sources: list[Source], audit: AuditWriter, counter: Counter
    ) -> None:
        ids = [s.id for s in sources]
        existing = {
            row.id: source_from_dict(self._source_row_dict(row))
            for chunk in chunks(ids)
            for row in conn.execute(select(t.sources).where(t.sources.c.id.in_(chunk)))
        }
        new_rows = []
        for source in sources:
            old = existing.get(source.id)
            row = self._source_row(source)
            if old is None:
                new_rows.append(row)
                existing[source.id] = source
                audit.add("create", "source", source.id, None, _brief_source(source))
                counter.added["sources"] += 1
            elif old == source:
                counter.unchanged["sources"] += 1
            else:
                conn.execute(update(t.sources).where(t.sources.c.id == source.id).values(row))
                existing[source.id] = source
                audit.add("update", "source", source.id, _brief_source(old), _brief_source(source))
                counter.changed["sources"] += 1
        for chunk in chunks(new_rows):
            conn.execute(insert(t.sources), list(chunk))

    @staticmethod
    def _source_row(source: Source) -> dict[str, Any]:
        data = source_to_dict(source)
        data["retrieved_at"] = source.retrieved_at
        return data

    @staticmethod
    def _source_row_dict(row: Any) -> dict[str, Any]:
        data = dict(row._mapping)
        stamp = data.get("retrieved_at")
        data["retrieved_at"] = stamp.isoformat(timespec="microseconds") if stamp else None
        return data

    def _write_persons(
        self, conn: Connection, persons: list[Person], audit: AuditWriter, counter: Counter
    ) -> None:
        existing = self._load_persons(conn, [p.id for p in persons])
        new_rows: list[dict[str, Any]] = []
        name_rows: list[dict[str, Any]] = []
        for person in persons:
            old = existing.get(person.id)
            if old is None:
                new_rows.append(_person_row(person))
                name_rows.extend(_name_rows(person))
                audit.add("create", "person", person.id, None, person_to_dict(person))
                counter.added["persons"] += 1
            elif old == person:
                counter.unchanged["persons"] += 1
                continue
            else:
                conn.execute(
                    update(t.persons).where(t.persons.c.id == person.id).values(_person_row(person))
                )
                conn.execute(delete(t.person_names).where(t.person_names.c.person_id == person.id))
                name_rows.extend(_name_rows(person))
                audit.add(
                    "update", "person", person.id, person_to_dict(old), person_to_dict(person)
                )
                counter.changed["persons"] += 1
            existing[person.id] = person
        for chunk in chunks(new_rows):
            conn.execute(insert(t.persons), list(chunk))
        bulk_insert(conn, t.person_names, name_rows)

    def _write_cases(
        self, conn: Connection, changes: ChangeSet, audit: AuditWriter, counter: Counter
    ) -> None:
        for case in changes.cases:
            people = set(case.defendants) | {o.person_id for o in case.officials}
            known = set(self._existing_ids(conn, t.persons.c.id, sorted(people)))
            missing = sorted(people - known)
            if missing:
                raise InvalidRecord(
                    f'{changes.origin("case", case.id)}: no person with id "{missing[0]}". '
                    "Add the person first (persons.csv) or fix the id.",
                    {"person_id": missing[0]},
                )
            row = conn.execute(select(t.cases).where(t.cases.c.id == case.id)).first()
            data = case_to_dict(case)
            if row is not None:
                old = case_from_dict(dict(row._mapping))
                if old == case:
                    counter.unchanged["cases"] += 1
                    continue
                conn.execute(update(t.cases).where(t.cases.c.id == case.id).values(data))
                conn.execute(delete(t.case_parties).where(t.case_parties.c.case_id == case.id))
                audit.add("update", "case", case.id, case_to_dict(old), data)
                counter.changed["cases"] += 1
            else:
                conn.execute(insert(t.cases).values(data))
                audit.add("create", "case", case.id, None, data)
                counter.added["cases"] += 1
            parties = {(case.id, pid, "defendant") for pid in case.defendants}
            parties |= {(case.id, o.person_id, o.role.value) for o in case.officials}
            conn.execute(
                insert(t.case_parties),
                [{"case_id": c, "person_id": p, "role": r} for c, p, r in sorted(parties)],
            )

    def _write_events(
        self,
        conn: Connection,
        changes: ChangeSet,
        events: Sequence[Event],
        audit: AuditWriter,
        counter: Counter,
        at: datetime,
        actor: str,
        reason: str,
    ) -> dict[str, list[Event]]:
        """Write new versions of `events` (all events of their persons in this change set);
        return the touched persons' current events."""
        ids = sorted({e.id for e in events})
        latest: dict[str, tuple[int, str, str, Any]] = {}
        stored_versions: dict[tuple[str, int], str] = {}
        known_facts: dict[str, set[str]] = defaultdict(set)
        for chunk in chunks(ids):
            rows = conn.execute(
                select(
                    t.events.c.event_id,
                    t.events.c.version,
                    t.events.c.fact_hash,
                    t.events.c.person_id,
                    t.events.c.fact,
                ).where(t.events.c.event_id.in_(chunk))
            )
            for row in rows:
                stored_versions[(row.event_id, row.version)] = row.fact_hash
                known_facts[row.event_id].add(row.fact_hash)
                held = latest.get(row.event_id)
                if held is None or row.version > held[0]:
                    latest[row.event_id] = (row.version, row.fact_hash, row.person_id, row.fact)
        to_write: list[tuple[Event, str, str]] = []
        for event in events:
            text = fact_text(event)
            digest = text_hash(text)
            held = latest.get(event.id)
            if changes.exact_versions:
                stored = stored_versions.get((event.id, event.version))
                if stored == digest:
                    counter.unchanged["events"] += 1
                    continue
                expected = 1 if held is None else held[0] + 1
                if stored is not None or event.version != expected:
                    raise InvalidRecord(
                        f"{changes.origin('event', event.id)}: version {event.version} of event "
                        f'"{event.id}" clashes with the stored history (next version is '
                        f"{expected}). Restore into a new database.",
                        {"version": str(event.version)},
                    )
            elif held is not None and digest in known_facts.get(event.id, ()):
                # The same fact as the latest version, or as one a correction superseded:
                # re-importing an old spreadsheet must not silently undo a correction.
                counter.unchanged["events"] += 1
                continue
            version = 1 if held is None else held[0] + 1
            if held is not None and held[2] != event.person_id:
                raise InvalidRecord(
                    f'{changes.origin("event", event.id)}: event "{event.id}" belongs to person '
                    f'"{held[2]}"; an event cannot move to another person. Retract it and add '
                    "a new one.",
                    {"person_id": "cannot change"},
                )
            stamped = _stamp(
                event,
                version,
                event.recorded_at or at,
                event.recorded_by or actor,
                event.reason or reason,
            )
            action = "create" if held is None else "correct"
            audit.add_text(action, "event", event.id, None if held is None else held[3], text)
            latest[event.id] = (version, digest, event.person_id, text)
            known_facts[event.id].add(digest)
            to_write.append((stamped, digest, text))
            if held is None:
                counter.added["events"] += 1
            else:
                counter.changed["events"] += 1
        touched = {e.person_id for e, _, _ in to_write}
        merged = self._merged_events(conn, touched, [e for e, _, _ in to_write])
        self._check_chronology(changes, merged)
        self._insert_events(conn, to_write)
        return merged

    def _check_references(self, conn: Connection, changes: ChangeSet) -> None:
        person_ids = sorted({e.person_id for e in changes.events})
        known = set(self._existing_ids(conn, t.persons.c.id, person_ids))
        for event in changes.events:
            if event.person_id not in known:
                raise InvalidRecord(
                    f'{changes.origin("event", event.id)}: no person with id "{event.person_id}". '
                    "Add the person first (persons.csv) or fix the id. "
                    "List ids with: habeas list --all",
                    {"person_id": event.person_id},
                )
        case_ids = sorted({e.case_id for e in changes.events if e.case_id})
        known_cases = set(self._existing_ids(conn, t.cases.c.id, case_ids))
        source_ids = sorted({c.source_id for e in changes.events for c in e.citations})
        known_sources = set(self._existing_ids(conn, t.sources.c.id, source_ids))
        for event in changes.events:
            if event.case_id and event.case_id not in known_cases:
                raise InvalidRecord(
                    f'{changes.origin("event", event.id)}: no case with id "{event.case_id}".',
                    {"case_id": event.case_id},
                )
            for citation in event.citations:
                if citation.source_id not in known_sources:
                    raise InvalidRecord(
                        f"{changes.origin('event', event.id)}: no source with id "
                        f'"{citation.source_id}".',
                        {"source_id": citation.source_id},
                    )

    def _merged_events(
        self, conn: Connection, touched: set[str], written: list[Event]
    ) -> dict[str, list[Event]]:
        """Current events of the touched persons once `written` is applied."""
        merged: dict[str, dict[str, Event]] = defaultdict(dict)
        for person_id, events in self._current_events(conn, sorted(touched)).items():
            merged[person_id].update((e.id, e) for e in events)
        for event in written:
            merged[event.person_id][event.id] = event
        return {
            person_id: [e for e in events.values() if not e.retracted]
            for person_id, events in merged.items()
        }

    @staticmethod
    def _check_chronology(changes: ChangeSet, merged: dict[str, list[Event]]) -> None:
        for person_id in sorted(merged):
            problems = chronology_problems(merged[person_id])
            if problems:
                event, problem = problems[0]
                raise InvalidRecord(
                    f"{changes.origin('event', event.id)}: impossible chronology for person "
                    f'"{person_id}": {problem}.',
                    {"date": problem},
                )

    def _insert_events(self, conn: Connection, to_write: list[tuple[Event, str, str]]) -> None:
        rows = [
            {
                "event_id": e.id,
                "version": e.version,
                "person_id": e.person_id,
                "case_id": e.case_id,
                "kind": e.kind.value,
                "date": e.date.isoformat(),
                "anchor": e.date.anchor(),
                "fact": text,
                "fact_hash": digest,
                "recorded_at": e.recorded_at,
                "recorded_by": e.recorded_by,
                "reason": e.reason,
                "retracted": e.retracted,
            }
            for e, digest, text in to_write
        ]
        bulk_insert(conn, t.events, rows)
        citation_rows = [
            {
                "event_id": e.id,
                "version": e.version,
                "position": position,
                "source_id": c.source_id,
                "quote": c.quote,
                "start": c.start,
                "end": c.end,
            }
            for e, _, _ in to_write
            for position, c in enumerate(e.citations)
        ]
        bulk_insert(conn, t.citations, citation_rows)

    def _rebuild_spells(self, conn: Connection, current: dict[str, list[Event]]) -> None:
        """Refresh the spell index (derived from current events) for the given persons."""
        ids = sorted(current)
        for chunk in chunks(ids):
            conn.execute(delete(t.spells).where(t.spells.c.person_id.in_(chunk)))
        rows: list[dict[str, Any]] = []
        for events in current.values():
            rows.extend(_spell_row(s, "custody") for s in custody_spells(events))
            rows.extend(_spell_row(s, "political") for s in political_spells(events))
        bulk_insert(conn, t.spells, rows)

    def rebuild_index(self) -> int:
        """Rebuild derived indexes (spells, name search keys) from the records; returns the
        number of persons. Run after upgrading habeas's counting or name rules."""
        with self.engine.begin() as conn:
            ids = [r.id for r in conn.execute(select(t.persons.c.id))]
            conn.execute(delete(t.spells))
            self._rebuild_spells(conn, self._current_events(conn, None))
            rows = list(conn.execute(select(t.person_names.c.id, t.person_names.c.value)))
            for chunk in chunks(rows):
                for row in chunk:
                    conn.execute(
                        update(t.person_names)
                        .where(t.person_names.c.id == row.id)
                        .values(folded=name_keys(row.value)[0], phonetic=name_keys(row.value)[1])
                    )
        return len(ids)

    # ------------------------------------------------------------------ reads

    @staticmethod
    def _existing_ids(conn: Connection, column: Any, ids: Sequence[str]) -> list[str]:
        found: list[str] = []
        for chunk in chunks(ids):
            found.extend(r[0] for r in conn.execute(select(column).where(column.in_(chunk))))
        return found

    def _load_persons(self, conn: Connection, ids: Sequence[str] | None) -> dict[str, Person]:
        person_rows: list[Any] = []
        name_rows: dict[str, list[Any]] = defaultdict(list)
        if ids is None:
            person_rows = list(conn.execute(select(t.persons).order_by(t.persons.c.id)))
            query = select(t.person_names).order_by(
                t.person_names.c.person_id, t.person_names.c.position
            )
            for row in conn.execute(query):
                name_rows[row.person_id].append(row)
        else:
            for chunk in chunks(sorted(set(ids))):
                person_rows.extend(conn.execute(select(t.persons).where(t.persons.c.id.in_(chunk))))
                query = (
                    select(t.person_names)
                    .where(t.person_names.c.person_id.in_(chunk))
                    .order_by(t.person_names.c.person_id, t.person_names.c.position)
                )
                for row in conn.execute(query):
                    name_rows[row.person_id].append(row)
        result: dict[str, Person] = {}
        for row in person_rows:
            data = dict(row._mapping)
            data["names"] = [dict(n._mapping) for n in name_rows[row.id]]
            result[row.id] = person_from_dict(data)
        return result

    def _event_rows(
        self,
        conn: Connection,
        person_ids: Sequence[str] | None,
        known_at: datetime | None,
        kinds: Collection[EventKind] | None = None,
    ) -> Iterator[Event]:
        base = select(
            t.events.c.fact,
            t.events.c.version,
            t.events.c.recorded_at,
            t.events.c.recorded_by,
            t.events.c.reason,
        )
        if known_at is not None:
            base = base.where(t.events.c.recorded_at <= known_at)
        e, other = t.events.c, t.events.alias("other").c
        # With kinds: every version of an event that was ever of those kinds (a correction
        # may have changed the kind, so the current version decides; callers filter again).
        ever = select(other.event_id).where(other.kind.in_([k.value for k in kinds or ()]))
        queries = []
        for chunk in [None] if person_ids is None else chunks(person_ids):
            query = base if chunk is None else base.where(e.person_id.in_(chunk))
            if kinds is not None:
                mine = ever if chunk is None else ever.where(other.person_id.in_(chunk))
                query = query.where(e.event_id.in_(mine))
            queries.append(query)
        for query in queries:
            for row in conn.execute(query.order_by(t.events.c.row_id)):
                data = json.loads(row.fact)
                data.update(
                    version=row.version,
                    recorded_at=row.recorded_at.isoformat(timespec="microseconds"),
                    recorded_by=row.recorded_by,
                    reason=row.reason,
                )
                yield event_from_dict(data)

    def _current_events(
        self,
        conn: Connection,
        person_ids: Sequence[str] | None,
        known_at: datetime | None = None,
        kinds: Collection[EventKind] | None = None,
    ) -> dict[str, list[Event]]:
        grouped: dict[str, list[Event]] = defaultdict(list)
        for event in current_versions(self._event_rows(conn, person_ids, known_at, kinds)):
            if kinds is None or event.kind in kinds:
                grouped[event.person_id].append(event)
        return grouped

    def get_person(self, person_id: str) -> Person:
        """One person by id; NotFound when absent."""
        with self.engine.connect() as conn:
            found = self._load_persons(conn, [person_id])
        if person_id not in found:
            raise NotFound(f'No person with id "{person_id}". Find ids with: habeas search NAME')
        return found[person_id]

    def persons(self, ids: Sequence[str] | None = None) -> list[Person]:
        """Persons by id (all when None), in id order."""
        with self.engine.connect() as conn:
            found = self._load_persons(conn, ids)
        return [found[i] for i in sorted(found)]

    def search_persons(self, query: str, limit: int = 20) -> list[Person]:
        """Persons whose id or any name variant contains the query, or sounds like it.

        Text is folded (case, diacritics, Cyrillic romanised) for substring search; each
        word of the query must also meet a word of the name by sound key, so Mirqədirov,
        Миргадиров and Mirkadyrov find the same person.
        """
        key = search_key(query)
        if not key:
            return []
        n = t.person_names.c
        pattern = "%" + key.replace("%", "").replace("_", "") + "%"
        words = [w for w in sound_keys(query).split() if w]
        sounds = [n.phonetic.like(f"% {w} %") for w in words]
        condition: ColumnElement[bool] = n.folded.like(pattern)
        if sounds:
            condition = or_(condition, and_(*sounds))
        with self.engine.connect() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    select(n.person_id)
                    .where(condition)
                    .distinct()
                    .order_by(n.person_id)
                    .limit(limit)
                )
            ]
            exact = conn.execute(select(t.persons.c.id).where(t.persons.c.id == query)).first()
            if exact and exact[0] not in ids:
                ids.insert(0, exact[0])
            found = self._load_persons(conn, ids)
        return [found[i] for i in ids if i in found]

    def events_of(
        self, person_id: str, known_at: datetime | None = None, history: bool = False
    ) -> list[Event]:
        """A person's events in force at `known_at` (or every version with `history`)."""
        with self.engine.connect() as conn:
            rows = list(self._event_rows(conn, [person_id], known_at))
        if history:
            return sorted(rows, key=lambda e: (e.date.anchor(), e.id, e.version))
        return sorted(current_versions(rows), key=lambda e: (e.date.anchor(), e.id))

    def person_of_event(self, event_id: str) -> str:
        """The person an event is about; NotFound names how to find event ids."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.events.c.person_id).where(t.events.c.event_id == event_id).limit(1)
            ).first()
        if row is None:
            raise NotFound(f'No event with id "{event_id}". See event ids with: habeas show PERSON')
        return str(row.person_id)

    def events_by_person(
        self,
        person_ids: Sequence[str] | None = None,
        known_at: datetime | None = None,
        kinds: Collection[EventKind] | None = None,
    ) -> dict[str, list[Event]]:
        """Current events of many persons at once, grouped by person (only `kinds` if given)."""
        with self.engine.connect() as conn:
            return self._current_events(conn, person_ids, known_at, kinds)

    def visible_entries(
        self,
        entries: list[ListEntry],
        on: date,
        reader: Visibility,
        *,
        known_at: datetime | None = None,
        by: str | None = None,
    ) -> list[ListEntry]:
        """The list entries as `reader` may see them.

        A person whose status rests on events hidden from the reader (an internal
        recognition, a restricted arrest) is re-derived from the visible events alone:
        other dates and organisations, or dropped when those do not make them a political
        prisoner on `on`. Counts are not affected; only what is shown.
        """
        if reader is Visibility.RESTRICTED or not entries:
            return entries
        redo = self.persons_with_hidden_events([e.person.id for e in entries])
        if not redo:
            return entries
        events = self.events_by_person(sorted(redo), known_at)
        shown: list[ListEntry] = []
        for entry in entries:
            if entry.person.id not in redo:
                shown.append(entry)
                continue
            seen = [e for e in events.get(entry.person.id, []) if visible_to(e.visibility, reader)]
            spells = [s for s in political_spells(seen) if by is None or s.organisation == by]
            start = continuous_since(spells, on)
            if start is not None:
                orgs = tuple(sorted({s.organisation for s in spells if s.covers(on)}))
                shown.append(replace(entry, since=start, organisations=orgs))
        return shown

    def persons_with_hidden_events(self, person_ids: Sequence[str]) -> set[str]:
        """Which of the persons have some event version not marked public.

        Read from the stored canonical fact text (`"visibility":"public"` is how every
        public fact is written), so no event needs decoding; over-inclusive on purpose
        (any version counts), since the caller then recomputes from visible events.
        """
        e = t.events.c
        public = '%"visibility":"public"%'
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in chunks(person_ids):
                query = select(e.person_id).where(e.person_id.in_(chunk), ~e.fact.like(public))
                found.update(row[0] for row in conn.execute(query.distinct()))
        return found

    def get_source(self, source_id: str) -> Source:
        """One source by id; NotFound when absent."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.sources).where(t.sources.c.id == source_id)).first()
        if row is None:
            raise NotFound(f'No source with id "{source_id}".')
        return source_from_dict(self._source_row_dict(row))

    def sources(self) -> list[Source]:
        """Every source, by id."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.sources).order_by(t.sources.c.id))
            return [source_from_dict(self._source_row_dict(r)) for r in rows]

    def cases(self) -> list[Case]:
        """Every case, by id."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.cases).order_by(t.cases.c.id))
            return [case_from_dict(dict(r._mapping)) for r in rows]

    def cases_of(self, person_id: str) -> list[Case]:
        """Cases a person is a defendant or official in."""
        with self.engine.connect() as conn:
            ids = select(t.case_parties.c.case_id).where(t.case_parties.c.person_id == person_id)
            rows = conn.execute(select(t.cases).where(t.cases.c.id.in_(ids)).order_by(t.cases.c.id))
            return [case_from_dict(dict(r._mapping)) for r in rows]

    def organisations(self) -> list[str]:
        """Organisations that recognised anyone, by name."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.spells.c.organisation)
                .where(t.spells.c.kind == "political")
                .distinct()
                .order_by(t.spells.c.organisation)
            )
            return [r[0] for r in rows]

    # ------------------------------------------------------------------ derived

    def political_spells(self, known_at: datetime | None = None) -> list[Spell]:
        """Every spell as a political prisoner, as known at `known_at` (default: now)."""
        if known_at is None:
            with self.engine.connect() as conn:
                rows = conn.execute(select(t.spells).where(t.spells.c.kind == "political"))
                return [_spell_from_row(r) for r in rows]
        with self.engine.connect() as conn:
            grouped = self._current_events(conn, None, known_at)
        return [s for events in grouped.values() for s in political_spells(events)]

    def count(self, on: date, known_at: datetime | None = None, by: str | None = None) -> int:
        """Political prisoners on `on`, as known at `known_at`, recognised by `by` or anyone."""
        if known_at is not None:
            spells = [
                s for s in self.political_spells(known_at) if by is None or s.organisation == by
            ]
            return len({s.person_id for s in spells if s.covers(on)})
        s = t.spells.c
        query = select(func.count(func.distinct(s.person_id))).where(
            s.kind == "political", s.start <= on, (s.end.is_(None)) | (s.end > on)
        )
        if by is not None:
            query = query.where(s.organisation == by)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def list_on(
        self, on: date, known_at: datetime | None = None, by: str | None = None
    ) -> list[ListEntry]:
        """Who the political prisoners were on `on`, ordered by display name."""
        if known_at is None:
            s = t.spells.c
            covering = select(s.person_id).where(
                s.kind == "political", s.start <= on, (s.end.is_(None)) | (s.end > on)
            )
            if by is not None:
                covering = covering.where(s.organisation == by)
            query = select(s.person_id, s.start, s.end, s.organisation).where(
                s.kind == "political", s.person_id.in_(covering)
            )
            if by is not None:
                query = query.where(s.organisation == by)
            with self.engine.connect() as conn:
                spells = [Spell(r[0], r[1], r[2], r[3]) for r in conn.execute(query)]
                on_list = self._since(spells, on)
                people = self._list_persons_where(conn, t.persons.c.id.in_(covering))
        else:
            spells = [
                sp for sp in self.political_spells(known_at) if by is None or sp.organisation == by
            ]
            on_list = self._since(spells, on)
            people = self.list_persons(sorted(on_list))
        entries = [ListEntry(p, *on_list[p.id]) for p in people if p.id in on_list]
        return sorted(entries, key=lambda e: (e.person.name.casefold(), e.person.id))

    @staticmethod
    def _since(spells: list[Spell], on: date) -> dict[str, tuple[date, tuple[str, ...]]]:
        """Per person held on `on`: since when without a break, and the recognising groups."""
        by_person: dict[str, list[Spell]] = defaultdict(list)
        for spell in spells:
            by_person[spell.person_id].append(spell)
        found: dict[str, tuple[date, tuple[str, ...]]] = {}
        for person_id, person_spells in by_person.items():
            start = continuous_since(person_spells, on)
            if start is not None:
                orgs = sorted({sp.organisation for sp in person_spells if sp.covers(on)})
                found[person_id] = (start, tuple(orgs))
        return found

    def list_persons(self, ids: Sequence[str]) -> list[ListPerson]:
        """The few fields a list shows, for many persons at once (no full records)."""
        found: dict[str, ListPerson] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                for person in self._list_persons_where(conn, t.persons.c.id.in_(chunk)):
                    found[person.id] = person
        return [found[i] for i in ids if i in found]

    @staticmethod
    def _list_persons_where(conn: Connection, which: Any) -> list[ListPerson]:
        """List fields of the persons `which` selects (an id IN list or subquery)."""
        p, n = t.persons.c, t.person_names.c
        names: dict[str, list[str]] = defaultdict(list)
        name_query = (
            select(n.person_id, n.value)
            .where(n.person_id.in_(select(p.id).where(which)), n.position > 0)
            .order_by(n.person_id, n.position)
        )
        for person_id, value in conn.execute(name_query):
            names[person_id].append(value)
        rows = conn.execute(select(p.id, p.display_name, p.risk).where(which))
        return [
            ListPerson(pid, display, tuple(names.get(pid, ())), bool(risk))
            for pid, display, risk in rows
        ]

    def custody_spells(self) -> list[Spell]:
        """Every custody spell as known now."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.spells).where(t.spells.c.kind == "custody"))
            return [_spell_from_row(r) for r in rows]

    # ------------------------------------------------------------------ audit

    def audit_entries(self) -> Iterator[AuditEntry]:
        """The audit trail in order."""
        with self.engine.connect() as conn:
            for row in conn.execute(select(t.audit).order_by(t.audit.c.seq)):
                yield AuditEntry(**row._mapping)

    def verify_audit(self) -> ChainBreak | None:
        """The first break in the audit chain, or None."""
        return verify_chain(self.audit_entries())

    def audit_count(self) -> int:
        """How many audit entries there are."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.audit)).scalar_one())

    def events_of_many_history(self, person_ids: Sequence[str]) -> dict[str, list[Event]]:
        """Every version of every event of the given persons."""
        grouped: dict[str, list[Event]] = defaultdict(list)
        with self.engine.connect() as conn:
            for event in self._event_rows(conn, list(person_ids), None):
                grouped[event.person_id].append(event)
        return grouped

    def all_event_versions(self) -> Iterable[Event]:
        """Every version of every event, in the order written (for lossless export)."""
        with self.engine.connect() as conn:
            yield from self._event_rows(conn, None, None)


_EVENT_FIELDS = tuple(Event.__dataclass_fields__)
EVENT_CHUNK = 20_000
"""Events written per step of a large import (one transaction still holds them all)."""


def person_chunks(events: Sequence[Event], size: int) -> Iterator[list[Event]]:
    """Events in chunks of about `size`, never splitting one person's events (their
    chronology is checked together), keeping the given order within each person."""
    by_person: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_person[event.person_id].append(event)
    chunk: list[Event] = []
    for person_events in by_person.values():
        chunk.extend(person_events)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _stamp(event: Event, version: int, at: datetime, actor: str, reason: str) -> Event:
    """A copy of a validated event with its version and knowledge-time fields set
    (without validating again: the import hot path)."""
    stamped: Event = object.__new__(Event)
    for name in _EVENT_FIELDS:
        object.__setattr__(stamped, name, getattr(event, name))
    object.__setattr__(stamped, "version", version)
    object.__setattr__(stamped, "recorded_at", at)
    object.__setattr__(stamped, "recorded_by", actor)
    object.__setattr__(stamped, "reason", reason)
    return stamped


def _spell_row(spell: Spell, kind: str) -> dict[str, Any]:
    return {
        "person_id": spell.person_id,
        "kind": kind,
        "organisation": spell.organisation,
        "start": spell.start,
        "end": spell.end,
        "start_event": spell.start_event,
        "end_event": spell.end_event,
    }


def _spell_from_row(row: Any) -> Spell:
    return Spell(
        row.person_id, row.start, row.end, row.organisation, row.start_event, row.end_event
    )


def _brief_source(source: Source) -> dict[str, Any]:
    data = source_to_dict(source)
    data.pop("text")
    return data


def dumps(value: Any) -> str:
    """Canonical JSON used in exports."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)

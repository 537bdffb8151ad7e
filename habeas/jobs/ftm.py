"""FollowTheMoney (FtM) entities: export the registry, import officials from an FtM file.

Export writes only what a public page could show: persons with a risk flag, non-public
cases, events and positions, and every field not marked public are left out. Each entity is
built with ``followthemoney`` itself and checked with its schema before it is written.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy

from habeas.domain.case import Case, OfficialRole
from habeas.domain.dates import PartialDate, parse_partial_date
from habeas.domain.event import Event
from habeas.domain.official import Position
from habeas.domain.person import Gender, NameKind, Person, PersonName, PersonRole
from habeas.domain.source import Citation, Source, SourceKind
from habeas.domain.visibility import Visibility
from habeas.exceptions import InputError, InvalidRecord
from habeas.ingest.imports.spreadsheet import name_script
from habeas.storage.registry import ApplySummary, ChangeSet

DATASET = "habeas"
KEY_PREFIX = "habeas"
ID_PREFIX = "ftm-"
PERSON_SCHEMATA = frozenset({"Person"})
# Topics are facts about the role, never guesses: a judge in a case is `role.judge`; a
# minister is a politically exposed person by every definition (`role.pep`). Prosecutors and
# investigators get none (they are not PEPs by default). Prisoners never get topics.
ROLE_TOPICS = {OfficialRole.JUDGE: "role.judge", OfficialRole.MINISTER: "role.pep"}
_NAME_PROPS = {
    NameKind.OFFICIAL: "name",
    NameKind.TRANSLITERATION: "alias",
    NameKind.ALIAS: "alias",
    NameKind.FORMER: "previousName",
}


class FtmStore(Protocol):
    """What the import writes through (SqlRegistry)."""

    def apply_with_positions(
        self,
        changes: ChangeSet,
        positions: Iterable[Position],
        *,
        actor: str,
        at: datetime,
        reason: str,
    ) -> tuple[ApplySummary, int]:
        """Write persons, sources and positions in one transaction."""
        ...


class FtmRegistry(Protocol):
    """What the export reads from a registry (SqlRegistry with ScreeningStore)."""

    def persons(self, ids: Sequence[str] | None = None) -> list[Person]:
        """Persons by id."""
        ...

    def cases(self) -> list[Case]:
        """Every case."""
        ...

    def sources(self) -> list[Source]:
        """Every source."""
        ...

    def events_by_person(self, person_ids: Sequence[str] | None = None) -> dict[str, list[Event]]:
        """Current events by person."""
        ...

    def positions_of(self, person_id: str | None = None) -> list[Position]:
        """Stored positions."""
        ...


def _entity(schema: str, *parts: str) -> EntityProxy:
    """An empty entity of schema with a stable id made from parts."""
    entity = model.make_entity(schema, key_prefix=KEY_PREFIX)
    entity.make_id(schema, *parts)
    return entity


def checked(entity: EntityProxy) -> dict[str, Any]:
    """The entity as an entities.ftm.json object, after the library's schema validation."""
    data = entity.to_dict()
    try:
        entity.schema.validate({"properties": entity.properties})
    except InvalidData as exc:
        raise InvalidRecord(f"FtM {entity.schema.name} {entity.id} is invalid: {exc}") from None
    return {
        "id": data["id"],
        "schema": data["schema"],
        "caption": entity.caption,
        "properties": data["properties"],
        "datasets": [DATASET],
        "referents": [],
        "first_seen": None,
        "last_seen": None,
        "target": False,
    }


def _date(value: PartialDate | None) -> str | None:
    return value.isoformat() if value is not None else None


def _public(person: Person, name: str) -> bool:
    return person.field_visibility(name) is Visibility.PUBLIC


def _derived_title(role: OfficialRole, court: str) -> str:
    label = role.value.capitalize()
    return f"{label}, {court}" if court and role is not OfficialRole.MINISTER else label


def _person_entity(
    person: Person, urls: list[str], titles: list[str], topics: set[str]
) -> EntityProxy:
    entity = _entity("Person", person.id)
    for index, name in enumerate(person.names):
        prop = "name" if index == 0 else _NAME_PROPS[name.kind]
        entity.add(prop, name.value)
    if person.birth is not None and _public(person, "birth"):
        entity.add("birthDate", person.birth.isoformat())
    if person.gender is not Gender.UNKNOWN and _public(person, "gender"):
        entity.add("gender", person.gender.value)
    if person.country and _public(person, "country"):
        entity.add("country", person.country)
    if person.biography and _public(person, "biography"):
        entity.add("description", person.biography)
    entity.add("notes", [n.text for n in person.notes if n.visibility is Visibility.PUBLIC])
    entity.add("sourceUrl", urls)
    if person.role is PersonRole.OFFICIAL:
        entity.add("position", titles)
        entity.add("topics", sorted(topics))
    return entity


def _position_entities(position: Position, holder: str) -> Iterator[EntityProxy]:
    post = _entity("Position", position.title, position.organisation, position.country)
    post.add("name", position.title)
    post.add("country", position.country)
    yield post
    occupancy = _entity("Occupancy", position.person_id, post.id or "", _date(position.start) or "")
    occupancy.add("holder", holder)
    occupancy.add("post", post.id)
    occupancy.add("startDate", _date(position.start))
    occupancy.add("endDate", _date(position.end))
    occupancy.add("status", "ended" if position.end else "current")
    yield occupancy


def _case_entities(
    case: Case, person_ids: dict[str, str], events: list[Event]
) -> Iterator[EntityProxy]:
    court_case = _entity("CourtCase", case.id)
    court_case.add("name", case.title or case.id)
    court_case.add("court", case.court)
    court_case.add("caseNumber", case.id)
    dates = sorted(e.date.isoformat() for e in events if e.case_id == case.id)
    court_case.add("fileDate", dates[:1])
    yield court_case
    parties = [(pid, "defendant") for pid in case.defendants]
    parties += [(o.person_id, o.role.value) for o in case.officials]
    for pid, role in parties:
        if pid not in person_ids:
            continue
        party = _entity("CourtCaseParty", case.id, pid, role)
        party.add("party", person_ids[pid])
        party.add("case", court_case.id)
        party.add("role", role)
        yield party


def ftm_entities(registry: FtmRegistry) -> Iterator[dict[str, Any]]:
    """Yield the public registry as validated FtM entities: persons, positions, cases."""
    persons = [p for p in registry.persons() if not p.risk]
    events_by_person = registry.events_by_person([p.id for p in persons])
    public_events = {
        pid: [e for e in events if e.visibility is Visibility.PUBLIC and not e.retracted]
        for pid, events in events_by_person.items()
    }
    urls_by_source = {s.id: list(s.urls) for s in registry.sources()}
    cases = [c for c in registry.cases() if c.visibility is Visibility.PUBLIC]
    stored: dict[str, list[Position]] = {}
    for position in registry.positions_of():
        if position.visibility is Visibility.PUBLIC:
            stored.setdefault(position.person_id, []).append(position)
    derived: dict[str, list[Position]] = {}
    topics: dict[str, set[str]] = {}
    for case in cases:
        for official in case.officials:
            title = _derived_title(official.role, case.court)
            known = derived.setdefault(official.person_id, [])
            if all(p.title != title for p in known):
                pid = official.person_id
                known.append(Position(f"{pid}:{title}", pid, title, organisation=case.court))
            if official.role in ROLE_TOPICS:
                topics.setdefault(official.person_id, set()).add(ROLE_TOPICS[official.role])
    entity_ids: dict[str, str] = {}
    for person in persons:
        events = public_events.get(person.id, [])
        urls = sorted(
            {u for e in events for c in e.citations for u in urls_by_source.get(c.source_id, [])}
        )
        positions = stored.get(person.id) or derived.get(person.id, [])
        if person.role is not PersonRole.OFFICIAL:
            positions = []
        entity = _person_entity(
            person, urls, [p.title for p in positions], topics.get(person.id, set())
        )
        entity_ids[person.id] = entity.id or ""
        record = checked(entity)
        record["target"] = person.role is PersonRole.OFFICIAL
        yield record
        for position in positions:
            for part in _position_entities(position, entity_ids[person.id]):
                yield checked(part)
    all_events = [e for events in public_events.values() for e in events]
    for case in cases:
        for part in _case_entities(case, entity_ids, all_events):
            yield checked(part)


def ftm_lines(registry: FtmRegistry) -> Iterator[str]:
    """Yield entities.ftm.json lines (one JSON object per line, no newline)."""
    for record in ftm_entities(registry):
        yield json.dumps(record, ensure_ascii=False, sort_keys=True)


@dataclass(slots=True)
class FtmImport:
    """Officials read from an FtM file: persons to write, their positions, what was skipped."""

    changes: ChangeSet
    positions: list[Position] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    lines: int = 0


def person_id_for(entity_id: str) -> str:
    """A registry id for an FtM entity id (hashed when too long for the id column)."""
    pid = f"{ID_PREFIX}{entity_id}"
    if len(pid) <= 64:
        return pid
    return ID_PREFIX + hashlib.sha256(entity_id.encode()).hexdigest()[:40]


def _partial(values: Iterable[str]) -> PartialDate | None:
    for value in sorted(values):
        try:
            return parse_partial_date(value[:10])
        except ValueError:
            continue
    return None


def _first(entity: EntityProxy, *props: str) -> str:
    for prop in props:
        values = entity.get(prop, quiet=True)
        if values:
            return str(values[0])
    return ""


def _official(entity: EntityProxy) -> Person | None:
    names: list[PersonName] = []
    seen: set[str] = set()
    kinds = (
        ("name", NameKind.TRANSLITERATION),
        ("alias", NameKind.TRANSLITERATION),
        ("previousName", NameKind.FORMER),
        ("weakAlias", NameKind.ALIAS),
    )
    for prop, kind in kinds:
        for value in entity.get(prop, quiet=True):
            if value not in seen:
                seen.add(value)
                names.append(PersonName(value, name_script(value), kind=kind, source_id=None))
    if not names:
        return None
    gender = _first(entity, "gender")
    return Person(
        id=person_id_for(entity.id or ""),
        names=tuple(names),
        birth=_partial(entity.get("birthDate", quiet=True)),
        gender=Gender(gender) if gender in Gender.__members__.values() else Gender.UNKNOWN,
        country=_first(entity, "nationality", "citizenship", "country"),
        role=PersonRole.OFFICIAL,
    )


def _line_entity(text: str, file: str, number: int) -> EntityProxy:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON ({exc.msg} column {exc.colno})"
        raise InputError(problem, file=file, line=number) from None
    if not isinstance(data, dict) or not data.get("id") or not data.get("schema"):
        raise InputError("an FtM line must be an object with id and schema", file=file, line=number)
    if model.get(str(data["schema"])) is None:
        raise LookupError(str(data["schema"]))
    try:
        return model.get_proxy(data, cleaned=False)
    except (InvalidData, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"not a valid FtM entity ({exc})", file=file, line=number) from None


def file_source(path: Path, retrieved_at: datetime) -> Source:
    """The FtM file as a source: its name and the sha256 of its bytes (not archived whole)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    return Source(
        id=f"s-ftm-{digest.hexdigest()[:12]}",
        title=f"FollowTheMoney file {path.name}",
        kind=SourceKind.LIST,
        content_hash=f"sha256:{digest.hexdigest()}",
        retrieved_at=retrieved_at,
    )


def import_ftm_officials(
    registry: FtmStore, path: Path, *, actor: str, at: datetime
) -> tuple[FtmImport, ApplySummary, int]:
    """Read officials and their posts from an FtM file and write them in one transaction.

    The file becomes a source (its hash); each position cites it with the entity's line.
    A malformed line stops the import before anything is written.
    """
    source = file_source(path, at)
    result = read_ftm_officials(path, source_id=source.id)
    result.changes.sources.append(source)
    reason = f"officials imported from {path.name}"
    summary, written = registry.apply_with_positions(
        result.changes, result.positions, actor=actor, at=at, reason=reason
    )
    return result, summary, written


def read_ftm_officials(path: Path, *, source_id: str | None = None) -> FtmImport:
    """Read Person entities as officials and Occupancy/Position as their positions.

    With `source_id`, each position cites that source, quoting the line it came from.
    """
    result = FtmImport(ChangeSet())
    lines: dict[str, str] = {}
    posts: dict[str, EntityProxy] = {}
    occupancies: list[EntityProxy] = []
    persons: dict[str, Person] = {}
    titles: dict[str, list[str]] = {}
    file = path.name
    try:
        stream = path.open(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    with stream:
        for number, text in enumerate(stream, start=1):
            result.lines = number
            if not text.strip():
                continue
            try:
                entity = _line_entity(text, file, number)
            except LookupError as exc:
                result.skipped[f"unknown schema {exc.args[0]}"] += 1
                continue
            if entity.schema.is_a("Person"):
                person = _official(entity)
                if person is None:
                    result.skipped["person without a name"] += 1
                    continue
                persons[entity.id or ""] = person
                titles[entity.id or ""] = list(entity.get("position", quiet=True))
                lines[entity.id or ""] = f"{file}, line {number}"
                result.changes.origins[f"person:{person.id}"] = f"{file}, line {number}"
            elif entity.schema.name == "Position":
                posts[entity.id or ""] = entity
            elif entity.schema.name == "Occupancy":
                occupancies.append(entity)
                lines[entity.id or ""] = f"{file}, line {number}"
            else:
                result.skipped[entity.schema.name] += 1
    result.changes.persons.extend(persons.values())
    held: set[str] = set()
    for occupancy in occupancies:
        holder = _first(occupancy, "holder")
        post = posts.get(_first(occupancy, "post"))
        if holder not in persons or post is None or not _first(post, "name"):
            result.skipped["occupancy without a known holder or post"] += 1
            continue
        held.add(holder)
        start = _partial(occupancy.get("startDate", quiet=True))
        end = _partial(occupancy.get("endDate", quiet=True))
        if start and end and end.latest() < start.earliest():
            start = end = None  # contradictory dates in the file: keep the post, not the dates
        result.positions.append(
            Position(
                id=person_id_for(occupancy.id or ""),
                person_id=persons[holder].id,
                title=_first(post, "name"),
                country=_first(post, "country"),
                start=start,
                end=end,
                citations=_cite(source_id, lines[occupancy.id or ""]),
            )
        )
    for entity_id, person in persons.items():
        if entity_id in held:
            continue
        for index, title in enumerate(titles[entity_id]):
            pid = person_id_for(f"{entity_id}:position:{index}")
            cites = _cite(source_id, lines[entity_id])
            result.positions.append(Position(pid, person.id, title, citations=cites))
    return result


def _cite(source_id: str | None, where: str) -> tuple[Citation, ...]:
    return (Citation(source_id, where),) if source_id else ()

"""The Registry protocol every store implements, and the change sets written through it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from habeas.domain.audit import AuditEntry, ChainBreak
from habeas.domain.case import Case
from habeas.domain.event import Event
from habeas.domain.person import Person
from habeas.domain.publication import ListChange, PublishedList
from habeas.domain.source import Source
from habeas.domain.status import Spell


@dataclass(slots=True)
class ChangeSet:
    """Records to write in one all-or-nothing unit of work.

    `origins` maps "person:ID" / "event:ID" / "source:ID" / "case:ID" to where the
    record came from (e.g. `events.csv, line 12`) so an error can name it.
    """

    persons: list[Person] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)
    exact_versions: bool = False
    """True for a lossless restore: event versions keep their numbers and knowledge times."""

    def origin(self, kind: str, record_id: str) -> str:
        """Where a record came from, or its id when unknown."""
        return self.origins.get(f"{kind}:{record_id}", f'{kind} "{record_id}"')

    def extend(self, other: ChangeSet) -> None:
        """Add every record of `other` to this change set."""
        self.persons.extend(other.persons)
        self.sources.extend(other.sources)
        self.cases.extend(other.cases)
        self.events.extend(other.events)
        self.origins.update(other.origins)


@dataclass(frozen=True, slots=True)
class ApplySummary:
    """What a unit of work did, per kind of record: added, changed, unchanged."""

    added: dict[str, int]
    changed: dict[str, int]
    unchanged: dict[str, int]

    def total_written(self) -> int:
        """Records added or changed."""
        return sum(self.added.values()) + sum(self.changed.values())

    def plus(self, other: ApplySummary) -> ApplySummary:
        """Both units of work's counts, added up per kind of record."""

        def total(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
            return {kind: a.get(kind, 0) + b.get(kind, 0) for kind in {**a, **b}}

        return ApplySummary(
            total(self.added, other.added),
            total(self.changed, other.changed),
            total(self.unchanged, other.unchanged),
        )


@dataclass(frozen=True, slots=True)
class ListPerson:
    """What a list shows of a person: id, name, other spellings, and the risk flag."""

    id: str
    name: str
    other_names: tuple[str, ...] = ()
    risk: bool = False


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One person on the list of political prisoners on a date."""

    person: ListPerson
    since: date
    organisations: tuple[str, ...]


class Registry(Protocol):
    """What every store offers; one contract test suite holds each to it."""

    def apply(self, changes: ChangeSet, *, actor: str, at: datetime, reason: str) -> ApplySummary:
        """Write a change set in one transaction with its audit entries, or nothing."""
        ...

    def get_person(self, person_id: str) -> Person:
        """One person by id; NotFound when absent."""
        ...

    def persons(self, ids: Sequence[str] | None = None) -> list[Person]:
        """Persons by id (all when None), in id order."""
        ...

    def search_persons(self, query: str, limit: int = 20) -> list[Person]:
        """Persons whose id or any name variant contains the folded query."""
        ...

    def events_of(
        self, person_id: str, known_at: datetime | None = None, history: bool = False
    ) -> list[Event]:
        """A person's events in force at `known_at` (or every version with `history`)."""
        ...

    def get_source(self, source_id: str) -> Source:
        """One source by id; NotFound when absent."""
        ...

    def cases_of(self, person_id: str) -> list[Case]:
        """Cases a person is a defendant or official in."""
        ...

    def count(self, on: date, known_at: datetime | None = None, by: str | None = None) -> int:
        """Political prisoners on `on`, as known at `known_at`, recognised by `by` or anyone."""
        ...

    def list_on(
        self, on: date, known_at: datetime | None = None, by: str | None = None
    ) -> list[ListEntry]:
        """Who the political prisoners were on `on`."""
        ...

    def political_spells(self, known_at: datetime | None = None) -> list[Spell]:
        """Every spell as a political prisoner, as known at `known_at`."""
        ...

    def audit_entries(self) -> Iterator[AuditEntry]:
        """The audit trail in order."""
        ...

    def verify_audit(self) -> ChainBreak | None:
        """The first break in the audit chain, or None."""
        ...

    def publish(
        self,
        *,
        as_of: date,
        title: str,
        by: str | None,
        known_at: datetime,
        actor: str,
        at: datetime,
    ) -> PublishedList:
        """Freeze the list on `as_of` as the next numbered publication."""
        ...

    def publication(self, number: int) -> PublishedList:
        """A published list by number; NotFound when absent."""
        ...

    def publication_diff(self, a: int, b: int) -> list[ListChange]:
        """Who was added or removed between two publications, and the event that explains it."""
        ...

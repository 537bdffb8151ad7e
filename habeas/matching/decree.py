"""Match decree entries against registry persons: every spelling, scored and explained."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from habeas.domain.decree import DecreeEntry
from habeas.domain.person import Gender, Person
from habeas.names.blocking import NameIndex
from habeas.names.evidence import NameMatch


@dataclass(frozen=True, slots=True)
class EntryMatch:
    """A decree entry and a registry person it may name, with the comparison."""

    entry: DecreeEntry
    person_id: str
    registry_name: str
    match: NameMatch


def person_index(persons: Iterable[Person]) -> NameIndex:
    """An index over every name variant of every person (with birth year and gender)."""
    index = NameIndex()
    for person in persons:
        year = person.birth.year if person.birth else None
        gender = person.gender.value if person.gender in (Gender.MALE, Gender.FEMALE) else None
        for name in person.names:
            index.add(person.id, name.value, birth_year=year, gender=gender)
    return index


def match_entries(
    entries: Sequence[DecreeEntry], index: NameIndex, *, limit: int = 3
) -> list[EntryMatch]:
    """Candidates at `possible` or above for each entry, best first per entry."""
    found: list[EntryMatch] = []
    queries = [(e.name, e.birth_year, e.gender) for e in entries]
    for entry, candidates in zip(entries, index.search_many(queries, limit=limit), strict=True):
        found.extend(EntryMatch(entry, c.id, c.name, c.match) for c in candidates)
    return found

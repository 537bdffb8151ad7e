"""Pardon and amnesty decrees, their entries, and what a decree did to the registry's list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from habeas.domain.event import EventKind, Measure


class DecreeKind(StrEnum):
    """A pardon (the head of state, named people) or an amnesty (parliament, categories)."""

    PARDON = "pardon"
    AMNESTY = "amnesty"

    @property
    def event_kind(self) -> EventKind:
        """The event kind a decree of this kind writes."""
        return EventKind.PARDON if self is DecreeKind.PARDON else EventKind.AMNESTY


@dataclass(frozen=True, slots=True)
class DecreeEntry:
    """One person named in a stored decree: the raw line and what was read from it."""

    line: int
    raw: str
    name: str
    birth_year: int | None = None
    gender: str | None = None
    measure: Measure | None = None
    term_months: int | None = None
    section: str = ""


@dataclass(frozen=True, slots=True)
class Decree:
    """A decree: issuer, date, number, kind, language and the source holding its text."""

    id: str
    issuer: str
    date: date
    kind: DecreeKind
    source_id: str
    number: str = ""
    language: str = ""
    entries: tuple[DecreeEntry, ...] = ()
    skipped_lines: tuple[int, ...] = ()


OUTCOME_WORDS = {
    Measure.RELEASE: "released",
    Measure.HALVE: "sentence halved",
    Measure.REDUCE: "sentence reduced",
    Measure.COMMUTE: "punishment made lighter",
    Measure.EXPUNGE: "conviction expunged",
}


def outcome_word(measure: Measure | None) -> str:
    """How a report says what the decree did ("released", "sentence halved")."""
    return OUTCOME_WORDS.get(measure, "measure unclear") if measure else "measure unclear"

"""Working records of the demo build: documents, event drafts and prisoners' stories."""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from habeas.domain.event import ReleaseReason
from habeas.domain.source import SourceKind
from habeas.jobs.demo.names import FullName
from habeas.jobs.demo.tables import START


@dataclass(slots=True)
class Doc:
    """A source document being written: its text grows as events quote it."""

    id: str
    title: str
    kind: SourceKind
    publisher: str
    day: date
    parts: list[str]

    def text(self) -> str:
        return "\n".join(self.parts)


@dataclass(slots=True)
class Draft:
    """An event's fields and citation, and an optional later second version."""

    fields: dict[str, Any]
    doc: Doc
    quote: str
    recorded_at: datetime
    first: dict[str, Any] = field(default_factory=dict)
    second: dict[str, Any] | None = None
    second_at: datetime | None = None
    second_doc: Doc | None = None


@dataclass(slots=True)
class Prisoner:
    """One prisoner's story as it is planned: dates of custody, recognition, drafts."""

    id: str
    name: FullName
    occupation: str
    born: int
    start: date = START
    appeal: date | None = None
    term: int | None = None
    end: date | None = None
    freed: date | None = None
    how: ReleaseReason | None = None
    parole: date | None = None
    died: date | None = None
    pardonable: bool = True
    recognised: dict[str, date] = field(default_factory=dict)
    pending: list[tuple[date, str]] = field(default_factory=list)
    rearrested: bool = False
    drafts: list[Draft] = field(default_factory=list)

    def gone(self) -> date | None:
        """The day the current spell ended, if it did (freed or died)."""
        ends = [d for d in (self.freed, self.died) if d is not None]
        return min(ends) if ends else None

    def held(self, day: date) -> bool:
        """True when the prisoner is in custody on `day` as planned so far."""
        gone = self.gone()
        ends = [d for d in (gone, self.end, self.parole) if d is not None]
        return self.start <= day and all(day < d for d in ends)


def pick_day(rng: random.Random, lo: date, hi: date) -> date:
    """A random day from `lo` to `hi`, both included (`lo` when `hi` is earlier)."""
    return lo + timedelta(days=rng.randint(0, max(0, (hi - lo).days)))


def spell_day(day: date) -> str:
    """A day as the documents write it: 17 March 2016."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"

"""Status derived from events, never stored: in custody, recognised, a political prisoner.

Rules (docs/counting.md):
- Custody runs from an arrest or detention (or a custodial sentence of someone not yet
  held) until a release, a death in custody, or a pardon/amnesty that frees. Spells are
  half-open: released on day D means not in custody on D. A re-arrest opens a new spell.
- Recognition by an organisation runs from its recognition event until its
  de-recognition by that same organisation.
- A political prisoner on D is in custody on D and recognised on D by at least one
  organisation (or by the one asked for).
- Partial dates are anchored at the first day of their period (see PartialDate).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from habeas.domain.event import Event, EventKind, chronological


@dataclass(frozen=True, slots=True)
class Spell:
    """A half-open span [start, end) of days; `end` None means still running.

    `organisation` is empty for custody spells and names the recognising group for
    political spells. `start_event`/`end_event` are the ids that open and close it.
    """

    person_id: str
    start: date
    end: date | None
    organisation: str = ""
    start_event: str = ""
    end_event: str = ""

    def covers(self, day: date) -> bool:
        """True when `day` falls inside the spell."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Status:
    """What a person was on one day."""

    on: date
    in_custody: bool
    recognised_by: tuple[str, ...]
    political_prisoner: bool
    custody_since: date | None


def custody_spells(events: Iterable[Event]) -> list[Spell]:
    """Spells in custody derived from one person's events."""
    spells: list[Spell] = []
    open_start: Event | None = None
    for event in chronological(events):
        if open_start is None and event.starts_custody:
            open_start = event
        elif open_start is not None and event.ends_custody:
            spells.append(
                Spell(
                    event.person_id,
                    open_start.date.anchor(),
                    event.date.anchor(),
                    start_event=open_start.id,
                    end_event=event.id,
                )
            )
            open_start = None
    if open_start is not None:
        spells.append(
            Spell(open_start.person_id, open_start.date.anchor(), None, start_event=open_start.id)
        )
    return [spell for spell in spells if spell.end is None or spell.end > spell.start]


def recognition_spells(events: Iterable[Event]) -> list[Spell]:
    """Spells of recognition as a political prisoner, per organisation.

    A second recognition by a group whose recognition still stands restates it and
    changes nothing; only that group's de-recognition ends it.
    """
    opened: dict[str, Event] = {}
    spells: list[Spell] = []
    for event in chronological(events):
        org = event.organisation
        if event.kind is EventKind.RECOGNITION and org not in opened:
            opened[org] = event
        elif event.kind is EventKind.DERECOGNITION and org in opened:
            start = opened.pop(org)
            spells.append(
                Spell(
                    event.person_id,
                    start.date.anchor(),
                    event.date.anchor(),
                    organisation=org,
                    start_event=start.id,
                    end_event=event.id,
                )
            )
    for org, start in opened.items():
        spells.append(
            Spell(
                start.person_id, start.date.anchor(), None, organisation=org, start_event=start.id
            )
        )
    return [spell for spell in spells if spell.end is None or spell.end > spell.start]


def _earlier_end(a: date | None, b: date | None) -> date | None:
    """The earlier of two spell ends (None means still running)."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def political_spells(events: Iterable[Event]) -> list[Spell]:
    """Spells as a political prisoner: custody intersected with each recognition."""
    events = list(events)
    spells: list[Spell] = []
    for custody in custody_spells(events):
        for recognition in recognition_spells(events):
            start = max(custody.start, recognition.start)
            end = _earlier_end(custody.end, recognition.end)
            if end is not None and end <= start:
                continue
            opener = custody if custody.start >= recognition.start else recognition
            closer = custody if end == custody.end else recognition
            spells.append(
                Spell(
                    custody.person_id,
                    start,
                    end,
                    organisation=recognition.organisation,
                    start_event=opener.start_event,
                    end_event=closer.end_event if end is not None else "",
                )
            )
    return spells


def status_on(events: Iterable[Event], on: date, by: str | None = None) -> Status:
    """The status of one person on day `on`, from their (current) events."""
    events = list(events)
    custody = [spell for spell in custody_spells(events) if spell.covers(on)]
    recognised = sorted(
        {
            spell.organisation
            for spell in recognition_spells(events)
            if spell.covers(on) and (by is None or spell.organisation == by)
        }
    )
    return Status(
        on=on,
        in_custody=bool(custody),
        recognised_by=tuple(recognised),
        political_prisoner=bool(custody) and bool(recognised),
        custody_since=custody[0].start if custody else None,
    )


def merged_runs(spells: Iterable[Spell]) -> list[tuple[date, date | None]]:
    """One person's spells merged into unbroken runs (overlapping or touching spells join)."""
    runs: list[tuple[date, date | None]] = []
    for spell in sorted(spells, key=lambda s: s.start):
        if runs and (runs[-1][1] is None or spell.start <= runs[-1][1]):
            start, end = runs[-1]
            merged_end = None if end is None or spell.end is None else max(end, spell.end)
            runs[-1] = (start, merged_end)
        else:
            runs.append((spell.start, spell.end))
    return runs


def continuous_since(spells: Iterable[Spell], on: date) -> date | None:
    """Start of the unbroken run of overlapping or touching spells that covers `on`."""
    for start, end in merged_runs(spells):
        if start <= on and (end is None or on < end):
            return start
    return None


def count_political(spells: Iterable[Spell], on: date, by: str | None = None) -> int:
    """Distinct persons with a political spell covering `on` (optionally for one org)."""
    return len(
        {
            spell.person_id
            for spell in spells
            if spell.covers(on) and (by is None or spell.organisation == by)
        }
    )


def timeline_counts(
    spells: Iterable[Spell], points: list[date], by: str | None = None
) -> list[int]:
    """Counts of distinct persons held as political prisoners at each date in `points`.

    Each person's spells are merged into unbroken runs first, so a person recognised by
    two groups counts once; then a sweep answers every point in O(log n).
    """
    by_person: dict[str, list[Spell]] = {}
    for spell in spells:
        if by is None or spell.organisation == by:
            by_person.setdefault(spell.person_id, []).append(spell)
    starts: list[date] = []
    ends: list[date] = []
    for person_spells in by_person.values():
        for start, end in merged_runs(person_spells):
            starts.append(start)
            if end is not None:
                ends.append(end)
    starts.sort()
    ends.sort()
    return [bisect_right(starts, point) - bisect_right(ends, point) for point in points]

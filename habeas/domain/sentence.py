"""Sentence arithmetic: expected release, time served and time left, from events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from habeas.domain.dates import add_months
from habeas.domain.event import AppealOutcome, Event, EventKind, Measure, SentenceKind
from habeas.domain.status import custody_spells


@dataclass(frozen=True, slots=True)
class SentenceStatus:
    """Where a person's prison term stands on `today`.

    The term runs from the start of the custody spell it belongs to: days held before
    trial are credited one for one. `expected_release` is None for life terms.
    """

    person_id: str
    term_months: int | None
    life: bool
    term_start: date
    expected_release: date | None
    in_custody: bool
    served_days: int
    left_days: int | None
    overdue: bool
    changes: tuple[str, ...]


def sentence_status(events: Iterable[Event], today: date) -> SentenceStatus | None:
    """The term of the latest custody spell on `today`; None without a prison sentence."""
    events = list(events)
    spells = [spell for spell in custody_spells(events) if spell.start <= today]
    if not spells:
        return None
    spell = spells[-1]
    held_until = spell.end
    in_spell = [
        e
        for e in sorted(events, key=lambda e: (e.date.anchor(), e.id))
        if e.date.anchor() >= spell.start and (held_until is None or e.date.anchor() <= held_until)
    ]
    sentences = [
        e
        for e in in_spell
        if e.kind is EventKind.SENTENCE
        and e.sentence_kind in (SentenceKind.PRISON, SentenceKind.LIFE)
    ]
    if not sentences:
        return None
    sentence = sentences[-1]
    life = sentence.sentence_kind is SentenceKind.LIFE
    term = sentence.term_months
    end: date | None = None if life or term is None else add_months(spell.start, term)
    changes: list[str] = [f"sentence {sentence.date}: {_term_text(term, life)}"]
    for event in in_spell:
        if event.date.anchor() < sentence.date.anchor() or event is sentence:
            continue
        at = event.date.anchor()
        if event.kind is EventKind.APPEAL and event.term_months is not None:
            if event.outcome in (AppealOutcome.REDUCED, AppealOutcome.INCREASED, None):
                term = event.term_months
                life = False
                end = add_months(spell.start, term)
                changes.append(f"appeal {event.date}: term now {_term_text(term, False)}")
        elif event.kind in (EventKind.PARDON, EventKind.AMNESTY) and end is not None:
            if event.measure is Measure.HALVE and end > at:
                end = at + timedelta(days=(end - at).days // 2)
                changes.append(f"{event.kind.value} {event.date}: unserved part halved")
            elif event.measure is Measure.REDUCE and event.term_months:
                end = add_months(end, -event.term_months)
                changes.append(f"{event.kind.value} {event.date}: reduced by {event.term_months}m")
    in_custody = held_until is None or held_until > today
    until = today if in_custody else held_until
    assert until is not None
    served = max(0, (until - spell.start).days)
    left = None if end is None else max(0, (end - today).days) if in_custody else 0
    overdue = in_custody and end is not None and end < today
    return SentenceStatus(
        person_id=sentence.person_id,
        term_months=term,
        life=life,
        term_start=spell.start,
        expected_release=end,
        in_custody=in_custody,
        served_days=served,
        left_days=left,
        overdue=overdue,
        changes=tuple(changes),
    )


def _term_text(months: int | None, life: bool) -> str:
    if life:
        return "life"
    return format_term(months or 0)


def format_term(months: int) -> str:
    """6y, 6y6m or 18m style."""
    years, rest = divmod(months, 12)
    if years and rest:
        return f"{years}y{rest}m"
    return f"{years}y" if years else f"{rest}m"

"""Events: dated, sourced facts about a person, kept as versions that supersede each other."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from habeas.domain.dates import PartialDate
from habeas.domain.source import Citation
from habeas.domain.visibility import Visibility


class EventKind(StrEnum):
    """What happened."""

    ARREST = "arrest"
    DETENTION = "detention"
    CHARGE = "charge"
    TRIAL = "trial"
    HEARING = "hearing"
    SENTENCE = "sentence"
    APPEAL = "appeal"
    TRANSFER = "transfer"
    RELEASE = "release"
    PARDON = "pardon"
    AMNESTY = "amnesty"
    DEATH_IN_CUSTODY = "death_in_custody"
    HUNGER_STRIKE = "hunger_strike"
    ILL_TREATMENT = "ill_treatment"
    RECOGNITION = "recognition"
    DERECOGNITION = "derecognition"


class SentenceKind(StrEnum):
    """The punishment a court gave."""

    PRISON = "prison"
    LIFE = "life"
    SUSPENDED = "suspended"
    HOUSE_ARREST = "house_arrest"
    RESTRICTION_OF_FREEDOM = "restriction_of_freedom"
    CORRECTIONAL_WORK = "correctional_work"
    FINE = "fine"


CUSTODIAL_SENTENCES = frozenset({SentenceKind.PRISON, SentenceKind.LIFE})


class ReleaseReason(StrEnum):
    """Why a person left custody."""

    SERVED = "served"
    PARDON = "pardon"
    AMNESTY = "amnesty"
    ACQUITTAL = "acquittal"
    CONDITIONAL = "conditional"
    EXCHANGE = "exchange"
    HOUSE_ARREST = "house_arrest"
    """Moved to house arrest: groups drop such people from the list of those behind bars."""
    OTHER = "other"


class Measure(StrEnum):
    """What a pardon or amnesty did to a sentence."""

    RELEASE = "release"
    """Freed from the unserved part: ends custody on the decree date."""
    HALVE = "halve"
    """The unserved part halved."""
    REDUCE = "reduce"
    """The term shortened by `term_months`."""
    COMMUTE = "commute"
    """Unserved part swapped for a milder, non-custodial punishment: ends custody."""
    EXPUNGE = "expunge"
    """A served conviction cleared; no effect on custody."""


class AppealOutcome(StrEnum):
    """What a higher court did."""

    UPHELD = "upheld"
    REDUCED = "reduced"
    INCREASED = "increased"
    QUASHED = "quashed"


CUSTODY_STARTS = frozenset({EventKind.ARREST, EventKind.DETENTION})
ENDING_MEASURES = frozenset({Measure.RELEASE, Measure.COMMUTE})


@dataclass(frozen=True, slots=True)
class Event:
    """A dated fact about a person (and maybe a case), citing its sources.

    Events are never changed in place: a correction is a new version with the same id,
    a higher `version`, who recorded it, when (`recorded_at`, the knowledge time) and
    why (`reason`). `retracted` marks a version that withdraws the fact altogether.
    """

    id: str
    kind: EventKind
    person_id: str
    date: PartialDate
    case_id: str | None = None
    date_uncertain: bool = False
    detail: str = ""
    term_months: int | None = None
    sentence_kind: SentenceKind | None = None
    release_reason: ReleaseReason | None = None
    measure: Measure | None = None
    outcome: AppealOutcome | None = None
    organisation: str = ""
    criteria: str = ""
    facility: str = ""
    citations: tuple[Citation, ...] = ()
    visibility: Visibility = Visibility.PUBLIC
    version: int = 1
    recorded_at: datetime | None = None
    recorded_by: str = ""
    reason: str = ""
    retracted: bool = False

    def __post_init__(self) -> None:
        problems = event_problems(self)
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def ends_custody(self) -> bool:
        """True for a release, a death in custody, or a pardon/amnesty that frees."""
        if self.kind in (EventKind.RELEASE, EventKind.DEATH_IN_CUSTODY):
            return True
        if self.kind in (EventKind.PARDON, EventKind.AMNESTY):
            return self.measure in ENDING_MEASURES
        return False

    @property
    def starts_custody(self) -> bool:
        """True for an arrest or detention, or a custodial sentence (taken into custody)."""
        if self.kind in CUSTODY_STARTS:
            return True
        return self.kind is EventKind.SENTENCE and self.sentence_kind in CUSTODIAL_SENTENCES

    def same_fact(self, other: Event) -> bool:
        """True when two versions state the same fact (ignoring who recorded it, and when)."""
        mine = replace(self, version=1, recorded_at=None, recorded_by="", reason="")
        theirs = replace(other, version=1, recorded_at=None, recorded_by="", reason="")
        return mine == theirs


def event_problems(event: Event) -> list[str]:
    """What is wrong with one event on its own (empty when nothing)."""
    problems: list[str] = []
    if not event.id.strip():
        problems.append("an event needs an id")
    if not event.person_id.strip():
        problems.append("an event needs a person")
    kind = event.kind
    if kind in (EventKind.RECOGNITION, EventKind.DERECOGNITION) and not event.organisation:
        problems.append(f"a {kind.value} needs the organisation that made it")
    if kind is EventKind.SENTENCE:
        if event.sentence_kind is None:
            problems.append("a sentence needs its kind (prison, life, suspended, ...)")
        elif event.sentence_kind is SentenceKind.PRISON and not event.term_months:
            problems.append("a prison sentence needs a term, e.g. 6y or 18m")
    if kind is EventKind.RELEASE and event.release_reason is None:
        problems.append(
            "a release needs a reason: " + ", ".join(reason.value for reason in ReleaseReason)
        )
    if kind in (EventKind.PARDON, EventKind.AMNESTY):
        if event.measure is None:
            problems.append(
                f"a {kind.value} needs its measure: " + ", ".join(m.value for m in Measure)
            )
        elif event.measure is Measure.REDUCE and not event.term_months:
            problems.append(f"a {kind.value} that reduces a term needs by how much, e.g. 1y")
    if event.term_months is not None and event.term_months < 0:
        problems.append(f"term of {event.term_months} months is negative")
    if event.version < 1:
        problems.append("versions start at 1")
    return problems


def current_versions(events: Iterable[Event], known_at: datetime | None = None) -> list[Event]:
    """The version of each event in force at knowledge time `known_at` (default: now).

    A version counts once it was recorded; a later version supersedes it; a retracted
    version removes the fact. Versions recorded after `known_at` are ignored.
    """
    best: dict[str, Event] = {}
    for event in events:
        if known_at is not None and event.recorded_at is not None and event.recorded_at > known_at:
            continue
        held = best.get(event.id)
        if held is None or event.version > held.version:
            best[event.id] = event
    return [event for event in best.values() if not event.retracted]


_SAME_DAY_ORDER = {True: 0, False: 1}


def chronological(events: Iterable[Event]) -> list[Event]:
    """Events by anchored date; on one day, custody starts first and endings last."""

    def key(event: Event) -> tuple[object, ...]:
        rank = 0 if event.starts_custody else 2 if event.ends_custody else 1
        return (event.date.anchor(), rank, event.id)

    return sorted(events, key=key)


def chronology_problems(events: Iterable[Event]) -> list[tuple[Event, str]]:
    """Impossible orders among one person's events (release before any arrest, etc.)."""
    ordered = chronological(events)
    problems: list[tuple[Event, str]] = []
    starts = [e for e in ordered if e.kind in CUSTODY_STARTS]
    charges = [e for e in ordered if e.kind is EventKind.CHARGE]
    for event in ordered:
        if event.kind in (EventKind.RELEASE, EventKind.DEATH_IN_CUSTODY) and starts:
            if all(start.date.earliest() > event.date.latest() for start in starts):
                first = starts[0]
                problems.append(
                    (
                        event,
                        f"{event.kind.value} on {event.date} comes before the "
                        f"{first.kind.value} on {first.date} (event {first.id})",
                    )
                )
        if event.kind is EventKind.SENTENCE:
            related = [c for c in charges if c.case_id == event.case_id] or charges
            if related and all(c.date.earliest() > event.date.latest() for c in related):
                problems.append(
                    (
                        event,
                        f"sentence on {event.date} comes before the charge on "
                        f"{related[0].date} (event {related[0].id})",
                    )
                )
    return problems

"""Official records: the cases an official acted in, their outcomes with sources, and rankings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from habeas.domain.case import Case, OfficialRole
from habeas.domain.dates import PartialDate
from habeas.domain.event import Event, EventKind, ReleaseReason, SentenceKind
from habeas.domain.official import Position
from habeas.domain.person import PERSON_FIELDS, Gender, Person, PersonRole
from habeas.domain.source import Citation, Source
from habeas.domain.visibility import Visibility, visible_to
from habeas.exceptions import InvalidRecord, NotFound
from habeas.storage.search import search_key
from habeas.storage.sql import SqlRegistry

SENTENCING_ROLES = frozenset({OfficialRole.JUDGE, OfficialRole.PROSECUTOR})
"""Sentence totals count only cases the official presided over or prosecuted: an
investigator builds the file but neither asks for nor hands down the term."""

ROLE_VERBS = {
    OfficialRole.JUDGE: "presided over",
    OfficialRole.PROSECUTOR: "prosecuted",
    OfficialRole.INVESTIGATOR: "investigated",
    OfficialRole.MINISTER: "oversaw",
    OfficialRole.OTHER: "took part in",
}

_ENDINGS = frozenset(
    {EventKind.RELEASE, EventKind.PARDON, EventKind.AMNESTY, EventKind.DEATH_IN_CUSTODY}
)


_BLANK: dict[str, Any] = {
    "birth": None,
    "gender": Gender.UNKNOWN,
    "country": "",
    "occupations": (),
    "affiliations": (),
    "biography": "",
}


class RankBy(StrEnum):
    """What officials are ranked by."""

    CASES = "cases"
    """Political cases: cases with a defendant ever recognised as a political prisoner."""
    YEARS = "years"
    """Total years of prison sentences in cases presided over or prosecuted."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One dated, sourced statement about a defendant in a case (from one event)."""

    event_id: str
    kind: EventKind
    date: PartialDate
    date_uncertain: bool
    person_id: str
    text: str
    citations: tuple[Citation, ...]
    visibility: Visibility
    release_reason: ReleaseReason | None = None


@dataclass(frozen=True, slots=True)
class DefendantRecord:
    """A defendant in one case: what happened to them, and who recognised them."""

    person_id: str
    name: str
    withheld: bool
    recognised_by: tuple[str, ...]
    term_months: int | None
    sentence_kind: SentenceKind | None
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """One case an official acted in, seen from that official's side."""

    case: Case
    roles: tuple[OfficialRole, ...]
    defendants: tuple[DefendantRecord, ...]
    first: PartialDate | None
    verdict: PartialDate | None
    political: bool
    prison_months: int
    life_sentences: int

    @property
    def sentencing(self) -> bool:
        """True when the official presided over or prosecuted this case."""
        return any(role in SENTENCING_ROLES for role in self.roles)


@dataclass(frozen=True, slots=True)
class PositionRecord:
    """A post held: stored with dates and sources, or derived from case roles (no dates)."""

    position: Position
    derived: bool
    case_ids: tuple[str, ...] = ()
    first_case: PartialDate | None = None
    last_case: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class OfficialTotals:
    """Counts over an official's cases; sentences only where they judged or prosecuted."""

    cases: int
    political_cases: int
    defendants: int
    prison_months: int
    life_sentences: int

    @property
    def years(self) -> float:
        """Prison years handed down (life terms counted apart, in `life_sentences`)."""
        return round(self.prison_months / 12, 1)


@dataclass(frozen=True, slots=True)
class OfficialRecord:
    """Everything known about an official that `reader` may see, with the sources."""

    person: Person
    reader: Visibility
    positions: tuple[PositionRecord, ...]
    cases: tuple[CaseRecord, ...]
    totals: OfficialTotals
    sources: dict[str, Source] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class RankedOfficial:
    """One line of a ranking."""

    rank: int
    person: Person
    roles: tuple[OfficialRole, ...]
    totals: OfficialTotals


def term_words(months: int) -> str:
    """72 -> "6 years", 78 -> "6 years 6 months", 18 -> "1 year 6 months"."""
    years, rest = divmod(months, 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if rest or not parts:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


def describe_event(event: Event) -> str:
    """A short factual phrase for one event, e.g. "sentenced to 6 years in prison"."""
    kind, term = event.kind, event.term_months
    if kind is EventKind.SENTENCE:
        sk = event.sentence_kind
        if sk is SentenceKind.LIFE:
            text = "sentenced to life imprisonment"
        elif sk is SentenceKind.PRISON:
            text = f"sentenced to {term_words(term or 0)} in prison"
        else:
            label = (sk.value if sk else "a sentence").replace("_", " ")
            text = f"sentenced: {label}" + (f", {term_words(term)}" if term else "")
    elif kind is EventKind.APPEAL:
        text = "appeal decided" + (f": {event.outcome.value}" if event.outcome else "")
        text += f", term now {term_words(term)}" if term else ""
    elif kind is EventKind.RELEASE:
        reason = event.release_reason.value.replace("_", " ") if event.release_reason else ""
        text = "released" + (f" ({reason})" if reason else "")
    elif kind in (EventKind.PARDON, EventKind.AMNESTY):
        verb = "pardoned" if kind is EventKind.PARDON else "amnestied"
        text = verb + (f" (measure: {event.measure.value})" if event.measure else "")
    elif kind is EventKind.RECOGNITION:
        text = f"recognised as a political prisoner by {event.organisation}"
        text += f" ({event.criteria})" if event.criteria else ""
    elif kind is EventKind.DETENTION:
        text = "placed in detention" + (f" at {event.facility}" if event.facility else "")
    elif kind is EventKind.TRANSFER:
        text = "transferred" + (f" to {event.facility}" if event.facility else "")
    else:
        text = {
            EventKind.ARREST: "arrested",
            EventKind.CHARGE: "charged",
            EventKind.TRIAL: "trial opened",
            EventKind.DEATH_IN_CUSTODY: "died in custody",
            EventKind.ILL_TREATMENT: "ill-treatment reported",
        }.get(kind, kind.value.replace("_", " "))
    if event.detail and kind is not EventKind.DETENTION:
        text += f": {event.detail}"
    return text


def redact_person(person: Person, reader: Visibility) -> Person:
    """The person with every field and note `reader` may not see cleared."""
    hidden: dict[str, Any] = {
        name: _BLANK[name]
        for name in PERSON_FIELDS
        if not visible_to(person.field_visibility(name), reader)
    }
    notes = tuple(n for n in person.notes if visible_to(n.visibility, reader))
    return replace(person, notes=notes, **hidden)


def resolve_official(registry: SqlRegistry, key: str) -> Person:
    """An official by id or by any spelling of a name; one-line error when none or several."""
    found = registry.persons([key])
    if found:
        return found[0]
    matches = [p for p in registry.search_persons(key, 50) if p.role is PersonRole.OFFICIAL]
    if not matches:
        raise NotFound(f'No official matches "{key}". Find ids with: habeas search NAME')
    wanted = search_key(key)
    exact = [p for p in matches if any(search_key(n.value) == wanted for n in p.names)]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    listed = "; ".join(f"{p.id} {p.name}" for p in matches[:8])
    more = f" and {len(matches) - 8} more" if len(matches) > 8 else ""
    raise InvalidRecord(
        f'"{key}" matches {len(matches)} officials: {listed}{more}. Give an id instead.',
        {"official": "ambiguous"},
    )


def official_record(
    registry: SqlRegistry, person_id_or_name: str, *, reader: Visibility = Visibility.PUBLIC
) -> OfficialRecord:
    """An official's names, positions and cases with outcomes and sources, and totals."""
    person = resolve_official(registry, person_id_or_name)
    cases = [c for c in registry.cases_of(person.id) if visible_to(c.visibility, reader)]
    cases = [c for c in cases if any(o.person_id == person.id for o in c.officials)]
    if not cases and person.role is not PersonRole.OFFICIAL:
        raise InvalidRecord(
            f'Person "{person.id}" ({person.name}) is not an official and acted in no case.',
            {"official": "not an official"},
        )
    defendant_ids = sorted({d for c in cases for d in c.defendants})
    events = registry.events_by_person(defendant_ids) if defendant_ids else {}
    persons = {p.id: p for p in registry.persons(defendant_ids)} if defendant_ids else {}
    records = tuple(
        case_record(c, person.id, persons, events, reader)
        for c in sorted(cases, key=lambda c: _sort_date(c.id, events))
    )
    source_ids = sorted(
        {c.source_id for r in records for d in r.defendants for f in d.facts for c in f.citations}
    )
    positions = stored_positions(registry, person.id, reader)
    source_ids = sorted(
        set(source_ids) | {c.source_id for p in positions for c in p.position.citations}
    )
    return OfficialRecord(
        person=redact_person(person, reader),
        reader=reader,
        positions=positions or derived_positions(person.id, records),
        cases=records,
        totals=totals_of(records),
        sources={sid: registry.get_source(sid) for sid in source_ids},
    )


def case_record(
    case: Case,
    official_id: str,
    persons: dict[str, Person],
    events: dict[str, list[Event]],
    reader: Visibility,
) -> CaseRecord:
    """One case from an official's side: defendants, sourced outcomes, political or not."""
    roles = tuple(sorted({o.role for o in case.officials if o.person_id == official_id}))
    defendants = tuple(
        _defendant(case, pid, persons.get(pid), events.get(pid, []), reader)
        for pid in case.defendants
    )
    dated = [f.date for d in defendants for f in d.facts]
    verdicts = [f.date for d in defendants for f in d.facts if f.kind is EventKind.SENTENCE]
    return CaseRecord(
        case=case,
        roles=roles,
        defendants=defendants,
        first=min(dated, default=None),
        verdict=min(verdicts, default=None),
        political=any(d.recognised_by for d in defendants),
        prison_months=sum(
            d.term_months or 0 for d in defendants if d.sentence_kind is SentenceKind.PRISON
        ),
        life_sentences=sum(1 for d in defendants if d.sentence_kind is SentenceKind.LIFE),
    )


def _defendant(
    case: Case, person_id: str, person: Person | None, events: list[Event], reader: Visibility
) -> DefendantRecord:
    seen = sorted(
        (e for e in events if visible_to(e.visibility, reader)),
        key=lambda e: (e.date.anchor(), e.id),
    )
    mine = [e for e in seen if e.case_id == case.id]
    if mine:
        # Releases are often recorded without a case: take those after this case began and
        # before the defendant's next case began.
        start = mine[0].date.anchor()
        later = [e.date.anchor() for e in seen if e.case_id not in (None, case.id)]
        nxt = min((d for d in later if d > start), default=None)
        mine += [
            e
            for e in seen
            if e.case_id is None
            and e.kind in _ENDINGS
            and e.date.anchor() >= start
            and (nxt is None or e.date.anchor() < nxt)
        ]
    mine.sort(key=lambda e: (e.date.anchor(), e.id))
    sentences = [e for e in mine if e.kind is EventKind.SENTENCE]
    sentence = sentences[-1] if sentences else None
    withheld = person is None or (person.risk and reader is Visibility.PUBLIC)
    return DefendantRecord(
        person_id=person_id,
        name="(name withheld)" if withheld or person is None else person.name,
        withheld=withheld,
        recognised_by=tuple(
            sorted({e.organisation for e in seen if e.kind is EventKind.RECOGNITION})
        ),
        term_months=sentence.term_months if sentence else None,
        sentence_kind=sentence.sentence_kind if sentence else None,
        facts=tuple(_fact(e) for e in mine),
    )


def _fact(event: Event) -> Fact:
    return Fact(
        event_id=event.id,
        kind=event.kind,
        date=event.date,
        date_uncertain=event.date_uncertain,
        person_id=event.person_id,
        text=describe_event(event),
        citations=event.citations,
        visibility=event.visibility,
        release_reason=event.release_reason,
    )


def _sort_date(case_id: str, events: dict[str, list[Event]]) -> tuple[str, str]:
    dates = [e.date.isoformat() for es in events.values() for e in es if e.case_id == case_id]
    return (min(dates, default="9999"), case_id)


def totals_of(records: Iterable[CaseRecord]) -> OfficialTotals:
    """Counts over case records; sentence totals only where the official judged/prosecuted."""
    records = list(records)
    sentencing = [r for r in records if r.sentencing]
    return OfficialTotals(
        cases=len(records),
        political_cases=sum(1 for r in records if r.political),
        defendants=len({d.person_id for r in records for d in r.defendants}),
        prison_months=sum(r.prison_months for r in sentencing),
        life_sentences=sum(r.life_sentences for r in sentencing),
    )


def stored_positions(
    registry: SqlRegistry, person_id: str, reader: Visibility
) -> tuple[PositionRecord, ...]:
    """Positions stored for the person that `reader` may see, earliest first."""
    found = [x for x in registry.positions_of(person_id) if visible_to(x.visibility, reader)]
    found.sort(key=lambda x: (x.start.isoformat() if x.start else "0000", x.id))
    return tuple(PositionRecord(x, derived=False) for x in found)


def derived_positions(person_id: str, records: Sequence[CaseRecord]) -> tuple[PositionRecord, ...]:
    """Posts inferred from case roles (a judge: of the court that tried the case); no dates."""
    grouped: dict[tuple[OfficialRole, str], list[CaseRecord]] = defaultdict(list)
    for record in records:
        for role in record.roles:
            where = record.case.court if role is OfficialRole.JUDGE else ""
            grouped[(role, where)].append(record)
    result = []
    for (role, where), cases in sorted(grouped.items()):
        dates = [d for r in cases for d in (r.first, r.verdict) if d is not None]
        title = role.value.capitalize()
        position = Position(f"{person_id}-{role.value}", person_id, title, organisation=where)
        result.append(
            PositionRecord(
                position,
                derived=True,
                case_ids=tuple(r.case.id for r in cases),
                first_case=min(dates, default=None),
                last_case=max(dates, default=None),
            )
        )
    return tuple(result)


def rank_officials(
    registry: SqlRegistry,
    *,
    by: RankBy | str = RankBy.CASES,
    role: OfficialRole | str | None = None,
    reader: Visibility = Visibility.PUBLIC,
) -> list[RankedOfficial]:
    """Officials ranked by political cases or sentence years; with `role`, only those cases."""
    try:
        order = RankBy(by)
        wanted = OfficialRole(role) if role is not None else None
    except ValueError as exc:
        raise InvalidRecord(
            f"{exc}. Rank by cases or years; roles: {', '.join(r.value for r in OfficialRole)}.",
            {"by": str(by)},
        ) from None
    cases = [c for c in registry.cases() if visible_to(c.visibility, reader)]
    defendant_ids = sorted({d for c in cases for d in c.defendants})
    official_ids = sorted({o.person_id for c in cases for o in c.officials})
    events = registry.events_by_person(defendant_ids) if defendant_ids else {}
    persons = {p.id: p for p in registry.persons(defendant_ids + official_ids)}
    per_official: dict[str, list[CaseRecord]] = defaultdict(list)
    for case in cases:
        for oid in sorted({o.person_id for o in case.officials}):
            record = case_record(case, oid, persons, events, reader)
            if wanted is not None:
                if wanted not in record.roles:
                    continue
                record = replace(record, roles=(wanted,))
            per_official[oid].append(record)
    rows = [
        (persons[oid], tuple(sorted({r for rec in recs for r in rec.roles})), totals_of(recs))
        for oid, recs in per_official.items()
    ]

    def key(row: tuple[Person, tuple[OfficialRole, ...], OfficialTotals]) -> tuple[object, ...]:
        t = row[2]
        metric = (
            (t.political_cases, t.prison_months)
            if order is RankBy.CASES
            else (t.prison_months, t.political_cases)
        )
        return (-metric[0], -metric[1], -t.cases, row[0].name.casefold(), row[0].id)

    rows.sort(key=key)
    ranked: list[RankedOfficial] = []
    for position, (person, roles, totals) in enumerate(rows, 1):
        previous = ranked[-1] if ranked else None
        tied = (
            previous is not None
            and key((person, roles, totals))[:2]
            == key((previous.person, previous.roles, previous.totals))[:2]
        )
        rank = previous.rank if tied and previous is not None else position
        ranked.append(RankedOfficial(rank, redact_person(person, reader), roles, totals))
    return ranked

"""Persons, their events, sources and cases, counts and the list, as the API shows them."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from habeas.domain.case import Case
from habeas.domain.event import Event
from habeas.domain.source import Citation, Source
from habeas.web.view import FileView, ListRow, ListView


class HealthOut(BaseModel):
    """Liveness answer."""

    status: str = Field(examples=["ok"])


class CountOut(BaseModel):
    """How many political prisoners there were on a date (same rule as `habeas count`)."""

    as_of: date = Field(examples=["2015-12-28"])
    count: int = Field(examples=[95])


class PersonItem(BaseModel):
    """A person found by name: id, display name and every spelling."""

    id: str = Field(examples=["p-012"])
    name: str = Field(examples=["Rauf Mirgadirov"])
    names: list[str] = Field(
        examples=[["Rauf Mirgadirov", "Mirqədirov Rauf Fazil oğlu", "Рауф Миргадиров"]]
    )


class PersonsOut(BaseModel):
    """Persons matching a search (any spelling, any script)."""

    items: list[PersonItem]


class NameOut(BaseModel):
    """One spelling of a name."""

    value: str = Field(examples=["Mirqədirov Rauf Fazil oğlu"])
    script: str = Field(examples=["Latn"])
    language: str = Field(examples=["az"])
    kind: str = Field(examples=["official"])


class CitationOut(BaseModel):
    """A source cited for a fact, with the quoted span."""

    source_id: str = Field(examples=["s-0350"])
    quote: str = Field(examples=["Police detain opposition party member"])
    start: int | None = None
    end: int | None = None

    @classmethod
    def from_domain(cls, citation: Citation) -> CitationOut:
        """From a domain citation."""
        return cls(
            source_id=citation.source_id,
            quote=citation.quote,
            start=citation.start,
            end=citation.end,
        )


class EventOut(BaseModel):
    """A dated, sourced fact."""

    id: str = Field(examples=["e-0001"])
    kind: str = Field(examples=["arrest"])
    date: str = Field(examples=["2014-07-23"], description="YYYY, YYYY-MM or YYYY-MM-DD")
    date_uncertain: bool = False
    description: str = Field(examples=["arrested"])
    case_id: str | None = None
    term_months: int | None = None
    sentence_kind: str | None = None
    release_reason: str | None = None
    measure: str | None = None
    organisation: str = ""
    facility: str = ""
    version: int = 1
    citations: list[CitationOut] = Field(default_factory=list)

    @classmethod
    def from_domain(cls, event: Event, description: str) -> EventOut:
        """From a domain event (already filtered by visibility)."""
        return cls(
            id=event.id,
            kind=event.kind.value,
            date=event.date.isoformat(),
            date_uncertain=event.date_uncertain,
            description=description,
            case_id=event.case_id,
            term_months=event.term_months,
            sentence_kind=event.sentence_kind.value if event.sentence_kind else None,
            release_reason=event.release_reason.value if event.release_reason else None,
            measure=event.measure.value if event.measure else None,
            organisation=event.organisation,
            facility=event.facility,
            version=event.version,
            citations=[CitationOut.from_domain(c) for c in event.citations],
        )


class SourceOut(BaseModel):
    """A source: title, publisher, date, addresses and content hash."""

    id: str = Field(examples=["s-0350"])
    title: str
    kind: str = Field(examples=["article"])
    publisher: str
    published: str | None = None
    urls: list[str]
    content_hash: str

    @classmethod
    def from_domain(cls, source: Source) -> SourceOut:
        """From a domain source (the archived text is not included)."""
        return cls(
            id=source.id,
            title=source.title,
            kind=source.kind.value,
            publisher=source.publisher,
            published=source.published.isoformat() if source.published else None,
            urls=list(source.urls),
            content_hash=source.content_hash,
        )


class CaseOut(BaseModel):
    """A prosecution: charges, court, officials."""

    id: str
    title: str
    court: str
    charges: list[str] = Field(examples=[["Art. 274 — high treason"]])
    officials: list[dict[str, str]] = Field(
        examples=[[{"person_id": "o-010", "role": "judge", "name": "Elçin Kərimov"}]]
    )

    @classmethod
    def from_domain(cls, case: Case, names: dict[str, str]) -> CaseOut:
        """From a domain case (already filtered by visibility)."""
        return cls(
            id=case.id,
            title=case.title,
            court=case.court,
            charges=[c.label() for c in case.charges],
            officials=[
                {"person_id": o.person_id, "role": o.role.value, "name": names.get(o.person_id, "")}
                for o in case.officials
                if o.person_id in names
            ],
        )


class SentenceOut(BaseModel):
    """Sentence arithmetic today."""

    term_months: int | None
    life: bool
    term_start: date
    expected_release: date | None
    served_days: int
    left_days: int | None
    held_past_term: bool


class PersonOut(BaseModel):
    """A person's public file: fields, names, status today, sentence, cases, events, sources."""

    id: str = Field(examples=["p-012"])
    name: str = Field(examples=["Rauf Mirgadirov"])
    names: list[NameOut]
    birth: str | None = None
    gender: str = "unknown"
    country: str = ""
    occupations: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)
    biography: str = ""
    in_custody: bool
    custody_since: date | None = None
    recognised_by: list[str]
    sentence: SentenceOut | None = None
    cases: list[CaseOut]
    events: list[EventOut]
    sources: list[SourceOut]

    @classmethod
    def from_view(cls, view: FileView) -> PersonOut:
        """From a redacted file view."""
        p = view.person
        s = view.sentence
        return cls(
            id=p.id,
            name=p.name,
            names=[
                NameOut(
                    value=n.value, script=n.script.value, language=n.language, kind=n.kind.value
                )
                for n in p.names
            ],
            birth=p.birth.isoformat() if p.birth else None,
            gender=p.gender.value,
            country=p.country,
            occupations=list(p.occupations),
            affiliations=list(p.affiliations),
            biography=p.biography,
            in_custody=view.status.in_custody,
            custody_since=view.status.custody_since,
            recognised_by=list(view.status.recognised_by),
            sentence=SentenceOut(
                term_months=s.term_months,
                life=s.life,
                term_start=s.term_start,
                expected_release=s.expected_release,
                served_days=s.served_days,
                left_days=s.left_days,
                held_past_term=s.overdue,
            )
            if s
            else None,
            cases=[
                CaseOut.from_domain(c, {k: o.name for k, o in view.officials.items()})
                for c in view.cases
            ],
            events=[EventOut.from_domain(e, view.describe(e)) for e in view.events],
            sources=[SourceOut.from_domain(src) for src in view.sources.values()],
        )


class ListItemOut(BaseModel):
    """One person on the list on a date."""

    id: str
    name: str
    other_names: list[str]
    since: date
    recognised_by: list[str]
    occupations: list[str]
    charges: list[str]
    status: str = Field(examples=["sentenced"])

    @classmethod
    def from_row(cls, row: ListRow) -> ListItemOut:
        """From a list row."""
        return cls(
            id=row.id,
            name=row.name,
            other_names=list(row.other_names),
            since=row.since,
            recognised_by=list(row.organisations),
            occupations=list(row.occupations),
            charges=list(row.charges),
            status=row.status,
        )


class ListOut(BaseModel):
    """The list on a date; `withheld` persons count but are not named (risk flag)."""

    as_of: date
    count: int
    withheld: int
    items: list[ListItemOut]


def list_json(view: ListView) -> bytes:
    """The list as the JSON body of /api/v1/list and /list.json."""
    return (
        ListOut(
            as_of=view.as_of,
            count=view.count,
            withheld=view.withheld,
            items=[ListItemOut.from_row(r) for r in view.rows],
        )
        .model_dump_json()
        .encode("utf-8")
    )


class TimelinePoint(BaseModel):
    """A count on one date."""

    date: date
    count: int


class TimelineOut(BaseModel):
    """Counts over time."""

    items: list[TimelinePoint]

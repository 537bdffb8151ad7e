"""What extraction finds in one article: persons, events, quotations (offsets into text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from habeas.domain.dates import PartialDate
from habeas.ingest.news.quote import Quote
from habeas.ingest.news.when import DateMention


@dataclass(frozen=True, slots=True)
class PersonFound:
    """A person the article names, every span, and the registry person it links to."""

    key: int
    name: str
    spans: tuple[tuple[int, int], ...]
    registry_id: str | None = None
    score: float | None = None
    explanation: str = ""
    role: str = ""


@dataclass(frozen=True, slots=True)
class EventFound:
    """An event with its attributes, flags and evidence span."""

    type: str
    person: str | None
    person_key: int | None
    registry_id: str | None
    date: PartialDate | None
    charge: str | None
    term_months: int | None
    court: str | None
    issuer: str | None
    flags: tuple[str, ...]
    evidence: tuple[int, int]
    sentence_kind: str | None = None
    release_reason: str | None = None
    notes: tuple[str, ...] = ()
    date_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article."""

    text: str
    published: date | None
    persons: tuple[PersonFound, ...]
    events: tuple[EventFound, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...] = field(default=())
    language: str = "en"

    def person(self, key: int | None) -> PersonFound | None:
        """The person with this key, if named."""
        return next((p for p in self.persons if p.key == key), None)

    def to_json(self, *, detail: bool = False) -> dict[str, Any]:
        """The documented JSON shape of `habeas news extract`; `detail` adds, per event,
        `sentence_kind`, `release_reason`, `date_span` and `notes`, per quotation
        `speaker_pronoun` (the pronoun the speaker was resolved from), and `dates`."""
        persons = [
            {"name": p.name, "registry_id": p.registry_id, "spans": [list(s) for s in p.spans]}
            for p in self.persons
        ]
        events: list[dict[str, Any]] = []
        for e in self.events:
            event: dict[str, Any] = {
                "type": e.type,
                "person": e.person,
                "registry_id": e.registry_id,
                "date": e.date.isoformat() if e.date else None,
                "charge": e.charge,
                "term_months": e.term_months,
                "court": e.court,
                "issuer": e.issuer,
                "flags": list(e.flags),
                "evidence": list(e.evidence),
            }
            if detail:
                event["sentence_kind"] = e.sentence_kind
                event["release_reason"] = e.release_reason
                event["date_span"] = list(e.date_span) if e.date_span else None
                event["notes"] = list(e.notes)
            events.append(event)
        quotes: list[dict[str, Any]] = []
        for q in self.quotes:
            quote: dict[str, Any] = {"text": q.text, "span": [q.start, q.end], "speaker": q.speaker}
            if detail:
                quote["speaker_pronoun"] = q.pronoun
            quotes.append(quote)
        data: dict[str, Any] = {
            "text": self.text,
            "persons": persons,
            "events": events,
            "quotes": quotes,
        }
        if detail:
            data["dates"] = [
                {
                    "span": [d.start, d.end],
                    "text": d.text,
                    "value": d.value.isoformat() if d.value else None,
                }
                for d in self.dates
            ]
        return data

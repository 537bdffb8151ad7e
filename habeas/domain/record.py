"""Plain-dict forms of domain records: one codec for audit entries, exports and hashes."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from habeas.domain.case import Case, CaseOfficial, Charge, OfficialRole
from habeas.domain.dates import PartialDate, parse_partial_date
from habeas.domain.event import (
    AppealOutcome,
    Event,
    EventKind,
    Measure,
    ReleaseReason,
    SentenceKind,
)
from habeas.domain.person import (
    Gender,
    NameKind,
    Note,
    NoteKind,
    Person,
    PersonName,
    PersonRole,
    Script,
)
from habeas.domain.source import Citation, Source, SourceKind
from habeas.domain.visibility import Visibility

Record = dict[str, Any]


def _date(value: PartialDate | None) -> str | None:
    return value.isoformat() if value is not None else None


def _partial(value: Any) -> PartialDate | None:
    return parse_partial_date(value) if value else None


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat(timespec="microseconds") if value is not None else None


def _parse_stamp(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def name_to_dict(name: PersonName) -> Record:
    """A name as a plain dict."""
    return {
        "value": name.value,
        "script": name.script.value,
        "language": name.language,
        "kind": name.kind.value,
        "source_id": name.source_id,
    }


def name_from_dict(data: Record) -> PersonName:
    """A name from its plain dict."""
    return PersonName(
        value=data["value"],
        script=Script(data.get("script") or Script.LATN.value),
        language=data.get("language") or "",
        kind=NameKind(data.get("kind") or NameKind.TRANSLITERATION.value),
        source_id=data.get("source_id"),
    )


def person_to_dict(person: Person) -> Record:
    """A person as a plain dict (every field, whatever its visibility)."""
    return {
        "id": person.id,
        "names": [name_to_dict(n) for n in person.names],
        "birth": _date(person.birth),
        "gender": person.gender.value,
        "country": person.country,
        "occupations": list(person.occupations),
        "affiliations": list(person.affiliations),
        "biography": person.biography,
        "role": person.role.value,
        "notes": [
            {"kind": n.kind.value, "text": n.text, "visibility": n.visibility.value}
            for n in person.notes
        ],
        "visibility": {k: v.value for k, v in sorted(person.visibility.items())},
        "risk": person.risk,
    }


def person_from_dict(data: Record) -> Person:
    """A person from its plain dict."""
    return Person(
        id=data["id"],
        names=tuple(name_from_dict(n) for n in data["names"]),
        birth=_partial(data.get("birth")),
        gender=Gender(data.get("gender") or Gender.UNKNOWN.value),
        country=data.get("country") or "",
        occupations=tuple(data.get("occupations") or ()),
        affiliations=tuple(data.get("affiliations") or ()),
        biography=data.get("biography") or "",
        role=PersonRole(data.get("role") or PersonRole.PRISONER.value),
        notes=tuple(
            Note(NoteKind(n["kind"]), n["text"], Visibility(n["visibility"]))
            for n in data.get("notes") or ()
        ),
        visibility={k: Visibility(v) for k, v in (data.get("visibility") or {}).items()},
        risk=bool(data.get("risk")),
    )


def citation_to_dict(citation: Citation) -> Record:
    """A citation as a plain dict."""
    return {
        "source_id": citation.source_id,
        "quote": citation.quote,
        "start": citation.start,
        "end": citation.end,
    }


def citation_from_dict(data: Record) -> Citation:
    """A citation from its plain dict."""
    return Citation(data["source_id"], data.get("quote") or "", data.get("start"), data.get("end"))


def _enum_value(value: Any) -> Any:
    return value.value if value is not None else None


def event_fact(event: Event) -> Record:
    """The fact an event states, without who recorded it or when."""
    return {
        "id": event.id,
        "kind": event.kind.value,
        "person_id": event.person_id,
        "date": event.date.isoformat(),
        "case_id": event.case_id,
        "date_uncertain": event.date_uncertain,
        "detail": event.detail,
        "term_months": event.term_months,
        "sentence_kind": _enum_value(event.sentence_kind),
        "release_reason": _enum_value(event.release_reason),
        "measure": _enum_value(event.measure),
        "outcome": _enum_value(event.outcome),
        "organisation": event.organisation,
        "criteria": event.criteria,
        "facility": event.facility,
        "citations": [citation_to_dict(c) for c in event.citations],
        "visibility": event.visibility.value,
        "retracted": event.retracted,
    }


def event_to_dict(event: Event) -> Record:
    """An event version as a plain dict, with its knowledge-time fields."""
    data = event_fact(event)
    data.update(
        {
            "version": event.version,
            "recorded_at": _stamp(event.recorded_at),
            "recorded_by": event.recorded_by,
            "reason": event.reason,
        }
    )
    return data


def _opt(enum: Any, value: Any) -> Any:
    return enum(value) if value else None


def event_from_dict(data: Record) -> Event:
    """An event version from its plain dict."""
    return Event(
        id=data["id"],
        kind=EventKind(data["kind"]),
        person_id=data["person_id"],
        date=parse_partial_date(data["date"]),
        case_id=data.get("case_id"),
        date_uncertain=bool(data.get("date_uncertain")),
        detail=data.get("detail") or "",
        term_months=data.get("term_months"),
        sentence_kind=_opt(SentenceKind, data.get("sentence_kind")),
        release_reason=_opt(ReleaseReason, data.get("release_reason")),
        measure=_opt(Measure, data.get("measure")),
        outcome=_opt(AppealOutcome, data.get("outcome")),
        organisation=data.get("organisation") or "",
        criteria=data.get("criteria") or "",
        facility=data.get("facility") or "",
        citations=tuple(citation_from_dict(c) for c in data.get("citations") or ()),
        visibility=Visibility(data.get("visibility") or Visibility.PUBLIC.value),
        version=int(data.get("version") or 1),
        recorded_at=_parse_stamp(data.get("recorded_at")),
        recorded_by=data.get("recorded_by") or "",
        reason=data.get("reason") or "",
        retracted=bool(data.get("retracted")),
    )


def fact_text(event: Event) -> str:
    """Canonical JSON text of the fact an event states (stored, audited and hashed)."""
    return json.dumps(event_fact(event), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def text_hash(text: str) -> str:
    """A short hash of a fact's canonical text, to tell a re-import from a correction."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def fact_hash(event: Event) -> str:
    """A short hash of the fact an event states."""
    return text_hash(fact_text(event))


def source_to_dict(source: Source) -> Record:
    """A source as a plain dict (archived text included)."""
    return {
        "id": source.id,
        "title": source.title,
        "kind": source.kind.value,
        "publisher": source.publisher,
        "published": _date(source.published),
        "urls": list(source.urls),
        "text": source.text,
        "content_hash": source.content_hash,
        "retrieved_at": _stamp(source.retrieved_at),
    }


def source_from_dict(data: Record) -> Source:
    """A source from its plain dict."""
    return Source(
        id=data["id"],
        title=data.get("title") or "",
        kind=SourceKind(data.get("kind") or SourceKind.OTHER.value),
        publisher=data.get("publisher") or "",
        published=_partial(data.get("published")),
        urls=tuple(data.get("urls") or ()),
        text=data.get("text") or "",
        content_hash=data.get("content_hash") or "",
        retrieved_at=_parse_stamp(data.get("retrieved_at")),
    )


def case_to_dict(case: Case) -> Record:
    """A case as a plain dict."""
    return {
        "id": case.id,
        "title": case.title,
        "defendants": list(case.defendants),
        "charges": [{"article": c.article, "name": c.name, "code": c.code} for c in case.charges],
        "court": case.court,
        "officials": [{"person_id": o.person_id, "role": o.role.value} for o in case.officials],
        "visibility": case.visibility.value,
    }


def case_from_dict(data: Record) -> Case:
    """A case from its plain dict."""
    return Case(
        id=data["id"],
        title=data.get("title") or "",
        defendants=tuple(data.get("defendants") or ()),
        charges=tuple(
            Charge(c["article"], c.get("name") or "", c.get("code") or "")
            for c in data.get("charges") or ()
        ),
        court=data.get("court") or "",
        officials=tuple(
            CaseOfficial(o["person_id"], OfficialRole(o["role"]))
            for o in data.get("officials") or ()
        ),
        visibility=Visibility(data.get("visibility") or Visibility.PUBLIC.value),
    )


def iso_day(value: date | None) -> str | None:
    """YYYY-MM-DD or None."""
    return value.isoformat() if value is not None else None

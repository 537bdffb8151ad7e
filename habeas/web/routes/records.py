"""Editor forms to create and correct persons and events, and to retract events.

A form is read by the very parsers `habeas import` uses (one spreadsheet row), so it has
the same validation and messages; a change to a stored event is a correction (a new
version, history kept), written with its audit entry.
"""

from __future__ import annotations

import secrets
from dataclasses import replace

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from habeas.domain.event import EventKind
from habeas.domain.person import Person
from habeas.domain.visibility import Visibility
from habeas.exceptions import InvalidRecord, NotFound
from habeas.ingest.imports.spreadsheet import Row, parse_events, parse_persons
from habeas.jobs.transfer import detail_cell, retract_event
from habeas.web.auth import EditorDep, RegistryDep, check_csrf, now
from habeas.web.forms import VISIBILITIES, Field, form_errors
from habeas.web.render import render

router = APIRouter(include_in_schema=False)
KINDS = [k.value for k in EventKind]


def _person_values(person: Person | None) -> dict[str, str]:
    if person is None:
        return {k: "" for k in ("person_id", "name", "other_names", "birth_year", "gender")} | {
            "occupation": "",
            "country": "",
            "affiliations": "",
        }
    return {
        "person_id": person.id,
        "name": person.name,
        "other_names": "|".join(n.value for n in person.names[1:]),
        "birth_year": person.birth.isoformat() if person.birth else "",
        "gender": "" if person.gender.value == "unknown" else person.gender.value,
        "occupation": "|".join(person.occupations),
        "country": person.country,
        "affiliations": "|".join(person.affiliations),
    }


def _person_form(
    request: Request,
    values: dict[str, str],
    *,
    new: bool,
    error: str = "",
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    return render(
        request,
        "person_form.html",
        status_code=status,
        values=values,
        new=new,
        error=error,
        errors=errors or {},
    )


@router.get("/editor/persons/new", response_class=HTMLResponse)
def new_person(request: Request, session: EditorDep) -> Response:
    """The form to add a person."""
    return _person_form(request, _person_values(None), new=True)


@router.get("/editor/persons/{person_id}/edit", response_class=HTMLResponse)
def edit_person(
    request: Request, registry: RegistryDep, session: EditorDep, person_id: str
) -> Response:
    """The form to correct a person's names and fields."""
    return _person_form(request, _person_values(registry.get_person(person_id)), new=False)


@router.post("/editor/persons")
def save_person(
    request: Request,
    registry: RegistryDep,
    session: EditorDep,
    person_id: Field,
    name: Field = "",
    other_names: Field = "",
    birth_year: Field = "",
    gender: Field = "",
    occupation: Field = "",
    country: Field = "",
    affiliations: Field = "",
    reason: Field = "",
    new: Field = "",
    csrf: Field = "",
) -> Response:
    """Add or correct a person (names keep the spellings that came from elsewhere)."""
    check_csrf(session, csrf)
    values = {
        "person_id": person_id.strip(),
        "name": name.strip(),
        "other_names": other_names.strip(),
        "birth_year": birth_year.strip(),
        "gender": gender.strip(),
        "occupation": occupation.strip(),
        "country": country.strip(),
        "affiliations": affiliations.strip(),
    }
    existing = {p.id: p for p in registry.persons([values["person_id"]])}
    try:
        if new and existing:
            raise InvalidRecord(
                f'A person with id "{values["person_id"]}" exists already; choose another id.',
                {"person_id": "taken"},
            )
        if not new and not existing:
            raise NotFound(f'No person with id "{values["person_id"]}".')
        changes = parse_persons([Row(1, values)], "person form", existing)
        why = reason.strip() or ("added from the web" if new else "corrected from the web")
        registry.apply(changes, actor=session.user.name, at=now(), reason=why)
    except InvalidRecord as exc:
        message, errors = form_errors(exc)
        return _person_form(
            request, values, new=bool(new), error=message, errors=errors, status=422
        )
    return RedirectResponse(f"/editor/persons/{values['person_id']}", status_code=303)


def _stored_source(registry: RegistryDep, source_id: str) -> bool:
    try:
        registry.get_source(source_id)
    except NotFound:
        return False
    return True


def _event_values(registry: RegistryDep, person_id: str, event_id: str | None) -> dict[str, str]:
    values = {
        "event_id": "",
        "person_id": person_id,
        "type": "arrest",
        "date": "",
        "detail": "",
        "source_url": "",
        "source_title": "",
        "quote": "",
        "case_id": "",
        "uncertain": "",
        "visibility": Visibility.PUBLIC.value,
    }
    if event_id is None:
        return values
    found = [e for e in registry.events_of(person_id) if e.id == event_id]
    if not found:
        raise NotFound(f'No current event "{event_id}" for person "{person_id}".')
    event = found[0]
    source = registry.get_source(event.citations[0].source_id) if event.citations else None
    values.update(
        event_id=event.id,
        type=event.kind.value,
        date=event.date.isoformat(),
        detail=detail_cell(event),
        source_url=source.urls[0] if source and source.urls else "",
        source_title=source.title if source else "",
        quote=event.citations[0].quote if event.citations else "",
        case_id=event.case_id or "",
        uncertain="yes" if event.date_uncertain else "",
        visibility=event.visibility.value,
    )
    return values


def _event_form(
    request: Request,
    values: dict[str, str],
    *,
    error: str = "",
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    return render(
        request,
        "event_form.html",
        status_code=status,
        values=values,
        kinds=KINDS,
        visibilities=VISIBILITIES,
        error=error,
        errors=errors or {},
    )


@router.get("/editor/persons/{person_id}/events/new", response_class=HTMLResponse)
def new_event(
    request: Request, registry: RegistryDep, session: EditorDep, person_id: str
) -> Response:
    """The form to add an event to a person's timeline."""
    registry.get_person(person_id)
    return _event_form(request, _event_values(registry, person_id, None))


@router.get("/editor/persons/{person_id}/events/{event_id}/edit", response_class=HTMLResponse)
def edit_event(
    request: Request, registry: RegistryDep, session: EditorDep, person_id: str, event_id: str
) -> Response:
    """The form to correct an event (the correction is a new version; history is kept)."""
    return _event_form(request, _event_values(registry, person_id, event_id))


@router.post("/editor/persons/{person_id}/events")
def save_event(
    request: Request,
    registry: RegistryDep,
    session: EditorDep,
    person_id: str,
    type: Field,
    date: Field,
    event_id: Field = "",
    detail: Field = "",
    source_url: Field = "",
    source_title: Field = "",
    quote: Field = "",
    case_id: Field = "",
    uncertain: Field = "",
    visibility: Field = "public",
    reason: Field = "",
    csrf: Field = "",
) -> Response:
    """Add an event, or correct one when its id exists (a new version with the reason)."""
    check_csrf(session, csrf)
    registry.get_person(person_id)
    values = {
        "event_id": event_id.strip() or "ev-" + secrets.token_hex(6),
        "person_id": person_id,
        "type": type.strip(),
        "date": date.strip(),
        "detail": detail.strip(),
        "source_url": source_url.strip(),
        "source_title": source_title.strip(),
        "quote": quote.strip(),
        "case_id": case_id.strip(),
        "uncertain": "yes" if uncertain.strip() else "",
        "visibility": visibility,
    }
    try:
        try:
            seen = Visibility(visibility)
        except ValueError:
            raise InvalidRecord(
                f'visibility "{visibility}" is unknown', {"visibility": "unknown"}
            ) from None
        changes = parse_events([Row(1, values)], "event form")
        event = replace(changes.events[0], visibility=seen)
        old = [e for e in registry.events_of(person_id) if e.id == event.id]
        if old and old[0].citations and event.citations:
            first = old[0].citations[0]
            if (first.source_id, first.quote) == (
                event.citations[0].source_id,
                event.citations[0].quote,
            ):
                # Same source and quote: keep the stored citations with their spans.
                event = replace(event, citations=old[0].citations)
        # A source already stored is cited as it is, never overwritten by the form's stub.
        changes.sources = [src for src in changes.sources if not _stored_source(registry, src.id)]
        changes.events = [event]
        why = reason.strip() or ("corrected from the web" if old else "added from the web")
        registry.apply(changes, actor=session.user.name, at=now(), reason=why)
    except InvalidRecord as exc:
        message, errors = form_errors(exc)
        return _event_form(request, values, error=message, errors=errors, status=422)
    return RedirectResponse(
        f"/editor/persons/{person_id}#event-{values['event_id']}", status_code=303
    )


@router.post("/editor/persons/{person_id}/events/{event_id}/retract")
def retract(
    registry: RegistryDep,
    session: EditorDep,
    person_id: str,
    event_id: str,
    reason: Field = "",
    csrf: Field = "",
) -> Response:
    """Withdraw a fact (a retracted version is recorded; earlier versions stay)."""
    check_csrf(session, csrf)
    if not reason.strip():
        raise InvalidRecord("Give a reason to retract a fact.", {"reason": "missing"})
    if registry.person_of_event(event_id) != person_id:
        raise NotFound(f'No event "{event_id}" in the file of "{person_id}".')
    retract_event(registry, event_id, actor=session.user.name, at=now(), reason=reason.strip())
    return RedirectResponse(f"/editor/persons/{person_id}", status_code=303)

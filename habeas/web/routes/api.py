"""The JSON API, /api/v1: public reads (public fields only), token-protected writes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response

from habeas.domain.dates import day_steps, month_starts
from habeas.domain.proposal import ProposalStatus
from habeas.domain.visibility import Visibility
from habeas.exceptions import InvalidRecord, NotFound
from habeas.jobs.decree import check_decree
from habeas.jobs.report import timeline
from habeas.web.auth import ApiEditorDep, ApiViewerDep, RegistryDep, now
from habeas.web.params import day_param
from habeas.web.schemas import (
    AUTH_ERRORS,
    ERRORS,
    ChangeOut,
    CountOut,
    DecreeOut,
    DecreeReportOut,
    DiffOut,
    EventOut,
    HealthOut,
    ListOut,
    PersonItem,
    PersonOut,
    PersonsOut,
    ProposalOut,
    ProposalsOut,
    PublicationOut,
    ReviewIn,
    ReviewOut,
    SourceOut,
    TimelineOut,
    TimelinePoint,
    list_json,
)
from habeas.web.view import (
    ListCache,
    file_view,
    hidden,
    public_explanation,
    search_ids,
    visible_events,
    visible_person,
    withheld_among,
)

router = APIRouter()
PUBLIC = Visibility.PUBLIC
AsOf = Annotated[
    str | None, Query(description="YYYY-MM-DD; default today", examples=["2015-12-28"])
]


@router.get("/healthz", response_model=HealthOut, tags=["health"])
def healthz(registry: RegistryDep) -> HealthOut:
    """200 once the app can read its database."""
    registry.last_audit_seq()
    return HealthOut(status="ok")


@router.get("/api/v1/count", response_model=CountOut, responses=ERRORS, tags=["counts"])
def count(request: Request, registry: RegistryDep, as_of: AsOf = None) -> CountOut:
    """How many political prisoners there were on a date (the rule of `habeas count`)."""
    day = day_param(as_of)
    cache: ListCache = request.app.state.lists
    number = cache.get(("count", day, registry.last_audit_seq()), lambda: registry.count(day))
    return CountOut(as_of=day, count=number)


@router.get("/api/v1/persons", response_model=PersonsOut, responses=ERRORS, tags=["persons"])
def persons(
    request: Request,
    registry: RegistryDep,
    q: Annotated[
        str | None, Query(description="Any spelling, any script", examples=["Миргадиров"])
    ] = None,
    as_of: Annotated[
        str | None, Query(description="Only political prisoners on this date (YYYY-MM-DD)")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> PersonsOut:
    """Persons matching a name in any spelling or script; `as_of`: only those on the list."""
    if not q and not as_of:
        raise InvalidRecord("Give q (a name) or as_of (a date), or both.", {"q": "missing"})
    on_list: set[str] | None = None
    if as_of:
        cache: ListCache = request.app.state.lists
        view = cache.list(registry, day_param(as_of), PUBLIC)
        on_list = {r.id for r in view.rows}
    if q:
        found = search_ids(registry, q, PUBLIC, limit=max(limit, 500))
        if on_list is not None:
            found = [p for p in found if p.id in on_list]
    else:
        assert on_list is not None
        found = [p for p in registry.persons(sorted(on_list)) if not hidden(p, PUBLIC)]
    return PersonsOut(
        items=[
            PersonItem(id=p.id, name=p.name, names=[n.value for n in p.names])
            for p in found[:limit]
        ]
    )


@router.get(
    "/api/v1/persons/{person_id}", response_model=PersonOut, responses=ERRORS, tags=["persons"]
)
def person(registry: RegistryDep, person_id: str) -> PersonOut:
    """A person's public fields, names, status today, cases, and events with sources."""
    return PersonOut.from_view(file_view(registry, person_id, day_param(None), PUBLIC))


@router.get(
    "/api/v1/persons/{person_id}/events",
    response_model=list[EventOut],
    responses=ERRORS,
    tags=["persons"],
)
def person_events(registry: RegistryDep, person_id: str) -> list[EventOut]:
    """A person's public events, oldest first."""
    view = file_view(registry, person_id, day_param(None), PUBLIC)
    return [EventOut.from_domain(e, view.describe(e)) for e in view.events]


@router.get(
    "/api/v1/events/{event_id}", response_model=EventOut, responses=ERRORS, tags=["persons"]
)
def event(registry: RegistryDep, event_id: str) -> EventOut:
    """One public event (current version) with its citations."""
    try:
        view = file_view(registry, registry.person_of_event(event_id), day_param(None), PUBLIC)
    except NotFound:  # a hidden person's event reads like a missing one, naming no person
        raise NotFound(f'No event with id "{event_id}".') from None
    for found in view.events:
        if found.id == event_id:
            return EventOut.from_domain(found, view.describe(found))
    raise NotFound(f'No event with id "{event_id}".')


@router.get(
    "/api/v1/persons/{person_id}/sources/{source_id}",
    response_model=SourceOut,
    responses=ERRORS,
    tags=["persons"],
)
def person_source(registry: RegistryDep, person_id: str, source_id: str) -> SourceOut:
    """A source cited by one of the person's public events."""
    person = visible_person(registry.get_person(person_id), PUBLIC)
    events = visible_events(registry.events_of(person.id), PUBLIC)
    if not any(c.source_id == source_id for e in events for c in e.citations):
        raise NotFound(f'No source "{source_id}" is cited in the file of "{person_id}".')
    return SourceOut.from_domain(registry.get_source(source_id))


@router.get("/api/v1/list", response_model=ListOut, responses=ERRORS, tags=["counts"])
def political_list(request: Request, registry: RegistryDep, as_of: AsOf = None) -> Response:
    """Who the political prisoners were on a date (persons at risk counted, not named)."""
    return Response(list_body(request, registry, day_param(as_of)), media_type="application/json")


def list_body(request: Request, registry: RegistryDep, day: date) -> bytes:
    """The list's JSON, serialised once per date and registry state."""
    cache: ListCache = request.app.state.lists
    key = ("list-json", day, PUBLIC, registry.last_audit_seq())
    return cache.get(key, lambda: list_json(cache.list(registry, day, PUBLIC)))


@router.get("/api/v1/timeline", response_model=TimelineOut, responses=ERRORS, tags=["counts"])
def counts_over_time(
    registry: RegistryDep,
    start: Annotated[str, Query(alias="from", examples=["2013-01-01"])],
    end: Annotated[str, Query(alias="to", examples=["2018-12-01"])],
    every: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
) -> TimelineOut:
    """Counts of political prisoners at each step from `from` to `to`."""
    first, last = day_param(start, "from"), day_param(end, "to")
    if last < first:
        raise InvalidRecord(f"to {last} is before from {first}", {"to": "before from"})
    if every == "day":
        points = day_steps(first, last, 1)
    elif every == "week":
        points = day_steps(first, last, 7)
    else:
        points = month_starts(first, last, 12 if every == "year" else 1)
    if len(points) > 20000:
        raise InvalidRecord("Too many points; use a longer step.", {"every": "too fine"})
    return TimelineOut(
        items=[TimelinePoint(date=d, count=n) for d, n in timeline(registry, points)]
    )


@router.get(
    "/api/v1/publications", response_model=list[PublicationOut], responses=ERRORS, tags=["lists"]
)
def publications(registry: RegistryDep) -> list[PublicationOut]:
    """Every published list (stable numbers)."""
    published = registry.publications()
    withheld = withheld_among(registry, (m.person_id for p in published for m in p.members))
    return [PublicationOut.from_domain(p, withheld) for p in published]


@router.get(
    "/api/v1/publications/{number}",
    response_model=PublicationOut,
    responses=ERRORS,
    tags=["lists"],
)
def publication(registry: RegistryDep, number: int) -> PublicationOut:
    """One published list as frozen (members flagged at risk since are withheld)."""
    published = registry.publication(number)
    withheld = withheld_among(registry, (m.person_id for m in published.members))
    return PublicationOut.from_domain(published, withheld, True)


@router.get(
    "/api/v1/publications/{a}/diff/{b}", response_model=DiffOut, responses=ERRORS, tags=["lists"]
)
def publication_diff(registry: RegistryDep, a: int, b: int) -> DiffOut:
    """Who was added or removed between lists `a` and `b`, and the event that explains it."""
    diff = registry.publication_diff(a, b)
    withheld = withheld_among(registry, (c.person_id for c in diff))
    changes = [
        replace(c, explanation=public_explanation(registry, c))
        for c in diff
        if c.person_id not in withheld
    ]
    return DiffOut(a=a, b=b, changes=[ChangeOut.from_domain(c) for c in changes])


@router.get("/api/v1/decrees", response_model=list[DecreeOut], tags=["decrees"])
def decrees(registry: RegistryDep) -> list[DecreeOut]:
    """Stored pardon and amnesty decrees."""
    return [DecreeOut.from_domain(d) for d in registry.decrees()]


@router.get(
    "/api/v1/decrees/{decree_id}",
    response_model=DecreeReportOut,
    responses=ERRORS,
    tags=["decrees"],
)
def decree(registry: RegistryDep, decree_id: str) -> DecreeReportOut:
    """What a decree did to the political prisoners held on its date."""
    report = check_decree(registry, decree_id)
    named = [i.person_id for i in (*report.included, *report.not_included)]
    return DecreeReportOut.from_report(report, withheld_among(registry, named))


@router.get(
    "/api/v1/proposals", response_model=ProposalsOut, responses=AUTH_ERRORS, tags=["review"]
)
def proposals(
    registry: RegistryDep,
    user: ApiViewerDep,
    status: Annotated[ProposalStatus, Query()] = ProposalStatus.PENDING,
) -> ProposalsOut:
    """The review queue (needs a viewer's token: proposals are unreviewed evidence)."""
    return ProposalsOut(items=[ProposalOut.from_domain(p) for p in registry.proposals(status)])


@router.post(
    "/api/v1/proposals/{proposal_id}/accept",
    response_model=ReviewOut,
    responses=AUTH_ERRORS,
    tags=["review"],
)
def accept(
    registry: RegistryDep,
    user: ApiEditorDep,
    proposal_id: str,
    body: Annotated[ReviewIn | None, Body()] = None,
) -> ReviewOut:
    """Accept a proposal: write its events and names, with the audit entry (editor token)."""
    reason = body.reason if body else ""
    same = body.same_person if body else False
    summary = registry.accept(
        proposal_id, actor=user.name, at=now(), reason=reason, same_person=same
    )
    return ReviewOut(id=proposal_id, status="accepted", written=summary.total_written())


@router.post(
    "/api/v1/proposals/{proposal_id}/reject",
    response_model=ReviewOut,
    responses=AUTH_ERRORS,
    tags=["review"],
)
def reject(
    registry: RegistryDep,
    user: ApiEditorDep,
    proposal_id: str,
    body: Annotated[ReviewIn | None, Body()] = None,
) -> ReviewOut:
    """Reject a proposal with a reason (editor token)."""
    registry.reject(proposal_id, actor=user.name, at=now(), reason=body.reason if body else "")
    return ReviewOut(id=proposal_id, status="rejected")

"""Public pages: the list, person pages, statistics, published lists, decrees, downloads.

Every page reads through habeas.web.view with `Visibility.PUBLIC`: public fields only, and
persons flagged at risk are never named.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from habeas.domain.visibility import Visibility
from habeas.exceptions import InvalidRecord, NotFound
from habeas.jobs.decree import check_decree
from habeas.jobs.official import official_record, rank_officials
from habeas.web.auth import RegistryDep, current_session
from habeas.web.params import day_param
from habeas.web.render import render, render_anonymous
from habeas.web.routes.api import list_body
from habeas.web.schemas import DecreeReportOut, ListItemOut, PublicationOut
from habeas.web.stats import CHARTS, ChartCache
from habeas.web.view import (
    Filters,
    ListCache,
    context_for,
    file_view,
    filter_rows,
    hidden,
    public_explanation,
    search_ids,
    source_view,
    span_of,
    today_utc,
    withheld_among,
)

router = APIRouter(include_in_schema=False)
PUBLIC = Visibility.PUBLIC
Text = Annotated[str, Query(max_length=200)]
PAGE_SIZE = 200


@router.get("/", response_class=HTMLResponse)
def list_page(
    request: Request,
    registry: RegistryDep,
    as_of: str | None = None,
    q: Text = "",
    occupation: Text = "",
    charge: Text = "",
    organisation: Text = "",
    status: Text = "",
    year: Text = "",
    page: Annotated[int, Query(ge=1, le=100000)] = 1,
) -> Response:
    """The list of political prisoners on a date, with counts, filters and name search."""
    day = day_param(as_of)
    cache: ListCache = request.app.state.lists
    filters = Filters(q.strip(), occupation, charge, organisation, status, year)

    def page_context() -> dict[str, Any]:
        view = cache.list(registry, day, PUBLIC)
        found = search_ids(registry, filters.q, PUBLIC) if filters.q else None
        matches = {p.id for p in found} if found is not None else None
        rows = filter_rows(view.rows, filters, matches)
        pages = max(1, -(-len(rows) // PAGE_SIZE))
        number = min(page, pages)
        listed = {r.id for r in view.rows}
        params = {
            "as_of": day.isoformat(),
            "q": filters.q,
            "occupation": occupation,
            "charge": charge,
            "organisation": organisation,
            "status": status,
            "year": year,
        }
        return {
            "view": view,
            "rows": rows[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
            "matching": len(rows),
            "page": number,
            "pages": pages,
            "first": (number - 1) * PAGE_SIZE + 1,
            "filters": filters,
            "facets": view.facets,
            "elsewhere": [p for p in (found or []) if p.id not in listed][:20],
            "params": params,
            "as_of": day,
            "is_today": day == today_utc(),
        }

    if filters.active() or current_session(request) is not None:
        return render(request, "list.html", **page_context())
    # The unfiltered list as a signed-out reader sees it: rendered once per registry state.
    key = ("list-html", day, page, today_utc(), registry.last_audit_seq())
    body = cache.get(key, lambda: render_anonymous(request, "list.html", **page_context()))
    return HTMLResponse(body)


def _list_rows(request: Request, registry: RegistryDep, as_of: str | None) -> list[ListItemOut]:
    cache: ListCache = request.app.state.lists
    return [ListItemOut.from_row(r) for r in cache.list(registry, day_param(as_of), PUBLIC).rows]


@router.get("/list.csv")
def list_csv(request: Request, registry: RegistryDep, as_of: str | None = None) -> Response:
    """The public list as CSV (persons at risk left out)."""
    day = day_param(as_of)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["id", "name", "other_names", "since", "recognised_by", "occupations", "charges", "status"]
    )
    for item in _list_rows(request, registry, day.isoformat()):
        writer.writerow(
            [
                item.id,
                item.name,
                "|".join(item.other_names),
                item.since.isoformat(),
                "|".join(item.recognised_by),
                "|".join(item.occupations),
                "|".join(item.charges),
                item.status,
            ]
        )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="political-prisoners-{day}.csv"'},
    )


@router.get("/list.json")
def list_json(request: Request, registry: RegistryDep, as_of: str | None = None) -> Response:
    """The public list as JSON (the body of /api/v1/list, as a download)."""
    day = day_param(as_of)
    return Response(
        list_body(request, registry, day),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="political-prisoners-{day}.json"'},
    )


@router.get("/search")
def search(q: Text = "") -> RedirectResponse:
    """Old-style search links land on the list with the query."""
    return RedirectResponse(f"/?q={q}", status_code=303)


@router.get("/persons/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, registry: RegistryDep, person_id: str) -> Response:
    """A person: names in every script, status, sentence arithmetic, cases, sourced timeline."""
    view = file_view(registry, person_id, today_utc(), PUBLIC)
    return render(request, "person.html", view=view, editor=False)


@router.get("/persons/{person_id}/sources/{source_id}", response_class=HTMLResponse)
def source_page(
    request: Request, registry: RegistryDep, person_id: str, source_id: str
) -> Response:
    """A source as cited in a person's file: where it is from and the quoted spans."""
    from habeas.web.view import PUBLIC_TEXT_KINDS

    person, source, cited = source_view(registry, person_id, source_id, PUBLIC)
    context = context_for(source, PUBLIC)
    spans = [(event, citation, span_of(source, citation, context)) for event, citation in cited]
    return render(
        request,
        "source.html",
        person=person,
        source=source,
        spans=spans,
        full_text=source.kind in PUBLIC_TEXT_KINDS,
    )


@router.get("/statistics", response_class=HTMLResponse)
def statistics(request: Request, registry: RegistryDep, as_of: str | None = None) -> Response:
    """Charts with a CSV beside each."""
    day = day_param(as_of)
    today = today_utc()
    cache: ChartCache = request.app.state.charts
    charts = [cache.chart(registry, name, PUBLIC, day, today) for name in CHARTS]
    return render(request, "statistics.html", charts=charts, as_of=day)


def _chart_name(name: str) -> str:
    if name not in CHARTS:
        raise NotFound(f'No chart "{name}". Charts: {", ".join(CHARTS)}.')
    return name


@router.get("/statistics/{name}.svg")
def chart_svg(
    request: Request, registry: RegistryDep, name: str, as_of: str | None = None
) -> Response:
    """One chart as an SVG image."""
    cache: ChartCache = request.app.state.charts
    drawn = cache.chart(registry, _chart_name(name), PUBLIC, day_param(as_of), today_utc())
    return Response(drawn.svg, media_type="image/svg+xml")


@router.get("/statistics/{name}.csv")
def chart_csv(
    request: Request, registry: RegistryDep, name: str, as_of: str | None = None
) -> Response:
    """One chart's numbers as CSV."""
    cache: ChartCache = request.app.state.charts
    drawn = cache.chart(registry, _chart_name(name), PUBLIC, day_param(as_of), today_utc())
    return Response(
        drawn.csv(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@router.get("/lists", response_class=HTMLResponse)
def lists(request: Request, registry: RegistryDep) -> Response:
    """Every published list, newest first."""
    published = registry.publications()
    withheld = withheld_among(registry, (m.person_id for p in published for m in p.members))
    items = [PublicationOut.from_domain(p, withheld) for p in reversed(published)]
    return render(request, "lists.html", items=items)


@router.get("/lists/{number}.json")
def published_json(registry: RegistryDep, number: int) -> Response:
    """One published list as JSON."""
    published = registry.publication(number)
    withheld = withheld_among(registry, (m.person_id for m in published.members))
    item = PublicationOut.from_domain(published, withheld, True)
    return Response(item.model_dump_json(indent=1), media_type="application/json")


@router.get("/lists/{number}.csv")
def published_csv(registry: RegistryDep, number: int) -> Response:
    """One published list as CSV."""
    published = registry.publication(number)
    withheld = withheld_among(registry, (m.person_id for m in published.members))
    item = PublicationOut.from_domain(published, withheld, True)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["person_id", "name", "since", "organisations"])
    for m in item.members or []:
        writer.writerow([m.person_id, m.name, m.since.isoformat(), "|".join(m.organisations)])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8")


@router.get("/lists/{number}", response_class=HTMLResponse)
def published(request: Request, registry: RegistryDep, number: int) -> Response:
    """One published list exactly as frozen, at a stable, citable address."""
    published = registry.publication(number)
    withheld = withheld_among(registry, (m.person_id for m in published.members))
    item = PublicationOut.from_domain(published, withheld, True)
    return render(request, "published.html", item=item)


@router.get("/lists/{number}/changes", response_class=HTMLResponse)
def changes(
    request: Request, registry: RegistryDep, number: int, since: int | None = None
) -> Response:
    """What changed since the previous published list (or since list `since`)."""
    current = registry.publication(number)
    before = since if since is not None else number - 1
    if before < 1:
        raise InvalidRecord(
            f"List {number} is the first; there is nothing to compare.", {"since": "none"}
        )
    earlier = registry.publication(before)
    found = registry.publication_diff(before, number)
    withheld = withheld_among(
        registry,
        [c.person_id for c in found]
        + [m.person_id for m in current.members]
        + [m.person_id for m in earlier.members],
    )
    diff = [
        replace(c, explanation=public_explanation(registry, c))
        for c in found
        if c.person_id not in withheld
    ]
    return render(
        request,
        "changes.html",
        a=PublicationOut.from_domain(earlier, withheld),
        b=PublicationOut.from_domain(current, withheld),
        changes=diff,
    )


@router.get("/decrees", response_class=HTMLResponse)
def decrees(request: Request, registry: RegistryDep) -> Response:
    """Stored pardon and amnesty decrees."""
    return render(request, "decrees.html", decrees=list(reversed(registry.decrees())))


@router.get("/decrees/{decree_id}", response_class=HTMLResponse)
def decree(request: Request, registry: RegistryDep, decree_id: str) -> Response:
    """What a decree did to the political prisoners held on its date."""
    checked = check_decree(registry, decree_id)
    named = [i.person_id for i in (*checked.included, *checked.not_included)]
    report = DecreeReportOut.from_report(checked, withheld_among(registry, named))
    return render(request, "decree.html", report=report)


@router.get("/officials", response_class=HTMLResponse)
def officials(request: Request, registry: RegistryDep, by: str = "cases") -> Response:
    """Judges, prosecutors and investigators ranked by political cases or prison years."""
    cache: ListCache = request.app.state.lists
    ranked = cache.get(
        ("officials", by, registry.last_audit_seq()),
        lambda: [r for r in rank_officials(registry, by=by, reader=PUBLIC) if not r.person.risk],
    )
    return render(request, "officials.html", ranked=ranked, by=by)


@router.get("/officials/{person_id}", response_class=HTMLResponse)
def official(request: Request, registry: RegistryDep, person_id: str) -> Response:
    """An official's cases with outcomes and sources (public fields only)."""
    person = registry.get_person(person_id)
    if hidden(person, PUBLIC):
        raise NotFound(f'No person with id "{person_id}".')
    record = official_record(registry, person_id, reader=PUBLIC)
    return render(request, "official.html", record=record)


@router.get("/about/api", response_class=HTMLResponse)
def api_page(request: Request) -> Response:
    """How to use the JSON API."""
    return render(request, "api.html")

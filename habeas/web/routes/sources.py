"""Editor forms for sources: articles, decrees, court documents, testimony, with hashed text."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from habeas.domain.dates import parse_partial_date
from habeas.domain.source import Source, SourceKind, source_id_for_url
from habeas.exceptions import InvalidRecord
from habeas.storage.registry import ChangeSet
from habeas.web.auth import EditorDep, RegistryDep, check_csrf, now
from habeas.web.forms import Field, form_errors
from habeas.web.render import render

router = APIRouter(include_in_schema=False)


def _source_values(source: Source | None) -> dict[str, str]:
    if source is None:
        return dict.fromkeys(("id", "title", "publisher", "published", "url", "text"), "") | {
            "kind": SourceKind.ARTICLE.value
        }
    return {
        "id": source.id,
        "title": source.title,
        "kind": source.kind.value,
        "publisher": source.publisher,
        "published": source.published.isoformat() if source.published else "",
        "url": source.urls[0] if source.urls else "",
        "text": source.text,
    }


def _source_form(
    request: Request, values: dict[str, str], *, error: str = "", status: int = 200
) -> Response:
    return render(
        request,
        "source_form.html",
        status_code=status,
        values=values,
        kinds=[k.value for k in SourceKind],
        error=error,
    )


@router.get("/editor/sources/new", response_class=HTMLResponse)
def new_source(request: Request, session: EditorDep) -> Response:
    """The form to add a source (article, decree, court document, testimony...)."""
    return _source_form(request, _source_values(None))


@router.get("/editor/sources/{source_id}/edit", response_class=HTMLResponse)
def edit_source(
    request: Request, registry: RegistryDep, session: EditorDep, source_id: str
) -> Response:
    """The form to correct a source."""
    return _source_form(request, _source_values(registry.get_source(source_id)))


@router.post("/editor/sources")
def save_source(
    request: Request,
    registry: RegistryDep,
    session: EditorDep,
    title: Field,
    url: Field = "",
    id: Field = "",
    kind: Field = "article",
    publisher: Field = "",
    published: Field = "",
    text: Annotated[str, Form(max_length=2_000_000)] = "",
    reason: Field = "",
    csrf: Field = "",
) -> Response:
    """Add or correct a source; its archived text is hashed, so copies can be checked.
    Its id defaults to the one `habeas import` derives from the address."""
    check_csrf(session, csrf)
    values = {
        "id": id.strip(),
        "title": title.strip(),
        "kind": kind,
        "publisher": publisher.strip(),
        "published": published.strip(),
        "url": url.strip(),
        "text": text,
    }
    try:
        if not values["id"] and not values["url"]:
            raise InvalidRecord("Give an address or an id.", {"url": "missing"})
        source_id = values["id"] or source_id_for_url(values["url"])
        try:
            source_kind = SourceKind(kind)
        except ValueError:
            raise InvalidRecord(f'kind "{kind}" is unknown', {"kind": "unknown"}) from None
        try:
            when = parse_partial_date(values["published"]) if values["published"] else None
        except ValueError as exc:
            raise InvalidRecord(f"published: {exc}", {"published": str(exc)}) from None
        source = Source(
            id=source_id,
            title=values["title"],
            kind=source_kind,
            publisher=values["publisher"],
            published=when,
            urls=(values["url"],) if values["url"] else (),
            text=values["text"].replace("\r\n", "\n"),
        ).with_hash()
        why = reason.strip() or "source saved from the web"
        registry.apply(ChangeSet(sources=[source]), actor=session.user.name, at=now(), reason=why)
    except InvalidRecord as exc:
        message, _ = form_errors(exc)
        return _source_form(request, values, error=message, status=422)
    return RedirectResponse(f"/editor/sources/{source_id}/edit?saved=1", status_code=303)

"""The editor side: sign-in (password, optional TOTP), review queue, audit log, records."""

from __future__ import annotations

import hmac
import json
import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Annotated
from urllib.parse import quote

import pyotp
from fastapi import APIRouter, Form, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from habeas.domain.dates import parse_partial_date
from habeas.domain.proposal import Proposal, ProposalStatus
from habeas.exceptions import ConfigError, InvalidRecord, NotFound
from habeas.storage.registry import ChangeSet
from habeas.storage.users import Role
from habeas.web.auth import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    AdminDep,
    EditorDep,
    Forbidden,
    LoginRequired,
    RegistryDep,
    ViewerDep,
    check_csrf,
    check_login_csrf,
    cookie_options,
    current_session,
    new_login_csrf,
    now,
    pending_session,
    reader_of,
)
from habeas.web.render import render
from habeas.web.view import Span, file_view, span_of, today_utc

log = logging.getLogger("habeas.web")
router = APIRouter(include_in_schema=False)
FormText = Annotated[str, Form(max_length=2000)]


def _safe_next(target: str) -> str:
    """Only same-site paths are followed after sign-in (no open redirect)."""
    plain = all(c.isprintable() and not c.isspace() for c in target)
    if plain and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/editor/review"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _login_form(request: Request, next_path: str, error: str = "", status: int = 200) -> Response:
    token = new_login_csrf()
    response = render(
        request, "login.html", status_code=status, login_csrf=token, next=next_path, error=error
    )
    options = cookie_options(request)
    options["max_age"] = 3600
    response.set_cookie(LOGIN_CSRF_COOKIE, token, **options)  # type: ignore[arg-type]
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/editor/review") -> Response:
    """The sign-in form."""
    if current_session(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _login_form(request, _safe_next(next))


@router.post("/login")
def login(
    request: Request,
    registry: RegistryDep,
    name: FormText,
    password: FormText,
    csrf: FormText = "",
    next: FormText = "/editor/review",
) -> Response:
    """Check name and password (throttled after repeated failures), then open a session."""
    check_login_csrf(request, csrf)
    try:
        user = registry.check_login(name, password, address=_client(request), at=now())
    except InvalidRecord as exc:
        return _login_form(request, _safe_next(next), str(exc), status=401)
    token, _ = registry.open_session(user, at=now(), verified=not user.totp)
    target = _safe_next(next)
    if user.totp:
        target = f"/login/totp?next={quote(target)}"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, token, **cookie_options(request))  # type: ignore[arg-type]
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.get("/login/totp", response_class=HTMLResponse)
def totp_page(request: Request, next: str = "/editor/review") -> Response:
    """The second-factor form (a six-digit code from an authenticator app)."""
    found = pending_session(request)
    if found is None:
        return RedirectResponse("/login", status_code=303)
    return render(request, "totp.html", pending_csrf=found.csrf, next=_safe_next(next), error="")


def _totp_step(secret: str, code: str) -> int | None:
    """The time step (now, or one step either side for clock drift) whose code is `code`."""
    totp = pyotp.TOTP(secret)
    moment = datetime.now(UTC)
    for offset in (0, -1, 1):
        when = moment + timedelta(seconds=offset * totp.interval)
        if hmac.compare_digest(totp.at(when), code):
            return int(totp.timecode(when))
    return None


@router.post("/login/totp")
def totp(
    request: Request,
    registry: RegistryDep,
    code: FormText,
    csrf: FormText = "",
    next: FormText = "/editor/review",
) -> Response:
    """Check the TOTP code; a wrong code counts as a failed login."""
    found = pending_session(request)
    if found is None:
        return RedirectResponse("/login", status_code=303)
    check_csrf(found, csrf)
    secret = registry.totp_secret(found.user.id)  # a missing key fails here, not as a guess
    attempt = registry.claim_second_factor(found.user.name, _client(request), now())
    step = _totp_step(secret, code.strip()) if secret else None
    if step is None or not registry.claim_totp_step(found.user.id, step):
        return render(
            request,
            "totp.html",
            status_code=401,
            pending_csrf=found.csrf,
            next=_safe_next(next),
            error="That code is not valid. Use the current code from your authenticator app.",
        )
    registry.second_factor_passed(found.user.name, attempt)
    try:
        registry.seal_totp_secret(found.user.id)  # one stored before sealing existed
    except ConfigError as exc:  # signing in matters more; sealing waits for a usable key
        log.warning("second-factor secret of %s left unsealed: %s", found.user.name, exc)
    # A new session token once fully signed in: the half-signed one is dropped.
    registry.close_session(request.cookies.get(SESSION_COOKIE, ""))
    token, _ = registry.open_session(found.user, at=now(), verified=True)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, **cookie_options(request))  # type: ignore[arg-type]
    return response


@router.post("/logout")
def logout(request: Request, registry: RegistryDep, csrf: FormText = "") -> Response:
    """Sign out, or cancel a sign-in waiting for its second factor: the stored session is
    deleted and the cookie cleared."""
    session = current_session(request) or pending_session(request)
    if session is None:
        raise LoginRequired("Sign in first.")
    check_csrf(session, csrf)
    registry.close_session(request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/editor")
def editor_home(session: ViewerDep) -> Response:
    """The editor side starts at the review queue."""
    return RedirectResponse("/editor/review", status_code=303)


# ---------------------------------------------------------------------------- review


def _evidence(registry: RegistryDep, proposal: Proposal) -> list[tuple[str, str, Span | None]]:
    shown: list[tuple[str, str, Span | None]] = []
    for citation in proposal.evidence:
        try:
            source = registry.get_source(citation.source_id)
        except NotFound:
            shown.append((citation.source_id, citation.source_id, None))
            continue
        shown.append((source.id, source.title, span_of(source, citation)))
    return shown


@router.get("/editor/review", response_class=HTMLResponse)
def review_queue(
    request: Request,
    registry: RegistryDep,
    session: ViewerDep,
    status: ProposalStatus = ProposalStatus.PENDING,
) -> Response:
    """Every proposal in one state, with evidence and the score's explanation."""
    items = registry.proposals(status)
    ids = sorted({p.person_id for p in items if p.person_id})
    names = {p.id: p.name for p in registry.persons(ids)} if ids else {}
    evidence = {p.id: _evidence(registry, p) for p in items}
    return render(
        request,
        "review.html",
        items=items,
        names=names,
        evidence=evidence,
        status=status.value,
        may_review=session.user.may(Role.EDITOR),
        done=request.query_params.get("done", ""),
    )


@router.get("/editor/review/{proposal_id}", response_class=HTMLResponse)
def review_item(
    request: Request, registry: RegistryDep, session: ViewerDep, proposal_id: str
) -> Response:
    """One proposal with its evidence."""
    proposal = registry.get_proposal(proposal_id)
    names = {}
    if proposal.person_id:
        names = {p.id: p.name for p in registry.persons([proposal.person_id])}
    return render(
        request,
        "review.html",
        items=[proposal],
        names=names,
        evidence={proposal.id: _evidence(registry, proposal)},
        status=proposal.status.value,
        may_review=session.user.may(Role.EDITOR),
        done="",
    )


@router.post("/editor/review/{proposal_id}/accept")
def accept(
    registry: RegistryDep,
    session: EditorDep,
    proposal_id: str,
    csrf: FormText = "",
    reason: FormText = "",
    date: FormText = "",
    same_person: FormText = "",
) -> Response:
    """Accept: the proposal's events and names are written with the audit entry. A changed
    date (edit-then-accept) is recorded in the same transaction as a correction of the
    accepted event: both land, or neither."""
    check_csrf(session, csrf)
    proposal = registry.get_proposal(proposal_id)
    new_date = None
    if date.strip():
        try:
            new_date = parse_partial_date(date)
        except ValueError as exc:
            raise InvalidRecord(f"date: {exc}", {"date": str(exc)}) from None
    corrections = None
    reason_edited = ""
    if new_date is not None and proposal.events and proposal.events[0].date != new_date:
        first = proposal.events[0]
        corrected = replace(first, date=new_date, recorded_at=None, recorded_by="", reason="")
        corrections = ChangeSet(events=[corrected])
        reason_edited = (
            f"edited on acceptance of proposal {proposal_id}: date {first.date} -> {new_date}"
        )
    registry.accept(
        proposal_id,
        actor=session.user.name,
        at=now(),
        reason=reason.strip(),
        same_person=bool(same_person),
        corrections=corrections,
        correction_reason=reason_edited,
    )
    return RedirectResponse(f"/editor/review?done=accepted+{quote(proposal_id)}", status_code=303)


@router.post("/editor/review/{proposal_id}/reject")
def reject(
    registry: RegistryDep,
    session: EditorDep,
    proposal_id: str,
    csrf: FormText = "",
    reason: FormText = "",
) -> Response:
    """Reject with a reason; the same person and evidence are never proposed again."""
    check_csrf(session, csrf)
    registry.reject(proposal_id, actor=session.user.name, at=now(), reason=reason.strip())
    return RedirectResponse(f"/editor/review?done=rejected+{quote(proposal_id)}", status_code=303)


# ---------------------------------------------------------------------------- audit


def _state(text: str | None) -> str:
    if text is None:
        return ""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=1, sort_keys=True)
    except ValueError:
        return text


@router.get("/editor/audit", response_class=HTMLResponse)
def audit_log(
    request: Request,
    registry: RegistryDep,
    session: ViewerDep,
    entity: Annotated[str, Query(max_length=32)] = "",
    entity_id: Annotated[str, Query(max_length=64)] = "",
    actor: Annotated[str, Query(max_length=64)] = "",
    limit: Annotated[int, Query(ge=1, le=5000)] = 200,
    verify: bool = False,
) -> Response:
    """The audit trail, newest first, filterable per record and per user; `verify` walks
    the whole hash chain (editors only: it reads every entry)."""
    if verify and not session.user.may(Role.EDITOR):
        name, role = session.user.name, session.user.role.value
        raise Forbidden(f'Verifying the audit chain needs the "editor" role; {name} is "{role}".')
    total, shown = registry.find_audit(entity=entity, entity_id=entity_id, actor=actor, limit=limit)
    if not session.user.may(Role.EDITOR):
        # Before/after states hold every field, restricted ones included.
        states = {e.seq: ("", "") for e in shown}
    else:
        states = {e.seq: (_state(e.before), _state(e.after)) for e in shown}
    return render(
        request,
        "audit.html",
        entries=shown,
        total=total,
        states=states,
        params={"entity": entity, "entity_id": entity_id, "actor": actor},
        verified=verify,
        chain=registry.verify_audit() if verify else None,
    )


# ---------------------------------------------------------------------------- records


@router.get("/editor/persons/{person_id}", response_class=HTMLResponse)
def person_record(
    request: Request, registry: RegistryDep, session: ViewerDep, person_id: str
) -> Response:
    """A person's file with the fields the user's role may read, and every event version."""
    view = file_view(registry, person_id, today_utc(), reader_of(session.user), history=True)
    return render(
        request, "person.html", view=view, editor=True, may_edit=session.user.may(Role.EDITOR)
    )


# ---------------------------------------------------------------------------- users


@router.get("/editor/users", response_class=HTMLResponse)
def users(request: Request, registry: RegistryDep, session: AdminDep) -> Response:
    """Accounts (admins only)."""
    return render(
        request, "users.html", users=registry.users(), error="", roles=[r.value for r in Role]
    )


@router.post("/editor/users")
def add_user(
    request: Request,
    registry: RegistryDep,
    session: AdminDep,
    name: FormText,
    password: FormText,
    role: FormText,
    csrf: FormText = "",
) -> Response:
    """Create an account (admins only)."""
    check_csrf(session, csrf)
    try:
        chosen = Role(role)
    except ValueError:
        raise InvalidRecord(f'Role "{role}" does not exist.', {"role": "unknown"}) from None
    if not session.user.may(Role.ADMIN):
        raise Forbidden("Only admins add users.")
    try:
        registry.add_user(name, chosen, password, actor=session.user.name, at=now())
    except InvalidRecord as exc:
        return render(
            request,
            "users.html",
            status_code=422,
            users=registry.users(),
            error=str(exc),
            roles=[r.value for r in Role],
        )
    return RedirectResponse("/editor/users", status_code=303)

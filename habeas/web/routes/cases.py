"""Editor forms for cases: defendants, charges, court and the officials in them."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from habeas.domain.case import Case, CaseOfficial, Charge, OfficialRole
from habeas.domain.visibility import Visibility
from habeas.exceptions import InvalidRecord, NotFound
from habeas.storage.registry import ChangeSet
from habeas.web.auth import EditorDep, RegistryDep, check_csrf, now
from habeas.web.forms import VISIBILITIES, Field, form_errors
from habeas.web.render import render

router = APIRouter(include_in_schema=False)


def _case_values(case: Case | None) -> dict[str, str]:
    if case is None:
        return dict.fromkeys(
            (
                "id",
                "title",
                "court",
                "defendants",
                "charges",
                "judge",
                "prosecutor",
                "investigator",
            ),
            "",
        ) | {"visibility": Visibility.PUBLIC.value}
    values = {
        "id": case.id,
        "title": case.title,
        "court": case.court,
        "defendants": "|".join(case.defendants),
        "charges": "|".join(
            f"{c.article} — {c.name}" if c.name else c.article for c in case.charges
        ),
        "visibility": case.visibility.value,
    }
    for role in ("judge", "prosecutor", "investigator"):
        values[role] = "|".join(o.person_id for o in case.officials if o.role.value == role)
    return values


def _case_form(
    request: Request, values: dict[str, str], *, error: str = "", status: int = 200
) -> Response:
    return render(
        request,
        "case_form.html",
        status_code=status,
        values=values,
        visibilities=VISIBILITIES,
        error=error,
    )


def _ids(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in text.split("|") if part.strip()))


def _charge(text: str) -> Charge:
    """ "274 — high treason", "274: high treason", "Art. 274" or "274"."""
    for separator in ("—", " - ", ":"):
        if separator in text:
            head, name = text.split(separator, 1)
            break
    else:
        head, name = text, ""
    article = head.strip().removeprefix("Art.").removeprefix("art.").strip()
    if not article:
        raise InvalidRecord(f'charge "{text}" has no article number', {"charges": text})
    return Charge(article, name.strip())


@router.get("/editor/cases/new", response_class=HTMLResponse)
def new_case(request: Request, session: EditorDep) -> Response:
    """The form to add a case."""
    return _case_form(request, _case_values(None))


@router.get("/editor/cases/{case_id}/edit", response_class=HTMLResponse)
def edit_case(
    request: Request, registry: RegistryDep, session: EditorDep, case_id: str
) -> Response:
    """The form to correct a case."""
    found = [c for c in registry.cases() if c.id == case_id]
    if not found:
        raise NotFound(f'No case with id "{case_id}".')
    return _case_form(request, _case_values(found[0]))


@router.post("/editor/cases")
def save_case(
    request: Request,
    registry: RegistryDep,
    session: EditorDep,
    id: Field,
    title: Field,
    court: Field = "",
    defendants: Field = "",
    charges: Field = "",
    judge: Field = "",
    prosecutor: Field = "",
    investigator: Field = "",
    visibility: Field = "public",
    reason: Field = "",
    csrf: Field = "",
) -> Response:
    """Add or correct a case: defendants, charges, court and officials (persons by id)."""
    check_csrf(session, csrf)
    values = {
        "id": id.strip(),
        "title": title.strip(),
        "court": court.strip(),
        "defendants": defendants.strip(),
        "charges": charges.strip(),
        "judge": judge.strip(),
        "prosecutor": prosecutor.strip(),
        "investigator": investigator.strip(),
        "visibility": visibility,
    }
    try:
        try:
            seen = Visibility(visibility)
        except ValueError:
            raise InvalidRecord(
                f'visibility "{visibility}" is unknown', {"visibility": "unknown"}
            ) from None
        officials = tuple(
            CaseOfficial(pid, OfficialRole(role))
            for role in ("judge", "prosecutor", "investigator")
            for pid in _ids(values[role])
        )
        try:
            case = Case(
                id=values["id"],
                title=values["title"],
                defendants=_ids(values["defendants"]),
                charges=tuple(_charge(c) for c in values["charges"].split("|") if c.strip()),
                court=values["court"],
                officials=officials,
                visibility=seen,
            )
        except ValueError as exc:
            raise InvalidRecord(str(exc), {"id": str(exc)}) from None
        changes = ChangeSet(cases=[case], origins={f"case:{case.id}": "case form"})
        why = reason.strip() or "case saved from the web"
        registry.apply(changes, actor=session.user.name, at=now(), reason=why)
    except InvalidRecord as exc:
        message, _ = form_errors(exc)
        return _case_form(request, values, error=message, status=422)
    return RedirectResponse(f"/editor/cases/{values['id']}/edit?saved=1", status_code=303)

"""Rendering pages: one Jinja2 environment with autoescaping, shared page context."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from habeas.domain.sentence import format_term
from habeas.web.auth import current_session

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def _query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from `params` with `changes` applied, empty values dropped."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _days(n: int | None) -> str:
    if n is None:
        return ""
    years, rest = divmod(n, 365)
    return (f"{years} y " if years else "") + f"{rest} d"


def _web_url(value: str) -> bool:
    """True for http(s) addresses: only those become links (never javascript: or data:)."""
    return value.lower().startswith(("https://", "http://"))


def make_templates() -> Jinja2Templates:
    """The page templates (autoescaped: names and sources are shown as text, never markup)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["query"] = _query
    env.filters["term"] = lambda months: format_term(months or 0)
    env.filters["days"] = _days
    env.tests["web_url"] = _web_url
    env.filters["svg"] = Markup  # only for SVG built by habeas.web.charts, which escapes text
    return Jinja2Templates(env=env)


def render_anonymous(request: Request, name: str, **context: Any) -> bytes:
    """A page as a signed-out reader sees it, as bytes (for pages cached per registry state)."""
    templates: Jinja2Templates = request.app.state.templates
    page = templates.get_template(name).render(
        {"request": request, "session": None, "csrf": "", **context}
    )
    return page.encode("utf-8")


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page rendered with the signed-in session (if any) in its context."""
    templates: Jinja2Templates = request.app.state.templates
    session = current_session(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"session": session, "csrf": session.csrf if session else "", **context},
        status_code=status_code,
    )
    return response

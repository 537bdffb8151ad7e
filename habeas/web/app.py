"""create_app: the web app (public pages, editor side, JSON API) over one registry."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from habeas.exceptions import HabeasError, InvalidRecord
from habeas.settings import load_settings
from habeas.storage.sql import SqlRegistry
from habeas.storage.users import TooManyAttempts
from habeas.web.auth import SESSION_COOKIE, LoginRequired, WebContext
from habeas.web.render import STATIC, make_templates, render
from habeas.web.routes import api, cases, editor, public, records, sources
from habeas.web.stats import ChartCache
from habeas.web.view import ListCache

log = logging.getLogger("habeas.web")

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


class SecurityHeaders:
    """Adds the security headers to every answer (plain ASGI: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = str(scope["path"]).startswith(("/editor", "/login", "/api/v1/proposals"))
        # A page rendered for a signed-in browser carries its CSRF token: never cache it.
        cookies = b"; ".join(v for k, v in scope.get("headers", ()) if k == b"cookie")
        private = private or SESSION_COOKIE.encode() + b"=" in cookies

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    headers.setdefault(key, value)
                if private:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/healthz"


def _error(request: Request, status: int, detail: str, errors: dict[str, str]) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": detail, "errors": errors}, status_code=status)
    return render(
        request, "error.html", status_code=status, status=status, detail=detail, errors=errors
    )


def create_app(db_url: str, *, secure_cookies: bool = False) -> FastAPI:
    """The habeas web app over the registry at `db_url` (migrated to the current schema)."""
    app = FastAPI(
        title="habeas",
        version="1",
        description=(
            "A sourced registry of political prisoners. Read endpoints are public and show "
            "public fields only; write endpoints need a bearer token (habeas user token NAME)."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.ctx = WebContext(SqlRegistry(db_url), secure_cookies)
    app.state.templates = make_templates()
    app.state.lists = ListCache()
    app.state.charts = ChartCache(app.state.lists)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api.router)
    app.include_router(records.router)
    app.include_router(cases.router)
    app.include_router(sources.router)
    app.include_router(editor.router)
    app.include_router(public.router)

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if _wants_json(request):
            return _error(request, 401, str(exc), {})
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={target}", status_code=303)

    @app.exception_handler(TooManyAttempts)
    async def throttled(request: Request, exc: TooManyAttempts) -> Response:
        response = _error(request, 429, str(exc), {})
        response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(HabeasError)
    async def habeas_error(request: Request, exc: HabeasError) -> Response:
        errors = exc.errors if isinstance(exc, InvalidRecord) else {}
        status = exc.status_code
        if status >= 500:
            log.exception("error serving %s", request.url.path, exc_info=exc)
            return _error(request, status, "Internal error; the server log has the details.", {})
        return _error(request, status, str(exc), errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail) if exc.status_code != 404 else f"Nothing at {request.url.path}."
        response = _error(request, exc.status_code, detail, {})
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors: dict[str, str] = {}
        for item in exc.errors():
            where = ".".join(str(p) for p in item.get("loc", ())[1:]) or "request"
            errors[where] = str(item.get("msg", "invalid"))
        detail = "; ".join(f"{k}: {v}" for k, v in errors.items()) or "Invalid request."
        return _error(request, 422, detail, errors)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path, exc_info=exc)
        return _error(request, 500, "Internal error; the server log has the details.", {})

    return app


def app_from_settings() -> FastAPI:
    """The app for `habeas serve`: database and cookie settings from the environment
    (HABEAS_DB, HABEAS_SECURE_COOKIES), as uvicorn's factory."""
    settings = load_settings()
    return create_app(settings.db_url, secure_cookies=settings.secure_cookies)

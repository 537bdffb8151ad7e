"""Who is asking: browser sessions (cookie + CSRF) and API bearer tokens, and their roles."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from habeas.domain.visibility import Visibility
from habeas.exceptions import HabeasError
from habeas.storage.sql import SqlRegistry
from habeas.storage.users import SESSION_TTL, Role, User, WebSession

SESSION_COOKIE = "habeas_session"
LOGIN_CSRF_COOKIE = "habeas_login_csrf"


class LoginRequired(HabeasError):
    """A page needs a signed-in user; the browser is sent to the login page."""

    status_code = 401


class Forbidden(HabeasError):
    """The signed-in user's role does not allow this."""

    status_code = 403


class Unauthorized(HabeasError):
    """An API call without a valid bearer token."""

    status_code = 401


@dataclass
class WebContext:
    """What every request shares: the registry and the app's settings."""

    registry: SqlRegistry
    secure_cookies: bool


def now() -> datetime:
    """The current time, naive UTC (as stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


def context(request: Request) -> WebContext:
    """The app's shared context."""
    ctx: WebContext = request.app.state.ctx
    return ctx


def registry(request: Request) -> SqlRegistry:
    """The registry the app serves."""
    return context(request).registry


RegistryDep = Annotated[SqlRegistry, Depends(registry)]


def current_session(request: Request) -> WebSession | None:
    """The signed-in session behind the cookie (second factor passed), or None."""
    cached: WebSession | None = getattr(request.state, "web_session", None)
    if cached is not None:
        return cached
    token = request.cookies.get(SESSION_COOKIE, "")
    if not token:
        return None
    found = registry(request).session(token, at=now())
    if found is None or not found.verified:
        return None
    request.state.web_session = found
    return found


def pending_session(request: Request) -> WebSession | None:
    """A session waiting for its second factor, or None."""
    token = request.cookies.get(SESSION_COOKIE, "")
    found = registry(request).session(token, at=now()) if token else None
    return found if found is not None and not found.verified else None


def reader_of(user: User | None) -> Visibility:
    """The visibility a user reads: public when signed out, internal for viewers,
    restricted for editors and admins."""
    if user is None:
        return Visibility.PUBLIC
    return Visibility.RESTRICTED if user.may(Role.EDITOR) else Visibility.INTERNAL


def require_session(request: Request, role: Role = Role.VIEWER) -> WebSession:
    """The signed-in session whose user holds `role`; LoginRequired or Forbidden otherwise."""
    found = current_session(request)
    if found is None:
        raise LoginRequired("Sign in to see this page.")
    if not found.user.may(role):
        raise Forbidden(
            f'This needs the "{role.value}" role; {found.user.name} is "{found.user.role.value}".'
        )
    return found


def viewer_session(request: Request) -> WebSession:
    """Dependency: a signed-in viewer, editor or admin."""
    return require_session(request, Role.VIEWER)


def editor_session(request: Request) -> WebSession:
    """Dependency: a signed-in editor or admin."""
    return require_session(request, Role.EDITOR)


def admin_session(request: Request) -> WebSession:
    """Dependency: a signed-in admin."""
    return require_session(request, Role.ADMIN)


ViewerDep = Annotated[WebSession, Depends(viewer_session)]
EditorDep = Annotated[WebSession, Depends(editor_session)]
AdminDep = Annotated[WebSession, Depends(admin_session)]


def check_csrf(session: WebSession, submitted: str) -> None:
    """Forbidden unless the form carries the session's CSRF token."""
    if not submitted or not hmac.compare_digest(submitted, session.csrf):
        raise Forbidden("The form's security token is missing or stale. Reload the page and retry.")


def new_login_csrf() -> str:
    """A fresh token for the login form (double-submit: cookie and hidden field)."""
    return secrets.token_urlsafe(32)


def check_login_csrf(request: Request, submitted: str) -> None:
    """Forbidden unless the login form's token equals its cookie."""
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        raise Forbidden("The form's security token is missing or stale. Reload the page and retry.")


def cookie_options(request: Request) -> dict[str, object]:
    """HttpOnly, SameSite=Strict, and Secure when served over HTTPS or told so."""
    secure = context(request).secure_cookies or request.url.scheme == "https"
    return {
        "httponly": True,
        "samesite": "strict",
        "secure": secure,
        "path": "/",
        "max_age": int(SESSION_TTL.total_seconds()),
    }


def token_user(request: Request, role: Role) -> User:
    """The user behind the request's bearer token, holding `role`."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(
            "This endpoint needs a bearer token: Authorization: Bearer TOKEN "
            "(issue one with: habeas user token NAME)."
        )
    user = registry(request).user_for_token(token.strip(), at=now())
    if user is None:
        raise Unauthorized("The bearer token is unknown or revoked.")
    if not user.may(role):
        raise Forbidden(f'This needs the "{role.value}" role; {user.name} is "{user.role.value}".')
    return user


def api_viewer(request: Request) -> User:
    """Dependency: a token of a viewer, editor or admin."""
    return token_user(request, Role.VIEWER)


def api_editor(request: Request) -> User:
    """Dependency: a token of an editor or admin."""
    return token_user(request, Role.EDITOR)


ApiViewerDep = Annotated[User, Depends(api_viewer)]
ApiEditorDep = Annotated[User, Depends(api_editor)]

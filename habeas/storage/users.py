"""Web accounts: users with roles, argon2 password hashes, sessions, API tokens, throttling."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.exc import OperationalError

from habeas.domain.audit import AuditEntry
from habeas.exceptions import Conflict, HabeasError, InvalidRecord, NotFound
from habeas.storage import tables as t
from habeas.storage.base import SqlBase
from habeas.storage.sealed import is_sealed, seal, unseal
from habeas.storage.unit import AuditWriter, lock_writers

_HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown names (equal timing); made on first sign-in."""
    return _HASHER.hash("habeas: timing-equaliser for unknown user names")


MIN_PASSWORD = 10
"""Shortest password accepted; long passphrases beat complexity rules."""
MAX_FAILURES = 5
"""Failed logins for one name (or from one address) before logins are refused for a while."""
FAILURE_WINDOW = timedelta(minutes=15)
SESSION_TTL = timedelta(hours=12)
SESSION_IDLE = timedelta(minutes=30)  # a session unused this long ends (a shared computer)
SEEN_EVERY = timedelta(minutes=1)  # how often a used session's last use is written down
SECOND_FACTOR_TTL = timedelta(minutes=10)  # a sign-in waiting for its code, at most
TOKEN_PREFIX = "habeas_"


class Role(StrEnum):
    """What a web user may do; each role includes the ones before it."""

    VIEWER = "viewer"
    """Reads internal fields and the review queue."""
    EDITOR = "editor"
    """Also reviews proposals and edits records."""
    ADMIN = "admin"
    """Also manages users."""


_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.ADMIN: 2}


def role_allows(held: Role, needed: Role) -> bool:
    """True when a user holding `held` may do what `needed` requires."""
    return _RANK[held] >= _RANK[needed]


class TooManyAttempts(HabeasError):
    """Logins refused for a while after repeated failures."""

    status_code = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class User:
    """A web account (never carries the password hash out of storage)."""

    id: int
    name: str
    role: Role
    totp: bool
    created_at: datetime
    disabled: bool

    def may(self, needed: Role) -> bool:
        """True when this user's role allows `needed`."""
        return not self.disabled and role_allows(self.role, needed)


@dataclass(frozen=True, slots=True)
class WebSession:
    """A signed-in browser: who, its CSRF token, and whether the second factor passed."""

    user: User
    csrf: str
    verified: bool
    expires_at: datetime


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user(row: Any) -> User:
    return User(
        id=int(row.id),
        name=str(row.name),
        role=Role(row.role),
        totp=bool(row.totp_secret),
        created_at=row.created_at,
        disabled=bool(row.disabled),
    )


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidRecord(
            f"The password is too short ({len(password)} characters); use at least "
            f"{MIN_PASSWORD}, a passphrase of several words is best.",
            {"password": "too short"},
        )


def _failure_keys(name: str, address: str) -> list[str]:
    return [f"user:{name.strip()[:150]}", f"ip:{address[:150]}"]


def _second_factor_keys(name: str, address: str) -> list[str]:
    return [f"totp:{name.strip()[:150]}", f"ip:{address[:150]}"]


def _throttle_keys(name: str, address: str) -> list[str]:
    return [*_failure_keys(name, address), _second_factor_keys(name, address)[0]]


def _refuse_if_throttled(
    conn: Connection, keys: list[str], at: datetime, *, written: Collection[str]
) -> None:
    """TooManyAttempts when a key has MAX_FAILURES failures in the window, not counting the
    attempt just written under the keys in `written`."""
    failures = t.login_failures.c
    for key in dict.fromkeys(keys):
        count, first = conn.execute(
            select(func.count(), func.min(failures.at)).where(
                failures.key == key, failures.at > at - FAILURE_WINDOW
            )
        ).one()
        if count - (key in written) >= MAX_FAILURES:
            wait = int((first + FAILURE_WINDOW - at).total_seconds()) + 1
            raise TooManyAttempts(
                f"Too many failed logins; try again in {max(1, wait // 60 + 1)} minutes.",
                max(1, wait),
            )


def check_user_name(name: str) -> str:
    """A user name stripped; InvalidRecord when empty, too long or with spaces."""
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise InvalidRecord(
            f'User name "{name}" is not valid: use 1 to 64 characters without spaces.',
            {"name": "invalid"},
        )
    return name


class UserStore(SqlBase):
    """Accounts, sessions and API tokens for the web app."""

    # ------------------------------------------------------------------ users

    def add_user(
        self,
        name: str,
        role: Role,
        password: str,
        *,
        actor: str,
        at: datetime,
        totp_secret: str | None = None,
    ) -> User:
        """Create an account with an argon2 hash of `password`; Conflict when the name is taken."""
        name = check_user_name(name)
        _check_password(password)
        hashed = _HASHER.hash(password)
        stored_secret = seal(totp_secret) if totp_secret else None
        with self.engine.begin() as conn:
            lock_writers(conn)
            if conn.execute(select(t.users.c.id).where(t.users.c.name == name)).first():
                raise Conflict(f'A user named "{name}" exists already. See: habeas user list')
            folded = name.casefold()  # in Python: SQLite's lower() knows only ASCII
            for other in conn.execute(select(t.users.c.name)).scalars():
                if other.casefold() == folded:  # "Alice" beside "alice" reads as one person
                    raise Conflict(
                        f'A user named "{other}" exists already; names may not differ only '
                        "in case. See: habeas user list"
                    )
            conn.execute(
                insert(t.users).values(
                    name=name,
                    role=role.value,
                    password_hash=hashed,
                    totp_secret=stored_secret,
                    created_at=at,
                    disabled=False,
                )
            )
            audit = AuditWriter(conn, actor, at, f"add user {name}")
            audit.add("create", "user", name, None, {"role": role.value, "totp": bool(totp_secret)})
            audit.flush()
        return self.get_user(name)

    def users(self) -> list[User]:
        """Every account, by name."""
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(select(t.users).order_by(t.users.c.name))]

    def get_user(self, name: str) -> User:
        """One account by name; NotFound names how to list them."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.users).where(t.users.c.name == name)).first()
        if row is None:
            raise NotFound(f'No user named "{name}". List users with: habeas user list')
        return _user(row)

    def set_password(self, name: str, password: str, *, actor: str, at: datetime) -> None:
        """Replace a user's password; every session of theirs is signed out and every API
        token revoked (a reset after a compromise must close every door)."""
        _check_password(password)
        user = self.get_user(name)
        with self.engine.begin() as conn:
            lock_writers(conn)
            conn.execute(
                update(t.users)
                .where(t.users.c.id == user.id)
                .values(password_hash=_HASHER.hash(password))
            )
            conn.execute(delete(t.web_sessions).where(t.web_sessions.c.user_id == user.id))
            conn.execute(
                update(t.api_tokens).where(t.api_tokens.c.user_id == user.id).values(revoked=True)
            )
            audit = AuditWriter(conn, actor, at, f"new password for {name}")
            audit.add("password", "user", name, None, None)
            audit.flush()

    def set_totp_secret(self, name: str, secret: str | None, *, actor: str, at: datetime) -> None:
        """Give a user a new second-factor secret (sealed), or none; their sessions end, so the
        next sign-in asks for a code from the new secret (a lost phone, a lost key file)."""
        user = self.get_user(name)
        stored = seal(secret) if secret else None
        with self.engine.begin() as conn:
            lock_writers(conn)
            conn.execute(
                update(t.users)
                .where(t.users.c.id == user.id)
                .values(totp_secret=stored, totp_last_step=None)
            )
            conn.execute(delete(t.web_sessions).where(t.web_sessions.c.user_id == user.id))
            audit = AuditWriter(conn, actor, at, f"second factor for {name}")
            audit.add("totp", "user", name, None, {"totp": bool(secret)})
            audit.flush()

    def set_disabled(self, name: str, disabled: bool, *, actor: str, at: datetime) -> None:
        """Disable (or enable again) an account: sessions end and API tokens are revoked."""
        user = self.get_user(name)
        with self.engine.begin() as conn:
            lock_writers(conn)
            conn.execute(update(t.users).where(t.users.c.id == user.id).values(disabled=disabled))
            if disabled:
                conn.execute(delete(t.web_sessions).where(t.web_sessions.c.user_id == user.id))
                conn.execute(
                    update(t.api_tokens)
                    .where(t.api_tokens.c.user_id == user.id)
                    .values(revoked=True)
                )
            audit = AuditWriter(conn, actor, at, f"{'disable' if disabled else 'enable'} {name}")
            audit.add(
                "disable" if disabled else "enable",
                "user",
                name,
                {"disabled": user.disabled},
                {"disabled": disabled},
            )
            audit.flush()

    def claim_totp_step(self, user_id: int, step: int) -> bool:
        """Record `step` as the user's last accepted TOTP time step; False when that step
        or a later one was already used (a code seen once cannot be replayed)."""
        users = t.users.c
        with self.engine.begin() as conn:
            lock_writers(conn)
            done = conn.execute(
                update(t.users)
                .where(users.id == user_id)
                .where(users.totp_last_step.is_(None) | (users.totp_last_step < step))
                .values(totp_last_step=step)
            )
            return bool(done.rowcount)

    def totp_secret(self, user_id: int) -> str | None:
        """The base32 TOTP secret of a user (unsealed), or None without a second factor."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.users.c.totp_secret).where(t.users.c.id == user_id)).first()
        if row is None or not row.totp_secret:
            return None
        return unseal(str(row.totp_secret))

    def seal_totp_secret(self, user_id: int) -> bool:
        """Seal a user's TOTP secret stored before sealing existed; True if it was plain."""
        with self.engine.begin() as conn:
            column = t.users.c.totp_secret
            stored = conn.execute(select(column).where(t.users.c.id == user_id)).scalar()
            if not stored or is_sealed(stored):
                return False
            done = conn.execute(
                update(t.users)
                .where(t.users.c.id == user_id, column == stored)
                .values(totp_secret=seal(stored))
            )
            return bool(done.rowcount)

    # ------------------------------------------------------------------ login

    def check_login(self, name: str, password: str, *, address: str, at: datetime) -> User:
        """The user when name and password match; TooManyAttempts while throttled;
        InvalidRecord (one message for unknown name and wrong password) otherwise.

        The attempt is written as a failure before the (slow) hash check, in the same
        locked transaction that counts earlier ones, so parallel guesses cannot all slip
        under the limit; a right password then takes its own attempt back.
        """
        keys = _failure_keys(name, address)
        ids = self._claim_attempt(keys, _throttle_keys(name, address), at)
        with self.engine.connect() as conn:
            row = conn.execute(select(t.users).where(t.users.c.name == name.strip())).first()
        stored = str(row.password_hash) if row is not None else _dummy_hash()
        try:
            ok = _HASHER.verify(stored, password) and row is not None and not row.disabled
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        if not ok or row is None:
            raise InvalidRecord("Wrong user name or password.", {"password": "wrong"})
        failures = t.login_failures.c
        with self.engine.begin() as conn:
            conn.execute(delete(t.login_failures).where(failures.id.in_(ids)))
            conn.execute(delete(t.login_failures).where(failures.key == keys[0]))
            conn.execute(delete(t.login_failures).where(failures.at <= at - FAILURE_WINDOW))
        return _user(row)

    def claim_second_factor(self, name: str, address: str, at: datetime) -> list[int]:
        """Count a second-factor attempt before checking it (TooManyAttempts when throttled);
        the ids to give back with `second_factor_passed` when the code is right."""
        keys = _second_factor_keys(name, address)
        return self._claim_attempt(keys, _throttle_keys(name, address), at)

    def second_factor_passed(self, name: str, ids: list[int]) -> None:
        """Take back a right code's attempt and clear the name's second-factor failures
        (a right password alone never clears them)."""
        failures = t.login_failures.c
        with self.engine.begin() as conn:
            conn.execute(delete(t.login_failures).where(failures.id.in_(ids)))
            conn.execute(
                delete(t.login_failures).where(failures.key == _second_factor_keys(name, "")[0])
            )

    def _claim_attempt(self, keys: list[str], check: list[str], at: datetime) -> list[int]:
        """Write an attempt under `keys`, refusing (and writing nothing) when any `check` key
        already has MAX_FAILURES recent failures; one writer at a time."""
        with self.engine.begin() as conn:
            lock_writers(conn)
            failures = t.login_failures
            ids = [
                int(
                    conn.execute(
                        insert(failures).values(key=key, at=at).returning(failures.c.id)
                    ).scalar_one()
                )
                for key in keys
            ]
            _refuse_if_throttled(conn, check, at, written=keys)
            return ids

    # ------------------------------------------------------------------ sessions

    def open_session(self, user: User, *, at: datetime, verified: bool) -> tuple[str, str]:
        """A new session for `user`: (cookie value, CSRF token). Only a hash is stored."""
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(delete(t.web_sessions).where(t.web_sessions.c.expires_at <= at))
            conn.execute(
                insert(t.web_sessions).values(
                    id=_digest(token),
                    user_id=user.id,
                    csrf=csrf,
                    verified=verified,
                    created_at=at,
                    expires_at=at + SESSION_TTL,
                    last_seen_at=at,
                )
            )
        return token, csrf

    def session(self, token: str, *, at: datetime) -> WebSession | None:
        """The live session behind a cookie value, or None when unknown, expired (SESSION_TTL
        after sign-in), idle (unused for SESSION_IDLE) or waiting for its second factor for
        longer than SECOND_FACTOR_TTL; using it keeps it from going idle."""
        if not token:
            return None
        s = t.web_sessions.c
        digest = _digest(token)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(
                    t.users,
                    s.csrf,
                    s.verified,
                    s.expires_at,
                    s.created_at.label("signed_in_at"),  # users has a created_at too
                    s.last_seen_at,
                )
                .join(t.web_sessions, t.web_sessions.c.user_id == t.users.c.id)
                .where(s.id == digest, s.expires_at > at)
            ).first()
        if row is None or row.disabled:
            return None
        seen = row.last_seen_at or row.signed_in_at
        waited = not row.verified and at - row.signed_in_at >= SECOND_FACTOR_TTL
        if waited or at - seen >= SESSION_IDLE:
            with self.engine.begin() as conn:  # signed out: the cookie opens nothing again
                conn.execute(delete(t.web_sessions).where(s.id == digest))
            return None
        if at - seen >= SEEN_EVERY:
            try:
                with self.engine.begin() as conn:
                    conn.execute(
                        update(t.web_sessions).where(s.id == digest).values(last_seen_at=at)
                    )
            except OperationalError:  # the database is busy (a long import): next time
                pass
        return WebSession(_user(row), str(row.csrf), bool(row.verified), row.expires_at)

    def close_session(self, token: str) -> None:
        """Sign a browser out (the stored session is deleted)."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.web_sessions).where(t.web_sessions.c.id == _digest(token)))

    # ------------------------------------------------------------------ API tokens

    def issue_token(self, name: str, *, label: str, actor: str, at: datetime) -> str:
        """A new bearer token for user `name`, returned once; only its hash is stored."""
        user = self.get_user(name)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            lock_writers(conn)
            conn.execute(
                insert(t.api_tokens).values(
                    id=_digest(token),
                    user_id=user.id,
                    label=label,
                    created_at=at,
                    last_used_at=None,
                    revoked=False,
                )
            )
            audit = AuditWriter(conn, actor, at, f"issue API token for {name}")
            audit.add("token", "user", name, None, {"label": label, "id": _digest(token)[:12]})
            audit.flush()
        return token

    def user_for_token(self, token: str, *, at: datetime) -> User | None:
        """The user a bearer token belongs to, or None when unknown or revoked."""
        if not token.startswith(TOKEN_PREFIX):
            return None
        digest = _digest(token)
        k = t.api_tokens.c
        with self.engine.begin() as conn:
            row = conn.execute(
                select(t.users, k.id.label("token_id"))
                .join(t.api_tokens, k.user_id == t.users.c.id)
                .where(k.id == digest, k.revoked.is_(False))
            ).first()
            if row is None or not hmac.compare_digest(str(row.token_id), digest):
                return None
            conn.execute(update(t.api_tokens).where(k.id == digest).values(last_used_at=at))
        user = _user(row)
        return None if user.disabled else user

    # ------------------------------------------------------------------ audit view

    def find_audit(
        self, *, entity: str = "", entity_id: str = "", actor: str = "", limit: int = 200
    ) -> tuple[int, list[AuditEntry]]:
        """Audit entries matching the filters (empty: any), newest first, and how many match."""
        a = t.audit.c
        conditions = [
            column == value
            for column, value in ((a.entity, entity), (a.entity_id, entity_id), (a.actor, actor))
            if value
        ]
        with self.engine.connect() as conn:
            total = conn.execute(
                select(func.count()).select_from(t.audit).where(*conditions)
            ).scalar_one()
            rows = conn.execute(
                select(t.audit).where(*conditions).order_by(a.seq.desc()).limit(limit)
            )
            return int(total), [AuditEntry(**row._mapping) for row in rows]

    # ------------------------------------------------------------------ caching

    def last_audit_seq(self) -> int:
        """The newest audit sequence number: it changes whenever the registry changes."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.max(t.audit.c.seq))).scalar_one() or 0)

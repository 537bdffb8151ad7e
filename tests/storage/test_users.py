"""Sign-in throttling in the store: parallel guesses and second-factor guesses are capped."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import pyotp
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from habeas.exceptions import ConfigError, Conflict, InvalidRecord
from habeas.settings import load_settings
from habeas.storage import tables as t
from habeas.storage.sealed import seal, unseal
from habeas.storage.sql import SqlRegistry
from habeas.storage.users import (
    MAX_FAILURES,
    SECOND_FACTOR_TTL,
    SESSION_IDLE,
    SESSION_TTL,
    Role,
    TooManyAttempts,
)

AT = datetime(2026, 1, 1, 12, 0)
PASSWORD = "correct horse battery"


def test_parallel_wrong_passwords_cannot_slip_under_the_limit(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    registry.add_user("alice", Role.EDITOR, PASSWORD, actor="test", at=AT)

    def guess(n: int) -> str:
        try:
            registry.check_login("alice", f"wrong {n}", address="10.0.0.1", at=AT)
        except TooManyAttempts:
            return "throttled"
        except InvalidRecord:
            return "wrong"
        return "in"

    with ThreadPoolExecutor(max_workers=12) as pool:
        outcomes = list(pool.map(guess, range(24)))
    assert outcomes.count("wrong") == MAX_FAILURES
    assert outcomes.count("throttled") == 24 - MAX_FAILURES


def test_a_right_password_does_not_reset_second_factor_failures(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    registry.add_user("bob", Role.EDITOR, PASSWORD, actor="test", at=AT)
    for n in range(MAX_FAILURES):  # password known, codes guessed, a new address each time
        registry.check_login("bob", PASSWORD, address=f"10.0.1.{n}", at=AT)
        registry.claim_second_factor("bob", f"10.0.1.{n}", AT)  # a wrong code: kept
    with pytest.raises(TooManyAttempts):
        registry.check_login("bob", PASSWORD, address="10.0.2.1", at=AT)
    with pytest.raises(TooManyAttempts):
        registry.claim_second_factor("bob", "10.0.2.1", AT)


def test_a_right_code_gives_its_attempt_back(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    registry.add_user("cem", Role.EDITOR, PASSWORD, actor="test", at=AT)
    for _ in range(3 * MAX_FAILURES):
        registry.check_login("cem", PASSWORD, address="10.0.3.1", at=AT)
        attempt = registry.claim_second_factor("cem", "10.0.3.1", AT)
        registry.second_factor_passed("cem", attempt)


def test_a_new_password_revokes_api_tokens_and_sessions(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    user = registry.add_user("dan", Role.EDITOR, PASSWORD, actor="test", at=AT)
    token = registry.issue_token("dan", label="script", actor="test", at=AT)
    cookie, _csrf = registry.open_session(user, at=AT, verified=True)
    assert registry.user_for_token(token, at=AT) is not None
    registry.set_password("dan", "another long passphrase", actor="admin", at=AT)
    assert registry.user_for_token(token, at=AT) is None
    assert registry.session(cookie, at=AT) is None


def test_an_idle_session_ends_and_a_used_one_lives_until_its_term(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    user = registry.add_user("eda", Role.EDITOR, PASSWORD, actor="test", at=AT)
    cookie, _csrf = registry.open_session(user, at=AT, verified=True)
    step = SESSION_IDLE - timedelta(minutes=1)
    at = AT
    while at + step < AT + SESSION_TTL:  # used every 29 minutes: never idle
        at += step
        assert registry.session(cookie, at=at) is not None, at
    assert registry.session(cookie, at=AT + SESSION_TTL) is None  # the term still ends it

    idle, _csrf = registry.open_session(user, at=AT, verified=True)
    assert registry.session(idle, at=AT + SESSION_IDLE - timedelta(seconds=1)) is not None
    later = AT + 2 * SESSION_IDLE
    assert registry.session(idle, at=later) is None  # unused for 30 minutes
    assert registry.session(idle, at=AT + SESSION_IDLE) is None  # and gone for good


def test_a_session_used_less_than_a_minute_ago_is_not_written_again(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    user = registry.add_user("fay", Role.EDITOR, PASSWORD, actor="test", at=AT)
    cookie, _csrf = registry.open_session(user, at=AT, verified=True)
    for second in range(0, 59, 5):  # read within a minute: last use stays at sign-in
        assert registry.session(cookie, at=AT + timedelta(seconds=second)) is not None
    assert registry.session(cookie, at=AT + SESSION_IDLE + timedelta(seconds=30)) is None


def test_user_names_may_not_differ_only_in_case(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    registry.add_user("gül", Role.EDITOR, PASSWORD, actor="test", at=AT)
    with pytest.raises(Conflict, match='"gül" exists already; names may not differ only in'):
        registry.add_user("GÜL", Role.VIEWER, PASSWORD, actor="test", at=AT)
    with pytest.raises(Conflict, match="exists already"):
        registry.add_user("gül", Role.VIEWER, PASSWORD, actor="test", at=AT)
    registry.add_user("gülə", Role.VIEWER, PASSWORD, actor="test", at=AT)
    registry.add_user("ŞƏHLA", Role.VIEWER, PASSWORD, actor="test", at=AT)
    with pytest.raises(Conflict, match='"ŞƏHLA" exists already'):  # beyond ASCII, both ways
        registry.add_user("şəhla", Role.VIEWER, PASSWORD, actor="test", at=AT)


def test_a_sign_in_waiting_for_its_second_factor_ends_after_ten_minutes(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    user = registry.add_user("gia", Role.EDITOR, PASSWORD, actor="test", at=AT)
    pending, _csrf = registry.open_session(user, at=AT, verified=False)
    for minute in (2, 4, 6, 8):  # used, so never idle; but the code never came
        assert registry.session(pending, at=AT + timedelta(minutes=minute)) is not None
    assert registry.session(pending, at=AT + SECOND_FACTOR_TTL) is None
    signed, _csrf = registry.open_session(user, at=AT, verified=True)
    assert registry.session(signed, at=AT + SECOND_FACTOR_TTL) is not None


def _stored_secret(registry: SqlRegistry, name: str) -> str:
    """The users row's totp_secret column as stored."""
    with registry.engine.connect() as conn:
        query = select(t.users.c.totp_secret).where(t.users.c.name == name)
        return str(conn.execute(query).scalar_one())


def test_a_second_factor_secret_is_stored_sealed_with_a_key_kept_apart(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "keys" / "secret.key"
    monkeypatch.setenv("HABEAS_SECRET_KEY_FILE", str(key))
    registry = SqlRegistry(db_url)
    secret = pyotp.random_base32()
    user = registry.add_user("alice", Role.EDITOR, PASSWORD, actor="t", at=AT, totp_secret=secret)
    stored = _stored_secret(registry, "alice")
    assert stored.startswith("fernet:") and secret not in stored
    assert key.stat().st_mode & 0o077 == 0 and key.parent.stat().st_mode & 0o077 == 0
    assert registry.totp_secret(user.id) == secret
    assert secret not in json.dumps([e.after for e in registry.audit_entries()])
    monkeypatch.setenv("HABEAS_SECRET_KEY_FILE", str(tmp_path / "elsewhere.key"))
    with pytest.raises(ConfigError, match="missing: .*elsewhere.key"):
        registry.totp_secret(user.id)
    (tmp_path / "elsewhere.key").write_bytes(Fernet.generate_key())
    with pytest.raises(ConfigError, match="sealed with another key"):
        registry.totp_secret(user.id)


def test_a_secret_stored_before_sealing_is_read_then_sealed(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = SqlRegistry(db_url)
    user = registry.add_user("bob", Role.EDITOR, PASSWORD, actor="t", at=AT)
    secret = pyotp.random_base32()
    with registry.engine.begin() as conn:  # as a release without sealing wrote it
        conn.execute(update(t.users).where(t.users.c.id == user.id).values(totp_secret=secret))
    assert registry.totp_secret(user.id) == secret
    assert registry.seal_totp_secret(user.id) is True
    assert _stored_secret(registry, "bob").startswith("fernet:")
    assert registry.totp_secret(user.id) == secret
    assert registry.seal_totp_secret(user.id) is False


def test_processes_making_the_key_at_once_all_use_one_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for attempt in range(20):
        monkeypatch.setenv("HABEAS_SECRET_KEY_FILE", str(tmp_path / f"k{attempt}" / "secret.key"))
        with ThreadPoolExecutor(max_workers=6) as pool:
            sealed = list(pool.map(seal, [f"secret {n}" for n in range(12)]))
        assert [unseal(value) for value in sealed] == [f"secret {n}" for n in range(12)]
        assert [p.name for p in (tmp_path / f"k{attempt}").iterdir()] == ["secret.key"]


def test_a_damaged_key_file_or_no_home_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "secret.key"
    key.write_bytes(b"")  # a crash while it was written, by an older release
    monkeypatch.setenv("HABEAS_SECRET_KEY_FILE", str(key))
    with pytest.raises(ConfigError, match="cannot be used .*secret.key"):
        seal("x")
    monkeypatch.delenv("HABEAS_SECRET_KEY_FILE")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert load_settings().secret_key_file is None  # other commands still work
    with pytest.raises(ConfigError, match="set HABEAS_SECRET_KEY_FILE"):
        seal("x")

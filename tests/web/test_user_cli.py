"""`habeas user add/list/token`: accounts from the command line, as a user runs them."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import text
from websupport import login, serving

from habeas.cli.app import main
from habeas.storage.sql import SqlRegistry


def _habeas(db: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(["--db", db, "--actor", "ana", *args])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def test_user_add_list_and_token_work_with_the_api(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'users.db'}"
    code, out, err = _habeas(
        db,
        "user",
        "add",
        "rasim",
        "--role",
        "editor",
        "--password-stdin",
        stdin="a long passphrase\n",
    )
    assert code == 0, err
    assert "Created editor rasim." in out
    code, out, _ = _habeas(db, "user", "list", "--format", "json")
    assert [(u["name"], u["role"]) for u in json.loads(out)] == [("rasim", "editor")]
    code, token, _ = _habeas(db, "user", "token", "rasim", "--label", "scripts")
    token = token.strip()
    assert code == 0 and token.startswith("habeas_")
    with serving(db) as site:
        answer = httpx.get(
            f"{site.base}/api/v1/proposals", headers={"Authorization": f"Bearer {token}"}
        )
    assert answer.status_code == 200 and answer.json() == {"items": []}
    audit = [e for e in SqlRegistry(db).audit_entries() if e.entity == "user"]
    assert [(e.action, e.actor) for e in audit] == [("create", "ana"), ("token", "ana")]
    assert all(token not in (e.after or "") for e in audit)


def test_user_add_refuses_short_passwords_and_duplicates(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'users.db'}"
    code, _, err = _habeas(db, "user", "add", "x", "--password-stdin", stdin="short\n")
    assert code == 1 and "too short" in err
    assert _habeas(db, "user", "add", "x", "--password-stdin", stdin="long enough pass\n")[0] == 0
    code, _, err = _habeas(db, "user", "add", "x", "--password-stdin", stdin="long enough pass\n")
    assert code == 1 and 'A user named "x" exists already' in err


def test_passwords_are_stored_as_argon2_hashes(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'users.db'}"
    _habeas(db, "user", "add", "leyla", "--password-stdin", stdin="the secret phrase\n")
    import sqlite3

    with contextlib.closing(sqlite3.connect(tmp_path / "users.db")) as conn:
        stored = conn.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$") and "the secret phrase" not in stored


def test_new_password_and_disabling_end_sessions_and_tokens(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'users.db'}"
    _habeas(db, "user", "add", "nur", "--password-stdin", stdin="first passphrase\n")
    token = _habeas(db, "user", "token", "nur")[1].strip()
    with serving(db) as site, site.client() as client:
        assert login(client, "nur", "first passphrase").status_code == 303
        assert client.get("/editor/review").status_code == 200
        code, out, _ = _habeas(
            db, "user", "password", "nur", "--password-stdin", stdin="second passphrase\n"
        )
        assert code == 0 and "signed out" in out
        assert client.get("/editor/review").status_code == 303  # the old session ended
        assert login(client, "nur", "first passphrase").status_code == 401
        assert login(client, "nur", "second passphrase").status_code == 303
        bearer = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/v1/proposals", headers=bearer).status_code == 401  # revoked
        token = _habeas(db, "user", "token", "nur")[1].strip()
        bearer = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/v1/proposals", headers=bearer).status_code == 200
        assert _habeas(db, "user", "disable", "nur")[0] == 0
        assert client.get("/editor/review").status_code == 303
        assert client.get("/api/v1/proposals", headers=bearer).status_code == 401
        assert login(client, "nur", "second passphrase").status_code == 401
        assert _habeas(db, "user", "disable", "nur", "--enable")[0] == 0
        assert login(client, "nur", "second passphrase").status_code == 303
        assert client.get("/api/v1/proposals", headers=bearer).status_code == 401


def test_user_add_with_totp_seals_the_secret_and_says_where_the_key_is(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'users.db'}"
    code, out, err = _habeas(
        db, "user", "add", "nigar", "--totp", "--password-stdin", stdin="a long passphrase\n"
    )
    assert code == 0, err
    secret = next(line for line in out.splitlines() if line.startswith("TOTP secret")).split()[-1]
    assert f"sealed with the key in {tmp_path / 'secret.key'}" in out
    assert (tmp_path / "secret.key").exists()
    registry = SqlRegistry(db)
    with registry.engine.connect() as conn:
        stored = conn.execute(text("SELECT totp_secret FROM users")).scalar_one()
    assert stored.startswith("fernet:") and secret not in stored
    assert registry.totp_secret(registry.get_user("nigar").id) == secret


def test_user_totp_gives_a_new_secret_or_removes_it(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'users.db'}"
    _habeas(db, "user", "add", "nigar", "--totp", "--password-stdin", stdin="a long passphrase\n")
    registry = SqlRegistry(db)
    user = registry.get_user("nigar")
    old = registry.totp_secret(user.id)
    token, _ = registry.open_session(user, at=datetime.now(UTC).replace(tzinfo=None), verified=True)
    assert registry.session(token, at=datetime.now(UTC).replace(tzinfo=None)) is not None
    code, out, err = _habeas(db, "user", "totp", "nigar")
    assert code == 0, err
    new = next(line for line in out.splitlines() if line.startswith("TOTP secret")).split()[-1]
    assert new != old and registry.totp_secret(user.id) == new
    assert registry.session(token, at=datetime.now(UTC).replace(tzinfo=None)) is None
    code, out, _ = _habeas(db, "user", "totp", "nigar", "--remove")
    assert code == 0 and "Removed the second factor of nigar" in out
    assert registry.totp_secret(user.id) is None and not registry.get_user("nigar").totp
    audit = [(e.action, e.entity_id) for e in registry.audit_entries() if e.entity == "user"]
    assert audit[-2:] == [("totp", "nigar"), ("totp", "nigar")]
    assert all(new not in (e.after or "") for e in registry.audit_entries())

"""The editor side over HTTP: sign-in, cookies, CSRF, throttling, TOTP, roles, review, audit."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pyotp
import pytest
from sqlalchemy import select, update
from websupport import AT, PASSWORD, Site, build_review, csrf_of, login, serving

from habeas.domain.proposal import ProposalStatus
from habeas.storage.tables import users, web_sessions
from habeas.storage.users import MAX_FAILURES, SESSION_IDLE, Role, User
from habeas.web.auth import now


def _pending(site: Site) -> list[str]:
    return [p.id for p in site.registry().proposals(ProposalStatus.PENDING)]


def test_session_cookie_is_httponly_and_samesite_strict(review_site: Site) -> None:
    with review_site.client() as client:
        response = login(client, "editor")
    assert response.status_code == 303
    assert response.headers["location"] == "/editor/review"
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith("habeas_session=")
    )
    flags = [part.strip().lower() for part in cookie.split(";")]
    assert "httponly" in flags and "samesite=strict" in flags and "path=/" in flags
    assert "secure" not in flags  # plain HTTP on loopback


def test_a_session_left_idle_signs_out(review_site: Site) -> None:
    with review_site.client() as client:
        login(client, "editor")
        assert client.get("/editor/review").status_code == 200
        with review_site.registry().engine.begin() as conn:  # the browser left for an hour
            conn.execute(
                update(web_sessions).values(
                    last_seen_at=datetime.now(UTC).replace(tzinfo=None)
                    - SESSION_IDLE
                    - timedelta(minutes=30)
                )
            )
        response = client.get("/editor/review")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")
    with review_site.registry().engine.connect() as conn:
        assert conn.execute(select(web_sessions)).first() is None  # ended, not only refused


def test_public_pages_for_a_signed_in_browser_are_never_cached(review_site: Site) -> None:
    with review_site.client() as client:
        anonymous = client.get("/?as_of=2015-12-28")
        login(client, "editor")
        signed_in = client.get("/?as_of=2015-12-28")
    assert anonymous.headers.get("cache-control") != "no-store"
    assert signed_in.headers["cache-control"] == "no-store"


def test_cookie_is_secure_when_told_so(review_site: Site) -> None:
    with serving(review_site.db_url, secure_cookies=True) as secure, secure.client() as client:
        page = client.get("/login")
        token = csrf_of(page.text)
        # A Secure cookie is not sent back over plain HTTP, so send it by hand.
        response = client.post(
            "/login",
            data={"name": "editor", "password": PASSWORD, "csrf": token},
            headers={"Cookie": f"habeas_login_csrf={token}"},
        )
    login_cookie = page.headers["set-cookie"].lower()
    assert "secure" in login_cookie and "samesite=strict" in login_cookie
    assert "secure" in response.headers["set-cookie"].lower()


def test_pages_of_the_editor_side_need_sign_in(review_site: Site) -> None:
    with review_site.client() as client:
        for path in ("/editor/review", "/editor/audit", "/editor/persons/p1", "/editor/users"):
            response = client.get(path)
            assert response.status_code == 303, path
            assert response.headers["location"].startswith("/login?next=")


def test_login_form_without_its_csrf_token_is_refused(review_site: Site) -> None:
    with review_site.client() as client:
        client.get("/login")
        response = client.post("/login", data={"name": "editor", "password": PASSWORD})
    assert response.status_code == 403
    assert "habeas_session" not in response.headers.get("set-cookie", "")


def test_review_form_without_csrf_token_is_refused_and_nothing_changes(review_site: Site) -> None:
    before = _pending(review_site)
    with review_site.client() as client:
        login(client, "editor")
        target = before[0]
        missing = client.post(f"/editor/review/{target}/accept", data={"reason": "x"})
        wrong = client.post(
            f"/editor/review/{target}/accept", data={"reason": "x", "csrf": "forged"}
        )
    assert missing.status_code == 403 and wrong.status_code == 403
    assert "security token" in missing.text
    assert _pending(review_site) == before


def test_logins_are_throttled_after_repeated_failures(review_site: Site) -> None:
    with review_site.client() as client:
        for _ in range(MAX_FAILURES):
            failed = login(client, "editor", "wrong password!!")
            assert failed.status_code == 401
            assert "Wrong user name or password." in failed.text
        blocked = login(client, "editor")  # the right password, too late
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0
    assert "habeas_session" not in blocked.headers.get("set-cookie", "")


def test_unknown_user_and_wrong_password_read_the_same(review_site: Site) -> None:
    with review_site.client() as client:
        unknown = login(client, "nobody", "whatever password")
        wrong = login(client, "viewer", "whatever password")
    assert unknown.status_code == wrong.status_code == 401
    assert "Wrong user name or password." in unknown.text
    assert "Wrong user name or password." in wrong.text


def _enrolled(site: Site, name: str) -> str:
    """Add an editor with a second factor; return its TOTP secret."""
    secret = pyotp.random_base32()
    site.registry().add_user(name, Role.EDITOR, PASSWORD, actor="test", at=AT, totp_secret=secret)
    return secret


def test_totp_second_factor_is_required_when_enrolled(review_site: Site) -> None:
    secret = _enrolled(review_site, "totp-user")
    with review_site.client() as client:
        first = login(client, "totp-user")
        assert first.headers["location"].startswith("/login/totp")
        assert client.get("/editor/review").status_code == 303  # not signed in yet
        page = client.get(first.headers["location"])
        token = csrf_of(page.text)
        wrong = str((int(pyotp.TOTP(secret).now()) + 500_000) % 1_000_000).zfill(6)
        bad = client.post("/login/totp", data={"code": wrong, "csrf": token})
        assert bad.status_code == 401
        half = client.cookies.get("habeas_session")
        used = pyotp.TOTP(secret).now()
        good = client.post("/login/totp", data={"code": used, "csrf": token})
        assert good.status_code == 303
        assert client.get("/editor/review").status_code == 200
        assert client.cookies.get("habeas_session") not in (None, half)  # a new token
        assert review_site.registry().session(half or "", at=now()) is None
    with review_site.client() as other:  # someone who watched the code being typed
        again = login(other, "totp-user")
        page = other.get(again.headers["location"])
        replay = other.post("/login/totp", data={"code": used, "csrf": csrf_of(page.text)})
        assert replay.status_code == 401
        assert other.get("/editor/review").status_code == 303


def test_a_sign_in_waiting_for_its_second_factor_can_be_cancelled(review_site: Site) -> None:
    _enrolled(review_site, "halfway")
    with review_site.client() as client:
        first = login(client, "halfway")
        page = client.get(first.headers["location"])
        assert "Cancel sign-in" in page.text
        half = client.cookies.get("habeas_session") or ""
        assert review_site.registry().session(half, at=now()) is not None
        forged = client.post("/logout", data={"csrf": "not-the-token"})
        assert forged.status_code == 403
        assert review_site.registry().session(half, at=now()) is not None
        cancelled = client.post("/logout", data={"csrf": csrf_of(page.text)})
        assert cancelled.status_code == 303
        assert review_site.registry().session(half, at=now()) is None
        assert client.get("/login/totp").headers["location"] == "/login"
        assert client.post("/logout", data={"csrf": "x"}).status_code in (303, 401)


def test_second_factor_guessing_is_throttled(review_site: Site) -> None:
    secret = _enrolled(review_site, "guessed")
    wrong = str((int(pyotp.TOTP(secret).now()) + 500_000) % 1_000_000).zfill(6)
    with review_site.client() as client:
        first = login(client, "guessed")
        token = csrf_of(client.get(first.headers["location"]).text)
        for _ in range(MAX_FAILURES):
            assert (
                client.post("/login/totp", data={"code": wrong, "csrf": token}).status_code == 401
            )
        blocked = client.post("/login/totp", data={"code": pyotp.TOTP(secret).now(), "csrf": token})
    assert blocked.status_code == 429


def test_editor_accepts_a_proposal_and_the_public_count_and_page_change(review_site: Site) -> None:
    registry = review_site.registry()
    proposal = next(p for p in registry.proposals(ProposalStatus.PENDING) if p.decision == "match")
    person = f"/persons/{proposal.person_id}"
    with review_site.client() as public:
        count_before = public.get("/api/v1/count?as_of=2015-12-28").json()["count"]
        assert "released (pardon)" not in public.get(person).text
    with review_site.client() as client:
        login(client, "editor")
        queue = client.get("/editor/review")
        assert queue.status_code == 200
        assert proposal.summary.split('"')[0][:30] in queue.text
        assert "<mark>" in queue.text  # the decree line highlighted in its source
        response = client.post(
            f"/editor/review/{proposal.id}/accept",
            data={"csrf": csrf_of(queue.text), "reason": "name, patronymic and birth year agree"},
        )
        assert response.status_code == 303
        audit = client.get("/editor/audit", params={"actor": "editor", "verify": "1"}).text
        per_record = client.get(
            "/editor/audit", params={"entity": "proposal", "entity_id": proposal.id}
        ).text
    assert registry.get_proposal(proposal.id).status is ProposalStatus.ACCEPTED
    assert "name, patronymic and birth year agree" in audit
    assert "accept" in per_record and proposal.id in per_record
    assert "The hash chain is intact." in audit
    with review_site.client() as public:
        count_after = public.get("/api/v1/count?as_of=2015-12-28").json()["count"]
        page = public.get(person).text
    assert count_after == count_before - 1 == registry.count(date(2015, 12, 28))
    assert "released (pardon)" in page


def test_viewer_reads_the_queue_but_cannot_review(review_site: Site) -> None:
    target = _pending(review_site)[0]
    with review_site.client() as client:
        login(client, "viewer")
        queue = client.get("/editor/review")
        assert queue.status_code == 200
        assert 'class="accept"' not in queue.text
        response = client.post(
            f"/editor/review/{target}/accept", data={"csrf": csrf_of(queue.text)}
        )
        assert client.get("/editor/users").status_code == 403
        audit = client.get("/editor/audit")
        verify = client.get("/editor/audit", params={"verify": "1"})
    assert response.status_code == 403
    assert target in _pending(review_site)
    assert audit.status_code == 200 and "Verify the hash chain" not in audit.text
    assert verify.status_code == 403 and "hash chain is intact" not in verify.text


def test_editor_person_view_shows_internal_fields_and_history(review_site: Site) -> None:
    with review_site.client() as client:
        login(client, "editor")
        page = client.get("/editor/persons/p5").text
    assert "History (every version)" in page
    assert "Editor view" in page


def test_admin_adds_a_user_from_the_web(review_site: Site) -> None:
    with review_site.client() as client:
        login(client, "admin")
        page = client.get("/editor/users")
        response = client.post(
            "/editor/users",
            data={
                "name": "newcomer",
                "password": "another long passphrase",
                "role": "viewer",
                "csrf": csrf_of(page.text),
            },
        )
    assert response.status_code == 303
    assert review_site.registry().get_user("newcomer").role is Role.VIEWER


def test_api_writes_need_an_editor_token(review_site: Site) -> None:
    registry = review_site.registry()
    viewer = registry.issue_token("viewer", label="t", actor="test", at=AT)
    editor = registry.issue_token("editor", label="t", actor="test", at=AT)
    target, other = _pending(review_site)[:2]
    with review_site.client() as client:
        listed = client.get("/api/v1/proposals", headers={"Authorization": f"Bearer {viewer}"})
        forbidden = client.post(
            f"/api/v1/proposals/{target}/accept", headers={"Authorization": f"Bearer {viewer}"}
        )
        bogus = client.post(
            f"/api/v1/proposals/{target}/accept", headers={"Authorization": "Bearer habeas_x"}
        )
        accepted = client.post(
            f"/api/v1/proposals/{target}/accept",
            headers={"Authorization": f"Bearer {editor}"},
            json={"reason": "api"},
        )
        again = client.post(
            f"/api/v1/proposals/{target}/accept", headers={"Authorization": f"Bearer {editor}"}
        )
        rejected = client.post(
            f"/api/v1/proposals/{other}/reject",
            headers={"Authorization": f"Bearer {editor}"},
            json={"reason": "namesake"},
        )
    assert listed.status_code == 200 and target in {p["id"] for p in listed.json()["items"]}
    assert forbidden.status_code == 403 and bogus.status_code == 401
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert again.status_code == 409 and set(again.json()) == {"detail", "errors"}
    assert rejected.json() == {"id": other, "status": "rejected", "written": 0}
    assert registry.get_proposal(target).reviewed_by == "editor"


def test_sign_in_never_redirects_off_site(review_site: Site) -> None:
    with review_site.client() as client:
        page = client.get("/login")
        token = csrf_of(page.text)
        for target in ("//evil.example/", "https://evil.example/", "/\t/evil.example", "/\\evil"):
            response = client.post(
                "/login",
                data={"name": "viewer", "password": PASSWORD, "csrf": token, "next": target},
            )
            assert response.headers["location"] == "/editor/review", target
            client.cookies.delete("habeas_session")
            token = csrf_of(client.get("/login").text)


@pytest.mark.postgres
def test_sign_in_throttling_and_review_work_on_postgresql(pg_url: str) -> None:
    build_review(pg_url)
    with serving(pg_url) as site, site.client() as client:
        assert login(client, "editor", "not the password").status_code == 401
        assert login(client, "editor").status_code == 303
        queue = client.get("/editor/review")
        target = _pending(site)[0]
        response = client.post(
            f"/editor/review/{target}/reject",
            data={"csrf": csrf_of(queue.text), "reason": "namesake"},
        )
        assert response.status_code == 303
        token = site.registry().issue_token("editor", label="pg", actor="test", at=AT)
        listed = client.get(
            "/api/v1/proposals?status=rejected", headers={"Authorization": f"Bearer {token}"}
        ).json()
    assert [p["id"] for p in listed["items"]] == [target]
    assert listed["items"][0]["review_reason"] == "namesake"


def _plain_secret(site: Site, name: str) -> tuple[User, str]:
    """Add an editor whose TOTP secret is stored plain, as releases before sealing wrote it."""
    registry = site.registry()
    user = registry.add_user(name, Role.EDITOR, PASSWORD, actor="test", at=AT)
    secret = pyotp.random_base32()
    with registry.engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(totp_secret=secret))
    return user, secret


def test_a_secret_stored_before_sealing_is_sealed_at_the_next_sign_in(review_site: Site) -> None:
    registry = review_site.registry()
    user, secret = _plain_secret(review_site, "older")
    with review_site.client() as client:
        first = login(client, "older")
        page = client.get(first.headers["location"])
        code = pyotp.TOTP(secret).now()
        good = client.post("/login/totp", data={"code": code, "csrf": csrf_of(page.text)})
        assert good.status_code == 303
    with registry.engine.connect() as conn:
        column = users.c.totp_secret
        stored = conn.execute(select(column).where(users.c.id == user.id)).scalar_one()
    assert stored.startswith("fernet:") and secret not in stored
    assert registry.totp_secret(user.id) == secret


def test_a_missing_sealing_key_is_an_error_not_a_counted_guess(
    review_site: Site, tmp_path: Path
) -> None:
    secret = _enrolled(review_site, "keyless")
    key = Path(os.environ["HABEAS_SECRET_KEY_FILE"])
    hidden = key.rename(tmp_path / "hidden.key")
    with review_site.client() as client:
        first = login(client, "keyless")
        page = client.get(first.headers["location"])
        for _ in range(7):  # more than the failures a name may have
            code = pyotp.TOTP(secret).now()
            failed = client.post("/login/totp", data={"code": code, "csrf": csrf_of(page.text)})
            assert failed.status_code == 500
        hidden.rename(key)
        code = pyotp.TOTP(secret).now()
        good = client.post("/login/totp", data={"code": code, "csrf": csrf_of(page.text)})
    assert good.status_code == 303


def test_a_secret_that_cannot_be_sealed_yet_still_signs_in(
    review_site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = review_site.registry()
    user, secret = _plain_secret(review_site, "plain")
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("HABEAS_SECRET_KEY_FILE", str(tmp_path / "a-file" / "secret.key"))
    with review_site.client() as client:
        first = login(client, "plain")
        page = client.get(first.headers["location"])
        code = pyotp.TOTP(secret).now()
        good = client.post("/login/totp", data={"code": code, "csrf": csrf_of(page.text)})
        assert good.status_code == 303
        assert client.get("/editor/review").status_code == 200
    assert registry.totp_secret(user.id) == secret  # left plain until a key can be made

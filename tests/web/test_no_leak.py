"""No leak: walk every public page, download and API answer; no canary, no risk-flagged name,
and hostile markup in names and sources always arrives escaped."""

from __future__ import annotations

import re
from collections import deque
from datetime import date
from urllib.parse import urljoin, urlsplit

import httpx
from websupport import CANARY, RISK_ID, RISK_NAME, XSS, XSS_ID, Site

from habeas.domain.publication import ListChange
from habeas.web.view import public_explanation

HREF = re.compile(r'(?:href|src)="([^"]+)"')
SKIP = ("/login", "/logout", "/editor", "/static/")
LIMIT = 1500


def _seeds(site: Site) -> list[str]:
    registry = site.registry()
    person_ids = [p.id for p in registry.persons()]
    seeds = [
        "/",
        "/?as_of=2015-12-28",
        "/?as_of=2017-06-01",
        # Searches use part of the planted text, so the echoed query is not a leak itself.
        f"/?as_of=2015-12-28&q={CANARY[:-2]}",
        f"/?as_of=2015-12-28&q={RISK_NAME.split()[1]}",
        "/list.csv?as_of=2015-12-28",
        "/list.json?as_of=2015-12-28",
        "/list.json?as_of=2016-12-28",
        "/statistics?as_of=2015-12-28",
        "/api/v1/list?as_of=2015-12-28",
        "/api/v1/list?as_of=2016-06-01",
        "/api/v1/timeline?from=2013-01-01&to=2019-01-01",
        "/api/v1/publications",
        "/api/v1/publications/1",
        "/api/v1/publications/2",
        "/api/v1/publications/1/diff/2",
        "/api/v1/decrees",
        f"/api/v1/persons?q={CANARY[:-2]}",
        f"/api/v1/persons?q={RISK_NAME.split()[1]}",
        "/api/v1/persons?as_of=2015-12-28",
        "/api/v1/openapi.json",
        f"/persons/{RISK_ID}",
        "/lists/1/changes",
        "/lists/2/changes",
        "/lists/1.csv",
        "/lists/2.json",
    ]
    seeds += ["/persons/p-002/sources/s-testimony", "/api/v1/persons/p-002/sources/s-testimony"]
    for person_id in person_ids:
        seeds += [f"/persons/{person_id}", f"/api/v1/persons/{person_id}"]
        seeds += [f"/api/v1/persons/{person_id}/events", f"/persons/{person_id}/sources/s-canary"]
        seeds.append(f"/api/v1/persons/{person_id}/sources/s-canary")
    for decree in registry.decrees():
        seeds.append(f"/api/v1/decrees/{decree.id}")
    for name in ("over-time", "flows", "sentences", "occupations", "charges"):
        seeds += [f"/statistics/{name}.csv?as_of=2015-12-28", f"/statistics/{name}.svg"]
    return seeds


def _crawl(site: Site) -> dict[str, httpx.Response]:
    seen: dict[str, httpx.Response] = {}
    queue = deque(_seeds(site))
    with site.client() as client:
        while queue and len(seen) < LIMIT:
            path = queue.popleft()
            if path in seen:
                continue
            response = client.get(path)
            seen[path] = response
            if "text/html" not in response.headers.get("content-type", ""):
                continue
            for link in HREF.findall(response.text):
                target = urljoin(site.base + path, link.replace("&amp;", "&"))
                parts = urlsplit(target)
                if parts.netloc != urlsplit(site.base).netloc or parts.path.startswith(SKIP):
                    continue
                local = parts.path + (f"?{parts.query}" if parts.query else "")
                if local not in seen:
                    queue.append(local)
    return seen


def test_no_public_answer_shows_internal_restricted_or_risk_flagged_data(site: Site) -> None:
    pages = _crawl(site)
    assert len(pages) > 400, "the walk reached the whole public site"
    assert not [p for p, r in pages.items() if r.status_code >= 500]
    person_pages = [p for p in pages if p.startswith("/persons/p-") and "/sources/" not in p]
    assert len(person_pages) >= 100
    leaks = [path for path, r in pages.items() if CANARY in r.text]
    assert leaks == []
    testimony = pages["/persons/p-002/sources/s-testimony"]
    assert testimony.status_code == 200 and "The family said he was beaten." in testimony.text
    asked = {path: r for path, r in pages.items() if RISK_ID in path}
    assert asked and all(r.status_code == 404 for r in asked.values())
    risk_leaks = [
        path
        for path, r in pages.items()
        if RISK_NAME in r.text or (RISK_ID in r.text and path not in asked)
    ]
    assert risk_leaks == []
    # The canaried sources and events are really there for editors.
    person = site.registry().persons([f"p-0{n:02d}" for n in range(1, 4)])
    assert any(CANARY in n.text for p in person for n in p.notes)


def test_risk_flagged_person_is_counted_but_not_named(site: Site) -> None:
    with site.client() as client:
        on_list = site.registry().list_on(date(2015, 12, 28))
        flagged = any(e.person.id == RISK_ID for e in on_list)
        body = client.get("/api/v1/list?as_of=2015-12-28").json()
        count = client.get("/api/v1/count?as_of=2015-12-28").json()["count"]
        page = client.get("/?as_of=2015-12-28").text
    assert body["count"] == count == len(on_list)
    assert body["withheld"] == (1 if flagged else 0)
    assert len(body["items"]) == count - body["withheld"]
    if flagged:
        assert "not named here, for their safety" in page


def test_a_hidden_person_reads_like_a_missing_one(site: Site) -> None:
    event_id = site.registry().events_of(RISK_ID)[0].id
    with site.client() as client:
        hidden = client.get(f"/api/v1/persons/{RISK_ID}")
        missing = client.get("/api/v1/persons/p-999")
        event = client.get(f"/api/v1/events/{event_id}")
    assert hidden.status_code == missing.status_code == event.status_code == 404
    assert hidden.json()["detail"] == missing.json()["detail"].replace("p-999", RISK_ID)
    assert event.json()["detail"] == f'No event with id "{event_id}".'


def test_hostile_markup_in_names_and_sources_is_escaped_everywhere(site: Site) -> None:
    paths = [
        f"/persons/{XSS_ID}",
        f"/persons/{XSS_ID}/sources/s-xss",
        "/?as_of=2016-01-01",
        "/?as_of=2016-01-01&q=Brien",
        "/statistics?as_of=2016-01-01",
        "/statistics/occupations.svg?as_of=2016-01-01",
        "/lists",
        "/lists/2",
    ]
    with site.client() as client:
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            text = response.text
            assert '<script>alert("x")</script>' not in text, path
            assert "<svg onload" not in text and "<b>bold</b>" not in text, path
            assert "&lt;script&gt;" in text or "&lt;script" in text, path
        person = client.get(f"/persons/{XSS_ID}").text
        assert 'href="javascript:' not in person
        api = client.get(f"/api/v1/persons/{XSS_ID}").json()
    assert api["name"] == XSS  # JSON carries the text as given; browsers never render it


def test_pages_send_a_strict_content_security_policy(site: Site) -> None:
    with site.client() as client:
        headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_list_changes_name_only_public_events_and_never_staff_or_reasons(site: Site) -> None:
    registry = site.registry()
    public_event = next(e for e in registry.events_of("p-001") if e.visibility.value == "public")
    internal = ListChange(
        "p-001", "x", "removed", "release (served) on 2016-05-01 (event ev-canary-p-001)"
    )
    shown = ListChange("p-001", "x", "added", f"arrest on 2014 (event {public_event.id})")
    corrected = ListChange(
        "p-001", "x", "removed", f"correction of event e1 recorded 2016-01-20 by ana: {CANARY}"
    )
    assert public_explanation(registry, internal) == "see the person's page"
    assert public_explanation(registry, shown) == shown.explanation
    assert public_explanation(registry, corrected) == "a correction of the record on 2016-01-20"

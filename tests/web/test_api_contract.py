"""The stable contract: /healthz, /api/v1/count, /api/v1/persons, /api/v1/persons/{id}, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx
import pytest
from websupport import RISK_ID, RISK_NAME, Site, build_review, free_port, serving


def test_healthz_answers_200(site: Site) -> None:
    with site.client() as client:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_count_equals_the_habeas_count_command(site: Site) -> None:
    cli = subprocess.run(
        [sys.executable, "-m", "habeas", "--db", site.db_url, "count", "--as-of", "2015-12-28"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    with site.client() as client:
        answer = client.get("/api/v1/count", params={"as_of": "2015-12-28"}).json()
    assert answer == {"as_of": "2015-12-28", "count": int(cli.stdout.strip())}
    assert answer["count"] > 0


def test_count_on_a_date_before_any_arrest_is_zero(site: Site) -> None:
    with site.client() as client:
        assert client.get("/api/v1/count?as_of=1990-01-01").json() == {
            "as_of": "1990-01-01",
            "count": 0,
        }


def _spellings(site: Site) -> tuple[str, list[str]]:
    """A demo prisoner with spellings in Latin (Azerbaijani and English) and Cyrillic."""
    for person in site.registry().persons():
        scripts = {n.script.value for n in person.names}
        if person.id.startswith("p-0") and person.id != RISK_ID and {"Latn", "Cyrl"} <= scripts:
            latin = [n.value for n in person.names if n.script.value == "Latn"]
            cyrillic = [n.value for n in person.names if n.script.value == "Cyrl"]
            if len(latin) >= 2:
                return person.id, [latin[0], latin[1], cyrillic[0]]
    raise AssertionError("no person with names in two scripts")


def test_persons_search_finds_one_person_by_any_spelling_in_any_script(site: Site) -> None:
    person_id, spellings = _spellings(site)
    with site.client() as client:
        for spelling in spellings:
            surname = spelling.split()[-1] if " " in spelling else spelling
            body = client.get("/api/v1/persons", params={"q": surname}).json()
            assert set(body) == {"items"}
            ids = [item["id"] for item in body["items"]]
            assert person_id in ids, (spelling, ids)
            item = next(i for i in body["items"] if i["id"] == person_id)
            assert set(item) == {"id", "name", "names"}
            assert spelling in item["names"]


def test_persons_search_with_as_of_keeps_only_those_on_the_list(site: Site) -> None:
    with site.client() as client:
        listed = client.get("/api/v1/list", params={"as_of": "2015-12-28"}).json()
        first = listed["items"][0]
        surname = first["name"].split()[-1]
        on = client.get("/api/v1/persons", params={"q": surname, "as_of": "2015-12-28"}).json()
        off = client.get("/api/v1/persons", params={"q": surname, "as_of": "1990-01-01"}).json()
    assert first["id"] in [i["id"] for i in on["items"]]
    assert off == {"items": []}


def test_person_answer_has_public_fields_names_and_events_with_sources(site: Site) -> None:
    person_id, _ = _spellings(site)
    with site.client() as client:
        body = client.get(f"/api/v1/persons/{person_id}").json()
    assert body["id"] == person_id
    assert {"value", "script", "language", "kind"} <= set(body["names"][0])
    assert body["events"], "a demo prisoner has events"
    cited = {c["source_id"] for e in body["events"] for c in e["citations"]}
    assert cited and cited <= {s["id"] for s in body["sources"]}
    assert "notes" not in body and "risk" not in body and "visibility" not in body


def test_person_flagged_at_risk_is_not_found_nor_searchable(site: Site) -> None:
    with site.client() as client:
        assert client.get(f"/api/v1/persons/{RISK_ID}").status_code == 404
        assert client.get("/api/v1/persons", params={"q": RISK_NAME}).json() == {"items": []}
        assert client.get(f"/persons/{RISK_ID}").status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/persons/p-nobody", 404),
        ("GET", "/api/v1/nothing-here", 404),
        ("GET", "/api/v1/count?as_of=2015-13-40", 422),
        ("GET", "/api/v1/count?as_of=yesterday", 422),
        ("GET", "/api/v1/persons", 422),
        ("GET", "/api/v1/persons?q=a&limit=0", 422),
        ("GET", "/api/v1/proposals", 401),
        ("POST", "/api/v1/proposals/pr-x/accept", 401),
        ("DELETE", "/api/v1/count", 405),
        ("GET", "/api/v1/publications/999", 404),
    ],
)
def test_every_error_has_one_body_shape(site: Site, method: str, path: str, status: int) -> None:
    with site.client() as client:
        response = client.request(method, path)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["errors"], dict)
    assert "Traceback" not in response.text


def test_openapi_describes_the_contract_with_examples(site: Site) -> None:
    with site.client() as client:
        spec = client.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    for path in ("/healthz", "/api/v1/count", "/api/v1/persons", "/api/v1/persons/{person_id}"):
        assert path in paths
    assert "404" in paths["/api/v1/persons/{person_id}"]["get"]["responses"]
    assert "examples" in json.dumps(spec["components"]["schemas"]["CountOut"])


@pytest.mark.postgres
def test_contract_holds_on_postgresql(pg_url: str) -> None:
    build_review(pg_url)
    with serving(pg_url) as running, running.client() as client:
        assert client.get("/healthz").status_code == 200
        count = client.get("/api/v1/count?as_of=2015-12-28").json()
        assert count == {
            "as_of": "2015-12-28",
            "count": running.registry().count(date(2015, 12, 28)),
        }
        found = client.get("/api/v1/persons", params={"q": "Касимов"}).json()["items"]
        assert [i["id"] for i in found] == ["p1"]
        assert client.get("/api/v1/persons/p1").json()["name"] == "Anar Qasimov"


def test_habeas_serve_answers_healthz(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'serve.db'}"
    port = free_port()
    env = {**os.environ, "HABEAS_DB": db}
    process = subprocess.Popen(
        [sys.executable, "-m", "habeas", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        status = 0
        while time.monotonic() < deadline:
            try:
                status = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert status == 200
        count = httpx.get(f"http://127.0.0.1:{port}/api/v1/count?as_of=2015-12-28").json()
        assert count == {"as_of": "2015-12-28", "count": 0}
    finally:
        process.terminate()
        process.wait(10)
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        process.stderr.close()


def test_event_endpoint_shows_public_events_only(site: Site) -> None:
    person_id, _ = _spellings(site)
    with site.client() as client:
        body = client.get(f"/api/v1/persons/{person_id}").json()
        first = body["events"][0]
        one = client.get(f"/api/v1/events/{first['id']}").json()
        hidden = client.get("/api/v1/events/ev-canary-p-001")
        risky = next(e for e in site.registry().events_of(RISK_ID))
        risk = client.get(f"/api/v1/events/{risky.id}")
    assert one == first
    assert site.registry().person_of_event("ev-canary-p-001") == "p-001"  # it is there
    assert hidden.status_code == 404 and risk.status_code == 404

"""Editor forms: add and correct persons and events, retract, edit-then-accept."""

from __future__ import annotations

import html
from contextlib import closing
from datetime import date

import httpx
from websupport import Site, csrf_of, login

from habeas.domain.proposal import ProposalStatus


def _signed_in(site: Site, name: str = "editor") -> tuple[httpx.Client, str]:
    client = site.client()
    login(client, name)
    token = csrf_of(client.get("/editor/review").text)
    return client, token


def test_editor_adds_a_person_and_events_and_the_public_list_counts_them(
    review_site: Site,
) -> None:
    client, token = _signed_in(review_site)
    with closing(client):
        added = client.post(
            "/editor/persons",
            data={
                "csrf": token,
                "new": "1",
                "person_id": "p-web",
                "name": "Tural Həsənli",
                "other_names": "Турал Гасанлы|Tural Hasanli",
                "birth_year": "1988",
                "gender": "male",
                "occupation": "journalist",
                "reason": "family statement",
            },
        )
        assert added.status_code == 303
        for kind, day, detail in (
            ("arrest", "2015-06-01", ""),
            ("recognition", "2015-07-01", "Union A"),
        ):
            response = client.post(
                "/editor/persons/p-web/events",
                data={
                    "csrf": token,
                    "type": kind,
                    "date": day,
                    "detail": detail,
                    "source_url": "https://example.org/fictional/web-1",
                    "quote": "Tural Hasanli was detained",
                    "visibility": "public",
                },
            )
            assert response.status_code == 303, response.text
    registry = review_site.registry()
    assert registry.get_person("p-web").names[1].value == "Турал Гасанлы"
    with review_site.client() as public:
        found = public.get("/api/v1/persons", params={"q": "Гасанлы"}).json()["items"]
        listed = public.get("/api/v1/list?as_of=2015-12-27").json()["items"]
        page = public.get("/persons/p-web").text
    assert [i["id"] for i in found] == ["p-web"]
    assert "p-web" in {i["id"] for i in listed}
    assert "Tural Hasanli was detained" in page
    assert any(e.actor == "editor" and e.entity_id == "p-web" for e in registry.audit_entries())


def test_form_errors_read_like_the_import_errors(review_site: Site) -> None:
    client, token = _signed_in(review_site)
    with closing(client):
        bad_date = client.post(
            "/editor/persons/p1/events",
            data={"csrf": token, "type": "arrest", "date": "2015-02-30"},
        )
        bad_term = client.post(
            "/editor/persons/p1/events",
            data={"csrf": token, "type": "sentence", "date": "2016-01-01", "detail": "six"},
        )
        taken = client.post(
            "/editor/persons",
            data={"csrf": token, "new": "1", "person_id": "p1", "name": "Someone"},
        )
    assert bad_date.status_code == 422
    assert "2015-02-30 does not exist (February 2015 has 28 days)" in html.unescape(bad_date.text)
    assert bad_term.status_code == 422 and "detail:" in bad_term.text
    assert taken.status_code == 422 and "exists already" in html.unescape(taken.text)


def test_correction_is_a_new_version_and_retraction_keeps_history(review_site: Site) -> None:
    registry = review_site.registry()
    arrest = next(e for e in registry.events_of("p1") if e.kind.value == "arrest")
    client, token = _signed_in(review_site)
    with closing(client):
        form = client.get(f"/editor/persons/p1/events/{arrest.id}/edit").text
        assert 'value="2014-03-01"' in form
        corrected = client.post(
            "/editor/persons/p1/events",
            data={
                "csrf": token,
                "event_id": arrest.id,
                "type": "arrest",
                "date": "2014-02-28",
                "source_url": "https://example.org/fictional/1",
                "quote": arrest.citations[0].quote,
                "reason": "court record gives 28 February",
            },
        )
        assert corrected.status_code == 303
        charge = next(e for e in registry.events_of("p1") if e.kind.value == "charge")
        retracted = client.post(
            f"/editor/persons/p1/events/{charge.id}/retract",
            data={"csrf": token, "reason": "duplicate of the indictment"},
        )
        history = client.get("/editor/persons/p1").text
    assert retracted.status_code == 303
    versions = sorted(
        (e for e in registry.events_of("p1", history=True) if e.id == arrest.id),
        key=lambda e: e.version,
    )
    assert [v.version for v in versions] == [1, 2]
    assert versions[-1].reason == "court record gives 28 February"
    assert versions[-1].citations == arrest.citations  # the quoted span is kept
    assert charge.id not in {e.id for e in registry.events_of("p1")}
    assert "court record gives 28 February" in history
    assert "duplicate of the indictment" in history and "(retracted)" in history
    with review_site.client() as public:
        page = public.get("/persons/p1").text
    assert "2014-02-28" in page and "2014-03-01" not in page


def test_edit_then_accept_records_the_edited_date_as_a_correction(review_site: Site) -> None:
    registry = review_site.registry()
    proposal = next(p for p in registry.proposals(ProposalStatus.PENDING) if p.decision == "match")
    client, token = _signed_in(review_site)
    with closing(client):
        response = client.post(
            f"/editor/review/{proposal.id}/accept",
            data={"csrf": token, "reason": "checked", "date": "2015-12-29"},
        )
    assert response.status_code == 303
    event_id = proposal.events[0].id
    versions = sorted(
        (e for e in registry.events_of(proposal.person_id, history=True) if e.id == event_id),
        key=lambda e: e.version,
    )
    assert [str(v.date) for v in versions] == ["2015-12-28", "2015-12-29"]
    assert registry.count(date(2015, 12, 28)) == registry.count(date(2015, 12, 27))


def test_viewers_cannot_use_the_forms(review_site: Site) -> None:
    client, token = _signed_in(review_site, "viewer")
    with closing(client):
        page = client.get("/editor/persons/p1")
        form = client.get("/editor/persons/p1/edit")
        post = client.post(
            "/editor/persons/p1/events", data={"csrf": token, "type": "arrest", "date": "2015"}
        )
    assert page.status_code == 200 and "Add an event" not in page.text
    assert form.status_code == 403 and post.status_code == 403


def test_editor_adds_a_source_and_a_case_and_events_cite_the_source_unchanged(
    review_site: Site,
) -> None:
    client, token = _signed_in(review_site)
    url = "https://example.org/fictional/court-record-77"
    with closing(client):
        source = client.post(
            "/editor/sources",
            data={
                "csrf": token,
                "url": url,
                "title": "Court record 77 (fictional)",
                "kind": "court_document",
                "publisher": "Velgrad court (fictional)",
                "published": "2015-05",
                "text": "The court sentenced Elmir Rzayev to six years.",
            },
        )
        assert source.status_code == 303
        case = client.post(
            "/editor/cases",
            data={
                "csrf": token,
                "id": "c-web",
                "title": "Case of Elmir Rzayev (fictional)",
                "court": "Velgrad court (fictional)",
                "defendants": "p4",
                "charges": "274 — high treason|Art. 192: illegal entrepreneurship",
                "judge": "p-nobody",
            },
        )
        assert case.status_code == 422 and "p-nobody" in case.text
        case = client.post(
            "/editor/cases",
            data={
                "csrf": token,
                "id": "c-web",
                "title": "Case of Elmir Rzayev (fictional)",
                "defendants": "p4",
                "charges": "274 — high treason|Art. 192: illegal entrepreneurship",
            },
        )
        assert case.status_code == 303
        event = client.post(
            "/editor/persons/p4/events",
            data={
                "csrf": token,
                "type": "hearing",
                "date": "2015-05-20",
                "source_url": url,
                "quote": "sentenced Elmir Rzayev",
                "case_id": "c-web",
            },
        )
        assert event.status_code == 303, event.text
    registry = review_site.registry()
    stored = [s for s in registry.sources() if s.urls == (url,)]
    assert len(stored) == 1
    assert stored[0].title == "Court record 77 (fictional)"
    assert stored[0].text.startswith("The court sentenced") and stored[0].content_hash
    charges = next(c for c in registry.cases() if c.id == "c-web").charges
    assert [(c.article, c.name) for c in charges] == [
        ("274", "high treason"),
        ("192", "illegal entrepreneurship"),
    ]
    with review_site.client() as public:
        page = public.get("/persons/p4").text
    assert "Art. 274 — high treason" in page and "Court record 77 (fictional)" in page


def test_an_edit_on_acceptance_that_is_refused_leaves_the_proposal_pending(
    review_site: Site,
) -> None:
    registry = review_site.registry()
    proposal = next(p for p in registry.proposals(ProposalStatus.PENDING) if p.decision == "match")
    before = registry.events_of(proposal.person_id, history=True)
    audit = registry.audit_count()
    client, token = _signed_in(review_site)
    with closing(client):
        response = client.post(
            f"/editor/review/{proposal.id}/accept",
            data={"csrf": token, "reason": "checked", "date": "1990-01-01"},
        )
    assert response.status_code == 422
    assert registry.get_proposal(proposal.id).status is ProposalStatus.PENDING
    assert registry.events_of(proposal.person_id, history=True) == before
    assert registry.audit_count() == audit

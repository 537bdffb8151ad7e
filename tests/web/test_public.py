"""Public pages over HTTP: the list with filters and downloads, statistics, published lists,
decree reports, official pages, error pages."""

from __future__ import annotations

import csv
import html
import io
from datetime import date

from websupport import Site


def test_list_page_shows_the_count_and_the_rows_of_the_date(site: Site) -> None:
    registry = site.registry()
    on = date(2015, 12, 28)
    expected = registry.count(on)
    with site.client() as client:
        page = client.get("/", params={"as_of": "2015-12-28"}).text
        data = client.get("/list.json", params={"as_of": "2015-12-28"}).json()
    assert f'<span class="number" id="count">{expected}</span>' in page
    assert data["count"] == expected
    shown = {item["id"] for item in data["items"]}
    assert shown == {e.person.id for e in registry.list_on(on)} - {"p-042"}
    for item in data["items"][:5]:
        assert f'href="/persons/{item["id"]}"' in page


def test_list_filters_narrow_the_rows(site: Site) -> None:
    with site.client() as client:
        everyone = client.get("/api/v1/list?as_of=2015-12-28").json()["items"]
        journalists = [i for i in everyone if "journalist" in i["occupations"]]
        assert journalists
        page = client.get("/", params={"as_of": "2015-12-28", "occupation": "journalist"}).text
        charge = everyone[0]["charges"][0]
        by_charge = client.get("/", params={"as_of": "2015-12-28", "charge": charge}).text
        sentenced = client.get("/", params={"as_of": "2015-12-28", "status": "sentenced"}).text
    rows = page.count('<tr>\n  <td><a href="/persons/')
    assert rows == len(journalists)
    assert f'href="/persons/{everyone[0]["id"]}"' in by_charge
    assert "awaiting trial</td>" not in sentenced


def test_list_csv_download_has_one_row_per_person(site: Site) -> None:
    with site.client() as client:
        response = client.get("/list.csv", params={"as_of": "2016-06-01"})
        listed = client.get("/api/v1/list?as_of=2016-06-01").json()
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == [i["id"] for i in listed["items"]]
    assert set(rows[0]) >= {"id", "name", "other_names", "since", "recognised_by", "charges"}


def test_bad_date_on_a_page_is_a_clear_422(site: Site) -> None:
    with site.client() as client:
        response = client.get("/", params={"as_of": "2015-02-30"})
    assert response.status_code == 422
    assert "2015-02-30 does not exist" in response.text
    assert "text/html" in response.headers["content-type"]


def test_unknown_page_is_an_html_404(site: Site) -> None:
    with site.client() as client:
        response = client.get("/persons/p-nobody")
    assert response.status_code == 404
    assert 'No person with id "p-nobody"' in html.unescape(response.text)


def test_statistics_page_has_every_chart_with_its_csv(site: Site) -> None:
    with site.client() as client:
        page = client.get("/statistics", params={"as_of": "2015-12-28"}).text
        over_time = client.get("/statistics/over-time.csv").text.splitlines()
        svg = client.get("/statistics/flows.svg")
        occupations = client.get("/statistics/occupations.csv?as_of=2015-12-28").text
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 5
    assert over_time[0] == "date,count"
    assert "2016-01-01,66" in over_time or any(r.startswith("2016-01-01,") for r in over_time)
    point = next(r for r in over_time if r.startswith("2015-12-01,"))
    assert int(point.split(",")[1]) == site.registry().count(date(2015, 12, 1))
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.startswith("<svg") and "<title" in svg.text
    total = sum(int(r.split(",")[-1]) for r in occupations.splitlines()[1:])
    listed = len(site.registry().list_on(date(2015, 12, 28))) - 1  # one flagged at risk
    assert total >= listed


def test_published_lists_have_stable_pages_downloads_and_a_changes_page(site: Site) -> None:
    registry = site.registry()
    first, second = registry.publication(1), registry.publication(2)
    with site.client() as client:
        index = client.get("/lists").text
        page = client.get("/lists/1").text
        as_json = client.get("/lists/1.json").json()
        changes = client.get("/lists/2/changes").text
        first_changes = client.get("/lists/1/changes")
    assert 'href="/lists/1"' in index and 'href="/lists/2/changes"' in index
    assert first.content_hash in page
    assert as_json["count"] == first.count and as_json["content_hash"] == first.content_hash
    assert [m["person_id"] for m in as_json["members"]] == [m.person_id for m in first.members]
    diff = registry.publication_diff(1, 2)
    assert diff, "the demo's lists differ"
    for change in diff[:3]:
        assert f'href="/persons/{change.person_id}"' in changes
    assert second.title not in changes or "&lt;script&gt;" in changes
    assert first_changes.status_code == 422


def test_decree_report_says_what_the_decree_did(site: Site) -> None:
    decree = next(d for d in site.registry().decrees() if str(d.date) == "2015-12-28")
    with site.client() as client:
        page = client.get(f"/decrees/{decree.id}").text
        api = client.get(f"/api/v1/decrees/{decree.id}").json()
        index = client.get("/decrees").text
    assert f'href="/decrees/{decree.id}"' in index
    assert "political prisoners in custody on 2015-12-28" in api["sentence"]
    assert api["sentence"] in page.replace("&#39;", "'")
    assert api["prisoners_in_custody"] >= len(api["not_included"])


def test_official_page_lists_cases_and_links_defendants(site: Site) -> None:
    registry = site.registry()
    case = next(c for c in registry.cases() if c.officials and c.id.startswith("c-0"))
    judge = case.officials[0].person_id
    with site.client() as client:
        page = client.get(f"/officials/{judge}")
        person = client.get(f"/persons/{case.defendants[0]}").text
    assert page.status_code == 200
    assert case.title in page.text
    assert f'href="/officials/{judge}"' in person


def test_officials_are_ranked_with_links_to_their_pages(site: Site) -> None:
    with site.client() as client:
        by_cases = client.get("/officials").text
        by_years = client.get("/officials", params={"by": "years"})
        wrong = client.get("/officials", params={"by": "height"})
    judges = {o.person_id for c in site.registry().cases() for o in c.officials}
    assert sum(f'href="/officials/{j}"' in by_cases for j in judges) >= 5
    assert by_years.status_code == 200 and wrong.status_code == 422

"""decree and review commands, end to end on the fixture registry and the demo."""

from __future__ import annotations

import json
from pathlib import Path

from factory import DATA
from test_cli import habeas

FIXTURE = DATA / "registry"


def _loaded(tmp_path: Path) -> Path:
    db = tmp_path / "habeas.db"
    files = [FIXTURE / "persons.csv", FIXTURE / "events.csv", FIXTURE / "correction.csv"]
    assert habeas(db, "import", *map(str, files)).returncode == 0
    result = habeas(
        db,
        "decree",
        "import",
        str(FIXTURE / "decree-2015-12-28.txt"),
        "--date",
        "2015-12-28",
        "--issuer",
        "President (fictional)",
        "--kind",
        "pardon",
        "--number",
        "690",
    )
    assert result.returncode == 0, result.stderr
    assert "5 entries" in result.stdout
    return db


def _decree_id(db: Path) -> str:
    rows = json.loads(habeas(db, "decree", "list", "--format", "json").stdout)
    return str(rows[0]["id"])


def test_decree_check_json_contract(tmp_path: Path) -> None:
    db = _loaded(tmp_path)
    payload = json.loads(habeas(db, "decree", "check", _decree_id(db), "--format", "json").stdout)
    assert payload["prisoners_in_custody"] == 6
    assert {"decree", "prisoners_in_custody", "included", "possible", "not_included"} <= set(
        payload
    )
    item = payload["included"][0]
    assert set(item) >= {"person_id", "entry_line", "entry_text", "score", "outcome", "explanation"}


def test_decree_check_first_line_is_the_sentence(tmp_path: Path) -> None:
    db = _loaded(tmp_path)
    result = habeas(db, "decree", "check", _decree_id(db))
    assert result.stdout.splitlines()[0].startswith(
        "3 of 6 political prisoners in custody on 2015-12-28 are named in this decree"
    )


def test_decree_check_html_escapes_and_lists_everyone(tmp_path: Path) -> None:
    db = _loaded(tmp_path)
    page = habeas(db, "decree", "check", _decree_id(db), "--format", "html").stdout
    assert page.startswith("<!doctype html>") and "Left out (2)" in page
    assert "Mehdiyev Orxan Rauf oğlu" in page


def test_review_accept_and_reject(tmp_path: Path) -> None:
    db = _loaded(tmp_path)
    pending = json.loads(habeas(db, "review", "list", "--format", "json").stdout)
    ids = {row["person_id"]: row["id"] for row in pending}
    assert set(ids) == {"p7", "p8"}
    assert "Mehdiyev" in habeas(db, "review", "show", ids["p8"]).stdout
    assert habeas(db, "review", "accept", ids["p8"], "--reason", "read it").returncode == 0
    assert habeas(db, "review", "reject", ids["p7"]).returncode == 0
    assert habeas(db, "count", "--as-of", "2015-12-28").stdout == "4\n"
    again = habeas(db, "review", "accept", ids["p8"])
    assert again.returncode == 1 and "already accepted" in again.stderr
    assert json.loads(habeas(db, "review", "list", "--format", "json").stdout) == []


def test_demo_has_a_decree_that_leaves_everyone_out_and_one_that_covers_some(
    tmp_path: Path,
) -> None:
    db = tmp_path / "demo.db"
    assert habeas(db, "demo").returncode == 0
    decrees = {
        row["date"]: row["id"]
        for row in json.loads(habeas(db, "decree", "list", "--format", "json").stdout)
    }
    december = json.loads(
        habeas(db, "decree", "check", decrees["2015-12-28"], "--format", "json").stdout
    )
    assert december["summary"].startswith("0 of 66 political prisoners in custody on 2015-12-28")
    march = json.loads(
        habeas(db, "decree", "check", decrees["2016-03-16"], "--format", "json").stdout
    )
    assert len(march["included"]) == 14
    assert march["summary"].startswith("14 of 69 political prisoners in custody on 2016-03-16")
    spellings = {i["entry_text"].split(",")[0] for i in march["included"]}
    names = {i["name"] for i in march["included"]}
    assert spellings.isdisjoint(names)  # the decree spells them differently from the list

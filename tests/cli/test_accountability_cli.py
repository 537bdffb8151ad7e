"""Officials, screening, dossiers and FtM on the demo database, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from followthemoney import model
from pypdf import PdfReader
from test_cli import habeas

from habeas.jobs.demo import DEMO_SANCTIONS

# Planted in the demo's sanctions.ftm.json, each spelled otherwise than in the demo registry.
PLANTED = {
    "o-003": "vx-vagif-aliev-1967",  # Cyrillic only
    "o-007": "vx-aliyeva-shahla",  # surname first, upper case, no diacritics
    "o-012": "vx-elnur-gasymov",  # a PEP, not sanctioned
    "o-016": "vx-guseyn-tagizade",  # Russian-style romanisation
    "o-021": "vx-shakhin-guseynov",  # BGN-style romanisation, two programmes
}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    assert habeas(db, "demo").returncode == 0
    return db


def test_official_show_lists_dated_sourced_posts(demo_db: Path) -> None:
    result = habeas(demo_db, "official", "show", "o-003", "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    positions = record["identity"]["positions"]
    posts = [(p["title"], p["organisation"], p["start"], p["end"]) for p in positions]
    assert posts == [
        ("Judge", "Velgrad Grave Crimes Court (fictional)", "2008-04-01", "2017-03-01"),
        ("Judge", "Velgrad Court of Appeal (fictional)", "2017-03-01", None),
    ]
    assert all(p["sources"] and not p["derived"] for p in positions)


def test_screening_the_demo_finds_the_planted_officials_and_nobody_else(demo_db: Path) -> None:
    queue = json.loads(habeas(demo_db, "review", "list", "--format", "json").stdout)
    assert sorted(p["person_id"] for p in queue) == sorted([*PLANTED, "o-001"])  # `habeas demo`
    against = str(DEMO_SANCTIONS)
    result = habeas(demo_db, "screen", "--against", against, "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["screened"] == 25
    matches = {h["id"]: h for h in payload["hits"] if h["decision"] == "match"}
    assert {k: h["entity_id"] for k, h in matches.items()} == PLANTED
    assert matches["o-021"]["programs"] == [
        "Fictional Global Magnitsky Programme",
        "Fictional Union Human Rights Sanctions Regime",
    ]
    assert matches["o-012"]["programs"] == [] and matches["o-012"]["topics"] == ["role.pep"]
    # Same given name and birth year, surname Kərimli for Kərimov: a reviewer decides.
    others = [(h["id"], h["entity_id"], h["decision"]) for h in payload["hits"]]
    assert sorted(set(others) - {(k, v, "match") for k, v in PLANTED.items()}) == [
        ("o-001", "vx-elchin-karimli", "possible")
    ]
    assert payload["queued"] == 0  # the demo queued them already; nothing new since its run
    assert payload["changes"]["designated"] == payload["changes"]["delisted"] == []
    queue = json.loads(habeas(demo_db, "review", "list", "--format", "json").stdout)
    (shahin,) = [p for p in queue if p["person_id"] == "o-021"]
    assert habeas(demo_db, "review", "accept", shahin["id"]).returncode == 0
    names = habeas(demo_db, "show", "o-021").stdout
    assert "Shakhin Guseynov" in names


def test_dossier_pdf_reads_as_a_document(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    result = habeas(demo_db, "dossier", "o-016", "--format", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Hüseyn Tağızadə" in text and "Гусейн Тагизаде" in text
    assert "Prosecutor" in text and "Case of" in text and "sha256:" in text


def test_ftm_export_of_the_demo_validates_and_round_trips_officials(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "entities.ftm.json"
    assert habeas(demo_db, "export", "--format", "ftm", "-o", str(out)).returncode == 0
    schemata: dict[str, int] = {}
    for line in out.read_text("utf-8").splitlines():
        entity = model.get_proxy(json.loads(line), cleaned=False)
        model.get_proxy(entity.to_dict(), cleaned=True)  # the library's own cleaning
        schemata[entity.schema.name] = schemata.get(entity.schema.name, 0) + 1
    assert schemata["Occupancy"] == schemata["Position"] == 27
    assert schemata["CourtCase"] == 83 and schemata["Person"] == 128  # the at-risk one left out
    fresh = tmp_path / "fresh.db"
    result = habeas(fresh, "official", "import", str(out))
    assert result.returncode == 0, result.stderr
    assert "27 posts written" in " ".join(result.stdout.split())
    assert habeas(fresh, "official", "import", str(out)).stdout.count("(0 new) and 0 posts") == 1

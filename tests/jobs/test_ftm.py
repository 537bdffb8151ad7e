"""FollowTheMoney export of the registry and import of officials, checked with the library."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from factory import event, person
from followthemoney import model

from habeas.domain.case import Case, CaseOfficial, OfficialRole
from habeas.domain.dates import parse_partial_date
from habeas.domain.official import Position
from habeas.domain.person import Gender, Note, NoteKind, PersonRole, Script
from habeas.domain.source import Citation, Source
from habeas.domain.visibility import Visibility
from habeas.exceptions import InputError
from habeas.jobs.ftm import ftm_entities, ftm_lines, read_ftm_officials
from habeas.storage.registry import ChangeSet
from habeas.storage.screening import ScreeningStore
from habeas.storage.sql import SqlRegistry

DATA = Path(__file__).parent.parent / "data" / "ftm"
AT = datetime(2025, 1, 10, 12, 0)
SECRET = "family contact: +000 fictional"


class Registry(SqlRegistry, ScreeningStore):
    """The SQL registry with the screening store mixed in."""


@pytest.fixture
def store(sqlite_url: str) -> Registry:
    registry = Registry(sqlite_url)
    prisoner = person(
        "Anar Qasimov",
        "Анар Касимов",
        pid="p1",
        birth=parse_partial_date("1980"),
        gender=Gender.MALE,
        country="az",
        notes=(
            Note(NoteKind.FAMILY, SECRET),
            Note(NoteKind.GENERAL, "Recognised by Union A (fictional).", Visibility.PUBLIC),
        ),
    )
    hidden = person("Leyla Nuriyeva", pid="p2", risk=True)
    judge = person(
        "Tofiq Vəliyev",
        "Tofig Valiyev",
        pid="j1",
        role=PersonRole.OFFICIAL,
        birth=parse_partial_date("1961"),
        visibility={"birth": Visibility.RESTRICTED},
    )
    prosecutor = person("Orxan Səlimov", pid="r1", role=PersonRole.OFFICIAL)
    case = Case(
        "c1",
        "Case of Anar Qasimov (fictional)",
        defendants=("p1",),
        court="Grave Crimes Court (fictional)",
        officials=(
            CaseOfficial("j1", OfficialRole.JUDGE),
            CaseOfficial("r1", OfficialRole.PROSECUTOR),
        ),
    )
    source = Source("s1", title="Fictional report", urls=("https://example.org/fictional/1",))
    arrest = event("arrest", "2014-03-01", "p1", case_id="c1", citations=(Citation("s1"),))
    registry.apply(
        ChangeSet(
            persons=[prisoner, hidden, judge, prosecutor],
            sources=[source],
            cases=[case],
            events=[arrest],
        ),
        actor="t",
        at=AT,
        reason="test",
    )
    registry.add_positions(
        [
            Position(
                "pos1",
                "r1",
                "Prosecutor, Baku City Prosecutor's Office (fictional)",
                country="az",
                start=parse_partial_date("2010-02"),
            )
        ],
        actor="t",
        at=AT,
    )
    return registry


def _by_schema(entities: list[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = {}
    for entity in entities:
        found.setdefault(str(entity["schema"]), []).append(entity)
    return found


def test_every_exported_entity_validates_with_followthemoney(store: Registry) -> None:
    for line in ftm_lines(store):
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.validate({"properties": proxy.properties}) is None
        assert proxy.to_dict()["properties"] == data["properties"], data
        assert set(data) >= {"id", "schema", "caption", "properties", "datasets", "target"}


def test_export_has_persons_positions_cases_and_parties(store: Registry) -> None:
    entities = _by_schema(list(ftm_entities(store)))
    assert sorted(entities) == ["CourtCase", "CourtCaseParty", "Occupancy", "Person", "Position"]
    persons = {str(p["caption"]): p for p in entities["Person"]}
    assert sorted(persons) == ["Anar Qasimov", "Orxan Səlimov", "Tofiq Vəliyev"]  # risk left out
    judge = persons["Tofiq Vəliyev"]["properties"]
    assert isinstance(judge, dict)
    assert judge["alias"] == ["Tofig Valiyev"]
    assert judge["position"] == ["Judge, Grave Crimes Court (fictional)"]
    assert judge["topics"] == ["role.judge"]
    assert "birthDate" not in judge  # restricted field
    prisoner = persons["Anar Qasimov"]["properties"]
    assert isinstance(prisoner, dict)
    assert "topics" not in prisoner and "position" not in prisoner
    assert prisoner["sourceUrl"] == ["https://example.org/fictional/1"]
    assert prisoner["notes"] == ["Recognised by Union A (fictional)."]
    positions = sorted(str(p["caption"]) for p in entities["Position"])
    assert positions == [  # judge's derived from the case; prosecutor's stored
        "Judge, Grave Crimes Court (fictional)",
        "Prosecutor, Baku City Prosecutor's Office (fictional)",
    ]
    assert len(entities["Occupancy"]) == 2
    roles = sorted(str(p["properties"]["role"]) for p in entities["CourtCaseParty"])  # type: ignore[index]
    assert roles == ["['defendant']", "['judge']", "['prosecutor']"]
    court_case = entities["CourtCase"][0]["properties"]
    assert court_case == {
        "name": ["Case of Anar Qasimov (fictional)"],
        "court": ["Grave Crimes Court (fictional)"],
        "caseNumber": ["c1"],
        "fileDate": ["2014-03-01"],
    }


def test_export_never_carries_restricted_notes(store: Registry) -> None:
    text = "\n".join(ftm_lines(store))
    assert SECRET not in text and "Leyla" not in text


def test_import_reads_officials_and_their_positions(tmp_path: Path) -> None:
    good = [
        line
        for line in (DATA / "sanctions.ftm.json").read_text("utf-8").splitlines()
        if line.startswith("{") and "fx-broken" not in line
    ]
    path = tmp_path / "officials.ftm.json"
    path.write_text("\n".join(good) + "\n", encoding="utf-8")
    result = read_ftm_officials(path)
    persons = {p.id: p for p in result.changes.persons}
    bagirzade = persons["ftm-fx-elsad-bagirzade"]
    assert bagirzade.role is PersonRole.OFFICIAL
    assert [(n.value, n.script) for n in bagirzade.names] == [
        ("Elşad Bağırzadə", Script.LATN),
        ("Эльшад Багирзаде", Script.CYRL),
    ]
    assert bagirzade.birth == parse_partial_date("1968-04-02")
    assert persons["ftm-fx-rovsan-talibov"].names[0].script is Script.CYRL
    assert [(p.person_id, p.title) for p in result.positions] == [
        ("ftm-fx-elsad-bagirzade", "Judge, Grave Crimes Court (fictional)")
    ]
    assert result.skipped["unknown schema Spaceship"] == 1
    assert result.skipped["person without a name"] == 1
    assert result.skipped["Sanction"] == 5
    assert result.changes.origin("person", "ftm-fx-noise-1") == "officials.ftm.json, line 3"


def test_import_names_the_file_and_line_of_a_malformed_entity() -> None:
    with pytest.raises(InputError, match=r"sanctions\.ftm\.json, line 10: not valid JSON"):
        read_ftm_officials(DATA / "sanctions.ftm.json")

"""Screening names against a FollowTheMoney file: planted hits, namesakes, bad lines."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from factory import person
from screening import OFFICIALS, SANCTIONS

from habeas.domain.dates import parse_partial_date
from habeas.domain.person import PersonRole
from habeas.domain.proposal import ProposalKind, ProposalStatus
from habeas.exceptions import InputError
from habeas.jobs.registry_screen import screen_registry
from habeas.jobs.screen import ScreenName, screen, with_country
from habeas.storage.registry import ChangeSet
from habeas.storage.screening import ScreeningStore
from habeas.storage.sql import SqlRegistry

AT = datetime(2025, 1, 10, 12, 0)


class Registry(SqlRegistry, ScreeningStore):
    """The SQL registry with the screening store mixed in."""


def test_screen_finds_exactly_the_planted_sanctioned_officials() -> None:
    report = screen(OFFICIALS, SANCTIONS)
    assert [(h.id, h.entity_id) for h in report.hits] == [
        ("o1", "fx-elsad-bagirzade"),
        ("o2", "fx-rovsan-talibov"),
    ]
    assert report.screened == 5


def test_cyrillic_listing_carries_programmes_authority_and_first_date() -> None:
    hits = {h.id: h for h in screen(OFFICIALS, SANCTIONS).hits}
    talibov = hits["o2"]
    assert talibov.entity_name == "Ровшан Талыбов"
    assert talibov.programs == (
        "Fictional Anti-Corruption Regulations",
        "Fictional Human Rights Regime",
    )
    assert talibov.authority == ("Council of the Fictional Union", "Fictional Treasury")
    assert talibov.since == "2022-07-15"
    assert talibov.topics == ("sanction", "role.pep")
    assert talibov.datasets == ("fictional_ghr",)
    assert "country az agrees" in talibov.explanation
    assert hits["o1"].programs == ("FX-GLOMAG", "Fictional Global Magnitsky")


def test_namesakes_with_other_birth_years_are_not_hits() -> None:
    ids = {h.id for h in screen(OFFICIALS, SANCTIONS, threshold=0.5).hits}
    assert "o3" not in ids and "o4" not in ids


def test_bad_lines_unknown_schemata_and_nameless_entities_are_counted() -> None:
    report = screen(OFFICIALS, SANCTIONS)
    assert report.skipped_lines == 2
    assert report.skipped == {
        "malformed line": 2,
        "unknown schema": 1,
        "entity without a name": 1,
    }
    assert report.entities_read == 17


def test_json_has_the_stable_contract_keys() -> None:
    data = screen(OFFICIALS, SANCTIONS).as_dict()
    assert data["screened"] == 5
    for hit in data["hits"]:
        for key in ("id", "entity_id", "entity_name", "score", "datasets", "topics"):
            assert key in hit
        assert {"programs", "explanation"} <= set(hit)


def test_nationality_mismatch_counts_against_and_agreement_slightly_for() -> None:
    base = 0.7
    agree, why_agree = with_country(base, "az", {"az"})
    differ, why_differ = with_country(base, "az", {"ru"})
    assert base < agree < 0.8 and differ < 0.5
    assert "agrees" in why_agree and "ru" in why_differ
    assert with_country(base, None, {"az"}) == (base, "")


def test_worker_processes_find_what_one_process_finds(tmp_path: Path) -> None:
    big = tmp_path / "entities.ftm.json"
    lines = SANCTIONS.read_bytes().splitlines(keepends=True)
    big.write_bytes(b"".join(lines * 40))  # many byte ranges, each line in exactly one
    one = screen(OFFICIALS, big, workers=1)
    seen: list[tuple[int, int, int]] = []
    two = screen(OFFICIALS, big, workers=2, progress=lambda *a: seen.append(a))
    assert one.as_dict() == two.as_dict() and one.file_hash == two.file_hash
    assert two.entities_read == 40 * screen(OFFICIALS, SANCTIONS).entities_read
    assert seen[-1][1] == seen[-1][2] == big.stat().st_size


def test_missing_file_is_one_line_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        screen(OFFICIALS, tmp_path / "absent.ftm.json")


def test_progress_reports_entities_and_bytes() -> None:
    seen: list[tuple[int, int, int]] = []
    screen(OFFICIALS, SANCTIONS, progress=lambda n, done, total: seen.append((n, done, total)))
    assert seen[-1][1] == seen[-1][2] == SANCTIONS.stat().st_size


def _officials_registry(url: str) -> Registry:
    store = Registry(url)
    bagirzade = person(
        "Elshad Bagirzade",
        "Bağırzadə Elşad",
        pid="off-1",
        role=PersonRole.OFFICIAL,
        birth=parse_partial_date("1968"),
        country="az",
    )
    sultanova = person(
        "Nigar Sultanova", pid="off-2", role=PersonRole.OFFICIAL, birth=parse_partial_date("1980")
    )
    prisoner = person("Rovshan Talibov", pid="pr-1", birth=parse_partial_date("1972"))
    store.apply(
        ChangeSet(persons=[bagirzade, sultanova, prisoner]), actor="t", at=AT, reason="test"
    )
    return store


def test_registry_screening_queues_proposals_for_officials_only(sqlite_url: str) -> None:
    store = _officials_registry(sqlite_url)
    result = screen_registry(store, SANCTIONS, actor="t", at=AT)
    assert [(h.id, h.entity_id) for h in result.report.hits] == [("off-1", "fx-elsad-bagirzade")]
    assert result.queued == 1 and result.changes is None
    proposals = store.proposals(ProposalStatus.PENDING)
    assert [(p.kind, p.person_id) for p in proposals] == [(ProposalKind.SCREENING, "off-1")]
    assert "Fictional Global Magnitsky" in proposals[0].summary
    assert store.last_screening() == result.run


def test_second_run_reports_designations_and_delistings(sqlite_url: str, tmp_path: Path) -> None:
    store = _officials_registry(sqlite_url)
    screen_registry(store, SANCTIONS, actor="t", at=AT)
    newer = tmp_path / "newer.ftm.json"
    lines = SANCTIONS.read_text("utf-8").splitlines()
    kept = [line for line in lines if "fx-elsad-bagirzade" not in line]
    kept.append(
        '{"id": "fx-sultanova-80", "schema": "Person", "properties": {"name": '
        '["Султанова Нигяр"], "birthDate": ["1980"]}, "datasets": ["fictional_ghr"]}'
    )
    newer.write_text("\n".join(kept) + "\n", encoding="utf-8")
    later = datetime(2025, 6, 1)
    result = screen_registry(store, newer, actor="t", at=later)
    assert result.changes is not None
    assert [(h["id"], h["entity_id"]) for h in result.changes.designated] == [
        ("off-2", "fx-sultanova-80")
    ]
    assert [(h["id"], h["entity_id"]) for h in result.changes.delisted] == [
        ("off-1", "fx-elsad-bagirzade")
    ]
    assert result.queued == 1
    assert store.last_screening() == result.run


def test_gender_other_in_the_file_is_no_evidence_against(tmp_path: Path) -> None:
    entity = {
        "id": "fx-other",
        "schema": "Person",
        "properties": {"name": ["Рашад Алиев"], "birthDate": ["1970"], "gender": ["other"]},
        "datasets": ["fictional"],
    }
    path = tmp_path / "other.ftm.json"
    path.write_text(json.dumps(entity, ensure_ascii=False) + "\n", "utf-8")
    names = [ScreenName("x1", "Rashad Aliyev", 1970, "", "male")]
    assert [h.entity_id for h in screen(names, path).hits] == ["fx-other"]

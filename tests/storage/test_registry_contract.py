"""The registry contract, on a real SQLite file and a real PostgreSQL database.

Fixture: tests/data/registry (fictional). Expected counts worked out by hand:
on 2015-12-28 p1 was released that day (pardon), p3 between spells, p6 never held;
p2 (Committee B), p4 (halved, not freed), p5, p7 (arrested that day), p8 count: 5.
As known on 2016-01-10, p5 had been released on 2015-10-01 (corrected on 2016-01-20): 4.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from factory import DATA

from habeas.domain.event import EventKind
from habeas.exceptions import InvalidRecord, NotFound
from habeas.jobs.transfer import import_files, native_lines
from habeas.storage.sql import SqlRegistry

FIXTURE = DATA / "registry"
NOW = datetime(2026, 1, 1, 12, 0)


def _load(url: str) -> SqlRegistry:
    registry = SqlRegistry(url)
    import_files(registry, [FIXTURE / "persons.csv", FIXTURE / "events.csv"], actor="ana", at=NOW)
    import_files(registry, [FIXTURE / "correction.csv"], actor="ana", at=NOW)
    return registry


@pytest.mark.parametrize(
    ("on", "known_at", "by", "expected"),
    [
        (date(2015, 12, 28), None, None, 5),
        (date(2015, 12, 28), datetime(2016, 1, 10, 23, 59), None, 4),
        (date(2015, 12, 28), None, "Union A", 3),
        (date(2015, 12, 27), None, None, 5),
        (date(2016, 3, 1), None, None, 5),
        (date(2015, 6, 1), None, "Union A", 3),  # p2 out (derecognised), p8 in (2015-06)
        (date(2015, 5, 31), None, "Union A", 3),
        (date(2013, 1, 1), None, None, 1),
        (date(2011, 1, 1), None, None, 0),
    ],
)
def test_counts_on_hand_checked_fixture(
    db_url: str, on: date, known_at: datetime | None, by: str | None, expected: int
) -> None:
    assert _load(db_url).count(on, known_at, by) == expected


def test_list_names_who_and_since(db_url: str) -> None:
    entries = _load(db_url).list_on(date(2015, 12, 28))
    # Ordered by name; p2 has been held as a political prisoner without a break since
    # 2013-09-15 (Union A, then Committee B from 2014 although Union A dropped her).
    assert [(e.person.id, e.since.isoformat(), e.organisations) for e in entries] == [
        ("p4", "2015-12-01", ("Union A",)),
        ("p2", "2013-09-15", ("Committee B",)),
        ("p8", "2015-06-01", ("Union A",)),
        ("p7", "2015-12-28", ("Committee B",)),
        ("p5", "2012-02-01", ("Union A",)),
    ]


def test_known_at_list_matches_known_at_count(db_url: str) -> None:
    registry = _load(db_url)
    then = datetime(2016, 1, 10, 23, 59)
    assert {e.person.id for e in registry.list_on(date(2015, 12, 28), then)} == {
        "p2",
        "p4",
        "p7",
        "p8",
    }


def test_index_agrees_with_recomputation_from_events(db_url: str) -> None:
    registry = _load(db_url)
    far_future = datetime(2100, 1, 1)
    for day in (date(2013, 1, 1), date(2015, 12, 28), date(2016, 3, 1), date(2020, 1, 1)):
        assert registry.count(day) == registry.count(day, known_at=far_future)


def test_correction_keeps_history(db_url: str) -> None:
    registry = _load(db_url)
    versions = [e for e in registry.events_of("p5", history=True) if e.id == "e23"]
    assert [(e.version, e.date.isoformat()) for e in versions] == [
        (1, "2015-10-01"),
        (2, "2016-01-15"),
    ]
    assert versions[1].recorded_at == datetime(2016, 1, 20)
    assert versions[1].reason == "import correction.csv"


def test_reimport_adds_nothing_and_does_not_undo_corrections(db_url: str) -> None:
    registry = _load(db_url)
    before = registry.audit_count()
    summary = import_files(
        registry,
        [FIXTURE / "persons.csv", FIXTURE / "events.csv", FIXTURE / "correction.csv"],
        actor="ana",
        at=NOW,
    )
    assert summary.total_written() == 0
    assert registry.audit_count() == before
    e23 = [e for e in registry.events_of("p5") if e.id == "e23"]
    assert e23[0].date.isoformat() == "2016-01-15"


def test_reimporting_the_same_file_twice_writes_nothing(db_url: str) -> None:
    registry = _load(db_url)
    before = registry.audit_count()
    summary = import_files(registry, [FIXTURE / "correction.csv"], actor="ana", at=NOW)
    assert summary.total_written() == 0
    assert registry.audit_count() == before


def test_unknown_person_writes_nothing(db_url: str, tmp_path: Path) -> None:
    registry = _load(db_url)
    before = registry.audit_count()
    bad = tmp_path / "events.csv"
    bad.write_text(
        "event_id,person_id,type,date,detail,source_url\n"
        "n1,p1,hunger_strike,2015-02-01,,\n"
        "n2,p99,arrest,2015-01-01,,\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidRecord, match=r'events.csv, line 3: no person with id "p99"'):
        import_files(registry, [bad], actor="ana", at=NOW)
    assert registry.audit_count() == before
    assert all(e.kind is not EventKind.HUNGER_STRIKE for e in registry.events_of("p1"))


def test_impossible_chronology_writes_nothing(db_url: str, tmp_path: Path) -> None:
    registry = _load(db_url)
    bad = tmp_path / "events.csv"
    bad.write_text(
        "event_id,person_id,type,date,detail,source_url\n"
        "n1,p6,arrest,2016-05-01,,\n"
        "n2,p6,release,2016-04-01,served,\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidRecord, match=r"events.csv, line 3: impossible chronology"):
        import_files(registry, [bad], actor="ana", at=NOW)
    assert registry.events_of("p6")[0].kind is EventKind.RECOGNITION
    assert len(registry.events_of("p6")) == 1


def test_audit_chain_verifies_and_records_actor(db_url: str) -> None:
    registry = _load(db_url)
    assert registry.verify_audit() is None
    entries = list(registry.audit_entries())
    assert {e.actor for e in entries} == {"ana"}
    assert entries[0].seq == 1 and len(entries) == registry.audit_count()


def test_audit_detects_a_row_edited_with_plain_sql(db_url: str) -> None:
    from sqlalchemy import text

    registry = _load(db_url)
    with registry.engine.begin() as conn:
        conn.execute(text("UPDATE audit SET actor = 'mallory' WHERE seq = 7"))
    broken = registry.verify_audit()
    assert broken is not None and broken.seq == 7


def test_publish_freezes_a_numbered_list_and_diff_explains(db_url: str) -> None:
    registry = _load(db_url)
    first = registry.publish(
        as_of=date(2015, 12, 27),
        title="Before the decree",
        by=None,
        known_at=NOW,
        actor="ana",
        at=NOW,
    )
    second = registry.publish(
        as_of=date(2016, 3, 1),
        title="Spring",
        by=None,
        known_at=NOW,
        actor="ana",
        at=NOW,
    )
    assert (first.number, second.number) == (1, 2)
    assert registry.publication(1).count == 5
    changes = {c.person_id: c for c in registry.publication_diff(1, 2)}
    assert changes["p1"].change == "removed" and "release (pardon) on 2015-12-28" in (
        changes["p1"].explanation
    )
    assert changes["p3"].change == "added" and "arrest on 2016-02-01" in changes["p3"].explanation
    assert changes["p5"].change == "removed" and "2016-01-15" in changes["p5"].explanation
    assert changes["p7"].change == "added"


def test_native_export_round_trips_history(db_url: str, sqlite_url: str, tmp_path: Path) -> None:
    source = _load(db_url)
    source.publish(as_of=date(2015, 12, 28), title="L", by=None, known_at=NOW, actor="a", at=NOW)
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(native_lines(source)) + "\n", encoding="utf-8")
    target = SqlRegistry(f"sqlite:///{tmp_path / 'restored.db'}")
    import_files(target, [dump], actor="restorer", at=NOW)
    assert target.count(date(2015, 12, 28)) == 5
    assert target.count(date(2015, 12, 28), datetime(2016, 1, 10, 23, 59)) == 4
    assert [e.version for e in target.events_of("p5", history=True) if e.id == "e23"] == [1, 2]
    assert target.publication(1).content_hash == source.publication(1).content_hash
    again = import_files(target, [dump], actor="restorer", at=NOW)
    assert again.total_written() == 0


def test_missing_person_is_not_found(db_url: str) -> None:
    with pytest.raises(NotFound, match="p-0042"):
        SqlRegistry(db_url).get_person("p-0042")


def test_search_finds_any_spelling(db_url: str) -> None:
    registry = _load(db_url)
    assert [p.id for p in registry.search_persons("Qasımov")] == ["p1"]
    assert [p.id for p in registry.search_persons("касимов")] == ["p1"]
    assert [p.id for p in registry.search_persons("qasimov")] == ["p1"]
    assert [p.id for p in registry.search_persons("Gasimov Anar")] == ["p1"]
    assert registry.search_persons("Zzyzx") == []


def test_reindex_rebuilds_spells_to_the_same_counts(db_url: str) -> None:
    registry = _load(db_url)
    before = [registry.count(date(y, 6, 1)) for y in range(2012, 2017)]
    assert registry.rebuild_index() == 8
    assert [registry.count(date(y, 6, 1)) for y in range(2012, 2017)] == before


def test_events_of_chosen_kinds_follow_the_current_version(db_url: str) -> None:
    from factory import event, person

    from habeas.storage.registry import ChangeSet

    registry = SqlRegistry(db_url)
    first = ChangeSet(
        persons=[person("Anar Qasımov (fictional)", pid="k1")],
        events=[
            event("arrest", "2014-01-10", "k1", eid="k1-a"),
            event("trial", "2014-06-01", "k1", eid="k1-x"),  # later corrected to a sentence
            event("sentence", "2014-07-01", "k1", eid="k1-y"),  # later corrected to a trial
        ],
    )
    registry.apply(first, actor="ana", at=NOW, reason="")
    fixed = ChangeSet(
        events=[
            event("sentence", "2014-06-01", "k1", eid="k1-x"),
            event("trial", "2014-07-01", "k1", eid="k1-y"),
        ]
    )
    registry.apply(fixed, actor="ana", at=datetime(2026, 2, 1), reason="kinds were swapped")
    chosen = registry.events_by_person(["k1"], kinds={EventKind.SENTENCE})
    assert [(e.id, e.version) for e in chosen["k1"]] == [("k1-x", 2)]
    before = registry.events_by_person(["k1"], datetime(2026, 1, 15), kinds={EventKind.SENTENCE})
    assert [(e.id, e.version) for e in before["k1"]] == [("k1-y", 1)]


def test_visible_entries_rest_on_what_the_reader_may_see(db_url: str) -> None:
    from factory import event, person

    from habeas.domain.visibility import Visibility
    from habeas.storage.registry import ChangeSet

    registry = SqlRegistry(db_url)
    internal = Visibility.INTERNAL
    changes = ChangeSet(
        persons=[person("Elnur Quliyev (fictional)", pid="v1"), person("Orxan Babayev", pid="v2")],
        events=[
            event("arrest", "2014-01-10", "v1", eid="v1-a"),
            event(
                "recognition",
                "2014-03-01",
                "v1",
                eid="v1-r",
                organisation="Staff Only",
                visibility=internal,
            ),
            event("arrest", "2014-01-10", "v2", eid="v2-a"),
            event(
                "recognition",
                "2014-02-01",
                "v2",
                eid="v2-r1",
                organisation="Staff Only",
                visibility=internal,
            ),
            event("recognition", "2014-05-01", "v2", eid="v2-r2", organisation="Union A"),
        ],
    )
    registry.apply(changes, actor="ana", at=NOW, reason="")
    day = date(2015, 1, 1)
    entries = registry.list_on(day)
    assert [(e.person.id, e.since.isoformat(), e.organisations) for e in entries] == [
        ("v1", "2014-03-01", ("Staff Only",)),
        ("v2", "2014-02-01", ("Staff Only", "Union A")),
    ]
    public = registry.visible_entries(entries, day, Visibility.PUBLIC)
    assert [(e.person.id, e.since.isoformat(), e.organisations) for e in public] == [
        ("v2", "2014-05-01", ("Union A",))
    ]
    assert registry.visible_entries(entries, day, internal) == entries
    assert registry.count(day) == 2  # counts are everyone's; only what is shown changes

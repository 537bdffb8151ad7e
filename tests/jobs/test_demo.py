"""The demo registry: a fictional country, deterministic, sourced, and loadable twice."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from habeas.domain.event import (
    Event,
    EventKind,
    Measure,
    ReleaseReason,
    chronology_problems,
    current_versions,
)
from habeas.domain.person import Gender, NameKind, PersonRole, Script
from habeas.domain.source import SourceKind
from habeas.domain.visibility import Visibility
from habeas.jobs.demo import COMMITTEE, COUNTRY, UNION, DemoBatch, build_demo, load_demo
from habeas.storage.sql import SqlRegistry

# Real people named in the shared domain notes and fixtures; the demo must invent others.
REAL = {
    "rauf mirgadirov",
    "leyla yunus",
    "arif yunusov",
    "hilal mammadov",
    "ilgar mammadov",
    "khadija ismayilova",
    "mehman aliyev",
    "tofig yagublu",
    "tofiq yaqublu",
    "afgan mukhtarli",
    "elchin mammad",
    "rashad ramazanov",
    "gozel bayramli",
    "fuad qahramanli",
    "ilham aliyev",
    "matanat azizova",
    "kamil yunusov",
    "jamil hasanli",
    "aqil abbasov",
    "abbasov aqil əzizağa oğlu",
}


@pytest.fixture(scope="module")
def batches() -> list[DemoBatch]:
    return build_demo()


@pytest.fixture(scope="module")
def events(batches: list[DemoBatch]) -> list[Event]:
    return [e for b in batches for e in b.changes.events]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[SqlRegistry, int]:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    registry = SqlRegistry(f"sqlite:///{path}")
    return registry, load_demo(registry)


def test_same_seed_gives_the_same_data_and_another_seed_other_data() -> None:
    assert build_demo(7) == build_demo(7)
    first = {p.name for b in build_demo(7) for p in b.changes.persons}
    other = {p.name for b in build_demo(8) for p in b.changes.persons}
    assert first != other


def test_about_a_hundred_prisoners_named_in_azerbaijani_english_and_russian(
    batches: list[DemoBatch],
) -> None:
    persons = [p for b in batches for p in b.changes.persons]
    prisoners = [p for p in persons if p.role is PersonRole.PRISONER]
    officials = [p for p in persons if p.role is PersonRole.OFFICIAL]
    assert 90 <= len(prisoners) <= 115
    assert 20 <= len(officials) <= 30
    assert len({p.id for p in persons}) == len(persons)
    for person in persons:
        kinds = {(n.script, n.language, n.kind) for n in person.names}
        assert (Script.LATN, "az", NameKind.OFFICIAL) in kinds
        assert (Script.LATN, "en", NameKind.TRANSLITERATION) in kinds
        assert (Script.CYRL, "ru", NameKind.TRANSLITERATION) in kinds
        surname = person.names[0].value.split()[-1]
        if person.gender is Gender.FEMALE:
            assert surname.endswith(("ova", "eva", "li", "zadə"))
            assert not any("oğlu" in n.value for n in person.names)
        else:
            assert surname.endswith(("ov", "ev", "li", "zadə"))
            assert not any("qızı" in n.value for n in person.names)
    decree_style = [n.value for p in prisoners for n in p.names if n.value.endswith(" oğlu")]
    assert len(decree_style) >= 10


def test_no_generated_name_is_a_real_political_prisoner(batches: list[DemoBatch]) -> None:
    names = {n.value.casefold() for b in batches for p in b.changes.persons for n in p.names}
    assert not names & REAL


def test_everything_is_marked_fictional(batches: list[DemoBatch]) -> None:
    assert "fictional" in COUNTRY and "fictional" in UNION and "fictional" in COMMITTEE
    for batch in batches:
        changes = batch.changes
        for person in changes.persons:
            assert person.biography.startswith("Fictional person (demo data).")
            assert person.country == COUNTRY
        for source in changes.sources:
            assert "(fictional)" in source.title or "(fictional)" in source.publisher
            assert "(fictional)" in source.publisher or source.kind is SourceKind.LIST
            assert "Fictional demo data." in source.text
            assert all(".example/" in url for url in source.urls)
        for case in changes.cases:
            assert "(fictional)" in case.title and "(fictional)" in case.court


def test_every_event_cites_a_source_with_the_quoted_span(batches: list[DemoBatch]) -> None:
    sources = {s.id: s for b in batches for s in b.changes.sources}
    placed: set[str] = set()
    for batch in batches:
        placed |= {s.id for s in batch.changes.sources}
        for event in batch.changes.events:
            assert event.citations, event.id
            for citation in event.citations:
                assert citation.source_id in placed, "a source arrives with its first citer"
                text = sources[citation.source_id].text
                assert citation.start is not None and citation.end is not None
                assert text[citation.start : citation.end] == citation.quote != ""


def test_chronology_is_valid_now_and_at_every_batch(batches: list[DemoBatch]) -> None:
    seen: list[Event] = []
    for batch in batches:
        seen.extend(batch.changes.events)
        by_person: dict[str, list[Event]] = defaultdict(list)
        for event in current_versions(seen, known_at=batch.at):
            by_person[event.person_id].append(event)
        for person_id, person_events in by_person.items():
            assert chronology_problems(person_events) == [], person_id


def test_six_years_of_the_events_the_story_needs(events: list[Event]) -> None:
    kinds = {e.kind for e in events}
    assert kinds == set(EventKind) - {EventKind.HEARING, EventKind.AMNESTY}
    days = [e.date.earliest() for e in events]
    assert date(2013, 1, 1) <= min(days) and max(days) <= date(2018, 12, 31)
    reasons = {e.release_reason for e in events if e.kind is EventKind.RELEASE}
    assert {
        ReleaseReason.SERVED,
        ReleaseReason.CONDITIONAL,
        ReleaseReason.ACQUITTAL,
        ReleaseReason.PARDON,
    } <= reasons
    assert any(e.kind is EventKind.PARDON and e.measure is Measure.HALVE for e in events)
    assert {e.organisation for e in events if e.kind is EventKind.RECOGNITION} == {
        UNION,
        COMMITTEE,
    }
    assert all("PACE Res. 1900" in e.criteria for e in events if e.kind is EventKind.RECOGNITION)
    assert 1 <= sum(e.kind is EventKind.DERECOGNITION for e in events) <= 2
    assert sum(e.kind is EventKind.DEATH_IN_CUSTODY for e in events) == 1
    arrested: dict[str, int] = defaultdict(int)
    for e in events:
        if e.kind is EventKind.ARREST and e.version == 1:
            arrested[e.person_id] += 1
    assert 2 <= sum(n > 1 for n in arrested.values()) <= 3


def test_pardons_cite_decrees_of_march_may_and_december(
    batches: list[DemoBatch], events: list[Event]
) -> None:
    sources = {s.id: s for b in batches for s in b.changes.sources}
    pardons = [
        e for e in events if e.kind is EventKind.PARDON or e.release_reason is ReleaseReason.PARDON
    ]
    assert len(pardons) >= 20
    for event in pardons:
        decree = sources[event.citations[0].source_id]
        assert decree.kind is SourceKind.DECREE
        assert decree.published is not None and decree.published.month in (3, 5, 12)
        assert event.citations[0].quote.endswith("il təvəllüdlü")


def test_cases_have_real_articles_and_officials(batches: list[DemoBatch]) -> None:
    cases = [c for b in batches for c in b.changes.cases]
    assert 60 <= len(cases) <= 90
    assert any(len(c.defendants) >= 3 for c in cases)
    articles = {charge.article for c in cases for charge in c.charges}
    assert {"274", "192", "213", "233", "234"} <= articles
    assert all({o.role.value for o in c.officials} >= {"judge", "prosecutor"} for c in cases)


def test_sensitive_notes_are_restricted_and_one_person_is_at_risk(
    batches: list[DemoBatch],
) -> None:
    persons = [p for b in batches for p in b.changes.persons]
    notes = [n for p in persons for n in p.notes]
    assert {n.kind.value for n in notes} >= {"family", "health"}
    assert all(n.visibility is Visibility.RESTRICTED for n in notes)
    assert sum(p.risk for p in persons) == 1


def test_knowledge_time_lags_events_and_a_few_are_corrected_later(
    batches: list[DemoBatch], events: list[Event]
) -> None:
    assert [b.at for b in batches] == sorted(b.at for b in batches)
    for batch in batches:
        for event in batch.changes.events:
            assert event.recorded_at is not None and event.recorded_at <= batch.at
            assert event.recorded_at.date() >= event.date.earliest()
    later = [e for e in events if e.version == 2]
    assert 4 <= len(later) <= 6
    assert all(e.reason for e in later)
    assert sum(e.retracted for e in later) == 1
    firsts = {e.id: e for e in events if e.version == 1}
    assert all(not firsts[e.id].same_fact(e) for e in later)


def test_load_into_sqlite_is_idempotent_and_audited(
    loaded: tuple[SqlRegistry, int], batches: list[DemoBatch]
) -> None:
    registry, persons = loaded
    assert persons == len(registry.persons())
    audit = registry.audit_count()
    again = [registry.apply(b.changes, actor="demo", at=b.at, reason=b.reason) for b in batches]
    assert sum(s.total_written() for s in again) == 0
    assert load_demo(registry) == persons
    assert registry.audit_count() == audit
    assert registry.verify_audit() is None


def test_counts_rise_and_dip_at_pardons(loaded: tuple[SqlRegistry, int]) -> None:
    registry, _ = loaded
    assert 30 <= registry.count(date(2015, 12, 28)) <= 100
    assert registry.count(date(2013, 1, 1)) < registry.count(date(2015, 12, 1))
    for day in (date(2016, 6, 1), date(2017, 6, 1), date(2018, 6, 1)):
        assert 30 <= registry.count(day) <= 100
    before, after = registry.count(date(2016, 3, 15)), registry.count(date(2016, 3, 17))
    assert after < before


def test_counts_as_known_then_differ_from_counts_known_now(
    loaded: tuple[SqlRegistry, int], events: list[Event]
) -> None:
    registry, _ = loaded
    retracted = next(e for e in events if e.retracted)
    original = next(e for e in events if e.id == retracted.id and e.version == 1)
    assert original.recorded_at is not None
    on = original.date.earliest() + timedelta(days=1)
    known_then = original.recorded_at + timedelta(hours=1)
    assert registry.count(on, known_at=known_then) < registry.count(on)
    assert registry.count(on, known_at=datetime(2030, 1, 1)) == registry.count(on)
    then = {e.person.id for e in registry.list_on(on, known_at=known_then)}
    now = {e.person.id for e in registry.list_on(on)}
    assert retracted.person_id in now - then

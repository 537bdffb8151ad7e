"""Official records and rankings on a small fictional registry."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from factory import event
from sqlalchemy import insert

from habeas.domain.case import Case, CaseOfficial, Charge, OfficialRole
from habeas.domain.dates import PartialDate
from habeas.domain.event import EventKind, ReleaseReason, SentenceKind
from habeas.domain.person import Note, NoteKind, Person, PersonName, PersonRole, Script
from habeas.domain.source import Citation, Source, SourceKind
from habeas.domain.visibility import Visibility
from habeas.exceptions import InvalidRecord, NotFound
from habeas.jobs.official import official_record, rank_officials
from habeas.storage import tables
from habeas.storage.registry import ChangeSet
from habeas.storage.sql import SqlRegistry

AT = datetime(2026, 1, 5, 12, 0)
J, J2, P = "o-judge", "o-judge2", "o-pros"
EVIL = "Ben <script>alert('x')</script> Roe"


def _official(pid: str, *names: str, **fields: object) -> Person:
    spelled = tuple(PersonName(n, Script.CYRL if n[0] in "ТР" else Script.LATN) for n in names)
    return Person(id=pid, names=spelled, role=PersonRole.OFFICIAL, **fields)  # type: ignore[arg-type]


def build_registry(url: str) -> SqlRegistry:
    """Two judges, a prosecutor, four defendants, three cases, one recognition, one acquittal."""
    registry = SqlRegistry(url)
    judge = _official(
        J,
        "Tamar Oakes",
        "Тамара Оукс",
        birth=PartialDate(1970),
        country="Republic of Testland (fictional)",
        notes=(
            Note(NoteKind.GENERAL, "RESTRICTED-SECRET witness phone", Visibility.RESTRICTED),
            Note(NoteKind.GENERAL, "INTERNAL-ONLY interview planned", Visibility.INTERNAL),
        ),
        visibility={"birth": Visibility.INTERNAL},
    )
    people = [
        judge,
        _official(J2, "Ruth Oakes"),
        _official(P, "Paul Quill"),
        Person("d-a", (PersonName("Anna Field"),)),
        Person("d-b", (PersonName(EVIL),)),
        Person("d-c", (PersonName("Carl Stone"),)),
        Person("d-d", (PersonName("Dora Vance"),)),
    ]
    text = "Testland Courier. Anna Field was sentenced to six years. Fictional."
    source = Source(
        "s-1",
        "Verdict in the Field case (fictional)",
        SourceKind.ARTICLE,
        "Testland Courier (fictional)",
        PartialDate(2015, 12, 28),
        ("https://courier.example/field",),
        text,
    ).with_hash()
    cite = (Citation("s-1", "Anna Field was sentenced to six years", 18, 55),)
    treason = (Charge("274", "high treason"),)
    both = (CaseOfficial(J, OfficialRole.JUDGE), CaseOfficial(P, OfficialRole.PROSECUTOR))
    cases = [
        Case(
            "c-1",
            "Case of Anna Field and others (fictional)",
            ("d-a", "d-b"),
            treason,
            "Testland City Court (fictional)",
            both,
        ),
        Case(
            "c-2",
            "Case of Carl Stone (fictional)",
            ("d-c",),
            treason,
            "Testland City Court (fictional)",
            both,
        ),
        Case(
            "c-3",
            "Case of Dora Vance (fictional)",
            ("d-d",),
            treason,
            "Testland Regional Court (fictional)",
            (CaseOfficial(J2, OfficialRole.JUDGE),),
        ),
    ]
    events = [
        event("arrest", "2015-03-01", "d-a", case_id="c-1", citations=cite),
        event("sentence", "2015-12-28", "d-a", case_id="c-1", term_months=72, citations=cite),
        event("recognition", "2016-01-10", "d-a", organisation="Union A", citations=cite),
        event("release", "2018-01-10", "d-a", release_reason=ReleaseReason.PARDON),
        event("sentence", "2015-12-28", "d-b", case_id="c-1", term_months=36),
        event("sentence", "2016-05-02", "d-c", case_id="c-2", term_months=120),
        event(
            "hearing",
            "2016-04-01",
            "d-c",
            case_id="c-2",
            detail="INTERNAL-HEARING",
            visibility=Visibility.INTERNAL,
        ),
        event(
            "ill_treatment",
            "2016-06-01",
            "d-c",
            case_id="c-2",
            detail="RESTRICTED-EVENT",
            visibility=Visibility.RESTRICTED,
        ),
        event("arrest", "2016-02-01", "d-d", case_id="c-3"),
        event(
            "release", "2016-09-01", "d-d", case_id="c-3", release_reason=ReleaseReason.ACQUITTAL
        ),
        event("recognition", "2016-03-01", "d-d", organisation="Union A"),
    ]
    registry.apply(
        ChangeSet(persons=people, sources=[source], cases=cases, events=events),
        actor="test",
        at=AT,
        reason="fixture",
    )
    return registry


def add_position(registry: SqlRegistry) -> None:
    """A recorded post for the second judge, with a date and a source."""
    citations = json.dumps([{"source_id": "s-1", "quote": "judge since 2010"}])
    with registry.engine.begin() as conn:
        conn.execute(
            insert(tables.positions).values(
                id="pos-1",
                person_id=J2,
                title="Judge",
                organisation="Testland Regional Court",
                country="TL",
                start="2010-03",
                end=None,
                citations=citations,
                visibility="public",
            )
        )


@pytest.fixture
def registry(sqlite_url: str) -> SqlRegistry:
    return build_registry(sqlite_url)


def test_totals_count_political_cases_defendants_and_years(registry: SqlRegistry) -> None:
    record = official_record(registry, J)
    assert [r.case.id for r in record.cases] == ["c-1", "c-2"]
    assert record.totals.cases == 2
    assert record.totals.political_cases == 1
    assert record.totals.defendants == 3
    assert record.totals.prison_months == 72 + 36 + 120
    assert record.totals.years == 19.0


def test_case_record_has_roles_sentences_releases_and_sources(registry: SqlRegistry) -> None:
    record = official_record(registry, J)
    first = record.cases[0]
    assert first.roles == (OfficialRole.JUDGE,) and first.political
    anna = first.defendants[0]
    assert anna.recognised_by == ("Union A",)
    assert (anna.term_months, anna.sentence_kind) == (72, SentenceKind.PRISON)
    kinds = [f.kind for f in anna.facts]
    assert kinds == [EventKind.ARREST, EventKind.SENTENCE, EventKind.RELEASE]  # release: no case
    assert "sentenced to 6 years in prison" in anna.facts[1].text
    assert record.sources["s-1"].content_hash.startswith("sha256:")


def test_name_in_any_script_finds_the_official(registry: SqlRegistry) -> None:
    assert official_record(registry, "Тамара Оукс").person.id == J
    assert official_record(registry, "tamar oakes").person.id == J


def test_ambiguous_name_lists_candidates_in_one_line(registry: SqlRegistry) -> None:
    with pytest.raises(InvalidRecord) as caught:
        official_record(registry, "Oakes")
    message = str(caught.value)
    assert "\n" not in message and J in message and J2 in message
    with pytest.raises(NotFound, match="No official matches"):
        official_record(registry, "Nobody Atall")


def test_public_record_hides_internal_and_restricted_fields(registry: SqlRegistry) -> None:
    public = official_record(registry, J)
    assert public.person.birth is None and public.person.notes == ()
    texts = [f.text for r in public.cases for d in r.defendants for f in d.facts]
    assert not any("INTERNAL-HEARING" in t or "RESTRICTED-EVENT" in t for t in texts)
    internal = official_record(registry, J, reader=Visibility.INTERNAL)
    assert internal.person.birth == PartialDate(1970)
    assert [n.text for n in internal.person.notes] == ["INTERNAL-ONLY interview planned"]
    texts = [f.text for r in internal.cases for d in r.defendants for f in d.facts]
    assert any("INTERNAL-HEARING" in t for t in texts)
    assert not any("RESTRICTED-EVENT" in t for t in texts)


def test_positions_come_from_the_table_or_from_case_roles(registry: SqlRegistry) -> None:
    derived = official_record(registry, J).positions
    assert [(p.derived, p.position.organisation) for p in derived] == [
        (True, "Testland City Court (fictional)")
    ]
    add_position(registry)
    stored = official_record(registry, J2).positions
    assert [(p.derived, str(p.position.start)) for p in stored] == [(False, "2010-03")]


def test_rank_judges_by_political_cases_and_everyone_by_years(registry: SqlRegistry) -> None:
    judges = rank_officials(registry, by="cases", role="judge")
    assert [(r.rank, r.person.id) for r in judges] == [(1, J), (2, J2)]
    assert judges[1].totals.political_cases == 1 and judges[1].totals.years == 0
    by_years = rank_officials(registry, by="years")
    assert [(r.rank, r.person.id) for r in by_years] == [(1, P), (1, J), (3, J2)]  # ties by name
    prosecutors = rank_officials(registry, by="years", role=OfficialRole.PROSECUTOR)
    assert [r.person.id for r in prosecutors] == [P]
    with pytest.raises(InvalidRecord, match="years"):
        rank_officials(registry, by="height")

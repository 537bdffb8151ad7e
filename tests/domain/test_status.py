from datetime import date

from factory import event

from habeas.domain.event import Measure, ReleaseReason, SentenceKind
from habeas.domain.status import (
    Spell,
    count_political,
    custody_spells,
    political_spells,
    status_on,
    timeline_counts,
)


def test_release_on_a_day_means_not_in_custody_that_day() -> None:
    events = [
        event("arrest", "2014-03-01"),
        event("recognition", "2014-04-01"),
        event("release", "2015-12-28", release_reason=ReleaseReason.PARDON),
    ]
    assert status_on(events, date(2015, 12, 27)).political_prisoner
    assert not status_on(events, date(2015, 12, 28)).in_custody


def test_arrest_day_counts_as_in_custody() -> None:
    events = [event("arrest", "2015-12-28"), event("recognition", "2015-12-28")]
    assert status_on(events, date(2015, 12, 28)).political_prisoner
    assert not status_on(events, date(2015, 12, 27)).in_custody


def test_re_arrest_opens_a_second_spell() -> None:
    events = [
        event("arrest", "2014-05-10"),
        event("release", "2015-05-10"),
        event("arrest", "2016-02-01"),
    ]
    spells = custody_spells(events)
    assert [(s.start, s.end) for s in spells] == [
        (date(2014, 5, 10), date(2015, 5, 10)),
        (date(2016, 2, 1), None),
    ]


def test_recognition_without_custody_is_not_a_political_prisoner() -> None:
    status = status_on([event("recognition", "2015-01-01")], date(2016, 1, 1))
    assert status.recognised_by == ("Union A",)
    assert not status.political_prisoner


def test_derecognition_ends_recognition_by_that_organisation_only() -> None:
    events = [
        event("arrest", "2013-06"),
        event("recognition", "2013-09-15", organisation="Union A"),
        event("recognition", "2014-01-01", organisation="Committee B"),
        event("derecognition", "2015-06-01", organisation="Union A"),
    ]
    later = status_on(events, date(2015, 12, 28))
    assert later.recognised_by == ("Committee B",)
    assert status_on(events, date(2015, 12, 28), by="Union A").political_prisoner is False
    assert status_on(events, date(2015, 5, 31), by="Union A").political_prisoner


def test_pardon_that_halves_does_not_free() -> None:
    events = [
        event("arrest", "2015-11-01"),
        event("sentence", "2015-12-01", term_months=12),
        event("pardon", "2015-12-28", measure=Measure.HALVE),
    ]
    assert status_on(events, date(2016, 1, 5)).in_custody


def test_custodial_sentence_of_someone_free_starts_custody() -> None:
    events = [event("sentence", "2016-03-01", sentence_kind=SentenceKind.PRISON, term_months=24)]
    assert status_on(events, date(2016, 3, 2)).in_custody
    suspended = [event("sentence", "2016-03-01", sentence_kind=SentenceKind.SUSPENDED)]
    assert not status_on(suspended, date(2016, 3, 2)).in_custody


def test_death_in_custody_ends_custody() -> None:
    events = [event("arrest", "2015-01-01"), event("death_in_custody", "2017-04-02")]
    assert not status_on(events, date(2017, 4, 2)).in_custody


def test_political_spell_is_intersection_of_custody_and_recognition() -> None:
    events = [
        event("arrest", "2014-05-10", eid="a"),
        event("recognition", "2014-06-01", eid="r", organisation="Committee B"),
        event("release", "2015-05-10", eid="x"),
    ]
    (spell,) = political_spells(events)
    assert (spell.start, spell.end, spell.start_event, spell.end_event) == (
        date(2014, 6, 1),
        date(2015, 5, 10),
        "r",
        "x",
    )


def test_timeline_counts_each_person_once_across_organisations() -> None:
    spells = [
        Spell("p1", date(2014, 1, 1), date(2016, 1, 1), "Union A"),
        Spell("p1", date(2015, 6, 1), None, "Committee B"),
        Spell("p2", date(2015, 1, 1), date(2015, 12, 28), "Union A"),
        Spell("p3", date(2016, 1, 1), None, "Committee B"),
    ]
    points = [date(2013, 12, 31), date(2015, 7, 1), date(2015, 12, 28), date(2016, 2, 1)]
    assert timeline_counts(spells, points) == [0, 2, 1, 2]
    assert timeline_counts(spells, points, by="Union A") == [0, 2, 1, 0]
    assert timeline_counts(spells, points) == [count_political(spells, p) for p in points]

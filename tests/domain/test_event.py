from datetime import datetime

import pytest
from factory import event

from habeas.domain.event import EventKind, chronology_problems, current_versions


def test_release_before_arrest_is_impossible() -> None:
    problems = chronology_problems(
        [event("arrest", "2016-01-10", eid="a"), event("release", "2015-12-28", eid="r")]
    )
    assert [(e.id, "comes before the arrest" in p) for e, p in problems] == [("r", True)]


def test_sentence_before_charge_is_impossible() -> None:
    problems = chronology_problems(
        [event("charge", "2015-03-01", eid="c"), event("sentence", "2015-01-01", eid="s")]
    )
    assert problems and problems[0][0].id == "s"


def test_imprecise_dates_are_not_called_impossible_when_they_may_overlap() -> None:
    # Arrest some time in 2015 and release on 2015-03-01 can both be true.
    assert chronology_problems([event("arrest", "2015"), event("release", "2015-03-01")]) == []


def test_events_need_their_structured_fields() -> None:
    with pytest.raises(ValueError, match="organisation"):
        event("recognition", "2015-01-01", organisation="")
    with pytest.raises(ValueError, match="needs a term"):
        event("sentence", "2015-01-01", term_months=None)


def test_latest_version_known_at_a_time_wins() -> None:
    first = event("release", "2015-10-01", eid="x", recorded="2015-10-05T00:00")
    second = event("release", "2016-01-15", eid="x", recorded="2016-01-20T00:00", version=2)
    assert current_versions([first, second])[0].date.isoformat() == "2016-01-15"
    then = current_versions([first, second], known_at=datetime(2016, 1, 10))
    assert then[0].date.isoformat() == "2015-10-01"


def test_retracted_version_removes_the_fact() -> None:
    first = event("arrest", "2015-10-01", eid="x", recorded="2015-10-05T00:00")
    gone = event(
        "arrest", "2015-10-01", eid="x", recorded="2015-11-01T00:00", version=2, retracted=True
    )
    assert current_versions([first, gone]) == []
    assert [e.kind for e in current_versions([first, gone], datetime(2015, 10, 20))] == [
        EventKind.ARREST
    ]

from datetime import date

from factory import event

from habeas.domain.event import AppealOutcome, Measure, SentenceKind
from habeas.domain.sentence import sentence_status


def test_pretrial_detention_is_credited_to_the_term() -> None:
    events = [event("arrest", "2014-04-19"), event("sentence", "2015-12-28", term_months=72)]
    status = sentence_status(events, date(2016, 1, 1))
    assert status is not None
    assert status.term_start == date(2014, 4, 19)
    assert status.expected_release == date(2020, 4, 19)
    assert status.served_days == (date(2016, 1, 1) - date(2014, 4, 19)).days


def test_appeal_reduces_the_term() -> None:
    events = [
        event("arrest", "2014-01-01"),
        event("sentence", "2014-06-01", term_months=72),
        event("appeal", "2014-10-01", term_months=48, outcome=AppealOutcome.REDUCED),
    ]
    status = sentence_status(events, date(2015, 1, 1))
    assert status is not None and status.expected_release == date(2018, 1, 1)


def test_pardon_halves_the_remaining_term() -> None:
    events = [
        event("arrest", "2015-11-01"),
        event("sentence", "2015-12-01", term_months=12),
        event("pardon", "2015-12-28", measure=Measure.HALVE),
    ]
    status = sentence_status(events, date(2016, 1, 1))
    # 309 days were left on 2015-12-28; half is 154 days -> 2016-05-30 (worked by hand).
    assert status is not None and status.expected_release == date(2016, 5, 30)


def test_held_past_expected_release_is_flagged_overdue() -> None:
    events = [event("arrest", "2013-06"), event("sentence", "2014-01-15", term_months=24)]
    status = sentence_status(events, date(2015, 12, 28))
    assert status is not None
    assert status.expected_release == date(2015, 6, 1)
    assert status.overdue and status.left_days == 0


def test_life_sentence_has_no_expected_release() -> None:
    events = [
        event("arrest", "2010-01-01"),
        event("sentence", "2011-01-01", sentence_kind=SentenceKind.LIFE),
    ]
    status = sentence_status(events, date(2016, 1, 1))
    assert status is not None and status.life and status.expected_release is None


def test_no_prison_sentence_means_no_arithmetic() -> None:
    assert sentence_status([event("arrest", "2015-01-01")], date(2016, 1, 1)) is None

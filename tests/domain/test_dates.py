from datetime import date

import pytest

from habeas.domain.dates import PartialDate, Precision, add_months, month_starts, parse_partial_date


def test_parses_year_month_and_day_precision() -> None:
    assert parse_partial_date("2015").precision is Precision.YEAR
    assert parse_partial_date("2015-06").precision is Precision.MONTH
    assert parse_partial_date("2015-12-28").precision is Precision.DAY


def test_partial_dates_anchor_at_first_day_and_span_their_period() -> None:
    year = parse_partial_date("2016")
    assert year.anchor() == date(2016, 1, 1)
    assert year.latest() == date(2016, 12, 31)
    assert parse_partial_date("2016-02").latest() == date(2016, 2, 29)


@pytest.mark.parametrize(
    "text", ["2015-02-30", "2015-13", "15-01-01", "2015/01/01", "", "2015-1-1"]
)
def test_rejects_impossible_or_malformed_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_partial_date(text)


def test_february_30_message_says_how_many_days() -> None:
    with pytest.raises(ValueError, match="February 2015 has 28 days"):
        parse_partial_date("2015-02-30")


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2015, 1, 31), 1) == date(2015, 2, 28)
    assert add_months(date(2014, 4, 19), 72) == date(2020, 4, 19)
    assert add_months(date(2016, 5, 1), -13) == date(2015, 4, 1)


def test_month_starts_steps_inclusive() -> None:
    points = month_starts(date(2015, 1, 1), date(2015, 12, 1), 3)
    assert points == [date(2015, 1, 1), date(2015, 4, 1), date(2015, 7, 1), date(2015, 10, 1)]


def test_isoformat_round_trips() -> None:
    for text in ("2015", "2015-06", "2015-06-09"):
        assert parse_partial_date(text).isoformat() == text
    assert str(PartialDate(2015, 6)) == "2015-06"

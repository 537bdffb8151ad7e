"""Date expressions resolved against publication and earlier dates; terms in months."""

from __future__ import annotations

from datetime import date

import pytest

from habeas.ingest.news.term import find_charges, find_terms
from habeas.ingest.news.when import find_dates


def _values(text: str, published: date | None) -> list[tuple[str, str | None]]:
    return [(d.text, d.value.isoformat() if d.value else None) for d in find_dates(text, published)]


def test_month_and_day_take_the_year_on_or_before_publication() -> None:
    assert _values("He was detained on December 28.", date(2016, 1, 3)) == [
        ("December 28", "2015-12-28")
    ]
    assert _values("He was detained on March 3.", date(2016, 3, 10)) == [("March 3", "2016-03-03")]


def test_the_same_day_and_a_week_later_follow_the_last_date() -> None:
    text = (
        "On May 4, 2014, she was arrested. On the same day police searched her flat. "
        "A week later she was charged."
    )
    assert _values(text, date(2014, 6, 1)) == [
        ("May 4, 2014", "2014-05-04"),
        ("the same day", "2014-05-04"),
        ("A week later", "2014-05-11"),
    ]


def test_weekday_looks_back_from_publication_unless_the_clause_looks_ahead() -> None:
    # 2016-03-02 is a Wednesday
    assert _values("He was arrested on Monday.", date(2016, 3, 2)) == [("Monday", "2016-02-29")]
    assert _values("He is expected to be released on Friday.", date(2016, 3, 2)) == [
        ("Friday", "2016-03-04")
    ]


def test_russian_and_azerbaijani_dates() -> None:
    assert _values("Его задержали 28 декабря 2015 г.", None)[0][1] == "2015-12-28"
    assert _values("O, 28 dekabr 2015-ci il tarixində həbs edilib.", None)[0][1] == "2015-12-28"


def test_year_and_month_keep_their_precision() -> None:
    assert _values("She was jailed in March 2014 and freed in 2016.", None) == [
        ("March 2014", "2014-03"),
        ("2016", "2016"),
    ]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("six years’ imprisonment", 72),
        ("seven and a half years in prison", 90),
        ("18 months", 18),
        ("two years and six months", 30),
        ("6 il həbs cəzası", 72),
        ("к 6 годам", 72),
        ("6 лет лишения свободы", 72),
    ],
)
def test_terms_in_months(text: str, months: int | None) -> None:
    found = find_terms(text)
    assert (found[0].months if found else None) == months


def test_life_is_a_term_without_months() -> None:
    (term,) = find_terms("sentenced to life imprisonment")
    assert (term.months, term.kind) == (None, "life")


def test_charges_by_name_and_by_article() -> None:
    found = [
        c.text for c in find_charges("charged under Article 274 with high treason and espionage")
    ]
    assert found == ["Article 274", "high treason", "espionage"]


def test_ago_and_last_or_this_period_keep_the_precision_the_words_give() -> None:
    text = "He was arrested three days ago, charged last month and moved earlier this year."
    assert _values(text, date(2016, 3, 10)) == [
        ("three days ago", "2016-03-07"),
        ("last month", "2016-02"),
        ("earlier this year", "2016"),
    ]


def test_british_single_quotes_are_quotations_and_apostrophes_are_not() -> None:
    from habeas.ingest.news.quote import quote_regions

    text = "‘We will not stop,’ said Marta Quell. The prisoners’ families’ letters were read."
    assert quote_regions(text) == [(0, 19)]
    assert text[0:19] == "‘We will not stop,’"

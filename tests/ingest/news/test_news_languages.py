"""Russian and Azerbaijani articles (FICTIONAL texts and persons): registry persons are
found in any script and spelling; terms, dates and simple events are read."""

from __future__ import annotations

from datetime import date

from habeas.ingest.news.extract import extract
from habeas.names.blocking import NameIndex

RU = (
    "Суд в Карске приговорил журналиста Тамара Остраву к 6 годам лишения свободы. "
    "Блогер Тамар Острава (вымышленный персонаж) был арестован 28 декабря 2015 г. "
    "«Это месть за мои статьи», — сказала Тамар Острава."
)
AZ = (
    "Jurnalist Tamar Ostrava (uydurma şəxs) 28 dekabr 2015-ci il tarixində 6 il həbs cəzasına "
    "məhkum edilib. Onun vəkili bildirib ki, Ostrava əfv edilmədi."
)


def _index() -> NameIndex:
    index = NameIndex()
    index.add("p-ostrava", "Tamar Ostrava")
    index.add("p-other", "Leyla Brin")
    return index


def test_russian_article_links_the_registry_person_across_scripts() -> None:
    found = extract(RU, date(2016, 1, 5), _index())
    assert found.language == "ru"
    assert {p.registry_id for p in found.persons} == {"p-ostrava"}
    sentence = next(e for e in found.events if e.type == "sentence")
    assert sentence.term_months == 72 and sentence.registry_id == "p-ostrava"
    arrest = next(e for e in found.events if e.type == "arrest")
    assert arrest.date is not None and arrest.date.isoformat() == "2015-12-28"
    (quote,) = found.quotes
    assert quote.text == "Это месть за мои статьи" and quote.speaker == "Тамар Острава"


def test_azerbaijani_article_reads_term_date_and_negated_pardon() -> None:
    found = extract(AZ, date(2016, 1, 5), _index())
    assert found.language == "az"
    sentence = next(e for e in found.events if e.type == "sentence")
    assert (sentence.term_months, sentence.registry_id) == (72, "p-ostrava")
    assert sentence.date is not None and sentence.date.isoformat() == "2015-12-28"
    pardon = next(e for e in found.events if e.type == "pardon")
    assert pardon.flags == ("negated",)

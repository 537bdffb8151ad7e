"""The seed article (public reporting, see ../shared/fixtures/news) against its gold
annotations: every hard case asserted on its own, and the scores per field printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from habeas.ingest.news.extract import extract
from habeas.ingest.news.found import EventFound, Extraction
from habeas.ingest.news.gold import FIELDS, load_gold, score_article

SEED = Path(__file__).parents[3].parent / "shared" / "fixtures" / "news"
pytestmark = pytest.mark.skipif(
    not (SEED / "seed-article.gold.json").exists(), reason="shared fixtures not present"
)


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict[str, object], Extraction]:
    text, gold = load_gold(SEED / "seed-article.gold.json")
    return text, gold, extract(text, date(2015, 12, 30))


def _events(found: Extraction, kind: str) -> list[EventFound]:
    return [e for e in found.events if e.type == kind]


def test_seed_scores_perfectly_on_every_field(
    seed: tuple[str, dict[str, object], Extraction],
) -> None:
    _, gold, found = seed
    score = score_article(found, gold)
    for name in FIELDS:
        tally = score.tallies[name]
        print(f"{name:8} P={tally.precision:.2f} R={tally.recall:.2f} F1={tally.f1:.2f}")
    assert score.errors == []
    assert all(score.tallies[name].f1 == 1.0 for name in FIELDS)


def test_sentence_on_the_same_day_resolves_to_the_decree_date(
    seed: tuple[str, dict[str, object], Extraction],
) -> None:
    text, _, found = seed
    (sentence,) = _events(found, "sentence")
    assert sentence.person == "Rauf Mirgadirov"
    assert sentence.date is not None and sentence.date.isoformat() == "2015-12-28"
    assert sentence.date_span is not None and text[slice(*sentence.date_span)] == "the same day"
    assert (sentence.term_months, sentence.charge, sentence.flags) == (72, "espionage", ())
    assert text[slice(*sentence.evidence)].startswith("On the same day, prominent journalist")


def test_hoped_for_monday_release_is_hypothetical_and_dated_after_friday(
    seed: tuple[str, dict[str, object], Extraction],
) -> None:
    text, _, found = seed
    (release,) = [e for e in _events(found, "release") if e.person]
    assert release.person == "Rauf Mirgadirov"  # "her son", through "Mirgadirov’s mother"
    assert release.flags == ("hypothetical",)
    assert release.date is not None and release.date.isoformat() == "2015-12-28"
    assert release.date_span is not None and text[slice(*release.date_span)] == "Monday"


def test_none_of_ours_were_let_go_is_a_negated_release_in_a_quote(
    seed: tuple[str, dict[str, object], Extraction],
) -> None:
    _, _, found = seed
    (release,) = [e for e in _events(found, "release") if not e.person]
    assert release.flags == ("negated", "in_quote")


def test_for_many_years_decree_is_habitual_but_the_december_decree_is_not(
    seed: tuple[str, dict[str, object], Extraction],
) -> None:
    _, _, found = seed
    decrees = _events(found, "decree")
    assert [(d.issuer, d.flags) for d in decrees] == [
        ("Ilham Aliyev", ()),
        ("Ilham Aliyev", ("habitual",)),
    ]
    assert decrees[0].date is not None and decrees[0].date.isoformat() == "2015-12-28"


def test_would_have_pardoned_inside_a_quote_is_counterfactual(
    seed: tuple[str, dict[str, object], Extraction],
) -> None:
    _, _, found = seed
    (pardon,) = _events(found, "pardon")
    assert pardon.issuer == "Ilham Aliyev" and pardon.person is None
    assert pardon.flags == ("hypothetical", "in_quote")


def test_espionage_called_false_is_a_disputed_charge(
    seed: tuple[str, dict[str, object], Extraction],
) -> None:
    _, _, found = seed
    (charge,) = _events(found, "charge")
    assert (charge.person, charge.charge, charge.flags) == (
        "Rauf Mirgadirov",
        "espionage",
        ("disputed",),
    )
    assert "decried as false" in charge.notes[0]


def test_she_cried_is_resolved_to_the_mother_and_marked_as_a_pronoun(
    seed: tuple[str, dict[str, object], Extraction],
) -> None:
    _, _, found = seed
    first = found.quotes[0]
    assert first.speaker == "Mirgadirov’s mother" and first.pronoun == "she"
    assert [q.speaker for q in found.quotes[1:]] == [
        "Matanat Azizova",
        "Kamil Yunusov",
        "Jamil Hasanli",
    ]
    assert all(q.pronoun is None for q in found.quotes[1:])


def test_scare_quote_is_not_a_quotation(seed: tuple[str, dict[str, object], Extraction]) -> None:
    text, _, found = seed
    spans = [(q.start, q.end) for q in found.quotes]
    assert text[2264:2281] == "“quiet diplomacy”"
    assert (2264, 2281) not in spans and len(spans) == 4


def test_nationality_and_act_names_are_not_persons(
    seed: tuple[str, dict[str, object], Extraction],
) -> None:
    _, _, found = seed
    names = {p.name for p in found.persons}
    assert names == {
        "Ilham Aliyev",
        "Rauf Mirgadirov",
        "Matanat Azizova",
        "Christopher Smith",
        "Kamil Yunusov",
        "Jamil Hasanli",
    }


def test_offsets_index_the_analysed_text(seed: tuple[str, dict[str, object], Extraction]) -> None:
    text, _, found = seed
    data = found.to_json()
    assert data["text"] == text
    for person in data["persons"]:
        for start, end in person["spans"]:
            assert (
                person["name"].split()[-1] in text[start:end] or text[start:end] in person["name"]
            )
    for quote in data["quotes"]:
        start, end = quote["span"]
        assert text[start + 1 : end - 1] == quote["text"]

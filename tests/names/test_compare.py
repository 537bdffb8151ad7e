import pytest

from habeas.names.compare import (
    MATCH_THRESHOLD,
    POSSIBLE_THRESHOLD,
    Decision,
    Part,
    compare,
    decide,
    quick_score,
)
from habeas.names.frequency import NameFrequency
from habeas.names.parse import parse_name


def test_decree_line_matches_english_name_with_explanation() -> None:
    match = compare(
        "Mirqədirov Rauf Fazil oğlu, 1962-ci il təvəllüdlü",
        "Rauf Mirgadirov",
        right_birth_year=1962,
    )
    assert match.decision is Decision.MATCH
    assert "surname Mirqədirov = Mirgadirov (q→g, ə→a)" in match.explanation
    assert "given name Rauf = Rauf" in match.explanation
    assert "patronymic Fazil oglu absent on one side" in match.explanation
    assert "birth year 1962 agrees" in match.explanation


def test_evidence_is_structured_with_weights_for_and_against() -> None:
    match = compare("Əliyev Elçin Rəşid oğlu", "Əliyev Elnur Rəşid oğlu")
    parts = {item.part: item for item in match.evidence}
    assert parts[Part.SURNAME].weight_for > 0
    assert parts[Part.GIVEN].weight_against > 0
    assert parts[Part.PATRONYMIC].weight_for > 0
    assert match.decision is Decision.NO


def test_score_is_a_probability_and_decision_follows_thresholds() -> None:
    assert 0.0 <= compare("Rauf Mirgadirov", "Elçin Əliyev").score <= 1.0
    assert decide(MATCH_THRESHOLD) is Decision.MATCH
    assert decide(POSSIBLE_THRESHOLD) is Decision.POSSIBLE
    assert decide(POSSIBLE_THRESHOLD - 0.01) is Decision.NO


def test_initial_alone_is_at_most_possible() -> None:
    match = compare("R. Mirgadirov", "Rauf Mirgadirov")
    assert match.decision is Decision.POSSIBLE
    assert "initial R. fits given name Rauf" in match.explanation


def test_birth_year_disagreement_separates_namesakes() -> None:
    match = compare(
        "Məmmədov Elçin", "Elchin Mammadov", left_birth_year=1980, right_birth_year=1975
    )
    assert match.decision is Decision.NO
    assert "birth years 1980 and 1975 differ by 5" in match.explanation


def test_gender_cue_disagreement_counts_against() -> None:
    match = compare("Quliyev Arzu Vaqif oğlu", "Quliyeva Arzu Vaqif qızı")
    assert match.decision is Decision.NO
    assert "gender differs" in match.explanation


def test_stated_gender_is_used() -> None:
    match = compare("Tofiq Yaqublu", "Tofiq Yaqublu", left_gender="male", right_gender="female")
    assert match.decision is Decision.NO


def test_similar_surname_with_same_given_name_is_no() -> None:
    assert compare("Elçin Əliyev", "Elçin Vəliyev").decision is Decision.NO


def test_different_patronymics_are_never_match() -> None:
    assert compare("Əliyev Elçin Rəşid oğlu", "Əliyev Elçin Vaqif oğlu").decision is not (
        Decision.MATCH
    )


def test_rare_parts_count_more_than_common_parts() -> None:
    names = [["Elçin", "Məmmədov"]] * 300 + [["Rauf", "Mirqədirov"]] + [["Anar", "Quliyev"]] * 99
    frequency = NameFrequency.from_parts(names)
    assert frequency.rarity("Mirgadirov") > frequency.rarity("Mammadov")
    rare = compare("Rauf Mirgadirov", "Rauf Mirqədirov", frequency=frequency)
    common = compare("Elchin Mammadov", "Elçin Məmmədov", frequency=frequency)
    assert rare.score > common.score


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Mirqədirov Rauf Fazil oğlu", "Рауф Миргадиров"),
        ("Rauf Mirgadirov", "R. Mirgadirov"),
        ("Elçin Əliyev", "Elçin Vəliyev"),
        ("Məmmədov Elçin, 1980", "Elchin Mammadov, 1981"),
        ("Quliyeva Səbinə Əli qızı", "Guliyev Sabina"),
    ],
)
def test_quick_score_equals_compare_score(left: str, right: str) -> None:
    full = compare(left, right).score
    quick = quick_score(parse_name(left), parse_name(right))
    if full >= POSSIBLE_THRESHOLD:
        assert quick == pytest.approx(full, abs=1e-4)
    else:
        assert quick < POSSIBLE_THRESHOLD


def test_a_dropped_cedilla_and_a_soviet_yo_still_match() -> None:
    # Found by bench/screen.py: ASCII lists drop ç (Elcin) where English writes Elchin, and
    # Soviet-era Cyrillic wrote Azerbaijani ö as ё (Кёнюл for Könül).
    plain = compare("Elcin Fazilli", "Elchin Fazilli", left_birth_year=1970, right_birth_year=1970)
    assert plain.decision is Decision.MATCH
    assert compare("Кёнюл Алиева", "Könül Əliyeva").decision is Decision.MATCH
    assert compare("Elcin Fazilli", "Elşən Fazilli").decision is Decision.NO


def test_a_stated_gender_other_than_male_or_female_is_no_evidence() -> None:
    plain = compare("Rashad Aliyev", "Рашад Алиев", left_gender="male")
    other = compare("Rashad Aliyev", "Рашад Алиев", left_gender="male", right_gender="other")
    assert other.score == plain.score and other.decision is Decision.MATCH
    female = compare("Rashad Aliyev", "Рашад Алиев", left_gender="male", right_gender="female")
    assert female.score < plain.score


@pytest.mark.parametrize(
    ("left", "right", "shown"),
    [
        ("William G. Frost", "William W. Frost", "middle initial G. does not fit W"),
        ("Mirgadirov R.F.", "Mirqədirov Rauf Vaqif oğlu", "middle initial F. does not fit Vaqif"),
        ("Лавров С. И.", "Sergey Viktorovich Lavrov", "middle initial И. does not fit Viktorovich"),
    ],
)
def test_a_middle_initial_that_does_not_fit_tells_people_apart(
    left: str, right: str, shown: str
) -> None:
    match = compare(left, right)
    assert match.decision is Decision.NO
    assert shown in match.explanation
    assert quick_score(parse_name(left), parse_name(right)) < POSSIBLE_THRESHOLD


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Mirgadirov R.F.", "Mirqədirov Rauf Fazil oğlu"),
        ("Лавров С. В.", "Sergey Viktorovich Lavrov"),
        ("John F. Kennedy", "John Fitzgerald Kennedy"),
        ("Mr. Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"),
        ("Aliyev R. C.", "Əliyev Rauf Cəlal oğlu"),  # C. for Cəlal, not its skeleton
        ("Миргадиров Р. Дж.", "Mirqədirov Rauf Cavid oğlu"),
        ("Mirgadirov R. C.", "Миргадиров Рауф Джавидович"),
        ("Иванов И. Ж.", "Иванов Иван Жанович"),
        ("Ivanov I. Zh.", "Ivanov Ivan Zhanovich"),
        ("John Smith Jr.", "John William Smith"),  # suffixes and titles are not initials
        ("MR John Smith III", "John William Smith"),
        ("Smith John MD", "John William Smith"),
        ("José L. Rodríguez Zapatero", "José Rodríguez Zapatero"),  # a word both write
        ("William G. W. Frost", "William W. Frost"),  # more initials than words: one dropped
        ("G. FitzGerald", "Garret Fitzgerald"),
    ],
)
def test_a_middle_initial_that_fits_costs_nothing(left: str, right: str) -> None:
    match = compare(left, right)
    assert match.decision is not Decision.NO
    assert "middle initial" not in match.explanation
    assert quick_score(parse_name(left), parse_name(right)) == match.score

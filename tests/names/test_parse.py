import pytest

from habeas.names.parse import (
    Gender,
    NameOrder,
    PatronymicMarker,
    parse_name,
    split_birth_year,
)


def test_decree_line_surname_given_patronymic_marker() -> None:
    name = parse_name("Mirqədirov Rauf Fazil oğlu")
    assert (name.surname, name.given, name.patronymic) == ("Mirqədirov", "Rauf", "Fazil")
    assert name.patronymic_marker is PatronymicMarker.OGLU
    assert name.gender is Gender.MALE
    assert name.order is NameOrder.SURNAME_FIRST


def test_english_order() -> None:
    name = parse_name("Rauf Mirgadirov")
    assert (name.given, name.surname) == ("Rauf", "Mirgadirov")
    assert name.order_certain


@pytest.mark.parametrize("text", ["MIRGADIROV Rauf", "Mirgadirov, Rauf", "Mirqədirov Rauf"])
def test_surname_first_signals(text: str) -> None:
    name = parse_name(text)
    assert name.given == "Rauf"
    assert name.order is NameOrder.SURNAME_FIRST


def test_initials() -> None:
    name = parse_name("R. Mirgadirov")
    assert name.initials == ("R",)
    assert name.given is None
    assert name.surname == "Mirgadirov"


@pytest.mark.parametrize(
    ("text", "marker", "gender"),
    [
        ("İsmayılova Xədicə Rafiq qızı", PatronymicMarker.QIZI, Gender.FEMALE),
        ("Guliyeva Sabina Ali gizi", PatronymicMarker.QIZI, Gender.FEMALE),
        ("Кулиева Сабина Али кызы", PatronymicMarker.QIZI, Gender.FEMALE),
        ("Рзаев Анар Вагиф оглы", PatronymicMarker.OGLU, Gender.MALE),
        ("Guliyev Vugar Ali ogly", PatronymicMarker.OGLU, Gender.MALE),
        ("Abdullayev Elşad Yaquboviç", PatronymicMarker.OVICH, Gender.MALE),
        ("Керимова Лейла Фазиловна", PatronymicMarker.OVNA, Gender.FEMALE),
    ],
)
def test_patronymic_markers(text: str, marker: PatronymicMarker, gender: Gender) -> None:
    name = parse_name(text)
    assert name.patronymic_marker is marker
    assert name.gender is gender
    assert name.patronymic is not None


def test_russian_order_given_patronymic_surname() -> None:
    name = parse_name("Elşad Yaquboviç Abdullayev")
    assert (name.given, name.patronymic, name.surname) == ("Elşad", "Yaquboviç", "Abdullayev")


def test_forced_order() -> None:
    name = parse_name("Leyla Yunus", order="surname_first")
    assert (name.surname, name.given) == ("Leyla", "Yunus")


def test_surname_gender_cue() -> None:
    assert parse_name("Khadija Ismayilova").gender is Gender.FEMALE
    assert parse_name("Ilgar Mammadov").gender is Gender.MALE
    assert parse_name("Tofiq Yaqublu").gender is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Mirqədirov Rauf Fazil oğlu, 1962-ci il təvəllüdlü", 1962),
        ("Миргадиров Рауф Фазилович, 1962 года рождения", 1962),
        ("Rauf Mirgadirov (born 1962)", 1962),
        ("Rauf Mirgadirov, 1962", 1962),
        ("1975-ci il təvəllüdlü Əliyev Elçin", 1975),
    ],
)
def test_split_birth_year(text: str, year: int) -> None:
    name, found = split_birth_year(text)
    assert found == year
    assert "19" not in name
    assert parse_name(text).birth_year == year


def test_no_birth_year() -> None:
    assert split_birth_year("Rauf Mirgadirov") == ("Rauf Mirgadirov", None)


def test_a_title_or_suffix_is_not_an_initial() -> None:
    assert parse_name("Mr. Recep Tayyip Erdoğan").initials == ()
    assert parse_name("Dr. Yu. Ivanov").initials == ("Y",)
    for name in ("John Smith Jr.", "MR John Smith III", "Smith John MD", "Fr. John Smith"):
        parsed = parse_name(name)
        assert parsed.initials == () and {parsed.given, parsed.surname} == {"John", "Smith"}
    for block in ("ИВ", "ИИ", "СР", "МР"):  # Cyrillic initials that fold to iv, ii, sr, mr
        assert parse_name(f"Иванов {block}").initials == tuple(block)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("FridrichBuchenberg", ("Fridrich", "Buchenberg")),
        ("MirqədirovRauf Fazil oğlu", ("Mirqədirov", "Rauf")),
        ("Ronald McDonald", ("Ronald", "McDonald")),
        ("Leonardo DiCaprio", ("Leonardo", "DiCaprio")),
        ("James VanDerBeek", ("James", "VanDerBeek")),
        ("Garret FitzGerald", ("Garret", "FitzGerald")),
        ("PolPot", ("PolPot",)),
    ],
)
def test_words_written_together_are_read_apart_when_each_is_a_whole_word(
    text: str, words: tuple[str, ...]
) -> None:
    assert parse_name(text).words == words

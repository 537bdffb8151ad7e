"""Parsing decree entries: names, birth years, gender cues, measures by section, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import DATA

from habeas.domain.event import Measure
from habeas.exceptions import InputError
from habeas.ingest.decrees import find_measure, parse_decree, read_decree_text

DECREES = DATA / "decrees"
HEADING = "1. Aşağıdakı şəxslər cəzalarının çəkilməmiş hissəsindən azad edilsinlər:\n"


def test_azerbaijani_decree_with_two_sections() -> None:
    decree = parse_decree(read_decree_text(DECREES / "az-two-sections.txt"))
    assert decree.language == "az"
    assert [s.measure for s in decree.sections] == [Measure.RELEASE, Measure.HALVE, None]
    first = decree.entries[0]
    assert (first.line, first.number, first.surname, first.given, first.patronymic) == (
        9,
        "1",
        "Qarayev",
        "Tural",
        "Vaqif",
    )
    assert (first.birth_year, first.gender, first.measure) == (1975, "male", Measure.RELEASE)
    assert first.section is not None and first.section.line == 7
    by_name = {entry.given: entry for entry in decree.entries}
    assert by_name["Lamiyə"].gender == "female"
    assert by_name["Lamiyə"].birth_year == 1984
    assert by_name["Elvin"].birth_year == 1990
    assert by_name["Orxan"].birth_year == 1962
    assert by_name["Nurlan"].birth_year == 1993
    assert by_name["Nurlan"].measure is Measure.HALVE


def test_name_without_birth_year_is_an_entry_with_none() -> None:
    decree = parse_decree(read_decree_text(DECREES / "az-two-sections.txt"))
    bare = next(entry for entry in decree.entries if entry.surname == "Bayramlı")
    assert bare.birth_year is None
    assert bare.detail == "doğum ili məlum deyil"


def test_every_non_blank_line_is_accounted_for() -> None:
    text = read_decree_text(DECREES / "az-two-sections.txt")
    decree = parse_decree(text)
    seen = {e.line for e in decree.entries} | {s.line for s in decree.skipped}
    seen |= {s.line for s in decree.sections}
    assert seen == {line.number for line in text.lines if line.text.strip()}
    assert any(s.line == 23 and "no birth year" in s.why for s in decree.skipped)


def test_duplicate_entries_are_reported() -> None:
    decree = parse_decree(read_decree_text(DECREES / "az-two-sections.txt"))
    assert [(d.line, d.first_line, d.birth_year) for d in decree.duplicates] == [(18, 9, 1975)]


def test_russian_decree_in_windows_1251() -> None:
    decree = parse_decree(read_decree_text(DECREES / "ru-cp1251.txt"))
    assert decree.language == "ru"
    rows = [(e.surname, e.given, e.patronymic, e.birth_year, e.measure) for e in decree.entries]
    assert rows == [
        ("Воронцов", "Глеб", "Аркадьевич", 1980, Measure.RELEASE),
        ("Лесницкая", "Дарья", "Олеговна", 1991, Measure.RELEASE),
        ("Мамедов", "Эльчин", "Фазил", 1977, Measure.RELEASE),
        ("Ковалёв", "Пётр", "Ильич", 1969, Measure.HALVE),
        ("Зарецкий", "Максим", "Юрьевич", 1985, Measure.EXPUNGE),
    ]
    assert decree.entries[1].gender == "female"


def test_english_html_translation() -> None:
    decree = parse_decree(read_decree_text(DECREES / "en-translation.html"))
    assert decree.language == "en"
    rows = [(e.given, e.surname, e.birth_year, e.measure) for e in decree.entries]
    assert rows == [
        ("Tural", "Garayev", 1975, Measure.RELEASE),
        ("Lamiya", "Nasibova", 1984, Measure.RELEASE),
        ("Nurlan", "Malikov", 1993, Measure.HALVE),
    ]
    assert any("Ramil" in s.text for s in decree.skipped)


def test_utf16_expunge_section() -> None:
    decree = parse_decree(read_decree_text(DECREES / "az-utf16.txt"))
    assert [(e.surname, e.measure) for e in decree.entries] == [
        ("Əsgərov", Measure.EXPUNGE),
        ("Rzayeva", Measure.EXPUNGE),
    ]


@pytest.mark.parametrize(
    ("phrase", "measure", "months"),
    [
        ("cəzasının çəkilməmiş hissəsindən azad edilsin", Measure.RELEASE, None),
        ("cəzasının qalan hissəsini çəkməkdən azad edilsin", Measure.RELEASE, None),
        ("cəzalarının çəkilməmiş hissəsi yarıyadək azaldılsın", Measure.HALVE, None),
        (
            "cəzasının çəkilməmiş hissəsi daha yüngül cəza növü ilə əvəz edilsin",
            Measure.COMMUTE,
            None,
        ),
        ("məhkumluğu götürülsün", Measure.EXPUNGE, None),
        ("cəzasının çəkilməmiş hissəsi 1 il 6 ay azaldılsın", Measure.REDUCE, 18),
        ("cəzasının çəkilməmiş hissəsi iki il azaldılsın", Measure.REDUCE, 24),
        ("освободить от дальнейшего отбывания наказания", Measure.RELEASE, None),
        ("освободить от неотбытой части наказания", Measure.RELEASE, None),
        ("сократить неотбытую часть наказания наполовину", Measure.HALVE, None),
        ("заменить неотбытую часть наказания более мягким видом наказания", Measure.COMMUTE, None),
        ("снять судимость", Measure.EXPUNGE, None),
        ("сократить срок наказания на 3 года", Measure.REDUCE, 36),
        ("shall be released from serving the remaining part", Measure.RELEASE, None),
        ("shall be reduced by half", Measure.HALVE, None),
        ("replaced with a milder type of punishment", Measure.COMMUTE, None),
        ("their criminal records shall be cleared", Measure.EXPUNGE, None),
        ("reduce the sentence by 6 months", Measure.REDUCE, 6),
    ],
)
def test_measure_phrases(phrase: str, measure: Measure, months: int | None) -> None:
    found = find_measure(phrase)
    assert found is not None
    assert (found.measure, found.term_months) == (measure, months)


def test_life_sentence_cut_to_25_years_is_a_reduce_with_a_note() -> None:
    found = find_measure(
        "ömürlük azadlıqdan məhrum etmə cəzası iyirmi beş ildən çox olmayan müddətə "
        "azadlıqdan məhrum etmə ilə əvəz edilsin"
    )
    assert found is not None
    assert found.measure is Measure.REDUCE and "25 years" in found.note


def test_entry_tail_overrides_the_section_measure() -> None:
    decree = parse_decree(
        "1. Сократить неотбытую часть наказания наполовину:\n"
        "1) Воронцов Глеб Аркадьевич, 1980 года рождения, — снять судимость\n"
        "2) Зарецкий Максим Юрьевич, 1985 года рождения\n"
    )
    assert [e.measure for e in decree.entries] == [Measure.EXPUNGE, Measure.HALVE]


def test_azerbaijani_suffix_variants_and_leading_text() -> None:
    decree = parse_decree(
        "Rəhimov Anar Vasif oğlu, 1962-ci il təvəllüdlü\n"
        "- Quliyeva Nərmin Asif qızı 1984-cü il təvəllüdlü\n"
        "3) Abbaslı Pərviz Elşən oğlu, 1990-cı il təvəllüdlü, Cinayət Məcəlləsinin 234.4.3-cü\n"
    )
    assert [(e.surname, e.birth_year) for e in decree.entries] == [
        ("Rəhimov", 1962),
        ("Quliyeva", 1984),
        ("Abbaslı", 1990),
    ]
    assert decree.entries[2].detail.startswith("Cinayət Məcəlləsinin")
    assert decree.entries[0].measure is None


def test_decree_without_entries_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty-decree.txt"
    path.write_text("SƏRƏNCAM\nBu Sərəncam imzalandığı gündən qüvvəyə minir.\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_decree(read_decree_text(path))
    message = str(caught.value)
    assert message.startswith("empty-decree.txt: no decree entries found")
    assert "\n" not in message


def test_unknown_language_is_refused() -> None:
    with pytest.raises(InputError, match="unknown decree language"):
        parse_decree("1. Qarayev Tural, 1975-ci il təvəllüdlü", language="de")


def test_a_heading_broken_over_lines_keeps_its_measure() -> None:
    text = (
        "1. Aşağıdakı şəxslərin cəzalarının çəkilməmiş hissəsi\n"
        "yarıyadək azaldılsın:\n"
        "1.1. Qarayev Tural Vaqif oğlu, 1975-ci il təvəllüdlü\n"
        "2. Помиловать нижеследующих лиц и освободить от дальнейшего\n"
        "\n"
        "отбывания наказания:\n"
        "2) Воронцов Глеб Аркадьевич, 1980 года рождения;\n"
        "3. Настоящий указ вступает в силу\n"
        "Воронцова Дарья Олеговна\n"
        "4) Лесницкая Дарья Олеговна, 1991 года рождения;\n"
    )
    decree = parse_decree(text)
    assert [(s.line, s.last_line, s.measure) for s in decree.sections] == [
        (1, 2, Measure.HALVE),
        (4, 6, Measure.RELEASE),
    ]
    assert decree.sections[1].text.endswith("от дальнейшего отбывания наказания:")
    assert [e.measure for e in decree.entries] == [
        Measure.HALVE,
        Measure.RELEASE,
        Measure.RELEASE,
    ]
    # a line that does not end the heading with a colon is not taken into it
    assert [s.line for s in decree.skipped] == [8, 9]


def test_an_entry_whose_birth_year_wrapped_below_is_read_whole() -> None:
    text = (
        HEADING + "1.1. Qasımov Anar Elman oğlu,\n"
        "1980-ci il təvəllüdlü\n"
        "1.2. Səlimov Kamran\n"
        "\n"
        "Nadir oğlu, 1979-cu il təvəllüdlü\n"
        "1.3. Bayramlı Nurlan Elşən oğlu, doğum ili məlum deyil\n"
        "Rzayev Elmir Tofiq oğlu, 1985-ci il təvəllüdlü\n"
    )
    decree = parse_decree(text)
    assert [(e.line, e.name, e.birth_year) for e in decree.entries] == [
        (2, "Qasımov Anar Elman oğlu", 1980),
        (4, "Səlimov Kamran Nadir oğlu", 1979),
        (7, "Bayramlı Nurlan Elşən oğlu", None),  # the next line is an entry of its own
        (8, "Rzayev Elmir Tofiq oğlu", 1985),
    ]
    assert decree.entries[1].raw == "1.2. Səlimov Kamran\n\nNadir oğlu, 1979-cu il təvəllüdlü"
    assert decree.skipped == []


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        (  # an initial ends the line; the father's name and oğlu come below
            HEADING + "1.1. Babayev R.\nƏli oğlu, 1995-ci il təvəllüdlü\n",
            [("Babayev R. Əli oğlu", 1995, Measure.RELEASE)],
        ),
        (  # the year phrase broken after its abbreviation
            "1. Помиловать и освободить от дальнейшего отбывания наказания:\n"
            "1) Воронцов Глеб Аркадьевич, 1980 г.\nрождения;\n",
            [("Воронцов Глеб Аркадьевич", 1980, Measure.RELEASE)],
        ),
        (  # the number alone on its line
            HEADING + "1.1.\nQasımov Anar Elman oğlu, 1980-ci il təvəllüdlü\n",
            [("Qasımov Anar Elman oğlu", 1980, Measure.RELEASE)],
        ),
        (  # two people, not one name broken over lines
            HEADING + "1.1. Əliyev Elçin\nRauf Məmmədov, 1980-ci il təvəllüdlü\n",
            [("Əliyev Elçin", None, Measure.RELEASE), ("Rauf Məmmədov", 1980, Measure.RELEASE)],
        ),
        (  # a heading that lost its colon is not taken into the name below
            "1. Помиловать осужденных\nИванова Ивана Ивановича, 1980 года рождения;\n",
            [("Иванова Ивана Ивановича", 1980, None)],
        ),
        (  # a surname alone on the numbered line, the given name and patronymic below
            "1. Помиловать и освободить от дальнейшего отбывания наказания:\n"
            "1) Воронцов\nГлеб Аркадьевич, 1980 г.р.;\n"
            "2.1. Qasımov\nAnar Elman oğlu, 1980-ci il təvəllüdlü\n",
            [
                ("Воронцов Глеб Аркадьевич", 1980, Measure.RELEASE),
                ("Qasımov Anar Elman oğlu", 1980, Measure.RELEASE),
            ],
        ),
        (  # the year in brackets broken, and an English "Surname, Given" broken
            "1. The following persons are pardoned and released from further punishment:\n"
            "1.1. Rauf Mirgadirov (b.\n1975)\n1.2. Smith, John\n(b. 1976)\n",
            [("Rauf Mirgadirov", 1975, Measure.RELEASE), ("Smith, John", 1976, Measure.RELEASE)],
        ),
        (  # the entry's own measure wrapped after its year: not a section for those below
            HEADING + "1.1. Qasımov Anar Elman oğlu, 1980-ci il təvəllüdlü, cəzasının çəkilməmiş\n"
            "hissəsi yarıyadək azaldılsın\n"
            "1.2. Səlimov Kamran Nadir oğlu, 1979-cu il təvəllüdlü\n",
            [
                ("Qasımov Anar Elman oğlu", 1980, Measure.HALVE),
                ("Səlimov Kamran Nadir oğlu", 1979, Measure.RELEASE),
            ],
        ),
    ],
)
def test_lines_broken_by_a_pdf_or_a_scan(
    text: str, entries: list[tuple[str, int | None, Measure | None]]
) -> None:
    decree = parse_decree(text)
    assert [(e.name, e.birth_year, e.measure) for e in decree.entries] == entries
    assert len(decree.sections) <= 1


def test_a_heading_below_an_entry_is_not_taken_into_it() -> None:
    text = (
        "Помиловать и освободить от дальнейшего отбывания наказания следующих осужденных:\n"
        "Иванова Ивана Ивановича, 1980 года рождения, осужденного Басманным районным судом\n"
        "Сократить наполовину неотбытую часть наказания следующим осужденным\n"
        "Петрова Петра Петровича, 1981 года рождения\n"
    )
    decree = parse_decree(text)
    assert [(e.name, e.measure) for e in decree.entries] == [
        ("Иванова Ивана Ивановича", Measure.RELEASE),
        ("Петрова Петра Петровича", Measure.HALVE),
    ]
    assert all("\n" not in e.raw for e in decree.entries)


def test_a_measure_wrapped_past_a_page_number_starts_no_section() -> None:
    text = (
        HEADING + "1.1. Qasımov Anar Elman oğlu, 1980-ci il təvəllüdlü, cəzasının çəkilməmiş\n"
        "- 2 -\n"
        "hissəsi yarıyadək azaldılsın\n"
        "1.2. Səlimov Kamran Nadir oğlu, 1979-cu il təvəllüdlü\n"
    )
    decree = parse_decree(text)
    assert [e.measure for e in decree.entries] == [Measure.RELEASE, Measure.RELEASE]
    assert [s.line for s in decree.sections] == [1]
    assert "continues a line above" in decree.skipped[-1].why

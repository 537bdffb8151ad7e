import csv
import random
from pathlib import Path

import pytest

from habeas.names.blocking import NameIndex, one_deletions
from habeas.names.compare import POSSIBLE_THRESHOLD, Decision, quick_score
from habeas.names.frequency import COMMON_GIVEN, COMMON_SURNAMES, OTHER_GIVEN, OTHER_SURNAMES
from habeas.names.gate import WordGate
from habeas.names.parse import parse_name
from habeas.names.translit import to_english, to_russian

GIVEN = list(dict.fromkeys(COMMON_GIVEN + OTHER_GIVEN))
SURNAMES = list(dict.fromkeys(COMMON_SURNAMES + OTHER_SURNAMES)) + [
    f"{stem}{ending}" for stem in GIVEN[:40] for ending in ("ov", "li", "zadə")
]


def _noisy(text: str, rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return text.replace("m", "rn", 1)
    if kind == 1:
        return text.replace("l", "1", 1)
    position = rng.randrange(1, len(text) - 1)
    if kind == 2:
        return text[:position] + text[position + 1 :]
    return text[: position - 1] + text[position] + text[position - 1] + text[position + 1 :]


def _fictional_index(count: int, seed: int) -> tuple[NameIndex, list[tuple[str, int]]]:
    rng = random.Random(seed)
    index = NameIndex()
    decrees: list[tuple[str, int]] = []
    for number in range(count):
        given, surname, father = rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(GIVEN)
        year = rng.randint(1950, 2000)
        decree = f"{surname} {given} {father} oğlu"
        for name in (decree, to_english(f"{given} {surname}"), to_russian(f"{given} {surname}")):
            index.add(f"p{number}", name, birth_year=year)
        decrees.append((decree, year))
    return index, decrees


@pytest.fixture(scope="module")
def fictional() -> tuple[NameIndex, list[tuple[str, int]]]:
    return _fictional_index(1000, seed=11)


def test_blocking_loses_no_pair_that_exhaustive_comparison_finds(
    fictional: tuple[NameIndex, list[tuple[str, int]]],
) -> None:
    index, decrees = fictional
    rng = random.Random(5)
    frequency = index.frequency
    checked = 0
    for decree, year in rng.sample(decrees, 40):
        query = _noisy(decree, rng) if rng.random() < 0.5 else decree
        parsed = parse_name(query)
        blocked = set(index.candidates(query, minimum=POSSIBLE_THRESHOLD))
        for entry in index.entries:
            score = quick_score(
                parsed,
                entry.parsed,
                left_birth_year=year,
                right_birth_year=entry.birth_year,
                frequency=frequency,
            )
            if score >= POSSIBLE_THRESHOLD:
                checked += 1
                assert entry.key_id in blocked, (query, entry.name, score)
    assert checked >= 40


def test_blocks_are_much_smaller_than_the_index(
    fictional: tuple[NameIndex, list[tuple[str, int]]],
) -> None:
    index, decrees = fictional
    sizes = [len(index.candidates(decree)) for decree, _ in decrees[:100]]
    assert sum(sizes) / len(sizes) < len(decrees) / 10


def test_search_after_more_names_equals_a_fresh_index() -> None:
    """The bounds and given words an index keeps between queries follow what is added: the
    frequencies change, a known surname gets a new given name, a new surname appears."""
    rng = random.Random(17)
    first, decrees = _fictional_index(300, seed=23)
    queries = [_noisy(decree, rng) for decree, _ in decrees[:60]]
    queries += [decree for decree, _ in decrees[60:120]]
    before = {query: first._positions(parse_name(query), 0.3) for query in queries}
    assert sum(map(len, before.values())) > 100
    added = [
        (f"q{number}", f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)} {rng.choice(GIVEN)} oğlu")
        for number in range(300)
    ]
    added += [("q-new", "Zzyxwoy Rauf Elçin oğlu")]
    for key_id, name in added:
        first.add(key_id, name)
    fresh, _ = _fictional_index(300, seed=23)
    for key_id, name in added:
        fresh.add(key_id, name)
    for query in queries + ["Zzyxwoy Rauf", "Rauf Zzyxwoyev"]:
        parsed = parse_name(query)
        assert first._positions(parsed, 0.3) == fresh._positions(parsed, 0.3), query
        assert [c.id for c in first.search(query)] == [c.id for c in fresh.search(query)]
    assert any(c.id == "q-new" for c in first.search("Rauf Zzyxwoy"))


def test_search_finds_a_person_across_scripts_and_orders() -> None:
    index = NameIndex()
    index.add("p1", "Rauf Mirgadirov", birth_year=1962)
    index.add("p1", "Рауф Миргадиров")
    index.add("p2", "Əliyev Elçin Rəşid oğlu", birth_year=1980)
    index.add("p3", "Əliyev Elnur Rəşid oğlu", birth_year=1983)
    found = index.search("Mirqədirov Rauf Fazil oğlu, 1962-ci il təvəllüdlü")
    assert [c.id for c in found] == ["p1"]
    assert found[0].match.decision is Decision.MATCH
    brothers = index.search("Aliyev Elchin Rashid oglu", birth_year=1980)
    assert [c.id for c in brothers] == ["p2"]


def test_ocr_error_lands_in_the_same_block() -> None:
    index = NameIndex()
    index.add("p1", "Məmmədov Elçin Rəşid oğlu")
    assert index.candidates("Mərnmədov Elçin") == ["p1"]
    assert index.candidates("Mirgardirov Rauf") == []


def test_index_frequency_counts_parts() -> None:
    index = NameIndex()
    for number in range(60):
        index.add(f"p{number}", "Elçin Məmmədov")
    index.add("rare", "Rauf Mirqədirov")
    assert index.frequency.rarity("Mirgadirov") > index.frequency.rarity("Mammadov")


def test_blocks_hold_one_deletion_neighbours_of_long_keys() -> None:
    assert {k for _, k in one_deletions("mrkdrv")} >= {"rkdrv", "mkdrv", "mrkdr"}
    assert one_deletions("mdv") == []


DATA = Path(__file__).resolve().parent.parent / "data"


def _labelled_names() -> list[str]:
    names: list[str] = []
    for file in ("name_pairs.csv", "name_pairs_holdout.csv"):
        text = (DATA / file).read_text(encoding="utf-8")
        for row in csv.DictReader(text.splitlines()):
            names += [row["left"], row["right"]]
    return list(dict.fromkeys(names))


def test_word_gate_never_says_no_where_the_index_finds_something() -> None:
    names = _labelled_names()
    rng = random.Random(3)
    queries = names + [_noisy(name, rng) for name in names if len(name) > 3]
    for left_half in (names[::2], names[1::2]):
        index = NameIndex()
        for number, name in enumerate(left_half):
            index.add(f"n{number}", name)
        gate = WordGate(index)
        said_no = 0
        for query in queries:
            if not gate.may_find(query):
                said_no += 1
                assert not index.candidates(query), query
        assert said_no >= 20  # and it does say no


def test_word_gate_per_pair_and_for_joined_letters() -> None:
    text = (DATA / "name_pairs.csv").read_text(encoding="utf-8")
    for pair in csv.DictReader(text.splitlines()):
        index = NameIndex()
        index.add("x", pair["left"])
        if index.candidates(pair["right"]):
            assert WordGate(index).may_find(pair["right"]), pair
    index = NameIndex()
    index.add("x", "ElshadBagirzade")
    assert WordGate(index).may_find("Elshad Bagirzade")
    index.add("y", "Rovshan Talibov")
    assert not WordGate(index).may_find("Marta Kowalczyk")
    assert WordGate(index).may_find("Талыбов Ровшан Аллахверди оглу")


def test_near_surnames_by_typed_blocks_equal_the_key_gate_pair_by_pair() -> None:
    from habeas.names.similarity import gate_keys, keys_compatible

    index, _ = _fictional_index(300, seed=2)
    surnames = list(index._groups_by_surname)
    rng = random.Random(9)
    words = [w for name in _labelled_names() for w in name.split()]
    words += [_noisy(s, rng) for s in surnames if len(s) > 3] + ["Ali", "Aliada", "Əlizadə"]
    for word in words:
        expected = {s for s in surnames if keys_compatible(gate_keys(word), gate_keys(s))}
        assert index.surnames_near(word) == expected, word


def test_word_gate_joined_letters_as_joined_key_reads_them() -> None:
    from habeas.names.words import joined_key

    index = NameIndex()
    for number, name in enumerate(["ElshadBagirzade", "PolPot", "МаргаритаСимоньян"]):
        index.add(f"j{number}", name)
    gate = WordGate(index)
    for name in ["Elshad Bagirzade", "Pol Pot", "Маргарита Симоньян", "Pol-Pot", "Pol Pot 1928"]:
        assert joined_key(name) in index._joined and gate.may_find(name), name


@pytest.mark.parametrize(
    ("indexed", "query"),
    [
        ("Kamal Mirqədirov", "Mirqədirov Rauf oğlu Mirqədirov"),  # patronymic out, twice in
        ("Kamal Mirqədirov", "Mirqədirov Mirqədirov Mr Mirqədirov"),
        ("Kamal Sadıqova", "Sadıqova Sadıqova de Sadıqova Sadıqova"),
        ("Nazim Aliyev", "ŉ R Aliyev"),  # an initial filed as its upper case ʼN
        ("M Elçin Rəşid oğlu , 1980-ci il təvəllüdlü (1955)", "ELCHIN (1955)'Smirnova"),
        ("Petrovevgeniy", "ПетровЕвгений"),  # read apart, then folded word by word
        ("Aliyeveldar", "АлиевЭльдар"),
        ("Garret FitzGerald", "G. FitzGerald Jr."),
        ("John Smith", "MR John Smith III"),
    ],
)
def test_word_gate_cases_found_in_review(indexed: str, query: str) -> None:
    index = NameIndex()
    index.add("p", indexed)
    assert index.candidates(query)
    assert WordGate(index).may_find(query)


def test_word_gate_keeps_latin_suffixes_apart_from_cyrillic_initials() -> None:
    index = NameIndex()
    index.add("x", "John Smith")
    gate = WordGate(index)
    for warm, query in [
        ("Петров ИВ", "Smith IV"),
        ("Петров СР", "Smith Sr"),
        ("Петров МД", "Smith MD"),
    ]:
        assert not gate.may_find(warm)
        assert index.candidates(query) and gate.may_find(query), query

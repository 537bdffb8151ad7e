"""Linking two lists: pairs at or above a threshold, streamed left side, list reading errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from factory import DATA

from habeas.exceptions import InputError
from habeas.ingest.decrees import parse_decree, read_decree_text
from habeas.jobs.link import ListRecord, decree_records, link_lists, read_list
from habeas.names.compare import Decision

REGISTRY = [
    ListRecord("p1", "Tural Garayev", 1975),
    ListRecord("p1", "Турал Гараев", 1975),
    ListRecord("p2", "Lamiya Nasibova", 1984),
    ListRecord("p3", "Tural Garayev", 1951),
    ListRecord("p4", "Elnur Mammadov", 1980),
]


def test_links_decree_spellings_to_english_list() -> None:
    left = [
        ListRecord("d1", "Qarayev Tural Vaqif oğlu", 1975),
        ListRecord("d2", "Nəsibova Lamiyə Rauf qızı", 1984),
        ListRecord("d3", "Həsənov Kamran Elşən oğlu", 1970),
    ]
    rows = list(link_lists(left, REGISTRY))
    pairs = {(row.left_id, row.right_id): row for row in rows}
    assert pairs[("d1", "p1")].decision is Decision.MATCH
    assert pairs[("d2", "p2")].decision is Decision.MATCH
    assert ("d1", "p3") not in pairs  # birth years 24 apart: below possible
    assert not any(row.left_id == "d3" for row in rows)
    assert "surname" in pairs[("d1", "p1")].explanation


def test_threshold_keeps_only_strong_pairs() -> None:
    left = [ListRecord("d1", "Qarayev Tural", None)]
    loose = list(link_lists(left, REGISTRY, threshold=0.5))
    strict = list(link_lists(left, REGISTRY, threshold=0.99))
    assert {row.right_id for row in loose} >= {"p1", "p3"}
    assert strict == []
    with pytest.raises(InputError, match="outside 0..1"):
        list(link_lists(left, REGISTRY, threshold=1.5))


def test_left_side_is_streamed_not_loaded() -> None:
    pulled: list[int] = []

    def endless() -> Iterator[ListRecord]:
        number = 0
        while True:
            number += 1
            pulled.append(number)
            yield ListRecord(f"d{number}", "Qarayev Tural Vaqif oğlu", 1975)

    rows = link_lists(endless(), REGISTRY)
    first = next(rows)
    assert first.right_id == "p1"
    assert len(pulled) <= 2


def test_one_left_person_with_two_spellings_gets_one_row_per_right_person() -> None:
    left = [ListRecord("d1", "Tural Garayev", 1975), ListRecord("d1", "Qarayev Tural", 1975)]
    rows = list(link_lists(left, REGISTRY))
    assert [row.right_id for row in rows].count("p1") == 1


def test_decree_entries_link_end_to_end() -> None:
    decree = parse_decree(read_decree_text(DATA / "decrees" / "az-two-sections.txt"))
    rows = list(link_lists(decree_records(decree), REGISTRY))
    assert ("az-two-sections.txt:9", "p1") in {(row.left_id, row.right_id) for row in rows}


def test_read_csv_and_json_lines(tmp_path: Path) -> None:
    csv_path = tmp_path / "list.csv"
    csv_path.write_text(
        "\ufeffid,name,birth_year,gender\np1,Tural Garayev,1975,M\np2,Lamiya Nasibova,,\n",
        encoding="utf-8",
    )
    assert list(read_list(csv_path)) == [
        ListRecord("p1", "Tural Garayev", 1975, "male"),
        ListRecord("p2", "Lamiya Nasibova", None, None),
    ]
    jsonl = tmp_path / "list.jsonl"
    jsonl.write_text('{"id": 7, "name": "Tural Garayev", "birth_year": 1975}\n\n', "utf-8")
    assert list(read_list(jsonl)) == [ListRecord("7", "Tural Garayev", 1975, None)]


def test_csv_without_id_column_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("name,birth_year\nTural Garayev,1975\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_list(path))
    assert str(caught.value) == (
        'people.csv, line 1: missing column "id" (the header has name, birth_year); '
        "a list needs id and name columns"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("p1,Tural Garayev,19x5\n", "people.csv, line 3, column birth_year: birth_year"),
        ("p1,,1975\n", "people.csv, line 3, column name: empty name"),
        ("p1,Tural,1975,extra\n", "people.csv, line 3: more cells than header columns"),
    ],
)
def test_bad_csv_rows_name_their_line(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "people.csv"
    path.write_text("id,name,birth_year\np0,Lamiya Nasibova,1984\n" + body, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_list(path))
    assert str(caught.value).startswith(expected)


def test_bad_json_line_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text('{"id": "a", "name": "Tural Garayev"}\n{"id": "b", "name": \n', "utf-8")
    with pytest.raises(InputError, match=r"^people.jsonl, line 2: not valid JSON"):
        list(read_list(path))


def test_missing_list_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_list(tmp_path / "absent.csv"))

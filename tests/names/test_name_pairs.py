"""The labelled pairs in tests/data/name_pairs.csv are the source of truth.

Rule: a pair labelled is_match=1 must never be rated `no`; a pair labelled is_match=0 must
never be rated `match`. Also, most true pairs outside the `initials` and `suffix_dropped`
categories (which are `possible` by design) must be rated `match`.
"""

import csv
from pathlib import Path

import pytest

from habeas.names.compare import Decision, compare

PAIRS = Path(__file__).resolve().parent.parent / "data" / "name_pairs.csv"
ROWS = list(csv.DictReader(PAIRS.read_text(encoding="utf-8").splitlines()))
POSSIBLE_BY_DESIGN = {"initials", "suffix_dropped"}


def _year(value: str | None) -> int | None:
    return int(value) if value else None


def _decision(row: dict[str, str]) -> Decision:
    return compare(
        row["left"],
        row["right"],
        left_birth_year=_year(row.get("left_birth_year")),
        right_birth_year=_year(row.get("right_birth_year")),
    ).decision


def test_table_is_large_and_covers_categories() -> None:
    assert len(ROWS) >= 120
    categories = {row["category"] for row in ROWS}
    assert {"translit_az", "cyrillic", "decree_order", "brothers", "gender"} <= categories
    assert all(row["is_match"] in ("0", "1") for row in ROWS)


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{r['category']}:{r['left']}|{r['right']}" for r in ROWS]
)
def test_labelled_pair_does_not_flip(row: dict[str, str]) -> None:
    decision = _decision(row)
    if row["is_match"] == "1":
        assert decision is not Decision.NO, row["note"]
    else:
        assert decision is not Decision.MATCH, row["note"]


def test_most_true_pairs_are_rated_match() -> None:
    true_rows = [
        r for r in ROWS if r["is_match"] == "1" and r["category"] not in POSSIBLE_BY_DESIGN
    ]
    matched = sum(_decision(r) is Decision.MATCH for r in true_rows)
    assert matched / len(true_rows) >= 0.9


def test_initials_alone_are_never_match() -> None:
    for row in ROWS:
        if row["category"] == "initials":
            assert _decision(row) is not Decision.MATCH

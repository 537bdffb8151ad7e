"""Benchmark of the name matcher: quality per category, speed, blocking scale and recall.

Run: .venv/bin/python bench/names.py [--quick]

Figures are printed, never asserted. All generated persons are fictional; names are drawn
from tables of common Azerbaijani given names and surnames.

Optional peer evaluation: /work/shared/fixtures/peer/nomenklatura-name-cases.csv (or the
path in --peer), test cases from OpenSanctions nomenklatura, Copyright (c) 2013-2022
Friedrich Lindenberg, (c) 2023-2025 OpenSanctions Datenbanken GmbH, MIT licence (see
nomenklatura-LICENSE beside it). Only the Person rows are scored.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections import defaultdict
from pathlib import Path

from habeas.names.blocking import NameIndex
from habeas.names.compare import POSSIBLE_THRESHOLD, Decision, compare, quick_score
from habeas.names.frequency import COMMON_GIVEN, COMMON_SURNAMES, OTHER_GIVEN, OTHER_SURNAMES
from habeas.names.parse import parse_name
from habeas.names.translit import to_english, to_russian

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "name_pairs.csv"
PEER = Path("/work/shared/fixtures/peer/nomenklatura-name-cases.csv")

FEMALE_GIVEN = frozenset(
    "Leyla Xədicə Günel Aynur Nərmin Səbinə Aygün Gülnar Sevinc Könül Arzu Aysel Nigar Fatimə "
    "Zəhra Aytən Gözəl Ülviyyə Lalə Şəhla Rəna Səadət Aliyə Sevda Gülər Yuliya Olga Svetlana "
    "Anna Tatyana Yelena Natalya Mariya".split()
)
ALL_GIVEN = [n for n in dict.fromkeys(COMMON_GIVEN + OTHER_GIVEN)]
MALE = [n for n in ALL_GIVEN if n not in FEMALE_GIVEN]
FEMALE = [n for n in ALL_GIVEN if n in FEMALE_GIVEN]
STEM_ENDINGS = ("ov", "ov", "ov", "li", "zadə", "yev")


def surname_table() -> list[str]:
    """Return fictional-usage surnames: the tables plus given-name stems with endings."""
    names = list(dict.fromkeys(COMMON_SURNAMES + OTHER_SURNAMES))
    for stem in MALE:
        for ending in STEM_ENDINGS[3:] + ("ov",):
            base = stem[:-1] if ending == "yev" and stem[-1] in "ə" else stem
            names.append(base + ending)
    return list(dict.fromkeys(names))


def feminine(surname: str) -> str:
    """Return the feminine form of a surname (-ov → -ova); native forms do not change."""
    return surname + "a" if surname.endswith(("ov", "ev")) else surname


def noisy(text: str, rng: random.Random) -> str:
    """Add one OCR-like error or typo to a name."""
    kind = rng.randrange(5)
    if kind == 0 and "m" in text:
        return text.replace("m", "rn", 1)
    if kind == 1 and "l" in text:
        return text.replace("l", "1", 1)
    if kind == 2:
        return text.translate(str.maketrans("əğışçöüİ", "egiscouI"))
    position = rng.randrange(1, max(2, len(text) - 1))
    if kind == 3 and text[position].isalpha():
        return text[:position] + text[position + 1 :]
    return text[: position - 1] + text[position] + text[position - 1] + text[position + 1 :]


def people(count: int, seed: int) -> list[dict[str, object]]:
    """Generate fictional persons with a decree line, birth year and 2-3 spelling variants."""
    rng = random.Random(seed)
    surnames = surname_table()
    weights = [8.0 if s in COMMON_SURNAMES else 1.0 for s in surnames]
    result: list[dict[str, object]] = []
    for number in range(count):
        female = rng.random() < 0.4
        given = rng.choice(FEMALE if female else MALE)
        surname = rng.choices(surnames, weights)[0]
        surname = feminine(surname) if female else surname
        father = rng.choice(MALE)
        marker = "qızı" if female else "oğlu"
        decree = f"{surname} {given} {father} {marker}"
        variants = [decree, f"{to_english(given)} {to_english(surname)}"]
        if rng.random() < 0.6:
            variants.append(to_russian(f"{given} {surname}"))
        result.append(
            {
                "id": f"p{number}",
                "decree": decree,
                "year": rng.randint(1940, 2005),
                "names": variants,
            }
        )
    return result


def queries(persons: list[dict[str, object]], count: int, seed: int) -> list[tuple[str, int]]:
    """Return decree-style queries (surname first, patronymic, birth year), some with noise."""
    rng = random.Random(seed)
    found: list[tuple[str, int]] = []
    for _ in range(count):
        person = rng.choice(persons)
        text = str(person["decree"])
        if rng.random() < 0.3:
            text = noisy(text, rng)
        year = int(str(person["year"])) + (rng.choice((0, 0, 0, 1, 7)))
        found.append((text, year))
    return found


def build(persons: list[dict[str, object]]) -> NameIndex:
    """Index every variant of every person."""
    index = NameIndex()
    for person in persons:
        for name in person["names"]:  # type: ignore[attr-defined]
            index.add(str(person["id"]), str(name), birth_year=int(str(person["year"])))
    return index


def quality() -> None:
    """Print precision and recall per category of the labelled pairs."""
    rows = list(csv.DictReader(PAIRS.read_text(encoding="utf-8").splitlines()))
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # tp fp fn tn strict
    for row in rows:
        ly = int(row["left_birth_year"]) if row.get("left_birth_year") else None
        ry = int(row["right_birth_year"]) if row.get("right_birth_year") else None
        match = compare(row["left"], row["right"], left_birth_year=ly, right_birth_year=ry)
        said = match.decision is not Decision.NO
        truth = row["is_match"] == "1"
        cell = stats[row["category"]]
        cell[0 if said and truth else 1 if said else 2 if truth else 3] += 1
        cell[4] += int(truth and match.decision is Decision.MATCH)
    print(f"{'category':22} {'pairs':>5} {'precision':>9} {'recall':>6} {'match':>6}")
    totals = [0, 0, 0, 0, 0]
    for category in sorted(stats):
        tp, fp, fn, tn, strict = stats[category]
        totals = [a + b for a, b in zip(totals, stats[category], strict=True)]
        print(f"{category:22} {tp + fp + fn + tn:5} {ratio(tp, tp + fp):>9} {ratio(tp, tp + fn):>6}"
              f" {ratio(strict, tp + fn):>6}")  # fmt: skip
    tp, fp, fn, tn, strict = totals
    print(f"{'all':22} {tp + fp + fn + tn:5} {ratio(tp, tp + fp):>9} {ratio(tp, tp + fn):>6}"
          f" {ratio(strict, tp + fn):>6}")  # fmt: skip
    print("(positive = match or possible; 'match' = share of true pairs rated match)")


def ratio(part: int, whole: int) -> str:
    """Format a share, or '-' when undefined."""
    return f"{part / whole:.2f}" if whole else "-"


def throughput(persons: list[dict[str, object]]) -> None:
    """Print compare() calls per second on distinct pairs (parse cached) and repeated pairs."""
    names = [str(n) for p in persons for n in p["names"]]  # type: ignore[attr-defined]
    rng = random.Random(7)
    pairs = [(rng.choice(names), rng.choice(names)) for _ in range(20000)]
    start = time.perf_counter()
    for left, right in pairs:
        compare(left, right)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for left, right in pairs:
        compare(left, right)
    second = time.perf_counter() - start
    print(f"compare(): {len(pairs) / first:,.0f}/s first pass (random pairs), "
          f"{len(pairs) / second:,.0f}/s repeated pairs")  # fmt: skip


def blocking(count: int, query_count: int) -> None:
    """Print index build time, query time and candidates per query."""
    persons = people(count, seed=1)
    start = time.perf_counter()
    index = build(persons)
    built = time.perf_counter() - start
    print(f"index: {count:,} persons, {len(index):,} name variants, built in {built:.1f}s")
    asked = queries(persons, query_count, seed=2)
    start = time.perf_counter()
    total_candidates = 0
    hits = 0
    for text, year in asked:
        total_candidates += len(index._positions(parse_name(text)))
        hits += bool(index.search(text, birth_year=year, limit=5))
    took = time.perf_counter() - start
    print(f"queries: {query_count:,} in {took:.1f}s ({query_count / took:,.0f}/s), "
          f"{total_candidates / query_count:.0f} name variants compared per query, "
          f"{hits / query_count:.0%} with a result at possible or above")  # fmt: skip


def recall(count: int, query_count: int) -> None:
    """Print blocking recall against exhaustive comparison on a smaller index."""
    persons = people(count, seed=3)
    index = build(persons)
    entries = index.entries
    frequency = index.frequency
    missed = found = 0
    start = time.perf_counter()
    for text, year in queries(persons, query_count, seed=4):
        parsed = parse_name(text)
        blocked = set(index.candidates(text))
        for entry in entries:
            score = quick_score(
                parsed, entry.parsed, left_birth_year=year, right_birth_year=entry.birth_year,
                frequency=frequency,
            )  # fmt: skip
            if score >= POSSIBLE_THRESHOLD:
                found += 1
                missed += entry.key_id not in blocked
    took = time.perf_counter() - start
    compares = len(entries) * query_count
    print(f"recall vs exhaustive: {count:,} persons x {query_count} queries ({compares:,} "
          f"compares, {took:.0f}s): {found} pairs at possible or above, {missed} missed "
          f"by blocking, recall {ratio(found - missed, found)}")  # fmt: skip


def peer(path: Path) -> None:
    """Print agreement with the nomenklatura Person test cases."""
    if not path.exists():
        print(f"peer cases: {path} not found, skipped")
        return
    text = path.read_text(encoding="utf-8").splitlines()
    rows = [r for r in csv.DictReader(text) if r["schema"] == "Person"]
    tp = fp = fn = tn = 0
    for row in rows:
        said = compare(row["name1"], row["name2"]).decision is not Decision.NO
        truth = row["is_match"].lower() == "true"
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
        tn += not said and not truth
    print(f"peer (OpenSanctions nomenklatura, MIT): {len(rows)} Person pairs, agreement "
          f"{ratio(tp + tn, len(rows))}, precision {ratio(tp, tp + fp)}, "
          f"recall {ratio(tp, tp + fn)}")  # fmt: skip


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small index, few queries")
    parser.add_argument("--peer", type=Path, default=PEER, help="nomenklatura name cases CSV")
    args = parser.parse_args()
    quality()
    persons = people(2000, seed=0)
    throughput(persons)
    if args.quick:
        blocking(5000, 1000)
        recall(500, 20)
    else:
        blocking(50000, 10000)
        recall(5000, 200)
    peer(args.peer)


if __name__ == "__main__":
    main()

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
import itertools
import random
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA

from habeas.names.blocking import NameIndex
from habeas.names.compare import POSSIBLE_THRESHOLD, Decision, compare, quick_score
from habeas.names.frequency import COMMON_GIVEN, COMMON_SURNAMES, OTHER_GIVEN, OTHER_SURNAMES
from habeas.names.parse import parse_name
from habeas.names.similarity import features, token_similarity
from habeas.names.translit import to_english, to_russian
from habeas.names.words import readings

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "name_pairs.csv"
HOLDOUT = ROOT / "tests" / "data" / "name_pairs_holdout.csv"
LOGIC_V2_THRESHOLD = 0.7  # nomenklatura's usual match threshold for logic-v2
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


Row = dict[str, str]
Judge = Callable[[Row], bool]


def _year(value: str | None) -> int | None:
    """Return a birth year cell as an int, or None when empty."""
    return int(value) if value else None


def load_pairs(path: Path) -> list[Row]:
    """Return the rows of a labelled pairs file."""
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def habeas_judge(row: Row) -> bool:
    """Return whether habeas rates a pair possible or match."""
    match = compare(
        row["left"],
        row["right"],
        left_birth_year=_year(row.get("left_birth_year")),
        right_birth_year=_year(row.get("right_birth_year")),
    )
    return match.decision is not Decision.NO


def token_sort_scores(rows: list[Row]) -> list[float] | None:
    """Return rapidfuzz token_sort_ratio on anyascii-folded names, or None without anyascii."""
    try:
        from anyascii import anyascii
    except ImportError:
        return None
    from rapidfuzz import fuzz

    return [
        fuzz.token_sort_ratio(anyascii(r["left"]).lower(), anyascii(r["right"]).lower())
        for r in rows
    ]


def best_threshold(scores: list[float], truth: list[bool]) -> float:
    """Return the single threshold that gives the best overall F1 (the baseline's best case)."""
    best, chosen = -1.0, 0.0
    for threshold in sorted(set(scores)):
        said = [score >= threshold for score in scores]
        tp = sum(a and b for a, b in zip(said, truth, strict=True))
        fp = sum(a and not b for a, b in zip(said, truth, strict=True))
        fn = sum(b and not a for a, b in zip(said, truth, strict=True))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best:
            best, chosen = f1, threshold
    return chosen


def logic_v2_judge() -> Judge | str:
    """Return a judge running nomenklatura's LogicV2 on two Person entities, or why not."""
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2
        from nomenklatura.matching.types import ScoringConfig
    except ImportError as error:  # pragma: no cover - optional bench dependency
        return f"nomenklatura not installed ({error}); pip install nomenklatura"
    config = ScoringConfig.defaults()

    def person(key: str, name: str, year: str | None) -> Any:
        properties: dict[str, list[str]] = {"name": [name]}
        if year:
            properties["birthDate"] = [year]
        return model.get_proxy({"id": key, "schema": "Person", "properties": properties})

    numbers = itertools.count()

    def judge(row: Row) -> bool:
        number = next(numbers)  # nomenklatura caches name features by entity id: keep them unique
        left = person(f"q{number}", row["left"], row.get("left_birth_year"))
        right = person(f"r{number}", row["right"], row.get("right_birth_year"))
        return bool(LogicV2.compare(left, right, config).score >= LOGIC_V2_THRESHOLD)

    return judge


def prf(said: list[bool], truth: list[bool]) -> tuple[str, str, str, str]:
    """Return precision, recall, F1 and accuracy as printable strings."""
    tp = sum(a and b for a, b in zip(said, truth, strict=True))
    fp = sum(a and not b for a, b in zip(said, truth, strict=True))
    fn = sum(b and not a for a, b in zip(said, truth, strict=True))
    right = sum(a == b for a, b in zip(said, truth, strict=True))
    f1 = ratio(2 * tp, 2 * tp + fp + fn) if tp + fn else "-"
    return ratio(tp, tp + fp), ratio(tp, tp + fn), f1, ratio(right, len(truth))


def quality(path: Path, title: str) -> None:
    """Print precision, recall, F1 and accuracy per category for habeas and the baselines."""
    rows = load_pairs(path)
    truth = [r["is_match"] == "1" for r in rows]
    judges: dict[str, list[bool]] = {"habeas": [habeas_judge(r) for r in rows]}
    notes: list[str] = []
    scores = token_sort_scores(rows)
    if scores is None:
        notes.append("token_sort baseline skipped: pip install anyascii")
    else:
        threshold = best_threshold(scores, truth)
        judges["token_sort"] = [score >= threshold for score in scores]
        notes.append(f"token_sort = rapidfuzz token_sort_ratio on anyascii, best single "
                     f"threshold {threshold:.0f}")  # fmt: skip
    logic = logic_v2_judge()
    if isinstance(logic, str):
        notes.append(f"logic-v2 baseline skipped: {logic}")
    else:
        judges["logic_v2"] = [logic(r) for r in rows]
        notes.append(f"logic_v2 = nomenklatura LogicV2 on FtM Person entities, score >= "
                     f"{LOGIC_V2_THRESHOLD}")  # fmt: skip
    print(f"\n== {title}: {path.name}, {len(rows)} pairs (positive = match or possible) ==")
    header = f"{'category':22} {'pairs':>5}"
    for name in judges:
        header += f" | {name:>10} P    R    F1   acc"
    print(header)
    categories = sorted({r["category"] for r in rows})
    for category in [*categories, "all"]:
        picked = [i for i, r in enumerate(rows) if category in ("all", r["category"])]
        line = f"{category:22} {len(picked):5}"
        for said in judges.values():
            p, r, f, a = prf([said[i] for i in picked], [truth[i] for i in picked])
            line += f" | {'':>10} {p:>4} {r:>4} {f:>4} {a:>4}"
        print(line)
    for note in notes:
        print(f"  {note}")
    near = [i for i, r in enumerate(rows) if near_miss(r["left"], r["right"])]
    same = sum(truth[i] for i in near)
    print(f"  near misses (one of surname and given name the same, the other a letter or two "
          f"apart): {len(near)} pairs, {same} labelled the same person, {len(near) - same} "
          f"different persons; habeas calls {sum(judges['habeas'][i] for i in near)} of them "
          f"positive")  # fmt: skip


def _near_spelling(left: str, right: str) -> bool:
    """Tell whether two name parts are one edit apart (two for five letters or more)."""
    a, b = features(left).folded, features(right).folded
    edits = OSA.distance(a, b)
    shorter = min(len(a), len(b))
    return 0 < edits <= 1 and shorter >= 3 or 0 < edits <= 2 and shorter >= 5


def near_miss(left: str, right: str) -> bool:
    """Tell whether, read some way, two names agree in one of surname and given name and
    the other differs by a letter or two (Tom Cook / Tim Cook, Vasif Əliyev / Vasif
    Valiyev): the pairs on which the labelled sets disagree most about what a name is."""
    for a in readings(parse_name(left)):
        for b in readings(parse_name(right)):
            if not (a.surname and b.surname and a.given and b.given):
                continue
            same_surname = token_similarity(a.surname, b.surname, True) >= 0.95
            same_given = token_similarity(a.given, b.given) >= 0.95
            if same_surname and not same_given and _near_spelling(a.given, b.given):
                return True
            if same_given and not same_surname and _near_spelling(a.surname, b.surname):
                return True
    return False


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
    """Print index build time, query speed, candidates per query and peak memory."""
    persons = people(count, seed=1)
    asked = queries(persons, query_count, seed=2)
    start = time.perf_counter()
    index = build(persons)
    built = time.perf_counter() - start
    print(f"index: {count:,} persons, {len(index):,} name variants, built in {built:.1f}s")
    start = time.perf_counter()
    results = index.search_many(asked, limit=5)
    took = time.perf_counter() - start
    hits = sum(bool(found) for found in results)
    print(f"queries (search_many): {query_count:,} in {took:.1f}s ({query_count / took:,.0f}/s), "
          f"{hits / query_count:.0%} with a result at possible or above; end to end "
          f"{built + took:.1f}s")  # fmt: skip
    sample = asked[:1000]
    blocked = sum(len(index.candidates(text, minimum=POSSIBLE_THRESHOLD)) for text, _ in sample)
    print(f"candidates per query (persons passing gate and bound): {blocked / len(sample):.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the bench process so far): {peak:,.0f} MiB")


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
        blocked = set(index.candidates(text, minimum=POSSIBLE_THRESHOLD))
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


def peer_rows(path: Path) -> list[Row]:
    """Return the nomenklatura Person cases as labelled pairs with a tune/test half."""
    text = path.read_text(encoding="utf-8").splitlines()
    rows = [r for r in csv.DictReader(text) if r["schema"] == "Person"]
    return [
        {
            "left": r["name1"],
            "right": r["name2"],
            "is_match": "1" if r["is_match"].lower() == "true" else "0",
            "category": "tune" if index % 2 == 0 else "test",
        }
        for index, r in enumerate(rows)
    ]


def peer(path: Path) -> None:
    """Print agreement with the nomenklatura Person test cases, tune and test halves apart."""
    if not path.exists():
        print(f"peer cases: {path} not found, skipped")
        return
    rows = peer_rows(path)
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "peer.csv"
        with table.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=["left", "right", "is_match", "category"])
            writer.writeheader()
            writer.writerows(rows)
        quality(table, "OpenSanctions nomenklatura Person cases (MIT); even rows tune, odd test")


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small index, few queries")
    parser.add_argument("--peer", type=Path, default=PEER, help="nomenklatura name cases CSV")
    args = parser.parse_args()
    quality(PAIRS, "labelled pairs (tuned on)")
    quality(HOLDOUT, "held-out pairs (written before scoring, never tuned on)")
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

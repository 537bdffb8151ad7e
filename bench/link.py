"""Benchmark of decree parsing and list linking, end to end, on fictional data.

Run: .venv/bin/python bench/link.py [--quick]

Generates a registry of fictional persons (2-3 spellings each: Azerbaijani Latin decree
form, English, often Cyrillic) and a decree of numbered surname-first lines with
patronymic and birth year, about 2% of them registry persons written differently (some
with OCR-like noise). Prints the time and peak memory of read + parse + index + link, how
many planted persons were found, and the candidate search's recall against an exhaustive
pass: rapidfuzz ``process.cdist`` over every (line, spelling) pair, each pair it keeps
(token_sort_ratio >= CUTOFF on folded given name + surname) then scored by habeas. The
exhaustive side is only as complete as that cutoff allows. Figures are printed, never
asserted.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import numpy as np
from rapidfuzz import fuzz, process

from habeas.ingest.decrees import parse_decree, read_decree_text
from habeas.jobs.link import build_index, decree_records, link_lists, read_list
from habeas.names.compare import POSSIBLE_THRESHOLD, quick_score
from habeas.names.parse import parse_name
from habeas.names.translit import fold

CUTOFF = 70
_SUFFIX = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
_TENS = {0: "ci", 1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}


def _names_bench() -> ModuleType:
    """Load bench/names.py (its name tables and noise) without a package."""
    spec = importlib.util.spec_from_file_location(
        "bench_names", Path(__file__).with_name("names.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def year_phrase(year: int) -> str:
    """Return "1975-ci il təvəllüdlü" with the suffix Azerbaijani vowel harmony asks for."""
    last = year % 10
    suffix = _SUFFIX[last] if last else _TENS[(year // 10) % 10] if year % 100 else "ci"
    return f"{year}-{suffix} il təvəllüdlü"


def make_data(
    folder: Path, persons_n: int, lines_n: int, rng: random.Random
) -> tuple[Path, Path, dict[str, str]]:
    """Write registry.csv and decree.txt; return their paths and planted line → person id."""
    bench = _names_bench()
    registry = bench.people(persons_n, seed=11)
    others = bench.people(lines_n, seed=12)
    registry_path = folder / "registry.csv"
    with registry_path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "name", "birth_year"])
        for person in registry:
            for name in person["names"]:
                writer.writerow([person["id"], name, person["year"]])
    lines = [
        "AZƏRBAYCAN RESPUBLİKASI PREZİDENTİNİN SƏRƏNCAMI (uydurma)",
        "",
        "1. Aşağıda adları qeyd olunan şəxslər cəzalarının çəkilməmiş hissəsindən azad edilsin:",
    ]
    planted: dict[str, str] = {}
    for number in range(1, lines_n + 1):
        if number == lines_n // 2:
            lines.append("2. Aşağıda adları qeyd olunan şəxslərin cəzalarının çəkilməmiş "
                         "hissəsi yarıyadək azaldılsın:")  # fmt: skip
        if rng.random() < 0.02:
            person = rng.choice(registry)
            text = str(person["decree"])
            text = bench.noisy(text, rng) if rng.random() < 0.5 else text
            planted[f"decree.txt:{len(lines) + 1}"] = str(person["id"])
        else:
            person = others[number - 1]
            text = str(person["decree"])
            text = bench.noisy(text, rng) if rng.random() < 0.05 else text
        lines.append(f"{number}. {text}, {year_phrase(int(str(person['year'])))}")
    lines += ["", "3. Bu Sərəncam imzalandığı gündən qüvvəyə minir."]
    decree_path = folder / "decree.txt"
    decree_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return registry_path, decree_path, planted


def end_to_end(registry_path: Path, decree_path: Path, planted: dict[str, str]) -> None:
    """Time read + parse + index + link; print time, peak memory and planted recall."""
    start = time.perf_counter()
    decree = parse_decree(read_decree_text(decree_path))
    parsed_at = time.perf_counter()
    index = build_index(read_list(registry_path))
    indexed_at = time.perf_counter()
    rows = list(link_lists(decree_records(decree), index))
    done = time.perf_counter()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found = {(row.left_id, row.right_id) for row in rows}
    hits = sum((line, person) in found for line, person in planted.items())
    print(f"decree: {len(decree.entries):,} entries, {len(decree.skipped)} skipped, "
          f"{len(decree.duplicates)} duplicates; registry: {len(index):,} spellings")  # fmt: skip
    print(f"time: parse {parsed_at - start:.2f}s + index {indexed_at - parsed_at:.2f}s + "
          f"link {done - indexed_at:.2f}s = {done - start:.2f}s total (goal <= 3 s)")  # fmt: skip
    print(f"peak memory (max RSS of this process): {peak_mib:,.0f} MiB (goal <= 1024 MiB)")
    print(f"pairs at possible or above: {len(rows):,}; planted persons found: {hits} of "
          f"{len(planted)}")  # fmt: skip


def key(name: str) -> str:
    """Return folded given name + surname, for the exhaustive string pass."""
    parsed = parse_name(name)
    return fold(f"{parsed.given or ''} {parsed.surname or ''}".strip())


def exhaustive_recall(registry_path: Path, decree_path: Path, sample: int) -> None:
    """Print candidate-search recall against cdist over every pair of a sample, and timings."""
    decree = parse_decree(read_decree_text(decree_path))
    entries = random.Random(5).sample(decree.entries, min(sample, len(decree.entries)))
    index = build_index(read_list(registry_path))
    spellings = index.entries
    start = time.perf_counter()
    scores = process.cdist(
        [key(entry.name) for entry in entries],
        [key(spelling.name) for spelling in spellings],
        scorer=fuzz.token_sort_ratio,
        score_cutoff=CUTOFF,
        dtype=np.uint8,
        workers=-1,
    )
    cdist_s = time.perf_counter() - start
    frequency = index.frequency
    truth: set[tuple[int, str]] = set()
    rows, cols = np.nonzero(scores)
    for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
        entry, spelling = entries[row], spellings[col]
        score = quick_score(
            parse_name(entry.name),
            spelling.parsed,
            left_birth_year=entry.birth_year,
            right_birth_year=spelling.birth_year,
            left_gender=entry.gender,
            frequency=frequency,
        )
        if score >= POSSIBLE_THRESHOLD:
            truth.add((row, spelling.key_id))
    verify_s = time.perf_counter() - start - cdist_s
    start = time.perf_counter()
    found: set[tuple[int, str]] = set()
    for row, entry in enumerate(entries):
        for candidate in index.search(
            entry.name, birth_year=entry.birth_year, gender=entry.gender, limit=len(index)
        ):
            found.add((row, candidate.id))
    search_s = time.perf_counter() - start
    persons = len({spelling.key_id for spelling in spellings})
    recall = len(truth & found) / len(truth) if truth else 1.0
    print(f"recall vs exhaustive on {len(entries):,} lines x {persons:,} persons "
          f"({len(spellings):,} spellings, {len(entries) * len(spellings):,} pairs):")  # fmt: skip
    print(f"  cdist token_sort_ratio (all pairs, {CUTOFF}+ kept): {cdist_s:.2f}s; "
          f"habeas scoring of the {len(rows):,} kept pairs: {verify_s:.2f}s")  # fmt: skip
    print(f"  candidate search (NameIndex.search): {search_s:.2f}s; {len(truth):,} pairs at "
          f"possible or above, {len(truth - found)} missed, recall {recall:.4f} "
          f"(goal >= 0.995); {len(found - truth)} found beyond the cdist cutoff")  # fmt: skip


def main() -> None:
    """Run the benchmark."""
    assert __doc__ is not None
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 persons, 1,000 lines")
    args = parser.parse_args()
    persons_n, lines_n, sample = (5_000, 1_000, 200) if args.quick else (50_000, 10_000, 1_000)
    with tempfile.TemporaryDirectory(prefix="habeas-bench-") as name:
        folder = Path(name)
        registry_path, decree_path, planted = make_data(
            folder, persons_n, lines_n, random.Random(1)
        )
        print(f"fictional data: {persons_n:,} persons, {lines_n:,} decree lines, "
              f"{len(planted)} planted")  # fmt: skip
        sys.stdout.flush()
        end_to_end(registry_path, decree_path, planted)
        sys.stdout.flush()
        exhaustive_recall(registry_path, decree_path, sample)


if __name__ == "__main__":
    main()

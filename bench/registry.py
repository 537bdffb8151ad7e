"""Registry benchmark: 50,000 persons and 500,000 events on SQLite and PostgreSQL.

Prints import rate (goal >= 20,000 events/s on SQLite), peak memory of the import
(goal < 1 GB), `count --as-of` latency (goal <= 50 ms), `list --as-of` latency for the
whole list (goal <= 300 ms) and a 120-point timeline (goal <= 2 s). Figures are printed,
never asserted.

    python bench/registry.py [--persons 50000] [--events-per-person 10] [--no-postgres]
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

GIVEN = ["Anar", "Elnur", "Rəşad", "Vüqar", "Tural", "Orxan", "Elçin", "Ramil", "Emin", "Samir"]
SURNAME = ["Əliyev", "Məmmədov", "Həsənov", "Quliyev", "Kərimov", "Babayev", "Rzayev", "Səfərli"]
ORGS = ["Union A (fictional)", "Committee B (fictional)"]


def generate(folder: Path, persons: int, per_person: int, seed: int = 7) -> int:
    """Write fictional persons.csv and events.csv; return the number of events."""
    rng = random.Random(seed)
    total = 0
    with (
        (folder / "persons.csv").open("w", newline="", encoding="utf-8") as pf,
        (folder / "events.csv").open("w", newline="", encoding="utf-8") as ef,
    ):
        people = csv.writer(pf)
        events = csv.writer(ef)
        people.writerow(["person_id", "name", "other_names", "birth_year", "gender", "occupation"])
        events.writerow(["event_id", "person_id", "type", "date", "detail", "source_url"])
        for n in range(persons):
            pid = f"b{n:06d}"
            name = f"{rng.choice(GIVEN)} {rng.choice(SURNAME)} {n}"
            people.writerow([pid, name, "", rng.randint(1950, 2000), "male", "journalist"])
            day = date(2010, 1, 1) + timedelta(days=rng.randint(0, 3000))
            rows: list[tuple[str, str, str]] = []
            rows.append(("arrest", day.isoformat(), ""))
            for kind, detail in (
                ("charge", "Art. 274"),
                ("recognition", rng.choice(ORGS)),
                ("trial", ""),
                ("sentence", f"{rng.randint(2, 12)}y"),
                ("appeal", "upheld"),
                ("transfer", "Prison 2 (fictional)"),
                ("hunger_strike", ""),
                ("ill_treatment", ""),
            ):
                day += timedelta(days=rng.randint(1, 60))
                rows.append((kind, day.isoformat(), detail))
            day += timedelta(days=rng.randint(30, 900))
            rows.append(("release", day.isoformat(), rng.choice(["served", "pardon"])))
            while len(rows) < per_person:
                day += timedelta(days=rng.randint(1, 30))
                rows.append(("hearing", day.isoformat(), ""))
            for i, (kind, when, detail) in enumerate(rows[:per_person]):
                if kind == "release" and i < len(rows) - 1 and per_person < len(rows):
                    continue
                events.writerow(
                    [f"{pid}-{i}", pid, kind, when, detail, f"https://example.org/b/{n % 5000}"]
                )
                total += 1
    return total


def timed(fn, repeat: int = 7) -> float:  # type: ignore[no-untyped-def]
    """Median wall time of `fn()` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(url: str, label: str, folder: Path, events: int) -> None:
    """Import with the real CLI in a child process, then time the queries here."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "habeas",
            "--db",
            url,
            "import",
            str(folder / "persons.csv"),
            str(folder / "events.csv"),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024

    from habeas.domain.dates import month_starts
    from habeas.jobs.report import timeline
    from habeas.storage.sql import SqlRegistry

    registry = SqlRegistry(url)
    day = date(2013, 6, 1)
    count = registry.count(day)
    count_ms = timed(lambda: registry.count(day), 15)
    by_ms = timed(lambda: registry.count(day, by=ORGS[0]), 15)
    list_size = len(registry.list_on(day))
    list_ms = timed(lambda: registry.list_on(day), 5)
    points = month_starts(date(2009, 1, 1), date(2018, 12, 1))
    timeline_ms = timed(lambda: timeline(registry, points), 3)
    print(f"\n== {label} ==")
    print(
        f"import: {events:,} events in {elapsed:.1f} s = {events / elapsed:,.0f} events/s "
        f"(goal >= 20,000 on SQLite); peak RSS of the import process {peak_mb:,.0f} MB "
        f"(goal < 1,024)"
    )
    print(
        f"count --as-of {day}: {count:,} in {count_ms:.1f} ms (goal <= 50); "
        f"--by one org {by_ms:.1f} ms"
    )
    print(f"list --as-of {day}: {list_size:,} persons in {list_ms:.0f} ms (goal <= 300)")
    print(f"timeline {len(points)} points: {timeline_ms:.0f} ms (goal <= 2,000)")


def main() -> None:
    """Generate the data once, run it on SQLite and PostgreSQL."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--events-per-person", type=int, default=10)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="habeas-bench-"))
    try:
        start = time.perf_counter()
        events = generate(folder, args.persons, args.events_per_person)
        print(
            f"generated {args.persons:,} fictional persons and {events:,} events "
            f"in {time.perf_counter() - start:.1f} s"
        )
        run(f"sqlite:///{folder / 'bench.db'}", "SQLite", folder, events)
        if not args.no_postgres:
            import pgserver

            pg_folder = Path(tempfile.mkdtemp(prefix="habeas-bench-pg-"))
            url = pgserver.start(pg_folder)
            try:
                run(url, "PostgreSQL", folder, events)
            finally:
                from habeas.storage.engine import dispose_engines

                dispose_engines()
                pgserver.stop(pg_folder)
                shutil.rmtree(pg_folder, ignore_errors=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

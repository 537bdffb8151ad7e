"""Benchmark of sanctions screening: 1,000 officials against a FollowTheMoney entities file.

Run: .venv/bin/python bench/screen.py [--entities N] [--officials N] [--file PATH] [--stream]

Generates, deterministically from --seed and into a temporary folder, an entities.ftm.json
of fictional Person entities (dataset names start with "fictional_"): Azerbaijani-style
persons written in Azerbaijani Latin, English transliteration, Russian Cyrillic with
Soviet-era spellings (Алиев for Əliyev) and the Latin read back from it (Mamedov), and
persons of other, invented languages; some with birth date, nationality, aliases, and
Sanction entities pointing at a share of them. Into that file it plants, for a share of the
screened officials, one listed entity written in another script or spelling than the
official's own name (some with a typo or without diacritics), and namesake decoys: the same
name with a birth year 3 to 25 years off. With --file the file given is copied and the
planted entities and decoys are appended to the copy.

"index build" is the file's screening index (habeas.jobs.screen_index), built once per
file as `habeas screen` builds it; "screening" is ``screen()`` of the 1,000 names against
that index: hashing the file to find the index, searching, reading the candidates' lines and
the Sanctions of the hits. --stream also times the streamed scan (no index) and checks that
its report is identical. Figures are printed, never asserted; each goal of issue 6 is printed
beside its figure.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import orjson

from habeas.jobs.demo.names import REAL_NAMES
from habeas.jobs.screen import ScreenName, ScreenReport, screen, worker_count
from habeas.jobs.screen_index import open_index
from habeas.names.translit import to_english, to_latin, to_russian

DATASET = "fictional_bench_screen"
SANCTIONS_DATASET = "fictional_bench_sanctions"
GOAL_INDEX_S = 120.0
GOAL_MEMORY_MIB = 4096.0
GOAL_SCREEN_S = 10.0
GOAL_RECALL = 0.99
LOCAL_SHARE = 0.05  # background persons with Azerbaijani-style names (denser than real lists)
SANCTIONED_SHARE = 0.15  # background persons with a Sanction entity pointing at them
COUNTRIES = ("ru", "ua", "by", "kz", "ir", "tr", "ge", "am", "us", "gb", "de", "fr", "sy", "ve")
SYLLABLES = (
    "ta lo mir ve ran ko dre ni la ri sa mo el ga bri ul fen dor ka zu pe tin vo len om bal "
    "se nor ti var lu mak den sol ra gor bo nes ki pol mi ar te jan do vil mun be tor li"
).split()
ENDINGS = ("", "", "", "son", "ez", "ini", "escu", "enko", "ski", "ides", "ian", "berg", "ov", "in")
TYPO_SHARE = 0.2  # planted names with one typo or without their diacritics
PLAIN = str.maketrans("əğışçöüİƏĞŞÇÖÜ", "egiscouIEGSCOU")
VOWEL_SWAP = str.maketrans("aeiouаеоиы", "eaiuoеаоыи")
PROGRAMS = (
    ("Fictional Global Magnitsky (bench)", "FX-GLOMAG", "Office of Fictional Assets Control"),
    ("Fictional Human Rights Regime (bench)", "FX-GHR", "Council of the Fictional Union"),
    ("Fictional Visa Restrictions (bench)", "FX-VISA", "Fictional Department of State"),
)


def _names_bench() -> ModuleType:
    """Load bench/names.py (its name tables and noise) without a package."""
    spec = importlib.util.spec_from_file_location(
        "bench_names", Path(__file__).with_name("names.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _names_bench()


def mib(kib: int) -> float:
    """Return KiB (ru_maxrss on Linux) as MiB."""
    return kib / 1024


def peak_mib() -> float:
    """Return the high-water mark of this process's resident memory, in MiB."""
    return mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def child_peak_mib() -> float:
    """Return the high-water mark of the largest finished child process (worker), in MiB."""
    return mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def rss_mib() -> float:
    """Return this process's resident memory now, in MiB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def cpu_s() -> float:
    """Return the CPU seconds (user + system) this process and its finished workers used."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def mark(ok: bool) -> str:
    """Return ✓ or ✗."""
    return "✓" if ok else "✗"


@dataclass(frozen=True, slots=True)
class LocalName:
    """A fictional Azerbaijani-style person's name parts (Azerbaijani Latin) and gender."""

    given: str
    surname: str
    father: str
    female: bool

    def forms(self) -> dict[str, str]:
        """Return the name written in each script and spelling a list may use."""
        given, surname = self.given, self.surname
        az = f"{given} {surname}"
        tie = "qızı" if self.female else "oğlu"
        ru = to_russian(az)
        return {
            "az": az,
            "en": to_english(az),
            "ru": ru,
            "ru_latin": to_latin(ru),
            "ru_full": to_russian(f"{surname} {given} {self.father} {tie}"),
            "decree": f"{surname} {given} {self.father} {tie}",
            "listed": f"{to_english(surname).upper()}, {to_english(given)}",
            "ascii": az.translate(PLAIN),
        }


class Namer:
    """Draws fictional names: Azerbaijani-style from the bench tables, others invented."""

    def __init__(self, rng: random.Random) -> None:
        """Keep the random source and the weighted surname table."""
        self.rng = rng
        self.surnames: list[str] = BENCH.surname_table()
        self.weights = [8.0 if s in BENCH.COMMON_SURNAMES else 1.0 for s in self.surnames]

    def local(self) -> LocalName:
        """Return a random Azerbaijani-style name."""
        rng = self.rng
        female = rng.random() < 0.35
        given = rng.choice(BENCH.FEMALE if female else BENCH.MALE)
        surname = rng.choices(self.surnames, self.weights)[0]
        surname = BENCH.feminine(surname) if female else surname
        return LocalName(given, surname, rng.choice(BENCH.MALE), female)

    def word(self, low: int, high: int) -> str:
        """Return an invented word of low..high syllables, capitalised."""
        count = self.rng.randint(low, high)
        return "".join(self.rng.choice(SYLLABLES) for _ in range(count)).capitalize()

    def invented(self) -> tuple[str, str, str | None]:
        """Return an invented (given, surname, middle or None) of no real language."""
        given = self.word(2, 3)
        surname = self.word(2, 3) + self.rng.choice(ENDINGS)
        middle = self.word(2, 3) if self.rng.random() < 0.2 else None
        return given, surname, middle


@dataclass(frozen=True, slots=True)
class Official:
    """A screened official: the ScreenName, the name parts and the form it is written in."""

    screen_name: ScreenName
    name: LocalName
    form: str


@dataclass(slots=True)
class Plan:
    """What was planted: official id → true entity, decoy entity ids, officials by id."""

    officials: dict[str, Official] = field(default_factory=dict)
    truth: dict[str, str] = field(default_factory=dict)
    truth_names: dict[str, list[str]] = field(default_factory=dict)
    decoys: set[str] = field(default_factory=set)
    noisy: set[str] = field(default_factory=set)


def make_officials(count: int, namer: Namer) -> list[Official]:
    """Return count fictional officials with distinct given name and surname."""
    rng = namer.rng
    officials: list[Official] = []
    seen: set[tuple[str, str]] = set()
    while len(officials) < count:
        name = namer.local()
        forms = name.forms()
        spellings = {forms["az"].casefold(), forms["en"].casefold()}
        if (name.given, name.surname) in seen or spellings & REAL_NAMES:
            continue
        seen.add((name.given, name.surname))
        form = "en" if rng.random() < 0.6 else "az"
        year = rng.randint(1950, 1990) if rng.random() < 0.85 else None
        number = len(officials) + 1
        screen_name = ScreenName(
            f"official-{number:04d}", forms[form], year, "az", "female" if name.female else "male"
        )
        officials.append(Official(screen_name, name, form))
    return officials


def typo(text: str, rng: random.Random) -> str:
    """Return text without diacritics or with one typo inside its longest word."""
    if rng.random() < 0.3 and text.translate(PLAIN) != text:
        return text.translate(PLAIN)
    words = text.split(" ")
    at = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[at]
    if len(word) < 4:
        return text
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(4)
    if kind == 0:
        word = word[:i] + word[i + 1 :]  # a letter dropped
    elif kind == 1:
        word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # two letters swapped
    elif kind == 2:
        word = word[:i] + word[i] + word[i:]  # a letter doubled
    else:
        word = word[:i] + word[i].translate(VOWEL_SWAP) + word[i + 1 :]  # a vowel misheard
    words[at] = word
    return " ".join(words)


def person_line(
    entity_id: str,
    names: list[str],
    *,
    birth: str | None,
    nationality: str | None,
    gender: str | None,
    topics: list[str],
) -> dict[str, Any]:
    """Return a Person entity as a FollowTheMoney JSON object."""
    properties: dict[str, list[str]] = {"name": [names[0]]}
    if len(names) > 1:
        properties["alias"] = names[1:]
    if birth:
        properties["birthDate"] = [birth]
    if nationality:
        properties["nationality"] = [nationality]
    if gender:
        properties["gender"] = [gender]
    if topics:
        properties["topics"] = topics
    return {
        "id": entity_id,
        "schema": "Person",
        "caption": names[0],
        "properties": properties,
        "datasets": [DATASET],
        "referents": [],
        "target": bool(topics),
    }


def sanction_line(number: int, entity_id: str, rng: random.Random) -> dict[str, Any]:
    """Return a Sanction entity pointing at entity_id."""
    program, code, authority = rng.choice(PROGRAMS)
    return {
        "id": f"fx-bench-sanction-{number:07d}",
        "schema": "Sanction",
        "caption": "Sanction",
        "properties": {
            "entity": [entity_id],
            "program": [program],
            "programId": [code],
            "authority": [authority],
            "startDate": [f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-01"],
        },
        "datasets": [SANCTIONS_DATASET],
        "referents": [],
        "target": False,
    }


def birth_text(year: int, rng: random.Random) -> str:
    """Return a birth date as lists write it: a full date mostly, sometimes the year alone."""
    if rng.random() < 0.75:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return str(year)


def background(number: int, namer: Namer, local_share: float) -> dict[str, Any]:
    """Return a random fictional background Person (Azerbaijani-style or invented)."""
    rng = namer.rng
    year = rng.randint(1935, 2002) if rng.random() < 0.65 else None
    birth = birth_text(year, rng) if year else None
    topics = [rng.choice(("sanction", "role.pep", "crime", "poi"))]
    if rng.random() < local_share:
        local = namer.local()
        forms = local.forms()
        kinds = rng.sample(("az", "en", "ru", "ru_latin", "decree", "ru_full", "listed"), 3)
        names = [forms[kind] for kind in kinds[: rng.randint(1, 3)]]
        nationality = rng.choice(("az", "az", "az", "ru", None))
        gender = ("female" if local.female else "male") if rng.random() < 0.5 else None
        return person_line(
            f"fx-bench-az-{number:07d}",
            names,
            birth=birth,
            nationality=nationality,
            gender=gender,
            topics=topics,
        )
    given, surname, middle = namer.invented()
    latin = f"{given} {middle} {surname}" if middle else f"{given} {surname}"
    names = [latin]
    if rng.random() < 0.25:
        names.append(to_russian(latin))
    if rng.random() < 0.1:
        names.append(f"{surname.upper()}, {given}")
    if rng.random() < 0.05:
        names.reverse()
    return person_line(
        f"fx-bench-xx-{number:07d}",
        names,
        birth=birth,
        nationality=rng.choice(COUNTRIES) if rng.random() < 0.6 else None,
        gender=None,
        topics=topics,
    )


def planted(official: Official, rng: random.Random, plan: Plan) -> dict[str, Any]:
    """Return the listed entity of an official, in other scripts or spellings than its own."""
    forms = official.name.forms()
    own = official.screen_name.name
    others = [k for k in ("ru", "ru_latin", "listed", "ru_full", "decree", "az", "en", "ascii")
              if forms[k] != own and k != official.form]  # fmt: skip
    kinds = rng.sample(others, rng.choice((1, 1, 2, 3)))
    names = [forms[kind] for kind in kinds]
    entity_id = f"fx-bench-listed-{official.screen_name.id}"
    if rng.random() < TYPO_SHARE:
        noisy = typo(names[0], rng)
        if noisy != own:
            names[0] = noisy
            plan.noisy.add(entity_id)
    names = list(dict.fromkeys(names))
    year = official.screen_name.birth_year
    birth = birth_text(year, rng) if year is not None and rng.random() < 0.9 else None
    plan.truth[official.screen_name.id] = entity_id
    plan.truth_names[official.screen_name.id] = [*names, f"born {birth or '?'}"]
    return person_line(
        entity_id,
        names,
        birth=birth,
        nationality="az" if rng.random() < 0.6 else None,
        gender=official.screen_name.gender if rng.random() < 0.5 else None,
        topics=["sanction"],
    )


def decoy(official: Official, rng: random.Random, plan: Plan) -> dict[str, Any]:
    """Return a namesake of an official (any spelling, even its own) born years apart."""
    forms = official.name.forms()
    kind = rng.choice((official.form, "az", "en", "ru", "ru_latin"))
    year = official.screen_name.birth_year
    assert year is not None
    other = year + rng.choice((-1, 1)) * rng.randint(3, 25)
    entity_id = f"fx-bench-namesake-{official.screen_name.id}"
    plan.decoys.add(entity_id)
    return person_line(
        entity_id,
        [forms[kind]],
        birth=birth_text(other, rng),
        nationality="az" if rng.random() < 0.6 else None,
        gender=None,
        topics=[rng.choice(("sanction", "role.pep"))],
    )


def specials(
    officials: list[Official], planted_n: int, decoys_n: int, rng: random.Random, plan: Plan
) -> list[dict[str, Any]]:
    """Return the planted listed entities and the namesake decoys, in random order."""
    for official in officials:
        plan.officials[official.screen_name.id] = official
    lines = [planted(o, rng, plan) for o in rng.sample(officials, min(planted_n, len(officials)))]
    dated = [o for o in officials if o.screen_name.birth_year is not None]
    lines += [decoy(o, rng, plan) for o in rng.sample(dated, min(decoys_n, len(dated)))]
    rng.shuffle(lines)
    return lines


def write_file(
    path: Path,
    entities: int,
    extra: list[dict[str, Any]],
    rng: random.Random,
    local_share: float,
) -> Counter[str]:
    """Write entities Person lines (extra ones at random places) plus Sanction lines."""
    namer = Namer(rng)
    places = dict(zip(sorted(rng.sample(range(entities), len(extra))), extra, strict=True))
    counts: Counter[str] = Counter()
    sanctions = 0
    with path.open("w", encoding="utf-8") as stream:
        for number in range(entities):
            data = places.get(number) or background(number, namer, local_share)
            stream.write(json.dumps(data, ensure_ascii=False) + "\n")
            counts["Person"] += 1
            listed = data["id"].startswith("fx-bench-listed-")
            if listed or rng.random() < SANCTIONED_SHARE:
                sanctions += 1
                stream.write(json.dumps(sanction_line(sanctions, data["id"], rng)) + "\n")
                counts["Sanction"] += 1
    return counts


def append_file(source: Path, path: Path, extra: list[dict[str, Any]], rng: random.Random) -> None:
    """Copy a real entities file and append the planted entities, decoys and sanctions."""
    shutil.copyfile(source, path)
    with path.open("a", encoding="utf-8") as stream:
        for number, data in enumerate(extra, start=1):
            stream.write(json.dumps(data, ensure_ascii=False) + "\n")
            if data["id"].startswith("fx-bench-listed-"):
                stream.write(json.dumps(sanction_line(number, data["id"], rng)) + "\n")


def read_floor(path: Path) -> float:
    """Return the time to read and orjson.loads every line (the floor of a streamed scan)."""
    start = time.perf_counter()
    with path.open("rb") as stream:
        for line in stream:
            orjson.loads(line)
    return time.perf_counter() - start


def entity_details(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Return the properties of the entities with the given ids (one more read, untimed)."""
    found: dict[str, dict[str, Any]] = {}
    if not ids:
        return found
    with path.open("rb") as stream:
        for line in stream:
            data = json.loads(line)
            if data.get("id") in ids:
                found[data["id"]] = data.get("properties") or {}
    return found


def evaluate(report: ScreenReport, plan: Plan, path: Path, screened: int) -> None:
    """Print recall on planted true matches and the false candidates per query."""
    pairs = {(hit.id, hit.entity_id): hit for hit in report.hits}
    found = [oid for oid, eid in plan.truth.items() if (oid, eid) in pairs]
    recall = len(found) / len(plan.truth) if plan.truth else 1.0
    decisions = Counter(pairs[(oid, plan.truth[oid])].decision for oid in found)
    noisy_found = sum(plan.truth[oid] in plan.noisy for oid in found)
    clean = len(plan.truth) - len(plan.noisy)
    clean_found = len(found) - noisy_found
    print(f"recall on planted true matches: {len(found)} of {len(plan.truth)} = {recall:.4f} "
          f"(goal >= {GOAL_RECALL}) {mark(recall >= GOAL_RECALL)}; decisions "
          f"{dict(sorted(decisions.items()))}")  # fmt: skip
    print(f"  other script or spelling, no typo added: {clean_found} of {clean} = "
          f"{clean_found / max(clean, 1):.4f}; typo added or diacritics dropped: "
          f"{noisy_found} of {len(plan.noisy)}")  # fmt: skip
    false = [hit for key, hit in pairs.items() if plan.truth.get(key[0]) != key[1]]
    details = entity_details(path, {hit.entity_id for hit in false})
    kinds: Counter[str] = Counter()
    for hit in false:
        official = plan.officials[hit.id].screen_name
        years = {v[:4] for v in details.get(hit.entity_id, {}).get("birthDate") or ()}
        if hit.entity_id in plan.decoys:
            kind = "namesake decoy (birth year 3-25 off)"
        elif official.birth_year is not None and str(official.birth_year) in years:
            kind = "background, same birth year"
        elif not years or official.birth_year is None:
            kind = "background, a birth year missing"
        elif {str(official.birth_year - 1), str(official.birth_year + 1)} & years:
            kind = "background, birth year 1 off"
        else:
            kind = "background, birth year 2+ off"
        kinds[f"{kind}, {hit.decision}"] += 1
    print(f"false candidates (hits that are not the planted entity): {len(false):,} = "
          f"{len(false) / screened:.3f} per query; decoys hit: "
          f"{sum(h.entity_id in plan.decoys for h in false)} of {len(plan.decoys)}")  # fmt: skip
    for kind, count in sorted(kinds.items()):
        print(f"  {kind}: {count:,}")
    examples = [hit for hit in false if hit.decision == "match"][:3] or false[:3]
    for hit in examples:
        official = plan.officials[hit.id].screen_name
        born = (details.get(hit.entity_id, {}).get("birthDate") or ["?"])[0]
        print(f"  e.g. {official.name} ({official.birth_year}) ~ {hit.matched_name} "
              f"(born {born}): {hit.score:.2f} {hit.decision}")  # fmt: skip
    for oid in [oid for oid in plan.truth if oid not in found][:10]:
        official = plan.officials[oid].screen_name
        print(f"  missed: {official.name} ({official.birth_year}) vs "
              f"{' / '.join(plan.truth_names[oid])}")  # fmt: skip


def build(path: Path, folder: Path, lines: int) -> tuple[float, float]:
    """Build the file's screening index as `habeas screen` does; return wall and CPU seconds."""
    shown = [0]

    def progress(read: int, done: int, total: int) -> None:
        if read * 10 // max(lines, 1) > shown[0]:
            shown[0] = read * 10 // max(lines, 1)
            print(f"  ... {read:,} lines indexed, {done / max(total, 1):.0%}", file=sys.stderr)

    start, cpu = time.perf_counter(), cpu_s()
    open_index(path, folder, workers=worker_count(path, None), progress=progress).close()
    return time.perf_counter() - start, cpu_s() - cpu


def timed_screen(
    names: list[ScreenName], path: Path, folder: Path | None
) -> tuple[ScreenReport, float, float]:
    """Run screen() against the index in folder (None: streamed); return report, wall, CPU."""
    start, cpu = time.perf_counter(), cpu_s()
    report = screen(names, path, index_dir=folder)
    return report, time.perf_counter() - start, cpu_s() - cpu


def count_lines(path: Path) -> int:
    """Return the number of lines of a file."""
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


def main() -> None:
    """Run the benchmark."""
    assert __doc__ is not None
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=1_000_000, help="Person entities")
    parser.add_argument("--officials", type=int, default=1_000, help="names screened")
    parser.add_argument("--planted", type=int, default=None, help="true matches (default 20%%)")
    parser.add_argument("--decoys", type=int, default=None, help="namesakes (default 20%%)")
    parser.add_argument(
        "--local-share", type=float, default=LOCAL_SHARE, help="Azerbaijani-style share"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--file", type=Path, default=None, help="real entities.ftm.json")
    parser.add_argument("--no-floor", action="store_true", help="skip the orjson.loads floor")
    parser.add_argument(
        "--stream", action="store_true", help="also time the streamed scan and compare reports"
    )
    args = parser.parse_args()
    planted_n = args.officials // 5 if args.planted is None else args.planted
    decoys_n = args.officials // 5 if args.decoys is None else args.decoys
    rng = random.Random(args.seed)
    plan = Plan()
    officials = make_officials(args.officials, Namer(rng))
    names = [official.screen_name for official in officials]
    extra = specials(officials, planted_n, decoys_n, rng, plan)
    with tempfile.TemporaryDirectory(prefix="habeas-bench-screen-") as folder:
        path = Path(folder) / "entities.ftm.json"
        start = time.perf_counter()
        if args.file is None:
            counts = write_file(path, args.entities, extra, rng, args.local_share)
            what = (f"generated {counts['Person']:,} fictional Person entities "
                    f"({args.local_share:.0%} Azerbaijani-style, the rest invented names) and "
                    f"{counts['Sanction']:,} Sanction entities")  # fmt: skip
        else:
            append_file(args.file, path, extra, rng)
            what = f"copied {args.file} and appended {len(extra)} planted entities and decoys"
        made = time.perf_counter() - start
        lines = count_lines(path)
        size = path.stat().st_size / 2**20
        print(f"file: {what}; {lines:,} lines, {size:,.0f} MiB, written in {made:.1f}s "
              f"(not part of any figure below)")  # fmt: skip
        print(f"screened: {len(names):,} fictional officials (one name each, "
              f"{sum(o.form == 'en' for o in officials)} English, "
              f"{sum(o.form == 'az' for o in officials)} Azerbaijani Latin); planted "
              f"{len(plan.truth)} listed in another script or spelling "
              f"({len(plan.noisy)} with a typo or no diacritics), {len(plan.decoys)} "
              f"namesake decoys")  # fmt: skip
        sys.stdout.flush()
        if not args.no_floor:
            floor = read_floor(path)
            print(f"floor: reading and orjson.loads of every line, one process: {floor:.1f}s")
        index_dir = Path(folder) / "index"
        workers = worker_count(path, None)
        built, build_cpu = build(path, index_dir, lines)
        (index_file,) = index_dir.glob("*.sqlite")
        build_peak, worker_peak = peak_mib(), child_peak_mib()
        print(f"index build (the file's screening index, {workers} process(es) reading; "
              f"{index_file.stat().st_size / 2**20:,.0f} MiB on disk): {built:.1f}s "
              f"(goal <= {GOAL_INDEX_S:.0f} s) {mark(built <= GOAL_INDEX_S)}; CPU "
              f"{build_cpu:.1f}s (all processes)")  # fmt: skip
        sys.stdout.flush()
        before = rss_mib()
        report, took, cpu = timed_screen(names, path, index_dir)
        grown = rss_mib() - before
        print(f"screening {len(names):,} queries = screen() against the index, wall time "
              f"{took:.2f}s (goal <= {GOAL_SCREEN_S:.0f} s) {mark(took <= GOAL_SCREEN_S)}, "
              f"CPU {cpu:.1f}s; it hashes the file to find its index, searches every "
              f"reading of every screened name there, reads only the lines of entities with "
              f"a candidate and the Sanctions of the hits")  # fmt: skip
        together = build_peak + (workers * worker_peak if workers > 1 else 0.0)
        print(f"peak memory: {together:,.0f} MiB at most (goal <= {GOAL_MEMORY_MIB:,.0f} MiB) "
              f"{mark(together <= GOAL_MEMORY_MIB)}, while building = this process "
              f"{build_peak:,.0f} MiB" + (f" + {workers} workers x {worker_peak:,.0f} MiB (the "
              f"largest)" if workers > 1 else "") + f"; while screening this process's RSS "
              f"changed by {grown:+,.0f} MiB")  # fmt: skip
        print(f"hits: {len(report.hits):,}; skipped: {dict(report.skipped) or 'none'}")
        evaluate(report, plan, path, len(names))
        if args.stream:
            streamed, wall, cpu = timed_screen(names, path, None)
            same = streamed.as_dict() == report.as_dict() and streamed.hits == report.hits
            print(f"streamed scan instead (no index; {workers} process(es)): {wall:.1f}s, CPU "
                  f"{cpu:.1f}s; report identical to the index's: {same}")  # fmt: skip


if __name__ == "__main__":
    main()

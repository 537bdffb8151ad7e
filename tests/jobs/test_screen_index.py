"""The screening index: built once per entities file, it gives the streamed scan's report."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from screening import OFFICIALS, SANCTIONS

from habeas.domain.person import Gender
from habeas.exceptions import InputError
from habeas.jobs.demo.names import FEMALE, MALE, SURNAMES, FullName
from habeas.jobs.screen import Screener, ScreenName, entity_facts, screen
from habeas.jobs.screen_index import (
    KEEP_INDEXES,
    build_index,
    engine_fingerprint,
    file_digest,
    open_index,
)
from habeas.jobs.screen_search import NAME_BITS, ScreenIndex, key_variants
from habeas.names.parse import parse_name
from habeas.names.similarity import keys_compatible

COUNTRIES = ("az", "ru", "tr", "ge", "Azerbaijan", "")


def _fictional(rng: random.Random) -> FullName:
    """A fictional person's name (the demo's name tables)."""
    gender = rng.choice((Gender.MALE, Gender.FEMALE))
    given = rng.choice(MALE if gender is Gender.MALE else FEMALE)
    return FullName(given, rng.choice(SURNAMES), rng.choice(MALE), gender)


def _typo(text: str, rng: random.Random) -> str:
    """Drop, double or change one letter of a name."""
    at = rng.randrange(len(text))
    kind = rng.randrange(3)
    if kind == 0:
        return text[:at] + text[at + 1 :]
    if kind == 1:
        return text[:at] + text[at] + text[at:]
    return text[:at] + rng.choice("aeiklmnorstuv") + text[at + 1 :]


def _spellings(person: FullName, rng: random.Random) -> list[str]:
    """Some of the ways a list may write a person: scripts, orders, initials, typos."""
    found = [n.value for n in person.names(rng.random() < 0.5, rng.random() < 0.5)]
    found.append(f"{person.family.en.upper()}, {person.given.en}")
    found.append(f"{person.given.en[0]}. {person.family.en}")
    found.append(person.family.az)
    found.append(_typo(person.en, rng))
    found.append(f"{person.given.en}{person.family.en}")
    found.append(f"{person.given.en}. {person.family.en}")  # a stray dot: a given name still
    found.append(f"{person.given.ru}. {person.family.ru}")
    return rng.sample(found, rng.randint(1, 4))


def _entity(number: int, person: FullName, rng: random.Random) -> dict[str, object]:
    """A Person entity for a person, with some of birth dates, countries and gender."""
    names = _spellings(person, rng)
    properties: dict[str, object] = {"name": names[:1]}
    if len(names) > 1:
        properties["alias"] = names[1:]
    if rng.random() < 0.7:
        year = rng.randint(1950, 1990)
        properties["birthDate"] = [f"{year}-01-0{rng.randint(1, 9)}"]
        if rng.random() < 0.1:
            properties["birthDate"].append(f"{year + 1}")  # type: ignore[attr-defined]
    country = rng.choice(COUNTRIES)
    if country:
        properties["nationality"] = [country]
    if rng.random() < 0.3:
        properties["gender"] = [person.gender.value]
    return {
        "id": f"fx-{number}",
        "schema": "Person",
        "caption": names[0],
        "datasets": ["fictional_test"],
        "properties": properties,
    }


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ScreenName]]:
    """A file of 1,500 fictional entities that share names with 80 screened names (many
    namesakes, spellings in three scripts, typos, initials), sanctions and bad lines."""
    rng = random.Random(20151228)
    people = [_fictional(rng) for _ in range(300)]
    lines = []
    for number in range(1500):
        lines.append(json.dumps(_entity(number, rng.choice(people), rng), ensure_ascii=False))
        if number % 97 == 0:
            lines.append('{"id": "broken", "schema": "Person", "properties": {"name": ["Ali')
        if number % 50 == 0:
            sanction = {
                "id": f"fx-sanction-{number}",
                "schema": "Sanction",
                "properties": {"entity": [f"fx-{number}"], "program": [f"FX-{number % 3}"]},
            }
            lines.append(json.dumps(sanction))
    path = tmp_path_factory.mktemp("crowded") / "entities.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    screened = []
    for number, person in enumerate(rng.sample(people, 80)):
        year = rng.choice((None, rng.randint(1950, 1990)))
        country = rng.choice(COUNTRIES)
        for name in _spellings(person, rng)[:2]:
            screened.append(ScreenName(f"p{number}", name, year, country, person.gender.value))
    return path, screened


@pytest.mark.parametrize("threshold", [0.5, 0.8])
def test_index_gives_the_streamed_report(
    crowded: tuple[Path, list[ScreenName]], tmp_path: Path, threshold: float
) -> None:
    path, screened = crowded
    streamed = screen(screened, path, threshold=threshold)
    indexed = screen(screened, path, threshold=threshold, index_dir=tmp_path)
    assert len(streamed.hits) > 40  # the comparison means something
    assert indexed.hits == streamed.hits  # scores, explanations, programmes, all of it
    assert indexed.as_dict() == streamed.as_dict()
    assert indexed.file_hash == streamed.file_hash


def test_index_built_by_workers_equals_one_built_here(
    crowded: tuple[Path, list[ScreenName]], tmp_path: Path
) -> None:
    path, screened = crowded
    digest = file_digest(path)
    build_index(path, tmp_path / "one.sqlite", digest, workers=1)
    build_index(path, tmp_path / "two.sqlite", digest, workers=2)
    one = ScreenIndex(tmp_path / "one.sqlite", path).screen(screened, 0.5)
    two = ScreenIndex(tmp_path / "two.sqlite", path).screen(screened, 0.5)
    assert one.hits == two.hits and one.skipped == two.skipped


def test_searching_in_worker_processes_gives_the_same_report(
    crowded: tuple[Path, list[ScreenName]], tmp_path: Path
) -> None:
    path, screened = crowded
    opened = open_index(path, tmp_path)
    one = opened.screen(screened, 0.5)
    two = opened.screen(screened, 0.5, workers=2)
    assert len(one.hits) > 40 and one.hits == two.hits


def test_sanctions_fixture_gives_the_same_hits_and_skip_counts(tmp_path: Path) -> None:
    streamed = screen(OFFICIALS, SANCTIONS)
    indexed = screen(OFFICIALS, SANCTIONS, index_dir=tmp_path)
    assert [(h.id, h.entity_id) for h in indexed.hits] == [
        ("o1", "fx-elsad-bagirzade"),
        ("o2", "fx-rovsan-talibov"),
    ]
    assert indexed.as_dict() == streamed.as_dict()
    assert indexed.skipped == {"malformed line": 2, "unknown schema": 1, "entity without a name": 1}


def test_index_is_built_once_per_file_and_engine(tmp_path: Path) -> None:
    copy = tmp_path / "entities.ftm.json"
    copy.write_bytes(SANCTIONS.read_bytes())
    folder = tmp_path / "index"
    builds: list[int] = []
    screen(OFFICIALS, copy, index_dir=folder, on_build=lambda: builds.append(1))
    screen(OFFICIALS[:2], copy, index_dir=folder, on_build=lambda: builds.append(1))
    assert len(builds) == 1
    (index,) = folder.glob("*.sqlite")
    assert index.name.startswith(file_digest(copy)[:40])
    assert index.name.endswith(f"-{engine_fingerprint()[:16]}.sqlite")
    with copy.open("a", encoding="utf-8") as stream:  # a newer file: a new index
        stream.write(
            '{"id": "fx-new", "schema": "Person", "properties": {"name": ["Tahir Qurbanli"]}}\n'
        )
    report = screen(OFFICIALS, copy, index_dir=folder, on_build=lambda: builds.append(1))
    assert len(builds) == 2 and len(list(folder.glob("*.sqlite"))) == 2
    assert ("o5", "fx-new") in {(h.id, h.entity_id) for h in report.hits}


def test_old_indexes_are_pruned_but_not_one_being_built(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    folder.mkdir()
    building = folder / ".building-elsewhere.sqlite"  # another process's build
    building.write_bytes(b"")
    other = folder / "registry.sqlite"  # not an index: never removed
    other.write_bytes(b"")
    for number in range(KEEP_INDEXES + 2):
        copy = tmp_path / f"e{number}.ftm.json"
        copy.write_bytes(SANCTIONS.read_bytes() + b"\n" * (number + 1))
        open_index(copy, folder).close()
    assert len([p for p in folder.glob("*.sqlite") if p not in (building, other)]) == KEEP_INDEXES
    assert building.exists() and other.exists()


def test_a_failed_build_leaves_no_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from habeas.jobs import screen_index

    def broken(connection: object, parts: object, meta: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(screen_index, "_write", broken)
    with pytest.raises(OSError, match="disk full"):
        open_index(SANCTIONS, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_malformed_entity_is_skipped_alike(tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    bad = {"id": "fx-bad", "schema": "Person", "datasets": 5}
    bad["properties"] = {"name": ["Rovshan Talibov"], "birthDate": ["1972"]}
    path.write_bytes(SANCTIONS.read_bytes() + json.dumps(bad).encode() + b"\n")
    streamed = screen(OFFICIALS, path)
    indexed = screen(OFFICIALS, path, index_dir=tmp_path / "index")
    assert indexed.as_dict() == streamed.as_dict()
    assert indexed.skipped["malformed entity"] == 1


def test_a_damaged_index_is_built_again(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    open_index(SANCTIONS, folder).close()
    (index,) = folder.glob("*.sqlite")
    index.write_bytes(b"not a database")
    report = screen(OFFICIALS, SANCTIONS, index_dir=folder)
    assert [h.id for h in report.hits] == ["o1", "o2"]
    assert index.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_file_changed_after_hashing_builds_no_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from habeas.jobs import screen_index

    copy = tmp_path / "entities.ftm.json"
    copy.write_bytes(SANCTIONS.read_bytes())
    hashed = screen_index.file_digest

    def hash_then_change(path: Path) -> str:
        digest = hashed(path)
        with path.open("ab") as stream:
            stream.write(b"\n")
        return digest

    monkeypatch.setattr(screen_index, "file_digest", hash_then_change)
    with pytest.raises(InputError, match="changed while it was being indexed"):
        open_index(copy, tmp_path / "index")
    assert not list((tmp_path / "index").glob("*.sqlite"))


def test_an_index_folder_that_cannot_be_written_is_one_line_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"")
    with pytest.raises(InputError, match="cannot write the screening index in .*--no-index"):
        screen(OFFICIALS, SANCTIONS, index_dir=blocker / "index")


def test_missing_file_is_one_line_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        screen(OFFICIALS, tmp_path / "absent.ftm.json", index_dir=tmp_path)


def test_key_variants_are_exactly_the_compatible_keys() -> None:
    rng = random.Random(7)
    symbols = "bdjklmnrstv"
    universe = {"".join(rng.choice(symbols) for _ in range(rng.randint(1, 6))) for _ in range(4000)}
    for key in rng.sample(sorted(universe), 300):
        near = key_variants(key, symbols) & universe
        assert near == {w for w in universe if keys_compatible(frozenset({key}), frozenset({w}))}


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
def test_index_finds_every_candidate_the_screened_names_index_finds(
    crowded: tuple[Path, list[ScreenName]], tmp_path: Path, threshold: float
) -> None:
    """The pairs the index finds, with their bounds, are what NameIndex finds searching each
    entity name among the screened names: the same candidates, not only the same hits."""
    path, screened = crowded
    opened = open_index(path, tmp_path)
    screener = Screener(screened, threshold)
    pairs = opened._pairs(screener)
    expected: dict[int, dict[int, float]] = {}
    for offset, line in _person_lines(path):
        for place, name in enumerate(entity_facts(json.loads(line)).names):
            found = screener.index._positions(parse_name(name), screener.minimum)
            if found:
                expected[offset << NAME_BITS | place] = found
    assert len(expected) > 200
    assert pairs == expected


def _person_lines(path: Path) -> list[tuple[int, bytes]]:
    """The lines of indexed Person entities with their offsets, in file order."""
    found = []
    offset = 0
    for line in path.read_bytes().splitlines(keepends=True):
        try:
            data = json.loads(line)
        except ValueError:
            data = {}
        if data.get("schema") == "Person" and data.get("properties", {}).get("name"):
            found.append((offset, line))
        offset += len(line)
    return found

"""The search of a screening index (habeas/jobs/screen_index.py builds it): the screened
names' readings meet the file's names filed there, and the pairs are bounded and scored
exactly as ``NameIndex.search`` would bound and score them.

For each reading of each screened name: the filed surnames whose gate keys are one edit from
its own (``keys_compatible``, enumerated by ``key_variants`` over the symbols of the filed
keys), those of them with a given-name class that fits, then the groups whose best possible
score (``surname_bound`` + ``given_bound``) reaches the floor; and the names with the same
joined letters. Those are the pairs ``NameIndex._positions`` finds searching each entity name
among the screened names, with the same bounds (tested). Only the lines of entities with a
pair are read, to rank their names; a large screening shares the screened persons out among
worker processes by surname.
"""

from __future__ import annotations

import math
import sqlite3
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from habeas.exceptions import InputError
from habeas.jobs.parallel import process_map
from habeas.jobs.screen import (
    CANDIDATES_PER_NAME,
    Hit,
    Screener,
    ScreenName,
    ScreenReport,
    entity_facts,
    file_state,
    open_entities,
    sanction_targets,
    with_sanctions,
)
from habeas.jobs.tuning import fewer_collections, set_batch_collections
from habeas.names.blocking import (
    BEST_EXTRAS,
    Candidate,
    classes_to_visit,
    given_bound,
    given_ceiling,
    group_key,
    group_sounds,
    is_given_word,
    logit_of,
    surname_bound,
)
from habeas.names.compare import readings
from habeas.names.parse import parse_name
from habeas.names.similarity import gate_keys
from habeas.names.translit import fold
from habeas.names.words import joined_key

READING = (  # many small random reads: map the file instead of copying pages, keep them
    "mmap_size = 1073741824",
    "cache_size = -131072",
)
SQL_BATCH = 900  # ids per "IN (...)" query (SQLite allows 999 parameters by default)
Pairs = dict[int, dict[int, float]]
"""Per file name id: the positions of screened names it may meet, with their bounds."""
Found = dict[int, dict[tuple[str, int | None], list[tuple[float, Candidate]]]]
"""Per entity line offset: per (name, birth year), the candidates and their ranking scores."""
NAME_BITS = 16  # a name's id: its entity line's offset << NAME_BITS | its place in the names
MAX_NAMES = 1 << NAME_BITS


def key_variants(key: str, symbols: str) -> set[str]:
    """Return every key ``keys_compatible`` accepts beside key, over the given symbols: key
    itself; one symbol dropped, changed or added, where the longer key has four or more."""
    found = {key}
    size = len(key)
    if size >= 4:
        for at in range(size):
            head, tail = key[:at], key[at + 1 :]
            found.add(head + tail)
            found.update(head + symbol + tail for symbol in symbols)
    if size >= 3:
        for at in range(size + 1):
            head, tail = key[:at], key[at:]
            found.update(head + symbol + tail for symbol in symbols)
    return found


class ScreenIndex:
    """An opened index of one entities file; ``screen`` searches names in it."""

    def __init__(self, path: Path, against: Path, state: tuple[int, int] | None = None) -> None:
        """Open the index at path for the entities file against (read-only); ``state`` is the
        file's (size, modification time) when it was found to match the index."""
        self.path = path
        self.against = against
        self._state = state
        if not path.exists():
            raise FileNotFoundError(path)
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            for pragma in READING:
                self._db.execute(f"PRAGMA {pragma}")
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
            self.file_hash = str(meta["file_hash"])
            self.entities_read = int(meta["entities_read"])
            self.skipped: dict[str, int] = orjson.loads(meta["skipped"])
            self._symbols = str(meta["symbols"])
        except (sqlite3.DatabaseError, KeyError, ValueError):
            self._db.close()
            raise
        self._near_cache: dict[str, dict[str, list[str]]] = {}
        self._surnames: dict[str, tuple[dict[str, list[str]], dict[str, list[int]]]] = {}

    def close(self) -> None:
        """Close the index file."""
        self._db.close()

    def _near(self, surname: str) -> dict[str, list[str]]:
        """Return the filed surnames whose gate keys are compatible with a surname's (what
        ``NameIndex.surnames_near`` finds), by the given-name classes of their groups."""
        found = self._near_cache.get(surname)
        if found is None:
            wanted: set[str] = set()
            for key in gate_keys(surname):
                wanted |= key_variants(key, self._symbols)
            merged: dict[str, set[str]] = {}
            listed = sorted(wanted)
            for start in range(0, len(listed), SQL_BATCH):
                batch = listed[start : start + SQL_BATCH]
                marks = ",".join("?" * len(batch))
                query = f"SELECT surnames FROM keys WHERE key IN ({marks})"
                for (row,) in self._db.execute(query, batch):
                    for sound, surnames in orjson.loads(row).items():
                        merged.setdefault(sound, set()).update(surnames)
            found = self._near_cache[surname] = {k: list(v) for k, v in merged.items()}
        return found

    def _fetch(self, surnames: list[str]) -> None:
        """Read the groups of the filed surnames not read yet, in batches (one row per part
        of the file a surname is in)."""
        wanted = sorted({surname for surname in surnames if surname not in self._surnames})
        for start in range(0, len(wanted), SQL_BATCH):
            batch = wanted[start : start + SQL_BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT surname, groups FROM surnames WHERE surname IN ({marks})"
            for surname, row in self._db.execute(query, batch):
                more_classes, more_groups = orjson.loads(row)
                held = self._surnames.get(surname)
                if held is None:
                    self._surnames[surname] = (more_classes, more_groups)
                    continue
                classes, groups = held
                for sound, givens in more_classes.items():
                    classes.setdefault(sound, []).extend(givens)
                for given, ids in more_groups.items():
                    groups.setdefault(given, []).extend(ids)

    def _joined(self, key: str) -> list[int]:
        """Return the ids of the names with a joined-letters key."""
        found: list[int] = []
        if len(key) >= 6:
            for (row,) in self._db.execute("SELECT names FROM joined WHERE key = ?", (key,)):
                found.extend(orjson.loads(row))
        return found

    def _pairs(self, screener: Screener, ids: frozenset[str] | None = None) -> Pairs:
        """Return, per file name id, the screened names' positions it may meet, with bounds:
        what ``NameIndex._positions`` would find searching that name among the screened
        (only the names of persons ids, unless None)."""
        index = screener.index
        frequency = index.frequency
        floor = logit_of(screener.minimum) - BEST_EXTRAS
        found: dict[int, dict[int, float]] = {}
        heads: dict[str, dict[str, float]] = {}  # screened surname -> filed surname -> bound
        given_bounds: dict[str, dict[str, float]] = {}  # screened given -> filed given -> bound
        for position, entry in enumerate(index.entries):
            if ids is not None and entry.key_id not in ids:
                continue
            for reading in readings(entry.parsed):
                if not reading.surname:
                    continue
                mine = group_key(reading)
                sounds = group_sounds(mine[1])
                near = self._near(reading.surname)
                fitting: set[str] = set()
                for sound in classes_to_visit(sounds, near):
                    fitting.update(near[sound])
                ceiling = given_ceiling(frequency, mine[1])
                known = heads.setdefault(mine[0], {})
                bounded = given_bounds.setdefault(mine[1], {})
                reached: list[tuple[str, float]] = []
                for surname in fitting:
                    head = known.get(surname)
                    if head is None:
                        head = known[surname] = surname_bound(frequency, surname, mine[0])
                    if head + ceiling >= floor:  # else no given name could lift it that far
                        reached.append((surname, head))
                self._fetch([surname for surname, _ in reached])
                for surname, head in reached:
                    classes, groups = self._surnames[surname]
                    givens: set[str] = set()
                    for sound in classes_to_visit(sounds, classes):
                        givens.update(classes[sound])
                    for given in givens:
                        given_part = bounded.get(given)
                        if given_part is None:
                            theirs = given if is_given_word(given) else None
                            given_part = bounded[given] = given_bound(frequency, theirs, mine[1])
                        bound = head + given_part
                        if bound < floor:
                            continue
                        for name_id in groups[given]:
                            held = found.setdefault(name_id, {})
                            if held.get(position, -math.inf) < bound:
                                held[position] = bound
            for name_id in self._joined(joined_key(entry.name)):
                found.setdefault(name_id, {})[position] = math.inf
        return found

    def screen(
        self, names: list[ScreenName], threshold: float, *, workers: int = 1
    ) -> ScreenReport:
        """Screen names against the indexed file: the report the streamed scan gives.

        With workers > 1 the screened persons are shared out among worker processes (each
        process searches for its share, against every screened name's frequencies).
        """
        self._unchanged()
        try:
            with fewer_collections():
                screener = Screener(names, threshold)
                if workers <= 1 or len({record.id for record in names}) < 2 * workers:
                    found = self.candidates(screener, None)
                else:
                    shares = _shares(screener, workers)
                    found = self._candidates_parallel(names, threshold, shares, workers)
                report = self._report(screener, names, found)
        except (ValueError, LookupError):
            self._unchanged()  # lines that do not parse: the file changed meanwhile?
            raise
        self._unchanged()  # the lines read were the lines indexed
        return report

    def _unchanged(self) -> None:
        """Say in one line that the entities file changed since it was matched to the index."""
        if self._state is not None and file_state(self.against) != self._state:
            raise InputError(f"{self.against.name} changed while it was being screened; run again")

    def candidates(self, screener: Screener, ids: frozenset[str] | None) -> Found:
        """Return, per entity line offset, the candidates of each (name, birth year) among
        the screened persons ids (None: all), each with the score it was ranked by."""
        index = screener.index
        pairs = self._pairs(screener, ids)
        by_entity: dict[int, list[int]] = {}
        for name_id in sorted(pairs):
            by_entity.setdefault(name_id >> NAME_BITS, []).append(name_id)
        found: Found = {}
        with open_entities(self.against) as stream:
            for offset, name_ids in by_entity.items():
                stream.seek(offset)
                facts = entity_facts(orjson.loads(stream.readline()))
                for name_id in name_ids:
                    name = facts.names[name_id & (MAX_NAMES - 1)]
                    parsed = parse_name(name)
                    for year in facts.years:
                        ranked = index.rank_scored(
                            parsed,
                            pairs[name_id],
                            birth_year=year,
                            gender=facts.gender,
                            limit=CANDIDATES_PER_NAME,
                            minimum=screener.minimum,
                        )
                        if ranked:
                            found.setdefault(offset, {})[(name, year)] = ranked
        return found

    def _candidates_parallel(
        self,
        names: list[ScreenName],
        threshold: float,
        shares: list[frozenset[str]],
        workers: int,
    ) -> Found:
        """``candidates`` in worker processes, each for a share of the screened persons; the
        shares merged keep the best CANDIDATES_PER_NAME per name, as one process would."""
        jobs = [(self.path, self.against, names, threshold, share) for share in shares]
        found: Found = {}
        with process_map(_search_share, jobs, workers, set_batch_collections) as parts:
            for part in parts:
                for offset, per_name in part.items():
                    held = found.setdefault(offset, {})
                    for key, ranked in per_name.items():
                        held.setdefault(key, []).extend(ranked)
        for per_name in found.values():
            for ranked in per_name.values():
                ranked.sort(key=lambda item: (-item[0], item[1].id))
                del ranked[CANDIDATES_PER_NAME:]
        return found

    def _report(self, screener: Screener, names: list[ScreenName], found: Found) -> ScreenReport:
        """Turn the candidates into hits, as the streamed scan does, with their Sanctions."""
        best: dict[tuple[str, str], Hit] = {}
        with open_entities(self.against) as stream:
            for offset in sorted(found):
                stream.seek(offset)
                data = orjson.loads(stream.readline())
                per_name = {key: [c for _, c in ranked] for key, ranked in found[offset].items()}
                for hit in screener.entity_hits(data, partial(_found, per_name)):
                    key = (hit.id, hit.entity_id)
                    held = best.get(key)
                    if held is None or hit.score > held.score:
                        best[key] = hit
            hits = list(best.values())
            if hits:
                sanctions = self._sanctions(stream, {hit.entity_id for hit in hits})
                hits = [with_sanctions(hit, sanctions.get(hit.entity_id, [])) for hit in hits]
        hits.sort(key=lambda hit: (-hit.score, hit.id, hit.entity_id))
        return ScreenReport(
            screened=len({record.id for record in names}),
            hits=hits,
            skipped_lines=self.skipped.get("malformed line", 0),
            entities_read=self.entities_read,
            skipped=dict(self.skipped),
            file_hash=f"sha256:{self.file_hash}",
        )

    def _sanctions(self, stream: BinaryIO, entity_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
        """The properties of Sanction entities pointing at the given entities."""
        lines: set[tuple[int, int]] = set()
        wanted = sorted(entity_ids)
        for start in range(0, len(wanted), SQL_BATCH):
            batch = wanted[start : start + SQL_BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT offset, length FROM sanctions WHERE entity_id IN ({marks})"
            lines.update(self._db.execute(query, batch).fetchall())
        found: dict[str, list[dict[str, Any]]] = {}
        for offset, length in sorted(lines):
            stream.seek(offset)
            for target, properties in sanction_targets(stream.read(length)):
                if target in entity_ids:
                    found.setdefault(target, []).append(properties)
        return found


def _shares(screener: Screener, count: int) -> list[frozenset[str]]:
    """Split the screened persons into count shares, persons with alike surnames together
    (their searches read the same parts of the index)."""
    first: dict[str, str] = {}
    for entry in screener.index.entries:
        surname = fold(entry.parsed.surname or entry.name)
        first[entry.key_id] = min(first.get(entry.key_id, surname), surname)
    ordered = sorted(first, key=lambda key_id: (first[key_id], key_id))
    size = -(-len(ordered) // count)
    return [frozenset(ordered[at : at + size]) for at in range(0, len(ordered), size)]


def _search_share(job: tuple[Path, Path, list[ScreenName], float, frozenset[str]]) -> Found:
    """Find the candidates of a share of the screened persons, in a worker process."""
    path, against, names, threshold, ids = job
    opened = ScreenIndex(path, against)
    try:
        return opened.candidates(Screener(names, threshold), ids)
    finally:
        opened.close()


def _found(
    per_name: dict[tuple[str, int | None], list[Candidate]],
    name: str,
    year: int | None,
    gender: str | None,
) -> list[Candidate]:
    """Return the candidates found beforehand for one name and birth year of an entity."""
    return per_name.get((name, year), [])

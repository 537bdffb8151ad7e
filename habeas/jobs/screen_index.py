"""A screening index of one entities file: built once, then every screening reads only what
it needs.

Streaming a file of a million entities past the screened names costs a minute each time. The
index turns that around: the file's Person names are filed once the way ``NameIndex`` files
names (groups by surname and given word; surnames reached through the blocks of their
phonetic keys; joined-letters keys), in an SQLite file named by the entities file's SHA-256
and a fingerprint of the name engine, so any change to the file or to the name rules builds
a new one. A screening then searches each screened name's readings in it, bounds and scores
the pairs exactly as ``NameIndex.search`` would (with the screened names' part frequencies),
and reads from the entities file only the lines of entities with a candidate and the
Sanction entities of the hits. The report equals the streamed scan's (tested); only the skip
counts are of the whole file, read when the index was built.

The index holds nothing but the entities file's own (public) content; never the names
screened. It is written to a temporary file and renamed, so a half-built index never exists.
"""

from __future__ import annotations

import hashlib
import math
import multiprocessing
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from habeas.exceptions import InputError
from habeas.jobs.screen import (
    CANDIDATES_PER_NAME,
    Hit,
    ScanProgress,
    ScreenName,
    ScreenReport,
    _open,
    _ranges,
    _schema,
    _Screener,
    _with_sanctions,
    entity_facts,
    sanction_targets,
)
from habeas.jobs.tuning import fewer_collections, set_batch_collections
from habeas.names import clear_caches
from habeas.names.blocking import (
    ANY_SOUND,
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

INDEX_FORMAT = "1"  # bump when the tables change
KEEP_INDEXES = 4  # index files kept in the folder (most recently used); older ones go
SQL_BATCH = 900  # ids per "IN (...)" query (SQLite allows 999 parameters by default)
BUILD_CHUNK_BYTES = 16 * 2**20  # byte range a worker indexes at a time (progress, last-part wait)
_ENGINE_FILES = ("names", "jobs/screen.py", "jobs/screen_index.py")


@cache
def engine_fingerprint() -> str:
    """Return a hash of the code an index depends on (the name engine and this module)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    for entry in _ENGINE_FILES:
        path = root / entry
        for source in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """Return the SHA-256 of a file (hex), or say in one line that it is missing."""
    digest = hashlib.sha256()
    with _open(path) as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_index_dir() -> Path:
    """Return where screening indexes live: $HABEAS_SCREEN_INDEX, else the user's cache."""
    given = os.environ.get("HABEAS_SCREEN_INDEX")
    if given:
        return Path(given).expanduser()
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home) / "habeas" / "screen"


# ----------------------------------------------------------------------------- building

Pairs = dict[int, dict[int, float]]
"""Per file name id: the positions of screened names it may meet, with their bounds."""
Found = dict[int, dict[tuple[str, int | None], list[tuple[float, Candidate]]]]
"""Per entity line offset: per (name, birth year), the candidates and their ranking scores."""
NAME_BITS = 16  # a name's id: its entity line's offset << NAME_BITS | its place in the names
MAX_NAMES = 1 << NAME_BITS
Row = tuple[str, bytes]


@dataclass(slots=True)
class _Part:
    """What one worker read of a byte range of the file, as rows ready to insert."""

    surnames: list[Row] = field(default_factory=list)  # surname -> [classes, groups]
    keys: list[Row] = field(default_factory=list)  # gate key -> {class: [surnames]}
    joined: list[Row] = field(default_factory=list)  # joined key -> name ids
    sanctions: list[tuple[str, int, int]] = field(default_factory=list)  # target, offset, len
    symbols: set[str] = field(default_factory=set)  # the symbols of the part's gate keys
    skipped: Counter[str] = field(default_factory=Counter)
    read_entities: int = 0
    lines: int = 0
    read: int = 0


class _Builder:
    """Files the names of one byte range's entities, as ``NameIndex`` files names."""

    def __init__(self) -> None:
        """Start empty."""
        self.groups: dict[str, dict[str, list[int]]] = {}  # surname -> given -> name ids
        self.classes: dict[str, dict[str, list[str]]] = {}  # surname -> class -> givens
        self.by_key: dict[str, dict[str, list[str]]] = {}  # key -> class -> surnames
        self.joined: dict[str, list[int]] = {}

    def add(self, offset: int, names: list[str]) -> None:
        """File the names of the entity whose line starts at offset."""
        groups = self.groups
        for position, name in enumerate(names):
            name_id = offset << NAME_BITS | position
            parsed = parse_name(name)
            filed: list[tuple[str, str]] = []
            for reading in readings(parsed):
                if not reading.surname:
                    continue
                group = group_key(reading)
                if group in filed:
                    continue
                filed.append(group)
                surname, given = group
                by_given = groups.get(surname)
                if by_given is None:
                    by_given = groups[surname] = {}
                members = by_given.get(given)
                if members is None:
                    members = by_given[given] = []
                    self._file_group(surname, given)
                members.append(name_id)
            joined = joined_key(parsed.text)
            if len(joined) >= 6:
                self.joined.setdefault(joined, []).append(name_id)

    def _file_group(self, surname: str, given: str) -> None:
        """Make a new group reachable through its surname's keys and given-name classes."""
        by_class = self.classes.setdefault(surname, {})
        for sound in group_sounds(given) or (ANY_SOUND,):
            if sound not in by_class:
                by_class[sound] = []
                for key in gate_keys(surname):
                    self.by_key.setdefault(key, {}).setdefault(sound, []).append(surname)
            by_class[sound].append(given)

    def rows(self, part: _Part) -> None:
        """Put the filed names into the part as rows."""
        dumps = orjson.dumps
        classes = self.classes
        part.surnames = [(s, dumps([classes[s], g])) for s, g in self.groups.items()]
        part.keys = [(key, dumps(found)) for key, found in self.by_key.items()]
        part.joined = [(key, dumps(ids)) for key, ids in self.joined.items()]
        part.symbols = {symbol for key in self.by_key for symbol in key}


def _read_line(line: bytes, offset: int, part: _Part, builder: _Builder) -> None:
    """File one line: a Person entity's names, a Sanction's targets, or a skip count."""
    if not line.strip():
        return
    for target, _ in sanction_targets(line):
        part.sanctions.append((target, offset, len(line)))
    try:
        data = orjson.loads(line)
        schema = _schema(str(data["schema"]))
    except (ValueError, KeyError, TypeError):
        part.skipped["malformed line"] += 1
        return
    part.read_entities += 1
    if schema is None:
        part.skipped["unknown schema"] += 1
        return
    if not schema:
        return
    try:
        facts = entity_facts(data)
    except LookupError:
        part.skipped["entity without a name"] += 1
        return
    except (AttributeError, TypeError, ValueError):
        part.skipped["malformed entity"] += 1
        return
    if len(facts.names) > MAX_NAMES:
        part.skipped["entity with too many names"] += 1
        return
    builder.add(offset, facts.names)


def _read_range(job: tuple[Path, int, int]) -> _Part:
    """Read the lines that start in [start, end) of the file into rows."""
    path, start, end = job
    part, builder = _Part(), _Builder()
    with path.open("rb") as stream, fewer_collections():
        stream.seek(start)
        position = start
        while position < end:
            line = stream.readline()
            if not line:
                break
            part.lines += 1
            _read_line(line, position, part, builder)
            position += len(line)
        part.read = position - start
        builder.rows(part)
    clear_caches()  # the words of one part seldom recur in the next: bounded memory instead
    return part


_WRITING = (  # a new private file, renamed when complete: no journal, no syncs, big pages
    "page_size = 16384",
    "journal_mode = OFF",
    "synchronous = OFF",
    "cache_size = -262144",
    "locking_mode = EXCLUSIVE",
)
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE keys (key TEXT PRIMARY KEY, surnames BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE surnames (surname TEXT NOT NULL, groups BLOB NOT NULL);
CREATE TABLE joined (key TEXT NOT NULL, names BLOB NOT NULL);
CREATE TABLE sanctions (entity_id TEXT NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL);
"""
_INDEXES = """
CREATE INDEX surnames_surname ON surnames (surname);
CREATE INDEX joined_key ON joined (key);
CREATE INDEX sanctions_entity ON sanctions (entity_id);
"""


def _parts(path: Path, size: int, workers: int, progress: ScanProgress | None) -> Iterator[_Part]:
    """Yield the file's parts, read here or by worker processes."""
    jobs = _ranges(path, size, max(workers * 8, size // BUILD_CHUNK_BYTES)) if size else []
    lines = read = 0
    if workers <= 1:
        parts: Iterable[_Part] = map(_read_range, jobs)
    else:
        context = multiprocessing.get_context("spawn")  # safe beside threads (web, progress)
        pool = context.Pool(workers, set_batch_collections)
        parts = pool.imap_unordered(_read_range, jobs)
    try:
        for part in parts:
            lines, read = lines + part.lines, read + part.read
            if progress is not None:
                progress(lines, read, size)
            yield part
    finally:
        if workers > 1:
            pool.terminate()
            pool.join()


def _write(connection: sqlite3.Connection, parts: Iterable[_Part], meta: dict[str, str]) -> None:
    """Insert every part's rows as it comes (the keys gathered across parts, for they are
    read most), then the indexes and the totals, in one transaction."""
    skipped: Counter[str] = Counter()
    symbols: set[str] = set()
    by_key: dict[str, list[bytes]] = {}
    read_entities = 0
    with connection:
        connection.executescript(_SCHEMA)
        for part in parts:
            connection.executemany("INSERT INTO surnames VALUES (?, ?)", part.surnames)
            connection.executemany("INSERT INTO joined VALUES (?, ?)", part.joined)
            connection.executemany("INSERT INTO sanctions VALUES (?, ?, ?)", part.sanctions)
            for key, classes in part.keys:
                by_key.setdefault(key, []).append(classes)
            skipped.update(part.skipped)
            symbols |= part.symbols
            read_entities += part.read_entities
        rows = ((key, _merged(by_key[key])) for key in sorted(by_key))
        connection.executemany("INSERT INTO keys VALUES (?, ?)", rows)
        connection.executescript(_INDEXES)
        meta = {
            **meta,
            "symbols": "".join(sorted(symbols)),
            "entities_read": str(read_entities),
            "skipped": orjson.dumps(dict(sorted(skipped.items()))).decode(),
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))


def _merged(blobs: list[bytes]) -> bytes:
    """Merge a key's {class: [surnames]} from the parts of the file it was filed in."""
    if len(blobs) == 1:
        return blobs[0]
    merged: dict[str, set[str]] = {}
    for blob in blobs:
        for sound, surnames in orjson.loads(blob).items():
            merged.setdefault(sound, set()).update(surnames)
    return orjson.dumps({sound: sorted(found) for sound, found in merged.items()})


def build_index(
    against: Path,
    target: Path,
    digest: str,
    *,
    workers: int = 1,
    progress: ScanProgress | None = None,
) -> None:
    """Read an entities file into a new index at target (written aside, then renamed)."""
    stat = against.stat()
    meta = {
        "format": INDEX_FORMAT,
        "engine": engine_fingerprint(),
        "file_hash": digest,
        "file_name": against.name,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".building-", suffix=".sqlite", dir=target.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            for pragma in _WRITING:
                connection.execute(f"PRAGMA {pragma}")
            _write(connection, _parts(against, stat.st_size, workers, progress), meta)
        finally:
            connection.close()
        now = against.stat()
        if (now.st_size, now.st_mtime_ns) != (stat.st_size, stat.st_mtime_ns):
            raise InputError(f"{against.name} changed while it was being indexed; run again")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _used(path: Path) -> float:
    """Return when an index file was last used (0 if another process removed it)."""
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the KEEP_INDEXES most recently used index files of a folder."""
    built = [p for p in folder.glob("*.sqlite") if not p.name.startswith(".")]  # not building
    found = sorted(built, key=_used, reverse=True)
    for old in [p for p in found if p != keep][KEEP_INDEXES - 1 :]:
        old.unlink(missing_ok=True)


# ----------------------------------------------------------------------------- searching


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

    def __init__(self, path: Path, against: Path) -> None:
        """Open the index at path for the entities file against (read-only)."""
        self.path = path
        self.against = against
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        self.file_hash = str(meta["file_hash"])
        self.entities_read = int(meta["entities_read"])
        self.skipped: dict[str, int] = orjson.loads(meta["skipped"])
        self._symbols = str(meta["symbols"])
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

    def _groups(self, surname: str) -> tuple[dict[str, list[str]], dict[str, list[int]]]:
        """Return a filed surname's given words by class and name ids by given word."""
        found = self._surnames.get(surname)
        if found is None:
            query = "SELECT groups FROM surnames WHERE surname = ?"
            rows = self._db.execute(query, (surname,)).fetchall()
            classes, groups = orjson.loads(rows[0][0])
            for (row,) in rows[1:]:  # one row per part of the file the surname is in
                more_classes, more_groups = orjson.loads(row)
                for sound, givens in more_classes.items():
                    classes.setdefault(sound, []).extend(givens)
                for given, ids in more_groups.items():
                    groups.setdefault(given, []).extend(ids)
            found = self._surnames[surname] = (classes, groups)
        return found

    def _joined(self, key: str) -> list[int]:
        """Return the ids of the names with a joined-letters key."""
        found: list[int] = []
        if len(key) >= 6:
            for (row,) in self._db.execute("SELECT names FROM joined WHERE key = ?", (key,)):
                found.extend(orjson.loads(row))
        return found

    def _pairs(self, screener: _Screener, ids: frozenset[str] | None = None) -> Pairs:
        """Return, per file name id, the screened names' positions it may meet, with bounds:
        what ``NameIndex._positions`` would find searching that name among the screened
        (only the names of persons ids, unless None)."""
        index = screener.index
        frequency = index.frequency
        floor = logit_of(screener.minimum) - BEST_EXTRAS
        found: dict[int, dict[int, float]] = {}
        heads: dict[str, dict[str, float]] = {}  # screened surname -> filed surname -> bound
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
                for surname in fitting:
                    head = known.get(surname)
                    if head is None:
                        head = known[surname] = surname_bound(frequency, surname, mine[0])
                    if head + ceiling < floor:
                        continue  # no given name could lift this surname to the floor
                    classes, groups = self._groups(surname)
                    givens: set[str] = set()
                    for sound in classes_to_visit(sounds, classes):
                        givens.update(classes[sound])
                    for given in givens:
                        theirs = given if is_given_word(given) else None
                        bound = head + given_bound(frequency, theirs, mine[1])
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
        with fewer_collections():
            screener = _Screener(names, threshold)
            if workers <= 1 or len({record.id for record in names}) < 2 * workers:
                found = self.candidates(screener, None)
            else:
                shares = _shares(screener, workers)
                found = self._candidates_parallel(names, threshold, shares, workers)
            return self._report(screener, names, found)

    def candidates(self, screener: _Screener, ids: frozenset[str] | None) -> Found:
        """Return, per entity line offset, the candidates of each (name, birth year) among
        the screened persons ids (None: all), each with the score it was ranked by."""
        index = screener.index
        pairs = self._pairs(screener, ids)
        by_entity: dict[int, list[int]] = {}
        for name_id in sorted(pairs):
            by_entity.setdefault(name_id >> NAME_BITS, []).append(name_id)
        found: Found = {}
        with _open(self.against) as stream:
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
        context = multiprocessing.get_context("spawn")
        with context.Pool(workers, set_batch_collections) as pool:
            for part in pool.imap_unordered(_search_share, jobs):
                for offset, per_name in part.items():
                    held = found.setdefault(offset, {})
                    for key, ranked in per_name.items():
                        held.setdefault(key, []).extend(ranked)
        for per_name in found.values():
            for ranked in per_name.values():
                ranked.sort(key=lambda item: (-item[0], item[1].id))
                del ranked[CANDIDATES_PER_NAME:]
        return found

    def _report(self, screener: _Screener, names: list[ScreenName], found: Found) -> ScreenReport:
        """Turn the candidates into hits, as the streamed scan does, with their Sanctions."""
        best: dict[tuple[str, str], Hit] = {}
        with _open(self.against) as stream:
            for offset in sorted(found):
                stream.seek(offset)
                data = orjson.loads(stream.readline())
                per_name = {key: [c for _, c in ranked] for key, ranked in found[offset].items()}
                for hit in screener._entity_hits(data, partial(_found, per_name)):
                    key = (hit.id, hit.entity_id)
                    held = best.get(key)
                    if held is None or hit.score > held.score:
                        best[key] = hit
            hits = list(best.values())
            if hits:
                sanctions = self._sanctions(stream, {hit.entity_id for hit in hits})
                hits = [_with_sanctions(hit, sanctions.get(hit.entity_id, [])) for hit in hits]
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


def _shares(screener: _Screener, count: int) -> list[frozenset[str]]:
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
        return opened.candidates(_Screener(names, threshold), ids)
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


def open_index(
    against: Path,
    folder: Path,
    *,
    workers: int = 1,
    progress: ScanProgress | None = None,
    on_build: Callable[[], None] | None = None,
) -> ScreenIndex:
    """Open the index of an entities file in folder, building it first if there is none."""
    digest = file_digest(against)
    target = folder / f"{digest[:40]}-{engine_fingerprint()[:16]}.sqlite"
    if not target.exists():
        if on_build is not None:
            on_build()
        build_index(against, target, digest, workers=workers, progress=progress)
        _prune(folder, target)
    else:
        os.utime(target)  # most recently used
    return ScreenIndex(target, against)

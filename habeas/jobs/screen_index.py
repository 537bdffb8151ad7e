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
from array import array
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
from habeas.names.words import joined_key

INDEX_FORMAT = "1"  # bump when the tables change
KEEP_INDEXES = 4  # index files kept in the folder (most recently used); older ones go
SQL_BATCH = 900  # ids per "IN (...)" query (SQLite allows 999 parameters by default)
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

NAME_BITS = 16  # a name's id is its entity's number << NAME_BITS | its place among the names
MAX_NAMES = 1 << NAME_BITS

NameRow = tuple[list[tuple[str, str]], str]
"""One name of an entity: the groups (surname, given word) it is filed in, its joined key."""


@dataclass(slots=True)
class _Part:
    """What one worker read of a byte range of the file."""

    entities: list[tuple[int, int, list[NameRow]]] = field(default_factory=list)
    sanctions: list[tuple[str, int, int]] = field(default_factory=list)  # target, offset, len
    keys: dict[str, frozenset[str]] = field(default_factory=dict)  # new surnames' gate keys
    sounds: dict[str, frozenset[str] | None] = field(default_factory=dict)  # new given words'
    skipped: Counter[str] = field(default_factory=Counter)
    read_entities: int = 0
    lines: int = 0
    read: int = 0


_SURNAMES_SENT: set[str] = set()  # surnames whose gate keys this process has sent already
_GIVENS_SENT: set[str] = set()  # given words whose sound classes it has sent


def _name_row(name: str, part: _Part) -> NameRow:
    """Parse one entity name into the groups its readings are filed under."""
    parsed = parse_name(name)
    groups = []
    for reading in readings(parsed):
        if reading.surname:
            group = group_key(reading)
            if group not in groups:
                groups.append(group)
            surname, given = group
            if surname not in _SURNAMES_SENT:
                _SURNAMES_SENT.add(surname)
                part.keys[surname] = gate_keys(surname)
            if given not in _GIVENS_SENT:
                _GIVENS_SENT.add(given)
                part.sounds[given] = group_sounds(given)
    joined = joined_key(parsed.text)
    return groups, joined if len(joined) >= 6 else ""


def _read_line(line: bytes, offset: int, part: _Part) -> None:
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
    names = [_name_row(name, part) for name in facts.names]
    part.entities.append((offset, len(line), names))


def _read_range(job: tuple[Path, int, int]) -> _Part:
    """Read the lines that start in [start, end) of the file."""
    path, start, end = job
    part = _Part()
    with path.open("rb") as stream, fewer_collections():
        stream.seek(start)
        position = start
        while position < end:
            line = stream.readline()
            if not line:
                break
            part.lines += 1
            _read_line(line, position, part)
            position += len(line)
    part.read = position - start
    return part


def _start_worker() -> None:
    """Prepare a worker process (it only reads)."""
    set_batch_collections()
    _SURNAMES_SENT.clear()
    _GIVENS_SENT.clear()


class _Builder:
    """Gathers the parts of the file in order and writes the index tables."""

    def __init__(self) -> None:
        """Start empty."""
        self.offsets = array("q")
        self.lengths = array("q")
        self.groups: dict[str, dict[str, array[int]]] = {}  # surname -> given -> name ids
        self.classes: dict[str, dict[str, list[str]]] = {}  # surname -> class -> givens
        self.by_key: dict[str, dict[str, list[str]]] = {}  # key -> class -> surnames
        self.keys: dict[str, frozenset[str]] = {}
        self.sounds: dict[str, frozenset[str] | None] = {}
        self.joined: dict[str, array[int]] = {}
        self.sanctions: list[tuple[str, int, int]] = []
        self.skipped: Counter[str] = Counter()
        self.read_entities = 0

    def add(self, part: _Part) -> None:
        """File one part's entities and names (parts must come in file order)."""
        self.skipped.update(part.skipped)
        self.read_entities += part.read_entities
        self.sanctions.extend(part.sanctions)
        self.keys.update(part.keys)
        self.sounds.update(part.sounds)
        groups = self.groups
        for offset, length, names in part.entities:
            number = len(self.offsets)
            self.offsets.append(offset)
            self.lengths.append(length)
            for position, (filed, joined) in enumerate(names):
                name_id = number << NAME_BITS | position
                for surname, given in filed:
                    by_given = groups.get(surname)
                    if by_given is None:
                        by_given = groups[surname] = {}
                    members = by_given.get(given)
                    if members is None:
                        members = by_given[given] = array("q")
                        self._file_group(surname, given)
                    members.append(name_id)
                if joined:
                    self.joined.setdefault(joined, array("q")).append(name_id)

    def _file_group(self, surname: str, given: str) -> None:
        """Make a new group reachable through its surname's keys and given-name classes."""
        by_class = self.classes.setdefault(surname, {})
        sounds = self.sounds[given] if given in self.sounds else group_sounds(given)
        for sound in sounds or (ANY_SOUND,):
            if sound not in by_class:
                by_class[sound] = []
                keys = self.keys.get(surname)
                if keys is None:
                    keys = self.keys[surname] = gate_keys(surname)
                for key in keys:
                    self.by_key.setdefault(key, {}).setdefault(sound, []).append(surname)
            by_class[sound].append(given)

    def write(self, connection: sqlite3.Connection, meta: dict[str, str]) -> None:
        """Write every table in one transaction."""
        dumps = orjson.dumps
        symbols = sorted({symbol for key in self.by_key for symbol in key})
        meta = {**meta, "symbols": "".join(symbols), "entities": str(len(self.offsets))}
        with connection:
            connection.executescript(_SCHEMA)
            connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            connection.executemany(
                "INSERT INTO keys VALUES (?, ?)",
                ((k, dumps(v)) for k, v in sorted(self.by_key.items())),
            )
            connection.executemany(
                "INSERT INTO surnames VALUES (?, ?)",
                (
                    (
                        surname,
                        dumps(
                            [self.classes[surname], {g: list(ids) for g, ids in by_given.items()}]
                        ),
                    )
                    for surname, by_given in sorted(self.groups.items())
                ),
            )
            connection.executemany(
                "INSERT INTO joined VALUES (?, ?)",
                ((k, ids.tobytes()) for k, ids in sorted(self.joined.items())),
            )
            connection.executemany(
                "INSERT INTO arrays VALUES (?, ?)",
                [("offsets", self.offsets.tobytes()), ("lengths", self.lengths.tobytes())],
            )
            connection.executemany("INSERT INTO sanctions VALUES (?, ?, ?)", self.sanctions)
            connection.execute("CREATE INDEX sanctions_entity ON sanctions (entity_id)")


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE keys (key TEXT PRIMARY KEY, surnames BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE surnames (surname TEXT PRIMARY KEY, groups BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE joined (key TEXT PRIMARY KEY, names BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE arrays (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE sanctions (entity_id TEXT NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL);
"""


def _parts(path: Path, size: int, workers: int, progress: ScanProgress | None) -> Iterator[_Part]:
    """Yield the file's parts in file order, read here or by worker processes."""
    jobs = _ranges(path, size, max(workers * 8, size // (16 * 2**20))) if size else []
    lines = read = 0
    if workers <= 1:
        _SURNAMES_SENT.clear()
        _GIVENS_SENT.clear()
        parts: Iterable[_Part] = map(_read_range, jobs)
    else:
        context = multiprocessing.get_context("spawn")  # safe beside threads (web, progress)
        pool = context.Pool(workers, _start_worker)
        parts = pool.imap(_read_range, jobs)
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
    builder = _Builder()
    with fewer_collections():
        for part in _parts(against, stat.st_size, workers, progress):
            builder.add(part)
    now = against.stat()
    if (now.st_size, now.st_mtime_ns) != (stat.st_size, stat.st_mtime_ns):
        raise InputError(f"{against.name} changed while it was being indexed; run again")
    meta = {
        "format": INDEX_FORMAT,
        "engine": engine_fingerprint(),
        "file_hash": digest,
        "file_name": against.name,
        "entities_read": str(builder.read_entities),
        "skipped": orjson.dumps(dict(builder.skipped)).decode(),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".building-", suffix=".sqlite", dir=target.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            builder.write(connection, meta)
        finally:
            connection.close()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the KEEP_INDEXES most recently used index files of a folder."""
    found = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
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
        arrays = dict(self._db.execute("SELECT name, data FROM arrays").fetchall())
        self._offsets, self._lengths = array("q"), array("q")
        self._offsets.frombytes(arrays["offsets"])
        self._lengths.frombytes(arrays["lengths"])
        self._near: dict[str, list[dict[str, list[str]]]] = {}
        self._surnames: dict[str, tuple[dict[str, list[str]], dict[str, list[int]]]] = {}

    def close(self) -> None:
        """Close the index file."""
        self._db.close()

    def _near_keys(self, surname: str) -> list[dict[str, list[str]]]:
        """Return, for each filed key compatible with a surname's gate keys, its surnames by
        given-name class (what ``NameIndex.surnames_near`` finds, with their classes)."""
        found = self._near.get(surname)
        if found is None:
            wanted: set[str] = set()
            for key in gate_keys(surname):
                wanted |= key_variants(key, self._symbols)
            found = []
            listed = sorted(wanted)
            for start in range(0, len(listed), SQL_BATCH):
                batch = listed[start : start + SQL_BATCH]
                marks = ",".join("?" * len(batch))
                query = f"SELECT surnames FROM keys WHERE key IN ({marks})"
                found.extend(orjson.loads(row[0]) for row in self._db.execute(query, batch))
            self._near[surname] = found
        return found

    def _groups(self, surname: str) -> tuple[dict[str, list[str]], dict[str, list[int]]]:
        """Return a filed surname's given words by class and name ids by given word."""
        found = self._surnames.get(surname)
        if found is None:
            row = self._db.execute(
                "SELECT groups FROM surnames WHERE surname = ?", (surname,)
            ).fetchone()
            classes, groups = orjson.loads(row[0])
            found = self._surnames[surname] = (classes, groups)
        return found

    def _joined(self, key: str) -> array[int]:
        """Return the ids of the names with a joined-letters key."""
        members = array("q")
        if len(key) >= 6:
            row = self._db.execute("SELECT names FROM joined WHERE key = ?", (key,)).fetchone()
            if row:
                members.frombytes(row[0])
        return members

    def _pairs(self, screener: _Screener) -> dict[int, dict[int, float]]:
        """Return, per file name id, the screened names' positions it may meet, with bounds:
        what ``NameIndex._positions`` would find searching that name among the screened."""
        index = screener.index
        frequency = index.frequency
        floor = logit_of(screener.minimum) - BEST_EXTRAS
        found: dict[int, dict[int, float]] = {}
        for position, entry in enumerate(index.entries):
            for reading in readings(entry.parsed):
                if not reading.surname:
                    continue
                mine = group_key(reading)
                sounds = group_sounds(mine[1])
                fitting: set[str] = set()
                for by_class in self._near_keys(reading.surname):
                    for sound in classes_to_visit(sounds, by_class):
                        fitting.update(by_class[sound])
                ceiling = given_ceiling(frequency, mine[1])
                for surname in fitting:
                    head = surname_bound(frequency, surname, mine[0])
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

    def _line(self, stream: BinaryIO, number: int) -> bytes:
        """Read the line of entity number (or of a Sanction: offset, length)."""
        stream.seek(self._offsets[number])
        return stream.read(self._lengths[number])

    def screen(self, names: list[ScreenName], threshold: float) -> ScreenReport:
        """Screen names against the indexed file: the report the streamed scan gives."""
        with fewer_collections():
            return self._screen(names, threshold)

    def _screen(self, names: list[ScreenName], threshold: float) -> ScreenReport:
        """Screen names (with the cycle collector woken rarely)."""
        screener = _Screener(names, threshold)
        pairs = self._pairs(screener)
        by_entity: dict[int, list[int]] = {}
        for name_id in sorted(pairs):
            by_entity.setdefault(name_id >> NAME_BITS, []).append(name_id)
        best: dict[tuple[str, str], Hit] = {}
        with _open(self.against) as stream:
            for number, name_ids in by_entity.items():
                data = orjson.loads(self._line(stream, number))
                facts = entity_facts(data)
                found: dict[tuple[str, int | None], list[Candidate]] = {}
                for name_id in name_ids:
                    name = facts.names[name_id & (MAX_NAMES - 1)]
                    parsed = parse_name(name)
                    for year in facts.years:
                        ranked = screener.index.rank(
                            parsed,
                            pairs[name_id],
                            birth_year=year,
                            gender=facts.gender,
                            limit=CANDIDATES_PER_NAME,
                            minimum=screener.minimum,
                        )
                        if ranked:
                            found[(name, year)] = ranked
                if not found:
                    continue
                for hit in screener._entity_hits(data, partial(_found, found)):
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

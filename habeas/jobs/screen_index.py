"""A screening index of one entities file: built once, then every screening reads only what
it needs (habeas/jobs/screen_search.py searches it).

Streaming a file of a million entities past the screened names costs a minute each time. The
index turns that around: the file's Person names are filed once the way ``NameIndex`` files
names (groups by surname and given word; surnames reached through their phonetic gate keys
and the sound classes of their groups' given names; joined-letters keys), in an SQLite file
named by the entities file's SHA-256 and a fingerprint of the name engine, so any change to
the file or to the name rules builds a new one. Worker processes read byte ranges of the
file and hand over finished rows; a name is known by its entity line's offset and its place
among the entity's names. The report of a screening equals the streamed scan's (tested);
only the skip counts are of the whole file, counted when the index was built.

The index holds nothing but the entities file's own (public) content; never the names
screened. It is written to a temporary file and renamed, so a half-built index never exists.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import platform
import re
import sqlite3
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import orjson

from habeas.exceptions import InputError
from habeas.jobs.parallel import process_map, tapered_ranges
from habeas.jobs.screen import (
    ScanProgress,
    entity_facts,
    file_state,
    open_entities,
    person_entity,
    sanction_targets,
)
from habeas.jobs.screen_search import MAX_NAMES, NAME_BITS, ScreenIndex
from habeas.jobs.tuning import fewer_collections, set_batch_collections
from habeas.names import clear_caches
from habeas.names.blocking import (
    ANY_SOUND,
    group_key,
    group_sounds,
)
from habeas.names.compare import readings
from habeas.names.parse import parse_name
from habeas.names.similarity import gate_keys
from habeas.names.words import joined_key

INDEX_FORMAT = "1"  # bump when the tables change
KEEP_INDEXES = 4  # index files kept in the folder (most recently used); older ones go
BUILD_CHUNK_BYTES = 16 * 2**20  # byte range a worker indexes at a time (progress, last-part wait)
_INDEX_NAME = re.compile(r"[0-9a-f]{40}-[0-9a-f]{16}\.sqlite")
_ENGINE_LIBRARIES = ("pyicu", "rapidfuzz", "followthemoney", "orjson")
_ENGINE_FILES = ("names", "jobs/screen.py", "jobs/screen_index.py", "jobs/screen_search.py")


def _version(distribution: str) -> str:
    """Return an installed distribution's version ("" if it is not installed)."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


@cache
def engine_fingerprint() -> str:
    """Return a hash of what an index depends on: the name engine's and screening's code, the
    Python, Unicode and library versions they read names with."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    versions = [platform.python_version(), unicodedata.unidata_version]
    versions += [_version(name) for name in _ENGINE_LIBRARIES]
    digest.update("\0".join(versions).encode())
    for entry in _ENGINE_FILES:
        path = root / entry
        for source in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """Return the SHA-256 of a file (hex), or say in one line that it is missing."""
    digest = hashlib.sha256()
    with open_entities(path) as stream:
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
        classes = self.classes
        part.surnames = [(s, _dumps([classes[s], g])) for s, g in self.groups.items()]
        part.keys = [(key, _dumps(found)) for key, found in self.by_key.items()]
        part.joined = [(key, _dumps(ids)) for key, ids in self.joined.items()]
        part.symbols = {symbol for key in self.by_key for symbol in key}


def _dumps(value: object) -> bytes:
    """Return value as JSON in a bytes object of its own size: orjson's own answer keeps the
    buffer it grew (4 KiB at least), and a part holds a hundred thousand of them."""
    return bytes(memoryview(orjson.dumps(value)))


def _read_line(line: bytes, offset: int, part: _Part, builder: _Builder) -> None:
    """File one line: a Person entity's names, a Sanction's targets, or a skip count."""
    for target, _ in sanction_targets(line):
        part.sanctions.append((target, offset, len(line)))
    entity, data = person_entity(line, part.skipped)
    part.read_entities += entity
    if data is None:
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
    jobs = tapered_ranges(path, size, BUILD_CHUNK_BYTES, max(workers, 1)) if size else []
    lines = read = 0
    with contextlib.ExitStack() as stack:
        if workers <= 1:
            parts: Iterable[_Part] = map(_read_range, jobs)
        else:
            parts = stack.enter_context(
                process_map(_read_range, jobs, workers, set_batch_collections)
            )
        for part in parts:
            lines, read = lines + part.lines, read + part.read
            if progress is not None:
                progress(lines, read, size)
            yield part


def _write(connection: sqlite3.Connection, parts: Iterable[_Part], meta: dict[str, str]) -> None:
    """Insert every part's rows as it comes (the keys gathered across parts, for they are
    read most), then the indexes and the totals (the file is private until renamed into
    place, so no transaction is needed for readers never to see it half-written)."""
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
        with ThreadPoolExecutor(1) as indexing:  # SQLite lets go of the GIL while it indexes
            indexed = indexing.submit(connection.executescript, _INDEXES)
            rows = _merged_rows(by_key)
            indexed.result()
        connection.executemany("INSERT INTO keys VALUES (?, ?)", zip(*rows, strict=True))
        meta = {
            **meta,
            "symbols": "".join(sorted(symbols)),
            "entities_read": str(read_entities),
            "skipped": orjson.dumps(dict(sorted(skipped.items()))).decode(),
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))


def _merged_rows(by_key: dict[str, list[bytes]]) -> tuple[list[str], list[bytes]]:
    """Return the keys in order and their merged parts (let go of as they are merged)."""
    keys = sorted(by_key)
    return keys, [_merged(by_key.pop(key)) for key in keys]


def _merged(blobs: list[bytes]) -> bytes:
    """Merge a key's {class: [surnames]} from the parts of the file it was filed in."""
    if len(blobs) == 1:
        return blobs[0]
    merged: dict[str, set[str]] = {}
    for blob in blobs:
        for sound, surnames in orjson.loads(blob).items():
            merged.setdefault(sound, set()).update(surnames)
    return _dumps({sound: sorted(found) for sound, found in merged.items()})


def build_index(
    against: Path,
    target: Path,
    digest: str,
    *,
    workers: int = 1,
    progress: ScanProgress | None = None,
    seen: tuple[int, int] | None = None,
) -> None:
    """Read an entities file into a new index at target (written aside, then renamed);
    ``seen`` is the file's size and time when its digest was taken (default: now)."""
    seen = seen or file_state(against)
    meta = {
        "format": INDEX_FORMAT,
        "engine": engine_fingerprint(),
        "file_hash": digest,
        "file_name": against.name,
    }
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(".sqlite", ".building-", target.parent)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(
            f"cannot write the screening index in {target.parent} ({reason}); "
            "give --index-dir DIR (or HABEAS_SCREEN_INDEX), or --no-index to stream the file"
        ) from None
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary, check_same_thread=False)  # one at a time
        try:
            for pragma in _WRITING:
                connection.execute(f"PRAGMA {pragma}")
            _write(connection, _parts(against, seen[0], workers, progress), meta)
        finally:
            connection.close()
        if file_state(against) != seen:
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
    """Remove all but the KEEP_INDEXES most recently used index files of a folder, and builds
    left behind a day ago or more (a killed process); never any other file."""
    built = [p for p in folder.glob("*.sqlite") if _INDEX_NAME.fullmatch(p.name)]
    found = sorted(built, key=_used, reverse=True)
    for old in [p for p in found if p != keep][KEEP_INDEXES - 1 :]:
        old.unlink(missing_ok=True)
    for left in folder.glob(".building-*.sqlite"):
        if 0.0 < _used(left) < time.time() - 86400:
            left.unlink(missing_ok=True)


def open_index(
    against: Path,
    folder: Path,
    *,
    workers: int = 1,
    progress: ScanProgress | None = None,
    on_build: Callable[[], None] | None = None,
) -> ScreenIndex:
    """Open the index of an entities file in folder, building it first if there is none (or
    if the one there cannot be read)."""
    seen = file_state(against)
    digest = file_digest(against)
    target = folder / f"{digest[:40]}-{engine_fingerprint()[:16]}.sqlite"
    try:
        with contextlib.suppress(PermissionError):  # a shared read-only folder: use as it is
            os.utime(target)  # most recently used
        return ScreenIndex(target, against, seen)
    except (FileNotFoundError, NotADirectoryError):
        pass
    except (sqlite3.DatabaseError, KeyError, ValueError):
        target.unlink(missing_ok=True)  # damaged (a disk error, a copy cut short): anew
    if on_build is not None:
        on_build()
    build_index(against, target, digest, workers=workers, progress=progress, seen=seen)
    _prune(folder, target)
    return ScreenIndex(target, against, seen)

"""Screen names (officials, or any list) against a FollowTheMoney sanctions/PEP file.

The small side, the names screened, goes into a ``NameIndex``; the entities file is streamed
line by line and every name and alias of every Person entity is searched in that index, so
memory stays bounded whatever the file's size. A ``WordGate`` first skips, from its words
alone, every entity name the index could not find anything for (it errs only towards yes,
and keeps each word's answer, so the gate costs one computation per distinct word). Large
files are scanned by one worker process per core over byte ranges. A second streamed pass
reads only ``Sanction`` lines, for the programmes of the entities hit. Bad lines, nameless
entities and unknown schemata are counted and skipped, never fatal.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from followthemoney import model, registry

from habeas.domain.person import NameKind
from habeas.exceptions import InputError
from habeas.jobs.parallel import process_map, tapered_ranges
from habeas.jobs.tuning import fewer_collections, set_batch_collections
from habeas.names.blocking import Candidate, NameIndex
from habeas.names.compare import POSSIBLE_THRESHOLD, decide
from habeas.names.gate import WordGate

COUNTRY_FOR = 0.4  # log-odds: same nationality/country is weak evidence (most people share it)
COUNTRY_AGAINST = 1.5  # log-odds: a different nationality counts against (dual ones exist)
NAME_PROPS = ("name", "alias", "previousName")  # weakAlias is deliberately not matched
COUNTRY_PROPS = ("nationality", "citizenship", "country")
ALIAS = NameKind.ALIAS
PROGRESS_EVERY = 10_000
ScanProgress = Callable[[int, int, int], None]
"""Called with (entities read, bytes read, file size) every PROGRESS_EVERY lines."""
Search = Callable[[str, int | None, str | None], list[Candidate]]
"""The candidates for one name of an entity, with its birth year and gender."""
CANDIDATES_PER_NAME = 50  # screened persons kept per entity name and birth year
PARALLEL_FROM_BYTES = 64 * 2**20  # smaller files are scanned in this process
CHUNK_BYTES = 16 * 2**20  # byte range a worker scans at a time (progress granularity)
MAX_AUTO_WORKERS = 4  # each worker's word caches take up to about 1 GiB on a large file


@dataclass(frozen=True, slots=True)
class ScreenName:
    """One name to screen: whose (id), as written, with optional birth year and country."""

    id: str
    name: str
    birth_year: int | None = None
    country: str = ""
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """A screened name that may be a listed entity, with its programmes and the reason."""

    id: str
    entity_id: str
    entity_name: str
    score: float
    datasets: tuple[str, ...]
    topics: tuple[str, ...]
    programs: tuple[str, ...]
    authority: tuple[str, ...]
    since: str | None
    explanation: str
    matched_name: str = ""
    decision: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The hit as `habeas screen --format json` prints it."""
        return {
            "id": self.id,
            "entity_id": self.entity_id,
            "entity_name": self.entity_name,
            "score": round(self.score, 4),
            "decision": self.decision,
            "datasets": list(self.datasets),
            "topics": list(self.topics),
            "programs": list(self.programs),
            "authority": list(self.authority),
            "since": self.since,
            "matched_name": self.matched_name,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class ScreenReport:
    """What a screening found: hits, and how much of the file was read or skipped."""

    screened: int
    hits: list[Hit]
    skipped_lines: int
    entities_read: int
    skipped: dict[str, int] = field(default_factory=dict)
    file_hash: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON contract: screened, hits (+ skipped counts, entities read)."""
        return {
            "screened": self.screened,
            "hits": [hit.as_dict() for hit in self.hits],
            "entities_read": self.entities_read,
            "skipped_lines": self.skipped_lines,
            "skipped": dict(sorted(self.skipped.items())),
        }


def hits_json(hits: Iterable[Hit]) -> str:
    """Canonical JSON text of hits (as stored in a ScreeningRun)."""
    rows = [hit.as_dict() for hit in hits]
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=4096)
def country_code(value: str) -> str | None:
    """An ISO country code from a code or a country name ("Azerbaijan" -> "az")."""
    return registry.country.clean(value) if value.strip() else None


def _logit(score: float) -> float:
    score = min(max(score, 1e-9), 1.0 - 1e-9)
    return math.log(score / (1.0 - score))


def with_country(score: float, mine: str | None, theirs: set[str]) -> tuple[float, str]:
    """Adjust a name score for nationality/country; return it with the explanation clause."""
    if not mine or not theirs:
        return score, ""
    if mine in theirs:
        delta, note = COUNTRY_FOR, f"country {mine} agrees (+{COUNTRY_FOR})"
    else:
        shown = ", ".join(sorted(theirs))
        delta, note = -COUNTRY_AGAINST, f"country {mine} vs {shown} (−{COUNTRY_AGAINST})"
    return 1.0 / (1.0 + math.exp(-(_logit(score) + delta))), note


def _years(values: Iterable[str]) -> list[int | None]:
    years = sorted({int(v[:4]) for v in values if len(v) >= 4 and v[:4].isdigit()})
    return list(years) or [None]


def file_state(path: Path) -> tuple[int, int]:
    """Return a file's size and modification time (ns), to tell whether it changed."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise InputError(f"no such file: {path}. Download the entities file first.") from None
    return stat.st_size, stat.st_mtime_ns


def open_entities(path: Path) -> BinaryIO:
    """Open the entities file, or say in one line that it is missing."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(f"no such file: {path}. Download the entities file first.") from None


def _lines(path: Path, progress: ScanProgress | None, digest: Any) -> Iterator[bytes]:
    """Yield the file's lines, feeding the hash and reporting progress."""
    stream = open_entities(path)
    total = path.stat().st_size
    done = count = 0
    with stream:
        for line in stream:
            count += 1
            done += len(line)
            if digest is not None:
                digest.update(line)
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count, done, total)
            yield line
    if progress is not None:
        progress(count, done, total)


@dataclass(slots=True)
class _Scan:
    """Pass-one state: best hit per (screened id, entity id), skip counts, lines and bytes."""

    best: dict[tuple[str, str], Hit] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)
    entities: int = 0
    lines: int = 0
    read: int = 0

    def keep(self, hit: Hit) -> None:
        """Hold a hit unless a better one for the same pair is held."""
        key = (hit.id, hit.entity_id)
        held = self.best.get(key)
        if held is None or hit.score > held.score:
            self.best[key] = hit

    def merge(self, other: _Scan) -> None:
        """Add another part of the file's scan to this one."""
        for hit in other.best.values():
            self.keep(hit)
        self.skipped.update(other.skipped)
        self.entities += other.entities
        self.lines += other.lines
        self.read += other.read


class Screener:
    """The screened names' index and word gate, and the search of one entity line."""

    def __init__(self, names: list[ScreenName], threshold: float) -> None:
        """Index the names (the small side) and prepare the gate for the streamed side."""
        self.index = NameIndex()
        self.countries: dict[str, str | None] = {}
        for record in names:
            self.index.add(record.id, record.name, record.birth_year, record.gender)
            if record.country:
                self.countries[record.id] = country_code(record.country)
            else:
                self.countries.setdefault(record.id, None)
        self.gate = WordGate(self.index)
        self.threshold = threshold
        # a country agreeing lifts a score by COUNTRY_FOR: search that much lower
        self.minimum = min(threshold, 1.0 / (1.0 + math.exp(-(_logit(threshold) - COUNTRY_FOR))))

    def line(self, line: bytes, state: _Scan) -> None:
        """Read one line of the file into the scan state."""
        entity, data = person_entity(line, state.skipped)
        state.entities += entity
        if data is None:
            return
        try:
            for hit in self.entity_hits(data):
                state.keep(hit)
        except LookupError:
            state.skipped["entity without a name"] += 1
        except (AttributeError, TypeError, ValueError):
            state.skipped["malformed entity"] += 1

    def entity_hits(self, data: dict[str, Any], search: Search | None = None) -> Iterator[Hit]:
        """Search every name of one Person entity; yield the hits at or above the threshold.

        ``search`` (name, birth year, gender) -> candidates replaces the gate and the index's
        search when given (a screening index found them beforehand).
        """
        facts = entity_facts(data)
        names = facts.names
        if search is None:
            names = [name for name in names if self.gate.may_find(name)]
            search = self._search
        if not names:
            return
        entity_name = str(data.get("caption") or facts.names[0])
        for name in names:
            for year in facts.years:
                for candidate in search(name, year, facts.gender):
                    score, note = with_country(
                        candidate.match.score, self.countries.get(candidate.id), facts.countries
                    )
                    if score < self.threshold:
                        continue
                    explanation = f"{candidate.name} ~ {name}: {candidate.match.explanation}"
                    yield Hit(
                        id=candidate.id,
                        entity_id=facts.id,
                        entity_name=entity_name,
                        score=score,
                        datasets=facts.datasets,
                        topics=facts.topics,
                        programs=(),
                        authority=(),
                        since=None,
                        explanation=f"{explanation}; {note}" if note else explanation,
                        matched_name=name,
                        decision=decide(score).value,
                    )

    def _search(self, name: str, year: int | None, gender: str | None) -> list[Candidate]:
        """Search one name of an entity in the screened names' index."""
        return self.index.search(
            name, birth_year=year, gender=gender, limit=CANDIDATES_PER_NAME, minimum=self.minimum
        )


@dataclass(frozen=True, slots=True)
class EntityFacts:
    """What screening reads of a Person entity: id, names, birth years, gender, countries."""

    id: str
    names: list[str]  # name, alias, previousName; each spelling once, in that order
    years: list[int | None]  # distinct birth years, ascending; [None] if none is known
    gender: str | None
    countries: set[str]  # ISO codes of nationality, citizenship, country
    topics: tuple[str, ...]
    datasets: tuple[str, ...]


def entity_facts(data: dict[str, Any]) -> EntityFacts:
    """Read a Person entity's facts; LookupError if it has no name or no id, TypeError,
    ValueError or AttributeError if a property is malformed."""
    properties = data.get("properties") or {}
    names = [n for prop in NAME_PROPS for n in properties.get(prop) or () if isinstance(n, str)]
    if not names:
        raise LookupError("entity without a name")
    codes = (country_code(str(v)) for p in COUNTRY_PROPS for v in properties.get(p) or ())
    theirs = {str(code) for code in codes if code}
    gender = (properties.get("gender") or [None])[0]  # FtM's "other" is no cue (compare)
    years = _years(properties.get("birthDate") or ())
    if not data.get("id"):
        raise ValueError("entity without an id")
    return EntityFacts(
        id=str(data["id"]),
        names=list(dict.fromkeys(names)),
        years=years,
        gender=gender if isinstance(gender, str) else None,
        countries=theirs,
        topics=tuple(properties.get("topics") or ()),
        datasets=tuple(data.get("datasets") or ()),
    )


def person_entity(line: bytes, skipped: Counter[str]) -> tuple[bool, dict[str, Any] | None]:
    """Read one line of an entities file: whether it is an entity, and the entity if it is a
    Person (or derived from one). Malformed lines and unknown schemata are counted in
    skipped; blank lines and other schemata are not."""
    if not line.strip():
        return False, None
    try:
        data = orjson.loads(line)
        schema = person_schema(str(data["schema"]))
    except (ValueError, KeyError, TypeError):
        skipped["malformed line"] += 1
        return False, None
    if schema is None:
        skipped["unknown schema"] += 1
    return True, data if schema else None


@lru_cache(maxsize=1024)
def person_schema(name: str) -> bool | None:
    """True for a Person schema (or one derived from it), False for others, None if unknown."""
    schema = model.get(name)
    return None if schema is None else schema.is_a("Person")


def _scan_here(
    against: Path, screener: Screener, progress: ScanProgress | None, digest: Any
) -> _Scan:
    """Pass one in this process: search every Person entity's names in the index."""
    state = _Scan()
    with fewer_collections():
        for line in _lines(against, progress, digest):
            screener.line(line, state)
    return state


_WORKER: Screener | None = None


def _start_worker(names: list[ScreenName], threshold: float) -> None:
    """Build the index and gate once in a worker process."""
    global _WORKER
    set_batch_collections()  # a worker only scans
    _WORKER = Screener(names, threshold)


def _scan_range(job: tuple[Path, int, int]) -> _Scan:
    """Scan the lines that start in [start, end) of the file, in a worker process."""
    path, start, end = job
    assert _WORKER is not None
    state = _Scan()
    with path.open("rb") as stream:
        stream.seek(start)
        position = start
        while position < end:
            line = stream.readline()
            if not line:
                break
            position += len(line)
            state.lines += 1
            _WORKER.line(line, state)
    state.read = position - start
    return state


def _scan_parallel(
    against: Path,
    names: list[ScreenName],
    threshold: float,
    workers: int,
    progress: ScanProgress | None,
    digest: Any,
) -> _Scan:
    """Pass one in worker processes over byte ranges of the file; this process hashes it."""
    size = against.stat().st_size
    jobs = tapered_ranges(against, size, CHUNK_BYTES, workers)
    state = _Scan()
    with process_map(_scan_range, jobs, workers, _start_worker, (names, threshold)) as results:
        with open_entities(against) as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        for part in results:
            state.merge(part)
            if progress is not None:
                progress(state.lines, state.read, size)
    return state


def worker_count(against: Path, workers: int | None) -> int:
    """Return how many processes to scan with: one for small files, else one per core (at
    most MAX_AUTO_WORKERS unless asked)."""
    if workers is not None:
        return max(1, workers)
    try:
        size = against.stat().st_size
    except FileNotFoundError:
        return 1
    if size < PARALLEL_FROM_BYTES:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return max(1, min(cores, MAX_AUTO_WORKERS))


def sanction_targets(line: bytes) -> list[tuple[str, dict[str, Any]]]:
    """Return (entity id, properties) for each entity a Sanction line points at, else []."""
    if b"Sanction" not in line:
        return []
    try:
        data = json.loads(line)
        if data.get("schema") != "Sanction":
            return []
        properties = data.get("properties") or {}
        return [(str(target), properties) for target in properties.get("entity") or ()]
    except (ValueError, AttributeError, TypeError):
        return []


def _sanctions(against: Path, entity_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Pass two: the properties of Sanction entities pointing at the given entities."""
    found: dict[str, list[dict[str, Any]]] = {}
    for line in _lines(against, None, None):
        for target, properties in sanction_targets(line):
            if target in entity_ids:
                found.setdefault(target, []).append(properties)
    return found


def with_sanctions(hit: Hit, sanctions: list[dict[str, Any]]) -> Hit:
    def values(*props: str) -> list[str]:
        return sorted({str(v) for s in sanctions for p in props for v in s.get(p) or ()})

    since = values("startDate", "listingDate")
    return replace(
        hit,
        programs=tuple(values("program", "programId")),
        authority=tuple(values("authority")),
        since=since[0] if since else None,
    )


def screen(
    names: Iterable[ScreenName],
    against: Path,
    *,
    threshold: float | None = None,
    progress: ScanProgress | None = None,
    workers: int | None = None,
    index_dir: Path | None = None,
    on_build: Callable[[], None] | None = None,
) -> ScreenReport:
    """Screen names against an entities.ftm.json file; hits at or above threshold (0.5).

    With ``index_dir``, the file's screening index there is used (built first if missing,
    then ``on_build`` is called first): the same report, in a fraction of the time once built.
    Without, the file is streamed: files of PARALLEL_FROM_BYTES or more by one worker process
    per core (or ``workers``), each over byte ranges of the file; smaller ones in this process.
    """
    minimum = POSSIBLE_THRESHOLD if threshold is None else threshold
    if not 0.0 < minimum <= 1.0:
        raise InputError(f"threshold {minimum} is outside 0..1; use e.g. 0.5 or 0.8")
    listed = list(names)
    if index_dir is not None:
        from habeas.jobs.screen_index import open_index  # it builds on this module

        count = worker_count(against, workers)
        opened = open_index(against, index_dir, workers=count, progress=progress, on_build=on_build)
        try:
            return opened.screen(listed, minimum, workers=count)
        finally:
            opened.close()
    digest = hashlib.sha256()
    count = worker_count(against, workers)
    if count > 1:
        state = _scan_parallel(against, listed, minimum, count, progress, digest)
    else:
        state = _scan_here(against, Screener(listed, minimum), progress, digest)
    screened = {record.id for record in listed}
    hits = list(state.best.values())
    if hits:
        sanctions = _sanctions(against, {hit.entity_id for hit in hits})
        hits = [with_sanctions(hit, sanctions.get(hit.entity_id, [])) for hit in hits]
    hits.sort(key=lambda hit: (-hit.score, hit.id, hit.entity_id))
    return ScreenReport(
        screened=len(screened),
        hits=hits,
        skipped_lines=state.skipped["malformed line"],
        entities_read=state.entities,
        skipped=dict(state.skipped),
        file_hash=f"sha256:{digest.hexdigest()}",
    )

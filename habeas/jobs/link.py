"""Link two lists of names: every pair of rows that may denote one person, with the reason.

The right list is indexed in a ``NameIndex`` (rows sharing an id are spellings of one
person); the left list is streamed row by row, so its length is bounded only by time.
Consecutive left rows sharing an id are one person too: each right person appears once
for them, with the best of their scores.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from habeas.exceptions import InputError
from habeas.ingest.decrees import ParsedDecree
from habeas.jobs.tuning import fewer_collections
from habeas.names.blocking import NameIndex
from habeas.names.compare import POSSIBLE_THRESHOLD, Decision

COLUMNS = ("left_id", "right_id", "score", "decision", "explanation")
JSON_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
_GENDERS = {"m": "male", "male": "male", "f": "female", "female": "female"}


@dataclass(frozen=True, slots=True)
class ListRecord:
    """One row of a list: an id, a name as written, and optional birth year and gender."""

    id: str
    name: str
    birth_year: int | None = None
    gender: str | None = None
    country: str = ""  # read for screening; linking ignores it
    birth_date: str = ""  # as written; screening takes its year when birth_year is absent
    line: int = field(default=0, compare=False)  # where it was read, for error messages


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A left row and a right person that may be one person: score, decision, explanation."""

    left_id: str
    right_id: str
    score: float
    decision: Decision
    explanation: str

    def as_dict(self) -> dict[str, Any]:
        """Return the row as a dict with the output column names."""
        return {
            "left_id": self.left_id,
            "right_id": self.right_id,
            "score": self.score,
            "decision": self.decision.value,
            "explanation": self.explanation,
        }


def build_index(records: Iterable[ListRecord]) -> NameIndex:
    """Index every record's name under its id (repeated ids add spellings)."""
    index = NameIndex()
    with fewer_collections():
        for record in records:
            index.add(record.id, record.name, record.birth_year, record.gender)
    return index


def _search(
    index: NameIndex, records: list[ListRecord], minimum: float, limit: int
) -> list[LinkRow]:
    """Search one left person (one or more rows) and keep the best row per right person."""
    best: dict[str, LinkRow] = {}
    for record in records:
        found = index.search(
            record.name,
            birth_year=record.birth_year,
            gender=record.gender,
            limit=limit,
            minimum=minimum,
        )
        for candidate in found:
            match = candidate.match
            if match.score < minimum:
                continue
            held = best.get(candidate.id)
            if held is None or match.score > held.score:
                best[candidate.id] = LinkRow(
                    record.id, candidate.id, match.score, match.decision, match.explanation
                )
    return sorted(best.values(), key=lambda row: (-row.score, row.right_id))


def link_lists(
    left: Iterable[ListRecord],
    right: Iterable[ListRecord] | NameIndex,
    *,
    threshold: float | None = None,
    limit: int | None = None,
) -> Iterator[LinkRow]:
    """Yield every (left, right) pair scoring at or above threshold (default: possible).

    ``right`` may be a ready ``NameIndex`` (see ``build_index``). Thresholds below possible
    (0.5) may miss pairs: blocking only promises every pair at possible and above.
    """
    minimum = POSSIBLE_THRESHOLD if threshold is None else threshold
    if not 0.0 <= minimum <= 1.0:
        raise InputError(f"threshold {minimum} is outside 0..1; use e.g. 0.5 or 0.8")
    with fewer_collections():
        index = right if isinstance(right, NameIndex) else build_index(right)
        cap = limit if limit is not None else max(len(index), 1)
        for _, group in itertools.groupby(left, key=lambda record: record.id):
            yield from _search(index, list(group), minimum, cap)


def decree_records(decree: ParsedDecree) -> Iterator[ListRecord]:
    """Return a decree's entries as list records with ids "SOURCE:LINE"."""
    for entry in decree.entries:
        yield ListRecord(
            f"{decree.source}:{entry.line}", entry.name, entry.birth_year, entry.gender
        )


def _year(value: Any, file: str, line: int) -> int | None:
    """Return a birth year from a cell, or raise InputError naming the line."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        year = 0
    if not 1800 <= year <= 2100:
        raise InputError(
            f'birth_year "{value}" is not a year (use four digits, e.g. 1975, or leave it empty)',
            file=file,
            line=line,
            column="birth_year",
        )
    return year


def _gender(value: Any, file: str, line: int) -> str | None:
    """Return "male", "female" or None from a cell, or raise InputError naming the line."""
    if value is None or not str(value).strip():
        return None
    gender = _GENDERS.get(str(value).strip().lower())
    if gender is None:
        raise InputError(
            f'gender "{value}" is not male, female, m or f (or empty)',
            file=file,
            line=line,
            column="gender",
        )
    return gender


def _record(row: dict[str, Any], file: str, line: int) -> ListRecord:
    """Turn one row (CSV or JSON) into a record, checking id and name."""
    values = {key: row.get(key) for key in ("id", "name")}
    for key, value in values.items():
        if value is None or not str(value).strip():
            raise InputError(f"empty {key}", file=file, line=line, column=key)
    return ListRecord(
        str(values["id"]).strip(),
        str(values["name"]).strip(),
        _year(row.get("birth_year"), file, line),
        _gender(row.get("gender"), file, line),
        str(row.get("country") or "").strip(),
        str(row.get("birth_date") or "").strip(),
        line,
    )


def _csv_records(stream: Iterable[str], file: str) -> Iterator[ListRecord]:
    """Yield records from CSV with a header naming id and name (birth_year, gender optional)."""
    reader = csv.DictReader(stream)
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    for column in ("id", "name"):
        if column not in header:
            shown = ", ".join(header) if header else "nothing"
            raise InputError(
                f'missing column "{column}" (the header has {shown}); '
                "a list needs id and name columns",
                file=file,
                line=1,
            )
    try:
        for row in reader:
            if None in row:
                raise InputError("more cells than header columns", file=file, line=reader.line_num)
            yield _record(row, file, reader.line_num)
    except csv.Error as exc:
        raise InputError(f"not valid CSV ({exc})", file=file, line=reader.line_num) from None


def _json_records(stream: Iterable[str], file: str) -> Iterator[ListRecord]:
    """Yield records from JSON Lines objects with id and name keys."""
    for number, text in enumerate(stream, start=1):
        if not text.strip():
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON ({exc.msg})", file=file, line=number) from None
        if not isinstance(row, dict):
            raise InputError("a line must be a JSON object", file=file, line=number)
        yield _record(row, file, number)


def read_list(path: Path | str) -> Iterator[ListRecord]:
    """Read a list from CSV (header with id, name) or JSON Lines; "-" reads stdin."""
    name = str(path)
    if name == "-":
        head = sys.stdin.readline()
        lines = itertools.chain([head], sys.stdin)
        reader = _json_records if head.lstrip().startswith("{") else _csv_records
        yield from reader(lines, "<stdin>")
        return
    file = Path(path)
    try:
        with file.open(encoding="utf-8-sig", newline="") as stream:
            if file.suffix.lower() in JSON_SUFFIXES:
                yield from _json_records(stream, file.name)
            else:
                yield from _csv_records(stream, file.name)
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 at byte {exc.start}; save it as UTF-8", file=file.name
        ) from None

"""The minimal CSV format a spreadsheet user fills in: persons.csv and events.csv.

Documented in docs/csv-format.md. Which file is which is told by its header.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from habeas.domain.dates import parse_partial_date
from habeas.domain.event import Event, EventKind
from habeas.domain.person import Gender, NameKind, Person, PersonName, Script
from habeas.domain.source import Citation, Source, SourceKind, source_id_for_url
from habeas.exceptions import InputError
from habeas.ingest.imports.terms import parse_detail
from habeas.names.script import Script as NameScript
from habeas.names.script import detect_script
from habeas.storage.registry import ChangeSet

PERSON_COLUMNS = ("person_id", "name", "other_names", "birth_year", "gender", "occupation")
EVENT_COLUMNS = ("event_id", "person_id", "type", "date", "detail", "source_url")
PERSON_OPTIONAL = ("country", "affiliations")
EVENT_OPTIONAL = ("case_id", "source_title", "quote", "criteria", "uncertain", "recorded_at")

_GENDERS = {
    "m": Gender.MALE,
    "male": Gender.MALE,
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
    "other": Gender.OTHER,
    "": Gender.UNKNOWN,
    "unknown": Gender.UNKNOWN,
}


@dataclass(frozen=True, slots=True)
class Row:
    """One data row with its line number in the file."""

    line: int
    values: Mapping[str, str]


def read_text(path: Path, label: str) -> str:
    """A file's text as UTF-8 (BOM allowed); InputError naming the line of a bad byte."""
    if str(path) == "-":
        import sys

        data = sys.stdin.buffer.read()
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read the file ({exc.strerror})", file=label) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"is not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8 and retry",
            file=label,
            line=line,
        ) from exc


def read_rows(text: str, label: str) -> tuple[list[str], list[Row]]:
    """Header and rows of a CSV text; InputError for an empty or ragged file."""
    if not text.strip():
        raise InputError("the file is empty; it needs a header and at least one row", file=label)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
        rows: list[Row] = []
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                raise InputError(
                    f"has {len(record)} fields but the header has {len(header)}",
                    file=label,
                    line=line,
                )
            rows.append(Row(line, dict(zip(header, (c.strip() for c in record), strict=True))))
    except csv.Error as exc:
        raise InputError(f"is not valid CSV ({exc})", file=label, line=reader.line_num) from exc
    if not rows:
        raise InputError("has a header but no rows", file=label)
    return header, rows


def file_kind(header: list[str], label: str) -> str:
    """ "persons" or "events" from the header; InputError when it is neither."""
    columns = set(header)
    if set(PERSON_COLUMNS) <= columns and "type" not in columns:
        return "persons"
    if set(EVENT_COLUMNS) <= columns:
        return "events"
    persons_missing = [c for c in PERSON_COLUMNS if c not in columns]
    events_missing = [c for c in EVENT_COLUMNS if c not in columns]
    closer, missing = (
        ("persons.csv", persons_missing)
        if len(persons_missing) <= len(events_missing)
        else ("events.csv", events_missing)
    )
    raise InputError(
        f"header is neither persons.csv nor events.csv; as {closer} it lacks "
        + ", ".join(missing)
        + " (see docs/csv-format.md)",
        file=label,
        line=1,
    )


_SCRIPTS = {
    NameScript.LATIN: Script.LATN,
    NameScript.CYRILLIC: Script.CYRL,
    NameScript.ARABIC: Script.ARAB,
    NameScript.ARMENIAN: Script.ARMN,
    NameScript.GEORGIAN: Script.GEOR,
}


def name_script(text: str) -> Script:
    """The ISO 15924 script of a name, as stored (Zyyy when mixed or unknown)."""
    return _SCRIPTS.get(detect_script(text), Script.OTHER)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def parse_persons(rows: list[Row], label: str, existing: Mapping[str, Person]) -> ChangeSet:
    """Persons from persons.csv rows, merged over what is stored (names are kept, not lost)."""
    changes = ChangeSet()
    seen: dict[str, int] = {}
    for row in rows:
        v = row.values
        person_id = v["person_id"]
        if not person_id:
            raise InputError("person_id is empty", file=label, line=row.line, column="person_id")
        if person_id in seen:
            raise InputError(
                f'duplicate person_id "{person_id}" (first on line {seen[person_id]})',
                file=label,
                line=row.line,
                column="person_id",
            )
        seen[person_id] = row.line
        if not v["name"]:
            raise InputError("name is empty", file=label, line=row.line, column="name")
        values = [v["name"], *_split(v["other_names"])]
        names = [PersonName(n, name_script(n), kind=NameKind.TRANSLITERATION) for n in values]
        birth = None
        if v["birth_year"]:
            try:
                birth = parse_partial_date(v["birth_year"])
            except ValueError as exc:
                raise InputError(str(exc), file=label, line=row.line, column="birth_year") from None
        gender_text = v["gender"].lower()
        if gender_text not in _GENDERS:
            raise InputError(
                f'gender "{v["gender"]}" is unknown; use male, female, other or leave empty',
                file=label,
                line=row.line,
                column="gender",
            )
        old = existing.get(person_id)
        if old is not None:
            # A spelling already stored keeps its script, language, kind and source: a
            # spreadsheet (or a web form) row lists the values, not where they came from.
            stored = {n.value: n for n in old.names}
            names = [stored.get(n.value, n) for n in names]
            kept = [n for n in old.names if n.value not in values]
            person = replace(
                old,
                names=tuple(names + kept),
                birth=birth,
                gender=_GENDERS[gender_text],
                occupations=tuple(_split(v["occupation"])),
                country=v.get("country", old.country),
                affiliations=tuple(_split(v["affiliations"]))
                if "affiliations" in v
                else old.affiliations,
            )
        else:
            person = Person(
                id=person_id,
                names=tuple(names),
                birth=birth,
                gender=_GENDERS[gender_text],
                occupations=tuple(_split(v["occupation"])),
                country=v.get("country", ""),
                affiliations=tuple(_split(v.get("affiliations", ""))),
            )
        changes.persons.append(person)
        changes.origins[f"person:{person_id}"] = f"{label}, line {row.line}"
    return changes


def parse_events(rows: list[Row], label: str) -> ChangeSet:
    """Events (and the sources their URLs name) from events.csv rows."""
    changes = ChangeSet()
    seen: dict[str, int] = {}
    sources: dict[str, Source] = {}
    kinds = {k.value for k in EventKind}
    for row in rows:
        v = row.values

        def fail(problem: str, column: str, line: int = row.line) -> InputError:
            return InputError(problem, file=label, line=line, column=column)

        event_id = v["event_id"]
        if not event_id:
            raise fail("event_id is empty", "event_id")
        if event_id in seen:
            raise fail(
                f'duplicate event_id "{event_id}" (first on line {seen[event_id]})', "event_id"
            )
        seen[event_id] = row.line
        if not v["person_id"]:
            raise fail("person_id is empty", "person_id")
        kind_text = v["type"].lower().replace(" ", "_").replace("-", "_")
        if kind_text not in kinds:
            raise fail(
                f'unknown event type "{v["type"]}"; use one of ' + ", ".join(sorted(kinds)), "type"
            )
        kind = EventKind(kind_text)
        if not v["date"]:
            raise fail("date is empty; write YYYY, YYYY-MM or YYYY-MM-DD", "date")
        try:
            when = parse_partial_date(v["date"])
        except ValueError as exc:
            raise fail(str(exc), "date") from None
        try:
            detail = parse_detail(kind, v["detail"])
        except ValueError as exc:
            raise fail(str(exc), "detail") from None
        recorded_at = None
        if v.get("recorded_at"):
            try:
                recorded_at = datetime.fromisoformat(v["recorded_at"])
            except ValueError:
                raise fail(
                    f'"{v["recorded_at"]}" is not a date-time; write YYYY-MM-DD or '
                    "YYYY-MM-DDTHH:MM",
                    "recorded_at",
                ) from None
            recorded_at = recorded_at.replace(tzinfo=None)
        citations: tuple[Citation, ...] = ()
        url = v["source_url"]
        if url:
            source_id = source_id_for_url(url)
            if source_id not in sources:
                sources[source_id] = Source(
                    id=source_id,
                    title=v.get("source_title") or url,
                    kind=SourceKind.ARTICLE,
                    urls=(url,),
                )
            citations = (Citation(source_id, v.get("quote", "")),)
        try:
            event = Event(
                id=event_id,
                kind=kind,
                person_id=v["person_id"],
                date=when,
                case_id=v.get("case_id") or None,
                date_uncertain=v.get("uncertain", "").lower() in ("1", "yes", "true", "y"),
                detail=detail.text,
                term_months=detail.term_months,
                sentence_kind=detail.sentence_kind,
                release_reason=detail.release_reason,
                measure=detail.measure,
                outcome=detail.outcome,
                organisation=detail.organisation,
                criteria=v.get("criteria", ""),
                facility=detail.facility,
                citations=citations,
                recorded_at=recorded_at,
            )
        except ValueError as exc:
            raise fail(str(exc), "detail") from None
        changes.events.append(event)
        changes.origins[f"event:{event_id}"] = f"{label}, line {row.line}"
    changes.sources.extend(sources.values())
    return changes

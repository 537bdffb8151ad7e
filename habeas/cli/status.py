"""count, list, timeline, due: who was a political prisoner, when."""

from __future__ import annotations

import json
import re
import sys
from datetime import date

import typer

from habeas.cli.common import (
    CountFormat,
    Format,
    day_option,
    known_at_option,
    now,
    registry,
    write_rows,
)
from habeas.domain.dates import day_steps, month_starts
from habeas.domain.sentence import format_term
from habeas.jobs.report import due, timeline

AS_OF = typer.Option(..., "--as-of", help="The date asked about, YYYY-MM-DD.")
KNOWN_AT = typer.Option(
    None, "--known-at", help="Answer as the registry knew it then (YYYY-MM-DD or date-time)."
)
BY = typer.Option(None, "--by", help="Count only recognitions by this organisation.")


def count_command(
    as_of: str = AS_OF,
    known_at: str | None = KNOWN_AT,
    by: str | None = BY,
    fmt: CountFormat = typer.Option(CountFormat.TEXT, "--format", help="text or json."),
) -> None:
    """Print how many political prisoners there were on a date (the number alone)."""
    on = day_option(as_of, "--as-of")
    assert on is not None
    known = known_at_option(known_at)
    number = registry().count(on, known, by)
    if fmt is CountFormat.JSON:
        payload = {
            "as_of": on.isoformat(),
            "known_at": known.isoformat() if known else None,
            "by": by,
            "count": number,
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(f"{number}\n")


def list_command(
    as_of: str = AS_OF,
    known_at: str | None = KNOWN_AT,
    by: str | None = BY,
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """Print who the political prisoners were on a date."""
    on = day_option(as_of, "--as-of")
    assert on is not None
    entries = registry().list_on(on, known_at_option(known_at), by)
    rows = [
        {
            "id": e.person.id,
            "name": e.person.name,
            "other_names": list(e.person.other_names),
            "since": e.since.isoformat(),
            "recognised_by": list(e.organisations),
        }
        for e in entries
    ]
    columns = ["id", "name", "other_names", "since", "recognised_by"]
    if fmt is Format.TABLE:
        columns.remove("other_names")
    write_rows(rows, columns, fmt, title=f"Political prisoners on {on} ({len(rows)})")


_EVERY = re.compile(r"^(\d*)\s*(day|days|week|weeks|month|months|year|years)$")


def _points(start: date, end: date, every: str) -> list[date]:
    match = _EVERY.match(every.strip().lower())
    if not match:
        raise typer.BadParameter(
            f'"{every}" is not a step; use day, week, month, year or e.g. 3months',
            param_hint="--every",
        )
    step = int(match.group(1) or 1)
    unit = match.group(2).rstrip("s")
    if step < 1:
        raise typer.BadParameter("the step must be at least 1", param_hint="--every")
    if unit == "day":
        return day_steps(start, end, step)
    if unit == "week":
        return day_steps(start, end, 7 * step)
    return month_starts(start, end, step * (12 if unit == "year" else 1))


def timeline_command(
    start: str = typer.Option(..., "--from", help="First date, YYYY-MM-DD."),
    end: str = typer.Option(..., "--to", help="Last date, YYYY-MM-DD."),
    every: str = typer.Option("month", "--every", help="Step: day, week, month, year, 3months."),
    known_at: str | None = KNOWN_AT,
    by: str | None = BY,
    fmt: Format = typer.Option(Format.CSV, "--format", help="csv, table or json."),
) -> None:
    """Print counts of political prisoners over time."""
    first = day_option(start, "--from")
    last = day_option(end, "--to")
    assert first is not None and last is not None
    if last < first:
        raise typer.BadParameter(f"--to {last} is before --from {first}", param_hint="--to")
    points = _points(first, last, every)
    counts = timeline(registry(), points, by=by, known_at=known_at_option(known_at))
    rows = [{"date": d.isoformat(), "count": n} for d, n in counts]
    write_rows(rows, ["date", "count"], fmt, title="Political prisoners over time")


_WITHIN = re.compile(r"^(\d+)\s*(d|days?|w|weeks?|m|months?)?$")


def _within_days(text: str) -> int:
    match = _WITHIN.match(text.strip().lower())
    if not match:
        raise typer.BadParameter(
            f'"{text}" is not a span; write e.g. 90d, 12w or 3m', param_hint="--within"
        )
    number = int(match.group(1))
    unit = (match.group(2) or "d")[0]
    return number * {"d": 1, "w": 7, "m": 30}[unit]


def due_command(
    within: str = typer.Option("90d", "--within", help="Look ahead this far: 90d, 12w, 3m."),
    today: str | None = typer.Option(None, "--today", help="Pretend today is this date."),
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """List people whose term should end soon, and flag those held past it."""
    day = day_option(today, "--today") or now().date()
    entries = due(registry(), day, _within_days(within))
    rows = [
        {
            "id": e.person.id,
            "name": e.person.name,
            "term": "life" if e.sentence.life else format_term(e.sentence.term_months or 0),
            "term_start": e.sentence.term_start.isoformat(),
            "expected_release": e.sentence.expected_release.isoformat()
            if e.sentence.expected_release
            else "",
            "days_left": e.sentence.left_days,
            "flag": "HELD PAST TERM" if e.sentence.overdue else "",
        }
        for e in entries
    ]
    columns = ["id", "name", "term", "term_start", "expected_release", "days_left", "flag"]
    write_rows(rows, columns, fmt, title=f"Terms ending by {day} + {within}")


def reindex_command() -> None:
    """Rebuild derived indexes (custody spells, name search keys) from the stored records."""
    persons = registry().rebuild_index()
    sys.stdout.write(f"Rebuilt indexes for {persons} persons.\n")

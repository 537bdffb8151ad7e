"""What every command shares: the registry, dates, output formats and the clock."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

import typer
from rich.console import Console

from habeas.domain.dates import parse_day
from habeas.settings import load_settings
from habeas.storage.sql import SqlRegistry


@dataclass
class State:
    """Global options, set by the root callback."""

    db_url: str = ""
    actor: str = ""
    debug: bool = False


STATE = State()
console = Console()
err_console = Console(stderr=True)


class Format(StrEnum):
    """Output formats of list-like commands."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"


class CountFormat(StrEnum):
    """Output formats of `count`."""

    TEXT = "text"
    JSON = "json"


def registry() -> SqlRegistry:
    """The registry named by --db / HABEAS_DB (default: habeas.db here)."""
    return SqlRegistry(STATE.db_url or load_settings().db_url)


def now() -> datetime:
    """The current time, naive UTC (knowledge times are stored that way)."""
    return datetime.now(UTC).replace(tzinfo=None)


def day_option(value: str | None, name: str) -> date | None:
    """A YYYY-MM-DD option value; a usage error (exit 2) when malformed."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=name) from None


def known_at_option(value: str | None) -> datetime | None:
    """--known-at: a date means the end of that day; a date-time is taken as given (UTC)."""
    if value is None:
        return None
    if "T" in value or " " in value.strip():
        try:
            return datetime.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            raise typer.BadParameter(
                f'"{value}" is not a date or date-time', param_hint="--known-at"
            ) from None
    day = day_option(value, "--known-at")
    assert day is not None
    return datetime.combine(day, time.max)


def open_output(path: Path | None) -> TextIO:
    """A text stream for -o PATH, or stdout for None or '-'."""
    if path is None or str(path) == "-":
        return sys.stdout
    return path.open("w", encoding="utf-8", newline="")


def write_rows(
    rows: list[dict[str, Any]], columns: list[str], fmt: Format, title: str = ""
) -> None:
    """Print rows as a rich table, CSV or JSON."""
    if fmt is Format.JSON:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is Format.CSV:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k), "|") for k in columns})
        return
    from rich.table import Table

    table = Table(title=title or None)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c), ", ") for c in columns))
    console.print(table)


def _cell(value: Any, separator: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return separator.join(str(v) for v in value)
    return str(value)

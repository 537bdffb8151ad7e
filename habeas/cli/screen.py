"""screen: check officials (or any list of names) against a FollowTheMoney sanctions file."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from habeas.cli.common import STATE, console, err_console, now, registry
from habeas.domain.dates import parse_partial_date
from habeas.exceptions import InputError
from habeas.jobs.link import read_list

if TYPE_CHECKING:  # followthemoney loads in ~0.5 s: only when screening
    from habeas.jobs.screen import ScanProgress, ScreenName, ScreenReport


class ScreenFormat(StrEnum):
    """Output formats of `screen`."""

    TABLE = "table"
    JSON = "json"


def read_names(path: Path) -> list[ScreenName]:
    """Read a list as `habeas link` does (id, name, birth_year, gender) plus country and
    birth_date (its year is used when birth_year is absent)."""
    from habeas.jobs.screen import ScreenName

    names = []
    for r in read_list(path):
        year = r.birth_year
        if year is None and r.birth_date:
            try:
                year = parse_partial_date(r.birth_date).year
            except ValueError as exc:
                raise InputError(f"birth_date: {exc}", file=path.name, line=r.line) from None
        names.append(ScreenName(r.id, r.name, year, r.country, r.gender))
    return names


@contextmanager
def scan_progress() -> Iterator[tuple[ScanProgress, Callable[[], None]]]:
    """A progress bar on stderr for reading the entities file (bytes, entities read), and
    what to call when the file is about to be indexed (the bar says so)."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task("Reading entities", total=None)
        doing = ["entities"]

        def update(entities: int, done: int, total: int) -> None:
            described = f"{entities:,} {doing[0]}"
            bar.update(task, completed=done, total=total, description=described)

        def on_build() -> None:
            doing[0] = "entities indexed (once for this file)"
            err_console.print(
                "Indexing the entities file once; later screenings against it take seconds.",
                highlight=False,
            )

        yield update, on_build


def _print_table(payload: dict[str, Any]) -> None:
    table = Table(title=f"{len(payload['hits'])} hits for {payload['screened']} names screened")
    for column in ("id", "entity_name", "score", "programs", "topics", "explanation"):
        table.add_column(column, overflow="fold")
    for hit in payload["hits"]:
        table.add_row(
            hit["id"],
            f"{hit['entity_name']} ({hit['entity_id']})",
            f"{hit['score']:.2f}",
            ", ".join(hit["programs"]),
            ", ".join(hit["topics"]),
            hit["explanation"],
        )
    console.print(table)
    changes = payload.get("changes")
    if changes:
        for label in ("designated", "delisted"):
            for hit in changes[label]:
                console.print(f"{label}: {hit['id']} ~ {hit['entity_name']} ({hit['entity_id']})")


PLURALS = {"entity without a name": "entities without a name", "unknown schema": "unknown schemata"}


def _plural(why: str, n: int) -> str:
    return why if n == 1 else PLURALS.get(why, why + "s")


def _summary(report: ScreenReport) -> str:
    skipped = ", ".join(f"{n} {_plural(why, n)}" for why, n in sorted(report.skipped.items()))
    text = f"{report.entities_read:,} entities read; {len(report.hits)} hits."
    return f"{text} Skipped: {skipped}." if skipped else text


def screen_command(
    names: Path | None = typer.Option(
        None,
        "--names",
        help="List to screen (CSV or .jsonl with id, name; optional birth_year, gender, "
        "country; - for stdin). Default: the registry's officials.",
    ),
    against: Path = typer.Option(
        ..., "--against", help="FollowTheMoney entities file (entities.ftm.json, one per line)."
    ),
    fmt: ScreenFormat = typer.Option(ScreenFormat.TABLE, "--format", help="table or json."),
    threshold: float | None = typer.Option(
        None,
        "--threshold",
        min=0.0,
        max=1.0,
        help="Lowest score to report (default 0.5, 'possible'; 0.8 is 'match').",
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        help="Processes that read the file (default: one per core for files of 64 MiB or "
        "more, else 1).",
    ),
    index_dir: Path | None = typer.Option(
        None,
        "--index-dir",
        help="Folder of screening indexes (default: $HABEAS_SCREEN_INDEX, else "
        "~/.cache/habeas/screen). The file is indexed once; later screenings against the "
        "same file take seconds.",
    ),
    no_index: bool = typer.Option(
        False,
        "--no-index",
        help="Stream the file instead: nothing is written, each run reads the whole file.",
    ),
) -> None:
    """Screen names against a sanctions/PEP file; without --names, screen the officials.

    Officials' hits are queued as proposals for review (habeas review list) and the run is
    stored, so the next run against a newer file reports new designations and delistings.
    """
    from habeas.jobs.registry_screen import screen_registry
    from habeas.jobs.screen import screen
    from habeas.jobs.screen_index import default_index_dir

    folder = None if no_index else (index_dir or default_index_dir())
    options: dict[str, Any] = {"threshold": threshold, "workers": workers, "index_dir": folder}
    payload: dict[str, Any]
    if names is not None:
        listed = read_names(names)
        with scan_progress() as (progress, on_build):
            report = screen(listed, against, progress=progress, on_build=on_build, **options)
        payload = report.as_dict()
    else:
        store = registry()
        with scan_progress() as (progress, on_build):
            result = screen_registry(
                store,
                against,
                actor=STATE.actor or "cli",
                at=now(),
                progress=progress,
                on_build=on_build,
                **options,
            )
        report = result.report
        payload = report.as_dict()
        payload["run"] = result.run.id
        payload["queued"] = result.queued
        payload["changes"] = result.changes.as_dict() if result.changes else None
        err_console.print(
            f"{result.queued} new proposals queued; review them with: habeas review list",
            highlight=False,
        )
    if fmt is ScreenFormat.JSON:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_table(payload)
    err_console.print(_summary(report), highlight=False)

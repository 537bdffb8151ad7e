"""import and export: spreadsheets and the lossless native format."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.progress import Progress

from habeas.cli.common import STATE, console, err_console, now, open_output, registry
from habeas.jobs.transfer import import_files, native_lines, retract_event, write_csv


def import_command(
    files: list[Path] = typer.Argument(
        ..., help="persons.csv / events.csv (told apart by header) or native .jsonl; - for stdin."
    ),
    reason: str = typer.Option(
        "", "--reason", help="Why (kept with every correction this import records)."
    ),
) -> None:
    """Import CSV or native JSON Lines files, all or nothing; re-importing adds nothing."""
    store = registry()
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("Reading", total=len(files) + 1)
        summary = import_files(
            store,
            files,
            actor=STATE.actor,
            at=now(),
            on_file=lambda _path: progress.advance(task),
            reason=reason,
        )
        progress.advance(task)
    kinds = sorted(set(summary.added) | set(summary.changed) | set(summary.unchanged))
    parts = [
        f"{kind}: {summary.added.get(kind, 0)} added, {summary.changed.get(kind, 0)} corrected, "
        f"{summary.unchanged.get(kind, 0)} unchanged"
        for kind in kinds
    ]
    console.print("Imported. " + ("; ".join(parts) if parts else "Nothing to import."))


class ExportFormat(StrEnum):
    """Export formats."""

    JSONL = "jsonl"
    CSV = "csv"
    FTM = "ftm"


def export_command(
    fmt: ExportFormat = typer.Option(
        ExportFormat.JSONL, "--format", help="jsonl, csv or ftm (FollowTheMoney, public only)."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="File (jsonl; - for stdout) or folder (csv)."
    ),
) -> None:
    """Export the registry: native JSON Lines, persons.csv + events.csv, or FollowTheMoney.

    The FtM export (entities.ftm.json for OpenSanctions/Aleph) carries public fields only:
    no risk-flagged person, no internal or restricted record.
    """
    store = registry()
    if fmt is ExportFormat.CSV:
        folder = output or Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        with (
            (folder / "persons.csv").open("w", encoding="utf-8", newline="") as people,
            (folder / "events.csv").open("w", encoding="utf-8", newline="") as events,
        ):
            write_csv(store, people, events)
        err_console.print(f"Wrote {folder / 'persons.csv'} and {folder / 'events.csv'}.")
        return
    stream = open_output(output)
    try:
        if fmt is ExportFormat.FTM:
            from habeas.jobs.ftm import ftm_lines  # followthemoney loads slowly: only here

            lines = ftm_lines(store)
        else:
            lines = native_lines(store)
        for line in lines:
            stream.write(line + "\n")
    finally:
        if stream is not open_output(None):
            stream.close()


def retract_command(
    event_id: str = typer.Argument(..., help="The event to withdraw (see: habeas show PERSON)."),
    reason: str = typer.Option(..., "--reason", help="Why the fact is withdrawn."),
) -> None:
    """Withdraw an event; the earlier versions stay in the history."""
    gone = retract_event(registry(), event_id, actor=STATE.actor, at=now(), reason=reason)
    console.print(f"Retracted {gone.id} ({gone.kind.value} of {gone.person_id} on {gone.date}).")

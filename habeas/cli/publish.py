"""publish: numbered, citable snapshots of the list, and what changed between two."""

from __future__ import annotations

import json
import sys

import typer

from habeas.cli.common import (
    STATE,
    Format,
    console,
    day_option,
    known_at_option,
    now,
    registry,
    write_rows,
)
from habeas.ingest.imports.native import publication_to_dict

app = typer.Typer(
    help="Freeze the list as of a date as a numbered publication; list, show and diff them.",
    invoke_without_command=True,
)


@app.callback()
def publish_command(
    ctx: typer.Context,
    as_of: str | None = typer.Option(None, "--as-of", help="Date of the list, YYYY-MM-DD."),
    title: str | None = typer.Option(None, "--title", help="Title printed on the list."),
    by: str | None = typer.Option(None, "--by", help="Only recognitions by this organisation."),
    known_at: str | None = typer.Option(
        None, "--known-at", help="Freeze the list as known then (default: now)."
    ),
) -> None:
    """Freeze the list on --as-of as the next numbered publication."""
    if ctx.invoked_subcommand is not None:
        return
    if as_of is None or title is None:
        raise typer.BadParameter(
            "give --as-of DATE and --title TEXT, or a subcommand: list, show, diff",
            param_hint="--as-of/--title",
        )
    on = day_option(as_of, "--as-of")
    assert on is not None
    stamp = now()
    published = registry().publish(
        as_of=on,
        title=title,
        by=by,
        known_at=known_at_option(known_at) or stamp,
        actor=STATE.actor,
        at=stamp,
    )
    console.print(
        f"Published list {published.number}: {published.title} — {published.count} persons "
        f"as of {published.as_of} ({published.content_hash[:19]}…)"
    )


@app.command("list")
def list_publications(
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """List every published list."""
    rows = [
        {
            "number": p.number,
            "title": p.title,
            "as_of": p.as_of.isoformat(),
            "count": p.count,
            "by": p.by or "",
            "published_at": p.published_at.isoformat(timespec="seconds"),
            "published_by": p.published_by,
        }
        for p in registry().publications()
    ]
    columns = ["number", "title", "as_of", "count", "by", "published_at", "published_by"]
    write_rows(rows, columns, fmt, title="Published lists")


@app.command("show")
def show_publication(
    number: int = typer.Argument(..., help="The list's number."),
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """Print one published list exactly as frozen."""
    published = registry().publication(number)
    if fmt is Format.JSON:
        sys.stdout.write(json.dumps(publication_to_dict(published), ensure_ascii=False) + "\n")
        return
    rows = [
        {
            "id": m.person_id,
            "name": m.name,
            "since": m.since.isoformat(),
            "recognised_by": list(m.organisations),
        }
        for m in published.members
    ]
    title = f"List {published.number}: {published.title} ({published.as_of}, {published.count})"
    write_rows(rows, ["id", "name", "since", "recognised_by"], fmt, title=title)


@app.command("diff")
def diff_publications(
    a: int = typer.Argument(..., help="The earlier list's number."),
    b: int = typer.Argument(..., help="The later list's number."),
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """Show who was added or removed between two lists, and the event that explains it."""
    changes = registry().publication_diff(a, b)
    rows = [
        {"change": c.change, "id": c.person_id, "name": c.name, "because": c.explanation}
        for c in changes
    ]
    write_rows(rows, ["change", "id", "name", "because"], fmt, title=f"List {a} → list {b}")

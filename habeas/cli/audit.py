"""audit verify / audit log: the tamper-evident trail of every change."""

from __future__ import annotations

import typer

from habeas.cli.common import Format, console, err_console, registry, write_rows

app = typer.Typer(help="Check and read the audit trail.", no_args_is_help=True)


@app.command("verify")
def verify_command() -> None:
    """Check the hash chain; exit 1 naming the first entry altered behind habeas's back."""
    store = registry()
    broken = store.verify_audit()
    if broken is not None:
        err_console.print(f"Audit entry {broken.seq} is broken: {broken.problem}.")
        raise typer.Exit(1)
    console.print(f"Audit trail intact: {store.audit_count()} entries.")


@app.command("log")
def log_command(
    entity: str | None = typer.Option(None, "--entity", help="person, event, source, case..."),
    record_id: str | None = typer.Option(None, "--id", help="Only this record's entries."),
    actor: str | None = typer.Option(None, "--actor", help="Only this actor's entries."),
    limit: int = typer.Option(50, "--limit", help="The last N matching entries."),
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """Print audit entries, newest last, filtered by record or actor."""
    rows = [
        {
            "seq": e.seq,
            "at": e.at.isoformat(timespec="seconds"),
            "actor": e.actor,
            "action": e.action,
            "entity": e.entity,
            "id": e.entity_id,
            "reason": e.reason,
            "before": e.before,
            "after": e.after,
        }
        for e in registry().audit_entries()
        if (entity is None or e.entity == entity)
        and (record_id is None or e.entity_id == record_id)
        and (actor is None or e.actor == actor)
    ][-limit:]
    columns = ["seq", "at", "actor", "action", "entity", "id", "reason"]
    if fmt is not Format.TABLE:
        columns += ["before", "after"]
    write_rows(rows, columns, fmt, title="Audit trail")

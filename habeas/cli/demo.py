"""demo: a database of a fictional country to try every command on."""

from __future__ import annotations

import typer
from rich.progress import Progress

from habeas.cli.common import console, err_console, registry


def demo_command(
    seed: int = typer.Option(2015, "--seed", help="Random seed; the same seed, the same data."),
) -> None:
    """Build a demo database of a fictional country (idempotent)."""
    from habeas.jobs.demo import DEMO_SANCTIONS, build_demo, demo_decrees, demo_screening

    store = registry()
    batches = build_demo(seed)
    written = 0
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("Building the fictional demo registry", total=len(batches))
        for batch in batches:
            summary = store.apply(batch.changes, actor="demo", at=batch.at, reason=batch.reason)
            written += summary.total_written()
            written += store.add_positions(batch.positions, actor="demo", at=batch.at)
            progress.advance(task)
        decrees = demo_decrees(store, actor="demo", at=batches[-1].at)
        queued = demo_screening(store, actor="demo", at=batches[-1].at)
    persons = len(store.persons())
    console.print(
        f"Demo registry ready (FICTIONAL data): {persons} persons, {written} records written, "
        f"{decrees} decrees, {queued} sanctions-screening hits queued for review "
        f"(officials against {DEMO_SANCTIONS.name}). "
        "Try: habeas count --as-of 2015-12-28; habeas decree list; habeas review list"
    )

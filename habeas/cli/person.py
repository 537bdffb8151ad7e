"""show and search: one person's file, and finding ids by any spelling."""

from __future__ import annotations

import json
import sys

import typer
from rich.table import Table

from habeas.cli.common import Format, console, known_at_option, now, registry, write_rows
from habeas.domain.event import Event
from habeas.domain.record import event_to_dict, person_to_dict
from habeas.domain.sentence import format_term
from habeas.jobs.report import PersonFile, person_file


def _describe(event: Event) -> str:
    parts: list[str] = []
    if event.term_months:
        parts.append(format_term(event.term_months))
    for value in (
        event.sentence_kind,
        event.release_reason,
        event.measure,
        event.outcome,
    ):
        if value is not None:
            parts.append(value.value)
    if event.organisation:
        parts.append(f"by {event.organisation}")
    if event.facility:
        parts.append(f"to {event.facility}")
    if event.detail:
        parts.append(event.detail)
    return ", ".join(parts)


def _print_file(found: PersonFile, history: bool) -> None:
    person = found.person
    console.print(f"[bold]{person.name}[/bold]  ({person.id})")
    for name in person.names[1:]:
        console.print(f"  also: {name.value} [{name.script.value}, {name.kind.value}]")
    facts = []
    if person.birth:
        facts.append(f"born {person.birth}")
    if person.occupations:
        facts.append(", ".join(person.occupations))
    if facts:
        console.print("  " + "; ".join(facts))
    status = found.status
    line = "in custody" if status.in_custody else "not in custody"
    if status.custody_since:
        line += f" since {status.custody_since}"
    if status.recognised_by:
        line += "; recognised by " + ", ".join(status.recognised_by)
    console.print(f"  today: {line}")
    sentence = found.sentence
    if sentence is not None:
        term = "life" if sentence.life else format_term(sentence.term_months or 0)
        expected = sentence.expected_release or "never (life)"
        console.print(
            f"  term {term} from {sentence.term_start}; expected release {expected}; "
            f"served {sentence.served_days} days"
            + (f", {sentence.left_days} left" if sentence.left_days is not None else "")
            + ("  [red]HELD PAST TERM[/red]" if sentence.overdue else "")
        )
    for case in found.cases:
        charges = "; ".join(c.label() for c in case.charges)
        console.print(f"  case {case.id}: {case.title} — {charges} — {case.court}")
    table = Table(title="Timeline")
    for column in ("date", "event", "what", "sources", "id"):
        table.add_column(column, overflow="fold")
    if history:
        table.add_column("version")
        table.add_column("recorded")
    numbers: dict[str, int] = {}
    for event in found.events:
        cites = []
        for citation in event.citations:
            number = numbers.setdefault(citation.source_id, len(numbers) + 1)
            cites.append(f"[{number}]" + (f' "{citation.quote}"' if citation.quote else ""))
        row = [
            event.date.isoformat() + ("?" if event.date_uncertain else ""),
            event.kind.value + (" (retracted)" if event.retracted else ""),
            _describe(event),
            "\n".join(cites),
            event.id,
        ]
        if history:
            stamp = f"{event.recorded_at:%Y-%m-%d} {event.recorded_by}" if event.recorded_at else ""
            reason = f": {event.reason}" if event.reason else ""
            row += [str(event.version), stamp + reason]
        table.add_row(*row)
    console.print(table)
    if numbers:
        console.print("Sources:")
    for source_id, number in numbers.items():
        source = found.sources.get(source_id)
        title = source.title if source else source_id
        urls = " ".join(u for u in source.urls if u != title) if source else ""
        console.print(f"  [{number}] {title} {urls}".rstrip(), markup=False, soft_wrap=True)


def show_command(
    person_id: str = typer.Argument(..., help="Person id (find it with: habeas search NAME)."),
    known_at: str | None = typer.Option(
        None, "--known-at", help="Show the timeline as known then."
    ),
    history: bool = typer.Option(False, "--history", help="Show every version of every event."),
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table or json."),
) -> None:
    """Print a person's timeline with its sources, cases and sentence arithmetic."""
    found = person_file(
        registry(), person_id, now().date(), known_at=known_at_option(known_at), history=history
    )
    if fmt is Format.TABLE:
        _print_file(found, history)
        return
    payload = {
        "person": person_to_dict(found.person),
        "events": [event_to_dict(e) for e in found.events],
        "cases": [c.id for c in found.cases],
        "in_custody": found.status.in_custody,
        "recognised_by": list(found.status.recognised_by),
        "expected_release": found.sentence.expected_release.isoformat()
        if found.sentence and found.sentence.expected_release
        else None,
    }
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def search_command(
    query: str = typer.Argument(..., help="Any part of any spelling of a name, or an id."),
    limit: int = typer.Option(20, "--limit", help="At most this many results."),
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """Find persons by any spelling of their name."""
    found = registry().search_persons(query, limit)
    rows = [
        {"id": p.id, "name": p.name, "other_names": [n.value for n in p.names[1:]]} for p in found
    ]
    write_rows(rows, ["id", "name", "other_names"], fmt, title=f'Persons matching "{query}"')

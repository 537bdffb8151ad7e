"""official and dossier: an official's record, rankings, and dossiers for sanctions submissions."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from habeas.cli.common import STATE, Format, console, now, registry, write_rows
from habeas.domain.case import OfficialRole
from habeas.domain.visibility import Visibility
from habeas.jobs.dossier import build_dossier, dossier_html, dossier_json, dossier_pdf
from habeas.jobs.official import RankBy, official_record, rank_officials, term_words

app = typer.Typer(
    help="An official's cases, sentences and sources; rank officials.", no_args_is_help=True
)


class ShowFormat(StrEnum):
    """Output formats of `official show`."""

    TABLE = "table"
    JSON = "json"


class DossierFormat(StrEnum):
    """Output formats of `dossier`."""

    HTML = "html"
    PDF = "pdf"
    JSON = "json"


class Include(StrEnum):
    """Which fields a dossier may carry; restricted fields are never offered."""

    PUBLIC = "public"
    INTERNAL = "internal"


@app.command("show", help="Print an official's positions, cases, outcomes and totals.")
def show_command(
    official: str = typer.Argument(..., help="Official's id or any spelling of the name."),
    fmt: ShowFormat = typer.Option(ShowFormat.TABLE, "--format", help="table or json."),
) -> None:
    """Print an official's positions, cases, outcomes and totals (public fields)."""
    if fmt is ShowFormat.JSON:
        data = dossier_json(build_dossier(registry(), official, prepared=now().date()))
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    record = official_record(registry(), official)
    person, totals = record.person, record.totals
    console.print(f"[bold]{person.name}[/bold]  ({person.id})", markup=True, highlight=False)
    for name in person.names[1:]:
        console.print(f"  also: {name.value} [{name.script.value}]", markup=False)
    console.print(f"  born: {person.birth or 'not known'}", markup=False)
    for p in record.positions:
        pos = p.position
        when = f"{pos.start or '?'} to {pos.end or '?'}"
        if pos.start is None and pos.end is None:
            when = "dates not recorded"
        if p.derived:
            when = f"inferred from {len(p.case_ids)} case(s), {p.first_case} to {p.last_case}"
        where = f", {pos.organisation}" if pos.organisation else ""
        console.print(f"  position: {pos.title}{where} ({when})", markup=False)
    console.print(
        f"  {totals.cases} cases, {totals.political_cases} political, {totals.defendants} "
        f"defendants; {totals.years} years of prison sentences as judge or prosecutor"
        + (f", {totals.life_sentences} life" if totals.life_sentences else ""),
        markup=False,
    )
    table = Table(title="Cases")
    for column in ("case", "role", "verdict", "charges", "defendants and sentences", "political"):
        table.add_column(column, overflow="fold")
    for r in record.cases:
        outcomes = [
            f"{d.name}: "
            + (
                term_words(d.term_months)
                if d.term_months and d.sentence_kind and d.sentence_kind.value == "prison"
                else (d.sentence_kind.value if d.sentence_kind else "no sentence")
            )
            for d in r.defendants
        ]
        table.add_row(
            f"{r.case.id}\n{r.case.title}",
            ", ".join(x.value for x in r.roles),
            str(r.verdict or ""),
            "\n".join(c.label() for c in r.case.charges),
            "\n".join(outcomes),
            "yes" if r.political else "no",
        )
    console.print(table)


@app.command("rank", help="Rank officials by political cases or by years of sentences.")
def rank_command(
    by: RankBy = typer.Option(RankBy.CASES, "--by", help="cases (political) or years."),
    role: OfficialRole | None = typer.Option(
        None, "--role", help="Only cases in this role: judge, prosecutor, investigator."
    ),
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """Rank officials by political cases or by total years of prison sentences."""
    rows = [
        {
            "rank": r.rank,
            "id": r.person.id,
            "name": r.person.name,
            "roles": [x.value for x in r.roles],
            "cases": r.totals.cases,
            "political_cases": r.totals.political_cases,
            "defendants": r.totals.defendants,
            "prison_years": r.totals.years,
            "life_sentences": r.totals.life_sentences,
        }
        for r in rank_officials(registry(), by=by, role=role)
    ]
    columns = list(rows[0]) if rows else ["rank", "id", "name"]
    title = f"Officials by {'political cases' if by is RankBy.CASES else 'years of sentences'}"
    write_rows(rows, columns, fmt, title=title + (f" ({role.value})" if role else ""))


@app.command("import", help="Import officials and their posts from a FollowTheMoney file.")
def import_command(
    path: Path = typer.Argument(..., help="entities.ftm.json: Person, Position, Occupancy lines."),
) -> None:
    """Import officials (Person) and posts (Occupancy + Position), all or nothing."""
    from habeas.jobs.ftm import import_ftm_officials  # followthemoney loads slowly: only here

    result, summary, positions = import_ftm_officials(registry(), path, actor=STATE.actor, at=now())
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(result.skipped.items()))
    console.print(
        f"Imported {len(result.changes.persons)} officials "
        f"({summary.added.get('persons', 0)} new) and {positions} posts written"
        + (f"; skipped: {skipped}." if skipped else "."),
        markup=False,
    )


def dossier_command(
    official: str = typer.Argument(..., help="Official's id or any spelling of the name."),
    fmt: DossierFormat = typer.Option(DossierFormat.HTML, "--format", help="html, pdf or json."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write to this file ('-' or none: stdout)."
    ),
    include: Include = typer.Option(
        Include.PUBLIC, "--include", help="public (default) or internal; never restricted."
    ),
) -> None:
    """Write a dossier on an official for a sanctions submission (HTML, PDF or JSON)."""
    dossier = build_dossier(
        registry(),
        official,
        include_internal=include is Include.INTERNAL,
        prepared=now().date(),
    )
    if fmt is DossierFormat.PDF:
        data = dossier_pdf(dossier)
    elif fmt is DossierFormat.JSON:
        text = json.dumps(dossier_json(dossier), ensure_ascii=False, indent=2) + "\n"
        data = text.encode("utf-8")
    else:
        data = dossier_html(dossier).encode("utf-8")
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    output.write_bytes(data)
    reader = Visibility.INTERNAL if include is Include.INTERNAL else Visibility.PUBLIC
    console.print(f"Wrote {output} ({fmt.value}, {reader.value} fields).", markup=False)

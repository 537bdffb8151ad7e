"""review: the queue of proposals; accept or reject each with a reason."""

from __future__ import annotations

import typer

from habeas.cli.common import STATE, Format, console, now, registry, write_rows
from habeas.domain.proposal import ProposalStatus

app = typer.Typer(help="Review proposals from decrees, news and imports.", no_args_is_help=True)


@app.command("list")
def list_command(
    status: ProposalStatus = typer.Option(
        ProposalStatus.PENDING, "--status", help="pending, accepted or rejected."
    ),
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """List proposals waiting for review (or reviewed ones)."""
    rows = [
        {
            "id": p.id,
            "person_id": p.person_id,
            "decision": p.decision,
            "score": p.score,
            "summary": p.summary,
            "explanation": p.explanation,
            "reviewed_by": p.reviewed_by,
            "reason": p.review_reason,
        }
        for p in registry().proposals(status)
    ]
    columns = ["id", "person_id", "decision", "score", "summary"]
    if fmt is not Format.TABLE:
        columns += ["explanation", "reviewed_by", "reason"]
    write_rows(rows, columns, fmt, title=f"Proposals ({status.value})")


@app.command("show")
def show_command(proposal: str = typer.Argument(..., help="Proposal id.")) -> None:
    """Show one proposal with its evidence and the score's explanation."""
    store = registry()
    p = store.get_proposal(proposal)
    existing = store.persons([p.person_id]) if p.person_id else []
    if existing:
        who = f"{existing[0].name} ({existing[0].id})"
    elif p.person is not None:
        state = "would be" if p.status is ProposalStatus.PENDING else "never created as"
        who = f"{p.person.name} (new candidate, {state} {p.person_id})"
    else:
        who = "(no registry person)"
    console.print(f"{p.id} [{p.status.value}] {p.kind.value} — {who}", markup=False)
    console.print(f"  {p.summary}", markup=False, soft_wrap=True)
    console.print(f"  {p.decision} {p.score}: {p.explanation}", markup=False, soft_wrap=True)
    for event in p.events:
        extra = ", ".join(
            str(x)
            for x in (
                event.release_reason or event.measure or event.sentence_kind or "",
                f"{event.term_months} months" if event.term_months else "",
                event.detail,
                "date uncertain" if event.date_uncertain else "",
            )
            if x
        )
        console.print(f"  would add: {event.kind.value} on {event.date} ({extra})", markup=False)
    for name in p.names:
        console.print(f"  would add name: {name.value} [{name.kind.value}]", markup=False)
    for citation in p.evidence:
        console.print(f'  evidence: {citation.source_id} "{citation.quote}"', markup=False)


@app.command("accept")
def accept_command(
    proposal: str = typer.Argument(..., help="Proposal id."),
    reason: str = typer.Option("", "--reason", help="Why (kept in the audit trail)."),
    same_person: bool = typer.Option(
        False,
        "--same-person",
        help="A new-person proposal whose person exists already: they are one person.",
    ),
) -> None:
    """Accept a proposal: write its events and names, citing its evidence."""
    summary = registry().accept(
        proposal, actor=STATE.actor, at=now(), reason=reason, same_person=same_person
    )
    console.print(f"Accepted {proposal}: {summary.total_written()} records written.")


@app.command("reject")
def reject_command(
    proposal: str = typer.Argument(..., help="Proposal id."),
    reason: str = typer.Option("not the same person", "--reason", help="Why."),
) -> None:
    """Reject a proposal; the same person and evidence will not be proposed again."""
    registry().reject(proposal, actor=STATE.actor, at=now(), reason=reason)
    console.print(f"Rejected {proposal}.")

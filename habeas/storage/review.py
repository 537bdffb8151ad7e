"""Decrees and the review queue of proposals."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from habeas.domain.audit import canonical
from habeas.domain.decree import Decree, DecreeEntry, DecreeKind
from habeas.domain.event import Measure
from habeas.domain.person import PersonName
from habeas.domain.proposal import Proposal, ProposalKind, ProposalStatus
from habeas.domain.record import (
    citation_from_dict,
    citation_to_dict,
    event_from_dict,
    event_to_dict,
    name_from_dict,
    name_to_dict,
    person_from_dict,
    person_to_dict,
)
from habeas.domain.source import Source
from habeas.exceptions import Conflict, NotFound
from habeas.storage import tables as t
from habeas.storage.base import SqlBase
from habeas.storage.registry import ApplySummary, ChangeSet
from habeas.storage.unit import AuditWriter, bulk_insert, lock_writers


def _proposal_payload(proposal: Proposal) -> str:
    data: dict[str, Any] = {
        "events": [event_to_dict(e) for e in proposal.events],
        "names": [name_to_dict(n) for n in proposal.names],
        "evidence": [citation_to_dict(c) for c in proposal.evidence],
    }
    if proposal.person is not None:
        data["person"] = person_to_dict(proposal.person)
    return canonical(data) or "{}"


def _proposal_from_row(row: Any) -> Proposal:
    payload = json.loads(row.payload)
    person = person_from_dict(payload["person"]) if payload.get("person") else None
    return Proposal(
        id=row.id,
        kind=ProposalKind(row.kind),
        person_id=row.person_id or (person.id if person else ""),
        person=person,
        summary=row.summary,
        events=tuple(event_from_dict(e) for e in payload.get("events", [])),
        names=tuple(name_from_dict(n) for n in payload.get("names", [])),
        evidence=tuple(citation_from_dict(c) for c in payload.get("evidence", [])),
        score=row.score,
        decision=row.decision,
        explanation=row.explanation,
        origin=row.origin,
        match_key=row.match_key,
        status=ProposalStatus(row.status),
        created_at=row.created_at,
        reviewed_at=row.reviewed_at,
        reviewed_by=row.reviewed_by,
        review_reason=row.review_reason,
    )


class ReviewStore(SqlBase):
    """Stored decrees, proposals, and accepting or rejecting them."""

    # ------------------------------------------------------------------ decrees

    def add_decree(self, decree: Decree, source: Source, *, actor: str, at: datetime) -> bool:
        """Store a decree with its source text and entries; False when already stored."""
        with self.engine.begin() as conn:
            lock_writers(conn)
            if conn.execute(select(t.decrees.c.id).where(t.decrees.c.id == decree.id)).first():
                return False
        self.apply(ChangeSet(sources=[source]), actor=actor, at=at, reason=f"decree {decree.id}")
        with self.engine.begin() as conn:
            lock_writers(conn)
            conn.execute(
                insert(t.decrees).values(
                    id=decree.id,
                    issuer=decree.issuer,
                    date=decree.date,
                    kind=decree.kind.value,
                    number=decree.number,
                    language=decree.language,
                    source_id=decree.source_id,
                    skipped_lines=list(decree.skipped_lines),
                )
            )
            bulk_insert(
                conn,
                t.decree_entries,
                [
                    {
                        "decree_id": decree.id,
                        "line": e.line,
                        "raw": e.raw,
                        "name": e.name,
                        "birth_year": e.birth_year,
                        "gender": e.gender,
                        "measure": e.measure.value if e.measure else None,
                        "term_months": e.term_months,
                        "section": e.section,
                    }
                    for e in decree.entries
                ],
            )
            audit = AuditWriter(conn, actor, at, f"import decree {decree.number or decree.id}")
            audit.add(
                "create",
                "decree",
                decree.id,
                None,
                {
                    "issuer": decree.issuer,
                    "date": decree.date.isoformat(),
                    "kind": decree.kind.value,
                    "number": decree.number,
                    "source_id": decree.source_id,
                    "entries": len(decree.entries),
                },
            )
            audit.flush()
        return True

    def decrees(self) -> list[Decree]:
        """Every stored decree (without entries), by date."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.decrees).order_by(t.decrees.c.date, t.decrees.c.id))
            return [self._decree(row, ()) for row in rows]

    def get_decree(self, decree_id: str) -> Decree:
        """A decree with its entries; NotFound names how to list them."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.decrees).where(t.decrees.c.id == decree_id)).first()
            if row is None:
                raise NotFound(
                    f'No decree with id "{decree_id}". List them with: habeas decree list'
                )
            entries = tuple(
                DecreeEntry(
                    line=e.line,
                    raw=e.raw,
                    name=e.name,
                    birth_year=e.birth_year,
                    gender=e.gender,
                    measure=Measure(e.measure) if e.measure else None,
                    term_months=e.term_months,
                    section=e.section,
                )
                for e in conn.execute(
                    select(t.decree_entries)
                    .where(t.decree_entries.c.decree_id == decree_id)
                    .order_by(t.decree_entries.c.line)
                )
            )
        return self._decree(row, entries)

    @staticmethod
    def _decree(row: Any, entries: tuple[DecreeEntry, ...]) -> Decree:
        stored: date = row.date
        return Decree(
            id=row.id,
            issuer=row.issuer,
            date=stored,
            kind=DecreeKind(row.kind),
            source_id=row.source_id,
            number=row.number,
            language=row.language,
            entries=entries,
            skipped_lines=tuple(row.skipped_lines),
        )

    # ------------------------------------------------------------------ proposals

    def add_proposals(self, proposals: list[Proposal], *, actor: str, at: datetime) -> int:
        """Queue proposals for review; skips ids already queued and rejected pairs."""
        if not proposals:
            return 0
        with self.engine.begin() as conn:
            lock_writers(conn)
            known = {r[0] for r in conn.execute(select(t.proposals.c.id))}
            rejected = {
                r[0]
                for r in conn.execute(
                    select(t.proposals.c.match_key).where(
                        t.proposals.c.status == ProposalStatus.REJECTED.value
                    )
                )
            }
            fresh = [p for p in proposals if p.id not in known and (p.match_key not in rejected)]
            bulk_insert(
                conn,
                t.proposals,
                [
                    {
                        "id": p.id,
                        "kind": p.kind.value,
                        "person_id": None if p.person is not None else p.person_id,
                        "summary": p.summary,
                        "payload": _proposal_payload(p),
                        "score": p.score,
                        "decision": p.decision,
                        "explanation": p.explanation,
                        "origin": p.origin,
                        "match_key": p.match_key,
                        "status": ProposalStatus.PENDING.value,
                        "created_at": at,
                        "reviewed_at": None,
                        "reviewed_by": "",
                        "review_reason": "",
                    }
                    for p in fresh
                ],
            )
            audit = AuditWriter(conn, actor, at, "proposals queued")
            for p in fresh:
                audit.add("propose", "proposal", p.id, None, {"summary": p.summary})
            audit.flush()
        return len(fresh)

    def proposals(self, status: ProposalStatus | None = None) -> list[Proposal]:
        """Proposals (all, or in one state), oldest first."""
        query = select(t.proposals).order_by(t.proposals.c.created_at, t.proposals.c.id)
        if status is not None:
            query = query.where(t.proposals.c.status == status.value)
        with self.engine.connect() as conn:
            return [_proposal_from_row(r) for r in conn.execute(query)]

    def get_proposal(self, proposal_id: str) -> Proposal:
        """One proposal; NotFound names how to list them."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.proposals).where(t.proposals.c.id == proposal_id)).first()
        if row is None:
            raise NotFound(
                f'No proposal with id "{proposal_id}". List them with: habeas review list'
            )
        return _proposal_from_row(row)

    def accept(
        self,
        proposal_id: str,
        *,
        actor: str,
        at: datetime,
        reason: str = "",
        same_person: bool = False,
        corrections: ChangeSet | None = None,
        correction_reason: str = "",
    ) -> ApplySummary:
        """Accept a pending proposal: write its events and names, then mark it accepted.

        A proposal for a new person whose id an earlier acceptance already created (the
        same spelling in another article) is refused unless `same_person` says the reviewer
        checked they are one person: a spelling alone never merges two people.
        `corrections` (a reviewer's edit of what the proposal says, such as its date) are
        written in the same transaction, as new versions with `correction_reason`: the
        acceptance and the edit land together or not at all.
        """
        proposal = self._pending(proposal_id)
        try:
            person = self.get_person(proposal.person_id)
            created = False
        except NotFound:
            if proposal.person is None:
                raise
            person, created = proposal.person, True  # a new candidate: created on acceptance
        if proposal.person is not None and not created and not same_person:
            raise Conflict(
                f'Proposal "{proposal.id}" names a new person, but "{person.id}" '
                f"({person.name}) was already created from another proposal with that "
                "spelling; they may be two people. Accept with --same-person (web: tick "
                '"same person"; API: "same_person": true) to add these facts to them, '
                "or reject."
            )
        known = {n.value for n in person.names}
        names = person.names + tuple(n for n in proposal.names if n.value not in known)
        changes = ChangeSet(
            persons=[replace(person, names=names)]
            if created or len(names) > len(person.names)
            else [],
            events=list(proposal.events),
        )
        why = f"accepted proposal {proposal.id}" + (f": {reason}" if reason else "")
        with self.engine.begin() as conn:
            lock_writers(conn)
            self._close(conn, proposal, ProposalStatus.ACCEPTED, actor=actor, at=at, reason=why)
            summary = self.apply_within(conn, changes, actor=actor, at=at, reason=why)
            if corrections is not None:
                why_edited = correction_reason or f"edited on acceptance of proposal {proposal.id}"
                edited = self.apply_within(conn, corrections, actor=actor, at=at, reason=why_edited)
                summary = summary.plus(edited)
            if proposal.person is not None:
                conn.execute(
                    update(t.proposals)
                    .where(t.proposals.c.id == proposal.id)
                    .values(person_id=person.id)
                )
            return summary

    def reject(self, proposal_id: str, *, actor: str, at: datetime, reason: str) -> None:
        """Reject a pending proposal; the same person and evidence are never proposed again."""
        proposal = self._pending(proposal_id)
        with self.engine.begin() as conn:
            lock_writers(conn)
            self._close(
                conn,
                proposal,
                ProposalStatus.REJECTED,
                actor=actor,
                at=at,
                reason=reason or "not the same person",
            )

    def _pending(self, proposal_id: str) -> Proposal:
        proposal = self.get_proposal(proposal_id)
        if proposal.status is not ProposalStatus.PENDING:
            raise Conflict(
                f'Proposal "{proposal_id}" was already {proposal.status.value} by '
                f"{proposal.reviewed_by} on {proposal.reviewed_at:%Y-%m-%d}."
            )
        return proposal

    @staticmethod
    def _close(
        conn: Connection,
        proposal: Proposal,
        status: ProposalStatus,
        *,
        actor: str,
        at: datetime,
        reason: str,
    ) -> None:
        changed = conn.execute(
            update(t.proposals)
            .where(
                t.proposals.c.id == proposal.id,
                t.proposals.c.status == ProposalStatus.PENDING.value,
            )
            .values(status=status.value, reviewed_at=at, reviewed_by=actor, review_reason=reason)
        ).rowcount
        if changed != 1:
            raise Conflict(f'Proposal "{proposal.id}" was reviewed by someone else meanwhile.')
        audit = AuditWriter(conn, actor, at, reason)
        audit.add(
            "accept" if status is ProposalStatus.ACCEPTED else "reject",
            "proposal",
            proposal.id,
            {"status": ProposalStatus.PENDING.value},
            {"status": status.value},
        )
        audit.flush()

    def names_of(self, person_ids: list[str]) -> dict[str, tuple[PersonName, ...]]:
        """Every name variant of the given persons (all persons when empty)."""
        people = self.persons(person_ids or None)
        return {p.id: p.names for p in people}

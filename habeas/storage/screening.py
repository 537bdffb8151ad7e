"""Officials' positions and sanctions-screening runs in the SQL store."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from habeas.domain.dates import parse_partial_date
from habeas.domain.official import Position, ScreeningRun
from habeas.domain.record import citation_from_dict, citation_to_dict
from habeas.domain.visibility import Visibility
from habeas.exceptions import InvalidRecord
from habeas.storage import tables as t
from habeas.storage.base import SqlBase
from habeas.storage.registry import ApplySummary, ChangeSet
from habeas.storage.unit import AuditWriter, chunks, lock_writers


def _position_row(position: Position) -> dict[str, Any]:
    return {
        "id": position.id,
        "person_id": position.person_id,
        "title": position.title,
        "organisation": position.organisation,
        "country": position.country,
        "start": position.start.isoformat() if position.start else None,
        "end": position.end.isoformat() if position.end else None,
        "citations": json.dumps(
            [citation_to_dict(c) for c in position.citations],
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        ),
        "visibility": position.visibility.value,
    }


def _position_from_row(row: Any) -> Position:
    return Position(
        id=row.id,
        person_id=row.person_id,
        title=row.title,
        organisation=row.organisation,
        country=row.country,
        start=parse_partial_date(row.start) if row.start else None,
        end=parse_partial_date(row.end) if row.end else None,
        citations=tuple(citation_from_dict(c) for c in json.loads(row.citations or "[]")),
        visibility=Visibility(row.visibility),
    )


def _brief(position: Position) -> dict[str, Any]:
    row = _position_row(position)
    row.pop("citations")
    return row


class ScreeningStore(SqlBase):
    """Positions officials held, and sanctions-screening runs with their hits."""

    def add_positions(self, positions: Iterable[Position], *, actor: str, at: datetime) -> int:
        """Add or update positions (by id) with audit entries; return how many were written."""
        wanted = list(positions)
        if not wanted:
            return 0
        with self.engine.begin() as conn:
            lock_writers(conn)
            return self._add_positions_within(conn, wanted, actor=actor, at=at)

    def apply_with_positions(
        self,
        changes: ChangeSet,
        positions: Iterable[Position],
        *,
        actor: str,
        at: datetime,
        reason: str,
    ) -> tuple[ApplySummary, int]:
        """Write a change set and positions of its persons in one transaction, or nothing."""
        with self.engine.begin() as conn:
            lock_writers(conn)
            summary = self.apply_within(conn, changes, actor=actor, at=at, reason=reason)
            written = self._add_positions_within(conn, list(positions), actor=actor, at=at)
            return summary, written

    def _add_positions_within(
        self, conn: Connection, wanted: list[Position], *, actor: str, at: datetime
    ) -> int:
        written = 0
        person_ids = sorted({p.person_id for p in wanted})
        known = set(self._existing_ids(conn, t.persons.c.id, person_ids))
        missing = [p for p in wanted if p.person_id not in known]
        if missing:
            raise InvalidRecord(
                f'position "{missing[0].id}": no person with id "{missing[0].person_id}". '
                "Import the official first (habeas import) or fix the id.",
                {"person_id": missing[0].person_id},
            )
        existing: dict[str, Position] = {}
        for chunk in chunks([p.id for p in wanted]):
            query = select(t.positions).where(t.positions.c.id.in_(chunk))
            existing.update((row.id, _position_from_row(row)) for row in conn.execute(query))
        audit = AuditWriter(conn, actor, at, "positions recorded")
        for position in wanted:
            old = existing.get(position.id)
            if old == position:
                continue
            row = _position_row(position)
            if old is None:
                conn.execute(insert(t.positions).values(row))
                audit.add("create", "position", position.id, None, _brief(position))
            else:
                change = update(t.positions).where(t.positions.c.id == position.id)
                conn.execute(change.values(row))
                audit.add("update", "position", position.id, _brief(old), _brief(position))
            existing[position.id] = position
            written += 1
        audit.flush()
        return written

    def positions_of(self, person_id: str | None = None) -> list[Position]:
        """Positions of one person (all persons when None), by person and start."""
        query = select(t.positions).order_by(
            t.positions.c.person_id, t.positions.c.start, t.positions.c.id
        )
        if person_id is not None:
            query = query.where(t.positions.c.person_id == person_id)
        with self.engine.connect() as conn:
            return [_position_from_row(row) for row in conn.execute(query)]

    def save_screening(self, run: ScreeningRun, *, actor: str, at: datetime) -> None:
        """Store one screening run (its hits as canonical JSON) with an audit entry."""
        with self.engine.begin() as conn:
            lock_writers(conn)
            conn.execute(
                insert(t.screenings).values(
                    id=run.id,
                    against=run.against,
                    file_hash=run.file_hash,
                    screened=run.screened,
                    hits=run.hits,
                    at=at,
                    actor=actor,
                )
            )
            audit = AuditWriter(conn, actor, at, "screening run")
            brief = {"against": run.against, "file_hash": run.file_hash, "screened": run.screened}
            audit.add("create", "screening", run.id, None, brief)
            audit.flush()

    def last_screening(self) -> ScreeningRun | None:
        """The most recent screening run, or None when there has been none."""
        query = (
            select(t.screenings)
            .order_by(t.screenings.c.at.desc(), t.screenings.c.id.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        return ScreeningRun(row.id, row.against, row.file_hash, row.screened, row.hits)

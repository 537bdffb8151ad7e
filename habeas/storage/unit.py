"""Shared pieces of the SQL store: chunking, raw bulk inserts, the audit appender."""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Table, select, text

from habeas.domain.audit import GENESIS, canonical, entry_hash
from habeas.storage import tables as t
from habeas.storage.registry import ApplySummary

CHUNK = 2000


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many rows with one driver-level executemany, skipping SQLAlchemy's per-row
    processing (the import hot path). Values are converted as SQLAlchemy would store them."""
    if not rows:
        return
    columns = list(rows[0])
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    pick = operator.itemgetter(*columns)
    if len(columns) == 1:
        values: list[Any] = [(pick(row),) for row in rows]
    else:
        values = [pick(row) for row in rows]
    if conn.dialect.name == "sqlite":
        converters = [
            (i, f)
            for i, c in enumerate(columns)
            if (f := _SQLITE_CONVERTERS.get(type(table.c[c].type))) is not None
        ]
        if converters:
            converted = []
            for value in values:
                cells = list(value)
                for i, f in converters:
                    if cells[i] is not None:
                        cells[i] = f(cells[i])
                converted.append(tuple(cells))
            values = converted
    for start in range(0, len(values), 5000):
        conn.exec_driver_sql(sql, values[start : start + 5000])


# How SQLAlchemy's SQLite types store Python values; raw inserts must write the same text.
_SQLITE_CONVERTERS: dict[type, Callable[[Any], Any]] = {
    DateTime: lambda v: v.isoformat(" ", "microseconds"),
    Date: lambda v: v.isoformat(),
    Boolean: int,
}


def lock_writers(conn: Connection) -> None:
    """Serialise writers for the rest of the transaction (the audit chain needs one writer
    at a time). PostgreSQL: an advisory lock; SQLite: its own database write lock."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(7301)"))


class AuditWriter:
    """Appends hash-chained audit entries inside one transaction."""

    def __init__(self, conn: Connection, actor: str, at: datetime, reason: str) -> None:
        self.conn = conn
        self.actor = actor
        self.at = at
        self.reason = reason
        last = conn.execute(
            select(t.audit.c.seq, t.audit.c.hash).order_by(t.audit.c.seq.desc()).limit(1)
        ).first()
        self.seq = last.seq if last else 0
        self.prev = last.hash if last else GENESIS
        self.rows: list[dict[str, Any]] = []

    def add(self, action: str, entity: str, entity_id: str, before: Any, after: Any) -> None:
        """Append an entry whose before/after states are plain values."""
        self.add_text(action, entity, entity_id, canonical(before), canonical(after))

    def add_text(
        self, action: str, entity: str, entity_id: str, before: str | None, after: str | None
    ) -> None:
        """Append an entry whose before/after states are canonical JSON text already."""
        self.seq += 1
        digest = entry_hash(
            seq=self.seq,
            at=self.at,
            actor=self.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            reason=self.reason,
            before=before,
            after=after,
            prev_hash=self.prev,
        )
        self.rows.append(
            {
                "seq": self.seq,
                "at": self.at,
                "actor": self.actor,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "reason": self.reason,
                "before": before,
                "after": after,
                "prev_hash": self.prev,
                "hash": digest,
            }
        )
        self.prev = digest

    def flush(self) -> None:
        bulk_insert(self.conn, t.audit, self.rows)
        self.rows.clear()


class Counter:
    def __init__(self) -> None:
        self.added: dict[str, int] = defaultdict(int)
        self.changed: dict[str, int] = defaultdict(int)
        self.unchanged: dict[str, int] = defaultdict(int)

    def summary(self) -> ApplySummary:
        return ApplySummary(dict(self.added), dict(self.changed), dict(self.unchanged))

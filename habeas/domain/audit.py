"""The audit trail: append-only, hash-chained entries of who changed what, when and why."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64
_SEPARATOR = "\x1f"


def _escape(field: str) -> str:
    """A field with backslashes and separators escaped, so joined fields stay unambiguous."""
    if "\\" in field or _SEPARATOR in field:
        return field.replace("\\", "\\\\").replace(_SEPARATOR, "\\x1f")
    return field


def canonical(value: Any) -> str | None:
    """Canonical JSON text of a state (sorted keys, no spaces), or None for no state."""
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change: actor, time, action on an entity, reason, before and after states.

    `before` and `after` are canonical JSON text (see `canonical`), hashed as stored.
    """

    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    reason: str
    before: str | None
    after: str | None
    prev_hash: str
    hash: str


def entry_hash(
    *,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    reason: str,
    before: str | None,
    after: str | None,
    prev_hash: str,
) -> str:
    """sha256 over an entry's fields, its before/after JSON text and the previous hash."""
    head = _SEPARATOR.join(
        _escape(field)
        for field in (
            str(seq),
            at.isoformat(timespec="microseconds"),
            actor,
            action,
            entity,
            entity_id,
            reason,
            prev_hash,
        )
    )
    payload = _SEPARATOR.join((head, before or "null", after or "null"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first entry whose hash or link does not hold."""

    seq: int
    problem: str


def verify_chain(entries: Iterable[AuditEntry]) -> ChainBreak | None:
    """Walk the chain in order; return the first break, or None when intact."""
    previous = GENESIS
    expected_seq: int | None = None
    for entry in entries:
        if expected_seq is not None and entry.seq != expected_seq:
            return ChainBreak(expected_seq, f"entry {expected_seq} is missing")
        if entry.prev_hash != previous:
            return ChainBreak(entry.seq, "does not link to the entry before it")
        recomputed = entry_hash(
            seq=entry.seq,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            entity=entry.entity,
            entity_id=entry.entity_id,
            reason=entry.reason,
            before=entry.before,
            after=entry.after,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            return ChainBreak(entry.seq, "content was changed after it was written")
        previous = entry.hash
        expected_seq = entry.seq + 1
    return None

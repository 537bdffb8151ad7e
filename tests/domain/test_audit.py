from dataclasses import replace
from datetime import datetime

from habeas.domain.audit import GENESIS, AuditEntry, canonical, entry_hash, verify_chain


def _chain(n: int) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        fields = dict(
            seq=seq,
            at=datetime(2016, 1, seq),
            actor="ana",
            action="create",
            entity="event",
            entity_id=f"e{seq}",
            reason="import",
            before=None,
            after=canonical({"date": f"2015-12-{seq:02d}"}),
            prev_hash=prev,
        )
        digest = entry_hash(**fields)  # type: ignore[arg-type]
        entries.append(AuditEntry(hash=digest, **fields))  # type: ignore[arg-type]
        prev = digest
    return entries


def test_intact_chain_verifies() -> None:
    assert verify_chain(_chain(5)) is None


def test_edited_entry_is_named() -> None:
    entries = _chain(5)
    entries[2] = replace(entries[2], after=canonical({"date": "2015-12-31"}))
    broken = verify_chain(entries)
    assert broken is not None and broken.seq == 3


def test_deleted_entry_is_named() -> None:
    entries = _chain(5)
    del entries[1]
    broken = verify_chain(entries)
    assert broken is not None and broken.seq == 2

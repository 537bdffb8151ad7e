"""Published lists: numbered, frozen snapshots and what changed between two."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, func, insert, select

from habeas.domain.event import Event, current_versions
from habeas.domain.publication import ListChange, ListMember, PublishedList, members_hash
from habeas.domain.visibility import Visibility
from habeas.exceptions import InvalidRecord, NotFound
from habeas.storage import tables as t
from habeas.storage.base import SqlBase
from habeas.storage.unit import AuditWriter, lock_writers


class PublicationStore(SqlBase):
    """Freezing, reading and comparing published lists."""

    def publish(
        self,
        *,
        as_of: date,
        title: str,
        by: str | None,
        known_at: datetime,
        actor: str,
        at: datetime,
    ) -> PublishedList:
        """Freeze the list on `as_of` (known at `known_at`) as the next numbered publication."""
        listed = [e for e in self.list_on(as_of, known_at, by) if not e.person.risk]
        # What is published is public: no organisation or date that only staff may see.
        entries = self.visible_entries(listed, as_of, Visibility.PUBLIC, known_at=known_at, by=by)
        members = tuple(
            ListMember(e.person.id, e.person.name, e.since, e.organisations) for e in entries
        )
        digest = members_hash(as_of, by, members)
        with self.engine.begin() as conn:
            lock_writers(conn)
            last = conn.execute(select(func.max(t.publications.c.number))).scalar_one()
            number = (last or 0) + 1
            published = PublishedList(
                number, title, as_of, known_at, by, at, actor, members, digest
            )
            self._insert_publication(conn, published)
            audit = AuditWriter(conn, actor, at, f"publish list {number}")
            audit.add(
                "publish",
                "publication",
                str(number),
                None,
                {
                    "title": title,
                    "as_of": as_of.isoformat(),
                    "by": by,
                    "count": len(members),
                    "content_hash": digest,
                },
            )
            audit.flush()
        return published

    def restore_publication(self, published: PublishedList, *, actor: str, at: datetime) -> bool:
        """Store a published list from an export under its own number; False if already there."""
        digest = members_hash(published.as_of, published.by, published.members)
        if digest != published.content_hash:
            raise InvalidRecord(
                f"Published list {published.number} does not match its content hash; "
                "the export was altered.",
                {"content_hash": published.content_hash},
            )
        with self.engine.begin() as conn:
            row = conn.execute(
                select(t.publications.c.content_hash).where(
                    t.publications.c.number == published.number
                )
            ).first()
            if row is not None:
                if row.content_hash != digest:
                    raise InvalidRecord(
                        f"Published list {published.number} already exists with other content.",
                        {"number": str(published.number)},
                    )
                return False
            self._insert_publication(conn, published)
            audit = AuditWriter(conn, actor, at, f"restore list {published.number}")
            audit.add("restore", "publication", str(published.number), None, digest)
            audit.flush()
        return True

    @staticmethod
    def _insert_publication(conn: Connection, published: PublishedList) -> None:
        conn.execute(
            insert(t.publications).values(
                number=published.number,
                title=published.title,
                as_of=published.as_of,
                known_at=published.known_at,
                by_org=published.by,
                published_at=published.published_at,
                published_by=published.published_by,
                content_hash=published.content_hash,
            )
        )
        if published.members:
            conn.execute(
                insert(t.publication_members),
                [
                    {
                        "number": published.number,
                        "position": i,
                        "person_id": m.person_id,
                        "name": m.name,
                        "since": m.since,
                        "organisations": list(m.organisations),
                    }
                    for i, m in enumerate(published.members)
                ],
            )

    def publications(self) -> list[PublishedList]:
        """Every published list, by number."""
        with self.engine.connect() as conn:
            numbers = [r[0] for r in conn.execute(select(t.publications.c.number))]
        return [self.publication(n) for n in sorted(numbers)]

    def publication(self, number: int) -> PublishedList:
        """A published list by number; NotFound when absent."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.publications).where(t.publications.c.number == number)
            ).first()
            if row is None:
                raise NotFound(f"No published list number {number}. See: habeas publish list")
            members = tuple(
                ListMember(m.person_id, m.name, m.since, tuple(m.organisations))
                for m in conn.execute(
                    select(t.publication_members)
                    .where(t.publication_members.c.number == number)
                    .order_by(t.publication_members.c.position)
                )
            )
        return PublishedList(
            row.number,
            row.title,
            row.as_of,
            row.known_at,
            row.by_org,
            row.published_at,
            row.published_by,
            members,
            row.content_hash,
        )

    def publication_diff(self, a: int, b: int) -> list[ListChange]:
        """Who was added or removed between two publications, and the event that explains it."""
        first, second = self.publication(a), self.publication(b)
        before = {m.person_id: m for m in first.members}
        after = {m.person_id: m for m in second.members}
        changed = sorted(set(before) ^ set(after))
        history = self.events_of_many_history(changed)
        changes: list[ListChange] = []
        for person_id in changed:
            added = person_id in after
            member = after[person_id] if added else before[person_id]
            explanation = _explain_change(history.get(person_id, []), first, second, added)
            changes.append(
                ListChange(person_id, member.name, "added" if added else "removed", explanation)
            )
        return sorted(changes, key=lambda c: (c.change, c.name.casefold()))


def _explain_change(
    history: list[Event], first: PublishedList, second: PublishedList, added: bool
) -> str:
    """The events that explain why a person entered or left the list between two lists."""
    lo, hi = sorted((first.as_of, second.as_of))
    known_lo, known_hi = sorted((first.known_at, second.known_at))
    current = current_versions(history, second.known_at)
    reasons: list[str] = []
    for event in sorted(current, key=lambda e: (e.date.anchor(), e.id)):
        if not lo < event.date.anchor() <= hi:
            continue
        relevant = (
            event.starts_custody or event.kind.value == "recognition"
            if added
            else event.ends_custody or event.kind.value == "derecognition"
        )
        if relevant:
            what = event.kind.value
            if event.release_reason is not None:
                what += f" ({event.release_reason.value})"
            if event.organisation:
                what += f" by {event.organisation}"
            reasons.append(f"{what} on {event.date} (event {event.id})")
    if reasons:
        return "; ".join(reasons)
    corrections = [
        e
        for e in history
        if e.recorded_at is not None and known_lo < e.recorded_at <= known_hi and e.version > 1
    ]
    if corrections:
        latest = max(corrections, key=lambda e: e.recorded_at or datetime.min)
        note = f": {latest.reason}" if latest.reason else ""
        return (
            f"correction of event {latest.id} recorded {latest.recorded_at:%Y-%m-%d} "
            f"by {latest.recorded_by}{note}"
        )
    return "no dated event explains it; see the person's history"

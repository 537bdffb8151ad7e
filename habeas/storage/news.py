"""Articles (stored once by content hash, with every address they were seen at), feed state
for conditional requests, and news proposals that gather sources for one fact."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from habeas.domain.proposal import Proposal, ProposalStatus
from habeas.domain.record import citation_to_dict, event_to_dict, source_from_dict
from habeas.domain.source import Source
from habeas.exceptions import NotFound
from habeas.storage import tables as t
from habeas.storage.base import SqlBase
from habeas.storage.registry import ChangeSet
from habeas.storage.review import _proposal_from_row, _proposal_payload
from habeas.storage.unit import AuditWriter, lock_writers


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored: its source (with the analysed text) and every address."""

    id: str
    source: Source
    title: str
    published: str | None
    format: str
    language: str
    model: str
    urls: tuple[str, ...]
    added_at: datetime
    extraction: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class ArticleAdded:
    """What storing an article did."""

    article: StoredArticle
    new: bool
    new_url: bool
    proposals_new: int = 0
    proposals_merged: int = 0


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the last fetch of a feed returned, for the next conditional request."""

    url: str
    etag: str = ""
    last_modified: str = ""
    checked_at: datetime | None = None
    status: int | None = None
    error: str = ""
    entries_seen: tuple[str, ...] = ()


def story_hash(text: str) -> str:
    """sha256 of the text's words only (lower case, letters and digits): the same story
    with other spacing, quote marks or punctuation has the same story hash."""
    words = " ".join(re.findall(r"\w+", text.casefold()))
    return "sha256:" + hashlib.sha256(words.encode("utf-8")).hexdigest()


def article_id(content_hash: str) -> str:
    """A stable article id from the hash of its text."""
    return "a-" + content_hash.removeprefix("sha256:")[:16]


def feed_id(url: str) -> str:
    """A stable feed id from its address."""
    return "f-" + hashlib.sha256(url.strip().encode()).hexdigest()[:16]


class ArticleStore(SqlBase):
    """Stored articles, their addresses, feed state and news proposals."""

    def store_article(
        self,
        source: Source,
        *,
        title: str,
        published: str | None,
        format: str,
        language: str,
        model: str,
        url: str,
        extraction: dict[str, Any] | None,
        proposals: list[Proposal],
        actor: str,
        at: datetime,
    ) -> ArticleAdded:
        """Store an article, its address, what was found and its proposals, all or nothing.

        The same text seen before (same content hash, or the same words: `story_hash`) is
        not stored again: the new address is added to it (syndication) and its proposals
        gain no second copy of the evidence."""
        with self.engine.begin() as conn:
            lock_writers(conn)
            story = story_hash(source.text)
            row = conn.execute(
                select(t.articles).where(
                    or_(
                        t.articles.c.content_hash == source.content_hash,
                        t.articles.c.story_hash == story,
                    )
                )
            ).first()
            new = row is None
            if row is None:
                ident = article_id(source.content_hash)
                self.apply_within(
                    conn, ChangeSet(sources=[source]), actor=actor, at=at, reason=f"article {ident}"
                )
                conn.execute(
                    insert(t.articles).values(
                        id=ident,
                        content_hash=source.content_hash,
                        story_hash=story,
                        source_id=source.id,
                        title=title,
                        published=published,
                        format=format,
                        language=language,
                        added_at=at,
                        extracted_at=at if extraction is not None else None,
                        extraction=json.dumps(extraction, ensure_ascii=False)
                        if extraction is not None
                        else None,
                        model=model,
                    )
                )
            else:
                ident = row.id
            new_url = False
            if url:
                seen = conn.execute(
                    select(t.article_urls.c.url).where(t.article_urls.c.article_id == ident)
                ).all()
                if url not in {r.url for r in seen}:
                    new_url = True
                    conn.execute(
                        insert(t.article_urls).values(article_id=ident, url=url, first_seen=at)
                    )
                    stored = self._source(conn, row.source_id if row is not None else source.id)
                    if url not in stored.urls:
                        self.apply_within(
                            conn,
                            ChangeSet(sources=[replace(stored, urls=(*stored.urls, url))]),
                            actor=actor,
                            at=at,
                            reason=f"article {ident} also at {url}",
                        )
            added, merged = (0, 0)
            if new:
                added, merged = self._add_news_proposals(conn, proposals, actor=actor, at=at)
        return ArticleAdded(self.get_article(ident), new, new_url, added, merged)

    @staticmethod
    def _source(conn: Connection, source_id: str) -> Source:
        row = conn.execute(select(t.sources).where(t.sources.c.id == source_id)).one()
        data = dict(row._mapping)
        stamp = data.get("retrieved_at")
        data["retrieved_at"] = stamp.isoformat(timespec="microseconds") if stamp else None
        return source_from_dict(data)

    def _add_news_proposals(
        self, conn: Connection, proposals: list[Proposal], *, actor: str, at: datetime
    ) -> tuple[int, int]:
        """Insert new proposals; a pending one for the same fact gains the new evidence."""
        added = merged = 0
        audit = AuditWriter(conn, actor, at, "news proposals")
        for proposal in proposals:
            row = conn.execute(select(t.proposals).where(t.proposals.c.id == proposal.id)).first()
            rejected = conn.execute(
                select(t.proposals.c.id).where(
                    t.proposals.c.match_key == proposal.match_key,
                    t.proposals.c.status == ProposalStatus.REJECTED.value,
                )
            ).first()
            if rejected is not None:
                continue
            if row is None:
                conn.execute(
                    insert(t.proposals).values(
                        id=proposal.id,
                        kind=proposal.kind.value,
                        person_id=None if proposal.person is not None else proposal.person_id,
                        summary=proposal.summary,
                        payload=_proposal_payload(proposal),
                        score=proposal.score,
                        decision=proposal.decision,
                        explanation=proposal.explanation,
                        origin=proposal.origin,
                        match_key=proposal.match_key,
                        status=ProposalStatus.PENDING.value,
                        created_at=at,
                        reviewed_at=None,
                        reviewed_by="",
                        review_reason="",
                    )
                )
                audit.add("propose", "proposal", proposal.id, None, {"summary": proposal.summary})
                added += 1
                continue
            held = _proposal_from_row(row)
            if held.status is not ProposalStatus.PENDING:
                continue
            cited = {c.source_id for c in held.evidence}
            fresh = tuple(c for c in proposal.evidence if c.source_id not in cited)
            if not fresh:
                continue
            evidence = held.evidence + fresh
            events = tuple(replace(e, citations=e.citations + fresh) for e in held.events)
            count = len({c.source_id for c in evidence})
            summary = held.summary.split(" [", 1)[0] + f" [{count} sources]"
            widened = replace(held, evidence=evidence, events=events, summary=summary)
            conn.execute(
                update(t.proposals)
                .where(t.proposals.c.id == held.id)
                .values(payload=_proposal_payload(widened), summary=summary)
            )
            audit.add(
                "update",
                "proposal",
                held.id,
                {"sources": len(cited)},
                {
                    "sources": count,
                    "evidence": [citation_to_dict(c) for c in fresh],
                    "events": [event_to_dict(e)["id"] for e in events],
                },
            )
            merged += 1
        audit.flush()
        return added, merged

    def article_by_hash(self, text_hash: str, story: str = "") -> StoredArticle | None:
        """The stored article with this exact text (or, given `story`, the same words)."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.articles).where(
                    or_(t.articles.c.content_hash == text_hash, t.articles.c.story_hash == story)
                )
            ).first()
            return self._article(conn, row) if row is not None else None

    def get_article(self, ident: str) -> StoredArticle:
        """One stored article; NotFound names how to list them."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.articles).where(t.articles.c.id == ident)).first()
            if row is None:
                raise NotFound(f'No article with id "{ident}". Add one with: habeas news add FILE')
            return self._article(conn, row)

    def articles(self) -> list[StoredArticle]:
        """Every stored article, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.articles).order_by(t.articles.c.added_at, t.articles.c.id))
            return [self._article(conn, row) for row in rows.all()]

    def _article(self, conn: Connection, row: Any) -> StoredArticle:
        urls = conn.execute(
            select(t.article_urls.c.url)
            .where(t.article_urls.c.article_id == row.id)
            .order_by(t.article_urls.c.id)
        ).all()
        return StoredArticle(
            id=row.id,
            source=self._source(conn, row.source_id),
            title=row.title,
            published=row.published,
            format=row.format,
            language=row.language,
            model=row.model,
            urls=tuple(r.url for r in urls),
            added_at=row.added_at,
            extraction=json.loads(row.extraction) if row.extraction else None,
        )

    def article_with_url(self, url: str) -> StoredArticle | None:
        """The stored article seen at this address, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.article_urls.c.article_id).where(t.article_urls.c.url == url)
            ).first()
        return self.get_article(row.article_id) if row is not None else None

    def feed_state(self, url: str) -> FeedState | None:
        """What the last fetch of this feed returned."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.feeds).where(t.feeds.c.id == feed_id(url))).first()
        if row is None:
            return None
        return FeedState(
            url=row.url,
            etag=row.etag,
            last_modified=row.last_modified,
            checked_at=row.checked_at,
            status=row.status,
            error=row.error,
            entries_seen=tuple(row.entries_seen or ()),
        )

    def save_feed_state(self, state: FeedState) -> None:
        """Remember a feed's validators, status and the entries already read."""
        values = {
            "url": state.url,
            "etag": state.etag,
            "last_modified": state.last_modified,
            "checked_at": state.checked_at,
            "status": state.status,
            "error": state.error,
            "entries_seen": list(state.entries_seen),
        }
        ident = feed_id(state.url)
        with self.engine.begin() as conn:
            lock_writers(conn)
            exists = conn.execute(select(t.feeds.c.id).where(t.feeds.c.id == ident)).first()
            if exists is None:
                conn.execute(insert(t.feeds).values(id=ident, **values))
            else:
                conn.execute(update(t.feeds).where(t.feeds.c.id == ident).values(**values))

    def feeds(self) -> list[FeedState]:
        """Every feed fetched before (what `news watch` polls)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.feeds.c.url).order_by(t.feeds.c.url)).all()
        return [s for r in rows if (s := self.feed_state(r.url)) is not None]

"""Sources (articles, decrees, court documents, testimony) and citations of them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from habeas.domain.dates import PartialDate


class SourceKind(StrEnum):
    """What kind of document a source is."""

    ARTICLE = "article"
    DECREE = "decree"
    COURT_DOCUMENT = "court_document"
    TESTIMONY = "testimony"
    LIST = "list"
    REPORT = "report"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Source:
    """A document facts are taken from, with its archived text and content hash."""

    id: str
    title: str = ""
    kind: SourceKind = SourceKind.OTHER
    publisher: str = ""
    published: PartialDate | None = None
    urls: tuple[str, ...] = ()
    text: str = ""
    content_hash: str = ""
    retrieved_at: datetime | None = None

    def with_hash(self) -> Source:
        """This source with `content_hash` computed from its archived text (if any)."""
        if not self.text:
            return self
        return Source(
            id=self.id,
            title=self.title,
            kind=self.kind,
            publisher=self.publisher,
            published=self.published,
            urls=self.urls,
            text=self.text,
            content_hash=content_hash(self.text),
            retrieved_at=self.retrieved_at,
        )


def content_hash(text: str) -> str:
    """sha256 of the UTF-8 text, as `sha256:<hex>`."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_id_for_url(url: str) -> str:
    """A stable source id derived from an address, so re-imports find the same source."""
    return "s-" + hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Citation:
    """A source backing a fact, with the quoted span that supports it.

    `start`/`end` are character offsets into the source's archived text when known.
    """

    source_id: str
    quote: str = ""
    start: int | None = None
    end: int | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

"""Published lists, their changes, and decree reports, as the API shows them."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from habeas.domain.decree import Decree
from habeas.domain.publication import ListChange, PublishedList
from habeas.jobs.decree import CheckItem, DecreeReport


class MemberOut(BaseModel):
    """A person on a published list, as frozen."""

    person_id: str
    name: str
    since: date
    organisations: list[str]


class PublicationOut(BaseModel):
    """A published list: stable number, title, date, count and content hash."""

    number: int = Field(examples=[1])
    title: str = Field(examples=["List of 28 December 2015"])
    as_of: date
    by: str | None
    published_at: str
    count: int
    content_hash: str
    withheld: int = 0
    members: list[MemberOut] | None = None

    @classmethod
    def from_domain(
        cls, published: PublishedList, withheld: set[str], members: bool = False
    ) -> PublicationOut:
        """From a published list; members now flagged at risk are left out and counted."""
        shown = [m for m in published.members if m.person_id not in withheld]
        return cls(
            number=published.number,
            title=published.title,
            as_of=published.as_of,
            by=published.by,
            published_at=published.published_at.isoformat(timespec="seconds"),
            count=published.count,
            content_hash=published.content_hash,
            withheld=published.count - len(shown),
            members=[
                MemberOut(
                    person_id=m.person_id,
                    name=m.name,
                    since=m.since,
                    organisations=list(m.organisations),
                )
                for m in shown
            ]
            if members
            else None,
        )


class ChangeOut(BaseModel):
    """Who was added to or removed from a list, and why."""

    person_id: str
    name: str
    change: str = Field(examples=["removed"])
    explanation: str

    @classmethod
    def from_domain(cls, change: ListChange) -> ChangeOut:
        """From a domain list change."""
        return cls(
            person_id=change.person_id,
            name=change.name,
            change=change.change,
            explanation=change.explanation,
        )


class DiffOut(BaseModel):
    """What changed between two published lists."""

    a: int
    b: int
    changes: list[ChangeOut]


class DecreeOut(BaseModel):
    """A stored decree."""

    id: str
    date: date
    kind: str
    number: str
    issuer: str
    language: str
    entries: int | None = None

    @classmethod
    def from_domain(cls, decree: Decree) -> DecreeOut:
        """From a domain decree."""
        return cls(
            id=decree.id,
            date=decree.date,
            kind=decree.kind.value,
            number=decree.number,
            issuer=decree.issuer,
            language=decree.language,
            entries=len(decree.entries) if decree.entries else None,
        )


class CheckItemOut(BaseModel):
    """A political prisoner and the decree line that names them (if any)."""

    person_id: str
    name: str
    entry_line: int | None
    entry_text: str
    score: float | None
    outcome: str

    @classmethod
    def from_domain(cls, item: CheckItem) -> CheckItemOut:
        """From a decree check item."""
        return cls(
            person_id=item.person_id,
            name=item.name,
            entry_line=item.entry_line,
            entry_text=item.entry_text,
            score=item.score,
            outcome=item.outcome,
        )


class DecreeReportOut(BaseModel):
    """What a decree did to the political prisoners held on its date."""

    decree: DecreeOut
    sentence: str = Field(
        examples=["0 of 66 political prisoners in custody on 2015-12-28 are named in this decree."]
    )
    prisoners_in_custody: int
    included: list[CheckItemOut]
    not_included: list[CheckItemOut]
    possible: int
    withheld: int

    @classmethod
    def from_report(cls, report: DecreeReport, withheld: set[str]) -> DecreeReportOut:
        """From a decree report; persons flagged at risk are counted, not named."""
        shown_in = [i for i in report.included if i.person_id not in withheld]
        shown_out = [i for i in report.not_included if i.person_id not in withheld]
        return cls(
            decree=DecreeOut.from_domain(report.decree),
            sentence=report.sentence(),
            prisoners_in_custody=report.prisoners_in_custody,
            included=[CheckItemOut.from_domain(i) for i in shown_in],
            not_included=[CheckItemOut.from_domain(i) for i in shown_out],
            possible=len(report.possible),
            withheld=len(report.included)
            + len(report.not_included)
            - len(shown_in)
            - len(shown_out),
        )

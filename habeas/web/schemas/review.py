"""Proposals in the review queue and review decisions, as the API shows them."""

from __future__ import annotations

from pydantic import BaseModel, Field

from habeas.domain.proposal import Proposal
from habeas.web.schemas.person import CitationOut, EventOut


class ProposalOut(BaseModel):
    """A proposal in the review queue, with its evidence and the score's explanation."""

    id: str
    kind: str
    person_id: str | None
    summary: str
    score: float | None
    decision: str
    explanation: str
    origin: str
    status: str
    events: list[EventOut]
    evidence: list[CitationOut]
    reviewed_by: str
    review_reason: str

    @classmethod
    def from_domain(cls, proposal: Proposal) -> ProposalOut:
        """From a domain proposal."""
        return cls(
            id=proposal.id,
            kind=proposal.kind.value,
            person_id=proposal.person_id or None,
            summary=proposal.summary,
            score=proposal.score,
            decision=proposal.decision,
            explanation=proposal.explanation,
            origin=proposal.origin,
            status=proposal.status.value,
            events=[EventOut.from_domain(e, e.kind.value) for e in proposal.events],
            evidence=[CitationOut.from_domain(c) for c in proposal.evidence],
            reviewed_by=proposal.reviewed_by,
            review_reason=proposal.review_reason,
        )


class ProposalsOut(BaseModel):
    """Proposals in one state."""

    items: list[ProposalOut]


class ReviewIn(BaseModel):
    """A review decision's reason."""

    reason: str = Field(
        default="", examples=["decree line matches name, patronymic and birth year"]
    )
    same_person: bool = Field(
        default=False,
        description="Accept a new-person proposal into the person an earlier acceptance "
        "created with the same spelling (refused otherwise: they may be two people).",
    )


class ReviewOut(BaseModel):
    """The outcome of a review."""

    id: str
    status: str
    written: int = 0

"""API response models (pydantic, at the edge only): built from redacted views, never from
rows or raw domain objects."""

from __future__ import annotations

from habeas.web.schemas.error import (
    AUTH_ERRORS,
    ERRORS,
    ErrorOut,
)
from habeas.web.schemas.person import (
    CaseOut,
    CitationOut,
    CountOut,
    EventOut,
    HealthOut,
    ListItemOut,
    ListOut,
    NameOut,
    PersonItem,
    PersonOut,
    PersonsOut,
    SentenceOut,
    SourceOut,
    TimelineOut,
    TimelinePoint,
    list_json,
)
from habeas.web.schemas.publication import (
    ChangeOut,
    CheckItemOut,
    DecreeOut,
    DecreeReportOut,
    DiffOut,
    MemberOut,
    PublicationOut,
)
from habeas.web.schemas.review import (
    ProposalOut,
    ProposalsOut,
    ReviewIn,
    ReviewOut,
)

__all__ = [
    "AUTH_ERRORS",
    "CaseOut",
    "ChangeOut",
    "CheckItemOut",
    "CitationOut",
    "CountOut",
    "DecreeOut",
    "DecreeReportOut",
    "DiffOut",
    "ERRORS",
    "ErrorOut",
    "EventOut",
    "HealthOut",
    "ListItemOut",
    "ListOut",
    "MemberOut",
    "NameOut",
    "PersonItem",
    "PersonOut",
    "PersonsOut",
    "ProposalOut",
    "ProposalsOut",
    "PublicationOut",
    "ReviewIn",
    "ReviewOut",
    "SentenceOut",
    "SourceOut",
    "TimelineOut",
    "TimelinePoint",
    "list_json",
]

"""Records of a name comparison: decision, per-part evidence and the overall match."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from habeas.names.parse import ParsedName


class Decision(StrEnum):
    """What a score means for a reviewer."""

    MATCH = "match"
    POSSIBLE = "possible"
    NO = "no"


class Part(StrEnum):
    """A piece of evidence in a name comparison."""

    SURNAME = "surname"
    GIVEN = "given"
    PATRONYMIC = "patronymic"
    MIDDLE = "middle"
    BIRTH_YEAR = "birth_year"
    GENDER = "gender"


@dataclass(frozen=True, slots=True)
class PartComparison:
    """One part compared: values, similarity, signed weight (log-odds) and a note."""

    part: Part
    left: str | None
    right: str | None
    similarity: float | None
    weight: float
    note: str

    @property
    def weight_for(self) -> float:
        """Return the evidence for the match (0 when against)."""
        return max(self.weight, 0.0)

    @property
    def weight_against(self) -> float:
        """Return the evidence against the match as a positive number (0 when for)."""
        return max(-self.weight, 0.0)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The result of comparing two names: score, decision, explanation and evidence."""

    score: float
    decision: Decision
    explanation: str
    evidence: tuple[PartComparison, ...]
    left: ParsedName
    right: ParsedName

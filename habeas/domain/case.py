"""Cases: one prosecution, its defendants, charges, court and officials."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from habeas.domain.visibility import Visibility


class OfficialRole(StrEnum):
    """The part an official plays in a case."""

    JUDGE = "judge"
    PROSECUTOR = "prosecutor"
    INVESTIGATOR = "investigator"
    MINISTER = "minister"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Charge:
    """A criminal-code article and its plain name, e.g. Art. 274 — high treason."""

    article: str
    name: str = ""
    code: str = ""

    def label(self) -> str:
        """ "Art. 274 — high treason"."""
        text = f"Art. {self.article}"
        return f"{text} — {self.name}" if self.name else text


@dataclass(frozen=True, slots=True)
class CaseOfficial:
    """An official (a registry person with role `official`) in a case."""

    person_id: str
    role: OfficialRole


@dataclass(frozen=True, slots=True)
class Case:
    """One prosecution; group cases have several defendants."""

    id: str
    title: str
    defendants: tuple[str, ...] = ()
    charges: tuple[Charge, ...] = ()
    court: str = ""
    officials: tuple[CaseOfficial, ...] = ()
    visibility: Visibility = Visibility.PUBLIC

    def __post_init__(self) -> None:
        if not self.id.strip():
            raise ValueError("a case needs an id")

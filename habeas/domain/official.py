"""Officials: persons in official roles, their positions over time, and screening hits."""

from __future__ import annotations

from dataclasses import dataclass

from habeas.domain.dates import PartialDate
from habeas.domain.source import Citation
from habeas.domain.visibility import Visibility


@dataclass(frozen=True, slots=True)
class Position:
    """A post an official held: "judge of the Grave Crimes Court", from, to, with sources."""

    id: str
    person_id: str
    title: str
    organisation: str = ""
    country: str = ""
    start: PartialDate | None = None
    end: PartialDate | None = None
    citations: tuple[Citation, ...] = ()
    visibility: Visibility = Visibility.PUBLIC

    def __post_init__(self) -> None:
        if not self.id.strip() or not self.person_id.strip():
            raise ValueError("a position needs an id and a person")
        if not self.title.strip():
            raise ValueError(f'position "{self.id}" needs a title')
        if self.start and self.end and self.end.latest() < self.start.earliest():
            raise ValueError(f'position "{self.id}" ends ({self.end}) before it starts')


@dataclass(frozen=True, slots=True)
class ScreeningRun:
    """One screening of a list of names against a sanctions/PEP file, with its hits.

    `hits` is canonical JSON text (a list of hit objects as `habeas screen` prints them),
    kept so a later run against a newer file can report what changed.
    """

    id: str
    against: str
    file_hash: str
    screened: int
    hits: str

"""Persons and their many names."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from habeas.domain.dates import PartialDate
from habeas.domain.visibility import Visibility


class Script(StrEnum):
    """Writing system of a name (ISO 15924 codes)."""

    LATN = "Latn"
    CYRL = "Cyrl"
    ARAB = "Arab"
    ARMN = "Armn"
    GEOR = "Geor"
    OTHER = "Zyyy"


class NameKind(StrEnum):
    """Where a name comes from and how much it proves."""

    OFFICIAL = "official"
    """The spelling in the state's own documents (decree, court). Agreement on it is strong."""

    TRANSLITERATION = "transliteration"
    """A spelling in another script or standard. Many persons share one transliteration
    (Mamedov stands for several Azerbaijani spellings), so a transliteration alone never
    merges two persons: it makes a candidate for review."""

    ALIAS = "alias"
    """A pen name or nickname (Agaaddin for Rashad Ramazanov)."""

    FORMER = "former"
    """A name no longer used (before marriage, before the 1993 suffix change)."""


class Gender(StrEnum):
    """Gender as given by the source."""

    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class PersonName:
    """One spelling of a person's name."""

    value: str
    script: Script = Script.LATN
    language: str = ""
    kind: NameKind = NameKind.TRANSLITERATION
    source_id: str | None = None


class NoteKind(StrEnum):
    """Kinds of notes; the sensitive ones default to restricted."""

    FAMILY = "family"
    HEALTH = "health"
    LAWYER = "lawyer"
    GENERAL = "general"


SENSITIVE_NOTES = frozenset({NoteKind.FAMILY, NoteKind.HEALTH, NoteKind.LAWYER})


@dataclass(frozen=True, slots=True)
class Note:
    """A note on a person; family, health and lawyer's notes are restricted by default."""

    kind: NoteKind
    text: str
    visibility: Visibility = Visibility.RESTRICTED


class PersonRole(StrEnum):
    """Why a person is in the registry."""

    PRISONER = "prisoner"
    OFFICIAL = "official"


PERSON_FIELDS = (
    "birth",
    "gender",
    "country",
    "occupations",
    "affiliations",
    "biography",
)


@dataclass(frozen=True, slots=True)
class Person:
    """One human being, with every spelling of the name and per-field visibility.

    `visibility` maps a field name (see PERSON_FIELDS) to who may see it; fields not in
    it are public. `risk` set blocks the person from every publication.
    """

    id: str
    names: tuple[PersonName, ...]
    birth: PartialDate | None = None
    gender: Gender = Gender.UNKNOWN
    country: str = ""
    occupations: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    biography: str = ""
    role: PersonRole = PersonRole.PRISONER
    notes: tuple[Note, ...] = ()
    visibility: dict[str, Visibility] = field(default_factory=dict, hash=False)
    risk: bool = False

    def __post_init__(self) -> None:
        if not self.id.strip():
            raise ValueError("a person needs an id")
        if not self.names:
            raise ValueError(f'person "{self.id}" needs at least one name')

    @property
    def name(self) -> str:
        """The display name: the first name given."""
        return self.names[0].value

    def field_visibility(self, name: str) -> Visibility:
        """Visibility of one field (public unless marked)."""
        return self.visibility.get(name, Visibility.PUBLIC)

"""Persons and their mentions in one article: who is named or described, and where."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def fold_word(word: str) -> str:
    """A name word lower-cased without a possessive ending ("Aliyev’s" → "aliyev")."""
    return _POSSESSIVE.sub("", word).lower()


KIN = {
    "mother": "female", "father": "male", "wife": "female", "husband": "male",
    "sister": "female", "brother": "male", "son": "male", "daughter": "female",
    "lawyer": None, "attorney": None, "parents": "plural", "family": "plural", "uncle": "male",
    "aunt": "female", "niece": "female", "nephew": "male", "cousin": None,
}  # fmt: skip


CHILD_OF: dict[str, tuple[str, ...]] = {
    "mother": ("son", "daughter", "child"),
    "father": ("son", "daughter", "child"),
}


CHILD_OF |= {"parents": ("son", "daughter", "child"), "family": ("son", "daughter", "relative")}


CHILD_OF |= {"wife": ("husband",), "husband": ("wife",), "sister": ("brother", "sister")}


CHILD_OF |= {"brother": ("brother", "sister"), "lawyer": ("client",)}


MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})


FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})


@dataclass(slots=True)
class Entity:
    """One person the article speaks of: named, or described ("Mirgadirov's mother")."""

    key: int
    name: str | None
    description: str = ""
    gender: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    kin_of: int | None = None
    relation: str = ""
    role: str = ""

    @property
    def label(self) -> str:
        """The name, else the description."""
        return self.name or self.description


@dataclass(frozen=True, slots=True)
class Mention:
    """A place in the text that refers to an entity; `via` says how it was found."""

    start: int
    end: int
    entity: int
    via: str  # name, surname, description, pronoun, kin


@dataclass(slots=True)
class PersonFinder:
    """Entities and mentions of one document."""

    text: str
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), innermost first."""
        best: Mention | None = None
        for mention in self.mentions:
            if mention.start < end and start < mention.end:
                if best is None or (mention.end - mention.start) < (best.end - best.start):
                    best = mention
        return self.entities[best.entity] if best is not None else None

    def add_mention(self, start: int, end: int, entity: Entity, via: str) -> None:
        """Record a mention (once per span)."""
        if any(m.start == start and m.end == end for m in self.mentions):
            return
        self.mentions.append(Mention(start, end, entity.key, via))
        if via in ("name", "surname", "description"):
            entity.spans.append((start, end))

    def new_entity(self, name: str | None, **fields: Any) -> Entity:
        """Create an entity."""
        entity = Entity(len(self.entities), name, **fields)
        self.entities.append(entity)
        return entity

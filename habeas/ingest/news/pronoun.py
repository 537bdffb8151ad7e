"""Pronouns and kin words: he/she/his/her resolved to the nearest person they fit,
"her son" through the person she was described by, a relative named soon after."""

from __future__ import annotations

from typing import Any

from habeas.ingest.news.mention import (
    CHILD_OF,
    FEMALE_PRONOUNS,
    KIN,
    MALE_PRONOUNS,
    Entity,
    Mention,
    PersonFinder,
    fold_word,
)


def name_the_described(finder: PersonFinder) -> None:
    """ "Leyla Amani has not seen her son … The student, Ilkin Amani": a relative described
    first and named soon after (same surname, fitting gender) is that named person."""
    for entity in finder.entities:
        if entity.name is not None or entity.kin_of is None:
            continue
        owner = finder.entities[entity.kin_of]
        if owner.name is None or entity.relation not in (
            "son",
            "daughter",
            "husband",
            "wife",
            "brother",
            "sister",
        ):
            continue
        surname = fold_word(owner.name.split()[-1])
        first = min((m.start for m in finder.mentions if m.entity == entity.key), default=None)
        if first is None:
            continue
        for named in finder.entities:
            if named.name is None or named is owner or len(named.name.split()) < 2:
                continue
            spans = [s for s, _ in named.spans]
            if fold_word(named.name.split()[-1]) != surname or not spans:
                continue
            if (
                not (first < min(spans) <= first + 400)
                or _compatible(named, entity.gender or "") == 0
            ):
                continue
            finder.mentions = [
                Mention(m.start, m.end, named.key, m.via) if m.entity == entity.key else m
                for m in finder.mentions
            ]
            break


def _compatible(entity: Entity, gender: str) -> int:
    """2 when the gender is known to match, 1 when unknown, 0 when it clashes."""
    if not gender:
        return 1
    if entity.gender == gender:
        return 2
    return 1 if entity.gender is None else 0


def _in_quote(offset: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    for start, end in quotes:
        if start <= offset < end:
            return (start, end)
    return None


def resolve_pronoun(
    finder: PersonFinder,
    offset: int,
    gender: str,
    quotes: list[tuple[int, int]],
    skip: Entity | None = None,
) -> Entity | None:
    """The entity a he/she at `offset` most likely refers to: the nearest earlier mention of
    the right gender (unknown gender only when none fits), not inside another quotation."""
    own = _in_quote(offset, quotes)
    unknown: Entity | None = None
    for mention in reversed(finder.mentions):
        if mention.start >= offset or offset - mention.start > 1500:
            continue
        where = _in_quote(mention.start, quotes)
        if where is not None and where != own:
            continue
        entity = finder.entities[mention.entity]
        if entity is skip:
            continue
        fit = _compatible(entity, gender)
        if fit == 2:
            return entity
        if fit == 1 and unknown is None:
            unknown = entity
    return unknown


def resolve_pronouns(doc: Any, finder: PersonFinder, quotes: list[tuple[int, int]]) -> None:
    """Resolve he/she/his/her and kin phrases ("her son") in text order."""
    for token in doc:
        low = token.lower_
        if low in MALE_PRONOUNS:
            gender = "male"
        elif low in FEMALE_PRONOUNS:
            gender = "female"
        else:
            continue
        if any(m.start <= token.idx < m.end for m in finder.mentions):
            continue
        entity = resolve_pronoun(finder, token.idx, gender, quotes)
        if entity is None:
            continue
        if entity.gender is None and entity.name is not None:
            entity.gender = gender  # "Zaur Pelt … his daughter": learnt from the pronoun
        finder.add_mention(token.idx, token.idx + len(token.text), entity, "pronoun")
        finder.mentions.sort(key=lambda m: m.start)
        nxt = token.nbor() if token.i + 1 < len(doc) else None
        if nxt is not None and low in ("his", "her") and nxt.lower_ in KIN:
            kin = _named_after(finder, nxt) or _kin(finder, entity, nxt.lower_)
            if kin is not None:
                finder.add_mention(nxt.idx, nxt.idx + len(nxt.text), kin, "kin")
                finder.mentions.sort(key=lambda m: m.start)


def _named_after(finder: PersonFinder, word: Any) -> Entity | None:
    """ "her husband Leon Ostrava", "his daughter, Sara Velt": the name right after."""
    after = finder.text[word.idx + len(word.text) : word.idx + len(word.text) + 3]
    skip = len(after) - len(after.lstrip(" ,"))
    at = word.idx + len(word.text) + skip
    for mention in finder.mentions:
        if mention.start == at and mention.via == "name":
            person = finder.entities[mention.entity]
            person.gender = person.gender or KIN.get(word.lower_)
            return person
    return None


def _kin(finder: PersonFinder, owner: Entity, word: str) -> Entity | None:
    """The person "her son" names when the owner was described through them."""
    if owner.kin_of is not None and word in CHILD_OF.get(owner.relation, ()):
        return finder.entities[owner.kin_of]
    label = f"{owner.label}’s {word}"
    for entity in finder.entities:
        if entity.description == label:
            return entity
    return finder.new_entity(
        None, description=label, gender=KIN.get(word), kin_of=owner.key, relation=word
    )

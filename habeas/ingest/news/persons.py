"""Persons in an article: names from the statistical pipeline cleaned by domain rules,
surname-only and possessive mentions joined to the full name, descriptions ("Mirgadirov's
mother") and third-person pronouns resolved to the nearest person they fit."""

from __future__ import annotations

import re
from typing import Any

from habeas.ingest.news.doctext import doc_text
from habeas.ingest.news.mention import KIN, Entity, PersonFinder, fold_word
from habeas.ingest.news.pronoun import name_the_described, resolve_pronouns
from habeas.names.parse import Gender, surname_gender

TITLES = frozenset(
    "mr mrs ms miss dr prof president congressman congresswoman senator judge prosecutor "
    "minister deputy ambassador general colonel major captain lieutenant sheikh imam "
    "journalist activist blogger lawyer attorney poet writer economist scholar opposition "
    "leader chairman chairwoman head director editor reporter researcher mp organiser "
    "organizer coordinator spokesman spokeswoman spokesperson founder chief deputy officer "
    "former student teacher economist theologian poet translator prisoner inmate detainee "
    "dissident rapper singer artist historian engineer scientist doctor imam pastor priest "
    "unionist photographer filmmaker businessman businesswoman opposition politician".split()
)


MALE_TITLES = frozenset({"mr", "congressman", "sheikh", "imam", "chairman"})


FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "congresswoman", "chairwoman"})


_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ani|ian|ese|ish|ean|i|an)$")


_NOT_NAMES = frozenset(
    "god allah congress parliament court president government republic police the".split()
)


_ORG_WORDS = frozenset(
    "Wire News Times Post Herald Agency Service Radio TV Press Daily Monitor Union Group "
    "Court Party Council Ministry Committee Center Centre Watch Network Media Journal "
    "Gazette Review Tribune Institute Foundation".split()
)


_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


_BLOCK_ENTS = frozenset({"LAW", "WORK_OF_ART", "PRODUCT", "EVENT"})


_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def _clean_span(doc: Any, start: int, end: int) -> tuple[int, int, str] | None:
    """Drop leading titles and determiners and a trailing possessive from a name span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = [t for t in span if not t.is_punct or t.text in ("-",)]
    while tokens and (
        tokens[0].lower_.rstrip(".") in TITLES or tokens[0].lower_ in ("the", "a", "an")
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in ("’s", "'s", "’", "'"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(doc)[s:e]
    text = _POSSESSIVE.sub("", text)
    e = s + len(text)
    words = text.split()
    if not words or any(not w[0].isupper() for w in words):
        return None
    if len(words) == 1 and (_DEMONYM.match(words[0]) and len(words[0]) > 6 or len(words[0]) < 3):
        return None
    if any(w.lower() in _NOT_NAMES for w in words):
        return None
    return s, e, text


def _widen(doc: Any, ent: Any) -> tuple[int, int]:
    """A person span grown over adjacent capitalised proper nouns the model left out
    ("Farid" labelled, "Rasko" not)."""
    first, last = ent.start, ent.end - 1
    while last + 1 < len(doc):
        nxt = doc[last + 1]
        joined = nxt.head.i in (last, last + 1) or doc[last].head.i == last + 1
        if nxt.pos_ == "PROPN" and nxt.is_title and not nxt.ent_type_ and joined:
            last += 1
        else:
            break
    while first > 0:
        prev = doc[first - 1]
        if (
            prev.pos_ == "PROPN"
            and prev.is_title
            and not prev.ent_type_
            and prev.lower_.rstrip(".") not in TITLES
            and prev.dep_ == "compound"
        ):
            first -= 1
        else:
            break
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _trailing_name(doc: Any, ent: Any) -> tuple[int, int] | None:
    """The personal name at the end of an ORG/GPE entity ("the National Council Jamil
    Hasanli"), recognised by a surname-like last word."""
    from habeas.names.parse import surname_score

    tokens = [t for t in ent if t.text not in ("’s", "'s")]
    if len(tokens) < 3:
        return None
    last, before = tokens[-1], tokens[-2]
    if not (last.is_title and before.is_title) or surname_score(last.text) < 1.5:
        return None
    return before.idx, last.idx + len(last.text)


def _gender_of(name: str, before: str) -> str | None:
    words = name.split()
    title = before.split()[-1].lower().rstrip(".") if before.split() else ""
    if title in MALE_TITLES:
        return "male"
    if title in FEMALE_TITLES:
        return "female"
    found = surname_gender(words[-1]) if len(words) > 1 or True else None
    if found is Gender.FEMALE:
        return "female"
    if found is Gender.MALE:
        return "male"
    if len(words) > 1 and words[0].lower().endswith(("a", "ya")) and words[0].lower() != "luca":
        return "female"
    return None


_ROLE = re.compile(
    r"(?:\b(?P<role>[a-z’'-]+(?:\s+[a-z’'-]+){0,2}\s+(?:journalist|activist|blogger|lawyer|"
    r"poet|writer|leader|reporter|editor|scholar|economist|dissident|member|defender|"
    r"researcher|student|imam|theologian|politician|official|judge|prosecutor|investigator))"
    r"\s+)$"
)


def find_persons(doc: Any, quotes: list[tuple[int, int]]) -> PersonFinder:
    """Named persons with every mention, descriptions, and pronouns resolved."""
    text: str = doc_text(doc)
    finder = PersonFinder(text)
    blocked = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _BLOCK_ENTS]
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in _NAME_ENTS:
            continue
        if ent.label_ == "PERSON":
            start, end = _widen(doc, ent)
            cleaned = _clean_span(doc, start, end)
            if cleaned:
                spans.append(cleaned)
        else:
            trailing = _trailing_name(doc, ent)
            if trailing:
                cleaned = _clean_span(doc, *trailing)
                if cleaned:
                    spans.append(cleaned)
    spans = [
        s
        for s in spans
        if not any(b0 <= s[0] < b1 for b0, b1 in blocked)
        and not re.match(r"\s+(?:Act|Law|Bill|Prize|Foundation|Institute)\b", text[s[1] :])
        and s[2].split()[-1] not in _ORG_WORDS
    ]
    spans = [
        s
        for s in spans
        if len(s[2].split()) > 1 or not re.search(r"\bthe\s+$", text[max(0, s[0] - 5) : s[0]])
    ]
    spans.sort(key=lambda s: (-len(s[2].split()), s[0]))
    by_name: dict[str, Entity] = {}
    for start, end, name in spans:
        words = name.split()
        folded = " ".join(fold_word(w) for w in words)
        entity = by_name.get(folded)
        if entity is None and len(words) == 1:
            entity = _by_part(finder, folded, start)
        if entity is None:
            before = text[max(0, start - 40) : start]
            entity = finder.new_entity(name, gender=_gender_of(name, before))
            role = _ROLE.search(before)
            if role:
                entity.role = role.group("role").split()[-1]
            by_name[folded] = entity
        finder.add_mention(start, end, entity, "name" if len(words) > 1 else "surname")
    _surname_pairs(doc, finder, blocked)
    _scan_surnames(finder, blocked)
    _descriptions(finder)
    finder.mentions.sort(key=lambda m: m.start)
    resolve_pronouns(doc, finder, quotes)
    name_the_described(finder)
    finder.mentions.sort(key=lambda m: m.start)
    return finder


def _surname_pairs(doc: Any, finder: PersonFinder, blocked: list[tuple[int, int]]) -> None:
    """ "jailed economist Fariz Orlov" missed by the model: a capitalised given name before a
    clear surname (-ov/-ova/-ev/-li/-zadə…) is a person in this domain."""
    from habeas.names.parse import surname_score

    for token in doc[1:]:
        prev = doc[token.i - 1]
        if not (
            token.pos_ == "PROPN" and prev.pos_ == "PROPN" and token.is_title and prev.is_title
        ):
            continue
        if surname_score(token.text) < 2.0 or prev.lower_.rstrip(".") in TITLES:
            continue
        start, end = prev.idx, token.idx + len(token.text)
        if any(m.start < end and start < m.end for m in finder.mentions):
            continue
        if any(b0 <= start < b1 for b0, b1 in blocked) or token.ent_type_ in ("GPE", "LOC"):
            continue
        name = finder.text[start:end]
        entity = next((e for e in finder.entities if e.name == name), None)
        if entity is None:
            entity = finder.new_entity(name, gender=_gender_of(name, ""))
        finder.add_mention(start, end, entity, "name")


def _by_part(finder: PersonFinder, word: str, at: int) -> Entity | None:
    """The named entity one word of which is `word` (surname first), nearest before `at`."""
    best: Entity | None = None
    for entity in finder.entities:
        if entity.name is None:
            continue
        parts = [fold_word(w) for w in entity.name.split()]
        if len(parts) > 1 and word in (parts[-1], parts[0]):
            if best is None or (
                parts[-1] == word and best.name and fold_word(best.name.split()[-1]) != word
            ):
                best = entity
    return best


def _scan_surnames(finder: PersonFinder, blocked: list[tuple[int, int]]) -> None:
    """Surnames of named persons the pipeline missed ("Aliyev’s" read as an organisation)."""
    for entity in list(finder.entities):
        if entity.name is None or len(entity.name.split()) < 2:
            continue
        surname = entity.name.split()[-1]
        for match in re.finditer(rf"\b{re.escape(surname)}\b", finder.text):
            s, e = match.span()
            if any(m.start <= s < m.end for m in finder.mentions):
                continue
            if any(b0 <= s < b1 for b0, b1 in blocked):
                continue
            finder.add_mention(s, e, entity, "surname")


_DESCRIBED = re.compile(r"(?:’s|'s)\s+(" + "|".join(KIN) + r")\b")


def _descriptions(finder: PersonFinder) -> None:
    """Persons described through a named one: "Mirgadirov’s mother"."""
    for mention in list(finder.mentions):
        match = _DESCRIBED.match(finder.text, mention.end)
        if not match:
            continue
        owner = finder.entities[mention.entity]
        relation = match.group(1)
        rest = finder.text[match.end() : match.end() + 3]
        at = match.end() + len(rest) - len(rest.lstrip(" ,"))
        named = [m for m in finder.mentions if m.start == at and m.via == "name"]
        if named:
            person = finder.entities[named[0].entity]
            person.gender = person.gender or KIN[relation]
            finder.add_mention(mention.start, match.end(), person, "kin")
            continue
        label = finder.text[mention.start : match.end()]
        entity = finder.new_entity(
            None, description=label, gender=KIN[relation], kin_of=owner.key, relation=relation
        )
        finder.add_mention(mention.start, match.end(), entity, "description")


def add_name(finder: PersonFinder, token: Any) -> Entity | None:
    """A person named by a proper noun (with its compound first names) that the model
    did not label: found in an event's person slot, so a person by the event's type."""
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    parts = [p for p in parts if p.is_title and p.lower_.rstrip(".") not in TITLES]
    words = [*parts, token]
    if len(words) == 1:  # a first name or surname of someone named before ("Emin")
        known = _by_part(finder, fold_word(token.text), token.idx)
        if known is not None:
            finder.add_mention(token.idx, token.idx + len(token.text), known, "surname")
            finder.mentions.sort(key=lambda m: m.start)
        return known
    if any(w.lower_ in _NOT_NAMES for w in words):
        return None
    start, end = words[0].idx, token.idx + len(token.text)
    name = finder.text[start:end]
    for entity in finder.entities:
        if entity.name == name:
            finder.add_mention(start, end, entity, "name")
            return entity
    entity = finder.new_entity(name, gender=_gender_of(name, ""))
    finder.add_mention(start, end, entity, "name")
    _scan_surnames(finder, [])
    finder.mentions.sort(key=lambda m: m.start)
    return entity

"""Event arguments: the person an event is about and who issued it, from the parse, with
fallbacks for the small model's errors."""

from __future__ import annotations

from typing import Any

from habeas.ingest.news.mention import Entity, PersonFinder
from habeas.ingest.news.modality import NOBODY
from habeas.ingest.news.persons import add_name
from habeas.ingest.news.trigger import (
    PERSON_IS_SUBJECT,
    child_with,
    is_passive,
    passive_surface,
    relcl_head,
    sentence_of,
)

GENERIC = frozenset(
    "prisoners people activists journalists dissidents those them others families members "
    "men women detainees anyone".split()
)


ARG_NOUNS = frozenset(
    "sentence verdict conviction case appeal detention arrest release trial term".split()
)


def entity_of(token: Any, finder: PersonFinder) -> Entity | None:
    """The person a noun phrase headed by `token` names (not its possessor); a proper name
    in an event's person slot that the statistical model missed becomes a person."""
    if token is None:
        return None
    if token.lower_ in NOBODY:
        return None
    for prep in token.children:  # "prisoners such as student leader Orhan Pell"
        if prep.dep_ == "prep" and prep.lower_ in ("as", "including", "like"):
            found = entity_of(child_with(prep, ("pobj",)), finder)
            if found is not None:
                return found
    found = finder.entity_at(token.idx, token.idx + len(token.text))
    if found is not None:
        return found
    for child in token.children:  # "journalists Tural Sorn and Parviz Ekk" names them
        if child.dep_ in ("compound", "appos", "flat", "nmod"):
            found = finder.entity_at(child.idx, child.idx + len(child.text))
            if found is not None:
                return found
            if child.dep_ == "appos":
                found = entity_of(child, finder)
                if found is not None:
                    return found
    if token.lower_ in GENERIC:
        return None  # "prisoners were freed": people the text does not name
    if token.lemma_.lower() in ARG_NOUNS:  # "the sentence of Aida Marsh", "his detention"
        poss = child_with(token, ("poss",))
        if poss is not None:
            return finder.entity_at(poss.idx, poss.idx + len(poss.text))
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return entity_of(child_with(prep, ("pobj",)), finder)
    if token.pos_ == "PROPN" and token.is_title and token.ent_type_ not in PLACES:
        return add_name(finder, token)
    return None


PLACES = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT", "LAW"})


def person_token_of(token: Any, kind: str) -> Any:
    """The token naming the person an event trigger is about."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("NOUN", "PROPN"):
        poss = child_with(token, ("poss",))
        if poss is not None:
            return poss
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                pobj = child_with(prep, ("pobj",))
                if pobj is not None and (pobj.pos_ in ("PROPN", "PRON") or kind != "hunger_strike"):
                    return pobj
        if token.lemma_.lower() in ("sentence", "term"):  # "handed a sentence to X"
            for prep in token.head.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
                    return child_with(prep, ("pobj",))
            return child_with(token.head, ("nsubj", "nsubjpass"))
        governor = token.head
        if kind == "hunger_strike":
            while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
                governor = governor.head
            return child_with(governor, ("nsubj", "nsubjpass"))
        while governor.pos_ == "ADP" and governor.head.i != governor.i:
            governor = governor.head  # "went on trial", "held in pretrial detention"
        verb = governor.lemma_.lower()
        if verb in ("receive", "get", "face", "begin", "go", "stand"):
            return child_with(governor, ("nsubj",))
        if kind in ("detention", "arrest") and verb in ("hold", "place", "keep", "remand", "put"):
            return child_with(governor, ("nsubjpass", "dobj"))
        return None
    if lemma in PERSON_IS_SUBJECT:
        subject = child_with(token, ("nsubj", "nsubjpass"))
    elif is_passive(token):
        subject = child_with(token, ("nsubjpass",))
    else:
        subject = child_with(token, ("dobj",))
        if lemma in ("let",):
            subject = child_with(token, ("nsubjpass", "nsubj"))
    if subject is None and token.dep_ in ("conj", "xcomp", "advcl"):
        return person_token_of(token.head, kind) if token.head.i != token.i else None
    if subject is None and token.dep_ in ("acl", "relcl"):
        return token.head
    if subject is not None and subject.lower_ in ("who", "that", "which"):
        return relcl_head(subject) or subject
    return subject


def issuer_token_of(token: Any) -> Any:
    """The token naming who issued a decree, pardon or amnesty (its signer)."""
    subject = child_with(token, ("nsubj",))
    if subject is not None:
        return subject
    if token.dep_ == "xcomp":  # "asked President Brel to pardon him": Brel would issue it
        asked = child_with(token.head, ("dobj",))
        if asked is not None:
            return asked
    for prep in token.children:
        if prep.dep_ == "agent":
            return child_with(prep, ("pobj",))
    poss = child_with(token, ("poss",))
    if poss is not None:
        return poss
    if token.dep_ in ("dobj", "pobj") and token.head.pos_ == "VERB":
        return child_with(token.head, ("nsubj",))
    return None


def nearby_person(token: Any, finder: PersonFinder, quotes: list[tuple[int, int]]) -> Entity | None:
    """When the parse gives no person: the nearest person mention on the side a person of
    this event stands (left of a passive verb or a subject-verb, right of an active one)."""
    sent = sentence_of(token)
    lemma = token.lemma_.lower()
    if passive_surface(token) or lemma in PERSON_IS_SUBJECT:
        before = [m for m in finder.mentions if sent.start_char <= m.start < token.idx]
        return finder.entities[before[-1].entity] if before else None
    limit = token.i + 8
    for right in token.doc[token.i + 1 : min(limit, sent.end)]:
        if right.pos_ in ("VERB", "AUX") or right.text in (";", ".", "“", "”"):
            break
        found = finder.entity_at(right.idx, right.idx + len(right.text))
        if found is not None:
            return found
        if right.pos_ == "PROPN" and right.is_title and right.ent_type_ not in PLACES:
            nxt = token.doc[right.i + 1] if right.i + 1 < len(token.doc) else None
            if nxt is None or nxt.pos_ != "PROPN":
                return add_name(finder, right)
    return None

"""Events in an article: triggers (verbs and a few nouns) of the domain's event types, the
person each is about, its date, charge, term, court and issuer, and modality flags.

Flags say when an event did not (or not yet, or not once) happen as a fact: `negated`
("none of ours were let go"), `hypothetical` (hoped for, expected, conditional, would
have), `habitual` ("for many years … has signed"), `in_quote` (only a speaker says it) and
`disputed` (a charge the article calls false). Flagged events are context for a reviewer,
never proposals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from habeas.domain.dates import PartialDate
from habeas.ingest.news.argument import entity_of, issuer_token_of, nearby_person, person_token_of
from habeas.ingest.news.doctext import doc_text
from habeas.ingest.news.mention import Entity, PersonFinder
from habeas.ingest.news.modality import DISPUTE, SPEECH, flags_of, hoped, subordinate
from habeas.ingest.news.pronoun import resolve_pronoun
from habeas.ingest.news.term import find_charges, find_terms, sentence_kind_near
from habeas.ingest.news.trigger import (
    COURT,
    ISSUED,
    headline,
    own_range,
    sentence_of,
    signing_verb,
    subtree_range,
    trigger_type,
)
from habeas.ingest.news.when import DateMention


@dataclass(slots=True)
class FoundEvent:
    """One event as read from the text."""

    type: str
    trigger: tuple[int, int]
    evidence: tuple[int, int]
    person: Entity | None = None
    date: PartialDate | None = None
    date_span: tuple[int, int] | None = None
    charge: str | None = None
    charge_span: tuple[int, int] | None = None
    term_months: int | None = None
    sentence_kind: str | None = None
    court: str | None = None
    issuer: Entity | None = None
    release_reason: str | None = None
    flags: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    also: list[tuple[int, int]] = field(default_factory=list)


def _date_for(token: Any, triggers: dict[int, str], dates: list[DateMention]) -> DateMention | None:
    """The date attached to this trigger in the parse, else the sentence's own date."""
    sent = sentence_of(token)
    own: DateMention | None = None
    sentence_level: DateMention | None = None
    for mention in dates:
        if not sent.start_char <= mention.start < sent.end_char or mention.value is None:
            continue
        head = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if head is None:
            continue
        node = head.root
        owner = None
        reporting = False
        first_verb = True
        while True:
            if node.pos_ in ("VERB", "AUX") and node.i not in triggers and first_verb:
                first_verb = False
                # "said on Friday": when it was said, not when it happened
                reporting = node.lemma_.lower() in SPEECH
            if node.i in triggers and node.i != head.root.i:
                owner = node.i
                break
            if node.head.i == node.i:
                break
            node = node.head
        if owner == token.i and own is None:
            own = mention
        elif owner is None and sentence_level is None and not reporting:
            sentence_level = mention
    if own is None and (subordinate(token) or hoped(token)):
        return None
    return own or sentence_level


def _release_reason(sentence: str, lemma: str) -> str | None:
    low = sentence.lower()
    if lemma == "acquit" or "acquit" in low:
        return "acquittal"
    if "pardon" in low:
        return "pardon"
    if "amnest" in low:
        return "amnesty"
    if "house arrest" in low:
        return "house_arrest"
    if re.search(r"\b(bail|parole|conditional|probation)\b", low):
        return "conditional"
    if re.search(r"\b(served|completed|end of his|end of her)\b", low):
        return "served"
    return None


def find_events(
    doc: Any,
    finder: PersonFinder,
    dates: list[DateMention],
    quotes: list[tuple[int, int]],
    speakers: dict[tuple[int, int], int] | None = None,
) -> list[FoundEvent]:
    """Every event the sentences of `doc` state, coreferent repeats merged; `speakers`
    maps quotation spans to their speaker entity ("“They beat me,” Solt said")."""
    speakers = speakers or {}
    text: str = doc_text(doc)
    found: list[FoundEvent] = []
    previous: list[FoundEvent] = []
    for sent in doc.sents:
        triggers: dict[int, str] = {}
        for token in sent:
            kind = trigger_type(token)
            if kind is not None:
                triggers[token.i] = kind
        decree_ranges = [subtree_range(doc[i]) for i, kind in triggers.items() if kind == "decree"]
        signed = [
            subtree_range(doc[i])
            for i, kind in triggers.items()
            if kind == "decree" and doc[i].pos_ in ("VERB", "AUX")
        ]
        evidence = (sent.start_char, sent.end_char)
        while evidence[1] > evidence[0] and text[evidence[1] - 1].isspace():
            evidence = (evidence[0], evidence[1] - 1)
        sentence_events: list[FoundEvent] = []
        if headline(text, sent):
            continue
        for index, kind in sorted(triggers.items()):
            token = doc[index]
            lemma = token.lemma_.lower()
            if kind in ("pardon", "amnesty", "release") and any(
                s <= token.idx < e for s, e in decree_ranges
            ):
                continue
            if kind == "decree" and token.pos_ in ("NOUN", "PROPN"):
                if any(s <= token.idx < e for s, e in signed):
                    continue
            event = FoundEvent(kind, (token.idx, token.idx + len(token.text)), evidence)
            person_token: Any = None
            if kind in ISSUED:
                event.issuer = entity_of(issuer_token_of(token), finder)
                signer = signing_verb(token)
                if event.issuer is None and signer is not None:
                    event.issuer = entity_of(issuer_token_of(signer), finder)
            if kind != "decree":
                person_token = person_token_of(token, kind)
                person_token = among_subject(person_token) or person_token
                event.person = entity_of(person_token, finder)
                if person_token is not None and person_token.lower_ in ("i", "me", "my"):
                    event.person = speaker_of(person_token.idx, speakers, finder)
                elif event.person is None and token.pos_ in ("VERB", "AUX"):
                    event.person = nearby_person(token, finder, quotes)
                if (
                    event.person is not None
                    and event.person is event.issuer
                    and person_token is not None
                    and person_token.pos_ == "PRON"
                ):  # "asked Brel to pardon him": him is not Brel
                    gender = "female" if person_token.lower_ in ("her", "she") else "male"
                    event.person = resolve_pronoun(
                        finder, person_token.idx, gender, quotes, skip=event.issuer
                    )
            if kind == "decree" and token.pos_ in ("NOUN", "PROPN"):
                signer = signing_verb(token)
                dated = _date_for(
                    signer if signer is not None else token,
                    {**triggers, (signer or token).i: kind},
                    dates,
                )
                if event.issuer is None and dated is None:
                    continue  # "the latest pardon decree was a gesture": a mention, no act
            if kind in ("pardon", "amnesty") and event.person is None and token.pos_ == "NOUN":
                continue
            if kind in ("release", "transfer", "arrest", "detention", "trial", "sentence"):
                if token.pos_ == "NOUN" and event.person is None:
                    continue
            event.flags = flags_of(token, quotes)
            when = _date_for(token, triggers, dates)
            if when is None and kind == "decree" and signing_verb(token) is not None:
                when = _date_for(
                    signing_verb(token), {**triggers, signing_verb(token).i: kind}, dates
                )
            if when is not None and "habitual" not in event.flags:
                event.date, event.date_span = when.value, (when.start, when.end)
            low, high = own_range(token) if token.pos_ in ("VERB", "AUX") else evidence
            charges = find_charges(text, low, high) or (
                find_charges(text, token.idx, evidence[1]) if kind in ("charge", "sentence") else []
            )
            if charges and kind in ("charge", "sentence", "arrest", "detention", "trial"):
                event.charge, event.charge_span = (
                    charges[0].text,
                    (charges[0].start, charges[0].end),
                )
            if kind == "sentence":
                terms = [
                    t for t in find_terms(text, low, high) if not _duration_only(text, t.start)
                ] or [
                    t
                    for t in find_terms(text, token.idx, evidence[1])
                    if not _duration_only(text, t.start)
                ][:1]
                if terms:
                    event.term_months = terms[0].months
                    event.sentence_kind = "life" if terms[0].kind == "life" else None
                event.sentence_kind = event.sentence_kind or sentence_kind_near(sent.text)
            if kind in ("trial", "sentence", "appeal", "charge", "detention"):
                court = COURT.search(sent.text)
                if court:
                    event.court = court.group(1).strip()
            if kind == "release":
                event.release_reason = _release_reason(sent.text, lemma)
            if kind == "charge":
                dispute = DISPUTE.search(text, token.idx, evidence[1])
                if dispute:
                    event.flags.add("disputed")
                    event.notes.append(
                        f"charge disputed: “{text[token.idx : evidence[1]].strip().rstrip('.')}”"
                    )
            sentence_events.append(event)
            sentence_events.extend(coordinated(event, person_token, finder))
        sentence_events.extend(_charge_events(doc, sent, sentence_events, quotes))
        sentence_events.extend(_among_them(sent, previous, finder))
        found.extend(sentence_events)
        previous = sentence_events
    return _merge(found)


def among_subject(token: Any) -> Any:
    """ "Among those released … were journalists A and B": the persons the copula names."""
    if token is None or token.lower_ not in ("those", "them", "these", "prisoners"):
        return None
    among = token.head
    if among.lower_ != "among" or among.head.lemma_ != "be":
        return None
    for child in among.head.children:
        if child.dep_ in ("attr", "nsubj") and child.i != token.i:
            return child
    return None


def _among_them(sent: Any, previous: list[FoundEvent], finder: PersonFinder) -> list[FoundEvent]:
    """ "Dozens were freed on May 9. Among them was blogger Farhad Linz.": the named
    persons share the previous sentence's event that named nobody."""
    first = [t for t in sent if not t.is_space][:2]
    if len(first) < 2 or first[0].lower_ != "among" or first[1].lower_ not in ("them", "those"):
        return []
    subject = among_subject(first[1])
    if subject is None:
        return []
    made: list[FoundEvent] = []
    for event in previous:
        if event.person is not None or event.type == "decree":
            continue
        person = entity_of(subject, finder)
        if person is None:
            continue
        twin = replace(event, person=person, flags=set(event.flags), notes=list(event.notes))
        twin.also = [(sent.start_char, sent.end_char)]
        made.append(twin)
        made.extend(coordinated(twin, subject, finder))
    return made


def speaker_of(
    offset: int, speakers: dict[tuple[int, int], int], finder: PersonFinder
) -> Entity | None:
    """The speaker of the quotation an offset falls in."""
    for (start, end), key in speakers.items():
        if start <= offset < end:
            return finder.entities[key]
    return None


def coordinated(event: FoundEvent, token: Any, finder: PersonFinder) -> list[FoundEvent]:
    """The same event for every person coordinated with its person ("detained A, B and C")."""
    if token is None or event.person is None:
        return []
    others: list[FoundEvent] = []
    seen = {event.person.key}
    heads = [token, *(c for c in token.children if c.dep_ == "appos")]
    for conj in [c for head in heads for c in head.conjuncts]:
        person = entity_of(conj, finder)
        if person is None or person.key in seen:
            continue
        seen.add(person.key)
        twin = replace(event, person=person, flags=set(event.flags), notes=list(event.notes))
        twin.also = []
        others.append(twin)
    return others


def _duration_only(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].lower()
    return bool(re.search(r"\b(many|several|after|past|last|over)\s*$", before))


def _charge_events(
    doc: Any, sent: Any, events: list[FoundEvent], quotes: list[tuple[int, int]]
) -> list[FoundEvent]:
    """A charge the sentence talks about as a charge ("for espionage, a charge that …"),
    for the person of the event it belongs to; `disputed` when called false."""
    text: str = doc_text(doc)
    nouns = [
        t
        for t in sent
        if t.lemma_.lower() in ("charge", "accusation")
        and (t.pos_ == "NOUN" or trigger_type(t) is None)
    ]
    if not nouns or any(e.type == "charge" for e in events):
        return []
    made: list[FoundEvent] = []
    for event in events:
        if event.person is None or event.charge is None or event.charge_span is None:
            continue
        start, end = event.charge_span
        around = text[start : sent.end_char]
        disputed = bool(DISPUTE.search(around)) or _in_scare_quotes(text, start, end)
        if not disputed:
            continue  # "on fraud charges" is the charge of the event already found
        charge = FoundEvent(
            "charge",
            (start, end),
            event.evidence,
            person=event.person,
            charge=event.charge,
            charge_span=(start, end),
            flags=({"disputed"} if disputed else set()) | (event.flags & {"in_quote"}),
        )
        if disputed:
            charge.notes.append(f"charge disputed: “{around.strip().rstrip('.')}”")
        made.append(charge)
    return made


def _in_scare_quotes(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 1) : start] in ("“", '"') and text[end : end + 1] in ("”", '"')


def _merge(events: list[FoundEvent]) -> list[FoundEvent]:
    """Fold a later mention of the same fact (same type, person, flags; nothing clashing)
    into the first one ("her son was sentenced … for espionage")."""
    kept: list[FoundEvent] = []
    for event in events:
        twin = next((k for k in kept if _same_fact(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        twin.also.append(event.evidence)
        if event.date is not None and (
            twin.date is None or len(event.date.isoformat()) > len(twin.date.isoformat())
        ):
            twin.date, twin.date_span = event.date, event.date_span  # the more precise one
        twin.charge = twin.charge or event.charge
        twin.term_months = twin.term_months or event.term_months
        twin.court = twin.court or event.court
    return kept


def _same_fact(first: FoundEvent, second: FoundEvent) -> bool:
    if first.type != second.type or first.person is None or first.person is not second.person:
        return False
    if first.flags != second.flags:
        return False
    if (
        first.date is not None
        and second.date is not None
        and not _dates_agree(first.date, second.date)
    ):
        return False
    for left, right in ((first.charge, second.charge), (first.term_months, second.term_months)):
        if left is not None and right is not None and left != right:
            return False
    return True


def _dates_agree(left: PartialDate, right: PartialDate) -> bool:
    """Equal, or one is a coarser period that contains the other ("October" and "October 29")."""
    if left == right:
        return True
    if left.precision == right.precision:
        return False
    coarse, fine = (
        (left, right) if len(left.isoformat()) < len(right.isoformat()) else (right, left)
    )
    return coarse.earliest() <= fine.earliest() and fine.latest() <= coarse.latest()

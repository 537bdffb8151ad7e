"""Read one article: persons (linked to the registry where the name engine is sure),
events with flags, quotations with speakers; all offsets index the analysed text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from habeas.ingest.news.doctext import doc_text
from habeas.ingest.news.events import FoundEvent, find_events
from habeas.ingest.news.found import EventFound, Extraction, PersonFound
from habeas.ingest.news.mention import Entity, PersonFinder
from habeas.ingest.news.model import load_pipeline
from habeas.ingest.news.other import analyse_other
from habeas.ingest.news.persons import find_persons
from habeas.ingest.news.quote import find_quotes, quote_regions
from habeas.ingest.news.when import find_dates
from habeas.names.blocking import NameIndex
from habeas.names.compare import MATCH_THRESHOLD

_NON_ENGLISH = re.compile(r"[\u0400-\u04ffəğıƏĞİ]")


def _link(name: str, index: NameIndex | None) -> tuple[str | None, float | None, str]:
    """The registry person a full name denotes, when the name engine says "match"."""
    if index is None or len(index) == 0 or len(name.split()) < 2:
        return None, None, ""
    found = index.search(name, limit=2)
    if not found or found[0].match.score < MATCH_THRESHOLD:
        return None, found[0].match.score if found else None, ""
    if len(found) > 1 and found[1].match.score >= MATCH_THRESHOLD and found[1].id != found[0].id:
        return None, found[0].match.score, "two registry persons fit; left for review"
    best = found[0]
    return best.id, best.match.score, f"registry name {best.name}: {best.match.explanation}"


def _persons(finder: PersonFinder, index: NameIndex | None) -> list[PersonFound]:
    persons = []
    for entity in finder.entities:
        if entity.name is None or not entity.spans:
            continue
        registry_id, score, explanation = _link(entity.name, index)
        persons.append(
            PersonFound(
                entity.key,
                entity.name,
                tuple(sorted(set(entity.spans))),
                registry_id,
                score,
                explanation,
                entity.role,
            )
        )
    return persons


def _label(entity: Entity | None) -> str | None:
    return entity.label if entity is not None else None


def _events(found: list[FoundEvent], persons: list[PersonFound]) -> list[EventFound]:
    by_key = {p.key: p for p in persons}
    events = []
    for event in found:
        person = by_key.get(event.person.key) if event.person is not None else None
        events.append(
            EventFound(
                type=event.type,
                person=_label(event.person),
                person_key=event.person.key if event.person is not None else None,
                registry_id=person.registry_id if person else None,
                date=event.date,
                charge=event.charge,
                term_months=event.term_months,
                court=event.court,
                issuer=_label(event.issuer),
                flags=tuple(
                    f
                    for f in ("negated", "hypothetical", "habitual", "in_quote", "disputed")
                    if f in event.flags
                ),
                evidence=event.evidence,
                sentence_kind=event.sentence_kind,
                release_reason=event.release_reason,
                notes=tuple(event.notes),
                date_span=event.date_span,
            )
        )
    return events


def analyse(doc: Any, published: date | None, index: NameIndex | None = None) -> Extraction:
    """Extract from an already parsed spaCy doc (see `extract_many` for batches)."""
    text: str = doc_text(doc)
    if _NON_ENGLISH.search(text[:2000]):
        return analyse_other(text, published, index)
    regions = quote_regions(text)
    finder = find_persons(doc, regions)
    quotes = find_quotes(doc, finder, regions)
    dates = find_dates(text, published)
    spans = [(q.start, q.end) for q in quotes]
    speakers = {(q.start, q.end): q.speaker_key for q in quotes if q.speaker_key is not None}
    found = find_events(doc, finder, dates, spans, speakers)
    persons = _persons(finder, index)
    return Extraction(
        text=text,
        published=published,
        persons=tuple(persons),
        events=tuple(_events(found, persons)),
        quotes=tuple(quotes),
        dates=tuple(dates),
    )


def extract(text: str, published: date | None = None, index: NameIndex | None = None) -> Extraction:
    """Extract persons, events and quotations from one article's text."""
    return analyse(load_pipeline().nlp(text), published, index)


_WORKER_INDEX: list[NameIndex | None] = [None]


def _worker_start(index: NameIndex | None) -> None:
    _WORKER_INDEX[0] = index
    load_pipeline()  # the same HABEAS_SPACY_MODEL as the parent (inherited environment)


def _worker_extract(chunk: list[tuple[str, date | None]]) -> list[Extraction]:
    return list(extract_many(chunk, _WORKER_INDEX[0]))


def extract_many(
    items: Iterable[tuple[str, date | None]],
    index: NameIndex | None = None,
    *,
    processes: int = 1,
    batch_size: int = 8,
) -> Iterator[Extraction]:
    """Extract from many articles, in order: in this process (parsing in batches), or in
    `processes` worker processes that each load the model once and run parse and rules."""
    pairs = list(items)
    if processes > 1 and len(pairs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        chunks = [pairs[i : i + batch_size] for i in range(0, len(pairs), batch_size)]
        with ProcessPoolExecutor(processes, initializer=_worker_start, initargs=(index,)) as pool:
            for done in pool.map(_worker_extract, chunks):
                yield from done
        return
    nlp = load_pipeline().nlp
    docs = nlp.pipe((text for text, _ in pairs), batch_size=batch_size)
    for doc, (_, published) in zip(docs, pairs, strict=True):
        yield analyse(doc, published, index)

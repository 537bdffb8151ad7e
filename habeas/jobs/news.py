"""News: add articles (files, pages, feeds), extract what they say, and queue proposals for
review: one per fact, gathering every article that states it."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from habeas.domain.dates import PartialDate
from habeas.domain.event import Event, EventKind, Measure, ReleaseReason, SentenceKind
from habeas.domain.person import NameKind, Person, PersonName, PersonRole
from habeas.domain.proposal import Proposal, ProposalKind, match_key
from habeas.domain.source import Citation, Source, SourceKind, content_hash
from habeas.exceptions import HabeasError, InputError
from habeas.ingest.imports.spreadsheet import name_script
from habeas.ingest.news.article import Article, read_article_bytes
from habeas.ingest.news.extract import extract
from habeas.ingest.news.found import EventFound, Extraction
from habeas.ingest.news.model import load_pipeline
from habeas.ingest.news.trigger import PRISONER_EVENTS
from habeas.matching.decree import person_index
from habeas.names.blocking import NameIndex
from habeas.storage.news import ArticleAdded, story_hash
from habeas.storage.sql import SqlRegistry

KINDS = {
    "arrest": EventKind.ARREST, "detention": EventKind.DETENTION, "charge": EventKind.CHARGE,
    "trial": EventKind.HEARING, "sentence": EventKind.SENTENCE, "appeal": EventKind.APPEAL,
    "transfer": EventKind.TRANSFER, "release": EventKind.RELEASE, "pardon": EventKind.PARDON,
    "amnesty": EventKind.AMNESTY, "death_in_custody": EventKind.DEATH_IN_CUSTODY,
    "hunger_strike": EventKind.HUNGER_STRIKE, "ill_treatment": EventKind.ILL_TREATMENT,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class NewsResult:
    """What adding one article did (or why it failed)."""

    label: str
    added: ArticleAdded | None = None
    extraction: Extraction | None = None
    proposals: tuple[Proposal, ...] = ()
    context: tuple[str, ...] = ()
    error: str = ""


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def new_person_id(name: str) -> str:
    """The id a new candidate gets: stable for one spelling, so articles agree on it."""
    return "p-news-" + hashlib.sha256(_fold(name).encode()).hexdigest()[:10]


def describe(event: EventFound) -> str:
    """One line for a reviewer: type, person, date, term, charge, flags."""
    parts = [event.type]
    if event.person:
        parts.append(f"of {event.person}")
    if event.issuer:
        parts.append(f"by {event.issuer}")
    if event.date:
        parts.append(f"on {event.date}")
    if event.term_months:
        parts.append(f"{event.term_months} months")
    if event.charge:
        parts.append(f"for {event.charge}")
    if event.court:
        parts.append(f"({event.court})")
    if event.flags:
        parts.append("[" + ", ".join(event.flags) + "]")
    return " ".join(parts)


def _event(
    found: EventFound, person_id: str, ident: str, citation: Citation, published: date | None
) -> tuple[Event | None, str]:
    """The registry event a found event proposes, or None and why not."""
    kind = KINDS.get(found.type)
    if kind is None:
        return None, f"{found.type} is not an event of a person"
    when, uncertain, note = found.date, False, ""
    if when is None:
        if published is None:
            return None, "no date in the text and no publication date"
        when, uncertain = PartialDate.of(published), True
        note = "date not stated; publication date used"
    detail = "; ".join(x for x in (found.charge or "", found.court or "", note) if x)
    fields: dict[str, object] = {}
    if kind is EventKind.SENTENCE:
        sentence_kind = SentenceKind(found.sentence_kind or "prison")
        if sentence_kind is SentenceKind.PRISON and not found.term_months:
            return None, "a prison sentence without a term in the text"
        fields = {"sentence_kind": sentence_kind, "term_months": found.term_months}
    elif kind is EventKind.RELEASE:
        fields = {"release_reason": ReleaseReason(found.release_reason or "other")}
    elif kind in (EventKind.PARDON, EventKind.AMNESTY):
        fields = {"measure": Measure.RELEASE}
    event = Event(
        ident,
        kind,
        person_id,
        when,
        date_uncertain=uncertain,
        detail=detail,
        citations=(citation,),
        **fields,  # type: ignore[arg-type]
    )
    return event, ""


def news_proposals(
    extraction: Extraction,
    source: Source,
    registry_persons: dict[str, Person],
    recorded: dict[str, list[Event]] | None = None,
) -> tuple[list[Proposal], list[str]]:
    """Proposals for the unflagged events about prisoners not `recorded` yet (registry
    events by person), new spellings of registry prisoners, and context lines for the rest."""
    proposals: list[Proposal] = []
    context: list[str] = []
    text = extraction.text
    for found in extraction.events:
        if found.flags:
            context.append(f"not proposed ({', '.join(found.flags)}): {describe(found)}")
            continue
        person = extraction.person(found.person_key)
        if found.type not in PRISONER_EVENTS or person is None:
            why = "no named person" if found.type in PRISONER_EVENTS else "not about a prisoner"
            context.append(f"not proposed ({why}): {describe(found)}")
            continue
        known = registry_persons.get(person.registry_id or "")
        person_id = known.id if known else new_person_id(person.name)
        who = f"new:{_fold(person.name)}" if known is None else known.id
        fact = "|".join(
            str(x)
            for x in (
                found.type,
                found.date or "",
                found.term_months or "",
                _fold(found.charge or ""),
            )
        )
        key = match_key(who, fact)
        start, end = found.evidence
        citation = Citation(source.id, text[start:end], start, end)
        event, why = _event(found, person_id, "ev-news-" + key[:16], citation, extraction.published)
        if event is None:
            context.append(f"not proposed ({why}): {describe(found)}")
            continue
        notes = [
            f"{describe(other)}: {'; '.join(other.notes)}" if other.notes else describe(other)
            for other in extraction.events
            if other.flags and other.person_key == found.person_key
        ]
        name = PersonName(
            person.name,
            name_script(person.name),
            extraction.language,
            NameKind.TRANSLITERATION,
            source.id,
        )
        new_person = None
        names: tuple[PersonName, ...] = ()
        if known is None:
            new_person = Person(
                person_id,
                (name,),
                role=PersonRole.PRISONER,
                occupations=(person.role,) if person.role else (),
            )
            who_text = f"{person.name} (new candidate)"
            decision, explanation = "new", "no registry person matches this name"
        else:
            if _fold(person.name) not in {_fold(n.value) for n in known.names}:
                names = (name,)
            who_text = f"{person.name} ({known.id})"
            decision, explanation = "match", person.explanation
        if notes:
            explanation += ". Context, not proposed: " + " | ".join(notes)
        proposals.append(
            Proposal(
                id="pr-" + key[:16],
                kind=ProposalKind.NEWS,
                person_id=person_id,
                summary=f"{describe(replace(found, person=who_text))} [1 source]",
                events=(event,),
                names=names,
                evidence=(citation,),
                score=round(person.score, 3) if person.score is not None else None,
                decision=decision,
                explanation=explanation,
                origin=f"article {source.id}",
                match_key=key,
                person=new_person,
            )
        )
    recorded = recorded or {}
    held = [p for p in proposals if _already_recorded(p, recorded.get(p.person_id, []))]
    context += [f"not proposed (already recorded): {p.summary.split(' [')[0]}" for p in held]
    proposals = [p for p in proposals if p not in held]
    proposals.extend(_spelling_proposals(extraction, source, registry_persons, proposals))
    return proposals, context


def _spelling_proposals(
    extraction: Extraction,
    source: Source,
    registry_persons: dict[str, Person],
    made: list[Proposal],
) -> list[Proposal]:
    """A new spelling of a registry prisoner the article names without a new fact."""
    covered = {p.person_id for p in made}
    found = []
    for person in extraction.persons:
        known = registry_persons.get(person.registry_id or "")
        if known is None or known.id in covered or known.role is not PersonRole.PRISONER:
            continue
        if _fold(person.name) in {_fold(n.value) for n in known.names}:
            continue
        start, end = person.spans[0]
        key = match_key(known.id, f"spelling:{_fold(person.name)}")
        found.append(
            Proposal(
                id="pr-" + key[:16],
                kind=ProposalKind.NEWS,
                person_id=known.id,
                summary=f"new spelling “{person.name}” of {known.name} ({known.id}) [1 source]",
                names=(
                    PersonName(
                        person.name,
                        name_script(person.name),
                        extraction.language,
                        NameKind.TRANSLITERATION,
                        source.id,
                    ),
                ),
                evidence=(Citation(source.id, extraction.text[start:end], start, end),),
                score=round(person.score, 3) if person.score is not None else None,
                decision="match",
                explanation=person.explanation,
                origin=f"article {source.id}",
                match_key=key,
            )
        )
    return found


def _source_for(
    article: Article, text_hash: str, url: str, published: date | None, at: datetime
) -> Source:
    return Source(
        id="s-art-" + text_hash.removeprefix("sha256:")[:12],
        title=article.title,
        kind=SourceKind.ARTICLE,
        publisher=article.publisher,
        published=PartialDate.of(published) if published else None,
        urls=(url,) if url else (),
        text=article.text,
        content_hash=text_hash,
        retrieved_at=at,
    )


@dataclass
class NewsContext:
    """What a batch shares: the registry, its name index and persons, who and when."""

    registry: SqlRegistry
    actor: str
    at: datetime
    index: NameIndex | None = None
    persons: dict[str, Person] = field(default_factory=dict)

    def ready(self) -> NewsContext:
        """Load the registry's names once per batch."""
        if self.index is None:
            people = self.registry.persons()
            self.persons = {p.id: p for p in people}
            self.index = person_index(people)
        return self


def add_article(
    ctx: NewsContext,
    article: Article,
    *,
    label: str,
    published: date | None = None,
    url: str = "",
) -> NewsResult:
    """Store one article (once per text), extract, and queue its proposals."""
    ctx.ready()
    when = published or article.published
    if when is not None and when > ctx.at.date():
        raise InputError(f"--published {when} is in the future", file=label)
    text_hash = content_hash(article.text)
    address = url or article.url
    source = _source_for(article, text_hash, address, when, ctx.at)
    if ctx.registry.article_by_hash(text_hash, story_hash(article.text)) is not None:
        added = ctx.registry.store_article(
            source,
            title=article.title,
            published=None,
            format=article.format,
            language="",
            model="",
            url=address,
            extraction=None,
            proposals=[],
            actor=ctx.actor,
            at=ctx.at,
        )
        return NewsResult(label, added)
    found = extract(article.text, when, ctx.index)
    if when is not None:
        stated = [
            d.value.earliest()
            for d in found.dates
            if d.value is not None and not d.relative and d.value.day is not None
        ]
        if stated and max(stated) > when + timedelta(days=1):
            raise InputError(
                f"--published {when} is before a date the article itself gives "
                f"({max(stated)}); give the right publication date",
                file=label,
            )
    linked = sorted({p.registry_id for p in found.persons if p.registry_id})
    recorded = ctx.registry.events_by_person(linked) if linked else {}
    proposals, context = news_proposals(found, source, ctx.persons, recorded)
    added = ctx.registry.store_article(
        source,
        title=article.title,
        published=when.isoformat() if when else None,
        format=article.format,
        language=found.language,
        model=load_pipeline().provenance,
        url=address,
        extraction=_stored(found),
        proposals=proposals,
        actor=ctx.actor,
        at=ctx.at,
    )
    return NewsResult(label, added, found, tuple(proposals), tuple(context))


def _already_recorded(proposal: Proposal, events: list[Event]) -> bool:
    """True when the registry holds the fact already (same kind and date for the person)."""
    return any(
        e.kind is proposed.kind and e.date == proposed.date
        for proposed in proposal.events
        for e in events
    )


def _stored(found: Extraction) -> dict[str, object]:
    data = found.to_json(detail=True)
    data.pop("text")
    data["published"] = found.published.isoformat() if found.published else None
    return data


def add_files(
    ctx: NewsContext, paths: Iterable[Path], *, published: date | None = None, url: str = ""
) -> Iterator[NewsResult]:
    """Add article files one by one; a bad file gives an error result, the batch goes on."""
    for path in paths:
        label = str(path)
        try:
            data = path.read_bytes() if str(path) != "-" else _stdin()
            article = read_article_bytes(data, path.name, url)
            yield add_article(ctx, article, label=label, published=published, url=url)
        except HabeasError as exc:
            yield NewsResult(label, error=str(exc))
        except OSError as exc:
            why = exc.strerror or str(exc)
            yield NewsResult(label, error=f"{label}: cannot read the file: {why}")


def _stdin() -> bytes:
    import sys

    return sys.stdin.buffer.read()

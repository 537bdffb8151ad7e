"""Direct quotations and who said them; scare quotes ("so-called “quiet diplomacy”") and
titles are told apart from quotations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from habeas.ingest.news.doctext import doc_text
from habeas.ingest.news.mention import FEMALE_PRONOUNS, MALE_PRONOUNS, Entity, PersonFinder
from habeas.ingest.news.pronoun import resolve_pronoun

SPEECH_VERBS = frozenset(
    "say tell add cry lament argue explain write note ask insist claim state declare recall "
    "complain shout warn stress reply answer comment conclude continue admit announce "
    "report tweet post sob whisper scream exclaim urge demand suggest believe think "
    "told remark observe point emphasise emphasize describe".split()
)
_PAIRS = [("“", "”"), ("«", "»"), ("„", "“")]
_SCARE_BEFORE = re.compile(
    r"(?:so-called|so called|dubbed|entitled|titled|called|named|known as|term|word|"
    r"phrase|slogan|hashtag|operation|the)\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: its span with the marks, the words inside, and its speaker."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_key: int | None = None
    pronoun: str | None = None
    cue: tuple[int, int] | None = None


_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–-]))‘")
_SINGLE_CLOSE = re.compile(r"(?<=\S)’(?=[\s.,;:!?)\]—–-]|$)")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of text between paired quotation marks (marks included)."""
    regions: list[tuple[int, int]] = []
    for opening, closing in _PAIRS:
        position = 0
        while True:
            start = text.find(opening, position)
            if start < 0:
                break
            end = text.find(closing, start + 1)
            if end < 0:
                break
            regions.append((start, end + 1))
            position = end + 1
    for match in _SINGLE_OPEN.finditer(text):  # British style ‘…’, not apostrophes
        found = _SINGLE_CLOSE.search(text, match.end())
        if found is not None and len(text[match.end() : found.start()].split()) >= 2:
            regions.append((match.start(), found.end()))
    straight = [m.start() for m in re.finditer(r'"', text)]
    for first, second in zip(straight[0::2], straight[1::2], strict=False):
        regions.append((first, second + 1))
    regions.sort()
    kept: list[tuple[int, int]] = []
    for region in regions:
        if not kept or region[0] >= kept[-1][1]:
            kept.append(region)
    return kept


def is_quotation(text: str, start: int, end: int) -> bool:
    """True for reported speech; False for scare quotes, titles and single terms."""
    inner = text[start + 1 : end - 1].strip()
    words = inner.split()
    before = text[max(0, start - 30) : start]
    if _SCARE_BEFORE.search(before) and len(words) < 6:
        return False
    if len(words) < 4 and not re.search(r"[.!?,]$", inner):
        return False
    return True


def _cue_after(doc: Any, end: int) -> Any:
    """The speech verb right after a quotation, in the same sentence."""
    span = doc.char_span(end, min(len(doc_text(doc)), end + 160), alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.text in (".", "“", "\n") or token.is_space and "\n" in token.text:
            return None
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS:
            return token
    return None


def _cue_before(doc: Any, start: int) -> Any:
    """The speech verb right before a quotation ("Hasanli says that “…”")."""
    line_start = max(doc_text(doc).rfind(".", 0, start), doc_text(doc).rfind("\n", 0, start)) + 1
    span = doc.char_span(line_start, start, alignment_mode="contract")
    if span is None:
        return None
    for token in reversed(list(span)[-6:]):
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS:
            return token
    return None


def _speaker_token(cue: Any) -> Any:
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _speaker(
    doc: Any, finder: PersonFinder, cue: Any, quotes: list[tuple[int, int]], after: int
) -> tuple[Entity | None, str | None, str | None]:
    """The entity speaking through `cue`, its label, and the pronoun it came through."""
    subject = _speaker_token(cue)
    candidates = []
    if subject is not None:
        candidates = [subject, *[t for t in subject.subtree if t.dep_ in ("compound", "appos")]]
    window = doc.char_span(after, min(len(doc_text(doc)), cue.idx + 120), alignment_mode="expand")
    for token in [*candidates, *(window or [])]:
        low = token.lower_
        if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
            gender = "male" if low in MALE_PRONOUNS else "female"
            entity = finder.entity_at(token.idx, token.idx + len(token.text))
            entity = entity or resolve_pronoun(finder, token.idx, gender, quotes)
            if entity is not None:
                return entity, entity.label, token.text
        entity = finder.entity_at(token.idx, token.idx + len(token.text))
        if entity is not None:
            return entity, entity.label, None
        if token.idx > cue.idx + 60:
            break
    return None, None, None


def find_quotes(doc: Any, finder: PersonFinder, regions: list[tuple[int, int]]) -> list[Quote]:
    """Quotations among the quoted regions, each with its speaker where the text says."""
    text: str = doc_text(doc)
    quotes: list[Quote] = []
    for start, end in regions:
        if not is_quotation(text, start, end):
            continue
        cue = _cue_after(doc, end)
        speaker: tuple[Entity | None, str | None, str | None] = (None, None, None)
        if cue is not None:
            speaker = _speaker(doc, finder, cue, regions, end)
        else:
            cue = _cue_before(doc, start)
            if cue is not None:
                line_start = max(text.rfind(".", 0, cue.idx), text.rfind("\n", 0, cue.idx)) + 1
                speaker = _speaker(doc, finder, cue, regions, line_start)
        entity, label, pronoun = speaker
        quotes.append(
            Quote(
                start,
                end,
                text[start + 1 : end - 1],
                speaker=label,
                speaker_key=entity.key if entity else None,
                pronoun=pronoun,
                cue=(cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
            )
        )
    return quotes

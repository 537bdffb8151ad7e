"""The `detail` column of events.csv: terms (6y6m), reasons, measures, outcomes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from habeas.domain.event import AppealOutcome, EventKind, Measure, ReleaseReason, SentenceKind

_TERM = re.compile(
    r"^\s*(?:(\d+)\s*(?:y|yr|yrs|year|years))?\s*(?:(\d+)\s*(?:m|mo|month|months))?\s*$",
    re.IGNORECASE,
)


def parse_term(text: str) -> int:
    """Months in a term like 6y, 6y6m, 18m, "6 years 6 months"; ValueError otherwise."""
    match = _TERM.match(text)
    if not match or not (match.group(1) or match.group(2)):
        raise ValueError(f'"{text}" is not a term; write e.g. 6y, 6y6m or 18m')
    return int(match.group(1) or 0) * 12 + int(match.group(2) or 0)


_REASONS = frozenset(r.value for r in ReleaseReason)
_MEASURES = frozenset(m.value for m in Measure)
_SENTENCE_KINDS = frozenset(k.value for k in SentenceKind)
_OUTCOMES = frozenset(o.value for o in AppealOutcome)


@dataclass(frozen=True, slots=True)
class Detail:
    """The structured fields read from one `detail` cell."""

    text: str = ""
    term_months: int | None = None
    sentence_kind: SentenceKind | None = None
    release_reason: ReleaseReason | None = None
    measure: Measure | None = None
    outcome: AppealOutcome | None = None
    organisation: str = ""
    facility: str = ""


def _choices(enum: type[SentenceKind | ReleaseReason | Measure | AppealOutcome]) -> str:
    return ", ".join(member.value for member in enum)


def _head_and_rest(text: str) -> tuple[str, str]:
    head, _, rest = text.partition(":")
    return head.strip(), rest.strip()


def parse_detail(kind: EventKind, text: str) -> Detail:
    """Read the structured part of `detail` for one event type; ValueError naming the problem."""
    text = text.strip()
    if kind is EventKind.SENTENCE:
        return _sentence(text)
    if kind is EventKind.APPEAL:
        return _appeal(text)
    if kind is EventKind.RELEASE:
        head, rest = _head_and_rest(text)
        word = head.lower().replace(" ", "_")
        if word not in _REASONS:
            raise ValueError(
                f'release reason "{head}" is unknown; use one of {_choices(ReleaseReason)}'
            )
        return Detail(text=rest, release_reason=ReleaseReason(word))
    if kind in (EventKind.PARDON, EventKind.AMNESTY):
        head, rest = _head_and_rest(text)
        words = head.split(maxsplit=1)
        word = words[0].lower() if words else ""
        if word not in _MEASURES:
            raise ValueError(
                f'{kind.value} measure "{head}" is unknown; use one of {_choices(Measure)}'
                " (reduce takes a term: reduce 1y)"
            )
        term = parse_term(words[1]) if word == Measure.REDUCE.value and len(words) > 1 else None
        return Detail(text=rest, measure=Measure(word), term_months=term)
    if kind in (EventKind.RECOGNITION, EventKind.DERECOGNITION):
        head, rest = _head_and_rest(text)
        return Detail(text=rest, organisation=head)
    if kind is EventKind.TRANSFER:
        head, rest = _head_and_rest(text)
        return Detail(text=rest, facility=head)
    return Detail(text=text)


def _sentence(text: str) -> Detail:
    head, rest = _head_and_rest(text)
    words = head.lower().split()
    kinds = _SENTENCE_KINDS
    kind_words = [w for w in words if w in kinds]
    term_words = [w for w in words if w not in kinds]
    if "life" in kind_words:
        return Detail(text=rest, sentence_kind=SentenceKind.LIFE)
    kind = SentenceKind(kind_words[0]) if kind_words else SentenceKind.PRISON
    if not term_words:
        if kind is SentenceKind.PRISON:
            raise ValueError("a prison sentence needs a term, e.g. 6y or 6y6m")
        return Detail(text=rest, sentence_kind=kind)
    return Detail(text=rest, sentence_kind=kind, term_months=parse_term(" ".join(term_words)))


def _appeal(text: str) -> Detail:
    head, rest = _head_and_rest(text)
    words = head.lower().split(maxsplit=1)
    if not words:
        return Detail(text=rest)
    if words[0] in _OUTCOMES:
        outcome = AppealOutcome(words[0])
        term = parse_term(words[1]) if len(words) > 1 else None
        return Detail(text=rest, outcome=outcome, term_months=term)
    try:
        return Detail(text=rest, term_months=parse_term(head))
    except ValueError:
        raise ValueError(
            f'appeal outcome "{head}" is unknown; use one of {_choices(AppealOutcome)}, '
            "optionally with the new term (reduced 4y)"
        ) from None

"""Score extraction against hand-made gold annotations (the seed article's format).

Gold files list persons (with mention spans), events (type, person key, date, charge, term,
flags or a modality note; `optional` ones are neither required nor penalised) and quotes
(span with the marks, speaker key). Scores are precision, recall and F1 per field.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from habeas.ingest.news.found import Extraction

TYPE_ALIASES = {"pardon_decree": "decree", "trial_hearing": "trial", "hearing": "trial"}
FIELDS = ("persons", "event", "date", "charge", "term", "flags", "quote", "speaker")


@dataclass(slots=True)
class Tally:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        """Add another tally to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(slots=True)
class Score:
    """Tallies per field, and what went wrong (for reading a failing test)."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another article's score."""
        for name, tally in other.tallies.items():
            self.tallies[name].add(tally)
        self.errors.extend(other.errors)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()


def gold_flags(event: dict[str, Any]) -> set[str]:
    """The modality flags of a gold event: explicit `flags`, else read from its notes."""
    if "flags" in event:
        return set(event["flags"])
    note = _fold(str(event.get("modality", "")))
    flags = set()
    if "hoped" in note or "irrealis" in note or "counterfactual" in note or "hypothet" in note:
        flags.add("hypothetical")
    if "habitual" in note:
        flags.add("habitual")
    if "negated" in note:
        flags.add("negated")
    if "in quote" in note:
        flags.add("in_quote")
    if event.get("attributes", {}).get("disputed"):
        flags.add("disputed")
    return flags


def _key_for(label: str | None, persons: list[dict[str, Any]]) -> str | None:
    """The gold person a predicted name or description stands for."""
    if not label:
        return None
    folded = _fold(label)
    words = folded.split()
    for person in persons:
        names = [person.get("name") or "", person.get("description") or ""]
        names += person.get("aliases", [])
        for name in names:
            if name and _fold(name) == folded:
                return str(person["key"])
    for person in persons:
        name = _fold(person.get("name") or "")
        if name and words and name.split()[-1] == words[-1] and len(words) == 1:
            return str(person["key"])
    return None


def _charge_equal(left: str | None, right: str | None) -> bool:
    return bool(left and right and _fold(left) == _fold(right))


def score_article(found: Extraction, gold: dict[str, Any]) -> Score:
    """Compare one extraction with its gold annotations."""
    score = Score()
    t = score.tallies
    persons = gold.get("persons", [])
    named = {p["key"] for p in persons if p.get("name")}
    predicted = {_key_for(p.name, persons) or f"?{p.name}" for p in found.persons}
    t["persons"].tp = len(predicted & named)
    t["persons"].fp = len(predicted - named)
    t["persons"].fn = len(named - predicted)
    score.errors += [f"person not in gold: {k[1:]}" for k in predicted - named]
    score.errors += [f"person missed: {k}" for k in named - predicted]
    gold_events = gold.get("events", [])
    unmatched = list(range(len(gold_events)))
    for event in found.events:
        key = _key_for(event.person, persons)
        match = None
        for index in unmatched:
            g = gold_events[index]
            if TYPE_ALIASES.get(g["type"], g["type"]) == event.type and g.get("person") == key:
                match = index
                break
        flags = set(event.flags)
        if match is None:
            t["event"].fp += 1
            t["flags"].fp += len(flags)
            for name, value in (
                ("date", event.date),
                ("charge", event.charge),
                ("term", event.term_months),
            ):
                t[name].fp += value is not None
            score.errors.append(f"event not in gold: {event.type} {event.person} {event.flags}")
            continue
        unmatched.remove(match)
        g = gold_events[match]
        if g.get("optional"):
            continue
        t["event"].tp += 1
        wanted = gold_flags(g)
        t["flags"].tp += len(flags & wanted)
        t["flags"].fp += len(flags - wanted)
        t["flags"].fn += len(wanted - flags)
        if flags != wanted:
            score.errors.append(f"{g.get('id')}: flags {sorted(flags)} != {sorted(wanted)}")
        pairs: list[tuple[str, Any, Any, bool]] = [
            (
                "date",
                event.date.isoformat() if event.date else None,
                g.get("date"),
                False,
            ),
            ("charge", event.charge, g.get("charge"), True),
            ("term", event.term_months, (g.get("term") or {}).get("months"), False),
        ]
        for name, mine, theirs, fuzzy in pairs:
            same = _charge_equal(mine, theirs) if fuzzy else mine == theirs
            if mine is not None and theirs is not None and same:
                t[name].tp += 1
            else:
                if mine is not None:
                    t[name].fp += 1
                if theirs is not None:
                    t[name].fn += 1
                if mine != theirs:
                    score.errors.append(f"{g.get('id')}: {name} {mine!r} != {theirs!r}")
    for index in unmatched:
        g = gold_events[index]
        if g.get("optional"):
            continue
        t["event"].fn += 1
        t["flags"].fn += len(gold_flags(g))
        for name, value in (
            ("date", g.get("date")),
            ("charge", g.get("charge")),
            ("term", (g.get("term") or {}).get("months")),
        ):
            t[name].fn += value is not None
        score.errors.append(f"event missed: {g.get('id')} {g['type']} {g.get('person')}")
    gold_quotes = {tuple(q["span"]): q for q in gold.get("quotes", [])}
    for quote in found.quotes:
        g = gold_quotes.get((quote.start, quote.end))
        if g is None:
            t["quote"].fp += 1
            t["speaker"].fp += quote.speaker is not None
            score.errors.append(f"quote not in gold: {quote.start}-{quote.end}")
            continue
        t["quote"].tp += 1
        speaker = _key_for(quote.speaker, persons)
        if speaker is not None and speaker == g.get("speaker"):
            t["speaker"].tp += 1
        else:
            t["speaker"].fp += quote.speaker is not None
            t["speaker"].fn += g.get("speaker") is not None
            score.errors.append(f"{g.get('id')}: speaker {quote.speaker!r} != {g.get('speaker')}")
    found_spans = {(q.start, q.end) for q in found.quotes}
    for span, g in gold_quotes.items():
        if span not in found_spans:
            t["quote"].fn += 1
            t["speaker"].fn += g.get("speaker") is not None
            score.errors.append(f"quote missed: {g.get('id')} {span}")
    return score


def load_gold(path: Path) -> tuple[str, dict[str, Any]]:
    """A gold file and the article text it annotates (named by its "article" field)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["article"]).read_text(encoding="utf-8")
    return text, gold

"""An index over many names that finds candidates without comparing every pair.

Every reading of every indexed name (both orders when the order is unsure) is filed under
its surname's phonetic keys, each key's one-deletion neighbours (keys of four or more
symbols), and the first sound of the given name. ``compare`` caps at ``GATE_CAP`` (below
``POSSIBLE_THRESHOLD``) every pair whose surname keys are not one edit apart or whose
given names start with different sounds, so the blocks lose no pair that exhaustive
comparison would rate ``possible`` or ``match``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from habeas.names.compare import (
    POSSIBLE_THRESHOLD,
    NameMatch,
    compare_parsed,
    given_sounds,
    quick_score,
    readings,
)
from habeas.names.frequency import NameFrequency, part_stem
from habeas.names.parse import NameOrder, ParsedName, parse_name
from habeas.names.similarity import gate_keys

ANY_SOUND = "*"  # block of names with neither given name nor initial


@dataclass(frozen=True, slots=True)
class Candidate:
    """A registry name found for a query, with the comparison that rates it."""

    id: str
    name: str
    match: NameMatch


@dataclass(frozen=True, slots=True)
class IndexedName:
    """One name variant of one person as filed in the index."""

    key_id: str
    name: str
    parsed: ParsedName
    birth_year: int | None
    gender: str | None


def neighbourhood(keys: Iterable[str]) -> set[str]:
    """Return the keys and, for keys of four or more symbols, every one-deletion neighbour."""
    found: set[str] = set()
    for key in keys:
        found.add(key)
        if len(key) >= 4:
            found.update(key[:i] + key[i + 1 :] for i in range(len(key)))
    return found


def _block_sounds(name: ParsedName) -> frozenset[str]:
    """Return the given-name sounds a reading is filed under."""
    sounds = given_sounds(name)
    return sounds if sounds is not None else frozenset({ANY_SOUND})


def _lookup_classes(sounds: frozenset[str], by_sound: dict[str, list[int]]) -> list[str]:
    """Return the given-name classes in a block that may hold names fitting sounds."""
    wanted = [s for s in sounds if s in by_sound]
    wanted += [f"{s[0]}*" for s in sounds if s[1] != "*" and f"{s[0]}*" in by_sound]
    if any(s[1] == "*" for s in sounds):
        firsts = {s[0] for s in sounds if s[1] == "*"}
        wanted += [c for c in by_sound if c[0] in firsts]
    if ANY_SOUND in by_sound:
        wanted.append(ANY_SOUND)
    return list(dict.fromkeys(wanted))


class NameIndex:
    """Names of many persons, blocked by phonetic keys, with part frequencies for scoring."""

    def __init__(self) -> None:
        """Create an empty index."""
        self._entries: list[IndexedName] = []
        self._blocks: dict[str, dict[str, list[int]]] = {}
        self._counts: Counter[str] = Counter()
        self._frequency: NameFrequency | None = None

    def __len__(self) -> int:
        """Return the number of indexed name variants."""
        return len(self._entries)

    @property
    def entries(self) -> tuple[IndexedName, ...]:
        """Return every indexed name variant, in the order added."""
        return tuple(self._entries)

    @property
    def frequency(self) -> NameFrequency:
        """Return the part frequencies of all indexed names (IDF-style rarity)."""
        if self._frequency is None:
            self._frequency = NameFrequency(Counter(self._counts), len(self._entries))
        return self._frequency

    def add(
        self,
        key_id: str,
        name: str,
        birth_year: int | None = None,
        gender: str | None = None,
        *,
        order: NameOrder | str = NameOrder.AUTO,
    ) -> None:
        """Index one name variant of the person key_id."""
        parsed = parse_name(name, order=order)
        year = birth_year if birth_year is not None else parsed.birth_year
        position = len(self._entries)
        self._entries.append(IndexedName(key_id, name, parsed, year, gender))
        self._counts.update({part_stem(part) for part in parsed.parts()})
        self._frequency = None
        for reading in readings(parsed):
            if not reading.surname:
                continue
            for block in neighbourhood(gate_keys(reading.surname)):
                by_sound = self._blocks.setdefault(block, {})
                for sound in _block_sounds(reading):
                    postings = by_sound.setdefault(sound, [])
                    if not postings or postings[-1] != position:
                        postings.append(position)

    def _positions(self, parsed: ParsedName) -> list[int]:
        """Return the positions of indexed names sharing a block with any reading of parsed."""
        found: set[int] = set()
        for reading in readings(parsed):
            if not reading.surname:
                continue
            sounds = given_sounds(reading)
            for block in neighbourhood(gate_keys(reading.surname)):
                by_sound = self._blocks.get(block)
                if by_sound is None:
                    continue
                if sounds is None:
                    for postings in by_sound.values():
                        found.update(postings)
                    continue
                for sound in _lookup_classes(sounds, by_sound):
                    found.update(by_sound[sound])
        return sorted(found)

    def candidates(self, name: str) -> list[str]:
        """Return the ids of persons with a name variant in the same block as name."""
        ids: dict[str, None] = {}
        for position in self._positions(parse_name(name)):
            ids.setdefault(self._entries[position].key_id, None)
        return list(ids)

    def search(
        self,
        name: str,
        *,
        birth_year: int | None = None,
        gender: str | None = None,
        limit: int = 10,
        minimum: float = POSSIBLE_THRESHOLD,
    ) -> list[Candidate]:
        """Return the best-scoring persons for name (one per id), best first, down to minimum."""
        parsed = parse_name(name)
        frequency = self.frequency
        best: dict[str, tuple[float, int]] = {}
        for position in self._positions(parsed):
            entry = self._entries[position]
            score = quick_score(
                parsed,
                entry.parsed,
                left_birth_year=birth_year,
                right_birth_year=entry.birth_year,
                left_gender=gender,
                right_gender=entry.gender,
                frequency=frequency,
            )
            held = best.get(entry.key_id)
            if score >= minimum and (held is None or score > held[0]):
                best[entry.key_id] = (score, position)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        found: list[Candidate] = []
        for key_id, (_, position) in ranked:
            entry = self._entries[position]
            match = compare_parsed(
                parsed,
                entry.parsed,
                left_birth_year=birth_year,
                right_birth_year=entry.birth_year,
                left_gender=gender,
                right_gender=entry.gender,
                frequency=frequency,
            )
            found.append(Candidate(key_id, entry.name, match))
        return found

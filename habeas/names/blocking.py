"""An index over many names that finds candidates without comparing every pair.

Every reading of every indexed name is filed in a group by its (surname, given name) words;
groups are reached through their surname's phonetic keys and each key's one-deletion
neighbours (keys of four or more symbols). ``compare`` caps at ``GATE_CAP`` (below
``POSSIBLE_THRESHOLD``) every pair whose surname keys are not one edit apart or whose given
names start with different sounds, so a query only looks at groups that pass that gate. A
group is then dropped when even the best patronymic, middle names and birth year could not
lift its surname and given-name evidence to the minimum score. Both steps are exact: no pair
that ``quick_score`` rates at the minimum or above is lost. Spellings that only split the
same letters differently (``PolPot``) meet through a joined-letters key.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from habeas.names.compare import (
    GENDER_AGAINST,
    GIVEN_FOR,
    INITIAL_FOR,
    MIDDLE_FOR,
    PATRONYMIC_FOR,
    POSSIBLE_THRESHOLD,
    PRIOR,
    YEAR_AGAINST,
    YEAR_NEAR,
    YEAR_SAME,
    NameMatch,
    compare_parsed,
    gender_cue,
    given_sounds,
    joined_key,
    name_weight,
    quick_score,
    readings,
)
from habeas.names.frequency import NameFrequency, part_stem
from habeas.names.parse import NameOrder, ParsedName, parse_name
from habeas.names.similarity import gate_keys
from habeas.names.translit import fold

INITIAL_MARK = "\x1f"  # a group's given word that is an initial: the mark, then the letter
ANY_SOUND = "*"  # given-name class of a reading with neither given name nor initial
GATE_MEMORY = 1 << 19  # words whose gate answers an index or a WordGate keeps, then afresh
BEST_EXTRAS = PATRONYMIC_FOR + 2 * MIDDLE_FOR + YEAR_SAME  # most the other parts can add


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


def one_deletions(key: str) -> list[tuple[int, str]]:
    """Return (position, key without that symbol) for keys of four or more symbols, else []."""
    if len(key) < 4:
        return []
    return [(at, key[:at] + key[at + 1 :]) for at in range(len(key))]


def group_key(reading: ParsedName) -> tuple[str, str]:
    """Return the (surname, given name or initial marker) words that name a reading's group."""
    if reading.given:
        return reading.surname or "", reading.given
    if reading.initials:
        return reading.surname or "", INITIAL_MARK + reading.initials[0]
    return reading.surname or "", ANY_SOUND


@lru_cache(maxsize=262144)
def group_sounds(given: str) -> frozenset[str] | None:
    """Return the sound classes of a group's given word (None: neither name nor initial)."""
    if given == ANY_SOUND:
        return None
    if given.startswith(INITIAL_MARK):
        initial = given[len(INITIAL_MARK) :]
        return given_sounds(ParsedName(text=initial, given=None, surname=None, initials=(initial,)))
    return given_sounds(ParsedName(text=given, given=given, surname=None))


def classes_to_visit(sounds: frozenset[str] | None, by_class: dict[str, list[str]]) -> list[str]:
    """Return the given-name classes of a surname's groups that may fit sounds (the gate)."""
    if sounds is None:
        return list(by_class)
    wanted = [s for s in sounds if s in by_class]
    wanted += [f"{s[0]}*" for s in sounds if s[1] != "*" and f"{s[0]}*" in by_class]
    firsts = {s[0] for s in sounds if s[1] == "*"}
    if firsts:
        wanted += [c for c in by_class if c[0] in firsts]
    if ANY_SOUND in by_class:
        wanted.append(ANY_SOUND)
    return wanted


@lru_cache(maxsize=262144)
def _part_weight(surname: bool, left: str, right: str, rarity: float) -> float:
    """Return name_weight, cached for the bounds of many groups."""
    return name_weight(surname, left, right, rarity)


def logit_of(score: float) -> float:
    """Return the log-odds of a score in (0, 1)."""
    score = min(max(score, 1e-9), 1.0 - 1e-9)
    return math.log(score / (1.0 - score))


def _has_extras(name: ParsedName) -> bool:
    """Tell whether some reading of a name has middle names or a patronymic."""
    return bool(name.middle) or name.patronymic is not None or len(name.words) >= 3


Traits = tuple[int | None, bool, bool, str | None]
"""What bounds a pair's other parts, of one side: birth year, has a patronymic, has middle
names or a patronymic, gender cue."""


def traits_of(parsed: ParsedName, year: int | None, gender: str | None) -> Traits:
    """Return the traits of a name that bound what its other parts can add to a pair."""
    return year, parsed.patronymic is not None, _has_extras(parsed), gender_cue(parsed, gender)


def traits_bound(mine: Traits, theirs: Traits) -> float:
    """Return the most log-odds patronymic, middles, birth year and gender can add to a pair
    of names with these traits."""
    logit = 0.0
    year, other_year = mine[0], theirs[0]
    if year is not None and other_year is not None:
        gap = abs(year - other_year)
        logit += YEAR_SAME if gap == 0 else YEAR_NEAR if gap == 1 else -YEAR_AGAINST
    if mine[1] and theirs[1]:
        logit += PATRONYMIC_FOR
    if mine[2] and theirs[2]:
        logit += 2 * MIDDLE_FOR
    cue, other_cue = mine[3], theirs[3]
    if cue is not None and other_cue is not None and cue != other_cue:
        logit -= GENDER_AGAINST
    return logit


Block = Callable[[str], Iterable[tuple[str, int]]]
"""The (surname, deleted position or -1) filed under a block key."""


def near_by_blocks(keys: Iterable[str], block: Block) -> set[str]:
    """Return the surnames filed under blocks (``block(key)``) whose gate keys are compatible
    with keys.

    A surname is filed under each of its gate keys (deleted position -1) and under each
    key's one-deletions (with the position deleted). Blocks remember where a symbol was
    deleted, so no pair needs checking afterwards: a key equal to a block is equal to that
    surname's key or one symbol shorter; a key with symbol ``at`` deleted meets a surname's
    key (one symbol longer) or the same deletion of it (one symbol changed at ``at``). That is
    ``keys_compatible`` exactly: keys one edit apart, the longer four or more symbols, equal
    lengths both four or more. The relation is symmetric, so either side may be filed.
    """
    found: set[str] = set()
    for key in keys:
        for other, _ in block(key):
            found.add(other)
        for at, shorter in one_deletions(key):
            for other, deleted in block(shorter):
                if deleted < 0 or deleted == at:
                    found.add(other)
    return found


def surname_blocks(surname: str) -> Iterator[tuple[str, int]]:
    """Yield the (block key, deleted position or -1) a surname is filed under."""
    for key in gate_keys(surname):
        yield key, -1
        yield from ((shorter, at) for at, shorter in one_deletions(key))


def is_given_word(given: str) -> bool:
    """Tell whether a group's given word is a name (not an initial, not ANY_SOUND)."""
    return given != ANY_SOUND and not given.startswith(INITIAL_MARK)


def surname_bound(frequency: NameFrequency, surname: str, other: str) -> float:
    """Return the prior plus the evidence of two surnames: a group's bound, first term."""
    rarity = min(frequency.rarity(surname), frequency.rarity(other))
    return PRIOR + _part_weight(True, surname, other, rarity)


def given_bound(frequency: NameFrequency, given: str | None, other: str) -> float:
    """Return the evidence of a given name (None: none, or an initial) against a group's given
    word, at best: a group's bound, second term."""
    if given and is_given_word(other):
        rarity = min(frequency.rarity(given), frequency.rarity(other))
        return _part_weight(False, given, other, rarity)
    return INITIAL_FOR


def given_ceiling(frequency: NameFrequency, other: str) -> float:
    """Return the most ``given_bound`` can give against a group's given word, whatever the
    given name (agreement is at most 1, the rarity at most the word's own)."""
    if is_given_word(other):
        return max(GIVEN_FOR * frequency.rarity(other), INITIAL_FOR)
    return INITIAL_FOR


class NameIndex:
    """Names of many persons, blocked by phonetic keys, with part frequencies for scoring."""

    def __init__(self) -> None:
        """Create an empty index."""
        self._entries: list[IndexedName] = []
        self._traits: list[Traits] = []  # per entry, for entry bounds
        self._groups: dict[tuple[str, str], list[int]] = {}
        self._groups_by_surname: dict[str, dict[str, list[str]]] = {}
        self._surnames_by_block: dict[str, list[tuple[str, int]]] = {}
        self._joined: dict[str, list[int]] = {}
        self._counts: Counter[str] = Counter()
        self._frequency: NameFrequency | None = None
        self._near: dict[str, frozenset[str]] = {}
        # what queries asked before, kept while the index and its frequencies stay as they are
        self._givens: dict[tuple[str, frozenset[str] | None], tuple[str, ...]] = {}
        self._heads: dict[tuple[str, str], float] = {}
        self._given_bounds: dict[tuple[str | None, str], float] = {}
        self._bounds_of: NameFrequency | None = None

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
        self._traits.append(traits_of(parsed, year, gender))
        self._counts.update({part_stem(part) for part in parsed.parts()})
        self._frequency = None
        for reading in readings(parsed):
            if not reading.surname:
                continue
            group = group_key(reading)
            postings = self._groups.get(group)
            if postings is None:
                postings = self._groups[group] = []
                self._file_surname(group)
            if not postings or postings[-1] != position:
                postings.append(position)
        joined = joined_key(name)
        if len(joined) >= 6:
            self._joined.setdefault(joined, []).append(position)

    def _file_surname(self, group: tuple[str, str]) -> None:
        """Make a new group reachable through its surname's blocks."""
        surname, given = group
        by_class = self._groups_by_surname.get(surname)
        if by_class is None:
            self._near.clear()  # a new surname may be near words already asked about
            by_class = self._groups_by_surname[surname] = {}
            blocks = self._surnames_by_block
            for key, at in surname_blocks(surname):
                blocks.setdefault(key, []).append((surname, at))
        for sound in group_sounds(given) or (ANY_SOUND,):
            by_class.setdefault(sound, []).append(given)
        self._givens.clear()

    def surnames_near(self, surname: str) -> frozenset[str]:
        """Return the indexed surnames whose keys pass the gate with surname (kept per folded
        spelling: the keys depend on nothing else; but they are worked out from the word as
        written, since folding a folded word may read its digits as letters)."""
        folded = fold(surname).replace(" ", "")
        found = self._near.get(folded)
        if found is None:
            found = frozenset(near_by_blocks(gate_keys(surname), self._block))
            if len(self._near) >= GATE_MEMORY:
                self._near.clear()
            self._near[folded] = found
        return found

    def _block(self, key: str) -> list[tuple[str, int]]:
        """Return the (surname, deleted position or -1) filed under a block key."""
        return self._surnames_by_block.get(key, [])

    def given_classes_of(self, surname: str) -> frozenset[str]:
        """Return the given-name classes of an indexed surname's groups."""
        return frozenset(self._groups_by_surname[surname])

    @property
    def joined_keys(self) -> frozenset[str]:
        """Return the joined-letters keys of the indexed names (six letters or more)."""
        return frozenset(self._joined)

    def _positions(self, parsed: ParsedName, minimum: float = 0.0) -> dict[int, float]:
        """Return the positions of indexed names that may score minimum or more against parsed,
        each with its best surname and given-name log-odds bound."""
        found: dict[int, float] = {}
        floor = logit_of(minimum) - BEST_EXTRAS if minimum > 0.0 else -math.inf
        frequency = self.frequency
        heads, given_bounds = self._heads, self._given_bounds
        if self._bounds_of is not frequency or len(heads) + len(given_bounds) >= GATE_MEMORY:
            heads.clear()
            given_bounds.clear()
            self._bounds_of = frequency
        for reading in readings(parsed):
            if not reading.surname:
                continue
            sounds = given_sounds(reading)
            mine = reading.given
            # given_ceiling bounds a group's word; this bounds the query's (any word, "*" too)
            ceiling = max(GIVEN_FOR * frequency.rarity(mine), INITIAL_FOR) if mine else INITIAL_FOR
            for surname in self.surnames_near(reading.surname):
                head = heads.get((reading.surname, surname))
                if head is None:
                    head = heads[(reading.surname, surname)] = surname_bound(
                        frequency, reading.surname, surname
                    )
                if head + ceiling < floor:
                    continue  # no given name could lift this surname to the floor
                for given in self._givens_of(surname, sounds):
                    given_part = given_bounds.get((mine, given))
                    if given_part is None:
                        given_part = given_bounds[(mine, given)] = given_bound(
                            frequency, mine, given
                        )
                    bound = head + given_part
                    if bound < floor:
                        continue
                    for position in self._groups[(surname, given)]:
                        if found.get(position, -math.inf) < bound:
                            found[position] = bound
        for position in self._joined.get(joined_key(parsed.text), ()):
            found[position] = math.inf
        return found

    def _givens_of(self, surname: str, sounds: frozenset[str] | None) -> tuple[str, ...]:
        """Return the given words of an indexed surname's groups whose classes fit sounds."""
        found = self._givens.get((surname, sounds))
        if found is None:
            by_class = self._groups_by_surname[surname]
            givens: dict[str, None] = {}
            for sound in classes_to_visit(sounds, by_class):
                givens.update(dict.fromkeys(by_class[sound]))
            found = tuple(givens)
            if len(self._givens) >= GATE_MEMORY:
                self._givens.clear()
            self._givens[(surname, sounds)] = found
        return found

    def candidates(self, name: str, *, minimum: float = 0.0) -> list[str]:
        """Return the ids of persons with a name variant that passes the blocks for name."""
        ids: dict[str, None] = {}
        for position in self._positions(parse_name(name), minimum):
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
        positions = self._positions(parsed, minimum)
        ranked = self.rank_scored(
            parsed, positions, birth_year=birth_year, gender=gender, limit=limit, minimum=minimum
        )
        return [candidate for _, candidate in ranked]

    def rank_scored(
        self,
        parsed: ParsedName,
        positions: dict[int, float],
        *,
        birth_year: int | None = None,
        gender: str | None = None,
        limit: int = 10,
        minimum: float = POSSIBLE_THRESHOLD,
    ) -> list[tuple[float, Candidate]]:
        """Score a name against the indexed names at positions (each with its bound from the
        blocks, as ``search`` finds them); return the best person per id, best first, each
        with the quick score it was ranked by (its match's score at or above
        ``POSSIBLE_THRESHOLD``).

        Of two names of one person that score alike, the one indexed first explains the match.
        """
        frequency = self.frequency
        year = birth_year if birth_year is not None else parsed.birth_year
        floor = logit_of(minimum) if minimum > 0.0 else -math.inf
        best: dict[str, tuple[float, int]] = {}
        mine = traits_of(parsed, year, gender)
        traits = self._traits
        for position, bound in positions.items():
            if bound + traits_bound(mine, traits[position]) < floor:
                continue
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
            if score < minimum:
                continue
            held = best.get(entry.key_id)
            if held is None or score > held[0] or (score == held[0] and position < held[1]):
                best[entry.key_id] = (score, position)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        found: list[tuple[float, Candidate]] = []
        for key_id, (score, position) in ranked:
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
            found.append((score, Candidate(key_id, entry.name, match)))
        return found

    def search_many(
        self,
        queries: Sequence[str | tuple[str, int | None] | tuple[str, int | None, str | None]],
        *,
        limit: int = 10,
        minimum: float = POSSIBLE_THRESHOLD,
    ) -> list[list[Candidate]]:
        """Search many names at once: each query is a name, (name, year) or (name, year, gender)."""
        results: list[list[Candidate]] = []
        for query in queries:
            if isinstance(query, str):
                name, year, gender = query, None, None
            else:
                name, year = query[0], query[1]
                gender = query[2] if len(query) > 2 else None
            found = self.search(name, birth_year=year, gender=gender, limit=limit, minimum=minimum)
            results.append(found)
        return results

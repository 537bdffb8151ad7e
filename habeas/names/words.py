"""Words of multi-part names: readings, middle names, word order and joined letters.

Long names (Arabic, Spanish, Korean, a second given name in front) are read several ways;
middle names on both sides must agree, shared words must keep their order (or be rotated, as
surname-first writing does), and names that only split the same letters differently meet.
"""

from __future__ import annotations

from functools import lru_cache

from habeas.names.parse import NameOrder, ParsedName, patronymic_stem, split_birth_year
from habeas.names.similarity import agreement, first_sounds, token_similarity
from habeas.names.translit import fold

MIDDLE_FOR, MIDDLE_AGAINST = 0.5, 4.5
MIDDLE_SAME = 0.85  # similarity at which two middle names (or a middle and a father) agree
ORDER_AGAINST = 4.5  # shared words shuffled (Salman bin Muhammad / Muhammad bin Salman)


# (given, surname) word positions tried for names of three or more words without patronymic,
# besides the first word as given name with any later word as surname
_MULTI_READINGS = ((1, 0), (-1, 0), (1, -1))


@lru_cache(maxsize=65536)
def readings(name: ParsedName) -> tuple[ParsedName, ...]:
    """Return the readings of a name to try: as parsed, swapped if unsure, and for long names
    without a patronymic every plausible choice of given name and surname."""
    found = [name]
    if not name.order_certain and name.given and name.surname:
        found.append(name.swapped())
    words = name.words
    if len(words) >= 3 and name.patronymic is None:
        seen = {(name.given, name.surname)}
        pairs = [(0, k) for k in range(1, len(words))] + list(_MULTI_READINGS)
        for g, s in pairs:
            given, surname = words[g], words[s]
            if (given, surname) in seen:
                continue
            seen.add((given, surname))
            gi, si = g % len(words), s % len(words)
            middle = tuple(w for i, w in enumerate(words) if i not in (gi, si))
            order = NameOrder.GIVEN_FIRST if gi < si else NameOrder.SURNAME_FIRST
            found.append(name.read_as(given, surname, middle, order))
    return tuple(found)


def extras(name: ParsedName, other: ParsedName) -> tuple[str, ...]:
    """Return a name's middle words, plus its father's name when the other has no patronymic."""
    if name.patronymic is not None and other.patronymic is None:
        return (*name.middle, patronymic_stem(name.patronymic, name.patronymic_marker))
    return name.middle


def middle_weight(left: ParsedName, right: ParsedName) -> tuple[float, int, int, int] | None:
    """Return (evidence, matched, unmatched left, unmatched right) for middle names, if both."""
    a, b = extras(left, right), extras(right, left)
    if not a or not b:
        return None
    rest = list(b)
    left_over: list[str] = []
    matched = 0
    for token in a:
        scores = [token_similarity(token, other) for other in rest]
        best = max(range(len(rest)), key=scores.__getitem__, default=None)
        if best is not None and scores[best] >= MIDDLE_SAME:
            matched += 1
            rest.pop(best)
        else:
            left_over.append(token)
    if left_over and rest:
        closest = max(token_similarity(t, o) for t in left_over for o in rest)
        agree = min(agreement(closest), 0.0)
        return MIDDLE_AGAINST * agree, matched, len(left_over), len(rest)
    return min(matched, 2) * MIDDLE_FOR, matched, len(left_over), len(rest)


def middle_initials(name: ParsedName) -> tuple[str, ...]:
    """Return the initials of a name's middle names (or father's name): those after the given
    name, or after the given-name initial when the name has none (Лавров С. В.)."""
    return name.initials if name.given else name.initials[1:]


def _middle_words(name: ParsedName) -> tuple[str, ...]:
    """Return the middle names, then the father's name, as written: what middle initials of
    the other side may stand for."""
    if name.patronymic is None:
        return name.middle
    return (*name.middle, name.patronymic)


def initial_fits(initial: str, word: str) -> bool:
    """Tell whether an initial may stand for a word: the word's spelling starts with it, or
    a first sound of the word (or of its first letters: Дж, Zh, C) is the initial's."""
    folded = fold(initial).replace(" ", "")
    if fold(word).replace(" ", "").startswith(folded):
        return True
    sounds = first_sounds(initial)
    if not sounds:
        return True
    if folded == "d":  # Д. and D. also begin Дж and Dzh: the Azerbaijani C (Cavid, Джавид)
        sounds |= first_sounds("dzh")
    return any(sounds & first_sounds(word[:length]) for length in (1, 2, 3, len(word)))


def initials_conflict(left: ParsedName, right: ParsedName) -> tuple[str, str] | None:
    """Return a middle initial that cannot stand for any middle name, father's name or middle
    initial the other side keeps and this side does not, with that other side's word(s).

    Only disagreement counts (William G. Frost / William W. Frost, Mirgadirov R. F. /
    Mirqədirov Rauf Vaqif oğlu): an initial that fits proves little, one that does not is as
    strong as a middle name that differs. Words both sides write (José L. Rodríguez Zapatero
    / José Rodríguez Zapatero) are not what an initial stands for; and when one side has more
    initials than the other has words to set them against, some may be dropped names.
    """
    for mine, theirs in ((left, right), (right, left)):
        initials = middle_initials(mine)
        if not initials:
            continue
        written = _middle_words(mine)
        others = [
            word
            for word in (middle_initials(theirs) or _middle_words(theirs))
            if not any(token_similarity(word, own) >= MIDDLE_SAME for own in written)
        ]
        if not others or len(initials) > len(others):
            continue
        for initial in initials:
            if not any(initial_fits(initial, other) for other in others):
                return initial, " ".join(others)
    return None


def _rotation_of_increasing(sequence: list[int]) -> bool:
    """Tell whether a sequence is increasing after moving a tail to the front."""
    for start in range(len(sequence)):
        turned = sequence[start:] + sequence[:start]
        if all(a < b for a, b in zip(turned, turned[1:], strict=False)):
            return True
    return False


@lru_cache(maxsize=65536)
def order_conflict(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Tell whether three or more shared words stand in a different order, not a rotation."""
    if len(left) < 3 or len(right) < 3:
        return False
    free = list(range(len(right)))
    positions: list[int] = []
    for token in left:
        scores = [(token_similarity(token, right[i]), i) for i in free]
        score, best = max(scores, default=(0.0, -1))
        if score >= MIDDLE_SAME:
            positions.append(best)
            free.remove(best)
    return len(positions) >= 3 and not _rotation_of_increasing(positions)


@lru_cache(maxsize=65536)
def joined_key(text: str) -> str:
    """Return a name's letters without spaces, hyphens or birth year ("PolPot" = "Pol Pot")."""
    return "".join(fold(token) for token in split_birth_year(text)[0].split()).replace(" ", "")

"""How common a name part is: agreement on a rare part is stronger evidence than on a common one.

A registry knows its own names best, so ``NameFrequency.from_parts`` counts the parts of
every indexed name (``NameIndex`` does this). Without a registry, a small built-in table of
very common Azerbaijani and Russian names stands in.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from habeas.names.translit import fold, skeleton, skeleton_of_folded

# Very common given names (Azerbaijani Latin, plus a few Russian), both genders.
COMMON_GIVEN: tuple[str, ...] = (
    "Əli", "Məhəmməd", "Məmməd", "Elçin", "Elnur", "Rauf", "Rəşid", "Vüqar", "Anar", "Orxan",
    "Tural", "Rəşad", "Elvin", "Kamran", "Ramil", "Nicat", "Fuad", "İlqar", "Tofiq", "Vaqif",
    "Fazil", "Həsən", "Hüseyn", "İsmayıl", "Rövşən", "Emin", "Elşən", "Elşad", "Elmar",
    "Samir", "Səbuhi", "Araz", "Cavid", "Natiq", "Zaur", "Rasim", "Mübariz", "Famil", "Azər",
    "Rafiq", "Yaşar", "Namiq", "İlham", "Murad", "Aydın", "Babək", "Bəxtiyar", "Vəli",
    "Leyla", "Xədicə", "Günel", "Aynur", "Nərmin", "Səbinə", "Aygün", "Gülnar", "Sevinc",
    "Könül", "Arzu", "Aysel", "Nigar", "Fatimə", "Zəhra", "Aytən", "Gözəl", "Ülviyyə", "Lalə",
    "Aleksandr", "Sergey", "Vladimir", "Andrey", "Ivan", "Dmitriy", "Yuliya", "Olga",
    "Svetlana", "Anna", "Tatyana", "Yelena", "Natalya", "Mariya",
)  # fmt: skip

# Very common surnames, masculine form (the feminine form shares the stem).
COMMON_SURNAMES: tuple[str, ...] = (
    "Məmmədov", "Əliyev", "Həsənov", "Hüseynov", "Quliyev", "İsmayılov", "Abdullayev",
    "Rəhimov", "Cəfərov", "Hacıyev", "Kərimov", "Süleymanov", "Musayev", "Qasımov",
    "İbrahimov", "Babayev", "Nəsirov", "Bayramov", "Orucov", "Rzayev", "Əhmədov", "Vəliyev",
    "Sadıqov", "Mehdiyev", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasilyev", "Petrov",
)  # fmt: skip

# Further given names and surnames known to be distinct names, not spellings of each other.
OTHER_GIVEN: tuple[str, ...] = (
    "Vüsal", "Elşən", "Fərid", "Rasim", "Nadir", "Kamil", "Arif", "Əfqan", "Tofiq", "Ramiz",
    "Şahin", "Mahir", "Sahib", "Sabir", "Vahid", "Zahid", "Nurlan", "Ruslan", "Seymur",
    "Ceyhun", "Vəli", "Eldar", "Elxan", "Ilkin", "Aysel", "Aytən", "Lalə", "Şəhla", "Rəna",
    "Səadət", "Aliyə", "Sevda", "Gülər", "Aqil", "Akif", "Aydın", "Ayxan", "Fikrət", "Həmid",
    "Malik", "Məlik", "Nəsimi", "Oqtay", "Rəhim", "Rəsul", "Sənan", "Talıb", "Yusif", "Yunus",
)  # fmt: skip

OTHER_SURNAMES: tuple[str, ...] = (
    "Balayev", "Məhərrəmov", "Mahmudov", "Mustafayev", "Nəbiyev", "Novruzov", "Qurbanov",
    "Mirzəyev", "Əhmədli", "Yusifov", "Abbasov", "Kazımov", "Zeynalov", "Xəlilov", "Sultanov",
    "Allahverdiyev", "Şükürov", "Eyvazov", "Paşayev", "Səfərov", "Ələkbərov", "Rüstəmov",
)  # fmt: skip

_SURNAME_ENDINGS: tuple[str, ...] = (
    "skaya", "skiy", "sky", "ski", "yeva", "yev", "ova", "eva", "ov", "ev", "ina", "in",
    "zade", "zada", "li", "lu", "ly",
)  # fmt: skip

COMMON_RARITY = 0.75
DEFAULT_RARITY = 1.1
MIN_RARITY = 0.6
MAX_RARITY = 1.4


@lru_cache(maxsize=65536)
def part_stem(token: str) -> str:
    """Return the skeleton of a name part without its surname ending (-ov/-ova, -li, -zadə)."""
    folded = fold(token).replace(" ", "")
    for ending in _SURNAME_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            return skeleton_of_folded(folded[: -len(ending)])
    return skeleton_of_folded(folded)


_COMMON_STEMS = frozenset(part_stem(name) for name in COMMON_GIVEN + COMMON_SURNAMES)
COMMON_GIVEN_SKELETONS = frozenset(skeleton(name) for name in COMMON_GIVEN)
KNOWN_GIVEN_SKELETONS = COMMON_GIVEN_SKELETONS | {skeleton(name) for name in OTHER_GIVEN}
KNOWN_SURNAME_STEMS = frozenset(part_stem(name) for name in COMMON_SURNAMES + OTHER_SURNAMES)


def rarity_of_share(share: float) -> float:
    """Map the share of names holding a part to a weight multiplier (rare > 1 > common)."""
    share = max(share, 1e-9)
    value = 1.25 - 0.25 * math.log10(share * 1000.0)
    return min(MAX_RARITY, max(MIN_RARITY, value))


class NameFrequency:
    """Counts of name parts (by stem) over a list of names; gives a rarity weight per part."""

    __slots__ = ("_counts", "_total", "_cache")

    def __init__(self, counts: Counter[str] | None = None, total: int = 0) -> None:
        """Start from stem counts over ``total`` names (empty means: built-in table only)."""
        self._counts: Counter[str] = counts if counts is not None else Counter()
        self._total = total
        self._cache: dict[str, float] = {}

    @classmethod
    def from_parts(cls, names: Iterable[Iterable[str]]) -> NameFrequency:
        """Count each distinct part stem once per name, over names given as their parts."""
        frequency = cls()
        for parts in names:
            frequency.add(parts)
        return frequency

    @property
    def total(self) -> int:
        """Return how many names were counted."""
        return self._total

    def add(self, parts: Iterable[str]) -> None:
        """Count the parts of one more name."""
        self._counts.update({part_stem(part) for part in parts if part})
        self._total += 1
        self._cache.clear()

    def rarity(self, part: str) -> float:
        """Return a multiplier for agreement on this part: about 0.6 common to 1.4 rare."""
        stem = part_stem(part)
        cached = self._cache.get(stem)
        if cached is not None:
            return cached
        builtin = COMMON_RARITY if stem in _COMMON_STEMS else DEFAULT_RARITY
        if self._total < 50:
            value = builtin
        else:
            share = max(self._counts.get(stem, 0), 1) / self._total
            value = rarity_of_share(share)
            if stem in _COMMON_STEMS:
                value = min(value, 1.0)
        self._cache[stem] = value
        return value


BUILTIN_FREQUENCY = NameFrequency()

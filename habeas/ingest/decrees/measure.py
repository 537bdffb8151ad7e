"""What a decree paragraph does to the sentences of the people it lists.

Each measure is recognised by phrases from Azerbaijani law and press, Russian decrees and
English translations (see /docs/decrees.md). Order matters: a life sentence cut to 25
years also says "əvəz edilsin" (replace), and halving also says "azaldılsın" (reduce).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from habeas.domain.event import Measure

_NUMBERS = {
    "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8,
    "doqquz": 9, "on": 10, "один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3,
    "трёх": 3, "четыре": 4, "пять": 5, "шесть": 6, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6,
}  # fmt: skip
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True, slots=True)
class MeasureFound:
    """A measure read from text, with the term it shortens by and the phrase that said so."""

    measure: Measure
    term_months: int | None
    phrase: str
    note: str = ""


_LIFE = re.compile(
    r"ömürlük.*(?:iyirmi beş|25) ildən çox olmayan"
    r"|пожизненн\w*.*(?:двадцат\w* пят\w*|25) лет"
    r"|life (?:imprisonment|sentence).*(?:twenty-five|25) years",
    _FLAGS,
)
_FIXED = (
    (
        Measure.HALVE,
        re.compile(
            r"yarıyadək azald|yarısı(?:na)? qədər azald|yarıya qədər azald"
            r"|наполовину|на половину"
            r"|\bhalved\b|\bby (?:one )?half\b",
            _FLAGS,
        ),
    ),
    (
        Measure.RELEASE,
        re.compile(
            r"çəkilməmiş hissəsindən\s+azad|qalan hissəsini çəkməkdən\s+azad"
            r"|cəzanın? (?:sonrakı )?çəkilməsindən\s+azad"
            r"|от (?:дальнейшего )?отбывания\s+(?:\w+\s+)?наказания|от неотбыт\w* част\w* наказания"
            r"|releas\w* from (?:serving |further serving )?(?:the )?(?:remaining|unserved|rest)"
            r"|releas\w* from (?:further )?punishment",
            _FLAGS,
        ),
    ),
    (
        Measure.COMMUTE,
        re.compile(
            r"daha yüngül cəza\s+növü ilə\s+əvəz"
            r"|более мягк\w* вид\w* наказания"
            r"|(?:milder|more lenient) (?:type of |form of )?punishment|\bcommut",
            _FLAGS,
        ),
    ),
    (
        Measure.EXPUNGE,
        re.compile(
            r"məhkumluğu(?:nu)?\s+götürül|məhkumluqları\s+götürül"
            r"|снять судимост|снят\w* судимост|судимост\w* снят"
            r"|expung|criminal records? (?:\w+ )?(?:be )?(?:cleared|lifted|removed)"
            r"|convictions? (?:\w+ )?(?:be )?(?:cleared|lifted|removed)",
            _FLAGS,
        ),
    ),
)
_REDUCE = (
    re.compile(
        rf"{_NUMBER}\s+il(?:\s+{_NUMBER}\s+ay)?\s+(?:müddətə\s+|müddətinədək\s+)?azald", _FLAGS
    ),
    re.compile(rf"{_NUMBER}\s+ay\s+(?:müddətə\s+)?azald()", _FLAGS),
    re.compile(rf"сократить.*?на\s+{_NUMBER}\s+(?:год|года|лет)(?:\s+{_NUMBER}\s+месяц)?", _FLAGS),
    re.compile(rf"сократить.*?на\s+{_NUMBER}\s+месяц()", _FLAGS),
    re.compile(rf"reduc\w*.*?by\s+{_NUMBER}\s+years?(?:\s+and\s+{_NUMBER}\s+months?)?", _FLAGS),
    re.compile(rf"reduc\w*.*?by\s+{_NUMBER}\s+months?()", _FLAGS),
)


def _number(text: str | None) -> int:
    """Return the value of a numeral in digits or words (0 for none)."""
    if not text:
        return 0
    return int(text) if text.isdigit() else _NUMBERS.get(text.lower(), 0)


def find_measure(text: str) -> MeasureFound | None:
    """Return the measure a decree paragraph (or an entry's tail) orders, if it names one."""
    text = text.replace("İ", "i")
    found = _LIFE.search(text)
    if found is not None:
        note = "life sentence replaced by a term of at most 25 years"
        return MeasureFound(Measure.REDUCE, None, found.group(0), note)
    for measure, pattern in _FIXED:
        found = pattern.search(text)
        if found is not None:
            return MeasureFound(measure, None, found.group(0))
    for index, pattern in enumerate(_REDUCE):
        found = pattern.search(text)
        if found is not None:
            first, second = _number(found.group(1)), _number(found.group(2))
            months = first if index % 2 else first * 12 + second
            return MeasureFound(Measure.REDUCE, months or None, found.group(0))
    return None

"""Numbers written in words, prison terms ("six years' imprisonment", "6 il", "6 лет") in
months, and charges named in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "twenty-five": 25, "thirty": 30,
}  # fmt: skip
_NUMBER = r"(?:\d{1,2}(?:[.,]5)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_HALF = r"(?:\s+and\s+a\s+half)?"
_EN_TERM = re.compile(
    rf"\b(?P<years>{_NUMBER}){_HALF}[\s-]+years?(?:[’']s?)?"
    rf"(?:\s+and\s+(?P<months_after>{_NUMBER})[\s-]+months?)?"
    rf"|\b(?P<months>{_NUMBER})[\s-]+months?",
    re.IGNORECASE,
)
_LIFE = re.compile(r"\blife\s+(?:imprisonment|sentence|in\s+prison)\b", re.IGNORECASE)
_SUSPENDED = re.compile(r"\b(?:suspended|probation(?:ary)?|conditional)\s+sentence\b", re.I)
_RU_TERM = re.compile(
    r"\b(?P<years>\d{1,2})(?:,5)?\s+(?:лет|года|годам|год)\b|\b(?P<months>\d{1,2})\s+месяц", re.I
)
_AZ_TERM = re.compile(r"\b(?P<years>\d{1,2})\s+il\b|\b(?P<months>\d{1,2})\s+ay\b", re.I)


@dataclass(frozen=True, slots=True)
class Term:
    """A prison term found in the text: months, and where."""

    months: int | None
    start: int
    end: int
    kind: str = "prison"


def _number(text: str) -> float | None:
    text = text.lower().replace(",", ".")
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None


def find_terms(text: str, start: int = 0, end: int | None = None) -> list[Term]:
    """Prison terms in text[start:end], in English, Russian and Azerbaijani forms."""
    end = len(text) if end is None else end
    window = text[start:end]
    found: list[Term] = []
    for match in _LIFE.finditer(window):
        found.append(Term(None, start + match.start(), start + match.end(), "life"))
    for pattern in (_EN_TERM, _RU_TERM, _AZ_TERM):
        for match in pattern.finditer(window):
            groups = match.groupdict()
            months = 0.0
            if groups.get("years"):
                years = _number(groups["years"])
                if years is None:
                    continue
                if "half" in match.group(0).lower() or ",5" in match.group(0):
                    years += 0.5
                months = years * 12
                if groups.get("months_after"):
                    months += _number(groups["months_after"]) or 0
            elif groups.get("months"):
                months = _number(groups["months"]) or 0
            if months <= 0:
                continue
            span = (start + match.start(), start + match.end())
            if any(t.start <= span[0] < t.end for t in found):
                continue
            found.append(Term(int(round(months)), *span))
    return sorted(found, key=lambda t: t.start)


def sentence_kind_near(text: str) -> str:
    """ "suspended" when the text speaks of a suspended sentence, else "prison"."""
    return "suspended" if _SUSPENDED.search(text) else "prison"


CHARGES = (
    "high treason", "treason", "espionage", "spying", "hooliganism", "tax evasion",
    "illegal entrepreneurship", "money laundering", "smuggling", "fraud", "forgery",
    "embezzlement", "appropriation", "abuse of office", "abuse of power", "mass disorder",
    "mass riots", "resisting police", "resisting an official", "resisting arrest",
    "illegal border crossing", "incitement to hatred", "incitement of hatred", "incitement",
    "extremism", "terrorism", "calls against the state", "drug possession",
    "drug trafficking", "illegal possession of drugs", "illegal possession of weapons",
    "weapons possession", "drug charges", "bribery", "defamation", "libel",
    "insulting the president",
    "organising mass disorder", "organizing mass disorder", "participation in mass disorder",
    "separatism", "sabotage", "false information about the army", "discrediting the army",
    "discrediting the armed forces", "financing extremism", "illegal crossing of the border",
    "gross violation of public order", "violation of public order", "vandalism", "assault",
    "murder", "theft", "extortion", "blackmail", "illegal entry", "disobeying police",
)  # fmt: skip
_CHARGE = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in sorted(CHARGES, key=len, reverse=True)) + r")\b"
    r"|\b[Aa]rticles?\s+\d{2,3}(?:[.-]\d{1,2})*(?:\.\d)?(?:\s*(?:,|and)\s*\d{2,3}(?:[.-]\d)*)*",
)


@dataclass(frozen=True, slots=True)
class ChargeMention:
    """A charge named in the text (a crime or a criminal-code article), and where."""

    text: str
    start: int
    end: int


def find_charges(text: str, start: int = 0, end: int | None = None) -> list[ChargeMention]:
    """Charges named in text[start:end] ("espionage", "Article 274")."""
    end = len(text) if end is None else end
    found = []
    for match in _CHARGE.finditer(text, start, end):
        found.append(ChargeMention(match.group(0), match.start(), match.end()))
    return found

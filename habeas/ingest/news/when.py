"""Dates in an article, resolved against the publication date and the dates before them.

"December 28" takes the year that puts it on or before publication; "the same day" is the
last date mentioned; "Monday" is the weekday nearest the date in force, after it when the
clause looks ahead ("would be released on Monday"), else on or before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from habeas.domain.dates import PartialDate

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Russian (genitive and nominative stems) and Azerbaijani month names
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "yanvar": 1, "fevral": 2, "mart": 3, "aprel": 4, "iyun": 6, "iyul": 7,
    "avqust": 8, "sentyabr": 9, "oktyabr": 10, "noyabr": 11, "dekabr": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dotted", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.I)),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}(?:\s*(?:г\.?|il))?)?", re.I)),
    ("my", re.compile(rf"\b(?:in\s+|of\s+)?{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I)),
    (
        "m",
        re.compile(
            r"\b(?:in|since|until|by|early|late|mid-|last|this)\s+(?P<month>January|February|March|"
            r"April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
        ),
    ),
    ("y", re.compile(r"\b(?:in|since|of|until|by)\s+(?P<year>(?:19|20)\d\d)\b(?![-/]\d)", re.I)),
    (
        "rel",
        re.compile(
            r"\b(?P<rel>(?:on\s+)?the\s+same\s+day|that\s+(?:same\s+)?day|the\s+(?:next|following)"
            r"\s+day|the\s+day\s+(?:before|after)|the\s+previous\s+day|(?:a|one|two|three|four|"
            r"five|six|seven|\d+)\s+(?:day|week)s?\s+(?:later|earlier|before|after)|yesterday|"
            r"today|(?P<ago>(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
            r"(?P<ago_unit>day|month|year)s?\s+ago)|(?P<period>(?:earlier\s+)?(?:last|this)\s+"
            r"(?P<period_unit>month|year))|"
            r"(?:(?P<which>last|next|this|on)\s+)?(?P<weekday>monday|tuesday|wednesday|"
            r"thursday|friday|saturday|sunday))\b",
            re.I,
        ),
    ),
]
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_AHEAD = re.compile(
    r"\b(would|will|hop(?:e|ed|ing)|expect(?:s|ed|ing)?|scheduled|due|plan(?:s|ned)?|"
    r"next|wish(?:ed)?|await(?:s|ed|ing)?)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression, where it is, and the date it resolves to (None when it cannot)."""

    start: int
    end: int
    text: str
    value: PartialDate | None
    relative: bool = False


def _safe(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _month_day(
    month: int, day: int, published: date | None, anchor: date | None
) -> PartialDate | None:
    """A day and month without a year: the year that puts it on or before the reference."""
    ref = anchor or published
    if ref is None:
        return None
    for year in (ref.year, ref.year - 1):
        found = _safe(year, month, day)
        if found is not None and found.earliest() <= (published or ref) + timedelta(days=1):
            return found
    return None


def _weekday(
    weekday: int, which: str, ahead: bool, published: date | None, anchor: date | None
) -> PartialDate | None:
    ref = anchor or published
    if ref is None:
        return None
    if which == "next" or (ahead and which != "last"):
        delta = (weekday - ref.weekday()) % 7 or 7
        return PartialDate.of(ref + timedelta(days=delta))
    delta = (ref.weekday() - weekday) % 7
    if which == "last" and delta == 0:
        delta = 7
    return PartialDate.of(ref - timedelta(days=delta))


def _relative(text: str, published: date | None, anchor: date | None) -> PartialDate | None:
    low = " ".join(text.lower().split())
    if low in ("today",):
        return PartialDate.of(published) if published else None
    if low == "yesterday":
        return PartialDate.of(published - timedelta(days=1)) if published else None
    if anchor is None:
        return None
    if "same day" in low or low.startswith("that"):
        return PartialDate.of(anchor)
    if low in ("the next day", "the following day", "the day after"):
        return PartialDate.of(anchor + timedelta(days=1))
    if low in ("the day before", "the previous day"):
        return PartialDate.of(anchor - timedelta(days=1))
    match = re.match(r"(\w+) (day|week)s? (later|earlier|before|after)", low)
    if match:
        count = _COUNT_WORDS.get(match.group(1)) or int(match.group(1))
        days = count * (7 if match.group(2) == "week" else 1)
        sign = 1 if match.group(3) in ("later", "after") else -1
        return PartialDate.of(anchor + timedelta(days=sign * days))
    return None


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _ago(groups: dict[str, str | None], published: date | None) -> PartialDate | None:
    """ "three days ago" (a day), "two months ago", "last month", "this year" (a month or
    a year: the precision the words give), counted back from publication."""
    if published is None:
        return None
    if groups.get("ago"):
        count_word = (groups["ago"] or "").split()[0].lower()
        count = _COUNTS.get(count_word) or int(count_word)
        unit = (groups.get("ago_unit") or "").lower()
    else:
        period = (groups.get("period") or "").lower()
        count = 1 if "last" in period else 0
        unit = (groups.get("period_unit") or "").lower()
    if unit == "day":
        return PartialDate.of(published - timedelta(days=count))
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 - count
        return PartialDate(month_index // 12, month_index % 12 + 1)
    return PartialDate(published.year - count)


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"[.!?][”\"’]?\s+", text)]


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in text, in order, resolved against publication and the last
    date mentioned (the anchor is used when it is in the same or the previous sentence)."""
    raw: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            raw.append((start, end, kind, match))
    raw.sort()
    starts = _sentence_starts(text)

    def sentence_of(offset: int) -> int:
        """The index of the sentence an offset falls in."""
        return sum(1 for s in starts if s <= offset) - 1

    found: list[DateMention] = []
    anchor: date | None = None
    anchor_sentence = -10
    for start, end, kind, match in raw:
        groups = match.groupdict()
        here = sentence_of(start)
        near = anchor if here - anchor_sentence <= 1 else None
        value: PartialDate | None = None
        relative = False
        month = None
        if groups.get("mnum"):
            month = int(groups["mnum"])
        elif groups.get("month"):
            month = MONTHS.get(groups["month"].lower().rstrip("."))
        if kind in ("iso", "dotted", "md", "dm"):
            if month is None:
                continue
            day = int(groups["day"])
            if groups.get("year"):
                value = _safe(int(groups["year"]), month, day)
            else:
                value = _month_day(month, day, published, anchor)
                relative = True
        elif kind == "my" and month is not None:
            value = _safe(int(groups["year"]), month, None)
        elif kind == "m" and month is not None:
            ref = published or anchor
            if ref is not None:
                year = ref.year if month <= ref.month else ref.year - 1
                value = _safe(year, month, None)
                relative = True
        elif kind == "y":
            value = _safe(int(groups["year"]), None, None)
        elif kind == "rel":
            relative = True
            if groups.get("ago") or groups.get("period"):
                value = _ago(groups, published)
            elif groups.get("weekday"):
                clause = text[starts[here] : start]
                ahead = bool(_AHEAD.search(clause[-80:]))
                value = _weekday(
                    WEEKDAYS[groups["weekday"].lower()],
                    (groups.get("which") or "").lower(),
                    ahead,
                    published,
                    near,
                )
            else:
                rel = groups["rel"]
                rel = re.sub(r"^on\s+", "", rel, flags=re.I)
                clause_follows = bool(re.match(r"\s+[a-z]", text[end : end + 3]))
                if clause_follows and re.search(r"(after|before)$", rel, re.I):
                    # "released on May 9, a week after she was detained": the clause that
                    # follows happened a week before the date in force, not after it
                    rel = re.sub(
                        r"(after|before)$",
                        lambda m: "earlier" if m.group(1).lower() == "after" else "later",
                        rel,
                        flags=re.I,
                    )
                value = _relative(rel, published, anchor if "same" in rel.lower() else near)
            if groups.get("which", "") and groups["which"].lower() == "on":
                start = match.start("weekday")
        lead = re.match(r"(?:in|on|of|since|until|by)\s+", text[start:end], re.I)
        if lead:
            start += lead.end()
        if value is None and kind != "rel":
            continue
        found.append(DateMention(start, end, text[start:end], value, relative))
        if value is not None and value.day is not None:
            anchor = value.earliest()
            anchor_sentence = here
    return found

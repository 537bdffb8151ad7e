"""Entries of a pardon or amnesty decree: who is named, born when, and under which measure.

A decree is a few numbered paragraphs, each ordering a measure ("… cəzalarının
çəkilməmiş hissəsindən azad edilsin:"), each followed by numbered name lines
("12. Əliyev Elçin Məmməd oğlu, 1975-ci il təvəllüdlü"). Every non-blank line ends up as
a section heading, an entry or a skipped line with the reason, never dropped unsaid; a
heading or an entry that a PDF or a scan broke over lines takes them all (its `last_line`,
its `raw`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from habeas.domain.event import Measure
from habeas.exceptions import InputError
from habeas.ingest.decrees.measure import find_measure
from habeas.ingest.decrees.text import DecreeLine, DecreeText
from habeas.names.parse import NameOrder, parse_name, split_birth_year
from habeas.names.translit import fold

LANGUAGES = ("az", "ru", "en")
_NUMBERING = re.compile(r"^\s*(?:(\d{1,4}(?:\.\d{1,3})*)[.)]|[-–—•*])\s*")
_YEAR = re.compile(
    r"""(?P<az>(?P<y1>1[89]\d\d|20\d\d)\s*-?\s*(?:c[iıuü]|j[iı])\s+il(?:\s+də)?
        \s+t[əe]v[əe]ll[üu]dl[üu])
    |(?P<ru>(?P<y2>1[89]\d\d|20\d\d)\s*(?:г(?:ода|\.)?\s*(?:рождения|р\.)|г\.р\.?))
    |(?P<en>\(?\s*(?:born(?:\s+in)?|b\.)\s*(?P<y3>1[89]\d\d|20\d\d)\s*\)?)""",
    re.IGNORECASE | re.VERBOSE,
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’\-.]*$")  # digits inside: OCR (Ə1iyev)
_AZ_LETTERS = frozenset("əğıƏĞİ")
_MARKERS = frozenset({"oglu", "ogly", "oghlu", "qizi", "gizi", "kyzy", "kizi"})
_PATRONYMIC_END = re.compile(r"(?:^(?:oglu|ogly|oghlu|qizi|gizi|kyzy|kizi)|ich|ichna|ovna|evna)$")


@dataclass(frozen=True, slots=True)
class DecreeSection:
    """A numbered decree paragraph that orders a measure for the entries below it."""

    line: int
    text: str
    measure: Measure | None
    term_months: int | None = None
    note: str = ""
    last_line: int | None = None  # where a heading broken over lines ends (None: one line)


@dataclass(frozen=True, slots=True)
class DecreeEntry:
    """One person named in a decree, with the measure that applies to them."""

    line: int
    raw: str
    name: str
    surname: str | None
    given: str | None
    patronymic: str | None
    birth_year: int | None
    gender: str | None
    measure: Measure | None
    term_months: int | None = None
    section: DecreeSection | None = None
    number: str | None = None
    detail: str = ""
    page: int | None = None


@dataclass(frozen=True, slots=True)
class SkippedLine:
    """A non-blank line that is neither an entry nor a section heading, and why."""

    line: int
    text: str
    why: str


@dataclass(frozen=True, slots=True)
class DuplicateEntry:
    """An entry whose name and birth year repeat an earlier entry's."""

    line: int
    first_line: int
    name: str
    birth_year: int | None


@dataclass(frozen=True, slots=True)
class ParsedDecree:
    """What a decree says: language, sections, entries, duplicates and skipped lines."""

    source: str
    language: str
    sections: list[DecreeSection] = field(default_factory=list)
    entries: list[DecreeEntry] = field(default_factory=list)
    skipped: list[SkippedLine] = field(default_factory=list)
    duplicates: list[DuplicateEntry] = field(default_factory=list)


def detect_language(text: str) -> str:
    """Return "ru" for mostly Cyrillic text, "az" for Azerbaijani letters or words, else "en"."""
    letters = [ch for ch in text if ch.isalpha()]
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters)
    if letters and cyrillic / len(letters) > 0.3:
        return "ru"
    lowered = text.lower()
    if any(ch in _AZ_LETTERS for ch in text) or "təvəllüd" in lowered or " oğlu" in lowered:
        return "az"
    return "en"


def _looks_like_name(text: str) -> str | None:
    """Return why text is not a name, or None if it looks like one (2-6 words, letters only)."""
    words = text.replace(",", " ").split()
    if len(words) < 2:
        return "only one word before the birth year"
    if len(words) > 6:
        return f"{len(words)} words before the birth year, too many for a name"
    bad = next((word for word in words if not _NAME_WORD.match(word)), None)
    if bad is not None:
        return f'"{bad}" is not a name word'
    return None


def _name_words(words: list[str]) -> bool:
    """Tell whether every word is a capitalised name word (or an initial) or oğlu/qızı."""
    return all(
        _NAME_WORD.match(word) and word[0].isupper() or fold(word) in _MARKERS for word in words
    )


def _bare_name(body: str) -> bool:
    """Tell whether a numbered line starts with 2-5 capitalised name words before any comma."""
    words = body.partition(",")[0].split()
    return 2 <= len(words) <= 5 and _name_words(words)


def _entry(
    line: DecreeLine, body: str, number: str | None, language: str, section: DecreeSection | None
) -> DecreeEntry | str:
    """Parse one candidate entry line; return the entry or why it is not one."""
    found = _YEAR.search(body)
    year: int | None
    if found is not None:
        name_text = body[: found.start()].strip(" ,;:(–—-")
        detail = body[found.end() :].strip(" ,;:.)–—-")
        year = int(found.group("y1") or found.group("y2") or found.group("y3"))
    else:
        name_text, year = split_birth_year(body.rstrip(" .;"))
        detail = ""
        if year is None:
            if number is None or not _bare_name(body):
                return "no birth year (e.g. 1975-ci il təvəllüdlü, 1980 года рождения, born 1975)"
            name_text, _, detail = body.partition(",")
            detail = detail.strip(" .;")
    why = _looks_like_name(name_text)
    if why is not None:
        return why
    order = NameOrder.AUTO if language == "en" else NameOrder.SURNAME_FIRST
    parsed = parse_name(name_text, order=order)
    measure, term = (section.measure, section.term_months) if section else (None, None)
    own = find_measure(detail) if detail else None
    if own is not None:
        measure, term = own.measure, own.term_months
    return DecreeEntry(
        line=line.number,
        raw=line.text,
        name=name_text,
        surname=parsed.surname,
        given=parsed.given,
        patronymic=parsed.patronymic,
        birth_year=year,
        gender=parsed.gender.value if parsed.gender else None,
        measure=measure,
        term_months=term,
        section=section,
        number=number,
        detail=detail,
        page=line.page,
    )


MAX_WRAPPED = 3  # lines a numbered paragraph's heading may wrap onto
MAX_ENTRY_LINES = 2  # lines below a numbered name that may hold the rest of it and its year


_YEAR_BEGUN = re.compile(r"[,(]?\s*(?:(?:1[89]|20)\d\d\b.*|(?:born|b\.)(?:\s+in)?)\s*$", re.I)


def _name_start(body: str) -> bool:
    """Tell whether a numbered line's text may begin a name: nothing yet (the number alone),
    or up to five name words (capitalised, initials, oğlu/qızı), maybe with the start of a
    birth year ("1980 г.", "b."), and no measure."""
    if find_measure(body) is not None:
        return False
    words = _YEAR_BEGUN.sub("", body).replace(",", " ").split()
    return len(words) <= 5 and _name_words(words)


def _name_tail(words: list[str], above: int) -> bool:
    """Tell whether words a line below adds to a name can only finish it, not be a name of
    their own: none, one word (a patronymic, a given name), or a father's name and oğlu;
    below a surname alone, a given name with a patronymic (Tural Vaqif oğlu, Глеб Аркадьевич)."""
    if len(words) <= 1 or (len(words) == 2 and fold(words[1]) in _MARKERS):
        return True
    return above == 1 and len(words) <= 3 and _PATRONYMIC_END.search(fold(words[-1])) is not None


def _continued(body: str, lines: list[DecreeLine], at: int) -> int:
    """Return how many of the lines from ``at`` finish a numbered entry whose birth year a PDF
    or a scan moved below it ("1.1. Qasımov Anar Elman oğlu," / "1980-ci il təvəllüdlü"):
    unnumbered lines, up to the first one that brings a birth year, adding at most the end of
    a name (a patronymic and oğlu, one word); 0 if they do not."""
    if not _name_start(body):
        return 0
    text = body
    for taken in range(1, MAX_ENTRY_LINES + 1):
        if at + taken - 1 >= len(lines) or text.endswith((";", ":")):
            return 0
        following = lines[at + taken - 1].text.strip()
        joined = f"{text} {following}"
        found = _YEAR.search(joined)
        begun = found is not None and found.start() < len(text)  # "(b." above, "1975)" here
        if _NUMBERING.match(following) and not begun:
            return 0
        text = joined
        added = text[len(body) : found.start() if found else len(text)]
        if body and not _name_tail(added.replace(",", " ").split(), len(body.split())):
            return 0  # (a number alone on its line takes the whole name below)
        if found is not None:
            return taken
    return 0


def _wrapped(heading: str, lines: list[DecreeLine], at: int) -> int:
    """Return how many of the lines from ``at`` continue a numbered heading that a PDF or a
    scan broke ("1. Помиловать … от дальнейшего" / "отбывания наказания:"): lines that are
    neither numbered nor hold a birth year, until one ends the heading with a colon."""
    taken = 0
    text = heading
    while taken < MAX_WRAPPED and at + taken < len(lines) and not text.endswith((":", ".", ";")):
        following = lines[at + taken].text.strip()
        if _NUMBERING.match(following) or _YEAR.search(following):
            break
        text = following
        taken += 1
    return taken if text.endswith(":") else 0


def _lines_of(entry: DecreeEntry) -> int:
    """Return how many non-blank lines after its first an entry's text took."""
    return sum(1 for part in entry.raw.split("\n")[1:] if part.strip())


def _measure_tail(
    entry: DecreeEntry, line: str, decree: DecreeText, first: int, last: int
) -> DecreeEntry | None:
    """Return the entry with a wrapped end of its own measure ("…təvəllüdlü, cəzasının
    çəkilməmiş" / "hissəsi yarıyadək azaldılsın"), or None if the line does not finish one."""
    if not entry.detail or not line[:1].islower() or find_measure(entry.detail) is not None:
        return None  # a capital starts a heading or a footer; a measure is not said twice
    detail = f"{entry.detail} {line}"
    own = find_measure(detail)
    if own is None:
        return None
    raw = "\n".join(each.text for each in decree.lines[first : last + 1])
    return replace(entry, raw=raw, detail=detail, measure=own.measure, term_months=own.term_months)


def parse_decree(text: DecreeText | str, *, language: str | None = None) -> ParsedDecree:
    """Parse a decree into sections and entries; raise InputError if it names nobody."""
    decree = DecreeText.from_string(text) if isinstance(text, str) else text
    if language is not None and language not in LANGUAGES:
        raise InputError(f'unknown decree language "{language}"; use one of az, ru, en')
    result = ParsedDecree(decree.source, language or detect_language(decree.text))
    section: DecreeSection | None = None
    seen: dict[tuple[str, int | None], int] = {}
    kept = [(place, line) for place, line in enumerate(decree.lines) if line.text.strip()]
    lines = [line for _, line in kept]
    at = 0
    entry_from, entry_to = -1, -1  # the last entry: its first line's place, the next index
    while at < len(lines):
        line = lines[at]
        at += 1
        stripped = line.text.strip()
        numbering = _NUMBERING.match(stripped)
        number = numbering.group(1) if numbering else None
        body = stripped[numbering.end() :] if numbering else stripped
        parsed = None
        if numbering is not None and _YEAR.search(body) is None:
            taken = _continued(body, lines, at)  # a name whose birth year wrapped below
            if taken:
                more = lines[at : at + taken]
                whole = " ".join([body, *(following.text.strip() for following in more)])
                first, last_place = kept[at - 1][0], kept[at + taken - 1][0]
                span = "\n".join(each.text for each in decree.lines[first : last_place + 1])
                spanned = replace(line, text=span)
                parsed = _entry(spanned, whole, number, result.language, section)
                if isinstance(parsed, DecreeEntry):
                    at += taken
                else:
                    parsed = None  # not one name with its year: the lines are read apart
        if parsed is None:
            parsed = _entry(line, body, number, result.language, section)
        if isinstance(parsed, DecreeEntry):
            key = (" ".join(fold(parsed.name).split()), parsed.birth_year)
            if key in seen:
                result.duplicates.append(
                    DuplicateEntry(line.number, seen[key], parsed.name, parsed.birth_year)
                )
            else:
                seen[key] = line.number
            result.entries.append(parsed)
            entry_from, entry_to = kept[at - 1 - _lines_of(parsed)][0], at
            continue
        if numbering is None and at - 1 == entry_to and not stripped.endswith(":"):
            tail = _measure_tail(result.entries[-1], stripped, decree, entry_from, kept[at - 1][0])
            if tail is not None:  # the entry's own measure, wrapped onto this line
                result.entries[-1] = tail
                entry_to = at
                continue
        last: int | None = None
        if numbering is not None:  # a paragraph heading may wrap onto the lines below
            wrapped = _wrapped(stripped, lines, at)
            if wrapped:
                rest = [lines[at + i].text.strip() for i in range(wrapped)]
                stripped = " ".join([stripped, *rest])
                body = stripped[numbering.end() :]
                at += wrapped
                last = lines[at - 1].number
        measure = find_measure(body)
        if measure is not None and numbering is None and stripped[:1].islower():
            why = "continues a line above (small letter), not a heading"
            result.skipped.append(SkippedLine(line.number, stripped, why))
            continue
        if measure is not None:
            section = DecreeSection(
                line.number, stripped, measure.measure, measure.term_months, measure.note, last
            )
            result.sections.append(section)
            continue
        if numbering is not None and len(body.split()) >= 6:
            note = "no measure recognised"
            section = DecreeSection(line.number, stripped, None, None, note, last)
            result.sections.append(section)
            result.skipped.append(SkippedLine(line.number, stripped, "paragraph without a measure"))
            continue
        result.skipped.append(SkippedLine(line.number, stripped, parsed))
    if not result.entries:
        raise InputError(
            "no decree entries found (expected lines like "
            '"1. Əliyev Elçin Məmməd oğlu, 1975-ci il təvəllüdlü"). '
            "Check the file is the decree's text; for a scanned PDF re-run with --ocr.",
            file=decree.source,
        )
    return result

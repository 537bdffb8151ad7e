"""Russian and Azerbaijani articles, read without a statistical model: registry persons found
by the name engine in any script and spelling, event keywords per sentence with negation and
hope markers, prison terms ("6 il", "6 лет"), dates ("28 dekabr 2015", "28 декабря 2015"),
criminal-code articles, and «quotations» with the nearest named speaker.

Not extracted in these languages: persons the registry does not know (unless the surname
has a clear -ov/-ova/-ev/-li ending), pronouns, habitual events, disputed charges, courts.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date

from habeas.ingest.news.found import EventFound, Extraction, PersonFound
from habeas.ingest.news.quote import Quote, quote_regions
from habeas.ingest.news.term import find_terms
from habeas.ingest.news.when import find_dates
from habeas.names.blocking import NameIndex
from habeas.names.compare import MATCH_THRESHOLD
from habeas.names.parse import surname_score

TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("pardon", re.compile(r"помилова|əfv\s+(?:edil|olun)", re.I)),
    ("amnesty", re.compile(r"амнистирова|amnistiya", re.I)),
    ("sentence", re.compile(r"приговор[её]н|осужд[её]н|приговорил|məhkum\s+(?:edil|olun)|"
                            r"həbs\s+cəzası|azadlıqdan\s+məhrum", re.I)),
    ("release", re.compile(r"освобожд[её]н|вышел\s+на\s+свобод|azad\s+(?:edil|olun)|"
                           r"azadlığa\s+buraxıl", re.I)),
    ("arrest", re.compile(r"арестова|həbs\s+(?:edil|olun)", re.I)),
    ("detention", re.compile(r"задержа[нл]|saxlanıl|saxlanıb", re.I)),
    ("charge", re.compile(r"обвин[её]н|предъявлен[оы]?\s+обвинени|ittiham\s+(?:olunur|edilir|"
                          r"irəli\s+sürülüb|olunub|edilib)", re.I)),
    ("transfer", re.compile(r"переведен|этапирова|köçürül", re.I)),
    ("hunger_strike", re.compile(r"голодовк|aclıq\s+aksiya", re.I)),
    ("ill_treatment", re.compile(r"пытк|избит|işgəncə|döyül", re.I)),
    ("appeal", re.compile(r"апелляци|apellyasiya", re.I)),
    ("death_in_custody", re.compile(r"скончался\s+в\s+(?:тюрьм|СИЗО|колони)|"
                                    r"(?:həbsxanada|həbsdə)\s+(?:öldü|vəfat)", re.I)),
]  # fmt: skip
_NEGATED = re.compile(
    r"\bне\s+(?:был[аио]?\s+)?\w*$|\bникто\b|\bни\s+один|(?:edil|olun|buraxıl)(?:ma|mə)(?:dı|di|yıb|yib)",
    re.I,
)
_HOPE = re.compile(
    r"\b(может|могут|бы|надеж|надеет|надеял|ожида|требу|призыва|ola\s+bilər|ümid|gözlənil|tələb)",
    re.I,
)
_ARTICLE = re.compile(
    r"(?:стать[еяиюй]\s+(\d{2,3}(?:[.-]\d{1,2})*))|(?:(\d{2,3}(?:[.-]\d{1,2})*)-?(?:ci|cı|cu|cü)?"
    r"\s+maddə)",
    re.I,
)
_WORD = re.compile(r"[A-ZА-ЯЁƏÇĞİÖŞÜ][\w’'-]+")


@dataclass(frozen=True, slots=True)
class _Name:
    start: int
    end: int
    text: str
    registry_id: str | None
    score: float | None
    explanation: str


def _language(text: str) -> str:
    cyrillic = len(re.findall(r"[\u0400-\u04ff]", text))
    return "ru" if cyrillic > len(text) * 0.2 else "az"


def _names(text: str, index: NameIndex | None) -> list[_Name]:
    """Registry persons named in the text (2–3 capitalised words, any order or script)."""
    words = list(_WORD.finditer(text))
    found: list[_Name] = []
    for size in (3, 2):
        for i in range(len(words) - size + 1):
            group = words[i : i + size]
            between = [text[a.end() : b.start()] for a, b in zip(group, group[1:], strict=False)]
            if any(gap.strip() for gap in between):
                continue
            start, end = group[0].start(), group[-1].end()
            if any(n.start < end and start < n.end for n in found):
                continue
            name = text[start:end]
            if index is not None and len(index):
                hits = max(
                    (index.search(form, limit=1) for form in _case_forms(name)),
                    key=lambda h: h[0].match.score if h else 0.0,
                )
                if hits and hits[0].match.score >= MATCH_THRESHOLD:
                    hit = hits[0]
                    found.append(
                        _Name(
                            start,
                            end,
                            name,
                            hit.id,
                            hit.match.score,
                            f"registry name {hit.name}: {hit.match.explanation}",
                        )
                    )
                    continue
            if size == 2 and any(surname_score(w.group(0)) >= 2.0 for w in group):
                found.append(_Name(start, end, name, None, None, ""))
    return sorted(found, key=lambda n: n.start)


_RU_ENDINGS = (("ову", "ова"), ("еву", "ева"), ("ым", ""), ("ом", ""), ("ой", "а"),
               ("ую", "ая"), ("у", "а"), ("а", ""), ("е", ""), ("я", "й"))  # fmt: skip


def _case_forms(name: str) -> list[str]:
    """The name as written and, for Russian, nominative guesses of declined forms
    ("Тамара Остраву" → "Тамар Острава"): the name engine compares nominatives."""
    words = name.split()
    if not re.search(r"[\u0400-\u04ff]", name) or len(words) > 3:
        return [name]
    options = []
    for word in words:
        forms = [word]
        for ending, replacement in _RU_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                forms.append(word[: -len(ending)] + replacement)
        options.append(forms[:4])
    found = [" ".join(combo) for combo in itertools.product(*options)]
    return found[:16]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in re.finditer(r"[.!?…](?=\s+[«“\"A-ZА-ЯЁƏÇĞİÖŞÜ—-])|\n\n", text):
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def analyse_other(text: str, published: date | None, index: NameIndex | None) -> Extraction:
    """An Extraction for a Russian or Azerbaijani article (see the module docstring)."""
    names = _names(text, index)
    keys: dict[str, int] = {}
    persons: list[PersonFound] = []
    for name in names:
        ident = name.registry_id or name.text.lower()
        if ident not in keys:
            keys[ident] = len(keys)
            persons.append(
                PersonFound(
                    keys[ident],
                    name.text,
                    ((name.start, name.end),),
                    name.registry_id,
                    name.score,
                    name.explanation,
                )
            )
        else:
            held = persons[keys[ident]]
            persons[keys[ident]] = PersonFound(
                held.key,
                held.name,
                (*held.spans, (name.start, name.end)),
                held.registry_id,
                held.score,
                held.explanation,
            )
    regions = [r for r in quote_regions(text) if len(text[r[0] : r[1]].split()) >= 4]
    dates = find_dates(text, published)
    events: list[EventFound] = []
    for start, end in _sentences(text):
        sentence = text[start:end]
        here = [n for n in names if start <= n.start < end]
        for kind, pattern in TRIGGERS:
            match = pattern.search(sentence)
            if match is None:
                continue
            at = start + match.start()
            flags = []
            before = sentence[: match.start()]
            if _NEGATED.search(before[-25:]) or _NEGATED.search(
                sentence[match.start() : match.end() + 12]
            ):
                flags.append("negated")
            if _HOPE.search(sentence):
                flags.append("hypothetical")
            if any(a <= at < b for a, b in regions):
                flags.append("in_quote")
            person = min(here, key=lambda n: abs(n.start - at), default=None)
            key = keys[person.registry_id or person.text.lower()] if person else None
            when = next((d for d in dates if start <= d.start < end and d.value), None)
            terms = find_terms(text, start, end) if kind == "sentence" else []
            article = _ARTICLE.search(sentence)
            charge = f"Article {article.group(1) or article.group(2)}" if article else None
            events.append(
                EventFound(
                    type=kind,
                    person=persons[key].name if key is not None else None,
                    person_key=key,
                    registry_id=persons[key].registry_id if key is not None else None,
                    date=when.value if when else None,
                    charge=charge if kind in ("sentence", "charge", "arrest") else None,
                    term_months=terms[0].months if terms else None,
                    court=None,
                    issuer=None,
                    flags=tuple(flags),
                    evidence=(start, end),
                    sentence_kind="prison" if terms else None,
                    date_span=(when.start, when.end) if when else None,
                )
            )
            break
    quotes = []
    for qs, qe in regions:
        after = [n for n in names if qe <= n.start < qe + 80]
        earlier = [n for n in names if qs - 80 < n.end <= qs]
        who = after[0] if after else (earlier[-1] if earlier else None)
        quotes.append(Quote(qs, qe, text[qs + 1 : qe - 1], speaker=who.text if who else None))
    return Extraction(
        text=text,
        published=published,
        persons=tuple(persons),
        events=tuple(events),
        quotes=tuple(quotes),
        dates=tuple(dates),
        language=_language(text),
    )

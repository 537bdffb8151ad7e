"""Split a personal name into given name, surname, patronymic and initials.

Handles Azerbaijani decree lines ("Mirqədirov Rauf Fazil oğlu"), Russian-style patronymics
("Elşad Yaquboviç", "Фазилович"), English order ("Rauf Mirgadirov"), initials
("R. Mirgadirov"), "SURNAME Given" and "Surname, Given", and a trailing birth-year phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from habeas.names.frequency import COMMON_GIVEN_SKELETONS
from habeas.names.translit import fold, skeleton


class Gender(StrEnum):
    """A gender cue read from the name itself (marker or surname ending)."""

    MALE = "male"
    FEMALE = "female"


class NameOrder(StrEnum):
    """Which part comes first in a written name."""

    AUTO = "auto"
    GIVEN_FIRST = "given_first"
    SURNAME_FIRST = "surname_first"


class PatronymicMarker(StrEnum):
    """How the patronymic is marked: Azerbaijani word or Russian-style suffix."""

    OGLU = "oglu"  # Azerbaijani "son of": oğlu, oglu, oghlu, ogly, оглы, оглу
    QIZI = "qizi"  # Azerbaijani "daughter of": qızı, gizi, gyzy, kyzy, кызы
    OVICH = "ovich"  # Russian-style male suffix: -ович, -евич, -ovich, Azerbaijani -oviç
    OVNA = "ovna"  # Russian-style female suffix: -овна, -евна, -ovna, -evna


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name split into parts; parts are kept as written, compare folds them."""

    text: str
    given: str | None
    surname: str | None
    patronymic: str | None = None
    patronymic_marker: PatronymicMarker | None = None
    middle: tuple[str, ...] = ()
    initials: tuple[str, ...] = ()
    gender: Gender | None = None
    order: NameOrder = NameOrder.GIVEN_FIRST
    order_certain: bool = True
    birth_year: int | None = None
    words: tuple[str, ...] = ()  # given, surname and middle words in written order

    def swapped(self) -> ParsedName:
        """Return the reading with given name and surname exchanged."""
        order = (
            NameOrder.SURNAME_FIRST
            if self.order is NameOrder.GIVEN_FIRST
            else NameOrder.GIVEN_FIRST
        )
        return self.read_as(self.surname, self.given, self.middle, order)

    def read_as(
        self, given: str | None, surname: str | None, middle: tuple[str, ...], order: NameOrder
    ) -> ParsedName:
        """Return this name with its words read as another given name, surname and middles
        (``dataclasses.replace`` does the same, several times slower)."""
        return ParsedName(
            self.text,
            given,
            surname,
            self.patronymic,
            self.patronymic_marker,
            middle,
            self.initials,
            self.gender,
            order,
            self.order_certain,
            self.birth_year,
            self.words,
        )

    def parts(self) -> tuple[str, ...]:
        """Return the full name parts present (given, surname, patronymic, middle)."""
        found = (self.given, self.surname, self.patronymic, *self.middle)
        return tuple(part for part in found if part)


_SON = frozenset({"oglu", "oghlu", "ogly", "ogli", "oglou", "ogl", "ogu"})
_DAUGHTER = frozenset({"qizi", "gizi", "gyzy", "kyzy", "kizi", "qyzy", "gyzi", "kyzi", "qizy"})
_MALE_PATRONYMIC = re.compile(
    r"^(.{2,}?)(ovich|evich|ovych|evych|ovic|evic|(?<=l)yich|(?<=l)ich|(?<=[mk])ich)$"
)
_FEMALE_PATRONYMIC = re.compile(r"^(.{2,}?)(ovna|evna|(?<=[lmk])ichna|inichna)$")
# Words that are not part of a personal name: titles and honorifics, company forms.
_HONORIFICS = frozenset(
    "mr mrs ms miss mister dr doctor prof professor sir dame lord lady president monsieur "
    "madame mme mlle herr frau senor senora sheikh shaikh sheik shaykh haji hajji hadji "
    "mullah mulla maulana maulvi imam general gen colonel col captain capt hon honourable "
    "honorable excellency canab xanim xanum muallim gospodin gospozha prince princess fr".split()
)
_SUFFIXES = frozenset("jr jnr sr snr ii iii iv md phd esq".split())  # John Smith Jr., MD
_COMPANY_WORDS = frozenset(
    "llc ltd limited inc incorporated corp corporation gmbh plc llp lp ag sa sarl bv nv "
    "ooo oao zao pao mmc qsc asc jsc".split()
)
# Connecting particles of Arabic, Romance, Germanic and Dutch names.
_PARTICLES = frozenset(
    "bin ben ibn bint binti al el ul ad ud as ash de da di du del della der den van von la "
    "le y dos das ter ten".split()
)
_STRONG_SURNAME = re.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|zade|zada|skiy|sky|ski|skaya|enko|shvili|dze)$"
)
_NATIVE_SURNAME = re.compile(r"^.{3,}(?:li|lu|ly)$")
_WEAK_SURNAME = re.compile(r"^.{3,}(?:in|ina|yn|yna|uk|chuk)$")
_FEMALE_SURNAME = re.compile(r"(?:ova|eva|yeva|skaya)$")
_MALE_SURNAME = re.compile(r"(?:ov|ev|yev|skiy|sky|ski)$")

_YEAR_PHRASE = re.compile(
    r"""[\s,;(]*
    (?:(?:b\.|born|d\.?\s*r\.|г\.\s*р\.|род\.)\s*)?
    (?P<year>1[89]\d\d|20\d\d)
    \s*(?:-?\s*(?:ci|cı|cu|cü|ji|cu)\b)?
    \s*(?:ildə|il|года|год|г\.)?
    \s*(?:təvəllüdlü|tevellüdlü|tevelludlu|anadan\s+olmuş|anadan\s+olmush|рождения|р\.)?
    [\s.)]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_DIGIT = re.compile(r"\d")
_LEADING_YEAR = re.compile(
    r"^\s*(?P<year>1[89]\d\d|20\d\d)\s*-?\s*(?:ci|cı|cu|cü)\s+il\s+təvəllüdlü\s*,?\s*",
    re.IGNORECASE,
)


def split_birth_year(text: str) -> tuple[str, int | None]:
    """Split a trailing (or leading Azerbaijani) birth-year phrase off a name."""
    if not _DIGIT.search(text):
        return text.strip(), None
    match = _YEAR_PHRASE.search(text)
    if match is not None and match.start() > 0:
        return text[: match.start()].strip(" ,;"), int(match.group("year"))
    match = _LEADING_YEAR.match(text)
    if match is not None:
        return text[match.end() :].strip(" ,;"), int(match.group("year"))
    return text.strip(), None


_HYPHENS = re.compile(r"[-\u2010-\u2015\u00b7\u30fb]")  # and middle dots (バラク・オバマ)


def _clean(token: str) -> str:
    """Strip quotes and brackets around a token."""
    return token.strip("\"'“”«»()[]{}<>;:!?")


def may_leave_out(word: str) -> bool:
    """Tell whether parse_name may leave a word out of a name's parts by what it is alone:
    a patronymic marker, title, company form, particle, Russian-style patronymic or number."""
    folded = fold(word).replace(" ", "")
    if not folded or _DIGIT.search(folded):
        return True
    if folded in _SON or folded in _DAUGHTER or _is_dropped(word, folded):
        return True
    return folded in _PARTICLES or _patronymic(word) is not None


def _is_dropped(token: str, compact: str) -> bool:
    """Tell whether a word (folded: compact) is a title, a suffix (Jr., III, MD) or a company
    form. Suffixes and two-letter titles count in Latin letters only: Cyrillic ИВ, СР and МР
    are initials that fold to iv, sr and mr."""
    if compact in _COMPANY_WORDS:
        return True
    latin = token.isascii()
    if compact in _SUFFIXES:
        return latin
    return compact in _HONORIFICS and (latin or len(compact) > 2)


def _is_initial(token: str) -> bool:
    """Tell whether a token is an initial such as "R", "R." or "Yu."."""
    letters = token.rstrip(".")
    if not letters.isalpha():
        return False
    return len(letters) == 1 or (len(letters) == 2 and token.endswith("."))


def may_be_initial(token: str) -> bool:
    """Tell whether parse_name may read a word as an initial or as run-together initials
    (never a title, suffix or company form: "Mr.", "Jr.", "III", "MD", "JSC")."""
    if _is_dropped(token, fold(token).replace(" ", "")):
        return False
    return _is_initial(token) or _is_initials_block(token, True)


def _is_initials_block(token: str, mixed_case: bool) -> bool:
    """Tell whether a token is run-together initials ("JC") in a mixed-case name."""
    return mixed_case and 2 <= len(token) <= 3 and token.isalpha() and token.isupper()


@lru_cache(maxsize=1 << 17)
def _word_facts(token: str) -> tuple[str, PatronymicMarker | None, str | None, bool, bool, bool]:
    """Return what parse_name reads of one token alone: its fold without spaces, the marker
    it is (oğlu, qızı), its initial if it is one, whether it may be run-together initials,
    whether it is a title or company form, and whether it is a connecting particle."""
    folded = fold(token)
    compact = folded.replace(" ", "")
    marker = (
        PatronymicMarker.OGLU
        if folded in _SON
        else PatronymicMarker.QIZI
        if folded in _DAUGHTER
        else None
    )
    dropped = _is_dropped(token, compact)
    initial = token.rstrip(".")[0].upper() if _is_initial(token) and not dropped else None
    return (
        compact,
        marker,
        initial,
        _is_initials_block(token, True) and not dropped,
        dropped,
        compact in _PARTICLES,
    )


_Word = tuple[int, str, str, bool, bool]  # place among tokens, token, compact, dropped, particle


def _content_words(words: list[_Word]) -> list[tuple[int, str]]:
    """Drop titles, company forms, connecting particles and a word written twice in a row."""
    keep = [not word[3] for word in words]
    if not any(keep):
        keep = [True] * len(words)
    particles = sum(1 for word, kept in zip(words, keep, strict=True) if kept and word[4])
    if particles and sum(keep) - particles >= 2:
        keep = [kept and not word[4] for word, kept in zip(words, keep, strict=True)]
    found: list[tuple[int, str]] = []
    previous = ""
    for word, kept in zip(words, keep, strict=True):
        if kept and word[2] != previous:
            found.append((word[0], word[1]))
            previous = word[2]
    return found


def _patronymic(token: str) -> PatronymicMarker | None:
    """Return the marker if a token is a Russian-style patronymic (-ovich, -ovna, -viç)."""
    folded = fold(token)
    if _FEMALE_PATRONYMIC.match(folded):
        return PatronymicMarker.OVNA
    if _MALE_PATRONYMIC.match(folded) and not folded.endswith("kich"):
        return PatronymicMarker.OVICH
    return None


def patronymic_stem(token: str, marker: PatronymicMarker | None) -> str:
    """Return the skeleton of the father's name inside a patronymic token."""
    folded = fold(token).replace(" ", "")
    if marker is PatronymicMarker.OVICH:
        folded = _MALE_PATRONYMIC.sub(r"\1", folded)
    elif marker is PatronymicMarker.OVNA:
        folded = _FEMALE_PATRONYMIC.sub(r"\1", folded)
    return skeleton(folded)


@lru_cache(maxsize=1 << 16)
def surname_score(token: str, *, all_caps: bool = False) -> float:
    """Return how much a token looks like a surname (ending, upper case, not a given name)."""
    folded = fold(token).replace(" ", "")
    score = 0.0
    if _STRONG_SURNAME.search(folded) and len(folded) >= 4:
        score += 2.0
    elif _NATIVE_SURNAME.match(folded):
        score += 1.5
    elif _WEAK_SURNAME.match(folded):
        score += 0.5
    if all_caps:
        score += 3.0
    if skeleton(folded) in COMMON_GIVEN_SKELETONS:
        score -= 2.0
    return score


def surname_gender(token: str | None) -> Gender | None:
    """Return the gender a surname ending shows (-ova female, -ov male), if any."""
    if not token:
        return None
    folded = fold(token).replace(" ", "")
    if _FEMALE_SURNAME.search(folded):
        return Gender.FEMALE
    if _MALE_SURNAME.search(folded):
        return Gender.MALE
    return None


RUN_TOGETHER = 4  # letters on each side of a capital inside a word that make it two words
_WORD_PREFIXES = frozenset(  # FitzGerald, DelaCruz, AbdulRahman, VanderBeek: one name
    "fitz dela della delle degli abdul abdel abdal saint sainte vander vanden vonder".split()
)


def _run_apart(token: str) -> list[str]:
    """Split words written together ("FridrichBuchenberg", "MirqədirovRauf": a lost space, an
    OCR slip) at each capital after a small letter, when every piece is a capitalised word of
    four letters or more and none is a name prefix (so McDonald, DiCaprio, LeBron, MacLeod,
    VanDerBeek and FitzGerald stay whole)."""
    rest = token[1:]
    if not rest or rest.islower() or rest.isupper():
        return [token]
    cuts = [at for at in range(1, len(token)) if token[at].isupper() and token[at - 1].islower()]
    pieces = [token[a:b] for a, b in zip([0, *cuts], [*cuts, len(token)], strict=True)]
    if any(piece.lower() in _WORD_PREFIXES for piece in pieces[:-1]):
        return [token]
    if all(len(piece) >= RUN_TOGETHER and piece[1:].islower() for piece in pieces):
        return pieces
    return [token]


def _tokens(text: str) -> tuple[list[str], int | None]:
    """Split a name into tokens; return them and the index where a comma split them."""
    comma_at: int | None = None
    tokens: list[str] = []
    for piece_index, piece in enumerate(text.split(",")):
        if piece_index == 1:
            comma_at = len(tokens)
        for raw in _HYPHENS.sub(" ", piece.replace(".", ". ")).split():
            token = _clean(raw)
            if token and token != ".":
                tokens.extend(_run_apart(token))
    return tokens, comma_at


def split_words(text: str) -> list[str]:
    """Return the words parse_name reads in a name (birth-year phrase off, before dropping any)."""
    return _tokens(split_birth_year(text)[0])[0]


@lru_cache(maxsize=32768)
def parse_name(text: str, *, order: NameOrder | str = NameOrder.AUTO) -> ParsedName:
    """Parse a personal name into parts, guessing the order unless told."""
    order = order if isinstance(order, NameOrder) else NameOrder(order)
    name, birth_year = split_birth_year(text)
    tokens, comma_at = _tokens(name)
    marker: PatronymicMarker | None = None
    patronymic: str | None = None
    patronymic_at: int | None = None
    kept: list[_Word] = []
    initials: list[str] = []
    mixed_case = False if name.isupper() else any(c.islower() for c in name)
    for index, token in enumerate(tokens):
        compact, word_marker, initial, block, dropped, particle = _word_facts(token)
        if word_marker is not None:
            marker = word_marker
            if kept and patronymic is None:
                patronymic_at, patronymic, *_ = kept.pop()
            continue
        if initial is not None:
            initials.append(initial)
            continue
        if block and mixed_case:
            initials.extend(token)
            continue
        kept.append((index, token, compact, dropped, particle))
    words = _content_words(kept)
    if comma_at is not None:
        comma_at = sum(1 for index, _ in words if index < comma_at)
    if patronymic is None and len(words) >= 3:
        for position in range(len(words) - 1, 0, -1):
            found = _patronymic(words[position][1])
            if found is not None:
                marker = found
                patronymic_at, patronymic = words.pop(position)
                break
    given, surname, middle, resolved, certain = _assign(words, patronymic_at, comma_at, order)
    gender: Gender | None = None
    if marker in (PatronymicMarker.OGLU, PatronymicMarker.OVICH):
        gender = Gender.MALE
    elif marker in (PatronymicMarker.QIZI, PatronymicMarker.OVNA):
        gender = Gender.FEMALE
    else:
        gender = surname_gender(surname)
    return ParsedName(
        text=text,
        given=given,
        surname=surname,
        patronymic=patronymic,
        patronymic_marker=marker,
        middle=middle,
        initials=tuple(initials),
        gender=gender,
        order=resolved,
        order_certain=certain,
        birth_year=birth_year,
        words=tuple(token for _, token in words),
    )


def _assign(
    words: list[tuple[int, str]],
    patronymic_at: int | None,
    comma_at: int | None,
    order: NameOrder,
) -> tuple[str | None, str | None, tuple[str, ...], NameOrder, bool]:
    """Decide which word is the given name and which the surname."""
    tokens = [token for _, token in words]
    if not tokens:
        return None, None, (), NameOrder.GIVEN_FIRST, True
    if len(tokens) == 1:
        return None, tokens[0], (), NameOrder.SURNAME_FIRST, False
    if order is NameOrder.SURNAME_FIRST or (order is NameOrder.AUTO and comma_at == 1):
        return tokens[1], tokens[0], tuple(tokens[2:]), NameOrder.SURNAME_FIRST, True
    if order is NameOrder.GIVEN_FIRST:
        return tokens[0], tokens[-1], tuple(tokens[1:-1]), NameOrder.GIVEN_FIRST, True
    if patronymic_at is not None:
        before = [i for i, (index, _) in enumerate(words) if index < patronymic_at]
        if before:
            given_i = before[-1]
            rest = [i for i in range(len(words)) if i != given_i]
            surname_i = max(rest, key=lambda i: surname_score(tokens[i]))
            middle = tuple(tokens[i] for i in rest if i != surname_i)
            resolved = NameOrder.SURNAME_FIRST if surname_i < given_i else NameOrder.GIVEN_FIRST
            return tokens[given_i], tokens[surname_i], middle, resolved, True
    caps = [t.isupper() and len(t) > 1 for t in tokens]
    mixed_caps = any(caps) and not all(caps)
    first = surname_score(tokens[0], all_caps=mixed_caps and caps[0])
    last = surname_score(tokens[-1], all_caps=mixed_caps and caps[-1])
    certain = abs(first - last) >= 1.5
    if first > last:
        return tokens[1], tokens[0], tuple(tokens[2:]), NameOrder.SURNAME_FIRST, certain
    return tokens[0], tokens[-1], tuple(tokens[1:-1]), NameOrder.GIVEN_FIRST, certain

"""Compare two personal names part by part and explain the score.

Each part adds signed evidence (log-odds): surname and given name by similarity of their
transliteration-neutral skeletons, weighted by rarity; patronymic, birth year and gender
cues for or against. The sum plus ``PRIOR`` goes through a logistic curve to a score in
[0, 1], and two thresholds turn it into a decision. See docs/names.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from habeas.names.frequency import (
    BUILTIN_FREQUENCY,
    KNOWN_GIVEN_SKELETONS,
    KNOWN_SURNAME_STEMS,
    NameFrequency,
    part_stem,
)
from habeas.names.parse import ParsedName, PatronymicMarker, parse_name, patronymic_stem
from habeas.names.script import Script, detect_script
from habeas.names.translit import (
    RomanStandard,
    fold,
    phonetic_key,
    phonetic_keys,
    skeleton,
    strip_marks,
    to_latin,
)

MATCH_THRESHOLD = 0.80  # at or above: the same person, unless a reviewer says otherwise
POSSIBLE_THRESHOLD = 0.50  # at or above: worth a reviewer's look
INCOMPLETE_CAP = 0.79  # initials only or no given name: never more than possible
GATE_CAP = 0.30  # surname or given-name initial incompatible: never more than no
DISTINCT_NAMES_SIMILARITY = 0.6  # two different names from the built-in tables
PRIOR = -2.5  # log-odds before any evidence: two random names rarely denote one person

SURNAME_FOR, SURNAME_AGAINST = 3.0, 3.5
GIVEN_FOR, GIVEN_AGAINST = 2.5, 4.0
PATRONYMIC_FOR, PATRONYMIC_AGAINST = 1.5, 3.0
INITIAL_FOR, INITIAL_AGAINST = 0.6, 3.0
YEAR_SAME, YEAR_NEAR, YEAR_AGAINST = 1.5, 0.3, 5.0
GENDER_AGAINST = 4.0


class Decision(StrEnum):
    """What a score means for a reviewer."""

    MATCH = "match"
    POSSIBLE = "possible"
    NO = "no"


class Part(StrEnum):
    """A piece of evidence in a name comparison."""

    SURNAME = "surname"
    GIVEN = "given"
    PATRONYMIC = "patronymic"
    BIRTH_YEAR = "birth_year"
    GENDER = "gender"


@dataclass(frozen=True, slots=True)
class PartComparison:
    """One part compared: values, similarity, signed weight (log-odds) and a note."""

    part: Part
    left: str | None
    right: str | None
    similarity: float | None
    weight: float
    note: str

    @property
    def weight_for(self) -> float:
        """Return the evidence for the match (0 when against)."""
        return max(self.weight, 0.0)

    @property
    def weight_against(self) -> float:
        """Return the evidence against the match as a positive number (0 when for)."""
        return max(-self.weight, 0.0)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The result of comparing two names: score, decision, explanation and evidence."""

    score: float
    decision: Decision
    explanation: str
    evidence: tuple[PartComparison, ...]
    left: ParsedName
    right: ParsedName


def decide(score: float) -> Decision:
    """Turn a score into a decision with the module thresholds."""
    if score >= MATCH_THRESHOLD:
        return Decision.MATCH
    if score >= POSSIBLE_THRESHOLD:
        return Decision.POSSIBLE
    return Decision.NO


_AGREE_POINTS = (
    (0.0, -1.0),
    (0.6, -1.0),
    (0.75, -0.5),
    (0.8, 0.0),
    (0.85, 0.5),
    (0.9, 0.75),
    (0.97, 0.95),
    (1.0, 1.0),
)
_AGREE_SEGMENTS = tuple(zip(_AGREE_POINTS, _AGREE_POINTS[1:], strict=False))


def agreement(similarity: float) -> float:
    """Map a similarity in [0, 1] to agreement in [-1, 1] (0 at 0.8, the indifference point)."""
    if similarity >= 1.0:
        return 1.0
    for (x0, y0), (x1, y1) in _AGREE_SEGMENTS:
        if similarity <= x1:
            return y0 + (y1 - y0) * (similarity - x0) / (x1 - x0)
    return 1.0


@lru_cache(maxsize=262144)
def token_similarity(left: str, right: str, surname: bool = False) -> float:
    """Return how alike two name parts are across scripts, standards and small typos."""
    fl, fr = fold(left).replace(" ", ""), fold(right).replace(" ", "")
    if fl == fr:
        return 1.0
    sl, sr = skeleton(fl), skeleton(fr)
    if sl == sr:
        return 0.97
    if skeleton(strip_marks(left)) == skeleton(strip_marks(right)):
        return 0.95  # diacritics dropped: Elcin for Elçin, Samil for Şamil
    if _soviet_u(left) == _soviet_u(right):
        return 0.95  # Soviet spelling writes ı as у: Qasımov / Касумов
    best = max(OSA.normalized_similarity(sl, sr), OSA.normalized_similarity(fl, fr))
    if sl[:1] != sr[:1] and phonetic_key(sl)[:1] != phonetic_key(sr)[:1]:
        best -= 0.1  # a different first sound is rarely a spelling variant
    if surname and part_stem(fl) == part_stem(fr):
        return max(best, 0.9)
    if re.search(r"c(?![hz])", fl + fr):  # ISO 9 and scholarly c = ц
        ts = skeleton(re.sub(r"c(?![hz])", "ts", fl)), skeleton(re.sub(r"c(?![hz])", "ts", fr))
        best = max(best, 0.97 if ts[0] == ts[1] else OSA.normalized_similarity(*ts))
    known = KNOWN_SURNAME_STEMS if surname else KNOWN_GIVEN_SKELETONS
    left_key = part_stem(fl) if surname else sl
    right_key = part_stem(fr) if surname else sr
    if left_key != right_key and left_key in known and right_key in known:
        best = min(best, DISTINCT_NAMES_SIMILARITY)
    return max(0.0, best)


@lru_cache(maxsize=65536)
def _soviet_u(token: str) -> str:
    """Return the skeleton with Azerbaijani ı read as u, as Soviet spelling often wrote it."""
    return skeleton(token.lower().replace("ı", "u"))


def _latin(text: str) -> str:
    """Return text in Latin letters (Cyrillic romanised, Wikipedia style), lower case."""
    if detect_script(text) in (Script.CYRILLIC, Script.MIXED):
        text = to_latin(text, RomanStandard.WIKIPEDIA)
    return text.lower().replace("i\u0307", "i")


@lru_cache(maxsize=65536)
def describe_difference(left: str, right: str) -> str:
    """Describe how two spellings differ, e.g. "q→g, ə→a", or "" if they are equal."""
    la, lb = _latin(left), _latin(right)
    plain = (left.lower().replace("i\u0307", "i"), right.lower().replace("i\u0307", "i"))
    prefix = "romanised, " if (la, lb) != plain else ""
    if la == lb:
        return (prefix + "same letters").strip(", ") if prefix else ""
    steps: list[str] = []
    for op in Levenshtein.editops(la, lb):
        if op.tag == "replace":
            step = f"{la[op.src_pos]}→{lb[op.dest_pos]}"
        elif op.tag == "delete":
            step = f"{la[op.src_pos]} dropped"
        else:
            step = f"{lb[op.dest_pos]} added"
        if step not in steps:
            steps.append(step)
    if len(steps) > 4:
        return prefix + "spelling differs"
    return prefix + ", ".join(steps)


@lru_cache(maxsize=65536)
def gate_keys(token: str) -> frozenset[str]:
    """Return the phonetic keys a surname may be blocked under (with and without ending)."""
    return phonetic_keys(token) | {phonetic_key(part_stem(token))} - {""}


@lru_cache(maxsize=65536)
def first_sounds(token: str) -> frozenset[str]:
    """Return the first symbols of a given name's phonetic keys (its blocking classes)."""
    return frozenset(key[0] for key in phonetic_keys(token) if key)


def keys_compatible(left: frozenset[str], right: frozenset[str]) -> bool:
    """Tell whether two key sets share a key or hold keys one edit apart (both ≥ 4 long)."""
    if left & right:
        return True
    for a in left:
        for b in right:
            if min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b, score_cutoff=1) <= 1:
                return True
    return False


def given_sounds(name: ParsedName) -> frozenset[str] | None:
    """Return the first sounds of the given name (or its initial); None if neither is known."""
    if name.given:
        return first_sounds(name.given)
    if name.initials:
        return first_sounds(name.initials[0])
    return None


def readings(name: ParsedName) -> tuple[ParsedName, ...]:
    """Return the readings of a name to try: as parsed, and swapped if the order is unsure."""
    if not name.order_certain and name.given and name.surname:
        return (name, name.swapped())
    return (name,)


def _years(left: int | None, right: int | None) -> PartComparison | None:
    """Compare birth years, if both are known."""
    if left is None or right is None:
        return None
    gap = abs(left - right)
    if gap == 0:
        weight, note = YEAR_SAME, f"birth year {left} agrees"
    elif gap == 1:
        weight, note = YEAR_NEAR, f"birth years {left} and {right} are one year apart"
    else:
        weight, note = -YEAR_AGAINST, f"birth years {left} and {right} differ by {gap}"
    return PartComparison(Part.BIRTH_YEAR, str(left), str(right), None, weight, note)


def _gender_of(name: ParsedName, explicit: str | None) -> tuple[str | None, str]:
    """Return the gender cue of a name and where it came from."""
    if explicit:
        return explicit.lower(), "stated"
    if name.patronymic_marker is not None and name.gender is not None:
        return name.gender.value, name.patronymic_marker.value
    if name.gender is not None:
        return name.gender.value, "surname ending"
    return None, ""


def _gender(
    left: ParsedName, right: ParsedName, left_gender: str | None, right_gender: str | None
) -> PartComparison | None:
    """Compare gender cues (oğlu/qızı, -ov/-ova, stated gender); only disagreement counts."""
    lg, lsource = _gender_of(left, left_gender)
    rg, rsource = _gender_of(right, right_gender)
    if lg is None or rg is None or lg == rg:
        return None
    note = f"gender differs: {lg} ({lsource}) vs {rg} ({rsource})"
    return PartComparison(Part.GENDER, lg, rg, None, -GENDER_AGAINST, note)


def _weighted(part: Part, label: str, left: str, right: str, rarity: float) -> PartComparison:
    """Compare a surname or given name and weigh it."""
    similarity = token_similarity(left, right, part is Part.SURNAME)
    agree = agreement(similarity)
    if part is Part.SURNAME:
        weight = SURNAME_FOR * rarity * agree if agree > 0 else SURNAME_AGAINST * agree
    else:
        weight = GIVEN_FOR * rarity * agree if agree > 0 else GIVEN_AGAINST * agree
    sign = "=" if agree >= 0.75 else ("≈" if agree > 0 else "≠")
    detail = describe_difference(left, right)
    if part is Part.SURNAME and similarity == 0.9 and part_stem(left) == part_stem(right):
        detail = "same stem, ending differs"
    note = f"{label} {left} {sign} {right}" + (f" ({detail})" if detail else "")
    if agree > 0 and rarity < 0.9:
        note += ", a common name"
    elif agree > 0 and rarity > 1.2:
        note += ", a rare name"
    return PartComparison(part, left, right, similarity, weight, note)


def _patronymic_label(name: ParsedName) -> str:
    """Return the patronymic as written with its marker word, for notes."""
    if name.patronymic_marker in (PatronymicMarker.OGLU, PatronymicMarker.QIZI):
        return f"{name.patronymic} {name.patronymic_marker.value}"
    return name.patronymic or ""


def _patronymics(left: ParsedName, right: ParsedName) -> PartComparison | None:
    """Compare patronymics by the father's name inside them."""
    if left.patronymic is None and right.patronymic is None:
        return None
    if left.patronymic is None or right.patronymic is None:
        shown = _patronymic_label(left) or _patronymic_label(right)
        note = f"patronymic {shown} absent on one side"
        return PartComparison(Part.PATRONYMIC, left.patronymic, right.patronymic, None, 0.0, note)
    a = patronymic_stem(left.patronymic, left.patronymic_marker)
    b = patronymic_stem(right.patronymic, right.patronymic_marker)
    similarity = 1.0 if a == b else OSA.normalized_similarity(a, b)
    if a != b and a in KNOWN_GIVEN_SKELETONS and b in KNOWN_GIVEN_SKELETONS:
        similarity = min(similarity, DISTINCT_NAMES_SIMILARITY)
    agree = agreement(similarity)
    weight = PATRONYMIC_FOR * agree if agree > 0 else PATRONYMIC_AGAINST * agree
    sign = "=" if agree >= 0.75 else ("≈" if agree > 0 else "≠")
    note = f"patronymic {_patronymic_label(left)} {sign} {_patronymic_label(right)}"
    return PartComparison(
        Part.PATRONYMIC, left.patronymic, right.patronymic, similarity, weight, note
    )


def _given(
    left: ParsedName, right: ParsedName, frequency: NameFrequency
) -> tuple[PartComparison | None, bool]:
    """Compare given names, or a given name with an initial; say whether a side was incomplete."""
    if left.given and right.given:
        rarity = min(frequency.rarity(left.given), frequency.rarity(right.given))
        return _weighted(Part.GIVEN, "given name", left.given, right.given, rarity), False
    full = left.given or right.given
    if full is not None:
        bare = right if left.given else left
        if not bare.initials:
            note = f"given name {full} absent on one side"
            return PartComparison(Part.GIVEN, left.given, right.given, None, 0.0, note), True
        initial, other = bare.initials[0], full
    elif left.initials and right.initials:
        initial, other = left.initials[0], right.initials[0]
    else:
        return None, True
    agrees = bool(first_sounds(initial) & first_sounds(other)) or fold(other)[:1] == fold(initial)
    weight = (INITIAL_FOR if full else INITIAL_FOR / 2) if agrees else -INITIAL_AGAINST
    verb = "fits" if agrees else "does not fit"
    note = f"initial {initial}. {verb} given name {other}"
    return PartComparison(Part.GIVEN, left.given, right.given, None, weight, note), True


def _score(
    left: ParsedName,
    right: ParsedName,
    years: PartComparison | None,
    left_gender: str | None,
    right_gender: str | None,
    frequency: NameFrequency,
) -> tuple[float, list[PartComparison]]:
    """Score one reading of each name; return the score and its evidence."""
    evidence: list[PartComparison] = []
    capped = GATE_CAP
    if left.surname and right.surname:
        rarity = min(frequency.rarity(left.surname), frequency.rarity(right.surname))
        evidence.append(_weighted(Part.SURNAME, "surname", left.surname, right.surname, rarity))
        if keys_compatible(gate_keys(left.surname), gate_keys(right.surname)):
            capped = 1.0
    given, incomplete = _given(left, right, frequency)
    if given is not None:
        evidence.append(given)
    ls, rs = given_sounds(left), given_sounds(right)
    if ls is not None and rs is not None and not ls & rs:
        capped = GATE_CAP
    elif incomplete:
        capped = min(capped, INCOMPLETE_CAP)
    for extra in (
        _patronymics(left, right),
        years,
        _gender(left, right, left_gender, right_gender),
    ):
        if extra is not None:
            evidence.append(extra)
    logit = PRIOR + sum(part.weight for part in evidence)
    return min(1.0 / (1.0 + math.exp(-logit)), capped), evidence


def compare_parsed(
    left: ParsedName,
    right: ParsedName,
    *,
    left_birth_year: int | None = None,
    right_birth_year: int | None = None,
    left_gender: str | None = None,
    right_gender: str | None = None,
    frequency: NameFrequency | None = None,
) -> NameMatch:
    """Compare two parsed names, trying both orders where a name's order is unsure."""
    frequency = frequency or BUILTIN_FREQUENCY
    ly = left_birth_year if left_birth_year is not None else left.birth_year
    ry = right_birth_year if right_birth_year is not None else right.birth_year
    years = _years(ly, ry)
    best: tuple[float, list[PartComparison]] | None = None
    for a in readings(left):
        for b in readings(right):
            result = _score(a, b, years, left_gender, right_gender, frequency)
            if best is None or result[0] > best[0]:
                best = result
    assert best is not None
    score, evidence = best
    decision = decide(score)
    explanation = f"{decision.value} ({score:.2f}): " + "; ".join(p.note for p in evidence)
    return NameMatch(round(score, 4), decision, explanation, tuple(evidence), left, right)


def compare(
    left: str,
    right: str,
    *,
    left_birth_year: int | None = None,
    right_birth_year: int | None = None,
    left_gender: str | None = None,
    right_gender: str | None = None,
    frequency: NameFrequency | None = None,
) -> NameMatch:
    """Compare two names as written; birth years in the text are used if not given."""
    return compare_parsed(
        parse_name(left),
        parse_name(right),
        left_birth_year=left_birth_year,
        right_birth_year=right_birth_year,
        left_gender=left_gender,
        right_gender=right_gender,
        frequency=frequency,
    )

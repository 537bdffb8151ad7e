"""Compare two personal names part by part and explain the score.

Each part adds signed evidence (log-odds): surname and given name by similarity of their
transliteration-neutral skeletons, weighted by rarity; patronymic, birth year and gender
cues for or against. The sum plus ``PRIOR`` goes through a logistic curve to a score in
[0, 1], and two thresholds turn it into a decision. See docs/names.md.
"""

from __future__ import annotations

import math

from rapidfuzz.distance import OSA

from habeas.names.evidence import Decision as Decision
from habeas.names.evidence import NameMatch as NameMatch
from habeas.names.evidence import Part as Part
from habeas.names.evidence import PartComparison as PartComparison
from habeas.names.frequency import BUILTIN_FREQUENCY, KNOWN_GIVEN_SKELETONS, NameFrequency
from habeas.names.parse import ParsedName, PatronymicMarker, parse_name, patronymic_stem
from habeas.names.similarity import (
    DISTINCT_NAMES_SIMILARITY,
    classes_compatible,
    describe_difference,
    features,
    first_sounds,
    gate_keys,
    given_classes,
    keys_compatible,
    token_similarity,
)

MATCH_THRESHOLD = 0.80  # at or above: the same person, unless a reviewer says otherwise
POSSIBLE_THRESHOLD = 0.50  # at or above: worth a reviewer's look
INCOMPLETE_CAP = 0.79  # initials only or no given name: never more than possible
GATE_CAP = 0.30  # surname or given-name initial incompatible: never more than no
PRIOR = -2.5  # log-odds before any evidence: two random names rarely denote one person

SURNAME_FOR, SURNAME_AGAINST = 3.0, 3.5
GIVEN_FOR, GIVEN_AGAINST = 2.5, 4.0
PATRONYMIC_FOR, PATRONYMIC_AGAINST = 1.5, 3.0
INITIAL_FOR, INITIAL_AGAINST = 0.6, 3.0
YEAR_SAME, YEAR_NEAR, YEAR_AGAINST = 1.5, 0.3, 5.0
GENDER_AGAINST = 4.0


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


def given_sounds(name: ParsedName) -> frozenset[str] | None:
    """Return the sound classes of the given name (or its initial); None if neither is known."""
    if name.given:
        return given_classes(name.given)
    if name.initials:
        return given_classes(name.initials[0], initial=True)
    return None


def readings(name: ParsedName) -> tuple[ParsedName, ...]:
    """Return the readings of a name to try: as parsed, and swapped if the order is unsure."""
    if not name.order_certain and name.given and name.surname:
        return (name, name.swapped())
    return (name,)


def _year_weight(left: int | None, right: int | None) -> float | None:
    """Return the birth-year evidence, or None unless both years are known."""
    if left is None or right is None:
        return None
    gap = abs(left - right)
    return YEAR_SAME if gap == 0 else YEAR_NEAR if gap == 1 else -YEAR_AGAINST


def _years(left: int | None, right: int | None) -> PartComparison | None:
    """Compare birth years, if both are known."""
    weight = _year_weight(left, right)
    if weight is None or left is None or right is None:
        return None
    gap = abs(left - right)
    if gap == 0:
        note = f"birth year {left} agrees"
    elif gap == 1:
        note = f"birth years {left} and {right} are one year apart"
    else:
        note = f"birth years {left} and {right} differ by {gap}"
    return PartComparison(Part.BIRTH_YEAR, str(left), str(right), None, weight, note)


def _gender_of(name: ParsedName, explicit: str | None) -> tuple[str | None, str]:
    """Return the gender cue of a name and where it came from."""
    if explicit:
        return explicit.lower(), "stated"
    if name.gender is None:
        return None, ""
    if name.patronymic_marker is not None:
        return name.gender.value, name.patronymic_marker.value
    return name.gender.value, "surname ending"


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


def _name_weight(surname: bool, left: str, right: str, rarity: float) -> tuple[float, float]:
    """Return the similarity and signed evidence of two surnames or two given names."""
    similarity = token_similarity(left, right, surname)
    agree = agreement(similarity)
    if surname:
        return similarity, SURNAME_FOR * rarity * agree if agree > 0 else SURNAME_AGAINST * agree
    return similarity, GIVEN_FOR * rarity * agree if agree > 0 else GIVEN_AGAINST * agree


def _weighted(part: Part, label: str, left: str, right: str, rarity: float) -> PartComparison:
    """Compare a surname or given name, weigh it and write the note."""
    similarity, weight = _name_weight(part is Part.SURNAME, left, right, rarity)
    agree = agreement(similarity)
    sign = "=" if agree >= 0.75 else ("≈" if agree > 0 else "≠")
    detail = describe_difference(left, right) if agree > 0 else ""
    if part is Part.SURNAME and similarity == 0.9 and features(left).stem == features(right).stem:
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


def _patronymic_weight(left: ParsedName, right: ParsedName) -> tuple[float, float]:
    """Return the similarity and evidence of two patronymics, both present."""
    a = patronymic_stem(left.patronymic or "", left.patronymic_marker)
    b = patronymic_stem(right.patronymic or "", right.patronymic_marker)
    if a == b:
        return 1.0, PATRONYMIC_FOR
    similarity = OSA.normalized_similarity(a, b)
    if a in KNOWN_GIVEN_SKELETONS and b in KNOWN_GIVEN_SKELETONS:
        similarity = min(similarity, DISTINCT_NAMES_SIMILARITY)
    agree = agreement(similarity)
    return similarity, PATRONYMIC_FOR * agree if agree > 0 else PATRONYMIC_AGAINST * agree


def _patronymics(left: ParsedName, right: ParsedName) -> PartComparison | None:
    """Compare patronymics by the father's name inside them."""
    if left.patronymic is None and right.patronymic is None:
        return None
    if left.patronymic is None or right.patronymic is None:
        shown = _patronymic_label(left) or _patronymic_label(right)
        note = f"patronymic {shown} absent on one side"
        return PartComparison(Part.PATRONYMIC, left.patronymic, right.patronymic, None, 0.0, note)
    similarity, weight = _patronymic_weight(left, right)
    agree = agreement(similarity)
    sign = "=" if agree >= 0.75 else ("≈" if agree > 0 else "≠")
    note = f"patronymic {_patronymic_label(left)} {sign} {_patronymic_label(right)}"
    return PartComparison(
        Part.PATRONYMIC, left.patronymic, right.patronymic, similarity, weight, note
    )


def _initial_pair(left: ParsedName, right: ParsedName) -> tuple[str, str, bool] | None:
    """Return (initial, other, other is a full name) when one side only has an initial."""
    full = left.given or right.given
    if full is not None:
        bare = right if left.given else left
        return (bare.initials[0], full, True) if bare.initials else None
    if left.initials and right.initials:
        return left.initials[0], right.initials[0], False
    return None


def _initial_weight(initial: str, other: str, full: bool) -> float:
    """Return the evidence of an initial against a given name or another initial."""
    if first_sounds(initial) & first_sounds(other):
        return INITIAL_FOR if full else INITIAL_FOR / 2
    return -INITIAL_AGAINST


def _given(left: ParsedName, right: ParsedName, frequency: NameFrequency) -> PartComparison | None:
    """Compare given names, or a given name with an initial."""
    if left.given and right.given:
        rarity = min(frequency.rarity(left.given), frequency.rarity(right.given))
        return _weighted(Part.GIVEN, "given name", left.given, right.given, rarity)
    pair = _initial_pair(left, right)
    if pair is None:
        full = left.given or right.given
        if full is None:
            return None
        note = f"given name {full} absent on one side"
        return PartComparison(Part.GIVEN, left.given, right.given, None, 0.0, note)
    initial, other, full_name = pair
    weight = _initial_weight(initial, other, full_name)
    verb = "fits" if weight > 0 else "does not fit"
    note = f"initial {initial}. {verb} given name {other}"
    return PartComparison(Part.GIVEN, left.given, right.given, None, weight, note)


def _cap(left: ParsedName, right: ParsedName) -> float:
    """Return the highest score the pair may reach: gates on surname keys and given sounds."""
    if not (left.surname and right.surname):
        return GATE_CAP
    if not keys_compatible(gate_keys(left.surname), gate_keys(right.surname)):
        return GATE_CAP
    ls, rs = given_sounds(left), given_sounds(right)
    if ls is not None and rs is not None and not classes_compatible(ls, rs):
        return GATE_CAP
    return 1.0 if left.given and right.given else INCOMPLETE_CAP


def _logistic(logit: float, cap: float) -> float:
    """Return the capped logistic score of a log-odds sum."""
    return min(1.0 / (1.0 + math.exp(-logit)), cap)


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
    if left.surname and right.surname:
        rarity = min(frequency.rarity(left.surname), frequency.rarity(right.surname))
        evidence.append(_weighted(Part.SURNAME, "surname", left.surname, right.surname, rarity))
    for extra in (
        _given(left, right, frequency),
        _patronymics(left, right),
        years,
        _gender(left, right, left_gender, right_gender),
    ):
        if extra is not None:
            evidence.append(extra)
    logit = PRIOR + sum(part.weight for part in evidence)
    return _logistic(logit, _cap(left, right)), evidence


def _quick(
    left: ParsedName,
    right: ParsedName,
    year_weight: float | None,
    left_gender: str | None,
    right_gender: str | None,
    frequency: NameFrequency,
) -> float:
    """Return the same score as _score without building evidence (for bulk search)."""
    cap = _cap(left, right)
    if cap < POSSIBLE_THRESHOLD:
        return cap
    logit = PRIOR + (year_weight or 0.0)
    if left.surname and right.surname:
        rarity = min(frequency.rarity(left.surname), frequency.rarity(right.surname))
        logit += _name_weight(True, left.surname, right.surname, rarity)[1]
    if left.given and right.given:
        rarity = min(frequency.rarity(left.given), frequency.rarity(right.given))
        logit += _name_weight(False, left.given, right.given, rarity)[1]
    else:
        pair = _initial_pair(left, right)
        if pair is not None:
            logit += _initial_weight(*pair)
    if left.patronymic is not None and right.patronymic is not None:
        logit += _patronymic_weight(left, right)[1]
    lg = left_gender.lower() if left_gender else left.gender
    rg = right_gender.lower() if right_gender else right.gender
    if lg is not None and rg is not None and lg != rg:
        logit -= GENDER_AGAINST
    return _logistic(logit, cap)


def quick_score(
    left: ParsedName,
    right: ParsedName,
    *,
    left_birth_year: int | None = None,
    right_birth_year: int | None = None,
    left_gender: str | None = None,
    right_gender: str | None = None,
    frequency: NameFrequency | None = None,
) -> float:
    """Return compare_parsed's score, unexplained: exact at or above possible, else below it."""
    frequency = frequency or BUILTIN_FREQUENCY
    ly = left_birth_year if left_birth_year is not None else left.birth_year
    ry = right_birth_year if right_birth_year is not None else right.birth_year
    year_weight = _year_weight(ly, ry)
    best = 0.0
    for a in readings(left):
        for b in readings(right):
            best = max(best, _quick(a, b, year_weight, left_gender, right_gender, frequency))
    return round(best, 4)


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

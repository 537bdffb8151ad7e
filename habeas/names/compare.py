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
from habeas.names.parse import (
    ParsedName,
    PatronymicMarker,
    parse_name,
    patronymic_stem,
)
from habeas.names.similarity import (
    DISTINCT_NAMES_SIMILARITY,
    STEM_ONLY_SIMILARITY,
    classes_compatible,
    describe_difference,
    features,
    first_sounds,
    gate_keys,
    given_classes,
    keys_compatible,
    token_similarity,
)
from habeas.names.similarity import agreement as agreement
from habeas.names.words import MIDDLE_AGAINST as MIDDLE_AGAINST
from habeas.names.words import MIDDLE_FOR as MIDDLE_FOR
from habeas.names.words import MIDDLE_SAME as MIDDLE_SAME
from habeas.names.words import ORDER_AGAINST as ORDER_AGAINST
from habeas.names.words import extras, initials_conflict, middle_weight
from habeas.names.words import joined_key as joined_key
from habeas.names.words import order_conflict as order_conflict
from habeas.names.words import readings as readings

MATCH_THRESHOLD = 0.80  # at or above: the same person, unless a reviewer says otherwise
POSSIBLE_THRESHOLD = 0.50  # at or above: worth a reviewer's look
INCOMPLETE_CAP = 0.79  # initials only or no given name: never more than possible
SINGLE_CAP = 0.45  # one word against a full name (Shamsuddin / Shamsuddin Mohammed Haqqani)
GATE_CAP = 0.30  # surname or given-name initial incompatible: never more than no
PRIOR = -2.5  # log-odds before any evidence: two random names rarely denote one person

SURNAME_FOR, SURNAME_AGAINST = 3.0, 3.5
GIVEN_FOR, GIVEN_AGAINST = 2.5, 4.0
PATRONYMIC_FOR, PATRONYMIC_AGAINST = 1.5, 4.0
INITIAL_FOR, INITIAL_AGAINST = 0.6, 3.0
YEAR_SAME, YEAR_NEAR, YEAR_AGAINST = 1.5, 0.3, 5.0
GENDER_AGAINST = 4.0
FATHER_CAP = 0.45  # patronymics name different fathers: never more than no
ENDING_CAP = 0.79  # same surname stem, other ending (Kərimov / Kərimli): at most possible
JOINED_SCORE = 0.9  # same letters, split into words differently (PolPot, Margarita-Simonyan)


def decide(score: float) -> Decision:
    """Turn a score into a decision with the module thresholds."""
    if score >= MATCH_THRESHOLD:
        return Decision.MATCH
    if score >= POSSIBLE_THRESHOLD:
        return Decision.POSSIBLE
    return Decision.NO


def given_sounds(name: ParsedName) -> frozenset[str] | None:
    """Return the sound classes of the given name (or its initial); None if neither is known."""
    if name.given:
        return given_classes(name.given)
    if name.initials:
        return given_classes(name.initials[0], initial=True)
    return None


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


def gender_cue(name: ParsedName, explicit: str | None) -> str | None:
    """Return the gender a name (or a stated gender) points to: "male", "female" or None."""
    return _gender_of(name, explicit)[0]


def _gender_of(name: ParsedName, explicit: str | None) -> tuple[str | None, str]:
    """Return the gender cue of a name and where it came from.

    A stated gender other than male or female ("other", "unknown") is no cue at all.
    """
    if explicit:
        stated = explicit.lower()
        return (stated if stated in ("male", "female") else None), "stated"
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


def name_weight(surname: bool, left: str, right: str, rarity: float) -> float:
    """Return the signed evidence (log-odds) of two surnames or two given names."""
    return _name_weight(surname, left, right, rarity)[1]


def _weighted(part: Part, label: str, left: str, right: str, rarity: float) -> PartComparison:
    """Compare a surname or given name, weigh it and write the note."""
    similarity, weight = _name_weight(part is Part.SURNAME, left, right, rarity)
    agree = agreement(similarity)
    sign = "=" if agree >= 0.75 else ("≈" if agree >= 0 else "≠")
    detail = describe_difference(left, right) if agree >= 0 else ""
    if part is Part.SURNAME and _ending_differs(left, right):
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


def _middles(left: ParsedName, right: ParsedName) -> PartComparison | None:
    """Compare middle names (and a father's name against them): both sides must fit."""
    found = middle_weight(left, right)
    if found is None:
        return None
    weight, matched, unmatched_left, unmatched_right = found
    a, b = " ".join(extras(left, right)), " ".join(extras(right, left))
    if weight < 0:
        note = f"middle names {a} ≠ {b} ({unmatched_left} and {unmatched_right} unmatched)"
    elif unmatched_left or unmatched_right:
        note = f"middle names {a} ~ {b} ({matched} shared, the rest on one side only)"
    else:
        note = f"middle names {a} = {b}"
    return PartComparison(Part.MIDDLE, a, b, None, weight, note)


def _initials(left: ParsedName, right: ParsedName) -> PartComparison | None:
    """Return evidence against a pair whose middle initials do not fit (only against)."""
    conflict = initials_conflict(left, right)
    if conflict is None:
        return None
    initial, other = conflict
    note = f"middle initial {initial}. does not fit {other}"
    return PartComparison(Part.MIDDLE, initial, other, None, -MIDDLE_AGAINST, note)


def _father_cap(left: ParsedName, right: ParsedName) -> float:
    """Return FATHER_CAP when both patronymics are present and name different fathers."""
    if left.patronymic is None or right.patronymic is None:
        return 1.0
    similarity = _patronymic_weight(left, right)[0]
    return FATHER_CAP if similarity <= DISTINCT_NAMES_SIMILARITY else 1.0


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
    cap = _father_cap(left, right)
    if _ending_differs(left.surname, right.surname):
        cap = min(cap, ENDING_CAP)
    if _single_word(left, right) or _single_word(right, left):
        cap = min(cap, SINGLE_CAP)
    return min(cap, 1.0 if left.given and right.given else INCOMPLETE_CAP)


def _ending_differs(left: str, right: str) -> bool:
    """Tell whether two surnames share a stem but end differently (-ov / -li / -zadə).

    Many families dropped Soviet -ov for -li after 1991, but distinct families also share
    stems; so the pair is for a reviewer to decide, whatever else agrees.
    """
    return (
        token_similarity(left, right, True) == STEM_ONLY_SIMILARITY
        and features(left).stem == features(right).stem
    )


def _single_word(name: ParsedName, other: ParsedName) -> bool:
    """Tell whether a name is one bare word while the other has given name and surname."""
    bare = len(name.words) == 1 and not name.initials and " " not in name.text.strip()
    return bare and len(other.words) >= 2


def _order(left: ParsedName, right: ParsedName) -> PartComparison | None:
    """Return evidence against two long names whose shared words are shuffled."""
    if not order_conflict(left.words, right.words):
        return None
    note = "the shared words stand in a different order"
    return PartComparison(Part.MIDDLE, left.text, right.text, None, -ORDER_AGAINST, note)


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
        _middles(left, right),
        _initials(left, right),
        years,
        _gender(left, right, left_gender, right_gender),
    ):
        if extra is not None:
            evidence.append(extra)
    logit = PRIOR + sum(part.weight for part in evidence)
    return _logistic(logit, _cap(left, right)), evidence


def _rescore(evidence: list[PartComparison], cap: float) -> float:
    """Return the capped score of a list of evidence."""
    return _logistic(PRIOR + sum(part.weight for part in evidence), cap)


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
    middle = middle_weight(left, right)
    if middle is not None:
        logit += middle[0]
    if (left.initials or right.initials) and initials_conflict(left, right) is not None:
        logit -= MIDDLE_AGAINST
    lg, rg = gender_cue(left, left_gender), gender_cue(right, right_gender)
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
    if order_conflict(left.words, right.words):
        year_weight = (year_weight or 0.0) - ORDER_AGAINST
    best = 0.0
    for a in readings(left):
        for b in readings(right):
            best = max(best, _quick(a, b, year_weight, left_gender, right_gender, frequency))
    if best < JOINED_SCORE and _joined(left, right, _year_weight(ly, ry)):
        best = JOINED_SCORE
    return round(best, 4)


def _joined(left: ParsedName, right: ParsedName, year_weight: float | None) -> bool:
    """Tell whether two names differ only in how their letters are split into words."""
    if year_weight is not None and year_weight < 0:
        return False
    if len(left.words) == len(right.words):
        return False
    key = joined_key(left.text)
    return len(key) >= 6 and key == joined_key(right.text)


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
    order = _order(left, right)
    best: tuple[float, list[PartComparison]] | None = None
    for a in readings(left):
        for b in readings(right):
            result = _score(a, b, years, left_gender, right_gender, frequency)
            if order is not None:
                result = (_rescore(result[1] + [order], _cap(a, b)), result[1] + [order])
            if best is None or result[0] > best[0]:
                best = result
    assert best is not None
    score, evidence = best
    if score < JOINED_SCORE and _joined(left, right, years.weight if years else None):
        score = JOINED_SCORE
        note = f"same letters as {right.text}, split into words differently"
        evidence = [*evidence, PartComparison(Part.SURNAME, left.text, right.text, 1.0, 0.0, note)]
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

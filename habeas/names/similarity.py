"""Similarity of single name parts across scripts, romanisation standards and typos.

``token_similarity`` is what ``compare`` weighs; ``gate_keys`` and ``given_classes`` are the
coarse keys that ``compare`` requires to agree before a pair can reach ``possible`` and that
``NameIndex`` blocks on, so the two always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from habeas.names.frequency import KNOWN_GIVEN_SKELETONS, KNOWN_SURNAME_STEMS, part_stem
from habeas.names.translit import (
    RomanStandard,
    any_latin,
    fold,
    key_of_skeleton,
    phonetic_key,
    phonetic_keys,
    skeleton,
    strip_marks,
    to_latin,
)

DISTINCT_NAMES_SIMILARITY = 0.6  # two different names from the built-in tables
SHORT_GIVEN = 6  # given-name skeletons this short that differ by one edit are different names
STEM_ONLY_SIMILARITY = 0.9  # surnames alike only in their stem (Kərimov / Kərimli)
SHORT_SURNAME_STEM = 5  # the same for surname stems without -ov/-yev/-li/-zadə
_ISO_C = re.compile(r"c(?![hz])")  # ISO 9 and scholarly c = ц
_CYRILLIC = re.compile(r"[\u0400-\u052f]")


@dataclass(frozen=True, slots=True)
class TokenFeatures:
    """Precomputed spellings of one name part used to compare it."""

    folded: str
    skeleton: str
    plain: str  # skeleton with diacritics dropped as a plain keyboard would
    soviet: str  # skeleton with ı read as u (Qasımov / Касумов)
    stem: str  # skeleton without a surname ending
    first_key: str  # first symbol of the phonetic key
    iso_c: str | None  # skeleton with c read as ts, if the token has such a c
    lost: frozenset[str] = frozenset()  # skeletons of letters a keyboard or Soviet pen lost


_PLAIN_C = re.compile(r"c(?!h)")  # ASCII c for a ç whose cedilla was dropped (Elcin)
_PLAIN_S = re.compile(r"s(?!h)")  # ASCII s for a ş whose cedilla was dropped (Elsad)


def _lost_letters(token: str, folded: str) -> frozenset[str]:
    """Skeletons of the token read with a dropped cedilla restored (Elcin → Elçin, Elsad →
    Elşad) or a Soviet-era ё read as the Azerbaijani ö it wrote (Кёнюл → Könül)."""
    found: set[str] = set()
    if token.isascii():
        restored = folded
        if _PLAIN_C.search(folded):
            restored = _PLAIN_C.sub("ch", restored)
            found.add(skeleton(restored))
        if _PLAIN_S.search(folded):
            found.add(skeleton(_PLAIN_S.sub("sh", folded)))
            if restored != folded:
                found.add(skeleton(_PLAIN_S.sub("sh", restored)))
    if "ё" in token.lower():
        found.add(skeleton(fold(token.lower().replace("ё", "о"))))
    return frozenset(found)


@lru_cache(maxsize=131072)
def features(token: str) -> TokenFeatures:
    """Return the cached comparison features of a name part."""
    folded = fold(token).replace(" ", "")
    skel = skeleton(folded)
    iso_c = skeleton(_ISO_C.sub("ts", folded)) if _ISO_C.search(folded) else None
    return TokenFeatures(
        folded=folded,
        skeleton=skel,
        plain=skeleton(strip_marks(token)),
        soviet=skeleton(token.lower().replace("ı", "u")),
        stem=part_stem(folded),
        first_key=phonetic_key(folded)[:1],
        iso_c=iso_c,
        lost=_lost_letters(token, folded),
    )


@lru_cache(maxsize=262144)
def token_similarity(left: str, right: str, surname: bool = False) -> float:
    """Return how alike two name parts are across scripts, standards and small typos."""
    a, b = features(left), features(right)
    if a.folded == b.folded:
        return 1.0
    if a.skeleton == b.skeleton:
        return 0.97
    if a.plain == b.plain or a.soviet == b.soviet:
        return 0.95  # diacritics dropped (Elcin, Samil) or Soviet у for ı (Касумов)
    if a.skeleton in b.lost or b.skeleton in a.lost:
        return 0.95  # Elcin for Elchin, Кёнюл for Könül
    best = max(
        OSA.normalized_similarity(a.skeleton, b.skeleton),
        OSA.normalized_similarity(a.folded, b.folded),
    )
    if a.skeleton[:1] != b.skeleton[:1] and a.first_key != b.first_key:
        best -= 0.1  # a different first sound is rarely a spelling variant
    if surname and a.stem == b.stem:
        return max(best, STEM_ONLY_SIMILARITY)
    if a.iso_c is not None or b.iso_c is not None:
        left_ts, right_ts = a.iso_c or a.skeleton, b.iso_c or b.skeleton
        best = max(
            best, 0.97 if left_ts == right_ts else OSA.normalized_similarity(left_ts, right_ts)
        )
    known = KNOWN_SURNAME_STEMS if surname else KNOWN_GIVEN_SKELETONS
    left_key = a.stem if surname else a.skeleton
    right_key = b.stem if surname else b.skeleton
    if left_key != right_key and left_key in known and right_key in known:
        best = min(best, DISTINCT_NAMES_SIMILARITY)
    elif one_letter_apart(left_key, right_key, SHORT_SURNAME_STEM if surname else SHORT_GIVEN):
        # a surname with an ending and one without (Popov / Poopv) are not two stems
        two_stems = not surname or (a.stem == a.skeleton) == (b.stem == b.skeleton)
        if two_stems and not _final_e(a.folded, b.folded):
            best = min(best, DISTINCT_NAMES_SIMILARITY)
    return max(0.0, best)


def one_letter_apart(left: str, right: str, short: int) -> bool:
    """Tell whether two skeletons, the shorter at most ``short`` long, differ by one edit.

    Skeletons already even out the transliteration alternations (q/g/k, x/kh/h, ə/a/e, c/j,
    ı/i/y, ü/u), so one remaining edit in a short name is a different name (Elşad/Elşən,
    Vaqif/Vahid, Ramil/Ramin, Babayev/Balayev, Əliyev/Vəliyev), not a spelling of it.
    """
    if left == right or min(len(left), len(right)) > short:
        return False
    if Levenshtein.distance(left, right, score_cutoff=1) != 1:
        return False  # two edits, or a transposition (Anglea/Angela): a typo, not a name
    if len(left) == len(right):
        return True
    longer, shorter = (left, right) if len(left) > len(right) else (right, left)
    position = next(op.dest_pos for op in Levenshtein.editops(shorter, longer))
    added = longer[position]
    if added not in _VOWELS:
        return True
    return added == "a" and position == len(longer) - 1  # Samir/Samirə: the feminine form


_VOWELS = frozenset("aeiouy")


def _final_e(left: str, right: str) -> bool:
    """Tell whether one spelling only adds a silent final e (Michel/Michelle, Scholz/Scholze)."""
    longer, shorter = (left, right) if len(left) > len(right) else (right, left)
    return longer.endswith("e") and longer[:-1].rstrip(longer[-2:-1]) == shorter.rstrip(
        longer[-2:-1]
    )


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


def _latin(text: str) -> str:
    """Return text in Latin letters (Cyrillic romanised, Wikipedia style), lower case."""
    text = any_latin(text)
    if _CYRILLIC.search(text):
        text = to_latin(text, RomanStandard.WIKIPEDIA)
    return text.lower().replace("i\u0307", "i")


@lru_cache(maxsize=65536)
def describe_difference(left: str, right: str) -> str:
    """Describe how two spellings differ, e.g. "q→g, ə→a", or "" if they are equal."""
    la, lb = _latin(left), _latin(right)
    plain = (left.lower().replace("i\u0307", "i"), right.lower().replace("i\u0307", "i"))
    prefix = "romanised, " if (la, lb) != plain else ""
    if la == lb:
        return "romanised, same letters" if prefix else ""
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


@lru_cache(maxsize=1 << 18)
def gate_keys(token: str) -> frozenset[str]:
    """Return the phonetic keys a surname is blocked under (with and without its ending)."""
    keys = set(phonetic_keys(token))
    keys.add(key_of_skeleton(part_stem(token)))  # the key of features(token).stem
    keys.discard("")
    return frozenset(keys)


@lru_cache(maxsize=65536)
def first_sounds(token: str) -> frozenset[str]:
    """Return the first symbols of a given name's phonetic keys (its blocking classes)."""
    return frozenset(key[0] for key in phonetic_keys(token) if key)


@lru_cache(maxsize=65536)
def given_classes(token: str, *, initial: bool = False) -> frozenset[str]:
    """Return the sound classes of a given name: the first two key symbols ("al" for Elçin).

    An initial, or a name whose key has one symbol, only knows its first sound: "r*".
    """
    if initial:
        return frozenset(f"{sound}*" for sound in first_sounds(token))
    keys = phonetic_keys(token)
    return frozenset(key[:2] if len(key) >= 2 else f"{key}*" for key in keys if key)


def classes_compatible(left: frozenset[str], right: frozenset[str]) -> bool:
    """Tell whether two given-name class sets may denote the same name ("r*" fits "rv")."""
    if left & right:
        return True
    for a in left:
        for b in right:
            if a[0] == b[0] and (a[1] == "*" or b[1] == "*"):
                return True
    return False


@lru_cache(maxsize=262144)
def keys_compatible(left: frozenset[str], right: frozenset[str]) -> bool:
    """Tell whether two key sets share a key or hold keys one edit apart: a change in keys
    both four or more long, or a dropped symbol from a key four or more long (Əlizadə / Aliada).
    """
    if left & right:
        return True
    for a in left:
        for b in right:
            if max(len(a), len(b)) < 4:
                continue
            if Levenshtein.distance(a, b, score_cutoff=1) <= 1:
                return True
    return False

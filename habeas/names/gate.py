"""A gate that tells from single words whether a name may reach any name of a NameIndex.

Sanctions screening streams a million names past a small index of officials; parsing and
searching each would cost most of the time, while most names share no surname with anyone
screened. ``WordGate`` answers from the words alone and keeps each word's answer, and it
errs only towards yes: everything it reasons about mirrors what ``NameIndex`` and
``parse_name`` do (see ``may_leave_out`` and ``may_be_initial`` in parse.py), and
tests/names/test_blocking.py checks it against ``NameIndex.candidates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from habeas.names.blocking import ANY_SOUND, GATE_MEMORY, NameIndex
from habeas.names.parse import may_be_initial, may_leave_out, split_words
from habeas.names.similarity import given_classes
from habeas.names.translit import fold
from habeas.names.words import joined_key


@dataclass(frozen=True, slots=True)
class _Classes:
    """The given-name classes of one surname's groups, with their first sounds."""

    classes: frozenset[str]
    firsts: frozenset[str]

    def fit(self, sounds: frozenset[str]) -> bool:
        """Tell whether the index would look at any of these classes for sounds."""
        classes = self.classes
        if ANY_SOUND in classes:
            return True
        for sound in sounds:
            if sound in classes:
                return True
            if sound[1] != "*":
                if f"{sound[0]}*" in classes:
                    return True
            elif sound[0] in self.firsts:
                return True
        return False


@lru_cache(maxsize=65536)
def _classes_of(classes: frozenset[str]) -> _Classes:
    """Return a surname's group classes ready for fitting."""
    return _Classes(classes, frozenset(c[0] for c in classes))


_NO_SURNAMES: tuple[_Classes, ...] = ()
_NO_SOUNDS: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Word:
    """What the gate knows of one word: surnames it passes, given-name classes, droppable."""

    folded: str
    surnames: tuple[_Classes, ...]  # the group classes of each surname it passes
    sounds: frozenset[str]  # its given-name classes, read as a name
    initial: frozenset[str]  # and read as an initial, if it may be one
    droppable: bool  # parse_name may leave it out by what it is alone
    maybe_initial: bool  # parse_name may read it as an initial, not a word


class WordGate:
    """Tells from single words whether a name may reach any name of an index (never a false no).

    ``NameIndex`` reaches a group only through a reading whose surname, one word of the name,
    passes the surname gate with an indexed surname, and whose given name (another word or an
    initial) fits a given-name class of that surname's groups, or has neither; or through equal
    joined letters. The gate answers that from the words alone, with each word's answer kept
    (by its folded spelling), so a file of a million names costs one gate computation per
    distinct word instead of a parse and a search per name. It errs only towards yes.
    """

    def __init__(self, index: NameIndex) -> None:
        """Keep the index whose surnames and given-name classes the gate checks against
        (build the gate after the last name is added)."""
        self._index = index
        self._words: dict[str, _Word] = {}
        self._folded: dict[tuple[str, bool], tuple[tuple[_Classes, ...], frozenset[str], bool]] = {}
        self._joined = index.joined_keys

    def _word(self, word: str) -> _Word:
        """Return what the gate knows of a word (worked out once per spelling)."""
        found = self._words.get(word)
        if found is not None:
            return found
        folded = fold(word).replace(" ", "")
        known = self._folded.get((folded, word.isascii()))
        if known is None:  # everything below depends on the folded spelling and its script
            index = self._index
            near = index.surnames_near(word) if folded else frozenset()
            surnames = tuple(_classes_of(index.given_classes_of(s)) for s in near)
            known = (surnames or _NO_SURNAMES, given_classes(word), may_leave_out(word))
            if len(self._folded) >= GATE_MEMORY:
                self._folded.clear()  # bounded memory whatever the file's size
            self._folded[(folded, word.isascii())] = known
        surnames, sounds, droppable = known
        initial = _NO_SOUNDS
        maybe_initial = may_be_initial(word)
        if maybe_initial:  # parse_name files the upper case of the first letter
            letter = word.rstrip(".")[0]
            initial = given_classes(letter, initial=True) | given_classes(
                letter.upper(), initial=True
            )
        found = _Word(folded, surnames, sounds, initial, droppable, maybe_initial)
        if len(self._words) >= GATE_MEMORY:
            self._words.clear()
        self._words[word] = found
        return found

    def may_find(self, name: str) -> bool:
        """Tell whether the index may find anything for name (False: it surely finds nothing)."""
        words = [self._word(word) for word in split_words(name)]
        for at, word in enumerate(words):
            if not word.surnames:
                continue
            if _may_lack_given(words):
                return True
            for classes in word.surnames:
                for other, given in enumerate(words):
                    if other != at and (classes.fit(given.sounds) or classes.fit(given.initial)):
                        return True
        if not self._joined:
            return False
        if _LETTERS_AND_SPACES.match(name) and len(words) == name.count(" ") + 1:
            # its words are its whitespace words (none read apart): no need to fold it again
            return "".join(word.folded for word in words) in self._joined
        return joined_key(name) in self._joined


_LETTERS_AND_SPACES = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*\Z")


def _may_lack_given(words: list[_Word]) -> bool:
    """Tell whether parsing may leave a name one word (a reading with no given name).

    Counts the spellings of the words parsing surely keeps: not droppable by themselves, not
    read as initials, and not just before a droppable word (initials aside), which may be a
    patronymic before its marker. A word written again (even apart, once the words between
    are gone) is one spelling.
    """
    surely: set[str] = set()
    for at, word in enumerate(words):
        if word.droppable or word.maybe_initial:
            continue
        after = at + 1
        while after < len(words) and words[after].maybe_initial:
            after += 1
        if after < len(words) and words[after].droppable:
            continue
        surely.add(word.folded)
        if len(surely) > 1:
            return False
    return True

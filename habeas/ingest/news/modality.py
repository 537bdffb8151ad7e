"""Modality flags: when an event did not (or not yet, or not once) happen as a fact.

`negated` ("none of ours were let go"), `hypothetical` (hoped for, expected, conditional,
would have), `habitual` ("for many years … has signed"), `in_quote` (only a speaker says
it) and `disputed` (a charge the article calls false). Flagged events are context for a
reviewer, never proposals.
"""

from __future__ import annotations

import re
from typing import Any

from habeas.ingest.news.doctext import doc_text
from habeas.ingest.news.trigger import ancestors_to_root, clause_head

FLAGS = ("negated", "hypothetical", "habitual", "in_quote", "disputed")


YET = re.compile(r"\b(?:yet|still)\s+(?:to|not)\s+(?:be\s+|have\s+been\s+)?$", re.I)


MODALS = frozenset({"would", "could", "might", "may", "should", "will", "shall", "must", "can"})


HOPE = frozenset(
    "hope expect want wish plan demand call urge ask fear risk face threaten seek intend pray "
    "due scheduled "
    "await promise hop dream anticipate propose consider insist petition push lobby".split()
)


NEGATING = frozenset({"refuse", "fail", "deny", "reject", "decline", "postpone", "cancel"})


NOBODY = frozenset({"none", "nobody", "no", "neither", "noone", "nor"})


HABIT = re.compile(
    r"\b(for (?:many|several|some) years|every (?:year|week|month|day)|each year|"
    r"year after year|annually|"
    r"usually|traditionally|routinely|regularly|often|typically|always|in (?:past|previous) "
    r"years|used to|tends? to)\b",
    re.I,
)


DISPUTE = re.compile(
    r"\b(false|fabricated|trumped[\s-]up|bogus|baseless|groundless|spurious|sham|trumped|"
    r"politically motivated|deni(?:es|ed)|den(?:y|ying)|reject(?:s|ed)? the charges?|"
    r"made[\s-]up|invented|absurd|fictitious|decried)\b",
    re.I,
)


def flags_of(token: Any, quotes: list[tuple[int, int]]) -> set[str]:
    """The modality flags of the event a trigger token states."""
    flags: set[str] = set()
    chain = ancestors_to_root(token)
    clause = clause_head(token)
    for node in [token, clause]:
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in ("never",):
                flags.add("negated")
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lower_ in NOBODY:
                flags.add("negated")
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                g.dep_ == "det" and g.lower_ == "no" for g in child.children
            ):
                flags.add("negated")
    crossed = False  # past a relative/adverbial clause: its host's negation is not ours
    for node in chain:
        if node.lemma_.lower() in NEGATING and node.i != token.i and not crossed:
            flags.add("negated")
        if node.lemma_.lower() in HOPE and node.i != token.i and not crossed:
            flags.add("hypothetical")
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in MODALS:
                if node.i == token.i or node.i == clause.i or child.lower_ != "will":
                    flags.add("hypothetical")
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                flags.add("hypothetical")
        if crossed and node.pos_ in ("VERB", "AUX"):
            break  # the host clause's verb was looked at; its own hosts are not ours
        if node.dep_ in ("relcl", "advcl", "acl") and node.i == clause.i:
            # "Almer, who was arrested in April, denies …": not negated; but "he could be
            # among those pardoned": the host's modal still makes it hypothetical
            crossed = True
            continue
        if node.dep_ in ("ccomp", "xcomp", "advcl", "relcl") and node.i != token.i:
            break
    if token.pos_ in ("NOUN", "PROPN") and token.head.lemma_.lower() in HOPE:
        flags.add("hypothetical")
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass"):
        for child in token.head.children:  # "the trial … is due to begin on Monday"
            if child.lemma_.lower() in HOPE or (child.dep_ == "aux" and child.lower_ in MODALS):
                flags.add("hypothetical")
    span_text = clause_text(clause)
    if HABIT.search(span_text):
        flags.add("habitual")
    if any(start <= token.idx < end for start, end in quotes):
        flags.add("in_quote")
    if YET.search(doc_text(token.doc)[max(0, token.idx - 30) : token.idx]):
        flags.add("negated")  # "has yet to be charged": not (yet) happened
    return flags


def clause_text(clause: Any) -> str:
    """The text of the clause headed by `clause`."""
    tokens = sorted(clause.subtree, key=lambda t: t.i)
    return str(doc_text(clause.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)])


SPEECH = frozenset(
    "say tell add report announce confirm write state claim note explain insist".split()
)


def subordinate(token: Any) -> bool:
    """True when the trigger sits in a clause under another verb (who …, hoping that …);
    the content of reported speech ("X was arrested, his lawyer said") is not."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH:
            node = node.head
            continue
        if node.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "csubj") and node is not token:
            return True
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp") and node is token:
            return True
        node = node.head
    return False


def hoped(token: Any) -> bool:
    """True when a verb of hoping or expecting governs the trigger closely."""
    return any(n.lemma_.lower() in HOPE for n in ancestors_to_root(token)[1:4])

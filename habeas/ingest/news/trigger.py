"""Event triggers: the verbs and nouns of the domain's event types, and the parse helpers
the argument, date and modality rules share."""

from __future__ import annotations

import re
from typing import Any

VERB_TRIGGERS = {
    "arrest": "arrest", "detain": "detention", "apprehend": "arrest", "abduct": "arrest",
    "charge": "charge", "indict": "charge", "sentence": "sentence", "jail": "sentence",
    "imprison": "sentence", "convict": "sentence", "appeal": "appeal", "uphold": "appeal",
    "overturn": "appeal", "quash": "appeal", "transfer": "transfer", "move": "transfer",
    "release": "release", "free": "release", "acquit": "release", "pardon": "pardon",
    "amnesty": "amnesty", "die": "death_in_custody", "torture": "ill_treatment",
    "beat": "ill_treatment", "mistreat": "ill_treatment", "ill-treat": "ill_treatment",
    "abuse": "ill_treatment", "try": "trial", "let": "release", "sign": "decree",
    "remand": "detention", "reduce": "appeal", "commute": "appeal",
}  # fmt: skip


NOUN_TRIGGERS = {
    "sentence": "sentence", "term": "sentence",
    "arrest": "arrest", "detention": "detention", "trial": "trial", "hearing": "trial",
    "decree": "decree", "strike": "hunger_strike", "pardon": "pardon", "amnesty": "amnesty",
    "release": "release", "torture": "ill_treatment", "transfer": "transfer",
}  # fmt: skip


PERSON_IS_SUBJECT = frozenset({"appeal", "die", "strike", "walk"})


ISSUED = frozenset({"decree", "pardon", "amnesty"})


PRISONER_EVENTS = frozenset(
    {"arrest", "detention", "charge", "trial", "sentence", "appeal", "transfer", "release",
     "pardon", "amnesty", "death_in_custody", "hunger_strike", "ill_treatment"}
)  # fmt: skip


CUSTODY = re.compile(r"\b(custody|prison|jail|detention|cell|colony|penitentiary|behind bars)\b")


COURT = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w’'-]+\s+){1,5}Court(?:\s+of\s+(?:[A-Z][\w’'-]+\s*){1,3})?)"
)


def adjectival(token: Any) -> bool:
    """ "pardoned prisoners", "the jailed journalist": a participle used as an adjective
    (the small model also tags some finite verbs amod; those follow their subject)."""
    if token.dep_ != "amod":
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or before.pos_ in ("DET", "ADP", "ADJ", "PRON", "PUNCT", "CCONJ", "SPACE")


def sentence_of(token: Any) -> Any:
    """The sentence of a token, found once per document (spaCy's Token.sent rescans)."""
    doc = token.doc
    starts = doc.user_data.get("habeas_sents")
    if starts is None:
        starts = doc.user_data["habeas_sents"] = [(s.start, s.end) for s in doc.sents]
    for start, end in starts:
        if start <= token.i < end:
            return doc[start:end]
    return doc[:]


def sentence_text(token: Any) -> str:
    """The text of the sentence a token is in."""
    return str(sentence_of(token).text)


def trigger_type(token: Any) -> str | None:
    """The event type a token triggers, or None."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and not adjectival(token):
        if lemma in ("walk", "set") and any(c.lower_ == "free" for c in token.children):
            return "release"
        if lemma == "take" and "into custody" in sentence_text(token)[:400]:
            if any(c.lower_ == "into" for c in token.children):
                return "arrest"
        if lemma == "find" and any(c.lower_ == "dead" for c in token.children):
            return "death_in_custody" if CUSTODY.search(sentence_text(token)) else None
        kind = VERB_TRIGGERS.get(lemma)
        if kind is None:
            return None
        if token.tag_ == "VBG" and token.dep_ in ("csubj", "nsubj", "csubjpass"):
            return None  # "Arresting lawyers … is an attack": a generic act, not an event
        if lemma == "let" and not any(c.lemma_ == "go" for c in token.children):
            return None
        if lemma == "try" and not is_passive(token):
            return None
        if lemma in ("reduce", "commute") and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("sentence", "term") for c in token.children
        ):
            return None
        if lemma == "charge" and not (is_passive(token) or has_prep(token, "with")):
            return None
        if lemma == "move" and not CUSTODY.search(sentence_text(token)):
            return None
        if lemma == "die" and not CUSTODY.search(sentence_text(token)):
            return None
        if lemma == "sign" and not any(
            t.lemma_.lower() in ("decree", "order", "list", "pardon", "amnesty", "law")
            for t in token.subtree
            if t.i > token.i
        ):
            return None
        return kind
    if token.pos_ in ("NOUN", "PROPN"):
        kind = NOUN_TRIGGERS.get(lemma)
        if kind is None:
            return None
        if lemma == "strike":
            return kind if any(c.lower_ == "hunger" for c in token.children) else None
        if lemma in ("sentence", "term"):  # handed, gave, imposed a sentence: the verdict
            verb = token.head.lemma_.lower()
            return kind if verb in ("hand", "give", "impose", "pass", "receive") else None
        return kind
    return None


def is_passive(token: Any) -> bool:
    """True when the parse marks the verb as passive."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def has_prep(token: Any, word: str) -> bool:
    """True when the token governs the preposition `word`."""
    return any(c.dep_ == "prep" and c.lower_ == word for c in token.children)


def child_with(token: Any, deps: tuple[str, ...]) -> Any:
    """The first child of the token with one of the dependency labels."""
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def relcl_head(token: Any) -> Any:
    """For "who" in a relative clause, the noun it stands for."""
    verb = token.head
    while verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        verb = verb.head
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    return None


def clause_head(token: Any) -> Any:
    """The verb heading the clause a trigger is in."""
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def ancestors_to_root(token: Any) -> list[Any]:
    """The token and every head above it, up to the sentence root."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def subtree_range(token: Any) -> tuple[int, int]:
    """Character offsets of the token's whole subtree."""
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def signing_verb(token: Any) -> Any:
    """For a decree noun, the verb "signed" near it in the parse ("a decree signed by …")."""
    for child in token.children:
        if child.lemma_ == "sign" and child.pos_ == "VERB":
            return child
    node = token.head
    for _ in range(2):
        if node.lemma_ == "sign" and node.pos_ == "VERB":
            return node
        node = node.head
    return None


def headline(text: str, sent: Any) -> bool:
    """A headline or dateline line: a short first line without closing punctuation."""
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line_end = text.find("\n", sent.start_char)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    first = not text[:line_start].strip()
    return first and len(line.split()) <= 16 and not line.endswith((".", "”", '"', "!", "?"))


def own_range(token: Any) -> tuple[int, int]:
    """The trigger's phrase without coordinated verbs ("arrested … and sentenced …")."""
    tokens = [token]
    for child in token.children:
        if child.dep_ in ("conj", "cc") and child.pos_ in ("VERB", "AUX", "CCONJ"):
            continue
        if child.dep_ == "punct":
            continue
        tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def passive_surface(token: Any) -> bool:
    """Passive by its words: "was/were/been/being … VBN" just before the trigger."""
    if is_passive(token):
        return True
    before = [t.lower_ for t in token.doc[max(0, token.i - 3) : token.i]]
    return token.tag_ == "VBN" and any(
        w in ("was", "were", "been", "being", "is", "are", "be", "got") for w in before
    )

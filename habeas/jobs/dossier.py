"""Accountability dossiers on officials, for sanctions submissions: JSON, HTML and PDF."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from habeas.domain.dates import PartialDate, Precision
from habeas.domain.event import EventKind, ReleaseReason, SentenceKind
from habeas.domain.source import Citation
from habeas.domain.visibility import Visibility
from habeas.exceptions import ConfigError
from habeas.jobs.official import (
    ROLE_VERBS,
    CaseRecord,
    DefendantRecord,
    OfficialRecord,
    official_record,
    term_words,
)
from habeas.storage.sql import SqlRegistry


@dataclass(frozen=True, slots=True)
class Regime:
    """A sanctions regime a submission may be addressed to (DOMAIN.md section 5)."""

    name: str
    instruments: str
    scope: str


REGIMES = (
    Regime(
        "United States — Global Magnitsky",
        "Global Magnitsky Human Rights Accountability Act (2016); Executive Order 13818 "
        "(20 December 2017); visa restrictions under section 7031(c)",
        "Blocking of assets and entry ban for serious human-rights abuse or corruption.",
    ),
    Regime(
        "European Union — Global Human Rights Sanctions Regime",
        "Council Decision (CFSP) 2020/1999 and Council Regulation (EU) 2020/1998 (7 December 2020)",
        "Asset freeze and travel ban for serious human-rights violations and abuses, "
        "including arbitrary detention; adopted by unanimity.",
    ),
    Regime(
        "United Kingdom — Global Human Rights sanctions",
        "Global Human Rights Sanctions Regulations 2020 (under the Sanctions and Anti-Money "
        "Laundering Act 2018); Global Anti-Corruption Sanctions Regulations 2021",
        "Asset freeze and travel ban.",
    ),
    Regime(
        "Canada — Justice for Victims of Corrupt Foreign Officials Act",
        "Justice for Victims of Corrupt Foreign Officials Act (18 October 2017); SOR/2017-233",
        "Asset freeze and entry ban for gross violations of human rights or corruption.",
    ),
)

PUBLIC_NOTE = (
    "Prepared from the public record only. Before sending, confirm that naming each "
    "defendant is safe and consented to, and agree with the recipient how the file is kept."
)
INTERNAL_NOTE = (
    "CONFIDENTIAL — contains internal information of the documenting organisation. Do not "
    "publish or forward beyond the intended recipient. Restricted fields are never included."
)


@dataclass(frozen=True, slots=True)
class Dossier:
    """A dossier: the official's record as one reader may see it, sources numbered."""

    record: OfficialRecord
    prepared: date
    include_internal: bool
    numbers: dict[str, int] = field(default_factory=dict, hash=False)
    """Source id -> its number in the evidence list, in order of first citation."""


def build_dossier(
    registry: SqlRegistry,
    person_id: str,
    *,
    include_internal: bool = False,
    prepared: date | None = None,
) -> Dossier:
    """The dossier on one official: public fields, or internal ones too (never restricted)."""
    reader = Visibility.INTERNAL if include_internal else Visibility.PUBLIC
    record = official_record(registry, person_id, reader=reader)
    numbers: dict[str, int] = {}
    cited: list[Citation] = [c for p in record.positions for c in p.position.citations]
    cited += [c for r in record.cases for d in r.defendants for f in d.facts for c in f.citations]
    for citation in cited:
        numbers.setdefault(citation.source_id, len(numbers) + 1)
    return Dossier(record, prepared or date.today(), include_internal, numbers)


def _date(value: PartialDate | None) -> str | None:
    return value.isoformat() if value is not None else None


def _refs(d: Dossier, citations: tuple[Citation, ...]) -> list[int]:
    return sorted({d.numbers[c.source_id] for c in citations})


def _sentence(defendant: DefendantRecord) -> str:
    kind, months = defendant.sentence_kind, defendant.term_months
    if kind is None:
        return "no sentence recorded"
    if kind is SentenceKind.LIFE:
        return "life imprisonment"
    if kind is SentenceKind.PRISON:
        return f"{term_words(months or 0)} in prison"
    return kind.value.replace("_", " ") + (f", {term_words(months)}" if months else "")


def _narrative(name: str, record: CaseRecord) -> str:
    case = record.case
    verbs = " and ".join(ROLE_VERBS[r] for r in record.roles)
    court = f" before {case.court}" if case.court else ""
    text = f"{name} {verbs} the case “{case.title}”{court}."
    if record.first:
        text += f" The first recorded step was on {record.first}."
    if case.charges:
        text += " Charged under " + ", ".join(f"Art. {c.article}" for c in case.charges) + "."
    count = len(record.defendants)
    text += f" {count} defendant{'s' if count != 1 else ''}."
    if record.verdict:
        outcomes = "; ".join(f"{d.name}: {_sentence(d)}" for d in record.defendants)
        text += f" Verdict on {record.verdict}: {outcomes}."
    recognised = [d.name for d in record.defendants if d.recognised_by]
    if recognised:
        text += " Recognised as political prisoners: " + ", ".join(recognised) + "."
    return text


def _case_json(d: Dossier, record: CaseRecord) -> dict[str, Any]:
    case = record.case
    return {
        "case_id": case.id,
        "title": case.title,
        "court": case.court,
        "roles": [r.value for r in record.roles],
        "charges": [
            {"article": c.article, "name": c.name, "code": c.code, "label": c.label()}
            for c in case.charges
        ],
        "first": _date(record.first),
        "verdict": _date(record.verdict),
        "political": record.political,
        "prison_months": record.prison_months,
        "narrative": _narrative(d.record.person.name, record),
        "defendants": [
            {
                "person_id": None if x.withheld else x.person_id,
                "name": x.name,
                "recognised_by": list(x.recognised_by),
                "sentence": _sentence(x),
                "term_months": x.term_months,
                "facts": [
                    {
                        "date": f.date.isoformat(),
                        "date_uncertain": f.date_uncertain,
                        "kind": f.kind.value,
                        "text": f.text,
                        "sources": _refs(d, f.citations),
                    }
                    for f in x.facts
                ],
            }
            for x in record.defendants
        ],
    }


def _evidence(d: Dossier) -> list[dict[str, Any]]:
    quotes: dict[str, list[str]] = {sid: [] for sid in d.numbers}
    record = d.record
    cited = [c for p in record.positions for c in p.position.citations]
    cited += [c for r in record.cases for x in r.defendants for f in x.facts for c in f.citations]
    for citation in cited:
        if citation.quote and citation.quote not in quotes[citation.source_id]:
            quotes[citation.source_id].append(citation.quote)
    items = []
    for source_id, number in sorted(d.numbers.items(), key=lambda kv: kv[1]):
        source = record.sources[source_id]
        items.append(
            {
                "number": number,
                "source_id": source_id,
                "title": source.title,
                "kind": source.kind.value,
                "publisher": source.publisher,
                "published": _date(source.published),
                "urls": list(source.urls),
                "quotes": quotes[source_id],
                "content_hash": source.content_hash or None,
                "retrieved_at": source.retrieved_at.isoformat() if source.retrieved_at else None,
            }
        )
    return items


def _gaps(d: Dossier) -> list[str]:
    record, person = d.record, d.record.person
    gaps = ["No photograph on record.", "No identity document numbers or other identifiers."]
    gaps.append("No assets recorded.")
    if person.birth is None:
        gaps.insert(0, "Date of birth not known.")
    elif person.birth.precision is not Precision.DAY:
        gaps.insert(0, f"Date of birth known only to the {person.birth.precision.value}.")
    if any(p.derived for p in record.positions):
        gaps.append(
            "Positions are inferred from the official's roles in cases; no appointment "
            "dates or sources for the posts themselves."
        )
    undated = [p.position.title for p in record.positions if not p.derived and not p.position.start]
    if undated:
        gaps.append("Positions without a start date: " + ", ".join(undated) + ".")
    for r in record.cases:
        if r.verdict is None:
            gaps.append(f"Case {r.case.id}: no verdict recorded.")
        if any(x.withheld for x in r.defendants):
            gaps.append(f"Case {r.case.id}: a defendant's name is withheld for their safety.")
    uncertain = sum(
        1 for r in record.cases for x in r.defendants for f in x.facts if f.date_uncertain
    )
    if uncertain:
        gaps.append(f"{uncertain} fact(s) rest on an uncertain date.")
    unhashed = [n for sid, n in d.numbers.items() if not record.sources[sid].content_hash]
    if unhashed:
        gaps.append("Sources without an archived copy: " + ", ".join(map(str, unhashed)) + ".")
    return gaps


def _exculpatory(d: Dossier) -> list[str]:
    found = []
    for r in d.record.cases:
        if not r.political:
            found.append(f"Case {r.case.id}: no defendant is recorded as a political prisoner.")
        if not r.sentencing:
            roles = ", ".join(x.value for x in r.roles)
            found.append(f"Case {r.case.id}: the official's role ({roles}) set no sentence.")
        for x in r.defendants:
            for f in x.facts:
                refs = "".join(f"[{n}]" for n in _refs(d, f.citations))
                acquitted = f.release_reason is ReleaseReason.ACQUITTAL
                if acquitted or (
                    f.kind is EventKind.SENTENCE
                    and x.sentence_kind not in (SentenceKind.PRISON, SentenceKind.LIFE)
                ):
                    found.append(f"Case {r.case.id}: {x.name} {f.text} on {f.date} {refs}.")
    return found


def dossier_json(d: Dossier) -> dict[str, Any]:
    """The dossier as plain JSON-ready data; the HTML and PDF are rendered from it."""
    record, person = d.record, d.record.person
    totals = record.totals
    return {
        "title": f"Accountability dossier: {person.name}",
        "prepared": d.prepared.isoformat(),
        "visibility": record.reader.value,
        "confidentiality": INTERNAL_NOTE if d.include_internal else PUBLIC_NOTE,
        "identity": {
            "person_id": person.id,
            "names": [
                {
                    "value": n.value,
                    "script": n.script.value,
                    "language": n.language,
                    "kind": n.kind.value,
                }
                for n in person.names
            ],
            "birth": _date(person.birth),
            "gender": person.gender.value,
            "country": person.country,
            "occupations": list(person.occupations),
            "biography": person.biography,
            "notes": [{"kind": n.kind.value, "text": n.text} for n in person.notes],
            "positions": [
                {
                    "title": p.position.title,
                    "organisation": p.position.organisation,
                    "country": p.position.country,
                    "start": _date(p.position.start),
                    "end": _date(p.position.end),
                    "derived": p.derived,
                    "case_ids": list(p.case_ids),
                    "first_case": _date(p.first_case),
                    "last_case": _date(p.last_case),
                    "sources": _refs(d, p.position.citations),
                }
                for p in record.positions
            ],
        },
        "totals": {
            "cases": totals.cases,
            "political_cases": totals.political_cases,
            "defendants": totals.defendants,
            "prison_months": totals.prison_months,
            "prison_years": totals.years,
            "life_sentences": totals.life_sentences,
        },
        "conduct": [_case_json(d, r) for r in record.cases],
        "evidence": _evidence(d),
        "regimes": [
            {"name": r.name, "instruments": r.instruments, "scope": r.scope} for r in REGIMES
        ],
        "exculpatory": _exculpatory(d),
        "gaps": _gaps(d),
    }


_ENV = Environment(
    loader=PackageLoader("habeas.jobs", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def dossier_html(d: Dossier) -> str:
    """A printable, self-contained HTML document; every value is HTML-escaped."""
    return _ENV.get_template("dossier.html.j2").render(doc=dossier_json(d))


def dossier_pdf(d: Dossier) -> bytes:
    """The HTML dossier as PDF, via WeasyPrint; ConfigError when it cannot run here."""
    try:
        with warnings.catch_warnings():
            # Raised at import by WeasyPrint without libharfbuzz-subset0; PDFs still work.
            warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
            import weasyprint  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:
        raise ConfigError(
            f"PDF output needs WeasyPrint and the Pango libraries ({type(exc).__name__}: "
            f"{exc}). Install weasyprint and libpango-1.0-0 libpangoft2-1.0-0, or use "
            "--format html."
        ) from None
    pdf = weasyprint.HTML(string=dossier_html(d)).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf

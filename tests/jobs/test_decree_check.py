"""Decree import, check and review on the hand-checked registry fixture (fictional).

On 2015-12-28 the fixture holds six political prisoners before the decree takes effect
(p1, p2, p4, p5, p7, p8). The fixture decree frees p1 and p8, halves p4's term, and names
"Babayev R." (born 1995): an initial only, so p7 needs review. p2 and p5 are left out.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from factory import DATA

from habeas.domain.dates import parse_partial_date
from habeas.domain.decree import DecreeKind
from habeas.domain.event import EventKind, ReleaseReason
from habeas.domain.proposal import ProposalStatus
from habeas.exceptions import Conflict, InputError, InvalidRecord
from habeas.jobs.decree import ImportedDecree, check_decree, import_decree
from habeas.jobs.transfer import import_files
from habeas.storage.registry import ChangeSet
from habeas.storage.sql import SqlRegistry

FIXTURE = DATA / "registry"
NOW = datetime(2026, 1, 1, 12, 0)
ISSUER = "President (fictional)"


def _registry(url: str) -> SqlRegistry:
    registry = SqlRegistry(url)
    files = [FIXTURE / "persons.csv", FIXTURE / "events.csv", FIXTURE / "correction.csv"]
    import_files(registry, files, actor="ana", at=NOW)
    return registry


def _import_file(registry: SqlRegistry, path: Path, number: str = "") -> ImportedDecree:
    """Import a decree file as the fixture's pardon of 2015-12-28."""
    when, kind = date(2015, 12, 28), DecreeKind.PARDON
    return import_decree(
        registry, path, when=when, issuer=ISSUER, kind=kind, number=number, actor="ana", at=NOW
    )


def _import(registry: SqlRegistry) -> str:
    done = _import_file(registry, FIXTURE / "decree-2015-12-28.txt", number="690")
    assert done.entries == 5
    return done.decree.id


def test_check_says_who_the_decree_names(db_url: str) -> None:
    registry = _registry(db_url)
    report = check_decree(registry, _import(registry))
    assert report.sentence() == (
        "3 of 6 political prisoners in custody on 2015-12-28 are named in this decree "
        "(2 released, 1 sentence halved); 1 possible match needs review."
    )
    assert {(i.person_id, i.entry_line, i.outcome) for i in report.included} == {
        ("p1", 3, "released"),
        ("p8", 4, "released"),
        ("p4", 7, "sentence halved"),
    }
    assert [(i.person_id, i.entry_line) for i in report.possible] == [("p7", 8)]
    assert sorted(i.person_id for i in report.not_included) == ["p2", "p5"]
    p1 = next(i for i in report.included if i.person_id == "p1")
    assert "birth year 1980 agrees" in p1.explanation


def test_check_by_one_organisation(db_url: str) -> None:
    registry = _registry(db_url)
    report = check_decree(registry, _import(registry), by="Committee B")
    # Committee B recognised p2 and p7 (p3 was out of custody): p7 is a possible match.
    assert report.prisoners_in_custody == 2
    assert report.included == [] and [i.person_id for i in report.possible] == ["p7"]


def test_proposals_skip_facts_already_recorded(db_url: str) -> None:
    registry = _registry(db_url)
    _import(registry)
    pending = {p.person_id: p for p in registry.proposals(ProposalStatus.PENDING)}
    # p1's release and p4's halving are already in the registry (events e5, e20).
    assert set(pending) == {"p8", "p7"}
    assert pending["p8"].decision == "match" and pending["p7"].decision == "possible"


def test_accepting_writes_the_release_with_the_decree_as_source(db_url: str) -> None:
    registry = _registry(db_url)
    _import(registry)
    assert registry.count(date(2015, 12, 28)) == 5
    proposal = next(p for p in registry.proposals() if p.person_id == "p8")
    registry.accept(proposal.id, actor="ana", at=NOW, reason="checked the decree")
    assert registry.count(date(2015, 12, 28)) == 4
    release = [e for e in registry.events_of("p8") if e.kind is EventKind.RELEASE]
    assert release[0].release_reason is ReleaseReason.PARDON
    citation = release[0].citations[0]
    source = registry.get_source(citation.source_id)
    assert citation.start is not None and citation.end is not None
    assert source.text[citation.start : citation.end] == (
        "1.2. Mehdiyev Orxan Rauf oğlu, 1983-cü il təvəllüdlü"
    )
    names = [n.value for n in registry.get_person("p8").names]
    assert "Mehdiyev Orxan Rauf oğlu" in names
    assert registry.get_proposal(proposal.id).status is ProposalStatus.ACCEPTED
    with pytest.raises(Conflict):
        registry.accept(proposal.id, actor="ana", at=NOW)
    assert registry.verify_audit() is None


def test_an_edit_on_acceptance_lands_with_it_or_not_at_all(db_url: str) -> None:
    registry = _registry(db_url)
    _import(registry)
    proposal = next(p for p in registry.proposals() if p.person_id == "p8")
    release = proposal.events[0]
    audit = registry.audit_count()
    wrong = ChangeSet(events=[replace(release, date=parse_partial_date("1990-01-01"))])
    with pytest.raises(InvalidRecord):  # a release before the arrest
        registry.accept(proposal.id, actor="ana", at=NOW, corrections=wrong)
    assert registry.get_proposal(proposal.id).status is ProposalStatus.PENDING
    assert registry.count(date(2015, 12, 28)) == 5 and registry.audit_count() == audit
    later = ChangeSet(events=[replace(release, date=parse_partial_date("2015-12-29"))])
    registry.accept(
        proposal.id, actor="ana", at=NOW, corrections=later, correction_reason="took effect later"
    )
    versions = [e for e in registry.events_of("p8", history=True) if e.id == release.id]
    assert [(str(v.date), v.reason) for v in sorted(versions, key=lambda v: v.version)] == [
        ("2015-12-28", f"accepted proposal {proposal.id}"),
        ("2015-12-29", "took effect later"),
    ]
    assert registry.verify_audit() is None


def test_rejected_pair_is_never_proposed_again(db_url: str) -> None:
    registry = _registry(db_url)
    _import(registry)
    proposal = next(p for p in registry.proposals() if p.person_id == "p7")
    registry.reject(proposal.id, actor="ana", at=NOW, reason="not the same person")
    _import(registry)
    assert [p.person_id for p in registry.proposals(ProposalStatus.PENDING)] == ["p8"]
    assert registry.events_of("p7")[-1].kind is not EventKind.PARDON


def test_reimporting_the_decree_changes_nothing(db_url: str) -> None:
    registry = _registry(db_url)
    _import(registry)
    before = registry.audit_count()
    _import(registry)
    assert registry.audit_count() == before


def test_decree_without_entries_is_refused(sqlite_url: str, tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    empty = tmp_path / "empty.txt"
    empty.write_text("Sərəncam\nHeç kim yoxdur.\n", encoding="utf-8")
    registry = SqlRegistry(sqlite_url)
    with pytest.raises(InputError, match="empty.txt"):
        _import_file(registry, empty)
    assert registry.decrees() == []


@pytest.mark.parametrize("form", ["txt", "html"])
def test_an_entry_broken_over_lines_is_cited_whole(
    form: str, sqlite_url: str, tmp_path: Path
) -> None:
    registry = _registry(sqlite_url)
    lines = (FIXTURE / "decree-2015-12-28.txt").read_text(encoding="utf-8").splitlines()
    broken = "1.2. Mehdiyev Orxan Rauf oğlu,\n1983-cü il təvəllüdlü"
    lines = [broken if line.startswith("1.2.") else line for line in lines]
    path = tmp_path / f"wrapped.{form}"
    if form == "txt":
        path.write_text("\n".join(lines), encoding="utf-8")
    else:  # HTML numbers lines as in its source: blank source lines leave gaps
        paragraphs = "\n\n".join(f"<p>{line}</p>".replace("\n", "</p>\n\n<p>") for line in lines)
        path.write_text(f"<html><body>\n{paragraphs}\n</body></html>", encoding="utf-8")
    _import_file(registry, path)
    proposal = next(p for p in registry.proposals() if p.person_id == "p8")
    registry.accept(proposal.id, actor="ana", at=NOW)
    release = next(e for e in registry.events_of("p8") if e.kind is EventKind.RELEASE)
    citation = release.citations[0]
    source = registry.get_source(citation.source_id)
    assert citation.start is not None and citation.end is not None
    quoted = "1.2. Mehdiyev Orxan Rauf oğlu,\n1983-cü il təvəllüdlü"
    assert source.text[citation.start : citation.end] == citation.quote == quoted


def test_a_name_listed_twice_is_cited_where_each_entry_stands(
    sqlite_url: str, tmp_path: Path
) -> None:
    registry = _registry(sqlite_url)
    style = "\n".join(f"p.x{n} {{ margin: {n}px }}" for n in range(60))  # shifts line numbers
    entry = "<li>Mehdiyev Orxan Rauf oğlu, 1983-cü il təvəllüdlü</li>"
    path = tmp_path / "twice.html"
    path.write_text(
        f"<html><head><style>\n{style}\n</style></head><body>\n"
        "<p>1. Aşağıdakı şəxslər cəzalarının çəkilməmiş hissəsindən azad edilsinlər:</p>\n"
        f"<ul>\n{entry}\n</ul>\n"
        "<p>2. Aşağıdakı şəxslərin cəzalarının çəkilməmiş hissəsi yarıyadək azaldılsın:</p>\n"
        f"<ul>\n{entry}\n</ul>\n</body></html>",
        encoding="utf-8",
    )
    _import_file(registry, path)
    cited = []
    for proposal in registry.proposals():
        citation = proposal.events[0].citations[0]
        source = registry.get_source(citation.source_id)
        assert citation.start is not None and citation.end is not None
        assert source.text[citation.start : citation.end] == citation.quote
        before = source.text[: citation.start]
        cited.append((proposal.events[0].kind, before.count("azad") + 2 * before.count("yarıya")))
    assert sorted(cited, key=lambda found: found[1]) == [
        (EventKind.RELEASE, 1),
        (EventKind.PARDON, 3),
    ]

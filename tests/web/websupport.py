"""Web test support: the real app under uvicorn on a free loopback port, over real databases.

`site` is the fictional demo with canaries planted in every internal and restricted field,
a person flagged at risk, hostile markup in names and sources, two published lists and
three accounts. `review_site` is the small fixture registry with a decree imported, so
its review queue holds proposals; it is rebuilt for every test that asks for it.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from habeas.domain.case import Case, Charge
from habeas.domain.dates import PartialDate
from habeas.domain.decree import DecreeKind
from habeas.domain.event import Event, EventKind
from habeas.domain.person import Note, NoteKind, Person, PersonName, Script
from habeas.domain.source import Citation, Source, SourceKind
from habeas.domain.visibility import Visibility
from habeas.jobs.decree import import_decree
from habeas.jobs.demo import build_demo, demo_decrees
from habeas.jobs.transfer import import_files
from habeas.storage.registry import ChangeSet
from habeas.storage.sql import SqlRegistry
from habeas.storage.users import Role
from habeas.web import create_app

CANARY = "CANARY7f3a"
"""Planted in every internal and restricted field; must never reach a public answer."""
RISK_ID = "p-042"
RISK_NAME = "Zzyzx Canaryrisk"
"""An extra spelling of the person flagged at risk."""
XSS_ID = "p-xss"
XSS = '<script>alert("x")</script> O\'Brien "Q" <b>bold</b>'
PASSWORD = "correct horse battery staple"
AT = datetime(2026, 11, 1, 12, 0)
FIXTURE = Path(__file__).parent.parent / "data" / "registry"


@dataclass
class Site:
    """A running app: its base URL and database URL."""

    base: str
    db_url: str

    def client(self, **kwargs: Any) -> httpx.Client:
        """An HTTP client for this site (redirects not followed unless asked)."""
        return httpx.Client(base_url=self.base, timeout=30, **kwargs)

    def registry(self) -> SqlRegistry:
        """The registry behind the site (for checks and set-up)."""
        return SqlRegistry(self.db_url)


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(db_url: str, *, secure_cookies: bool = False) -> Iterator[Site]:
    """Run the real app with uvicorn in a thread until the block ends."""
    port = free_port()
    config = uvicorn.Config(
        create_app(db_url, secure_cookies=secure_cookies),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield Site(f"http://127.0.0.1:{port}", db_url)
    finally:
        server.should_exit = True
        thread.join(10)


def add_users(registry: SqlRegistry) -> None:
    """One account per role, all with PASSWORD."""
    for role in Role:
        registry.add_user(role.value, role, PASSWORD, actor="test", at=AT)


def plant_canaries(registry: SqlRegistry) -> None:
    """Put CANARY into every internal and restricted field of the demo, flag RISK_ID with
    an extra spelling, and add a person whose name and sources carry hostile markup."""
    persons = [p for p in registry.persons() if p.role.value == "prisoner"]
    changed: list[Person] = []
    for i, person in enumerate(persons):
        secret = Visibility.INTERNAL if i % 2 else Visibility.RESTRICTED
        notes = tuple(replace(n, text=f"{n.text} {CANARY}-note") for n in person.notes)
        notes += (Note(NoteKind.LAWYER, f"lawyer {CANARY}-lawyer", Visibility.RESTRICTED),)
        notes += (Note(NoteKind.GENERAL, f"staff {CANARY}-general", Visibility.INTERNAL),)
        fields: dict[str, Any] = {"notes": notes}
        if i % 3 == 0:
            fields["biography"] = f"{person.biography} {CANARY}-bio"
            fields["visibility"] = {"biography": secret}
        elif i % 3 == 1:
            fields["affiliations"] = (f"{CANARY}-affiliation",)
            fields["occupations"] = (f"{CANARY}-occupation",)
            fields["country"] = f"{CANARY}-country"
            fields["visibility"] = {
                "affiliations": secret,
                "occupations": secret,
                "country": secret,
            }
        if person.id == RISK_ID:
            fields["names"] = (*person.names, PersonName(RISK_NAME))
        changed.append(replace(person, **fields))
    hidden_source = Source(
        id="s-canary",
        title=f"Testimony {CANARY}-source",
        kind=SourceKind.TESTIMONY,
        publisher=f"{CANARY}-publisher",
        urls=(f"https://example.org/{CANARY}",),
        text=f"The witness said {CANARY}-quote about the cell.",
    ).with_hash()
    events = [
        Event(
            id=f"ev-canary-{p.id}",
            kind=EventKind.ILL_TREATMENT if n % 2 else EventKind.HUNGER_STRIKE,
            person_id=p.id,
            date=PartialDate(2015, 6, 1),
            detail=f"{CANARY}-event",
            facility=f"{CANARY}-facility",
            citations=(Citation("s-canary", f"{CANARY}-quote", 17, 31),),
            visibility=Visibility.INTERNAL if n % 2 else Visibility.RESTRICTED,
        )
        for n, p in enumerate(persons[:20])
    ]
    # Recognitions only staff may see: the public list must neither name the organisation
    # nor list someone whose recognition rests on them alone.
    events += [
        Event(
            id=f"ev-canary-rec-{p.id}",
            kind=EventKind.RECOGNITION,
            person_id=p.id,
            date=PartialDate(2013, 1, 1),
            organisation=f"{CANARY}-org",
            citations=(Citation("s-canary", f"{CANARY}-quote", 17, 31),),
            visibility=Visibility.INTERNAL,
        )
        for p in persons[20:40]
    ]
    # A testimony cited by a public event: the quote is public, the rest of its text is not.
    testimony = Source(
        id="s-testimony",
        title="Testimony of a relative (fictional)",
        kind=SourceKind.TESTIMONY,
        text=f"The family said he was beaten. They live at {CANARY}-address, call {CANARY}.",
    ).with_hash()
    events.append(
        Event(
            id="ev-testimony",
            kind=EventKind.ILL_TREATMENT,
            person_id=persons[1].id,
            date=PartialDate(2015, 7, 1),
            citations=(Citation("s-testimony", "The family said he was beaten.", 0, 30),),
        )
    )
    case = Case(
        id="c-canary",
        title=f"Sealed case {CANARY}-case",
        defendants=(persons[0].id,),
        charges=(Charge("999", f"{CANARY}-charge"),),
        court=f"{CANARY}-court",
        visibility=Visibility.RESTRICTED,
    )
    xss_source = Source(
        id="s-xss",
        title=f"Article {XSS}",
        kind=SourceKind.ARTICLE,
        publisher=XSS,
        urls=("javascript:alert(1)",),
        text=f"Intro. {XSS} was detained. End.",
    ).with_hash()
    xss_person = Person(
        id=XSS_ID,
        names=(PersonName(XSS), PersonName("Иван <i>Тест</i>", Script.CYRL, "ru")),
        occupations=(f"<svg onload=alert(1)>{XSS}",),
        biography=XSS,
    )
    cite = Citation("s-xss", XSS, 7, 7 + len(XSS))
    xss_events = [
        Event("ev-xss-1", EventKind.ARREST, XSS_ID, PartialDate(2015, 3, 1), citations=(cite,)),
        Event(
            "ev-xss-2",
            EventKind.RECOGNITION,
            XSS_ID,
            PartialDate(2015, 4, 1),
            organisation=f"Org {XSS}",
            citations=(cite,),
        ),
    ]
    xss_case = Case(
        id="c-xss",
        title=f"Case {XSS}",
        defendants=(XSS_ID,),
        charges=(Charge("274", XSS),),
        court=XSS,
    )
    registry.apply(
        ChangeSet(
            persons=[*changed, xss_person],
            sources=[hidden_source, testimony, xss_source],
            cases=[case, xss_case],
            events=[*events, *xss_events],
        ),
        actor="test",
        at=AT,
        reason="plant canaries",
    )
    risky = registry.get_person(RISK_ID)
    registry.apply(
        ChangeSet(persons=[replace(risky, risk=True)]), actor="test", at=AT, reason="risk"
    )


def build_site(db_url: str) -> None:
    """The demo registry, canaries, decrees, two published lists and three accounts."""
    registry = SqlRegistry(db_url)
    batches = build_demo(2015)
    for batch in batches:
        registry.apply(batch.changes, actor="demo", at=batch.at, reason=batch.reason)
        registry.add_positions(batch.positions, actor="demo", at=batch.at)
    demo_decrees(registry, actor="demo", at=batches[-1].at)
    plant_canaries(registry)
    for day, title in (("2015-12-28", "List of 28 December 2015"), ("2016-12-28", f"List {XSS}")):
        registry.publish(
            as_of=datetime.fromisoformat(day).date(),
            title=title,
            by=None,
            known_at=AT,
            actor="test",
            at=AT,
        )
    add_users(registry)


def build_review(db_url: str) -> None:
    """The fixture registry with the fictional decree imported (proposals pending)."""
    registry = SqlRegistry(db_url)
    files = [FIXTURE / "persons.csv", FIXTURE / "events.csv", FIXTURE / "correction.csv"]
    import_files(registry, files, actor="test", at=AT)
    import_decree(
        registry,
        FIXTURE / "decree-2015-12-28.txt",
        when=datetime(2015, 12, 28).date(),
        issuer="President (fictional)",
        kind=DecreeKind.PARDON,
        number="690",
        actor="test",
        at=AT,
    )
    add_users(registry)


def login(client: httpx.Client, name: str, password: str = PASSWORD) -> httpx.Response:
    """Sign in through the real form (fetches the CSRF token first)."""
    page = client.get("/login")
    token = csrf_of(page.text)
    return client.post(
        "/login", data={"name": name, "password": password, "csrf": token, "next": "/editor/review"}
    )


def csrf_of(html: str) -> str:
    """The CSRF token in a page's first form."""
    import re

    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field in the page"
    return found.group(1)

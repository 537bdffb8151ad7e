"""The native JSON Lines format: every record and every event version, losslessly.

Each line is one object with a `type`: source, person, case, event, publication or
audit (audit lines are exported for reference; a restore writes its own audit trail).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from habeas.domain.publication import ListMember, PublishedList
from habeas.domain.record import (
    case_from_dict,
    event_from_dict,
    person_from_dict,
    source_from_dict,
)
from habeas.exceptions import InputError
from habeas.storage.registry import ChangeSet

TYPES = ("source", "person", "case", "event", "publication", "audit")


def publication_to_dict(published: PublishedList) -> dict[str, Any]:
    """A published list as a plain dict."""
    return {
        "number": published.number,
        "title": published.title,
        "as_of": published.as_of.isoformat(),
        "known_at": published.known_at.isoformat(timespec="microseconds"),
        "by": published.by,
        "published_at": published.published_at.isoformat(timespec="microseconds"),
        "published_by": published.published_by,
        "content_hash": published.content_hash,
        "members": [
            {
                "person_id": m.person_id,
                "name": m.name,
                "since": m.since.isoformat(),
                "organisations": list(m.organisations),
            }
            for m in published.members
        ],
    }


def publication_from_dict(data: dict[str, Any]) -> PublishedList:
    """A published list from its plain dict."""
    return PublishedList(
        number=int(data["number"]),
        title=data["title"],
        as_of=date.fromisoformat(data["as_of"]),
        known_at=datetime.fromisoformat(data["known_at"]),
        by=data.get("by"),
        published_at=datetime.fromisoformat(data["published_at"]),
        published_by=data["published_by"],
        members=tuple(
            ListMember(
                m["person_id"], m["name"], date.fromisoformat(m["since"]), tuple(m["organisations"])
            )
            for m in data["members"]
        ),
        content_hash=data["content_hash"],
    )


def parse_native(lines: Iterator[str], label: str) -> tuple[ChangeSet, list[PublishedList]]:
    """A change set (exact versions) and the published lists from a native JSONL stream."""
    changes = ChangeSet(exact_versions=True)
    published: list[PublishedList] = []
    seen_any = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen_any = True
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"is not valid JSON ({exc.msg})", file=label, line=number) from None
        if not isinstance(data, dict) or data.get("type") not in TYPES:
            raise InputError(
                "needs an object with a type: " + ", ".join(TYPES), file=label, line=number
            )
        kind = data.pop("type")
        origin = f"{label}, line {number}"
        try:
            if kind == "source":
                source = source_from_dict(data)
                changes.sources.append(source)
                changes.origins[f"source:{source.id}"] = origin
            elif kind == "person":
                person = person_from_dict(data)
                changes.persons.append(person)
                changes.origins[f"person:{person.id}"] = origin
            elif kind == "case":
                case = case_from_dict(data)
                changes.cases.append(case)
                changes.origins[f"case:{case.id}"] = origin
            elif kind == "event":
                event = event_from_dict(data)
                changes.events.append(event)
                changes.origins[f"event:{event.id}"] = origin
            elif kind == "publication":
                published.append(publication_from_dict(data))
        except (KeyError, ValueError, TypeError) as exc:
            raise InputError(f"bad {kind} record ({exc})", file=label, line=number) from None
    if not seen_any:
        raise InputError("the file is empty", file=label)
    return changes, published

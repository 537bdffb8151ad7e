"""What the editor side's views show a viewer: history follows the latest visibility."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from factory import event, person

from habeas.domain.visibility import Visibility
from habeas.storage.registry import ChangeSet
from habeas.storage.sql import SqlRegistry
from habeas.web.view import file_view

AT = datetime(2026, 1, 1, 12, 0)


def test_an_event_restricted_later_hides_its_earlier_versions_from_viewers(
    sqlite_url: str,
) -> None:
    registry = SqlRegistry(sqlite_url)
    arrest = event("arrest", "2015-03-01", "h1", eid="h1-a", detail="SECRETDETAIL")
    other = event("charge", "2015-03-02", "h1", eid="h1-c", detail="Art. 274")
    first = ChangeSet(
        persons=[person("Tural Həsənov (fictional)", pid="h1")], events=[arrest, other]
    )
    registry.apply(first, actor="ana", at=AT, reason="")
    hidden = replace(arrest, visibility=Visibility.RESTRICTED)
    registry.apply(
        ChangeSet(events=[hidden]), actor="ana", at=datetime(2026, 2, 1), reason="danger"
    )
    view = file_view(registry, "h1", date(2026, 3, 1), Visibility.INTERNAL, history=True)
    assert [(e.id, e.version) for e in view.history] == [("h1-c", 1)]
    assert all("SECRETDETAIL" not in e.detail for e in view.history + view.events)
    full = file_view(registry, "h1", date(2026, 3, 1), Visibility.RESTRICTED, history=True)
    assert sorted((e.id, e.version) for e in full.history) == [
        ("h1-a", 1),
        ("h1-a", 2),
        ("h1-c", 1),
    ]

"""Who may see a field: the public, a group's own staff, or a named few."""

from __future__ import annotations

from enum import StrEnum


class Visibility(StrEnum):
    """Visibility of a field or record.

    `restricted` is the default for family contacts, health and lawyer's notes, since
    a leak of those can put families at risk; public pages show `public` fields only.
    """

    PUBLIC = "public"
    INTERNAL = "internal"
    RESTRICTED = "restricted"


_ORDER = {Visibility.PUBLIC: 0, Visibility.INTERNAL: 1, Visibility.RESTRICTED: 2}


def visible_to(field: Visibility, reader: Visibility) -> bool:
    """True when a reader cleared for `reader` may see a field marked `field`."""
    return _ORDER[field] <= _ORDER[reader]

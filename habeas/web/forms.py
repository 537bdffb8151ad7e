"""What the editor forms share: field types, choices and how errors are shown."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form

from habeas.domain.visibility import Visibility
from habeas.exceptions import InputError, InvalidRecord

Field = Annotated[str, Form(max_length=4000)]
VISIBILITIES = [v.value for v in Visibility]


def form_errors(exc: InvalidRecord) -> tuple[str, dict[str, str]]:
    """The message to show above a form, and the problem per field."""
    if isinstance(exc, InputError):
        column = exc.column or "form"
        return f"{column}: {exc.problem}", {column: exc.problem}
    return str(exc), dict(exc.errors)

"""The one error hierarchy of habeas; each class carries the HTTP status the web layer uses."""

from __future__ import annotations


class HabeasError(Exception):
    """Root of every error habeas reports to a user (message says what happened and what to do)."""

    status_code = 500


class NotFound(HabeasError):
    """A record asked for by id does not exist."""

    status_code = 404


class Conflict(HabeasError):
    """The change clashes with what is stored (duplicate id, concurrent edit)."""

    status_code = 409


class InvalidRecord(HabeasError):
    """Input that breaks a rule of the domain; `errors` maps field to problem."""

    status_code = 422

    def __init__(self, message: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.errors: dict[str, str] = dict(errors or {})


class InputError(InvalidRecord):
    """Bad input in a file: the message names the file, line, column and the problem."""

    def __init__(
        self,
        problem: str,
        *,
        file: str = "",
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        where = file
        if line is not None:
            where += f", line {line}"
        if column:
            where += f", column {column}"
        message = f"{where}: {problem}" if where else problem
        super().__init__(message, {column or "file": problem})
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem


class ConfigError(HabeasError):
    """A setting is missing or wrong, or an optional dependency is not installed."""

    status_code = 500


class IntegrityError(HabeasError):
    """Stored data fails a check (for example a broken audit hash chain)."""

    status_code = 500

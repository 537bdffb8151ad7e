"""The one error body of the API and the error responses routes declare."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """The one error body of every 4xx and 5xx answer."""

    detail: str = Field(examples=['No person with id "p-0042". Find ids with: habeas search NAME'])
    errors: dict[str, str] = Field(default_factory=dict, examples=[{"as_of": "not a date"}])


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Bad request"},
    404: {"model": ErrorOut, "description": "Not found"},
    422: {"model": ErrorOut, "description": "Invalid parameter"},
}
AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No or unknown bearer token"},
    403: {"model": ErrorOut, "description": "The token's user lacks the role"},
    409: {"model": ErrorOut, "description": "Already reviewed"},
    **ERRORS,
}

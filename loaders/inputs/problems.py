"""What a reader says instead of raising: a problem with one input, and where it is."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["InputProblem"]


class InputProblem(BaseModel):
    """Something wrong with one file, line or item; reading carries on after it.

    ``origin`` points at the place: ``path``, ``path:line 12``, ``path#item 3`` or
    ``path:byte 1024``.

    >>> str(InputProblem(origin="news.jsonl:line 3", message="not valid JSON"))
    'news.jsonl:line 3: not valid JSON'
    """

    model_config = ConfigDict(frozen=True)

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"

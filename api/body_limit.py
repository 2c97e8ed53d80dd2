"""Request bodies over the configured size answer 413 before they are read whole.

A declared ``Content-Length`` over the limit is refused at once, without reading
a byte; a body without one (chunked) is counted as it streams in and refused as
soon as it passes the limit. Both answers are problem documents, like every
other error of the API.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sinograph.api.problems import problem_response

__all__ = ["BodySizeLimit", "BodyTooLarge"]


class BodyTooLarge(StarletteHTTPException):
    """Raised from ``receive`` when a streamed body passes the limit (mapped to 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=f"the request body is over the limit of {limit:,} bytes")


class BodySizeLimit:
    """Pure ASGI middleware enforcing ``max_bytes`` on every HTTP request body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            response = problem_response(
                413,
                kind="input-too-large",
                detail=f"the request body ({declared:,} bytes) is over the limit of "
                f"{self.max_bytes:,} bytes",
                instance=scope.get("path"),
            )
            await response(scope, receive, send)
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted_receive, send)


def _content_length(scope: Scope) -> int | None:
    value = Headers(scope=scope).get("content-length")
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None

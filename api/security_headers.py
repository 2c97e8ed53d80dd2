"""Headers that keep the explorer's pages from running anything but their own files.

The explorer shows text and links taken from news stories. A strict
Content-Security-Policy means that even a link or name that slipped past the
checks cannot run script in the API's origin: only the page's own files load, no
inline script or style attribute in markup, no plugins, no framing. ``nosniff``
keeps browsers from guessing a script out of a JSON answer, and the referrer
policy keeps the API's address out of requests to the news sites a story links to.

The interactive API documentation (``/docs``, ``/redoc``) loads its scripts from
elsewhere, so the policy covers the explorer's routes only.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["EXPLORER_CSP", "SecurityHeaders", "covered"]

EXPLORER_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)

_HEADERS = {
    "Content-Security-Policy": EXPLORER_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def covered(path: str) -> bool:
    """Whether ``path`` is one of the explorer's: the page, its assets, its icon.

    >>> covered("/"), covered("/static/app.js"), covered("/docs")
    (True, True, False)
    """
    return path in ("/", "/favicon.ico") or path.startswith("/static/") or path == "/static"


class SecurityHeaders:
    """Pure ASGI middleware adding the headers above to the explorer's responses, and
    ``X-Content-Type-Options: nosniff`` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        explorer = covered(scope.get("path", ""))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if explorer:
                    for name, value in _HEADERS.items():
                        headers[name] = value
                else:
                    headers["X-Content-Type-Options"] = "nosniff"
            await send(message)

        await self.app(scope, receive, send_with_headers)

"""A small OpenAI-compatible chat server for the tests, on 127.0.0.1 (stdlib only).

It answers ``POST /v1/chat/completions`` from a script: a list of :class:`Reply`
per story, chosen by a marker the story's text contains, played in order (the last
one repeats). Every request is recorded, so tests can check what was sent (the
response format, the messages of a retry). Nothing leaves the loopback interface.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FakeModelServer", "Reply", "running_server"]


@dataclass
class Reply:
    """One scripted answer: a chat completion with ``content``, or an HTTP error."""

    content: str | None = None
    status: int = 200
    error: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    prompt_tokens: int = 120
    completion_tokens: int = 40
    finish_reason: str = "stop"

    @classmethod
    def json(cls, data: Any, **kwargs: Any) -> Reply:
        return cls(content=json.dumps(data), **kwargs)

    @classmethod
    def failure(cls, status: int, message: str, **kwargs: Any) -> Reply:
        return cls(status=status, error=message, **kwargs)


class FakeModelServer:
    """Scripted answers by story marker; ``requests`` holds every request body."""

    def __init__(self, model: str = "test-model", *, json_schema: bool = True) -> None:
        self.model = model
        self.json_schema = json_schema
        self.scripts: dict[str, list[Reply]] = {}
        self.requests: list[dict[str, Any]] = []
        self._played: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def script(self, marker: str, *replies: Reply) -> None:
        """Answer requests whose story contains ``marker`` with ``replies`` in order."""
        with self._lock:
            self.scripts[marker] = list(replies)
            self._played[marker] = 0

    def requests_for(self, marker: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if marker in _story_of(r)]

    def _next(self, body: dict[str, Any]) -> Reply:
        story = _story_of(body)
        with self._lock:
            self.requests.append(body)
            for marker, replies in self.scripts.items():
                if marker in story:
                    index = min(self._played[marker], len(replies) - 1)
                    self._played[marker] += 1
                    return replies[index]
        return Reply.failure(500, "no scripted answer for this story")

    def start(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send(404, {"error": {"message": f"no route {self.path}"}})
                    return
                if body.get("model") != owner.model:
                    self._send(404, {"error": {"message": f"model {body.get('model')!r} "
                                                          "not found"}})
                    return
                format_type = (body.get("response_format") or {}).get("type")
                if format_type == "json_schema" and not owner.json_schema:
                    with owner._lock:
                        owner.requests.append(body)
                    self._send(400, {"error": {"message": "response_format json_schema is "
                                                          "not supported"}})
                    return
                reply = owner._next(body)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.status != 200:
                    self._send(reply.status, {"error": {"message": reply.error}}, reply.headers)
                    return
                self._send(
                    200,
                    {
                        "id": "chatcmpl-test",
                        "object": "chat.completion",
                        "created": 0,
                        "model": owner.model,
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": reply.content},
                                "finish_reason": reply.finish_reason,
                            }
                        ],
                        "usage": {
                            "prompt_tokens": reply.prompt_tokens,
                            "completion_tokens": reply.completion_tokens,
                            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
                        },
                    },
                    reply.headers,
                )

            def _send(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def _story_of(body: dict[str, Any]) -> str:
    messages = body.get("messages") or []
    return "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "user")


@contextmanager
def running_server(model: str = "test-model", *, json_schema: bool = True) -> Iterator[
    FakeModelServer
]:
    server = FakeModelServer(model, json_schema=json_schema)
    server.start()
    try:
        yield server
    finally:
        server.stop()

"""The language model's answers, kept so a re-load costs nothing and gives the same graph.

One SQLite file (by default beside the embedded store: ``sinograph.llm-cache.sqlite``)
maps (model, prompt version, digest of the request) to the raw answer and the
tokens it cost. Only answers that could be read are stored; verification runs
again on every load, so a better verifier improves cached answers too. Several
threads and processes may read and write it at once (WAL, one short transaction
per call).

>>> import tempfile, os
>>> cache = ResponseCache(os.path.join(tempfile.mkdtemp(), "c.sqlite"))
>>> key = cache_key("qwen2.5:7b", "abc")
>>> cache.get(key) is None
True
>>> cache.put(key, model="qwen2.5:7b", content='{"facts": []}', prompt_tokens=10,
...           completion_tokens=3)
>>> cache.get(key).content
'{"facts": []}'
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.llm.prompt import PROMPT_VERSION

__all__ = ["CachedAnswer", "ResponseCache", "cache_key"]

_SCHEMA = """CREATE TABLE IF NOT EXISTS answer (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    content TEXT NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    created REAL NOT NULL
)"""


def cache_key(model: str, story_digest: str, prompt_version: str = PROMPT_VERSION) -> str:
    """The key of one model's answer to one request."""
    return hashlib.sha256(f"{model}\x00{prompt_version}\x00{story_digest}".encode()).hexdigest()


@dataclass(frozen=True)
class CachedAnswer:
    content: str
    prompt_tokens: int
    completion_tokens: int


class ResponseCache:
    """Answers by key in one SQLite file (created on first write)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)
        except sqlite3.Error as exc:
            raise InvalidInput(f"{self.path}: cannot open the model answer cache: {exc}") from None
        return conn

    def get(self, key: str) -> CachedAnswer | None:
        """The stored answer, or None."""
        if not self.path.exists():
            return None
        with closing(self._connect()) as conn:
            row = conn.execute(
                "SELECT content, prompt_tokens, completion_tokens FROM answer WHERE key = ?",
                (key,),
            ).fetchone()
        return CachedAnswer(row[0], row[1], row[2]) if row else None

    def put(
        self,
        key: str,
        *,
        model: str,
        content: str,
        prompt_tokens: int,
        completion_tokens: int,
    ) -> None:
        """Store an answer (replacing any under the same key)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO answer VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    model,
                    PROMPT_VERSION,
                    content,
                    prompt_tokens,
                    completion_tokens,
                    time.time(),
                ),
            )

    def __len__(self) -> int:
        if not self.path.exists():
            return 0
        with closing(self._connect()) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM answer").fetchone()[0])

"""One chat completion from an OpenAI-compatible server, with its failures typed.

The official ``openai`` client does the HTTP: it retries 408, 409, 429, 5xx,
timeouts and lost connections with exponential backoff and jitter (honouring
``Retry-After``), up to ``max_retries`` times. What is left after that is mapped
here onto sinograph's errors:

* cannot connect, a refused key (401/403), an unknown model or URL (404) →
  :class:`ModelUnavailable`: no story can be read, the load stops;
* a timeout, a rate limit or a server error that outlasted the retries, or any
  other refusal → :class:`ExtractionFailed`: this story is skipped.

A server that rejects ``response_format`` ``json_schema`` (400/422) is asked again
without it — the prompt spells the JSON out anyway — and, once that works, is not
sent the schema again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import openai

from sinograph.graph.model.errors import ExtractionFailed, ModelUnavailable
from sinograph.loaders.extractor import TokenUsage
from sinograph.loaders.llm.config import LlmConfig
from sinograph.loaders.llm.prompt import SCHEMA_NAME

__all__ = ["ChatClient", "ChatResult"]

# Sent when no key is configured: local servers ignore it, and the client needs one.
_NO_KEY = "no-key"


@dataclass(frozen=True)
class ChatResult:
    """The text of one answer and what it cost."""

    content: str
    usage: TokenUsage
    truncated: bool


class ChatClient:
    """Chat completions against ``config.base_url`` (thread-safe: one per extractor)."""

    def __init__(self, config: LlmConfig) -> None:
        self.config = config
        self._client = openai.OpenAI(
            base_url=config.base_url,
            api_key=config.api_key.get_secret_value() or _NO_KEY,
            timeout=config.timeout,
            max_retries=config.max_retries,
        )
        self._schema_supported = True
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> ChatResult:
        """One answer to ``messages``; ``schema`` goes as ``response_format`` where the
        server takes it. Raises ModelUnavailable or ExtractionFailed (see module doc)."""
        if self._schema_supported:
            response_format = {
                "type": "json_schema",
                "json_schema": {"name": SCHEMA_NAME, "schema": schema, "strict": False},
            }
            try:
                return self._call(messages, response_format)
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                first = exc
            try:
                result = self._call(messages, None)
            except (openai.BadRequestError, openai.UnprocessableEntityError):
                # Refused either way: the schema was not the reason.
                raise ExtractionFailed(self._refusal(first)) from None
            with self._lock:
                self._schema_supported = False
            return result
        try:
            return self._call(messages, None)
        except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
            raise ExtractionFailed(self._refusal(exc)) from None

    def _refusal(self, exc: openai.APIStatusError) -> str:
        return f"{self._where()} refused the request ({exc.status_code}): {_message(exc)}"

    def _where(self) -> str:
        return f"the model {self.config.model!r} at {self.config.base_url}"

    def _call(
        self, messages: list[dict[str, str]], response_format: dict[str, Any] | None
    ) -> ChatResult:
        kwargs: dict[str, Any] = {
            "model": self.config.model,
            "messages": messages,
            "max_tokens": self.config.max_tokens,
            "temperature": self.config.temperature,
        }
        if response_format is not None:
            kwargs["response_format"] = response_format
        tries = self.config.max_retries + 1
        try:
            response = self._client.chat.completions.create(**kwargs)
        except openai.APITimeoutError:
            raise ExtractionFailed(
                f"{self._where()} did not answer within {self.config.timeout:g} s ({tries} tries)",
                requests=tries,
            ) from None
        except openai.APIConnectionError as exc:
            raise ModelUnavailable(f"cannot reach {self.config.base_url}: {exc}") from None
        except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
            raise ModelUnavailable(
                f"{self.config.base_url} refused the key ({exc.status_code}); "
                "check SINOGRAPH_LLM_API_KEY"
            ) from None
        except openai.NotFoundError as exc:
            raise ModelUnavailable(
                f"{self._where()} was not found (404): {_message(exc)}; check "
                "SINOGRAPH_LLM_BASE_URL (it usually ends in /v1) and SINOGRAPH_LLM_MODEL"
            ) from None
        except openai.RateLimitError:
            raise ExtractionFailed(
                f"{self._where()} is rate-limiting (429) after {tries} tries", requests=tries
            ) from None
        except (openai.BadRequestError, openai.UnprocessableEntityError):
            raise
        except openai.APIStatusError as exc:
            raise ExtractionFailed(
                f"{self._where()} answered {exc.status_code} after {tries} tries: {_message(exc)}",
                requests=tries,
            ) from None
        except openai.APIError as exc:
            # An answer the client could not read (not JSON, no choices...).
            raise ExtractionFailed(f"{self._where()} sent an unreadable answer: {exc}") from None
        return _result(response)


def _message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        detail = body.get("message") or body.get("error") or body.get("detail")
        if isinstance(detail, dict):
            detail = detail.get("message")
        if isinstance(detail, str) and detail:
            return detail[:300]
    return str(exc.message)[:300]


def _result(response: Any) -> ChatResult:
    usage = getattr(response, "usage", None)
    prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
    completion = int(getattr(usage, "completion_tokens", 0) or 0)
    choices = getattr(response, "choices", None) or []
    if not choices:
        content, finish = "", None
    else:
        message = choices[0].message
        content = getattr(message, "content", None) or ""
        finish = getattr(choices[0], "finish_reason", None)
    return ChatResult(
        content=content,
        usage=TokenUsage(requests=1, prompt_tokens=prompt, completion_tokens=completion),
        truncated=finish == "length",
    )

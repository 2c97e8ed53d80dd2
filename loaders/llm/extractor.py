"""A language model behind the extractor interface: ask, read, verify.

For each story: the cached answer if there is one, else one request; an answer that
is not JSON is sent back once with the reason, and a second bad answer fails the
story (:class:`ExtractionFailed`, carrying the tokens spent in ``details["usage"]``).
What the answer proposes is then verified against the story
(:mod:`loaders.llm.verify`); only what survives is returned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sinograph.graph.model.errors import ExtractionFailed
from sinograph.loaders.extractor import Extraction, TokenUsage
from sinograph.loaders.llm.answer import MalformedAnswer, WireAnswer, parse_answer
from sinograph.loaders.llm.cache import ResponseCache, cache_key
from sinograph.loaders.llm.client import ChatClient
from sinograph.loaders.llm.config import LlmConfig
from sinograph.loaders.llm.prompt import answer_schema, build_request
from sinograph.loaders.llm.verify import verify_answer
from sinograph.loaders.story_input import StoryInput

if TYPE_CHECKING:
    from sinograph.loaders.extract import Registry

__all__ = ["LlmExtractor"]

# How much of a bad answer is sent back with the request to fix it.
_ECHO_CHARS = 4_000


class LlmExtractor:
    """Reads stories with the model ``config`` names; ``cache`` None asks every time."""

    def __init__(
        self,
        config: LlmConfig,
        *,
        registry: Registry | None = None,
        cache: ResponseCache | None = None,
    ) -> None:
        self.config = config
        self.name = config.label
        self.concurrency = config.max_concurrency
        self._registry = registry
        self._cache = cache
        self._client = ChatClient(config)

    def close(self) -> None:
        self._client.close()

    def extract(self, story: StoryInput) -> Extraction:
        answer, usage = self._answer(story)
        verified = verify_answer(answer, story, extractor=self.name, registry=self._registry)
        return Extraction(
            delta=verified.delta,
            verification=verified.verification,
            dropped=tuple(verified.dropped),
            usage=usage,
        )

    def _answer(self, story: StoryInput) -> tuple[WireAnswer, TokenUsage]:
        request = build_request(story)
        key = cache_key(self.config.model, request.story_digest)
        if self._cache is not None:
            hit = self._cache.get(key)
            if hit is not None:
                try:
                    return parse_answer(hit.content), TokenUsage(cached=1)
                except MalformedAnswer:
                    pass  # written by an older reader: ask again
        messages = list(request.messages)
        usage = TokenUsage()
        problem = ""
        for attempt in (1, 2):
            try:
                result = self._client.complete(messages, answer_schema())
            except ExtractionFailed as exc:
                exc.details["usage"] = usage
                raise
            usage = usage + result.usage
            try:
                if result.truncated:
                    raise MalformedAnswer(
                        f"the answer was cut at {self.config.max_tokens} tokens "
                        "(raise SINOGRAPH_LLM_MAX_TOKENS)"
                    )
                answer = parse_answer(result.content)
            except MalformedAnswer as exc:
                problem = str(exc)
                if attempt == 1 and not result.truncated:
                    messages = [
                        *request.messages,
                        {"role": "assistant", "content": result.content[:_ECHO_CHARS]},
                        {
                            "role": "user",
                            "content": f"That answer could not be read: {problem}. "
                            "Answer again with only the JSON object described above.",
                        },
                    ]
                    continue
                break
            if self._cache is not None:
                self._cache.put(
                    key,
                    model=self.config.model,
                    content=result.content,
                    prompt_tokens=result.usage.prompt_tokens,
                    completion_tokens=result.usage.completion_tokens,
                )
            return answer, usage
        raise ExtractionFailed(
            f"the model {self.config.model!r} gave no readable answer: {problem}", usage=usage
        )

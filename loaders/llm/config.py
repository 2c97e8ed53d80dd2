"""How to reach a language model: an OpenAI-compatible endpoint, a model, limits.

Built once at the edges from :class:`graph.wiring.settings.Settings` (or by hand in code and
tests); nothing in ``loaders.llm`` reads the environment.

>>> config = LlmConfig(base_url="http://127.0.0.1:11434/v1", model="qwen2.5:7b")
>>> config.label
'llm:qwen2.5:7b'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from sinograph.graph.model.errors import InvalidInput

if TYPE_CHECKING:
    from sinograph.graph.wiring.settings import Settings

__all__ = ["LlmConfig", "llm_config_from_settings"]


class LlmConfig(BaseModel):
    """One model on one OpenAI-compatible server (``/v1/chat/completions``)."""

    model_config = ConfigDict(frozen=True)

    base_url: str = Field(pattern=r"^https?://")
    model: str = Field(min_length=1, max_length=300)
    api_key: SecretStr = SecretStr("")
    timeout: float = Field(default=120.0, gt=0)
    max_concurrency: int = Field(default=2, ge=1, le=64)
    max_tokens: int = Field(default=4_096, ge=64)
    max_retries: int = Field(default=3, ge=0, le=10)
    temperature: float = Field(default=0.0, ge=0, le=2)

    @property
    def label(self) -> str:
        """How evidence names this model: ``llm:<model>``."""
        return f"llm:{self.model}"


def llm_config_from_settings(settings: Settings) -> LlmConfig:
    """The model the settings name; :class:`InvalidInput` when they name none."""
    if not settings.llm_base_url or not settings.llm_model:
        raise InvalidInput(
            "a language model needs SINOGRAPH_LLM_BASE_URL (e.g. http://127.0.0.1:11434/v1) "
            "and SINOGRAPH_LLM_MODEL (e.g. qwen2.5:7b)"
        )
    return LlmConfig(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key,
        timeout=settings.llm_timeout,
        max_concurrency=settings.llm_max_concurrency,
        max_tokens=settings.llm_max_tokens,
        max_retries=settings.llm_max_retries,
    )

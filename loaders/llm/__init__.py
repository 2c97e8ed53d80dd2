"""Extraction with a language model on any OpenAI-compatible server, every fact verified.

``client`` (one chat completion, retries and typed failures), ``prompt`` (instructions
and the ontology, from :mod:`graph.model.ontology`), ``answer`` (the wire contract and
tolerant reading), ``verify`` (the story decides what is kept), ``quotes`` (finding
quotes and names in the story), ``cache`` (answers by model, prompt version and
story), ``extractor`` (:class:`LlmExtractor`) and ``hybrid`` (rules and model together).
"""

from __future__ import annotations

from sinograph.loaders.llm.cache import ResponseCache
from sinograph.loaders.llm.config import LlmConfig, llm_config_from_settings
from sinograph.loaders.llm.extractor import LlmExtractor
from sinograph.loaders.llm.hybrid import HybridExtractor

__all__ = [
    "HybridExtractor",
    "LlmConfig",
    "LlmExtractor",
    "ResponseCache",
    "llm_config_from_settings",
]

"""Dependencies shared by the routers, as ``Annotated`` aliases.

>>> from fastapi import APIRouter
>>> router = APIRouter()
>>> @router.get("/count")
... def count(store: StoreDep) -> int:
...     return store.stats().entities
"""

from __future__ import annotations

import hmac
import threading
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from sinograph.api.store_provider import StoreProvider
from sinograph.graph.model.errors import GraphError, StoreUnavailable, Unauthorized
from sinograph.graph.stores.protocol import GraphStore
from sinograph.graph.wiring.settings import Settings

if TYPE_CHECKING:
    from sinograph.loaders.extract import Registry
    from sinograph.loaders.extractor import Extractor

__all__ = [
    "API_KEY_HEADER",
    "close_extractors",
    "get_extractor",
    "ApiKeyDep",
    "SettingsDep",
    "StoreDep",
    "get_app_settings",
    "get_registry",
    "get_store",
    "require_api_key",
]

API_KEY_HEADER = "X-API-Key"

_api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="Required by write routes when the server has `SINOGRAPH_API_KEY` set.",
)


def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> GraphStore:
    """The app's store; ``StoreUnavailable`` (HTTP 503) when it cannot be opened."""
    provider: StoreProvider | None = getattr(request.app.state, "store_provider", None)
    if provider is None:
        # Only when the app runs without its lifespan (e.g. a TestClient outside `with`).
        raise StoreUnavailable("the app was started without its lifespan; no store is open")
    return provider.get()


_registry_lock = threading.Lock()


def get_registry(request: Request) -> Registry:
    """The entity registry the extractor resolves names with, loaded once per app.

    A registry file that cannot be read is the server's misconfiguration, not the
    client's mistake: it fails as an internal error (logged, generic 500).
    """
    state = request.app.state
    registry: Registry | None = getattr(state, "registry", None)
    if registry is not None:
        return registry
    from sinograph.loaders.extract import Registry

    settings = get_app_settings(request)
    with _registry_lock:
        registry = getattr(state, "registry", None)
        if registry is None:
            try:
                registry = Registry.load(settings.registry_file)
            except GraphError as exc:
                raise RuntimeError(f"the entity registry cannot be loaded: {exc}") from exc
            state.registry = registry
    return registry


_extractor_lock = threading.Lock()


def get_extractor(request: Request, kind: str | None) -> Extractor:
    """The app's extractor of ``kind`` (``rules``, ``llm``, ``hybrid``; None: the
    configured one), built once per app so a model's connections and response cache
    are shared by every request. ``InvalidInput`` (400) when a model is asked for and
    the server has none configured."""
    from sinograph.loaders.extractor import build_extractor
    from sinograph.loaders.llm import llm_config_from_settings

    settings = get_app_settings(request)
    kind = kind or settings.extractor
    state = request.app.state
    with _extractor_lock:
        built: dict[str, Extractor] = getattr(state, "extractors", None) or {}
        state.extractors = built
        extractor = built.get(kind)
        if extractor is None:
            llm = llm_config_from_settings(settings) if kind in ("llm", "hybrid") else None
            extractor = build_extractor(
                kind,
                registry=get_registry(request),
                llm=llm,
                cache_path=settings.llm_cache_path,
                pipeline=settings.spacy_pipeline,
                min_confidence=settings.min_confidence,
            )
            built[kind] = extractor
    return extractor


def close_extractors(app: object) -> None:
    """Release the model clients the app built (at shutdown)."""
    from sinograph.loaders.extractor import close_extractor

    state = getattr(app, "state", None)
    for extractor in (getattr(state, "extractors", None) or {}).values():
        close_extractor(extractor)


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
ApiKeyDep = Annotated[str | None, Depends(_api_key_header)]


def require_api_key(settings: SettingsDep, provided: ApiKeyDep) -> None:
    """Let a write through when no key is configured or the right one is given.

    The comparison takes the same time whatever the key, so it leaks nothing.
    """
    expected = settings.api_key
    if expected is None:
        return
    if provided is None:
        raise Unauthorized(f"this route needs the {API_KEY_HEADER} header")
    if not hmac.compare_digest(
        provided.encode("utf-8"), expected.get_secret_value().encode("utf-8")
    ):
        raise Unauthorized(f"the {API_KEY_HEADER} header does not hold the right key")

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

from api.store_provider import StoreProvider
from graph.errors import GraphError, StoreUnavailable, Unauthorized
from graph.settings import Settings
from graph.store import GraphStore

if TYPE_CHECKING:
    from loaders.extract import Registry

__all__ = [
    "API_KEY_HEADER",
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
    from loaders.extract import Registry

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

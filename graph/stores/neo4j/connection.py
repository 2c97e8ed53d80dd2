"""Creating the process's one Neo4j driver, and turning driver failures into domain errors.

Every failure to reach or use the server becomes :class:`StoreUnavailable`
(CLI exit 3, HTTP 503) with a message that names the server — never the
password — and says what to check. Connection and query time limits are
settings, so an unreachable server fails fast instead of hanging.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import neo4j
from neo4j import exceptions as neo4j_errors

from sinograph.graph.model.errors import StoreUnavailable
from sinograph.graph.wiring.settings import NEO4J_SCHEMES, Settings

__all__ = ["connect_neo4j", "open_driver", "redact_uri", "translate_errors"]


def redact_uri(uri: str) -> str:
    """The URI without any user or password it carries, for messages and logs.

    >>> redact_uri("neo4j://neo4j:secret@db.example:7687")
    'neo4j://db.example:7687'
    """
    parts = urlsplit(uri)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


@contextmanager
def translate_errors(uri: str, *, database: str | None = None,
                     timeout: float | None = None) -> Iterator[None]:
    """Map driver exceptions raised inside the block to :class:`StoreUnavailable`.

    Errors in sinograph's own statements (syntax, types) are bugs and pass through.
    """
    where = redact_uri(uri)
    try:
        yield
    except neo4j_errors.AuthError as exc:
        raise StoreUnavailable(
            f"Neo4j at {where} refused the credentials: {_text(exc, uri)}; "
            "check SINOGRAPH_NEO4J_USER and SINOGRAPH_NEO4J_PASSWORD",
            uri=where,
        ) from exc
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
        raise StoreUnavailable(
            f"cannot reach Neo4j at {where}: {_text(exc, uri)}; is the server running?",
            uri=where,
        ) from exc
    except neo4j_errors.TransientError as exc:
        raise StoreUnavailable(
            f"Neo4j at {where} stayed busy after retries: {_text(exc, uri)}", uri=where
        ) from exc
    except neo4j_errors.ClientError as exc:
        code = exc.code or ""
        if "TransactionTimedOut" in code:
            raise StoreUnavailable(
                f"a query to Neo4j at {where} ran past the {timeout} s limit "
                "(SINOGRAPH_NEO4J_QUERY_TIMEOUT)",
                uri=where,
            ) from exc
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            raise StoreUnavailable(
                f"Neo4j at {where} has no database {database!r}; "
                "check SINOGRAPH_NEO4J_DATABASE",
                uri=where,
            ) from exc
        if code.startswith("Neo.ClientError.Security."):
            raise StoreUnavailable(
                f"Neo4j at {where} refused the request: {_text(exc, uri)}", uri=where
            ) from exc
        raise
    except neo4j_errors.DatabaseError as exc:
        raise StoreUnavailable(
            f"Neo4j at {where} failed: {_text(exc, uri)}", uri=where
        ) from exc
    except neo4j_errors.DriverError as exc:
        raise StoreUnavailable(f"Neo4j at {where}: {_text(exc, uri)}", uri=where) from exc


def _text(exc: BaseException, uri: str) -> str:
    # The driver's messages may quote the URI as given; show it redacted.
    raw = getattr(exc, "message", None) or str(exc)
    text = str(raw).strip().replace(uri, redact_uri(uri))
    return text.splitlines()[0] if text else type(exc).__name__


def open_driver(
    uri: str,
    *,
    user: str,
    password: str,
    database: str,
    connect_timeout: float,
    query_timeout: float,
) -> neo4j.Driver:
    """Create a driver, check that the server answers and accepts the credentials.

    Raises :class:`StoreUnavailable` within about ``2 * connect_timeout`` seconds
    when it does not; the driver is closed in that case.
    """
    if not uri.startswith(NEO4J_SCHEMES):
        raise StoreUnavailable(
            f"{redact_uri(uri)} is not a Neo4j URI; expected one of {', '.join(NEO4J_SCHEMES)}"
        )
    if "@" in urlsplit(uri).netloc:
        raise StoreUnavailable(
            f"{redact_uri(uri)}: put the user and password in SINOGRAPH_NEO4J_USER and "
            "SINOGRAPH_NEO4J_PASSWORD (or --user/--password), not in the URI"
        )
    with translate_errors(uri, database=database, timeout=query_timeout):
        driver = neo4j.GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=connect_timeout,
            # Acquiring a connection includes the Bolt handshake: a port that accepts
            # but never answers must not hold the caller longer than this.
            connection_acquisition_timeout=2 * connect_timeout,
            max_transaction_retry_time=query_timeout,
            user_agent="sinograph",
            # The server's notes ("label does not exist" on a fresh database, say) would
            # reach users as log warnings; the Cypher lint checks the statements instead.
            notifications_min_severity="OFF",
        )
    try:
        with translate_errors(uri, database=database, timeout=query_timeout):
            driver.verify_connectivity()
    except BaseException:
        driver.close()
        raise
    return driver


def connect_neo4j(settings: Settings) -> neo4j.Driver:
    """The process's driver for the server ``settings.store`` names (see :func:`open_driver`)."""
    return open_driver(
        settings.store,
        user=settings.neo4j_user,
        password=settings.neo4j_password.get_secret_value(),
        database=settings.neo4j_database,
        connect_timeout=settings.neo4j_connect_timeout,
        query_timeout=settings.neo4j_query_timeout,
    )

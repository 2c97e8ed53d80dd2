"""Running the named statements of ``cypher/``: read and write transactions, schema commands.

Every query method of the store runs inside one ``session.execute_read`` — a
managed read transaction the driver retries whole on transient errors — and
writes run inside ``session.execute_write`` the same way, with rows sent as
``UNWIND $rows`` batches.

Consistent reads. Neo4j isolates transactions at *read committed*: the
statements of one read transaction may each see a different commit, and a
commit becomes visible piece by piece while it is applied. So one transaction
is not enough for a query that reads in several statements. Each write is
announced before its transaction starts and withdrawn after it has committed
(``write_begin`` / ``write_end``, each its own small transaction, each moving a
write epoch); a read checks the announcements and the epoch first and last
(``read_guard``). A read that began with no write in progress and ended at the
same epoch cannot have overlapped any write's commit; otherwise it is re-run,
and if a write is in progress (or the graph keeps changing) it runs in a write
transaction holding the writers' lock instead, so it waits for the write and
reads a settled graph. Schema and maintenance commands go through
``driver.execute_query`` with routing control. Every call checks that the
parameters given are exactly the ones the file declares. Records come back as
plain dicts built from ``Result.values()`` (no per-record hydration helpers).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import neo4j

from sinograph.cypher import CypherStatement, statement
from sinograph.graph.model.errors import GraphError
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.stores.neo4j.connection import translate_errors

__all__ = ["CypherRunner", "TransactionRunner", "bound_statement"]

T = TypeVar("T")
Record = dict[str, Any]

# Lock-free attempts of a read before it takes the writers' lock.
_OPTIMISTIC_ATTEMPTS = 3
# An announced write older than this many query time limits is a writer that died.
_LEASE_FACTOR = 4
_CHANGED = object()


def bound_statement(
    name: str,
    params: Mapping[str, Any],
    *,
    entity_type: EntityType | None = None,
    predicate: Predicate | None = None,
    groups: int | None = None,
) -> str:
    """The text of statement ``name``, after checking ``params`` against its declaration.

    Raises ``ValueError`` when a parameter is missing or unexpected: a bug, not bad input.
    """
    stmt: CypherStatement = statement(name)
    given = set(params)
    if given != stmt.params:
        raise ValueError(
            f"statement {name} declares {sorted(stmt.params)}, was given {sorted(given)}"
        )
    return stmt.render(entity_type=entity_type, predicate=predicate, groups=groups)


def _records(result: neo4j.Result) -> list[Record]:
    keys = result.keys()
    return [dict(zip(keys, values, strict=True)) for values in result.values()]


class TransactionRunner:
    """Runs statements inside one managed transaction (read or write)."""

    def __init__(self, tx: neo4j.ManagedTransaction, batch_size: int) -> None:
        self._tx = tx
        self._batch_size = batch_size

    @property
    def batch_size(self) -> int:
        return self._batch_size

    def run(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        entity_type: EntityType | None = None,
        predicate: Predicate | None = None,
        groups: int | None = None,
    ) -> list[Record]:
        params = dict(params or {})
        text = bound_statement(
            name, params, entity_type=entity_type, predicate=predicate, groups=groups
        )
        return _records(self._tx.run(text, params))

    def run_batches(
        self,
        name: str,
        rows: Sequence[Mapping[str, Any]],
        *,
        entity_type: EntityType | None = None,
        predicate: Predicate | None = None,
    ) -> None:
        """``UNWIND $rows`` statement ``name`` over ``rows`` in batches of the configured size.

        The statements are sent without waiting for their (empty) results: the
        driver pipelines them, so the server runs one batch while Python builds
        the next; the transaction's commit waits for all of them, and an error in
        any fails the transaction.
        """
        size = self._batch_size
        for start in range(0, len(rows), size):
            params = {"rows": list(rows[start : start + size])}
            text = bound_statement(name, params, entity_type=entity_type, predicate=predicate)
            self._tx.run(text, params)

    def read_in_batches(self, name: str, key: str, values: Sequence[Any]) -> list[Record]:
        """Run a lookup statement whose single parameter ``key`` is a list, in batches."""
        out: list[Record] = []
        size = self._batch_size
        for start in range(0, len(values), size):
            out.extend(self.run(name, {key: list(values[start : start + size])}))
        return out


class CypherRunner:
    """Executes sinograph's statements against one database of one driver."""

    def __init__(
        self,
        driver: neo4j.Driver,
        *,
        uri: str,
        database: str,
        query_timeout: float,
        batch_size: int,
    ) -> None:
        self.driver = driver
        self.uri = uri
        self.database = database
        self.query_timeout = query_timeout
        self.batch_size = batch_size

    def _errors(self) -> Any:
        return translate_errors(self.uri, database=self.database, timeout=self.query_timeout)

    @property
    def _lease(self) -> int:
        return max(60, int(self.query_timeout * _LEASE_FACTOR))

    def read_transaction(self, work: Callable[[TransactionRunner], T]) -> T:
        """Run ``work`` so that it sees the graph between two writes, never during one.

        First in read transactions checked by ``read_guard`` (no lock, no write);
        after a write overlapped, at most :data:`_OPTIMISTIC_ATTEMPTS` times, or at
        once when a write is in progress, in a write transaction holding the
        writers' lock. ``work`` must be repeatable. A domain error it raises (no
        such entity, no path) counts only when the read was consistent too.
        """
        batch_size = self.batch_size
        lease = {"lease": self._lease}

        @neo4j.unit_of_work(timeout=self.query_timeout)
        def optimistic(tx: neo4j.ManagedTransaction) -> Any:
            runner = TransactionRunner(tx, batch_size)
            before = runner.run("read_guard", lease)[0]
            if before["writing"]:
                return _CHANGED
            try:
                outcome: Any = work(runner)
            except GraphError as exc:
                outcome = exc
            if runner.run("read_guard", lease)[0] != before:
                return _CHANGED
            return outcome

        @neo4j.unit_of_work(timeout=self.query_timeout)
        def locked(tx: neo4j.ManagedTransaction) -> T:
            runner = TransactionRunner(tx, batch_size)
            runner.run("write_lock")
            return work(runner)

        with self._errors(), self.driver.session(database=self.database) as session:
            for _attempt in range(_OPTIMISTIC_ATTEMPTS):
                outcome = session.execute_read(optimistic)
                if isinstance(outcome, GraphError):
                    raise outcome
                if outcome is not _CHANGED:
                    result: T = outcome
                    return result
                if _attempt == 0 and session.execute_read(
                    lambda tx: TransactionRunner(tx, batch_size).run("read_guard", lease)
                )[0]["writing"]:
                    break  # a write is under way: wait for it on its lock
            return session.execute_write(locked)

    def statement_text(self, name: str, *, predicate: Predicate | None = None) -> str:
        """The rendered text of statement ``name`` (to read a schema statement's index name)."""
        return statement(name).render(predicate=predicate)

    def command(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        predicate: Predicate | None = None,
    ) -> list[Record]:
        """A schema or maintenance statement, run on the writer in its own transaction."""
        params = dict(params or {})
        text = bound_statement(name, params, predicate=predicate)
        with self._errors():
            records, _summary, keys = self.driver.execute_query(
                neo4j.Query(text, timeout=self.query_timeout),
                params,
                routing_=neo4j.RoutingControl.WRITE,
                database_=self.database,
            )
        return [dict(zip(keys, record.values(), strict=True)) for record in records]

    def write(self, work: Callable[[TransactionRunner], T]) -> T:
        """Run ``work`` in one managed write transaction (retried whole on transient errors),
        announced to readers before it starts and withdrawn after it ends (see above).

        ``work`` must be repeatable: it reads what it needs inside the transaction.
        """
        batch_size = self.batch_size
        token = {"token": secrets.token_hex(12)}

        @neo4j.unit_of_work(timeout=self.query_timeout)
        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(TransactionRunner(tx, batch_size))

        with self._errors(), self.driver.session(database=self.database) as session:
            session.execute_write(lambda tx: TransactionRunner(tx, batch_size).run(
                "write_begin", token))
            try:
                return session.execute_write(unit)
            finally:
                session.execute_write(lambda tx: TransactionRunner(tx, batch_size).run(
                    "write_end", token))

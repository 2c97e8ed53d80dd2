"""Running the named statements of ``cypher/``: single reads, batched writes, schema commands.

Reads go through ``driver.execute_query(..., routing_=READ)``; writes run inside
``session.execute_write`` — a managed transaction the driver retries on
transient errors — with rows sent as ``UNWIND $rows`` batches. Every call
checks that the parameters given are exactly the ones the file declares.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import neo4j

from cypher import CypherStatement, statement
from graph.neo4j_store.connection import translate_errors
from graph.ontology import EntityType, Predicate

__all__ = ["CypherRunner", "TransactionRunner", "bound_statement"]

T = TypeVar("T")
Record = dict[str, Any]


def bound_statement(
    name: str,
    params: Mapping[str, Any],
    *,
    entity_type: EntityType | None = None,
    predicate: Predicate | None = None,
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
    return stmt.render(entity_type=entity_type, predicate=predicate)


class TransactionRunner:
    """Runs statements inside one managed write transaction."""

    def __init__(self, tx: neo4j.ManagedTransaction, batch_size: int) -> None:
        self._tx = tx
        self._batch_size = batch_size

    def run(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        entity_type: EntityType | None = None,
        predicate: Predicate | None = None,
    ) -> list[Record]:
        params = dict(params or {})
        text = bound_statement(name, params, entity_type=entity_type, predicate=predicate)
        return [record.data() for record in self._tx.run(text, params)]

    def run_batches(
        self,
        name: str,
        rows: Sequence[Mapping[str, Any]],
        *,
        entity_type: EntityType | None = None,
        predicate: Predicate | None = None,
    ) -> None:
        """``UNWIND $rows`` statement ``name`` over ``rows`` in batches of the configured size."""
        size = self._batch_size
        for start in range(0, len(rows), size):
            chunk = [dict(r) for r in rows[start : start + size]]
            self.run(name, {"rows": chunk}, entity_type=entity_type, predicate=predicate)

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

    def read(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        entity_type: EntityType | None = None,
        predicate: Predicate | None = None,
    ) -> list[Record]:
        """One read statement, routed to a reader, within the query time limit."""
        params = dict(params or {})
        text = bound_statement(name, params, entity_type=entity_type, predicate=predicate)
        with self._errors():
            records, _summary, _keys = self.driver.execute_query(
                neo4j.Query(text, timeout=self.query_timeout),
                params,
                routing_=neo4j.RoutingControl.READ,
                database_=self.database,
            )
        return [record.data() for record in records]

    def read_in_batches(self, name: str, key: str, values: Sequence[Any]) -> list[Record]:
        """A lookup by a list parameter ``key``, split into batches of the configured size."""
        out: list[Record] = []
        for start in range(0, len(values), self.batch_size):
            out.extend(self.read(name, {key: list(values[start : start + self.batch_size])}))
        return out

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
            records, _summary, _keys = self.driver.execute_query(
                neo4j.Query(text, timeout=self.query_timeout),
                params,
                routing_=neo4j.RoutingControl.WRITE,
                database_=self.database,
            )
        return [record.data() for record in records]

    def write(self, work: Callable[[TransactionRunner], T]) -> T:
        """Run ``work`` in one managed write transaction (retried whole on transient errors).

        ``work`` must be repeatable: it reads what it needs inside the transaction.
        """
        batch_size = self.batch_size

        @neo4j.unit_of_work(timeout=self.query_timeout)
        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(TransactionRunner(tx, batch_size))

        with self._errors(), self.driver.session(database=self.database) as session:
            return session.execute_write(unit)

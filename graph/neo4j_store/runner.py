"""Running the named statements of ``cypher/``: read and write transactions, schema commands.

Every query method of the store runs inside one ``session.execute_read`` — a
managed read transaction, so all its statements see one snapshot and the
driver retries the whole of it on transient errors; writes run inside
``session.execute_write`` the same way, with rows sent as ``UNWIND $rows``
batches. Schema and maintenance commands go through
``driver.execute_query`` with routing control. Every call checks that the
parameters given are exactly the ones the file declares. Records come back as
plain dicts built from ``Result.values()`` (no per-record hydration helpers).
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

    def read_transaction(self, work: Callable[[TransactionRunner], T]) -> T:
        """Run ``work`` in one managed read transaction: every statement sees one snapshot.

        ``work`` must be repeatable: the driver retries it whole on transient errors.
        """
        batch_size = self.batch_size

        @neo4j.unit_of_work(timeout=self.query_timeout)
        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(TransactionRunner(tx, batch_size))

        with self._errors(), self.driver.session(database=self.database) as session:
            return session.execute_read(unit)

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
        """Run ``work`` in one managed write transaction (retried whole on transient errors).

        ``work`` must be repeatable: it reads what it needs inside the transaction.
        """
        batch_size = self.batch_size

        @neo4j.unit_of_work(timeout=self.query_timeout)
        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(TransactionRunner(tx, batch_size))

        with self._errors(), self.driver.session(database=self.database) as session:
            return session.execute_write(unit)

"""The graph schema the Cypher lint checks names against: labels, types, property keys.

``python -m sinograph.graph.stores.neo4j.lint_schema`` prints it as JSON; the copy kept in
``tools/cypher-lint/graph-schema.json`` is compared with it by a unit test, so
the lint always knows exactly the names the store writes.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from sinograph.cypher import (
    ALL_PREDICATES_PLACEHOLDER,
    ENTITY_TYPE_PLACEHOLDER,
    PREDICATE_PLACEHOLDER,
)
from sinograph.graph.model.curation import CurationAction, Curator, new_record
from sinograph.graph.model.domain import Amount, Entity, Evidence, Fact, Metric, Story
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.stores.neo4j.rows import (
    alias_rows,
    curation_row,
    entity_row,
    evidence_rows,
    fact_row,
    former_key_rows,
    metric_row,
    redirect_row,
    rejected_row,
    rekey_rows,
    story_row,
)

__all__ = ["FIXED_LABELS", "FIXED_TYPES", "lint_schema"]

FIXED_LABELS = ("Entity", "Alias", "Story", "Metric", "SinographMeta", "SinographScratch",
                "SinographWrite", "Redirect", "CurationRecord")
FIXED_TYPES = ("EVIDENCE", "ABOUT", "ALIAS_OF")
# Written by write_lock, write_begin and scratch_mark, which have no row builder.
_META_KEYS = ("id", "revision", "purpose", "created", "epoch", "started")
# Fields of the lookup maps the store passes (facts_by_triples) and of EVIDENCE links.
_LOOKUP_KEYS = ("subject", "predicate", "object", "key", "sentence")


def _property_keys() -> list[str]:
    entity = Entity(name="A", type=EntityType.COMPANY, name_zh="甲", country="CN",
                    description="d", attributes={"x": 1})
    story = Story(id="story:x", title="t", publisher="p", published="2025", url="https://example.com/u",
                  text_hash="h")
    evidence = (Evidence(story_id=story.id, sentence="s"),)
    fact = Fact(subject=entity.id, predicate=Predicate.OWNS, object=entity.id, date="2025",
                amount=Amount(value=1.0, currency="USD"), stake_pct=1.0, evidence=evidence)
    metric = Metric(subject=entity.id, name="m", value=1.0, evidence=evidence)
    keys: set[str] = {*_META_KEYS, *_LOOKUP_KEYS}
    rows = [entity_row(entity), story_row(story), fact_row(fact), metric_row(metric)]
    for row in rows:
        keys.update(row["props"])
    rows += alias_rows(entity) + evidence_rows(fact.key, entity.id, evidence)
    rows += rekey_rows([(fact.key, fact.key)]) + former_key_rows({fact.key: [fact.key]})
    record = new_record(CurationAction.REJECT_FACT, Curator(actor="a", reason="r"), fact=fact.key)
    rows += [rejected_row(fact, True), redirect_row(entity.id, entity.id), curation_row(record, 1)]
    for row in rows:
        # The linter cannot tell a row map from a node, so row fields count as keys too.
        keys.update(row)
    return sorted(keys)


def lint_schema() -> dict[str, Any]:
    """Labels, relationship types and property keys of sinograph's Neo4j model."""
    return {
        "labels": sorted({*FIXED_LABELS, *(t.value for t in EntityType), ENTITY_TYPE_PLACEHOLDER}),
        "relationshipTypes": sorted(
            {*FIXED_TYPES, *(p.value for p in Predicate), PREDICATE_PLACEHOLDER,
             ALL_PREDICATES_PLACEHOLDER}
        ),
        "propertyKeys": _property_keys(),
    }


def main() -> None:
    json.dump(lint_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

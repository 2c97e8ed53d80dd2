"""API request and response models where they differ from :mod:`graph.model.results`.

Routes return ``graph.model.results`` models as they are wherever those fit; this
module holds only what is particular to HTTP: the story body, the health
report and the Cytoscape.js form of a subgraph.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sinograph.graph.model.dates import PartialDate
from sinograph.graph.model.domain import Entity, check_story_url
from sinograph.graph.model.ontology import EntityType
from sinograph.graph.model.results import FactView, Subgraph
from sinograph.loaders.story_input import MAX_STORY_CHARS, StoryInput

__all__ = [
    "CytoscapeEdge",
    "CytoscapeEdgeData",
    "CytoscapeElements",
    "CytoscapeGraph",
    "CytoscapeNode",
    "CytoscapeNodeData",
    "HealthOut",
    "StoryIn",
    "cytoscape_graph",
]



class StoryIn(BaseModel):
    """A news story sent as JSON to ``POST /stories``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Zijin Mining Group said on Monday it had agreed to buy the "
                    "Raygorodok gold mine in Kazakhstan for $1.2 billion.",
                    "title": "Zijin buys a Kazakh gold mine",
                    "published": "2025-06-30",
                    "publisher": "Example Wire",
                    "url": "https://news.example.com/zijin-kazakh-mine",
                }
            ]
        },
    )

    text: str = Field(min_length=1, max_length=MAX_STORY_CHARS)
    title: str | None = Field(default=None, max_length=2_000)
    published: PartialDate | None = Field(
        default=None, description="publication date: YYYY, YYYY-MM or YYYY-MM-DD"
    )
    publisher: str | None = Field(default=None, max_length=2_000)
    url: str | None = Field(
        default=None, max_length=8_000, description="the story's http or https address"
    )
    extractor: Literal["rules", "llm", "hybrid"] | None = Field(
        default=None,
        description="rules (offline), llm (the server's language model, every fact verified "
        "against the story) or hybrid (both); default: the server's SINOGRAPH_EXTRACTOR",
    )

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        check_story_url(value)
        return value

    def to_story_input(self, origin: str = "<request body>") -> StoryInput:
        return StoryInput(
            text=self.text,
            title=self.title,
            published=self.published,
            publisher=self.publisher,
            url=self.url,
            origin=origin,
        )


class HealthOut(BaseModel):
    """The store answers (a cheap probe; counts are at ``/stats``)."""

    status: Literal["ok"] = "ok"
    store: Literal["embedded", "neo4j"]
    writes: Literal["open", "protected"] = Field(
        description="`protected` when write routes need the API key"
    )
    schema_version: int | None = Field(
        default=None, description="the embedded store's schema version (None for Neo4j)"
    )
    read_only: bool = Field(
        default=False, description="the store's files cannot be written: writes answer 503"
    )


class CytoscapeNodeData(BaseModel):
    id: str
    label: str = Field(description="the canonical name, for display")
    type: EntityType
    aliases: list[str]
    name_zh: str | None = None
    country: str | None = None
    tickers: list[str] = Field(default_factory=list)
    identifiers: dict[str, str] = Field(default_factory=dict)
    description: str | None = None


class CytoscapeNode(BaseModel):
    group: Literal["nodes"] = "nodes"
    data: CytoscapeNodeData
    classes: str = Field(description="the entity type, for styling by class")


class CytoscapeEdgeData(FactView):
    """A fact with the fields Cytoscape.js reads (``id``, ``source``, ``target``)."""

    id: str = Field(description="the fact key")
    source: str = Field(description="the subject's entity id")
    target: str = Field(description="the object's entity id")
    label: str = Field(description="the predicate, for display")


class CytoscapeEdge(BaseModel):
    group: Literal["edges"] = "edges"
    data: CytoscapeEdgeData
    classes: str = Field(description="the predicate, for styling by class")


class CytoscapeElements(BaseModel):
    nodes: list[CytoscapeNode]
    edges: list[CytoscapeEdge]


class CytoscapeGraph(BaseModel):
    """``elements`` is what ``cytoscape({elements})`` or ``cy.add()`` takes as it is."""

    elements: CytoscapeElements
    truncated: bool = Field(
        default=False, description="whether the neighbourhood was cut at its entity limit"
    )


def _node(entity: Entity) -> CytoscapeNode:
    return CytoscapeNode(
        data=CytoscapeNodeData(
            id=entity.id,
            label=entity.name,
            type=entity.type,
            aliases=list(entity.aliases),
            name_zh=entity.name_zh,
            country=entity.country,
            tickers=list(entity.tickers),
            identifiers=dict(entity.identifiers),
            description=entity.description,
        ),
        classes=entity.type.value,
    )


def _edge(fact: FactView) -> CytoscapeEdge:
    data = CytoscapeEdgeData(
        **fact.model_dump(),
        id=fact.key,
        source=fact.subject,
        target=fact.object,
        label=fact.predicate.value,
    )
    return CytoscapeEdge(data=data, classes=fact.predicate.value)


def cytoscape_graph(subgraph: Subgraph) -> CytoscapeGraph:
    """Cytoscape.js elements JSON of a subgraph: one node per entity, one edge per fact.

    >>> from sinograph.graph.model.domain import Entity, check_story_url
    >>> one = Subgraph(entities=[Entity(name="Zijin", type="Company")], facts=[])
    >>> cytoscape_graph(one).elements.nodes[0].data.id
    'company:zijin'
    """
    return CytoscapeGraph(
        elements=CytoscapeElements(
            nodes=[_node(e) for e in subgraph.entities],
            edges=[_edge(f) for f in subgraph.facts],
        ),
        truncated=subgraph.truncated,
    )

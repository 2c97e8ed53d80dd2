"""Example responses for the OpenAPI document, built from a three-entity example graph.

They are made with the same models and assembly functions the stores use, so
every example is a valid instance of its route's response schema.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from sinograph.api.schemas import HealthOut, cytoscape_graph
from sinograph.graph.diligence.dossier import Deal, Dossier, NumberedSource
from sinograph.graph.diligence.ownership import OwnershipTree
from sinograph.graph.diligence.screening import ScreenResult, ScreenSubject
from sinograph.graph.model.domain import Amount, Entity, Evidence, Fact, GraphDelta, Story
from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate
from sinograph.graph.model.results import (
    EntityDetail,
    EntityMatch,
    GraphStats,
    Hop,
    Path,
    PathResult,
    StoryPage,
    StorySummary,
    StoryView,
    Subgraph,
    TimelinePage,
    UpsertReport,
)
from sinograph.graph.stores.assemble import entity_ref, fact_view, timeline_item
from sinograph.loaders.ingest import IngestReport

__all__ = ["EXAMPLE_IDS", "example_content", "screen_request_example"]

_STORY = Story.from_text(
    "example story text",
    title="Zijin agrees to buy a Kazakh gold mine",
    publisher="Example Wire",
    published="2025-06-30",
    url="https://news.example.com/zijin-rg-gold",
)
_ZIJIN = Entity(
    name="Zijin Mining Group",
    type=EntityType.COMPANY,
    aliases=("Zijin", "Zijin Mining"),
    name_zh="紫金矿业",
    tickers=("2899.HK",),
)
_RG = Entity(name="RG Gold", type=EntityType.ASSET, aliases=("Raygorodok gold mine",))
_CANTECH = Entity(name="Cantech S.à r.l.", type=EntityType.COMPANY, aliases=("Cantech",))
_ACQUIRES = Fact(
    subject=_ZIJIN.id,
    predicate=Predicate.ACQUIRES,
    object=_RG.id,
    date="2025-06-29",
    amount=Amount(value=1.2e9, currency="USD"),
    status=FactStatus.AGREED,
    confidence=0.9,
    evidence=(
        Evidence(
            story_id=_STORY.id,
            sentence="Zijin Mining Group agreed on Sunday to buy RG Gold for $1.2 billion.",
        ),
    ),
)
_SELLS = Fact(
    subject=_CANTECH.id,
    predicate=Predicate.SELLS,
    object=_RG.id,
    date="2025-06-29",
    confidence=0.8,
    evidence=(Evidence(story_id=_STORY.id, sentence="The seller of RG Gold is Cantech S.à r.l."),),
)
_NAMES = {e.id: e.name for e in (_ZIJIN, _RG, _CANTECH)}
_STORIES = {_STORY.id: _STORY}
_ACQ_VIEW = fact_view(_ACQUIRES, _NAMES, _STORIES)
_SELL_VIEW = fact_view(_SELLS, _NAMES, _STORIES)

# Ids used as parameter examples; they exist in the shipped sample graph.
EXAMPLE_IDS = {
    "entity": _ZIJIN.id,
    "other_entity": "company:verny-capital",
    "fact": _ACQUIRES.key,
    "story": _STORY.id,
}

_STATS = GraphStats(
    entities=3,
    facts=2,
    stories=1,
    metrics=0,
    sources=2,
    by_label={"Asset": 1, "Company": 2},
    by_predicate={"ACQUIRES": 1, "SELLS": 1},
    by_publisher={"Example Wire": 1},
)
_STORY_SUMMARY = StorySummary(
    id=_STORY.id,
    title=_STORY.title,
    publisher=_STORY.publisher,
    published=_STORY.published,
    url=_STORY.url,
    fact_count=2,
    metric_count=0,
)
_SUBGRAPH = Subgraph(entities=[_ZIJIN, _RG, _CANTECH], facts=[_ACQ_VIEW, _SELL_VIEW])

_EXAMPLES: dict[str, BaseModel | list[BaseModel]] = {
    "health": HealthOut(store="embedded", writes="open", schema_version=5),
    "stats": _STATS,
    "search": [
        EntityMatch(entity=_ZIJIN, match="exact", score=100.0, matched_alias="Zijin"),
    ],
    "entity": EntityDetail(
        entity=_ZIJIN,
        fact_counts={"ACQUIRES": 1},
        fact_total=1,
        metric_total=0,
        source_count=1,
        stories=[_STORY_SUMMARY],
    ),
    "neighbors": _SUBGRAPH,
    "timeline": TimelinePage(
        entity=entity_ref(_ZIJIN),
        items=[timeline_item(_ACQ_VIEW)],
        undated=[],
        undated_total=0,
        next_cursor=None,
    ),
    "paths": PathResult(
        source=entity_ref(_ZIJIN),
        target=entity_ref(_CANTECH),
        paths=[
            Path(
                nodes=[entity_ref(_ZIJIN), entity_ref(_RG), entity_ref(_CANTECH)],
                hops=[
                    Hop(from_id=_ZIJIN.id, to_id=_RG.id, direction="forward", fact=_ACQ_VIEW),
                    Hop(from_id=_RG.id, to_id=_CANTECH.id, direction="backward", fact=_SELL_VIEW),
                ],
            )
        ],
    ),
    "fact": _ACQ_VIEW,
    "story": StoryView(
        id=_STORY.id,
        title=_STORY.title,
        publisher=_STORY.publisher,
        published=_STORY.published,
        url=_STORY.url,
        facts=[_ACQ_VIEW, _SELL_VIEW],
        metrics=[],
    ),
    "dossier": Dossier(
        entity=_ZIJIN,
        as_of="2025-06-30",
        fact_total=1,
        ownership=OwnershipTree(root=entity_ref(_ZIJIN), up=[], down=[], ultimate_parents=[]),
        people=[],
        exposure=[],
        deals=[Deal(fact=_ACQ_VIEW, counterparty=entity_ref(_RG), other_parties=[_SELL_VIEW])],
        timeline=[timeline_item(_ACQ_VIEW)],
        stories=[_STORY_SUMMARY],
        sources=[
            NumberedSource(
                number=1, story_id=_STORY.id, title=_STORY.title, publisher=_STORY.publisher,
                published=_STORY.published, url=_STORY.url,
            )
        ],
        citations={_ACQ_VIEW.key: [1], _SELL_VIEW.key: [1]},
    ),
    "screen": [
        ScreenResult(
            input=ScreenSubject(name="Zijin Mining", country="China"),
            status="matched",
            entity=_ZIJIN,
            score=100.0,
            reasons=["alias"],
            matched_alias="Zijin Mining",
        ),
        ScreenResult(input=ScreenSubject(name="Nobody Trading Ltd"), status="no_match"),
    ],
    "story_page": StoryPage(items=[_STORY_SUMMARY], next_cursor=None),
    "subgraph": cytoscape_graph(_SUBGRAPH),
    "export": GraphDelta(
        stories=(_STORY,), entities=(_CANTECH, _RG, _ZIJIN), facts=(_ACQUIRES, _SELLS)
    ),
    "stories": IngestReport(
        stories_read=1,
        stories_written=1,
        upsert=UpsertReport(stories_added=1, entities_added=1, entities_known=2, facts_added=2),
    ),
}


def example_content(name: str, media_type: str = "application/json") -> dict[str, Any]:
    """An OpenAPI ``content`` entry holding the named example response."""
    value = _EXAMPLES[name]
    if isinstance(value, list):
        example: Any = [v.model_dump(mode="json") for v in value]
    else:
        example = value.model_dump(mode="json")
    return {media_type: {"example": example}}


def screen_request_example() -> dict[str, Any]:
    """An OpenAPI example of a ``POST /screen`` body."""
    return {
        "summary": "three counterparties, as of a date, flags within two ownership hops",
        "value": {
            "names": [
                {"name": "Zijin Mining", "country": "China"},
                {"name": "Kweichow Moutai", "identifier": "600519.SS"},
                {"name": "Nobody Trading Ltd"},
            ],
            "as_of": "2025-06-30",
            "hops": 2,
            "min_score": 85,
        },
    }

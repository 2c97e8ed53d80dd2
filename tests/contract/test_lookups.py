"""Contract: one resolver for every name a user types, and search that says no (issue 12, 4-7)."""

from __future__ import annotations

import pytest

from sinograph.graph.model.curation import Curator
from sinograph.graph.model.errors import AmbiguousEntity, EntityNotFound
from sinograph.graph.model.names import CONFIDENT_SCORE, WEAK_SCORE
from sinograph.graph.model.ontology import EntityType
from sinograph.graph.model.queries import NeighbourQuery, PathQuery, SearchQuery, TimelineQuery
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder


@pytest.fixture
def named(store: GraphStore) -> GraphStore:
    """Entities with legal suffixes, Chinese names, tickers, and names that look alike."""
    b = DeltaBuilder()
    s = b.story("Names", publisher="Caixin", published="2025-01-02")
    cantech = b.company("Cantech S.à r.l.")
    zijin = b.entity("Zijin Mining Group", EntityType.COMPANY, "Zijin", "紫金矿业",
                     tickers=("2899.HK", "601899.SS"))
    midea = b.entity("Midea Group", EntityType.COMPANY, name_zh="美的集团", tickers=("000333.SZ",))
    catl = b.entity("CATL", EntityType.COMPANY, "Contemporary Amperex Technology Co. Ltd.",
                    tickers=("300750.SZ",), attributes={"lei": "5493000SRQ4H2QNBGG10"})
    mellanox = b.company("Mellanox Technologies")
    b.company("China Evergrande Group")
    b.company("Geely Automobile Holdings")
    b.company("Sun Art Retail Group")
    b.entity("Hong Kong", EntityType.COUNTRY, "HK")
    b.entity("Hangzhou", EntityType.REGION)
    b.entity("Daniel Zhang", EntityType.PERSON)
    b.entity("Jack Zhang", EntityType.PERSON)
    b.company("Alibaba Group Holding", "Alibaba", "Alibaba Group")
    b.company("Guotai Junan Securities")
    b.company("Guotai Junan International")
    nvidia = b.company("Nvidia")
    b.fact(zijin, "ACQUIRES", b.entity("RG Gold", EntityType.ASSET), s, "Zijin buys RG Gold.",
           date="2025-06-29")
    b.fact(cantech, "SELLS", b.entities["asset:rg-gold"], s, "Cantech sells RG Gold.",
           date="2025-06-29")
    b.fact(nvidia, "ACQUIRES", mellanox, s, "Nvidia bought Mellanox.", date="2020-04-27")
    b.fact(catl, "SUPPLIES", midea, s, "CATL supplies Midea.")
    store.upsert(b.delta())
    return store


def test_every_query_resolves_a_unique_prefix(named: GraphStore) -> None:
    assert named.resolve_entity("Cantech").name == "Cantech S.à r.l."
    path = named.paths(PathQuery(source="Cantech", target="Zijin", max_hops=3, k=1)).paths[0]
    assert [n.name for n in path.nodes] == ["Cantech S.à r.l.", "RG Gold", "Zijin Mining Group"]
    assert named.timeline(TimelineQuery(
        entity="Mellanox",
    )).entity.name == "Mellanox Technologies"  # type: ignore[union-attr]
    assert {e.name for e in named.neighbors(NeighbourQuery(entity="Mellanox")).entities} == {
        "Mellanox Technologies", "Nvidia"
    }
    assert named.get_entity("mellanox").entity.name == "Mellanox Technologies"


def test_a_prefix_of_several_names_is_ambiguous_with_the_candidates(named: GraphStore) -> None:
    with pytest.raises(AmbiguousEntity) as info:
        named.paths(PathQuery(source="Guotai", target="Zijin"))
    assert {c["name"] for c in info.value.candidates} == {
        "Guotai Junan Securities", "Guotai Junan International"
    }


def test_chinese_names_tickers_and_identifiers_are_exact_keys(named: GraphStore) -> None:
    cases = {
        "美的集团": ("Midea Group", "name_zh"),
        "2899.HK": ("Zijin Mining Group", "ticker"),
        "300750.SZ": ("CATL", "ticker"),
        "5493000SRQ4H2QNBGG10": ("CATL", "identifier"),
        "紫金矿业集团股份有限公司": ("Zijin Mining Group", "short_name"),
    }
    for query, (name, field) in cases.items():
        hits = named.search_entities(SearchQuery(text=query))
        assert hits, query
        assert (hits[0].entity.name, hits[0].match, hits[0].matched_field) == (
            name, "exact", field
        ), query
        assert all(h.entity.name != "Hong Kong" for h in hits), query
        assert named.resolve_entity(query).name == name


def test_a_legal_suffix_or_generic_word_never_carries_a_match(named: GraphStore) -> None:
    assert named.search_entities(SearchQuery(text="Acme Widgets Ltd")) == []
    assert named.search_entities(SearchQuery(text="Xyzzyq Holdings")) == []
    hits = named.search_entities(SearchQuery(text="alibaba group"))
    assert hits[0].entity.name == "Alibaba Group Holding"
    assert {h.entity.name for h in hits} <= {"Alibaba Group Holding"}
    assert [h.entity.name for h in named.search_entities(SearchQuery(
        text="Evergrande Group Ltd",
    ))] == [
        "China Evergrande Group"
    ]


def test_weak_matches_are_labelled_and_never_resolve(named: GraphStore) -> None:
    hits = named.search_entities(SearchQuery(text="Zhang"))
    assert "Hangzhou" not in {h.entity.name for h in hits}
    assert hits and all(h.weak and h.score < CONFIDENT_SCORE for h in hits)
    assert all(h.score >= WEAK_SCORE for h in hits)
    with pytest.raises(EntityNotFound) as info:
        named.resolve_entity("Zhang")
    assert {s["name"] for s in info.value.suggestions} == {"Daniel Zhang", "Jack Zhang"}
    assert "did you mean" in info.value.message


def test_a_confident_misspelling_resolves(named: GraphStore) -> None:
    hit = named.search_entities(SearchQuery(text="Zjiin Minning"))[0]
    assert (hit.entity.name, hit.match, hit.weak) == ("Zijin Mining Group", "fuzzy", False)
    assert named.resolve_entity("Zjiin Minning").name == "Zijin Mining Group"
    assert named.timeline(TimelineQuery(
        entity="Zjiin Minning",
    )).entity.name == "Zijin Mining Group"  # type: ignore[union-attr]


def test_scores_are_comparable_across_lengths(named: GraphStore) -> None:
    # One letter missing in a short name and in a long one: both confident, neither perfect.
    short = named.search_entities(SearchQuery(text="Nvdia"))[0]
    long = named.search_entities(SearchQuery(text="Mellanox Technologie"))[0]
    assert short.entity.name == "Nvidia" and long.entity.name == "Mellanox Technologies"
    assert CONFIDENT_SCORE <= short.score < 100 and CONFIDENT_SCORE <= long.score <= 100


def test_nothing_near_is_not_found_without_suggestions(named: GraphStore) -> None:
    with pytest.raises(EntityNotFound) as info:
        named.resolve_entity("Qqqqzzzz Widgets")
    assert info.value.suggestions == []


def test_unique_id_and_exact_keys_beat_prefixes(named: GraphStore) -> None:
    assert named.resolve_entity("company:zijin-mining-group").name == "Zijin Mining Group"
    assert named.resolve_entity("Alibaba").name == "Alibaba Group Holding"
    assert named.resolve_entity("紫金矿业").name == "Zijin Mining Group"


def test_entities_the_registry_knows_carry_its_attributes(store: GraphStore) -> None:
    from sinograph.loaders.extract import Registry
    from sinograph.loaders.ingest import ingest_stories
    from sinograph.loaders.story_input import StoryInput

    b = DeltaBuilder()
    s = b.story("Batteries", publisher="Wire", published="2025-01-02")
    catl = b.company("CATL")  # stored first without the registry's attributes
    b.fact(catl, "SUPPLIES", b.company("Tesla"), s, "CATL supplies Tesla.")
    store.upsert(b.delta())
    assert store.get_entity("company:catl").entity.name_zh is None
    story = StoryInput(
        text="CATL opened a battery plant in Hungary, the company said on Monday.",
        title="CATL plant", published="2025-05-20", origin="test",
    )
    report = ingest_stories(store, [story], registry=Registry.load(None))
    assert report.stories_written == 1
    entity = store.get_entity("company:catl").entity
    assert (entity.name_zh, entity.country) == ("宁德时代", "China")
    assert "300750.SZ" in entity.tickers
    assert store.resolve_entity("宁德时代").id == "company:catl"


def test_names_found_by_canonical_form_and_without_given_ids(named: GraphStore) -> None:
    """The look-up a bulk load's re-resolution makes: every entity with a name, only those
    whose canonical name it is, and without the batch's own entities."""
    every = named.find_entities_by_aliases(["Alibaba", "Alibaba Group Holding", "Zijin"])
    assert [e.id for e in every["alibaba"]] == ["company:alibaba-group-holding"]
    assert [e.id for e in every["zijin"]] == ["company:zijin-mining-group"]
    canonical = named.find_entities_by_aliases(
        ["Alibaba", "Alibaba Group Holding", "Zijin Mining Group", "Zijin"], canonical=True
    )
    assert sorted(canonical) == ["alibaba group holding", "zijin mining group"]
    assert [e.name for e in canonical["zijin mining group"]] == ["Zijin Mining Group"]
    without = named.find_entities_by_aliases(
        ["Zijin", "Nvidia"], excluding=["company:zijin-mining-group"]
    )
    assert sorted(without) == ["nvidia"]


def test_canonical_look_up_sees_later_writes_and_not_shared_aliases_or_merged_names(
    store: GraphStore,
) -> None:
    """A name many people share as an alias ("Ms Chen") finds, canonically, only the
    entity that is called so; an entity written after a look-up is found by the next; a
    merged-away entity's name is no longer anyone's canonical name."""
    b = DeltaBuilder()
    for given in ("Li", "Mei", "Hua"):
        b.entity(f"Chen {given}", EntityType.PERSON, "Ms Chen")
    b.company("Harbour Freight Lines")
    b.company("Harbour Freight")
    store.upsert(b.delta())
    assert store.find_entities_by_aliases(["Ms Chen"], canonical=True) == {}
    shared = store.find_entities_by_aliases(["Ms Chen"])
    assert len(shared["ms chen"]) == 3
    later = DeltaBuilder()
    later.entity("Ms Chen", EntityType.PERSON)
    store.upsert(later.delta())
    canonical = store.find_entities_by_aliases(["Ms Chen", "Chen Mei"], canonical=True)
    assert {norm: [e.id for e in found] for norm, found in canonical.items()} == {
        "chen mei": ["person:chen-mei"], "ms chen": ["person:ms-chen"],
    }
    store.merge_entities(
        "company:harbour-freight", "company:harbour-freight-lines",
        Curator(actor="cli:reviewer", reason="one firm"),
    )
    merged = store.find_entities_by_aliases(["Harbour Freight", "Harbour Freight Lines"],
                                            canonical=True)
    assert {norm: [e.id for e in found] for norm, found in merged.items()} == {
        "harbour freight lines": ["company:harbour-freight-lines"],
    }

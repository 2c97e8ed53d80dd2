"""GraphML export: no made-up values, and every field a fact or entity has (issue 12, 10)."""

from __future__ import annotations

import io

import networkx as nx

from sinograph.graph.exports.formats import delta_to_graphml
from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Story


def _graph() -> nx.MultiDiGraph:
    s = Story.from_text("t", publisher="Wire", published="2025-01-02")
    wu = Entity(name="Eddie Wu", type="Person", name_zh="吴泳铭", country="China")
    alibaba = Entity(name="Alibaba Group Holding", type="Company", name_zh="阿里巴巴集团",
                     country="China", tickers=("9988.HK", "BABA"))
    leads = Fact(subject=wu.id, predicate="LEADS", object=alibaba.id, date="2023-09",
                 role="chief executive", valid_from="2023-09-10",
                 evidence=[{"story_id": s.id, "sentence": "Wu became chief executive."}])
    owns = Fact(subject=alibaba.id, predicate="OWNS", object=wu.id, stake_pct=33.0,
                valid_until="2025-01-01",
                evidence=[{"story_id": s.id, "sentence": "Alibaba holds 33%."}])
    buys = Fact(subject=alibaba.id, predicate="ACQUIRES", object=wu.id, date="2020",
                amount={"value": 3.6e9, "currency": "USD"}, status="completed",
                evidence=[{"story_id": s.id, "sentence": "It paid $3.6 billion."}])
    delta = GraphDelta(stories=[s], entities=[wu, alibaba], facts=[leads, owns, buys])
    return nx.read_graphml(io.BytesIO(delta_to_graphml(delta)))


def _edge(graph: nx.MultiDiGraph, predicate: str) -> dict[str, object]:
    return next(d for _a, _b, d in graph.edges(data=True) if d["predicate"] == predicate)


def test_a_missing_amount_is_left_out_not_written_as_zero() -> None:
    graph = _graph()
    leads = _edge(graph, "LEADS")
    assert "amount" not in leads and "currency" not in leads
    buys = _edge(graph, "ACQUIRES")
    assert (buys["amount"], buys["currency"]) == (3.6e9, "USD")
    assert sum(float(d.get("amount", 0)) for _a, _b, d in graph.edges(data=True)) == 3.6e9


def test_role_stake_precision_and_validity_are_exported() -> None:
    graph = _graph()
    leads = _edge(graph, "LEADS")
    assert (leads["role"], leads["date_precision"], leads["valid_from"]) == (
        "chief executive", "month", "2023-09-10"
    )
    assert "valid_until" not in leads
    owns = _edge(graph, "OWNS")
    assert (owns["stake_pct"], owns["valid_until"]) == (33.0, "2025-01-01")
    assert "date" not in owns and "date_precision" not in owns
    assert _edge(graph, "ACQUIRES")["date_precision"] == "year"


def test_nodes_carry_country_and_chinese_name() -> None:
    graph = _graph()
    alibaba = graph.nodes["company:alibaba-group-holding"]
    assert (alibaba["name_zh"], alibaba["country"], alibaba["tickers"]) == (
        "阿里巴巴集团", "China", "9988.HK; BABA"
    )

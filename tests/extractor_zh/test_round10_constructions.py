"""Round 10 of the Chinese extractor (from the zh-k stories): a round's lead named right
before 领投 with no 由, followers listed after "跟投，包括"; goods imported or exported
by the ton are goods even when no list knows them, and a clause with no subject imports
for the state named before it — on sentences of our own."""

from __future__ import annotations

from sinograph.graph.model.domain import GraphDelta
from tests.extractor_zh.support import run, triples


def _run(text: str) -> GraphDelta:
    return run(text, published="2025-10-20")


def test_a_lead_without_you_and_followers_listed_after_the_verb() -> None:
    facts = triples(
        _run("北辰智能完成新一轮融资——美团领投，多家老股东跟投，包括华山基金、东方基金等。")
    )
    for investor in ("Meituan", "华山基金", "东方基金"):
        assert (investor, "INVESTS_IN", "北辰智能") in facts, facts


def test_goods_by_the_ton_and_a_subjectless_import_clause() -> None:
    facts = triples(_run("前三季度，我国进口铁矿砂8亿吨，增长10%；进口原油4亿吨，增长12%。"))
    assert ("China", "IMPORTS", "铁矿砂") in facts, facts
    assert ("China", "IMPORTS", "crude oil") in facts, facts


def test_a_number_of_tons_after_no_trade_verb_makes_no_goods() -> None:
    facts = triples(_run("前三季度，北辰智能生产钢材8亿吨。"))
    assert not {f for f in facts if f[1] == "IMPORTS"}, facts


def test_a_country_importing_tons_is_no_origin_of_the_goods() -> None:
    facts = triples(_run("前三季度，日本进口铁矿石9000万吨，增长5%。"))
    assert ("Japan", "IMPORTS", "iron ore") in facts, facts

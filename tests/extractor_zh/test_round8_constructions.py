"""Round 8 of the Chinese extractor (from the zh-i stories): what an authority acts on
for a suspected breach is a firm; the one ordered to stop is the one fined; a ratio's
colon ends no clause; "及本公司" is the filer; a Latin legal form (s.a.s.) is cut to find
the registry's firm; a known model's name with its version glued on is that model's
version, and a family before it only qualifies it; publishing weights opens a model;
goods "from" a place where goods move are goods, and a ban on importing is no import —
on sentences of our own."""

from __future__ import annotations

from sinograph.graph.model.domain import GraphDelta
from tests.extractor_zh.support import run, triples


def _run(text: str) -> GraphDelta:
    return run(text, published="2025-07-01")


def test_a_suspect_investigated_then_fined_by_order() -> None:
    delta = _run(
        "2024年3月，市场监管总局对云栈涉嫌实施垄断行为立案调查。\n\n"
        "2024年9月2日，市场监管总局作出行政处罚决定，责令云栈停止违法行为，并处以5000万元罚款。"
    )
    facts = triples(delta)
    regulator = "State Administration for Market Regulation"
    assert (regulator, "INVESTIGATES", "云栈") in facts, facts
    assert (regulator, "FINES", "云栈") in facts, facts
    fine = next(f for f in delta.facts if f.predicate.value == "FINES")
    assert fine.amount is not None and fine.amount.value == 50_000_000


def test_a_bare_name_without_a_suspected_breach_is_no_firm() -> None:
    assert not triples(_run("市场监管总局对云栈的情况作了说明。"))


def test_three_parties_of_a_joint_venture_with_a_legal_form_and_the_filer() -> None:
    facts = triples(
        _run(
            "11月8日，吉利汽车发布公告称：吉利控股、Renault s.a.s.(雷诺)及本公司订立框架协议，"
            "建议以50:50设立一家合营企业。"
        )
    )
    assert ("Renault", "PARTNERS_WITH", "吉利控股") in facts, facts
    assert ("Geely Automobile Holdings", "PARTNERS_WITH", "Renault") in facts, facts


def test_a_models_version_and_its_published_weights() -> None:
    facts = triples(
        _run(
            "阿里巴巴正式开源了新一代通义千问大模型Qwen3系列。"
            "阿里巴巴还公开了两个模型的权重：Qwen3-32B和Qwen3-8B。"
        )
    )
    for model in ("Qwen3", "Qwen3-32B", "Qwen3-8B"):
        assert ("Alibaba Group Holding", "OPEN_SOURCES", model) in facts, facts
    assert ("Alibaba Group Holding", "OPEN_SOURCES", "Qwen") not in facts, facts


def test_goods_from_a_place_in_a_ban_are_goods() -> None:
    facts = triples(_run("美国商务部宣布将禁止进口来自中国的联网汽车。"))
    assert ("US Department of Commerce", "BANS", "中国联网汽车") in facts, facts


def test_a_ban_on_importing_is_no_import_and_investors_from_a_place_are_no_goods() -> None:
    facts = triples(_run("美国商务部将禁止美国进口中国的联网汽车。来自中国的投资者增加了。"))
    assert not {f for f in facts if f[1] == "IMPORTS"}, facts
    assert not {f for f in facts if "投资者" in f[2]}, facts

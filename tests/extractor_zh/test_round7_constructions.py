"""Round 7 of the Chinese extractor: names jieba glued to a coverb or cut before a
bracketed post ("对党明(时任财务总监)"), the post itself, an arm the text leaves unnamed
("X旗下基金") as one list item, a common word between the marks of a list of firms,
a firm's customers, founders' titles (FOUNDED, and LEADS for a post beside it), the
firm a title belongs to (named before it, never a former employer), and a release
announced ahead — on sentences of our own (firms real or invented, facts invented)."""

from __future__ import annotations

import pytest

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.ontology import EntityType
from tests.extractor_zh.support import names_of, run, triples


def _run(text: str) -> GraphDelta:
    return run(text, published="2025-07-01")


def _people(text: str) -> set[str]:
    return names_of(text, EntityType.PERSON)


_PENALTY = (
    "证监会对华辰电子股份有限公司作出处罚。对华辰电子股份有限公司责令改正，并处以800万元罚款；"
    "对党明(时任财务总监)给予警告，并处以200万元罚款；对康伟(时任董秘)给予警告，"
    "并处以100万元罚款；对戴胜利(时任监事)给予警告，并处以50万元罚款。"
)


def test_names_before_a_bracketed_post_are_whole() -> None:
    # jieba reads "对党" and "对康" as words and cuts "戴胜利" into "戴" + "胜利"
    assert {"党明", "康伟", "戴胜利"} <= _people(_PENALTY)


def test_each_one_fined_and_the_post_in_brackets_read() -> None:
    facts = triples(_run(_PENALTY))
    for person in ("党明", "康伟", "戴胜利"):
        assert ("China Securities Regulatory Commission", "FINES", person) in facts, facts
        assert (person, "WORKS_FOR", "华辰电子股份有限公司") in facts, facts


def test_a_post_in_brackets_after_no_name_is_no_person() -> None:
    assert not _people("华辰电子股份有限公司(时任财务总监签字)发布公告。")


def test_an_unnamed_arm_is_one_item_of_the_investors() -> None:
    delta = _run("澜舟智能近期完成B轮融资，由中国移动旗下基金、腾讯、阿里共同领投。")
    facts = triples(delta)
    for investor in ("China Mobile", "Tencent Holdings"):
        assert (investor, "INVESTS_IN", "澜舟智能") in facts, facts
    assert ("Tencent Holdings", "SUBSIDIARY_OF", "China Mobile") not in facts, facts


def test_a_named_subsidiary_after_qixia_is_still_owned() -> None:
    facts = triples(_run("腾讯旗下子公司云帆科技收购了澜舟智能。"))
    assert ("云帆科技", "SUBSIDIARY_OF", "Tencent Holdings") in facts, facts


def test_a_firms_customers_are_supplied_and_a_common_word_in_the_list_is_a_firm() -> None:
    facts = triples(_run("据券商研报，宁德时代前五大客户分别为特斯拉、吉利、蔚来和小鹏。"))
    for customer in ("Tesla", "吉利", "NIO"):
        assert ("CATL", "SUPPLIES", customer) in facts, facts


def test_customers_of_no_firm_are_no_supply() -> None:
    assert not triples(_run("宁德时代表示，客户为理想汽车提供服务。"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "寒武纪近日上市。创始人兼CEO陈天石是原英伟达中国区总经理，"
            "联合创始人王强、周芳均曾于英伟达工作。",
            {
                ("陈天石", "FOUNDED", "Cambricon Technologies"),
                ("陈天石", "LEADS", "Cambricon Technologies"),
                ("王强", "FOUNDED", "Cambricon Technologies"),
                ("周芳", "FOUNDED", "Cambricon Technologies"),
            },
        ),
        ("蔚来创始人、董事长李斌出席了发布会。", {("William Li", "FOUNDED", "NIO")}),
    ],
)
def test_founders_titles(text: str, expected: set[tuple[str, str, str]]) -> None:
    facts = triples(_run(text))
    assert expected <= facts, facts
    # the former employer named after "原" is not the firm the titles belong to
    assert not {f for f in facts if f[2] == "Nvidia" and f[1] in ("LEADS", "FOUNDED")}, facts


def test_a_founders_title_gives_no_founding_date() -> None:
    delta = _run("7月1日，小米创始人雷军表示，公司将加大投入。")
    founded = [f for f in delta.facts if f.predicate.value == "FOUNDED"]
    assert founded and all(f.date is None for f in founded), founded


def test_a_release_announced_ahead_and_no_verb_in_the_product_name() -> None:
    delta = _run(
        "华为官宣Mate 80将于本月发布\n\n11月4日，华为官宣华为Mate 80手机将于本月正式发布。"
    )
    facts = triples(delta)
    assert ("Huawei Technologies", "RELEASES", "Mate 80") in facts, facts
    assert not [e.name for e in delta.entities if "官宣" in e.name]

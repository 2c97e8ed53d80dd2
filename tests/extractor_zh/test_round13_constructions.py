"""Round 13 of the Chinese extractor (from the zh-p stories): Latin executive titles
(CMO, COO...) after a firm name a post, not a product; a Latin name with a legal form
("... Trading LTD") is a firm that no rule turns into a product; capitals written against
a firm's Chinese name ("CPE源峰") are part of that name; a buyer that signed with a maker
and will buy from it is supplied by it; Latin names keep their accented letters — all on
sentences of our own."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType
from tests.extractor_zh.support import names_of, run, triples


def test_a_latin_title_after_a_firm_is_a_post_not_a_product() -> None:
    text = (
        "北辰集团高管王涛离职\n\n北辰集团副总裁王涛周一宣布离职。\n\n"
        "2019年5月,王涛成为北辰集团CMO,负责品牌业务。"
    )
    facts = triples(run(text))
    assert ("王涛", "WORKS_FOR", "北辰集团") in facts, facts
    assert not any(p == "DEVELOPS" for _, p, _ in facts), facts
    assert "CMO" not in names_of(text, EntityType.PRODUCT)


def test_a_latin_name_with_a_legal_form_stays_a_firm() -> None:
    text = "法国市场竞争总局宣布,与星河销售公司Orbis Style Trading LTD达成和解,对其罚款4000万欧元。"
    facts = triples(run(text))
    assert ("法国市场竞争总局", "FINES", "Orbis Style Trading LTD") in facts, facts
    assert "Orbis Style Trading LTD" not in names_of(text, EntityType.PRODUCT)


def test_capitals_against_a_chinese_firm_name_are_part_of_it() -> None:
    delta = run("CPE源峰和RBI集团周一签署了合作协议。")
    names = {alias for e in delta.entities for alias in (e.name, *e.aliases)}
    assert "CPE源峰" in names, names


def test_a_buyer_that_signed_with_a_maker_to_buy_is_supplied_by_it() -> None:
    facts = triples(run("东方航空12月宣布已与空客签订协议,将采购20架飞机。"))
    assert ("Airbus", "SUPPLIES", "China Eastern Airlines") in facts, facts


def test_latin_names_keep_their_accented_letters() -> None:
    names = names_of("星河集团与Compañía Minera del Sur签署合作协议。", EntityType.COMPANY)
    assert "Compañía Minera del Sur" in names, names

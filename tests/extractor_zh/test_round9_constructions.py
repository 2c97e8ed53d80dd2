"""Round 9 of the Chinese extractor (from the zh-j stories): a short bracket inside a
legal name ("(集团)") and a partnership form after it ("(特殊普通合伙)") belong to the
name; a post or hiring verb between a person or a hirer and a firm opens no name; holders
listed after "股东包括" and a firm's largest holder own it; the firm hired as auditor
audits the hirer — on sentences of our own (firms invented or real, facts invented)."""

from __future__ import annotations

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.ontology import EntityType
from tests.extractor_zh.support import names_of, run, triples


def _run(text: str) -> GraphDelta:
    return run(text, published="2025-12-01")


def _firms(text: str) -> set[str]:
    return names_of(text, EntityType.COMPANY, published="2025-12-01")


def test_a_bracket_inside_a_legal_name_and_a_partnership_form_after_it() -> None:
    firms = _firms("江北星河(集团)有限公司聘请天衡会计师事务所(特殊普通合伙)提供服务。")
    assert {"江北星河(集团)有限公司", "天衡会计师事务所(特殊普通合伙)"} <= firms, firms


def test_a_post_verb_between_a_person_and_a_firm_opens_no_name() -> None:
    facts = triples(
        _run("10月25日，江北星河集团宣布，贵州省能源局局长陈华接任江北星河集团董事长。")
    )
    assert ("陈华", "LEADS", "江北星河集团") in facts, facts


def test_holders_listed_after_the_holders_word_own_the_firm() -> None:
    facts = triples(
        _run("北江精密有限公司股东包括南岭投资集团有限公司、江北星河(集团)有限公司和财政部。")
    )
    for holder in ("南岭投资集团有限公司", "江北星河(集团)有限公司", "Ministry of Finance"):
        assert (holder, "OWNS", "北江精密有限公司") in facts, facts


def test_a_shareholders_meeting_lists_no_holders() -> None:
    facts = triples(_run("北江精密有限公司股东大会有南岭投资集团有限公司的代表出席。"))
    assert not {f for f in facts if f[1] == "OWNS"}, facts


def test_the_firm_hired_as_auditor_audits_the_hirer_not_the_one_it_replaces() -> None:
    facts = triples(
        _run(
            "北江精密有限公司不再聘任天衡会计师事务所(特殊普通合伙)，"
            "拟改聘立信会计师事务所(特殊普通合伙)为公司2025年度审计机构。"
        )
    )
    auditor = "立信会计师事务所(特殊普通合伙)"
    assert (auditor, "AUDITS", "北江精密有限公司") in facts, facts
    assert (auditor, "AUDITS", "天衡会计师事务所(特殊普通合伙)") not in facts, facts

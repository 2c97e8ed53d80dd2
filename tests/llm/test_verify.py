"""Verification of a model's answer, without a server: quotes, names, dates, amounts."""

from __future__ import annotations

from typing import Any

from sinograph.loaders.extract import Registry, RegistryEntry
from sinograph.loaders.llm.answer import parse_answer
from sinograph.loaders.llm.quotes import StoryText, fold
from sinograph.loaders.llm.verify import verify_answer
from sinograph.loaders.story_input import StoryInput

STORY = StoryInput(
    text=(
        "Veltro Holdings said on Tuesday it will invest 2.5 billion yuan in Pemba Solar, a "
        "panel maker based in Anhui.\n\n"
        "Pemba Solar's founder, Ji Rulan, will stay on. The deal was first reported in "
        "March."
    ),
    published="2025-06-26",
    origin="solar.txt",
)


def _verify(facts: list[dict[str, Any]], entities: list[dict[str, Any]] | None = None,
            registry: Registry | None = None, story: StoryInput = STORY):  # type: ignore[no-untyped-def]
    entities = entities if entities is not None else [
        {"name": "Veltro Holdings", "type": "Company", "aliases": ["Veltro"]},
        {"name": "Pemba Solar", "type": "Company", "aliases": []},
        {"name": "Ji Rulan", "type": "Person", "aliases": []},
        {"name": "Anhui", "type": "Region", "aliases": []},
    ]
    answer = parse_answer(__import__("json").dumps({"entities": entities, "facts": facts}))
    return verify_answer(answer, story, extractor="llm:m", registry=registry)


INVEST = ("Veltro Holdings said on Tuesday it will invest 2.5 billion yuan in Pemba Solar, a "
          "panel maker based in Anhui.")


def _fact(**fields: Any) -> dict[str, Any]:
    base = {"subject": "Veltro Holdings", "predicate": "INVESTS_IN", "object": "Pemba Solar",
            "date": None, "amount": None, "status": None, "evidence": INVEST}
    return {**base, **fields}


def test_a_relative_date_is_resolved_against_the_publication_date() -> None:
    (fact,) = _verify([_fact(date="2025-06-24")]).delta.facts
    assert fact.date == "2025-06-24"  # Tuesday before Thursday 2025-06-26


def test_a_date_finer_than_the_sentence_is_narrowed_and_a_foreign_one_removed() -> None:
    result = _verify([
        _fact(date="2025-06-24"),
        _fact(predicate="HEADQUARTERED_IN", subject="Pemba Solar", object="Anhui",
              date="2025-06"),
        _fact(subject="Ji Rulan", predicate="FOUNDED", object="Pemba Solar", date="2019",
              evidence="Pemba Solar's founder, Ji Rulan, will stay on."),
    ])
    dates = {f.predicate.value: f.date for f in result.delta.facts}
    assert dates == {"INVESTS_IN": "2025-06-24", "HEADQUARTERED_IN": "2025-06", "FOUNDED": None}
    assert result.verification.fields_dropped == {"date_unsupported": 1}


def test_a_written_out_date_is_read_and_checked() -> None:
    (fact,) = _verify([_fact(date="June 24, 2025")]).delta.facts
    assert fact.date == "2025-06-24"


def test_an_amount_in_billions_is_put_in_units_and_yuan_is_cny() -> None:
    result = _verify([_fact(amount={"value": 2.5, "currency": "RMB"})])
    (fact,) = result.delta.facts
    assert fact.amount is not None and (fact.amount.value, fact.amount.currency) == (2.5e9, "CNY")
    assert result.verification.fields_corrected == {"amount_rescaled": 1}


def test_an_amount_in_another_currency_is_removed() -> None:
    result = _verify([_fact(amount={"value": 2.5e9, "currency": "USD"})])
    assert result.delta.facts[0].amount is None
    assert result.verification.fields_dropped == {"amount_unsupported": 1}


def test_quotes_too_short_or_spanning_paragraphs_are_refused() -> None:
    result = _verify([
        _fact(evidence="invest"),
        _fact(evidence=STORY.text),
        _fact(evidence=""),
    ])
    assert result.delta.facts == ()
    assert result.verification.facts_dropped == {
        "evidence_missing": 1, "evidence_too_long": 1, "evidence_too_short": 1,
    }


def test_a_name_known_to_the_registry_resolves_to_its_entry() -> None:
    registry = Registry.from_entries([
        RegistryEntry(name="Veltro Holdings Group", type="Company", aliases=("Veltro",),
                      country="CN"),
    ])
    result = _verify(
        [_fact(subject="Veltro Group Holdings Ltd")],
        entities=[{"name": "Veltro Group Holdings Ltd", "type": "Company",
                   "aliases": ["Veltro"]},
                  {"name": "Pemba Solar", "type": "Company", "aliases": []}],
        registry=registry,
    )
    (fact,) = result.delta.facts
    assert fact.subject == "company:veltro-holdings-group"
    veltro = next(e for e in result.delta.entities if e.id == fact.subject)
    assert veltro.country == "CN" and "Veltro Group Holdings Ltd" not in veltro.aliases


def test_a_name_neither_declared_nor_known_is_refused() -> None:
    result = _verify([_fact(subject="Veltro Capital")])
    assert result.verification.facts_dropped == {"undeclared_entity": 1}


def test_a_wrong_direction_is_a_wrong_type() -> None:
    result = _verify([_fact(subject="Pemba Solar", predicate="FOUNDED", object="Ji Rulan",
                            evidence="Pemba Solar's founder, Ji Rulan, will stay on.")])
    assert result.verification.facts_dropped == {"wrong_type": 1}


def test_chinese_names_and_quotes_are_found() -> None:
    text = StoryText("诺维克矿业宣布收购卡斯特铜矿。该交易价值4.5亿美元。")
    assert text.mentions("诺维克矿业") and not text.mentions("诺维克矿业集团")
    assert text.sentence_of("诺维克矿业宣布收购卡斯特铜矿") == "诺维克矿业宣布收购卡斯特铜矿。"


def test_folding_keeps_words_and_drops_typography() -> None:
    assert fold("Caf\u00e9\u2019s \u201cdeal\u201d \u2014  done") == "cafe's \"deal\" - done"

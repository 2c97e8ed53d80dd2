from __future__ import annotations

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract import default_registry
from sinograph.loaders.extract.mentions import find_mentions
from sinograph.loaders.extract.registry import Registry
from sinograph.loaders.extract.tokens import tokenize


def typed(text: str, registry: Registry | None = None) -> dict[str, EntityType | None]:
    tokens = tokenize(text)
    found = find_mentions(tokens, 0, registry or Registry([]), set(), headline=False)
    return {m.text: m.type for m in found}


def test_suffixes_type_unknown_names() -> None:
    found = typed("Qilin Mining Group and Huaxin Securities met the Ministry of Rare Metals.")
    assert found["Qilin Mining Group"] is EntityType.COMPANY
    assert found["Huaxin Securities"] is EntityType.COMPANY
    assert found["Ministry of Rare Metals"] is EntityType.GOVERNMENT_BODY


def test_legal_forms_stay_in_the_name() -> None:
    found = typed("It bought Norvik S.à r.l. and Tallis Co., Limited last year.")
    assert found["Norvik S.à r.l."] is EntityType.COMPANY
    assert found["Tallis Co., Limited"] is EntityType.COMPANY


def test_people_by_title_role_and_shape() -> None:
    found = typed("Premier Zhao Lijun met Wang Xiaoming, an analyst at Kestrel Capital.")
    assert found["Zhao Lijun"] is EntityType.PERSON
    assert found["Wang Xiaoming"] is EntityType.PERSON


def test_descriptor_types_the_name_after_it() -> None:
    found = typed("Dutch chipmaker Vantrix and AI site Glimmer were named.")
    assert found["Vantrix"] is EntityType.COMPANY
    assert found["Glimmer"] is EntityType.PRODUCT


def test_products_assets_commodities_markets_groups() -> None:
    found = typed(
        "Foreign investors bought Hong Kong stocks, Japanese seafood was banned, and its "
        "Orion 3.5 models run at the Talas gold mine."
    )
    assert found["Foreign investors"] is EntityType.INVESTOR_GROUP
    assert found["Hong Kong stocks"] is EntityType.MARKET
    assert found["Japanese seafood"] is EntityType.COMMODITY
    assert found["Orion 3.5"] is EntityType.PRODUCT
    assert found["Talas gold mine"] is EntityType.ASSET


def test_registry_and_places() -> None:
    found = typed("Lenovo Group opened an office in Almaty, Kazakhstan.", default_registry())
    assert found["Lenovo Group"] is EntityType.COMPANY
    assert found["Kazakhstan"] is EntityType.COUNTRY


def test_sentence_openers_are_not_names() -> None:
    found = typed("Shares fell after Meanwhile Corp. sued.")
    assert "Shares" not in found

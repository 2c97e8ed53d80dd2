from __future__ import annotations

from sinograph.loaders.extract import default_registry
from sinograph.loaders.extract.coref import is_acronym, resolve_coreference
from sinograph.loaders.extract.document import parse_document


def clusters_of(text: str) -> dict[str, str]:
    registry = default_registry()
    sentences = parse_document(text, "2025-01-15", registry)
    coref = resolve_coreference(sentences, registry)
    out: dict[str, str] = {}
    for sentence in sentences:
        for m in sentence.mentions:
            cluster = coref.of(m)
            if cluster is not None:
                out[m.text] = cluster.canonical
    return out


def test_short_form_and_legal_form() -> None:
    found = clusters_of(
        "Norvik Mining Group bought Tallis S.à r.l. on Monday. Norvik said Tallis was cheap."
    )
    assert found["Norvik"] == found["Norvik Mining Group"]
    assert found["Tallis"] == found["Tallis S.à r.l."]


def test_acronym_in_brackets_and_later() -> None:
    found = clusters_of("Eastern Grid Storage Corp. (EGSC) won the bid. EGSC will build the line.")
    assert found["EGSC"] == found["Eastern Grid Storage Corp."]


def test_acronym_rules() -> None:
    assert is_acronym("EGSC", "Eastern Grid Storage Co., Limited")
    assert is_acronym("SAMR", "State Administration for Market Regulation")
    assert not is_acronym("CAC", "China Merchants Bank")


def test_pronouns_and_descriptions() -> None:
    found = clusters_of(
        "Norvik Mining Group reported higher output. It said the company would expand. "
        "The miner also paid a dividend."
    )
    assert found["It"] == found["Norvik Mining Group"]
    assert found["the company"] == found["Norvik Mining Group"]
    assert found["The miner"] == found["Norvik Mining Group"]


def test_known_as_alias_and_unnamed_asset() -> None:
    found = clusters_of(
        "Norvik agreed to buy a copper mine in Zambia. The deal for the Kaseba copper mine, "
        "known as KCM, closes next year. The Zambian mine employs 900 people."
    )
    assert found["KCM"] == found["Kaseba copper mine"]
    assert found["copper mine"] == found["Kaseba copper mine"]
    assert found["Zambian mine"] == found["Kaseba copper mine"]


def test_person_surname() -> None:
    found = clusters_of("Acme named Zhou Hanbin chief executive. Zhou, 52, joined in 2001.")
    assert found["Zhou"] == found["Zhou Hanbin"]

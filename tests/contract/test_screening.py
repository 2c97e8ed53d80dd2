"""Contract: screening a list of names — matches with reasons, ambiguity, no match, and
risk flags within N ownership hops — the same on every store."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sinograph.graph.diligence.screening import (
    ScreenOptions,
    ScreenRequest,
    ScreenSubject,
    screen,
    screen_one,
)
from sinograph.graph.model.domain import Entity
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder


def _graph(store: GraphStore) -> None:
    b = DeltaBuilder()
    s = b.story("Sanctions round-up", publisher="Wire", published="2025-02-01")
    holdco = b.entity("Northwind Holdings", "Company", "Northwind",
                      name_zh="北风控股", country="China")
    b.entities[holdco.id] = Entity(**{**holdco.model_dump(), "tickers": ("1234.HK",),
                                      "identifiers": {"uscc": "91520000214434146R"}})
    unit = b.entity("Northwind Shipping", "Company", country="China")
    grand = b.entity("Northwind Tankers", "Company", country="Panama")
    b.entity("Harbour Peak Capital", "Company", "Harbour Peak", country="China")
    b.entity("Harbour Peak Logistics", "Company", "Harbour Peak", country="Singapore")
    b.entity("Meridian Bank", "Company", country="United Kingdom")
    office = b.entity("Treasury Office", "GovernmentBody")
    regulator = b.entity("Port Regulator", "GovernmentBody")
    b.fact(holdco, "OWNS", unit, s, "Northwind Holdings owns Northwind Shipping.",
           valid_from="2019")
    b.fact(unit, "OWNS", grand, s, "Northwind Shipping owns Northwind Tankers.",
           valid_from="2019")
    b.fact(office, "SANCTIONS", grand, s, "The Treasury sanctioned Northwind Tankers.",
           date="2025-01-20")
    b.fact(regulator, "FINES", holdco, s, "The regulator fined Northwind Holdings.",
           date="2024-03")
    store.upsert(b.delta())


def test_matches_say_why(store: GraphStore) -> None:
    _graph(store)
    cases = {
        "Northwind Holdings": (["exact"], 100),
        "northwind": (["alias"], 100),
        "北风控股": (["name_zh"], 100),
        "1234.HK": (["identifier"], 100),
        "Meridian Bank plc": (["short_name"], None),
    }
    for name, (reasons, score) in cases.items():
        result = screen_one(store, ScreenSubject(name=name))
        assert result.status == "matched", name
        assert result.reasons == reasons, name
        if score is not None:
            assert result.score == score
    by_code = screen_one(
        store, ScreenSubject(name="NW Holdco", identifier="91520000214434146R")
    )
    assert (by_code.status, by_code.entity and by_code.entity.name, by_code.reasons) == (
        "matched", "Northwind Holdings", ["identifier"]
    )


def test_misspelt_unknown_and_ambiguous_names(store: GraphStore) -> None:
    _graph(store)
    typo = screen_one(store, ScreenSubject(name="Meridain Bank"))
    assert typo.status == "matched" and typo.reasons == ["fuzzy"]
    assert typo.entity is not None and typo.entity.name == "Meridian Bank"
    assert typo.score is not None and 85 <= typo.score < 100
    strict = screen_one(store, ScreenSubject(name="Meridain Bank"),
                        ScreenOptions(min_score=99))
    assert strict.status == "no_match"
    assert [c.entity.name for c in strict.candidates] == ["Meridian Bank"]
    unknown = screen_one(store, ScreenSubject(name="Completely Unrelated Widgets"))
    assert (unknown.status, unknown.entity) == ("no_match", None)
    both = screen_one(store, ScreenSubject(name="Harbour Peak"))
    assert both.status == "ambiguous"
    assert sorted(c.entity.name for c in both.candidates) == [
        "Harbour Peak Capital", "Harbour Peak Logistics"
    ]
    picked = screen_one(store, ScreenSubject(name="Harbour Peak", country="Singapore"))
    assert picked.status == "matched" and picked.reasons == ["alias", "country"]
    assert picked.entity is not None and picked.entity.name == "Harbour Peak Logistics"


def test_flags_within_the_ownership_hops_with_their_path(store: GraphStore) -> None:
    _graph(store)
    near = screen_one(store, ScreenSubject(name="Northwind Holdings"), ScreenOptions(hops=1))
    assert [(f.flag, f.exposure.target.name) for f in near.flags] == [
        ("fined", "Northwind Holdings")
    ]
    far = screen_one(store, ScreenSubject(name="Northwind Holdings"), ScreenOptions(hops=2))
    assert [(f.flag, f.exposure.relation, f.exposure.hops) for f in far.flags] == [
        ("fined", "self", 0), ("sanctioned", "holding", 2)
    ]
    path = far.flags[1].exposure.path
    assert [(p.subject_name, p.object_name) for p in path] == [
        ("Northwind Holdings", "Northwind Shipping"),
        ("Northwind Shipping", "Northwind Tankers"),
    ]
    assert all(f.match_certain and f.note is None for f in far.flags)
    # Up the chain: the tanker's owners are not flagged by its own sanction, it is.
    tanker = screen_one(store, ScreenSubject(name="Northwind Tankers"), ScreenOptions(hops=2))
    assert [(f.flag, f.exposure.relation) for f in tanker.flags] == [
        ("sanctioned", "self"), ("fined", "owner")
    ]
    # As of a date before the sanction, only the fine.
    before = screen_one(store, ScreenSubject(name="Northwind Tankers"),
                        ScreenOptions(hops=2, as_of="2024-12"))
    assert [f.flag for f in before.flags] == ["fined"]


def test_a_fuzzy_match_never_raises_a_flag_without_saying_so(store: GraphStore) -> None:
    _graph(store)
    result = screen_one(store, ScreenSubject(name="Northwnd Tankers"))
    assert result.reasons == ["fuzzy"]
    assert result.flags and not result.flags[0].match_certain
    assert result.flags[0].note and "fuzzy" in result.flags[0].note


def test_a_list_is_answered_in_order(store: GraphStore) -> None:
    _graph(store)
    request = ScreenRequest(
        names=[ScreenSubject(name=n) for n in ("Meridian Bank", "Nobody Ltd", "Harbour Peak")]
    )
    assert [r.status for r in screen(store, request)] == ["matched", "no_match", "ambiguous"]
    with pytest.raises(ValidationError):
        ScreenRequest(names=[])
    with pytest.raises(ValidationError):
        ScreenOptions(hops=9)

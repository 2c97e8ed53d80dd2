"""Contract: a due-diligence dossier — ownership, people, exposure, deals, sources — as of a
date, the same on every store."""

from __future__ import annotations

import pytest

from sinograph.graph.diligence.dossier import build_dossier
from sinograph.graph.diligence.dossier_render import render_dossier, to_html, to_markdown
from sinograph.graph.model.errors import EntityNotFound, InvalidInput
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder


def _graph(store: GraphStore) -> None:
    b = DeltaBuilder()
    s1 = b.story("Target's owners", publisher="Wire A", published="2024-06-01",
                 url="https://news.example.com/owners")
    s2 = b.story("Target buys a mine", publisher="Wire B", published="2025-03-05")
    s3 = b.story("Penalties", publisher="Wire A", published="2022-09")
    target, parent, fund = b.company("Target Co"), b.company("Parent Holdings"), b.company(
        "State Fund"
    )
    old_owner = b.company("Old Owner Ltd")
    sub_one, sub_two, grand = b.company("Sub One"), b.company("Sub Two"), b.company("Grandchild")
    ada, bo = b.entity("Ada Quill", "Person"), b.entity("Bo Chen", "Person")
    treasury = b.entity("Treasury Office", "GovernmentBody")
    regulator = b.entity("Market Regulator", "GovernmentBody")
    ministry = b.entity("Trade Ministry", "GovernmentBody")
    mine, seller = b.entity("Blue Mine", "Asset"), b.company("Seller Co")
    partner, china = b.company("Partner Co"), b.entity("China", "Country")
    stranger = b.company("Stranger Firm")
    b.fact(parent, "OWNS", target, s1, "Parent owns 60% of Target.", stake_pct=60,
           valid_from="2020")
    b.fact(fund, "CONTROLS", parent, s1, "The State Fund controls Parent.")
    b.fact(old_owner, "OWNS", target, s1, "Old Owner held Target until 2019.",
           valid_from="2010", valid_until="2019")
    b.fact(target, "OWNS", sub_one, s1, "Target owns Sub One.", valid_from="2018")
    b.fact(sub_two, "SUBSIDIARY_OF", target, s1, "Sub Two is a Target unit.")
    b.fact(sub_one, "OWNS", grand, s1, "Sub One owns Grandchild.")
    b.fact(ada, "LEADS", target, s1, "Ada Quill ran Target until January 2023.",
           role="chief executive", valid_from="2019", valid_until="2023-01")
    b.fact(bo, "LEADS", target, s1, "Bo Chen has run Target since January 2023.",
           role="chief executive", valid_from="2023-01")
    b.fact(treasury, "SANCTIONS", fund, s1, "The Treasury sanctioned the State Fund.",
           date="2024-05")
    b.fact(regulator, "FINES", sub_one, s3, "The regulator fined Sub One.", date="2022-08")
    b.fact(ministry, "INVESTIGATES", target, s2, "The ministry opened a probe into Target.",
           date="2025-02")
    b.fact(target, "ACQUIRES", mine, s2, "Target agreed to buy Blue Mine.", date="2025-03",
           status="agreed")
    b.fact(seller, "SELLS", mine, s2, "Seller Co is selling Blue Mine.", date="2025-03")
    b.fact(b.company("Seller Parent"), "CONTROLS", seller, s2, "Seller Parent controls Seller.")
    b.fact(target, "PARTNERS_WITH", partner, s2, "Target and Partner Co work together.")
    # Noise: a shared headquarters country must never link Target to a stranger's ban.
    b.fact(target, "HEADQUARTERED_IN", china, s1, "Target is based in China.")
    b.fact(stranger, "HEADQUARTERED_IN", china, s1, "Stranger is based in China.")
    b.fact(treasury, "BANS", stranger, s1, "The Treasury banned Stranger Firm.", date="2024-01")
    store.upsert(b.delta())


def test_ownership_goes_up_to_the_ultimate_parent_and_down_to_holdings(
    store: GraphStore,
) -> None:
    _graph(store)
    d = build_dossier(store, "Target Co")
    assert [(x.owner.name, x.owned.name, x.hops) for x in d.ownership.up] == [
        ("Parent Holdings", "Target Co", 1),
        ("State Fund", "Parent Holdings", 2),
    ]
    assert d.ownership.up[0].fact.stake_pct == 60
    assert [p.name for p in d.ownership.ultimate_parents] == ["State Fund"]
    assert [(x.owned.name, x.hops) for x in d.ownership.down] == [
        ("Sub One", 1), ("Sub Two", 1), ("Grandchild", 2)
    ]
    # As it stood in 2015: Old Owner held Target, Parent did not yet.
    then = build_dossier(store, "Target Co", as_of="2015")
    assert [x.owner.name for x in then.ownership.up] == ["Old Owner Ltd"]


def test_exposure_names_the_act_the_target_and_the_path(store: GraphStore) -> None:
    _graph(store)
    d = build_dossier(store, "company:target-co")
    got = [(x.flag, x.target.name, x.relation, x.hops, len(x.path)) for x in d.exposure]
    assert got == [
        ("under investigation", "Target Co", "self", 0, 0),
        ("fined", "Sub One", "holding", 1, 1),
        ("sanctioned", "State Fund", "owner", 2, 2),
    ]
    sanction = d.exposure[2]
    assert [f.predicate.value for f in sanction.path] == ["OWNS", "CONTROLS"]
    assert "Stranger Firm" not in {x.target.name for x in d.exposure}
    # Before the probe and the sanction, only the fine stands.
    then = build_dossier(store, "Target Co", as_of="2023-06")
    assert [x.flag for x in then.exposure] == ["fined"]


def test_people_are_current_or_former_as_of_the_date(store: GraphStore) -> None:
    _graph(store)
    d = build_dossier(store, "Target Co")
    assert [(p.person.name, p.role, p.current, p.start, p.end) for p in d.people] == [
        ("Bo Chen", "chief executive", True, "2023-01", None),
        ("Ada Quill", "chief executive", False, "2019", "2023-01"),
    ]
    early = build_dossier(store, "Target Co", as_of="2021")
    assert [(p.person.name, p.current) for p in early.people] == [("Ada Quill", True)]


def test_deals_carry_their_counterparties_and_every_fact_its_sources(
    store: GraphStore,
) -> None:
    _graph(store)
    d = build_dossier(store, "Target Co")
    deals = {(x.fact.predicate.value, x.counterparty.name): x for x in d.deals}
    assert set(deals) == {("ACQUIRES", "Blue Mine"), ("PARTNERS_WITH", "Partner Co")}
    others = deals[("ACQUIRES", "Blue Mine")].other_parties
    assert [(f.subject_name, f.predicate.value) for f in others] == [("Seller Co", "SELLS")]
    owners = deals[("ACQUIRES", "Blue Mine")].party_owners
    assert [(f.subject_name, f.object_name) for f in owners] == [("Seller Parent", "Seller Co")]
    assert [(f.predicate.value, f.object_name) for f in d.footprint] == [
        ("HEADQUARTERED_IN", "China")
    ]
    # Sources: numbered oldest first; every fact of the dossier cites its stories.
    assert [(s.number, s.title) for s in d.sources] == [
        (1, "Penalties"), (2, "Target's owners"), (3, "Target buys a mine")
    ]
    assert d.citations[deals[("ACQUIRES", "Blue Mine")].fact.key] == [3]
    assert d.citations[d.exposure[1].act.key] == [1]
    assert all(d.citations[link.fact.key] for link in d.ownership.up + d.ownership.down)
    assert [t.date for t in d.timeline] == sorted(t.date or "" for t in d.timeline)


def test_markdown_and_html_reports(store: GraphStore) -> None:
    _graph(store)
    d = build_dossier(store, "Target Co")
    md = to_markdown(d)
    for heading in ("## Identity", "## Ownership up", "## People", "## Government exposure",
                    "## Deals and counterparties", "## Timeline", "## Sources"):
        assert heading in md
    assert "- 2 up: State Fund controls Parent Holdings (undated) [2]" in md
    assert "- 1 down: Sub Two is a subsidiary of Target Co (undated) [2]" in md
    assert "  - via Parent Holdings OWNS Target Co (60%; from 2020) [2]" in md
    assert "3. Target buys a mine (Wire B, 2025-03-05)" in md
    assert "2. Target's owners (Wire A, 2024-06-01) <https://news.example.com/owners>" in md
    page = to_html(d)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert 'href="https://news.example.com/owners"' in page
    assert "src=" not in page and "@import" not in page
    assert render_dossier(d, "json").startswith("{")
    with pytest.raises(InvalidInput):
        render_dossier(d, "pdf")


def test_bad_requests(store: GraphStore) -> None:
    _graph(store)
    with pytest.raises(EntityNotFound):
        build_dossier(store, "Nobody Whatsoever")
    with pytest.raises(InvalidInput):
        build_dossier(store, "Target Co", as_of="2025-13")
    with pytest.raises(InvalidInput):
        build_dossier(store, "Target Co", max_hops=9)

"""The explorer's dossier view, in headless Chromium against a small graph of its own
(``dossier_delta`` in conftest: a firm with owners two levels up, a subsidiary, a
current and a former leader, government acts on it, its owner and its subsidiary, a
deal, a headquarters, three stories, and a competitor that no dossier section holds).

What the panel must list comes from ``build_dossier`` on the same store (the code
behind ``GET /entities/{id}/dossier``), and the words and dates from the data above.
Screenshots: ``tests/artifacts/explorer-14-dossier.png`` (1400x900) and
``explorer-14-dossier-800.png`` (800x900).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page

from sinograph.graph.diligence.dossier import Dossier, build_dossier
from sinograph.graph.model.queries import NeighbourQuery
from sinograph.graph.model.results import FactView
from tests.browser.conftest import NARROW, LiveServer, dossier_delta, open_page
from tests.browser.support import (
    axe,
    contrast,
    drawn,
    ids,
    legend_overlaps,
    off_canvas,
    open_explorer,
    settle,
    shot,
)

pytestmark = pytest.mark.browser

NAMES = {e.name: e.id for e in dossier_delta().entities}
FIRM = NAMES["Lanternfish Robotics"]
OWNER = NAMES["Copperleaf Holdings"]
COMPETITOR = NAMES["Gannet Automation"]


# ----------------------------------------------------------------- helpers


def dossier_of(server: LiveServer, entity: str = FIRM, as_of: str | None = None) -> Dossier:
    return build_dossier(server.store, entity, as_of=as_of)


def panel(page: Page) -> Locator:
    return page.locator("#panel-details")


def section_keys(page: Page, name: str) -> list[str]:
    keys: list[str] = panel(page).locator(
        f"[data-section='{name}'] li.fact-item"
    ).evaluate_all("(l) => l.map((i) => i.dataset.factKey)")
    return keys


def item(page: Page, key: str) -> Locator:
    return panel(page).locator(f"li.fact-item[data-fact-key='{key}']").first


def item_text(page: Page, key: str) -> str:
    return " ".join(item(page, key).inner_text().split())


def focused_key(page: Page) -> str | None:
    found: str | None = page.evaluate(
        "() => document.activeElement?.closest('li.fact-item')?.dataset.factKey ?? null"
    )
    return found


def dossier_facts(d: Dossier) -> list[FactView]:
    """Every fact the dossier's sections hold (the timeline aside): what the graph draws."""
    facts = [link.fact for link in d.ownership.up + d.ownership.down]
    facts += [p.fact for p in d.people]
    facts += [f for x in d.exposure for f in (x.act, *x.path)]
    facts += [f for deal in d.deals for f in (deal.fact, *deal.other_parties, *deal.party_owners)]
    facts += d.footprint
    return facts


def fact_with(d: Dossier, predicate: str) -> FactView:
    return next(f for f in dossier_facts(d) if f.predicate.value == predicate)


def open_dossier_from_panel(page: Page, server: LiveServer) -> None:
    open_explorer(page, server, f"#entity={FIRM}")
    settle(page)
    panel(page).locator("button.open-dossier").click()
    settle(page)


# ------------------------------------------------------------------ sections


def test_the_dossier_lists_each_section_with_dates_and_sources(
    page: Page, dossier_server: LiveServer, artifacts: Path
) -> None:
    d = dossier_of(dossier_server)
    open_dossier_from_panel(page, dossier_server)
    assert "dossier=company%3Alanternfish-robotics" in page.url
    assert panel(page).locator("h2").inner_text() == "Lanternfish Robotics"
    assert f"as of {d.as_of}" in panel(page).locator(".entity-type").inner_text()

    # Each section lists exactly the dossier's facts, in the panel's own words.
    assert sorted(section_keys(page, "owners")) == sorted(x.fact.key for x in d.ownership.up)
    assert sorted(section_keys(page, "holdings")) == sorted(x.fact.key for x in d.ownership.down)
    assert section_keys(page, "people") == [p.fact.key for p in d.people]
    assert sorted(section_keys(page, "acts")) == sorted(
        {f.key for x in d.exposure for f in (x.act, *x.path)}
    )
    assert section_keys(page, "deals") == [deal.fact.key for deal in d.deals]
    assert section_keys(page, "footprint") == [f.key for f in d.footprint]
    assert len(d.ownership.up) == 2 and len(d.people) == 2 and len(d.exposure) == 3

    owns = fact_with(d, "OWNS")
    assert item_text(page, owns.key) == (
        "Copperleaf Holdings OWNS Lanternfish Robotics "
        "2019-04 · direct owner · 60% stake · source 1"
    )
    controls = fact_with(d, "CONTROLS")
    assert "2016-08 · 2 hops up" in item_text(page, controls.key)
    ultimate = panel(page).locator(".ultimate-owners")
    assert ultimate.inner_text() == "Ultimate owner: Stonebridge State Capital"
    assert "2021-02 · direct holding" in item_text(page, fact_with(d, "SUBSIDIARY_OF").key)

    chief, former = d.people
    assert item_text(page, chief.fact.key) == (
        "Mira Castellan, chief executive current, since 2023-09 · source 2"
    )
    assert item_text(page, former.fact.key) == (
        "Oskar Brandt, chairman former, 2015-03 → 2022-06 · source 2"
    )

    acts = {x.act.predicate.value: x for x in d.exposure}
    assert item_text(page, acts["BANS"].act.key).startswith(
        "BANNED Ministry of Commerce of Freedonia BANS Lanternfish Robotics 2023-09-11 · "
        "on the entity itself"
    )
    assert "2019-03-28 · on Copperleaf Holdings, an owner 1 hop up" in item_text(
        page, acts["SANCTIONS"].act.key
    )
    assert "2024-02-19 · on Lanternfish Sensors, a holding 1 hop down" in item_text(
        page, acts["FINES"].act.key
    )
    # The ownership link that puts the owner's sanction in this dossier follows it.
    via = panel(page).locator(
        f"[data-section='acts'] li.via[data-fact-key='{owns.key}']"
    ).inner_text()
    assert via.startswith("via Copperleaf Holdings OWNS Lanternfish Robotics")
    deal = d.deals[0].fact
    assert item_text(page, deal.key) == (
        "Lanternfish Robotics ACQUIRES Brightwater Optics 2024-02 · agreed · source 3"
    )

    # Every item carries its date (or says it has none) and the numbers of its stories.
    for key in {f.key for f in dossier_facts(d)}:
        text = item_text(page, key)
        fact = next(f for f in dossier_facts(d) if f.key == key)
        assert (fact.valid_from or fact.date or "undated") in text, text
        numbers = ", ".join(str(n) for n in d.citations[key])
        assert text.endswith(f"source {numbers}") or text.endswith(f"sources {numbers}"), text

    # The stories, numbered as the citations number them, each opening the story view.
    sources = panel(page).locator("[data-section='sources'] li.dossier-source")
    assert sources.evaluate_all("(l) => l.map((i) => i.dataset.storyId)") == [
        s.story_id for s in d.sources
    ]
    assert [" ".join(t.split()) for t in sources.all_inner_texts()] == [
        "1. Copperleaf builds a robotics stake · Harbour Ledger · 2019-04-03 · source ↗",
        "2. Lanternfish names a chief executive · Circuit Weekly · 2023-09-12",
        "3. Sensor unit fined as parent shops for optics · Harbour Ledger · 2024-02-20",
    ]
    printable = panel(page).locator("a.dossier-print").get_attribute("href")
    assert printable and printable.startswith(dossier_server.url + "/entities/")

    # The graph draws what the dossier holds, around the firm; the competitor is no part.
    now = drawn(page)
    facts = dossier_facts(d)
    assert now["edges"] == sorted({f.key for f in facts})
    assert now["nodes"] == sorted({e for f in facts for e in (f.subject, f.object)})
    assert COMPETITOR not in now["nodes"]
    assert now["center"] == [FIRM]
    assert off_canvas(page) == [] and legend_overlaps(page) == []
    shot(page, artifacts, "14-dossier")


def test_facts_open_their_evidence_and_stories_their_view(
    page: Page, dossier_server: LiveServer
) -> None:
    d = dossier_of(dossier_server)
    open_dossier_from_panel(page, dossier_server)
    former = d.people[1].fact
    item(page, former.key).locator("button").click()
    settle(page)
    statement = panel(page).locator(".fact-statement")
    assert statement.get_attribute("data-fact-key") == former.key
    assert panel(page).locator(".sentence").all_inner_texts() == [
        "Oskar Brandt chaired the firm until mid-2022."
    ]
    assert drawn(page)["focus_edges"] == [former.key], "the fact is singled out in the graph"
    panel(page).locator("button.back").click()
    settle(page)
    assert panel(page).locator("h2").inner_text() == "Lanternfish Robotics"
    assert focused_key(page) == former.key, "Back returns to the item"

    second = d.sources[1]
    panel(page).locator(
        f"[data-section='sources'] .story-link[data-story-id='{second.story_id}']"
    ).click()
    settle(page)
    assert panel(page).locator("h2").inner_text() == "Lanternfish names a chief executive"
    story = dossier_server.store.get_story(second.story_id)
    listed = panel(page).locator(".fact-list li.fact-item").evaluate_all(
        "(l) => l.map((i) => i.dataset.factKey)"
    )
    assert sorted(listed) == sorted(f.key for f in story.facts)
    # A fact of the story, then back to the story, then back to the dossier.
    panel(page).locator(".fact-list li.fact-item button").first.click()
    settle(page)
    panel(page).locator("button.back").click()
    settle(page)
    assert panel(page).locator("h2").inner_text() == "Lanternfish names a chief executive"
    panel(page).locator("button.back", has_text="Back to the dossier").click()
    settle(page)
    assert panel(page).locator("h2").inner_text() == "Lanternfish Robotics"
    assert page.evaluate("() => document.activeElement.closest('li')?.dataset.storyId") == (
        second.story_id
    )


# ------------------------------------------------------------------- history


def test_back_leaves_the_dossier_for_the_view_it_was_opened_from(
    page: Page, dossier_server: LiveServer
) -> None:
    store = dossier_server.store
    open_explorer(page, dossier_server, f"#entity={FIRM}")
    settle(page)
    before = drawn(page)
    assert before["nodes"] == ids(store.neighbors(NeighbourQuery(entity=FIRM)).entities)
    panel(page).locator("button.open-dossier").click()
    settle(page)
    in_dossier = drawn(page)
    assert COMPETITOR in before["nodes"] and COMPETITOR not in in_dossier["nodes"]

    page.go_back()
    settle(page)
    assert page.url.endswith(f"#entity={FIRM}")
    assert drawn(page)["nodes"] == before["nodes"]
    assert panel(page).locator("h2").inner_text() == "Lanternfish Robotics"
    assert panel(page).locator("button.open-dossier").is_visible()
    page.go_forward()
    settle(page)
    assert "dossier=" in page.url
    assert drawn(page)["nodes"] == in_dossier["nodes"]
    assert panel(page).locator(".eyebrow").inner_text().lower() == "dossier"

    # The panel's own way back is the same history step.
    panel(page).locator("button.dossier-back").click()
    settle(page)
    assert page.url.endswith(f"#entity={FIRM}")
    assert drawn(page)["nodes"] == before["nodes"]
    page.go_forward()
    settle(page)
    assert "dossier=" in page.url

    # An expansion inside the dossier is a step of its own: Back returns to the dossier.
    page.evaluate("(id) => window.sinographExplorer.expand(id)", OWNER)
    settle(page)
    assert page.evaluate("() => window.sinographExplorer.view.expand") == [OWNER]
    page.go_back()
    settle(page)
    assert drawn(page)["nodes"] == in_dossier["nodes"]
    assert panel(page).locator(".eyebrow").inner_text().lower() == "dossier"


def test_a_dossier_address_opens_as_of_its_date(page: Page, dossier_server: LiveServer) -> None:
    d = dossier_of(dossier_server, as_of="2020")
    open_explorer(page, dossier_server, f"#dossier={FIRM}&as_of=2020")
    settle(page)
    assert "as of 2020" in panel(page).locator(".entity-type").inner_text()
    # In 2020 the chairman was still in place and the chief executive not yet named.
    assert section_keys(page, "people") == [p.fact.key for p in d.people]
    assert [p.person.name for p in d.people] == ["Oskar Brandt"]
    assert "current" in item_text(page, d.people[0].fact.key)
    assert sorted(section_keys(page, "acts")) == sorted(
        {f.key for x in d.exposure for f in (x.act, *x.path)}
    )
    assert not panel(page).locator("[data-section='deals'] li").count()
    assert "No deal is known." in panel(page).locator("[data-section='deals']").inner_text()
    # No way "back" out of a view opened by its address but to the entity itself.
    back = panel(page).locator("button.dossier-back")
    assert back.inner_text() == "← Back to Lanternfish Robotics"
    back.click()
    settle(page)
    assert page.evaluate("() => window.sinographExplorer.view.entity") == FIRM


# ------------------------------------------------------------------ keyboard


def test_the_dossier_is_opened_and_read_from_the_keyboard(
    page: Page, dossier_server: LiveServer
) -> None:
    d = dossier_of(dossier_server)
    open_explorer(page, dossier_server, f"#entity={FIRM}")
    settle(page)
    panel(page).locator("button.open-timeline").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Dossier"
    page.keyboard.press("Enter")
    settle(page)
    assert page.evaluate("() => document.activeElement.tagName") == "H2", "reading starts there"

    # Tab walks the sections, one stop per list; arrows move inside a list.
    stops: list[Any] = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(
            """() => { const a = document.activeElement;
                       return a.closest('[data-section]')?.dataset.section ?? a.className; }"""
        ))
    # (the second stop in Owners is the ultimate owner's name)
    assert stops[:9] == [
        "dossier-print", "owners", "owners", "holdings", "people", "acts", "deals",
        "footprint", "timeline",
    ], stops
    assert stops[9:] == ["sources"] * 3, stops
    for _ in range(7):
        page.keyboard.press("Shift+Tab")
    assert focused_key(page) == d.people[0].fact.key
    page.keyboard.press("ArrowDown")
    assert focused_key(page) == d.people[1].fact.key
    page.keyboard.press("Enter")
    settle(page)
    assert panel(page).locator(".fact-statement").get_attribute("data-fact-key") == (
        d.people[1].fact.key
    )
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "← Back to the dossier"
    page.keyboard.press("Enter")
    settle(page)
    assert focused_key(page) == d.people[1].fact.key

    # The timeline folds open from the keyboard.
    panel(page).locator("[data-section='timeline'] summary").focus()
    page.keyboard.press("Enter")
    timeline = panel(page).locator("[data-section='timeline'] li.fact-item")
    timeline.first.wait_for(state="visible")
    assert timeline.count() == sum(1 for t in d.timeline if t.fact is not None)

    # Leaving by the panel's Back button puts the keyboard on the Dossier button again.
    panel(page).locator("button.dossier-back").focus()
    page.keyboard.press("Enter")
    settle(page)
    assert page.evaluate("() => document.activeElement.className") == "open-dossier"

    # In the graph, D opens the dossier of the entity the keyboard is on.
    page.focus("#graph")
    page.evaluate("(id) => window.sinographExplorer.keyboard.moveTo(id)", OWNER)
    page.keyboard.press("d")
    settle(page)
    owner = dossier_of(dossier_server, OWNER)
    assert page.evaluate("() => window.sinographExplorer.view.dossier") == OWNER
    assert panel(page).locator("h2").inner_text() == "Copperleaf Holdings"
    assert sorted(section_keys(page, "owners")) == sorted(x.fact.key for x in owner.ownership.up)
    assert sorted(section_keys(page, "holdings")) == sorted(
        x.fact.key for x in owner.ownership.down
    )


# ---------------------------------------------------- contrast, axe, 800 px


def test_the_dossier_keeps_contrast_and_passes_axe(
    axe_page: Page, dossier_server: LiveServer, axe_source: str
) -> None:
    page = axe_page
    open_explorer(page, dossier_server, f"#dossier={FIRM}")
    settle(page)
    found = {"dossier": axe(page, axe_source)}
    panel(page).locator("[data-section='timeline'] summary").click()
    found["dossier with its timeline"] = axe(page, axe_source)
    assert {k: v for k, v in found.items() if v} == {}
    pairs = page.evaluate(
        """() => {
          const ground = (el) => {
            for (let at = el; at; at = at.parentElement) {
              const colour = getComputedStyle(at).backgroundColor;
              if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") return colour;
            }
            return "rgb(255, 255, 255)";
          };
          const sel = [".flag", ".fact-meta", ".dossier-summary", ".via .fact-statement-line",
                       ".source-number", ".eyebrow", ".dossier-source .source-meta"];
          return sel.map((s) => {
            const el = document.querySelector("#panel-details " + s);
            return [s, getComputedStyle(el).color, ground(el)];
          });
        }"""
    )
    for selector, colour, background in pairs:
        assert contrast(colour, background) >= 4.5, selector


def test_the_dossier_reads_at_800_pixels(
    browser: Browser, dossier_server: LiveServer, artifacts: Path
) -> None:
    page, errors, outside = open_page(browser, NARROW)
    try:
        open_explorer(page, dossier_server, f"#entity={FIRM}")
        settle(page)
        panel(page).locator("button.open-dossier").click()
        settle(page)
        assert drawn(page)["nodes"]
        assert page.evaluate("() => document.documentElement.scrollWidth") <= NARROW["width"]
        assert legend_overlaps(page) == []
        assert off_canvas(page) == []
        graph = page.locator("#graph-area").bounding_box()
        side = page.locator(".side").bounding_box()
        assert graph and side and side["y"] >= graph["y"] + graph["height"] - 1
        # Nothing in the panel is cut or wider than the window.
        wide = page.evaluate(
            """() => [...document.querySelectorAll('#panel-details *')]
                .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
                .map((el) => el.className || el.tagName)"""
        )
        assert wide == []
        page.screenshot(path=str(artifacts / "explorer-14-dossier-800.png"), full_page=True)
    finally:
        page.context.close()
    assert not errors, errors
    assert not outside, outside

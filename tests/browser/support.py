"""Helpers the browser tests share: driving the page and reading what it drew.

The drawing is read through Cytoscape (``window.sinographExplorer.cy``). Several
facts joining the same two entities may be drawn as one bundled edge, whose
``keys`` data lists them; :func:`drawn` always answers in fact keys.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from sinograph.graph.model.domain import Fact
from sinograph.graph.model.results import TimelineItem
from tests.browser.conftest import LiveServer

__all__ = [
    "MAX_FIT_ZOOM",
    "SERIOUS",
    "axe",
    "busiest_entity",
    "choose_from_suggestions",
    "click_element",
    "click_fact",
    "closed_fact",
    "contrast",
    "drawn",
    "edge_of",
    "ids",
    "item_key",
    "legend_overlaps",
    "listbox_of",
    "off_canvas",
    "open_explorer",
    "pixels",
    "settle",
    "shot",
    "viewport",
]

# The explorer never fits the drawing closer than this (graph-view.js MAX_FIT_ZOOM).
MAX_FIT_ZOOM = 1.6
# axe-core's impacts that fail a test.
SERIOUS = {"serious", "critical"}

SETTLED = """() => {
  const root = document.documentElement;
  const x = window.sinographExplorer;
  if (root.dataset.busy !== "false" || !x) return false;
  const cy = x.cy;
  return !cy || (!cy.animated() && !cy.elements().some((e) => e.animated()));
}"""

# The drawn edge that carries a fact: its own edge, or the bundle that holds it.
EDGE_OF = """(key) => {
  const cy = window.sinographExplorer.cy;
  const edge = cy.edges().filter((e) => (e.data("keys") ?? [e.id()]).includes(key));
  return edge.nonempty() ? edge.first().id() : null;
}"""

# Where to click an element, in page pixels: a node's centre (or, when another node
# lies over it, another point of its own box) or an edge's midpoint. fcose starts from
# random positions, so the element may lie under the legend or another node, where a
# person would pan or aim beside it before clicking; so does this.
RENDERED = """(id) => {
  const cy = window.sinographExplorer.cy;
  const el = cy.getElementById(id);
  const box = cy.container().getBoundingClientRect();
  const bare = { includeLabels: false };
  const others = el.isNode() ? cy.nodes().not(el).map((n) => n.renderedBoundingBox(bare)) : [];
  const free = (p) => !others.some((b) => p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2);
  const open = (p) =>
    cy.container().contains(document.elementFromPoint(box.left + p.x, box.top + p.y));
  const candidates = () => {
    if (!el.isNode()) return [el.renderedMidpoint()];
    const b = el.renderedBoundingBox(bare);
    const centre = el.renderedPosition();
    const steps = [-0.3, -0.15, 0.15, 0.3];
    return [centre, ...steps.flatMap((dx) => steps.map((dy) => (
      { x: centre.x + dx * b.w, y: centre.y + dy * b.h })))];
  };
  const pick = () => candidates().find((p) => open(p) && free(p));
  let point = pick();
  if (!point) {
    cy.center(el.isNode() ? el : el.connectedNodes());
    point = pick();
  }
  return point ? { x: box.left + point.x, y: box.top + point.y, open: true } : { open: false };
}"""


def open_explorer(page: Page, server: LiveServer, hash_: str = "") -> None:
    page.goto(server.url + "/" + hash_)
    page.wait_for_selector("html[data-explorer-ready='true']")


def settle(page: Page, timeout: float = 20_000) -> None:
    """Wait until the page has nothing loading, laying out or animating."""
    page.wait_for_function(SETTLED, timeout=timeout)


def drawn(page: Page) -> dict[str, Any]:
    """Node ids and fact keys drawn, sorted, overall and by state."""
    result: dict[str, Any] = page.evaluate(
        """() => {
          const cy = window.sinographExplorer.cy;
          const keys = (edges) => edges.map((e) => e.data("keys") ?? [e.id()]).flat().sort();
          return {
            nodes: cy.nodes().map((n) => n.id()).sort(),
            edges: keys(cy.edges()),
            closed: keys(cy.edges(".closed")),
            path_nodes: cy.nodes(".path").map((n) => n.id()).sort(),
            path_edges: keys(cy.edges(".path")),
            focus_edges: keys(cy.edges(".focus")),
            center: cy.nodes(".center").map((n) => n.id()),
          };
        }"""
    )
    return result


def edge_of(page: Page, key: str) -> str | None:
    """The id of the drawn edge that carries fact ``key``."""
    found: str | None = page.evaluate(EDGE_OF, key)
    return found


def listbox_of(page: Page, input_selector: str) -> str:
    return "#" + str(page.get_attribute(input_selector, "aria-controls"))


def choose_from_suggestions(page: Page, input_selector: str, text: str, entity_id: str) -> None:
    page.fill(input_selector, text)
    option = page.locator(f"{listbox_of(page, input_selector)} li[data-entity-id='{entity_id}']")
    option.wait_for(state="visible")
    option.click()


def click_element(page: Page, element_id: str) -> None:
    """Click a node (its centre) or an edge (its midpoint) with the real mouse."""
    point = page.evaluate(RENDERED, element_id)
    assert point["open"], f"{element_id} is covered where it is drawn, even when centred"
    page.mouse.click(point["x"], point["y"])


def click_fact(page: Page, key: str) -> None:
    """Bring a fact's edge close, as a person would zoom in, and click its midpoint."""
    edge = edge_of(page, key)
    assert edge is not None, f"fact {key} is not drawn"
    page.evaluate(
        """(id) => { const cy = window.sinographExplorer.cy;
                    cy.fit(cy.getElementById(id).connectedNodes(), 200); }""",
        edge,
    )
    click_element(page, edge)


def viewport(page: Page) -> dict[str, float]:
    found: dict[str, float] = page.evaluate(
        """() => { const cy = window.sinographExplorer.cy;
                  return { zoom: cy.zoom(), x: cy.pan().x, y: cy.pan().y }; }"""
    )
    return found


def legend_overlaps(page: Page) -> list[str]:
    """Nodes whose drawn box (with its label) lies partly under the open legend."""
    found: list[str] = page.evaluate(
        """() => {
          const legend = document.getElementById("legend").getBoundingClientRect();
          const cy = window.sinographExplorer.cy;
          const box = cy.container().getBoundingClientRect();
          return cy.nodes().filter((n) => {
            const b = n.renderedBoundingBox({ includeLabels: true });
            const x1 = box.left + b.x1, x2 = box.left + b.x2;
            const y1 = box.top + b.y1, y2 = box.top + b.y2;
            return x1 < legend.right && x2 > legend.left && y1 < legend.bottom && y2 > legend.top;
          }).map((n) => n.id());
        }"""
    )
    return found


def off_canvas(page: Page) -> list[str]:
    """Nodes whose drawn box (with its label) reaches past the edge of the canvas as it
    is now (a drawing fitted to a canvas that has since changed size)."""
    found: list[str] = page.evaluate(
        """() => {
          const cy = window.sinographExplorer.cy;
          const w = cy.container().clientWidth, h = cy.container().clientHeight;
          return cy.nodes().filter((n) => {
            const b = n.renderedBoundingBox({ includeLabels: true });
            return b.x1 < 0 || b.y1 < 0 || b.x2 > w || b.y2 > h;
          }).map((n) => n.id());
        }"""
    )
    return found


def pixels(page: Page, points: list[dict[str, float]]) -> list[list[int]]:
    """The RGB colour a screenshot shows at each page point (read back inside the page)."""
    png = base64.b64encode(page.screenshot()).decode("ascii")
    found: list[list[int]] = page.evaluate(
        """async ([png, points]) => {
          const image = new Image();
          image.src = "data:image/png;base64," + png;
          await image.decode();
          const canvas = document.createElement("canvas");
          canvas.width = image.width;
          canvas.height = image.height;
          const ctx = canvas.getContext("2d");
          ctx.drawImage(image, 0, 0);
          return points.map((p) =>
            Array.from(ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data.slice(0, 3)));
        }""",
        [png, points],
    )
    return found


def shot(page: Page, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"explorer-{name}.png"))


def ids(items: Iterable[Any]) -> list[str]:
    return sorted(getattr(item, "id", None) or item.key for item in items)


def item_key(item: TimelineItem) -> str:
    if item.fact is not None:
        return item.fact.key
    assert item.metric is not None, "a timeline item is a fact or a metric"
    return item.metric.id


def busiest_entity(server: LiveServer) -> str:
    counts: dict[str, int] = {}
    for fact in server.store.export_delta().facts:
        for end in (fact.subject, fact.object):
            counts[end] = counts.get(end, 0) + 1
    return min(counts, key=lambda e: (-counts[e], e))


def closed_fact(server: LiveServer) -> Fact:
    """A fact that has ended, with a start date before its end, among facts that all ended
    (several facts between two entities are drawn as one edge, dashed when all ended)."""
    facts = sorted(server.store.export_delta().facts, key=lambda f: f.key)
    by_pair: dict[frozenset[str], list[Fact]] = {}
    for fact in facts:
        by_pair.setdefault(frozenset((fact.subject, fact.object)), []).append(fact)
    for fact in facts:
        start = fact.valid_from or fact.date
        pair = by_pair[frozenset((fact.subject, fact.object))]
        if fact.valid_until and start and start < fact.valid_until and all(
            f.valid_until for f in pair
        ):
            return fact
    raise AssertionError("the sample graph holds no closed fact with a start date")


def axe(page: Page, source: str) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=source)
    found: list[dict[str, Any]] = page.evaluate(
        """async () => {
          const result = await window.axe.run(document, { resultTypes: ["violations"] });
          return result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
          }));
        }"""
    )
    return [v for v in found if v["impact"] in SERIOUS]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two CSS colours ("rgb(...)")."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    def lum(colour: str) -> float:
        values = [int(v) for v in re.findall(r"\d+", colour)[:3]]
        r, g, b_ = (channel(v / 255) for v in values)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    la, lb = lum(a), lum(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)

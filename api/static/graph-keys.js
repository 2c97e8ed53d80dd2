// The graph from the keyboard. The drawing is one tab stop; inside it the arrow keys
// move to the nearest entity in that direction, E (Shift+E backwards) steps through
// the facts of the current entity, Enter opens what is current (an entity expands, a
// fact shows its evidence), D opens the current entity's dossier, + and - zoom, 0 fits. Where the keyboard is gets a ring
// (class "kbd") and is announced in a live region, since a canvas says nothing itself.

import { count } from "./format.js";
import { labelWords } from "./ontology.js";

const DIRECTIONS = {
  ArrowRight: 0,
  ArrowDown: Math.PI / 2,
  ArrowLeft: Math.PI,
  ArrowUp: -Math.PI / 2,
};
const CONE = Math.PI / 2.5;

/**
 * Wire the keyboard onto the graph's container. handlers: {onActivate(nodeId),
 * onOpenEdge(edgeId), onDossier(nodeId), announce(text)}. Returns {current(), moveTo(id)}.
 */
export function enableGraphKeyboard(container, graph, { onActivate, onOpenEdge, onDossier = null, announce }) {
  const cy = graph.cy;
  let currentId = null;
  let edgeRing = { nodeId: null, index: -1 };

  container.tabIndex = 0;
  container.setAttribute("role", "application");
  container.setAttribute("aria-roledescription", "graph");
  container.setAttribute(
    "aria-label",
    "Graph. Arrow keys move between entities, E steps through the facts of an entity, " +
      "Enter expands an entity or opens a fact, D opens an entity's dossier, + and - zoom, " +
      "0 fits the drawing.",
  );

  function element() {
    const el = currentId ? cy.getElementById(currentId) : cy.collection();
    return el.nonempty() ? el : null;
  }

  function describe(el) {
    if (el.isNode()) {
      const facts = graph.facts.size ? el.connectedEdges().reduce((n, e) => n + (e.data("keys")?.length ?? 1), 0) : 0;
      const expanded = el.hasClass("expanded") ? "; expanded" : "";
      return `${el.data("label")}, ${labelWords(el.data("type"))}, ${count(facts, "fact")} drawn${expanded}`;
    }
    const facts = graph.factsOfEdge(el.id());
    if (facts.length === 1) {
      const f = facts[0];
      return `${f.subject_name} ${f.predicate} ${f.object_name}${f.date ? `, ${f.date}` : ""}. Enter opens the evidence.`;
    }
    const [a, b] = [el.source().data("label"), el.target().data("label")];
    return `${count(facts.length, "fact")} between ${a} and ${b}. Enter lists them.`;
  }

  function moveTo(id) {
    cy.elements(".kbd").removeClass("kbd");
    currentId = id;
    const el = element();
    if (!el) return;
    el.addClass("kbd");
    graph.reveal(el.isNode() ? el : el.union(el.connectedNodes()));
    announce(describe(el));
  }

  function start() {
    const pick = cy.nodes(":selected").first().nonempty()
      ? cy.nodes(":selected").first()
      : cy.nodes(".center").first().nonempty()
        ? cy.nodes(".center").first()
        : cy.nodes().first();
    if (pick.nonempty()) moveTo(pick.id());
  }

  function step(key) {
    const el = element();
    if (!el) return start();
    const from = el.isNode() ? el.position() : el.midpoint();
    const want = DIRECTIONS[key];
    let best = null;
    let bestScore = Infinity;
    cy.nodes().forEach((n) => {
      if (n.id() === currentId) return;
      const p = n.position();
      const dx = p.x - from.x;
      const dy = p.y - from.y;
      const distance = Math.hypot(dx, dy);
      if (distance < 1) return;
      const off = Math.abs(Math.atan2(Math.sin(Math.atan2(dy, dx) - want), Math.cos(Math.atan2(dy, dx) - want)));
      if (off > CONE) return;
      const score = distance * (1 + 2 * off);
      if (score < bestScore) {
        best = n;
        bestScore = score;
      }
    });
    if (best) moveTo(best.id());
    else announce("Nothing further that way.");
  }

  function cycleEdges(backwards) {
    const el = element();
    if (!el) return start();
    const node = el.isNode() ? el : el.source();
    const edges = node.connectedEdges().sort((a, b) => (a.id() < b.id() ? -1 : 1));
    if (edges.empty()) {
      announce("No fact drawn here.");
      return;
    }
    if (edgeRing.nodeId !== node.id()) edgeRing = { nodeId: node.id(), index: -1 };
    edgeRing.index = (edgeRing.index + (backwards ? -1 : 1) + edges.length) % edges.length;
    moveTo(edges[edgeRing.index].id());
  }

  function zoom(factor) {
    const el = element();
    const at = el ? (el.isNode() ? el.renderedPosition() : el.renderedMidpoint()) : { x: cy.width() / 2, y: cy.height() / 2 };
    cy.zoom({ level: Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * factor)), renderedPosition: at });
  }

  container.addEventListener("focus", () => {
    if (!element()) start();
    else announce(describe(element()));
  });
  container.addEventListener("blur", () => cy.elements(".kbd").removeClass("kbd"));
  container.addEventListener("keydown", (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key in DIRECTIONS) {
      ev.preventDefault();
      step(ev.key);
    } else if (ev.key === "e" || ev.key === "E") {
      ev.preventDefault();
      cycleEdges(ev.shiftKey);
    } else if (ev.key === "Enter" || ev.key === " ") {
      const el = element();
      if (!el) return;
      ev.preventDefault();
      if (el.isNode()) onActivate(el.id());
      else onOpenEdge(el.id());
    } else if ((ev.key === "d" || ev.key === "D") && onDossier) {
      const el = element();
      if (!el?.isNode()) return;
      ev.preventDefault();
      onDossier(el.id());
    } else if (ev.key === "+" || ev.key === "=") {
      ev.preventDefault();
      zoom(1.25);
    } else if (ev.key === "-") {
      ev.preventDefault();
      zoom(0.8);
    } else if (ev.key === "0") {
      ev.preventDefault();
      graph.fit();
    }
  });
  cy.on("remove", (ev) => {
    if (ev.target.id() === currentId) currentId = null;
  });

  return {
    current: () => currentId,
    moveTo,
  };
}

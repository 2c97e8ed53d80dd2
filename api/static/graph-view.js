// The drawing: a Cytoscape instance fed with the API's Subgraph and PathResult
// shapes. It knows nothing about fetching; app.js decides what to show.
//
// One fact is one edge, except where several facts join the same two entities: they
// are drawn as one bundled edge (class "bundle", data "keys"), labelled with their
// predicates and count, so their labels never pile up; clicking it lists them.

import { graphStyle } from "./graph-style.js";
import { count, hasEnded, periodText } from "./format.js";
import { SYMMETRIC, labelFromId, styleFor } from "./ontology.js";

// Above this many nodes a force layout costs seconds; a spiral placement by distance
// from the centre entity takes milliseconds and still reads as "nearest first".
const FORCE_LAYOUT_MAX_NODES = 600;
// Re-running the force layout on every expansion keeps the picture tidy, but only while
// it is cheap; beyond this, new neighbours are placed in rings around the expanded node.
const INCREMENTAL_FORCE_MAX_NODES = 400;
// From this many nodes on, edges are drawn straight and without arrows (class "bulk").
const BULK_EDGES_MIN_NODES = 600;
// Labels are moved to the free side of their node while there are few enough to matter.
const LABEL_PLACEMENT_MAX_NODES = 600;
/** Fitting three nodes to the screen would blow them up: no fit ever zooms past this. */
export const MAX_FIT_ZOOM = 1.6;
const FIT_PADDING = 30;
const MAX_STRETCH = 1.8;
const ANIMATION_MS = 250;

/** Where a node's label goes: below, above, right or left of it. */
const LABEL_SIDES = {
  bottom: { valign: "bottom", halign: "center", marginX: 0, marginY: 3, angle: Math.PI / 2 },
  top: { valign: "top", halign: "center", marginX: 0, marginY: -3, angle: -Math.PI / 2 },
  right: { valign: "center", halign: "right", marginX: 4, marginY: 0, angle: 0 },
  left: { valign: "center", halign: "left", marginX: -4, marginY: 0, angle: Math.PI },
};

/** Cytoscape element data for an Entity (or an EntityRef from a path). */
export function nodeElement(entity) {
  const style = styleFor(entity.type);
  return {
    group: "nodes",
    data: {
      id: entity.id,
      label: entity.name,
      type: entity.type,
      color: style.color,
      shape: style.shape,
      ...sideData(LABEL_SIDES.bottom),
    },
  };
}

function sideData(side) {
  return { valign: side.valign, halign: side.halign, marginX: side.marginX, marginY: side.marginY };
}

/** "OWNS" over "2019-03 → 2024-05" style edge text. */
export function edgeLabel(fact) {
  const when = periodText(fact);
  return when ? `${fact.predicate}\n${when}` : fact.predicate;
}

/** "ACQUIRES · OWNS +1" over "3 facts": the label of a bundle. */
function bundleLabel(facts) {
  const predicates = [...new Set(facts.map((f) => f.predicate))];
  const shown = predicates.slice(0, 2).join(" · ");
  const more = predicates.length > 2 ? ` +${predicates.length - 2}` : "";
  return `${shown}${more}\n${count(facts.length, "fact")}`;
}

function pairOf(fact) {
  return fact.subject < fact.object ? `${fact.subject}|${fact.object}` : `${fact.object}|${fact.subject}`;
}

/** Cytoscape element for the facts joining one pair of entities (one edge or a bundle). */
function edgeElement(facts, asOf) {
  const classes = [];
  if (facts.length === 1) {
    const fact = facts[0];
    if (hasEnded(fact, asOf)) classes.push("closed");
    if (SYMMETRIC.has(fact.predicate)) classes.push("symmetric");
    return {
      group: "edges",
      data: {
        id: fact.key,
        source: fact.subject,
        target: fact.object,
        keys: [fact.key],
        pair: pairOf(fact),
        predicate: fact.predicate,
        label: edgeLabel(fact),
      },
      classes: classes.join(" "),
    };
  }
  const [a, b] = pairOf(facts[0]).split("|");
  const directed = facts.filter((f) => !SYMMETRIC.has(f.predicate));
  const forward = directed.some((f) => f.subject === a);
  const backward = directed.some((f) => f.subject === b);
  classes.push("bundle");
  if (forward && backward) classes.push("both");
  if (!forward && !backward) classes.push("symmetric");
  if (facts.every((f) => hasEnded(f, asOf))) classes.push("closed");
  const [source, target] = !forward && backward ? [b, a] : [a, b];
  return {
    group: "edges",
    data: {
      id: `bundle:${a}|${b}`,
      source,
      target,
      keys: facts.map((f) => f.key).sort(),
      pair: `${a}|${b}`,
      label: bundleLabel(facts),
    },
    classes: classes.join(" "),
  };
}

function ringPositions(center, count_, startRadius = 120, spacing = 46) {
  const positions = [];
  let radius = startRadius;
  while (positions.length < count_) {
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
    const inRing = Math.min(capacity, count_ - positions.length);
    const offset = Math.random() * Math.PI;
    for (let i = 0; i < inRing; i++) {
      const angle = offset + (2 * Math.PI * i) / inRing;
      positions.push({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    }
    radius += spacing * 1.5;
  }
  return positions;
}

export class GraphView {
  /**
   * container: the element to draw in.
   * handlers: {onNodeTap(id), onEdgeTap(edgeId, keys), insets(): {top, right, bottom, left}
   *            in pixels the drawing must keep clear of (toolbar, legend)}
   */
  constructor(container, { onNodeTap, onEdgeTap, insets = () => ({}) }) {
    this.cytoscape = window.cytoscape;
    this.hasFcose = typeof window.cytoscapeFcose === "function";
    if (this.hasFcose) this.cytoscape.use(window.cytoscapeFcose);
    this.cy = this.cytoscape({
      container,
      elements: [],
      style: graphStyle,
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    });
    this.maxFitZoom = MAX_FIT_ZOOM;
    this.insets = insets;
    /** FactView by key, for everything drawn. */
    this.facts = new Map();
    /** Fact keys by pair of entities ("a|b", ids sorted). */
    this.pairs = new Map();
    this.asOf = null;
    this.centerId = null;
    this.lastLayout = null;
    this.marks = { pathNodes: new Set(), pathFacts: new Set(), focus: null };
    this.cy.on("tap", "node", (ev) => onNodeTap(ev.target.id()));
    // Edges are painted above nodes (so arrowheads stay visible over labels), so an edge
    // that happens to cross a node would take the clicks aimed at the node's centre.
    // Inside a node's body, the node wins.
    this.cy.on("tap", "edge", (ev) => {
      const node = this.nodeAt(ev.position);
      if (node) onNodeTap(node.id());
      else onEdgeTap(ev.target.id(), ev.target.data("keys"));
    });
    this.cy.on("mouseover", "node", (ev) => ev.target.addClass("hover"));
    this.cy.on("mouseout", "node", (ev) => ev.target.removeClass("hover"));
    // A dragged node may now sit where its label collides with its edges.
    this.cy.on("free", "node", (ev) => this.placeLabels(ev.target.closedNeighborhood().nodes()));
  }

  // ------------------------------------------------------------ reading

  /** The topmost node whose body (the ellipse inside its box, not its label) holds
   *  the model position `{x, y}`, or null. */
  nodeAt({ x, y }) {
    const hits = this.cy.nodes().filter((n) => {
      const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
      const dx = (x - (b.x1 + b.x2) / 2) / (b.w / 2);
      const dy = (y - (b.y1 + b.y2) / 2) / (b.h / 2);
      return dx * dx + dy * dy <= 1;
    });
    return hits.empty() ? null : hits.last();
  }

  counts() {
    return { nodes: this.cy.nodes().length, edges: this.facts.size };
  }

  /** Labels of the entities drawn. */
  typesDrawn() {
    return new Set(this.cy.nodes().map((n) => n.data("type")));
  }

  /** The drawn edge (single or bundle) that carries fact `key`, or an empty collection. */
  edgeOf(key) {
    if (!this.facts.has(key)) return this.cy.collection();
    const pair = pairOf(this.facts.get(key));
    const keys = this.pairs.get(pair);
    if (keys?.size === 1) return this.cy.getElementById(key);
    const [a, b] = pair.split("|");
    return this.cy.getElementById(`bundle:${a}|${b}`);
  }

  /** FactViews of a drawn edge (one, or every fact of a bundle). */
  factsOfEdge(edgeId) {
    const edge = this.cy.getElementById(edgeId);
    if (edge.empty()) return [];
    return (edge.data("keys") ?? []).map((k) => this.facts.get(k)).filter(Boolean);
  }

  /** Positions of every node, to keep the picture steady across a redraw. */
  positions() {
    const map = new Map();
    this.cy.nodes().forEach((n) => map.set(n.id(), { ...n.position() }));
    return map;
  }

  viewport() {
    return { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
  }

  setViewport(view) {
    this.cy.viewport({ zoom: view.zoom, pan: view.pan });
  }

  // ------------------------------------------------------------ drawing

  clear() {
    this.cy.elements().remove();
    this.facts.clear();
    this.pairs.clear();
    this.centerId = null;
    this.marks = { pathNodes: new Set(), pathFacts: new Set(), focus: null };
  }

  _applyScale() {
    const bulk = this.cy.nodes().length >= BULK_EDGES_MIN_NODES;
    const edges = this.cy.edges();
    if (bulk) edges.addClass("bulk");
    else edges.removeClass("bulk");
  }

  _nodesOf(subgraph) {
    const nodes = subgraph.entities.map(nodeElement);
    const known = new Set(nodes.map((n) => n.data.id));
    // A fact whose far end the API did not return still deserves drawing: add that end
    // as a placeholder node rather than dropping the fact.
    for (const fact of subgraph.facts) {
      for (const [id, name] of [
        [fact.subject, fact.subject_name],
        [fact.object, fact.object_name],
      ]) {
        if (!known.has(id) && this.cy.getElementById(id).empty()) {
          const el = nodeElement({ id, name, type: labelFromId(id) });
          el.classes = "placeholder";
          nodes.push(el);
          known.add(id);
        }
      }
    }
    return nodes;
  }

  /** Record facts; returns the pairs whose edges must be (re)drawn. */
  _remember(facts) {
    const touched = new Set();
    for (const fact of facts) {
      if (this.facts.has(fact.key)) {
        this.facts.set(fact.key, fact);
        continue;
      }
      this.facts.set(fact.key, fact);
      const pair = pairOf(fact);
      if (!this.pairs.has(pair)) this.pairs.set(pair, new Set());
      this.pairs.get(pair).add(fact.key);
      touched.add(pair);
    }
    return touched;
  }

  /** Replace the edges of these pairs with one edge or bundle each. */
  _drawPairs(pairs) {
    const wanted = new Set(pairs);
    if (!wanted.size) return;
    this.cy.edges().filter((e) => wanted.has(e.data("pair"))).remove();
    const elements = [];
    for (const pair of wanted) {
      const facts = [...this.pairs.get(pair)].map((k) => this.facts.get(k));
      elements.push(edgeElement(facts, this.asOf));
    }
    this.cy.add(elements);
  }

  /**
   * Draw `subgraph` from scratch around `centerId` and lay it out.
   *
   * keepPositions: a Map of node positions from an earlier drawing; nodes found there
   * keep their place (an as-of change moves nothing that stays) and new ones are laid
   * out around them (see _layoutAround). keepMarks keeps the path highlight, for a
   * redraw of the same view.
   */
  replace(subgraph, centerId, { keepPositions = null, asOf = this.asOf, keepMarks = false } = {}) {
    this.facts.clear();
    this.pairs.clear();
    this.cy.elements().remove();
    const nodes = this._nodesOf({ entities: subgraph.entities, facts: subgraph.facts });
    this.asOf = asOf;
    if (!keepMarks) this.marks = { pathNodes: new Set(), pathFacts: new Set(), focus: null };
    const pairs = this._remember(subgraph.facts);
    this.centerId = centerId;
    const kept = keepPositions ? nodes.filter((n) => keepPositions.has(n.data.id)) : [];
    this.cy.batch(() => {
      this.cy.elements().remove();
      for (const n of kept) n.position = { ...keepPositions.get(n.data.id) };
      this.cy.add(nodes);
      this._drawPairs(pairs);
      if (centerId) this.cy.getElementById(centerId).addClass("center");
      this._applyScale();
    });
    this._restyle();
    if (kept.length) {
      const fresh = this.cy.collection(
        nodes.filter((n) => !keepPositions.has(n.data.id)).map((n) => this.cy.getElementById(n.data.id)),
      );
      this._placeNear(fresh);
      if (fresh.nonempty()) return this._layoutAround(fresh, kept.length);
      this.placeLabels();
      this.lastLayout = { name: "kept", nodes: nodes.length, ms: 0 };
      if (!this._inView(this.cy.nodes())) this.fitTo();
      return Promise.resolve(this.lastLayout);
    }
    return this._layoutFresh();
  }

  /**
   * Lay out `fresh` nodes among nodes that keep their place: a few newcomers move and
   * nothing else does; when they outnumber the nodes kept (a larger depth), the whole
   * drawing is laid out again.
   */
  _layoutAround(fresh, keptCount) {
    const n = this.cy.nodes().length;
    if (!this.hasFcose || n > INCREMENTAL_FORCE_MAX_NODES) {
      this.placeLabels();
      this.lastLayout = { name: "rings", nodes: n, ms: 0 };
      if (!this._inView(this.cy.nodes())) this.fitTo();
      return Promise.resolve(this.lastLayout);
    }
    if (fresh.length > keptCount) return this._layoutFresh();
    const extra = {
      quality: "proof",
      randomize: false,
      packComponents: false,
      initialEnergyOnIncremental: 0.3,
      fixedNodeConstraint: this.cy
        .nodes()
        .difference(fresh)
        .map((node) => ({ nodeId: node.id(), position: { ...node.position() } })),
    };
    return this._run(this._forceOptions({ ...extra, fit: false }), n).then((done) => {
      if (!this._inView(this.cy.nodes())) this.fitTo();
      return done;
    });
  }

  /** Put nodes that have no place next to a placed neighbour (or the centre). */
  _placeNear(fresh) {
    if (fresh.empty()) return;
    const placed = this.cy.nodes().difference(fresh);
    const groups = new Map();
    fresh.forEach((n) => {
      const anchor = n.neighborhood().nodes().intersection(placed).first();
      const key = anchor.nonempty() ? anchor.id() : this.centerId;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(n);
    });
    for (const [anchorId, members] of groups) {
      const anchor = anchorId ? this.cy.getElementById(anchorId) : this.cy.collection();
      const at = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
      ringPositions(at, members.length).forEach((p, i) => members[i].position(p));
    }
  }

  /** Add a subgraph next to node `aroundId`; returns {addedNodes, addedEdges, layout}. */
  merge(subgraph, aroundId) {
    const nodes = this._nodesOf(subgraph);
    const newNodes = nodes.filter((n) => this.cy.getElementById(n.data.id).empty());
    const before = this.facts.size;
    const around = this.cy.getElementById(aroundId);
    const center = around.nonempty() ? around.position() : { x: 0, y: 0 };
    const spots = ringPositions(center, newNodes.length);
    newNodes.forEach((n, i) => {
      n.position = spots[i];
    });
    this.cy.batch(() => {
      this.cy.add(newNodes);
      this._drawPairs(this._remember(subgraph.facts));
      this._applyScale();
    });
    this._restyle();
    const added = this.cy.collection(newNodes.map((n) => this.cy.getElementById(n.data.id)));
    const layout = this._layoutIncremental(added, around);
    return { addedNodes: newNodes.length, addedEdges: this.facts.size - before, layout };
  }

  /** Add a fact's edge (and its two entities as needed) so it can be focused. */
  addFact(fact, types = {}) {
    if (this.facts.has(fact.key)) return Promise.resolve(null);
    const sub = {
      entities: [
        { id: fact.subject, name: fact.subject_name, type: types[fact.subject] ?? labelFromId(fact.subject) },
        { id: fact.object, name: fact.object_name, type: types[fact.object] ?? labelFromId(fact.object) },
      ].filter((e) => this.cy.getElementById(e.id).empty()),
      facts: [fact],
    };
    const anchor = this.cy.getElementById(fact.subject).nonempty() ? fact.subject : fact.object;
    return this.merge(sub, anchor).layout;
  }

  /** Redraw the edges for another as-of date: a fact still holding is not drawn as ended. */
  setAsOf(asOf) {
    this.asOf = asOf;
    this.cy.batch(() => this._drawPairs([...this.pairs.keys()]));
    this._applyScale();
    this._restyle();
  }

  markExpanded(id) {
    this.cy.getElementById(id).addClass("expanded");
  }

  selectNode(id) {
    this.cy.elements(":selected").unselect();
    this.cy.getElementById(id).select();
  }

  // ---------------------------------------------------------- layout

  _run(options, nodeCount, name = options.name) {
    const started = performance.now();
    return new Promise((resolve) => {
      const layout = this.cy.layout({ ...options, fit: false });
      layout.one("layoutstop", () => {
        this.lastLayout = { name, nodes: nodeCount, ms: Math.round(performance.now() - started) };
        if (options.stretch) this._stretchToCanvas();
        this.placeLabels();
        if (options.fit) this.fitTo();
        resolve(this.lastLayout);
      });
      layout.run();
    });
  }

  /**
   * Stretch the drawing along its short side to the shape of the free canvas (at most
   * MAX_STRETCH times): a force layout comes out roughly round, and a round drawing in
   * a wide canvas leaves its sides empty and its labels small.
   */
  _stretchToCanvas() {
    const nodes = this.cy.nodes();
    if (nodes.length < 3) return;
    const box = nodes.boundingBox({ includeLabels: false });
    if (box.w < 1 || box.h < 1) return;
    const area = this._area();
    const want = area.width / area.height;
    const have = box.w / box.h;
    const cx = (box.x1 + box.x2) / 2;
    const cy = (box.y1 + box.y2) / 2;
    const sx = have < want ? Math.min(want / have, MAX_STRETCH) : 1;
    const sy = have > want ? Math.min(have / want, MAX_STRETCH) : 1;
    if (sx === 1 && sy === 1) return;
    this.cy.batch(() => {
      nodes.forEach((n) => {
        const p = n.position();
        n.position({ x: cx + (p.x - cx) * sx, y: cy + (p.y - cy) * sy });
      });
    });
  }

  /** fcose spread for the canvas: edges long enough for their labels, hubs pushed apart. */
  _forceOptions(extra = {}) {
    return {
      name: "fcose",
      quality: "default",
      animate: false,
      fit: true,
      nodeRepulsion: () => 12000,
      idealEdgeLength: (edge) => (edge.hasClass("bundle") ? 150 : 120),
      nodeDimensionsIncludeLabels: true,
      edgeElasticity: () => 0.35,
      nodeSeparation: 90,
      gravity: 0.2,
      gravityRange: 3.8,
      numIter: 2500,
      packComponents: true,
      tilingPaddingVertical: 20,
      tilingPaddingHorizontal: 20,
      ...extra,
    };
  }

  _layoutFresh() {
    const n = this.cy.nodes().length;
    if (n === 0) return Promise.resolve(null);
    if (this.hasFcose && n <= FORCE_LAYOUT_MAX_NODES) {
      return this._run(this._forceOptions({ randomize: true, stretch: true }), n);
    }
    if (!this.hasFcose && n <= FORCE_LAYOUT_MAX_NODES) {
      return this._run({ name: "cose", animate: false, fit: true }, n);
    }
    return this._run(this._discOptions(), n, "spiral");
  }

  _discOptions() {
    // Nodes on a sunflower spiral around the centre entity, nearest hops innermost and
    // labels grouped within a hop: near-linear time, compact, readable at 2,000 nodes.
    const levels = new Map();
    const root = this.cy.getElementById(this.centerId);
    if (root.nonempty()) {
      this.cy.elements().bfs({
        roots: root,
        directed: false,
        visit: (v, e, u, i, depth) => {
          levels.set(v.id(), depth);
        },
      });
    }
    const far = Math.max(0, ...levels.values()) + 1;
    const keyed = this.cy.nodes().map((n) => ({
      id: n.id(),
      level: levels.get(n.id()) ?? far,
      type: n.data("type"),
      degree: n.degree(false),
    }));
    keyed.sort((a, b) => a.level - b.level || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || b.degree - a.degree);
    const golden = Math.PI * (3 - Math.sqrt(5));
    const spacing = 34;
    const positions = new Map();
    keyed.forEach(({ id }, i) => {
      const r = i === 0 ? 0 : spacing * Math.sqrt(i + 2);
      positions.set(id, { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) });
    });
    return { name: "preset", positions: (node) => positions.get(node.id()), fit: true, animate: false };
  }

  _layoutIncremental(added, around) {
    const n = this.cy.nodes().length;
    if (added.empty()) return Promise.resolve(null);
    if (this.hasFcose && n <= INCREMENTAL_FORCE_MAX_NODES) {
      // The nodes already drawn stay where the reader left them; only the new ones move.
      const fixed = this.cy.nodes().difference(added).map((node) => ({
        nodeId: node.id(),
        position: { ...node.position() },
      }));
      return this._run(
        this._forceOptions({
          quality: "proof",
          randomize: false,
          fixedNodeConstraint: fixed,
          initialEnergyOnIncremental: 0.3,
          packComponents: false,
        }),
        n,
      );
    }
    // Ring placement already happened in merge(); just bring the new part into view.
    const started = performance.now();
    this.placeLabels(added.union(around));
    this.fitTo(added.union(around), { animate: true });
    this.lastLayout = { name: "rings", nodes: n, ms: Math.round(performance.now() - started) };
    return Promise.resolve(this.lastLayout);
  }

  /**
   * Move each node's label to the side its edges leave free (below, above, right,
   * left, in that order of preference), so lines and arrowheads do not cross it.
   */
  placeLabels(nodes = this.cy.nodes()) {
    if (this.cy.nodes().length > LABEL_PLACEMENT_MAX_NODES) return;
    const near = Math.PI / 3.2;
    this.cy.batch(() => {
      nodes.forEach((node) => {
        const at = node.position();
        const angles = node
          .neighborhood()
          .nodes()
          .map((other) => Math.atan2(other.position().y - at.y, other.position().x - at.x));
        let best = LABEL_SIDES.bottom;
        let bestScore = Infinity;
        for (const side of Object.values(LABEL_SIDES)) {
          const score = angles.filter((a) => {
            const d = Math.abs(Math.atan2(Math.sin(a - side.angle), Math.cos(a - side.angle)));
            return d < near;
          }).length;
          if (score < bestScore) {
            best = side;
            bestScore = score;
          }
        }
        if (node.data("valign") !== best.valign || node.data("halign") !== best.halign) {
          node.data(sideData(best));
        }
      });
    });
  }

  // ------------------------------------------------------------ viewport

  /** The part of the canvas the drawing may use: the container less the insets. */
  _area() {
    const width = this.cy.width();
    const height = this.cy.height();
    const inset = { top: 0, right: 0, bottom: 0, left: 0, ...this.insets() };
    return {
      x: inset.left + FIT_PADDING,
      y: inset.top + FIT_PADDING,
      width: Math.max(60, width - inset.left - inset.right - 2 * FIT_PADDING),
      height: Math.max(60, height - inset.top - inset.bottom - 2 * FIT_PADDING),
    };
  }

  /** The zoom and pan that fit `eles` into the free part of the canvas, zoom clamped. */
  _fitView(eles) {
    const box = eles.boundingBox({ includeLabels: true, includeOverlays: false });
    const area = this._area();
    const zoomFor = Math.min(area.width / Math.max(box.w, 1), area.height / Math.max(box.h, 1));
    const zoom = Math.max(this.cy.minZoom(), Math.min(this.maxFitZoom, zoomFor));
    const cx = (box.x1 + box.x2) / 2;
    const cy = (box.y1 + box.y2) / 2;
    return {
      zoom,
      pan: { x: area.x + area.width / 2 - cx * zoom, y: area.y + area.height / 2 - cy * zoom },
    };
  }

  /** Fit `eles` (everything by default) into the free part of the canvas. */
  fitTo(eles = this.cy.elements(), { animate = false } = {}) {
    if (eles.empty()) return Promise.resolve();
    const view = this._fitView(eles);
    if (!animate) {
      this.cy.viewport(view);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.cy.animate(view, { duration: ANIMATION_MS, complete: resolve });
    });
  }

  fit() {
    return this.fitTo();
  }

  /** Whether `eles` lie wholly inside the free part of the canvas as it is now. */
  _inView(eles) {
    if (eles.empty()) return true;
    const box = eles.renderedBoundingBox({ includeLabels: false });
    const inset = { top: 0, right: 0, bottom: 0, left: 0, ...this.insets() };
    return (
      box.x1 >= inset.left &&
      box.y1 >= inset.top &&
      box.x2 <= this.cy.width() - inset.right &&
      box.y2 <= this.cy.height() - inset.bottom
    );
  }

  /** Pan (never zoom) so that `eles` come into view, only when they are not already. */
  reveal(eles) {
    if (eles.empty() || this._inView(eles)) return Promise.resolve();
    const target = this._fitView(eles);
    const zoom = Math.min(this.cy.zoom(), target.zoom);
    const box = eles.boundingBox({ includeLabels: true });
    const area = this._area();
    const pan = {
      x: area.x + area.width / 2 - ((box.x1 + box.x2) / 2) * zoom,
      y: area.y + area.height / 2 - ((box.y1 + box.y2) / 2) * zoom,
    };
    return new Promise((resolve) => {
      this.cy.animate({ zoom, pan }, { duration: ANIMATION_MS, complete: resolve });
    });
  }

  // ------------------------------------------------------------ highlights

  /** Apply path, focus and fade classes from `marks` (after any redraw of edges). */
  _restyle() {
    const { pathNodes, pathFacts, focus } = this.marks;
    this.cy.batch(() => {
      this.cy.elements().removeClass("path faded focus");
      const on = this.cy.collection();
      if (pathNodes.size || pathFacts.size) {
        for (const id of pathNodes) on.merge(this.cy.getElementById(id));
        this.cy.edges().forEach((e) => {
          if ((e.data("keys") ?? []).some((k) => pathFacts.has(k))) on.merge(e);
        });
        this.cy.elements().not(on).addClass("faded");
        on.addClass("path");
      }
      if (focus) {
        const edge = this.edgeOf(focus);
        edge.addClass("focus").removeClass("faded");
        edge.connectedNodes().addClass("focus").removeClass("faded");
      }
    });
  }

  /** Draw these entities and facts as a path and fade everything else. */
  highlight(nodeIds, factKeys) {
    this.marks.pathNodes = new Set(nodeIds);
    this.marks.pathFacts = new Set(factKeys);
    this._restyle();
  }

  clearHighlight() {
    this.marks = { pathNodes: new Set(), pathFacts: new Set(), focus: null };
    this._restyle();
  }

  get hasHighlight() {
    return this.marks.pathNodes.size > 0 || this.marks.pathFacts.size > 0;
  }

  /**
   * Single out one fact's edge; the view pans to it only when it is off screen (a
   * click on an edge never moves the graph). False when the fact is not drawn.
   */
  focusFact(key, { reveal = true } = {}) {
    this.marks.focus = key;
    this._restyle();
    const edge = this.edgeOf(key);
    if (edge.empty()) return false;
    this.cy.elements(":selected").unselect();
    edge.select();
    if (reveal) this.reveal(edge.union(edge.connectedNodes()));
    return true;
  }

  /** Draw the paths of a PathResult highlighted, adding whatever is missing. */
  showPaths(result) {
    const nodes = [];
    const facts = [];
    for (const path of result.paths) {
      for (const ref of path.nodes) nodes.push(ref);
      for (const hop of path.hops) facts.push(hop.fact);
    }
    const unique = [...new Map(nodes.map((n) => [n.id, n])).values()];
    const pending = this.cy.nodes().empty()
      ? this.replace({ entities: unique, facts }, result.source.id, { keepMarks: true })
      : this.merge(
          { entities: unique.filter((n) => this.cy.getElementById(n.id).empty()), facts },
          result.source.id,
        ).layout;
    const anchor = this.cy.getElementById(result.source.id);
    this.highlight(
      unique.map((n) => n.id),
      facts.map((f) => f.key),
    );
    return pending.then(() => {
      const pathElements = this.cy.elements(".path");
      return this.fitTo(pathElements.nonempty() ? pathElements : anchor, { animate: true }).then(() => ({
        nodes: pathElements.nodes().length,
        edges: facts.length ? new Set(facts.map((f) => f.key)).size : 0,
      }));
    });
  }
}

// The drawing: a Cytoscape instance fed with the API's Subgraph and PathResult
// shapes. It knows nothing about fetching; app.js decides what to show.

import { graphStyle } from "./graph-style.js";
import { labelFromId, styleFor } from "./ontology.js";

const SYMMETRIC = new Set(["MERGES_WITH", "PARTNERS_WITH", "COMPETES_WITH"]);

// Above this many nodes a force layout costs seconds; a spiral placement by distance
// from the centre entity takes milliseconds and still reads as "nearest first".
const FORCE_LAYOUT_MAX_NODES = 600;
// Re-running the force layout on every expansion keeps the picture tidy, but only while
// it is cheap; beyond this, new neighbours are placed in rings around the expanded node.
const INCREMENTAL_FORCE_MAX_NODES = 400;
// From this many nodes on, edges are drawn straight and without arrows (class "bulk").
const BULK_EDGES_MIN_NODES = 600;
// Fitting three nodes to the screen would blow them up; past this zoom, stop and centre.
const MAX_FIT_ZOOM = 1.6;

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
    },
  };
}

/** "OWNS · 2019-03 → 2024-05" style edge text, on two lines. */
export function edgeLabel(fact) {
  let when = fact.date ?? "";
  if (fact.valid_until) {
    const from = fact.valid_from ?? fact.date;
    when = from ? `${from} → ${fact.valid_until}` : `until ${fact.valid_until}`;
  }
  return when ? `${fact.predicate}\n${when}` : fact.predicate;
}

/** Cytoscape element data for a FactView; its key is the edge id. */
export function edgeElement(fact) {
  const classes = [];
  if (fact.valid_until) classes.push("closed");
  if (SYMMETRIC.has(fact.predicate)) classes.push("symmetric");
  return {
    group: "edges",
    data: {
      id: fact.key,
      source: fact.subject,
      target: fact.object,
      predicate: fact.predicate,
      date: fact.date ?? null,
      valid_from: fact.valid_from ?? null,
      valid_until: fact.valid_until ?? null,
      label: edgeLabel(fact),
    },
    classes: classes.join(" "),
  };
}

function ringPositions(center, count, startRadius = 110, spacing = 40) {
  const positions = [];
  let radius = startRadius;
  while (positions.length < count) {
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
    const inRing = Math.min(capacity, count - positions.length);
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
   * handlers: {onNodeTap(id), onEdgeTap(key)}
   */
  constructor(container, { onNodeTap, onEdgeTap }) {
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
      // Large neighbourhoods: draw a cached bitmap while panning and zooming.
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    });
    /** FactView by key, for everything drawn. */
    this.facts = new Map();
    this.centerId = null;
    this.lastLayout = null;
    this.cy.on("tap", "node", (ev) => onNodeTap(ev.target.id()));
    this.cy.on("tap", "edge", (ev) => onEdgeTap(ev.target.id()));
  }

  _applyScale() {
    const bulk = this.cy.nodes().length >= BULK_EDGES_MIN_NODES;
    const edges = this.cy.edges();
    if (bulk) edges.addClass("bulk");
    else edges.removeClass("bulk");
  }

  counts() {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }

  clear() {
    this.cy.elements().remove();
    this.facts.clear();
    this.centerId = null;
  }

  _elementsOf(subgraph) {
    const nodes = subgraph.entities.map(nodeElement);
    const known = new Set(nodes.map((n) => n.data.id));
    // A fact whose far end the API did not return still deserves drawing: add that end
    // as a placeholder node rather than dropping the fact.
    for (const fact of subgraph.facts) {
      for (const [id, name] of [
        [fact.subject, fact.subject_name],
        [fact.object, fact.object_name],
      ]) {
        if (!known.has(id) && !this.cy.getElementById(id).nonempty()) {
          const el = nodeElement({ id, name, type: labelFromId(id) });
          el.classes = "placeholder";
          nodes.push(el);
          known.add(id);
        }
      }
    }
    return { nodes, edges: subgraph.facts.map(edgeElement) };
  }

  /** Draw `subgraph` from scratch around `centerId` and lay it out. */
  replace(subgraph, centerId, { keepPositions = null } = {}) {
    const { nodes, edges } = this._elementsOf(subgraph);
    this.facts.clear();
    for (const fact of subgraph.facts) this.facts.set(fact.key, fact);
    this.centerId = centerId;
    this.cy.batch(() => {
      this.cy.elements().remove();
      if (keepPositions) {
        for (const n of nodes) {
          const at = keepPositions.get(n.data.id);
          if (at) n.position = { ...at };
        }
      }
      this.cy.add(nodes);
      this.cy.add(edges);
      this.cy.getElementById(centerId).addClass("center");
      this._applyScale();
    });
    const allKept = keepPositions && nodes.every((n) => keepPositions.has(n.data.id));
    if (allKept) {
      this.fit();
      this.lastLayout = { name: "kept", nodes: nodes.length, ms: 0 };
      return Promise.resolve(this.lastLayout);
    }
    return this._layoutFresh();
  }

  /** Add a subgraph next to node `aroundId`; returns {addedNodes, addedEdges, layout}. */
  merge(subgraph, aroundId) {
    const { nodes, edges } = this._elementsOf(subgraph);
    const newNodes = nodes.filter((n) => this.cy.getElementById(n.data.id).empty());
    const newEdges = edges.filter((e) => this.cy.getElementById(e.data.id).empty());
    for (const fact of subgraph.facts) this.facts.set(fact.key, fact);
    const around = this.cy.getElementById(aroundId);
    const center = around.nonempty() ? around.position() : { x: 0, y: 0 };
    const spots = ringPositions(center, newNodes.length);
    newNodes.forEach((n, i) => {
      n.position = spots[i];
    });
    this.cy.batch(() => {
      this.cy.add(newNodes);
      this.cy.add(newEdges);
      this._applyScale();
    });
    const added = this.cy.collection(newNodes.map((n) => this.cy.getElementById(n.data.id)));
    const layout = this._layoutIncremental(added, around);
    return { addedNodes: newNodes.length, addedEdges: newEdges.length, layout };
  }

  _run(options, count, name = options.name) {
    const started = performance.now();
    return new Promise((resolve) => {
      const layout = this.cy.layout(options);
      layout.one("layoutstop", () => {
        this.lastLayout = { name, nodes: count, ms: Math.round(performance.now() - started) };
        if (options.fit) this.fit();
        resolve(this.lastLayout);
      });
      layout.run();
    });
  }

  _layoutFresh() {
    const n = this.cy.nodes().length;
    if (n === 0) return Promise.resolve(null);
    if (this.hasFcose && n <= FORCE_LAYOUT_MAX_NODES) {
      return this._run(
        {
          name: "fcose",
          quality: "default",
          randomize: true,
          animate: false,
          fit: true,
          padding: 40,
          nodeRepulsion: () => 9000,
          idealEdgeLength: () => 110,
          nodeSeparation: 110,
          packComponents: false,
        },
        n,
      );
    }
    if (!this.hasFcose && n <= FORCE_LAYOUT_MAX_NODES) {
      return this._run({ name: "cose", animate: false, fit: true, padding: 40 }, n);
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
    const order = keyed.map((k) => k.id);
    const golden = Math.PI * (3 - Math.sqrt(5));
    const spacing = 34;
    const positions = new Map();
    order.forEach((id, i) => {
      const r = i === 0 ? 0 : spacing * Math.sqrt(i + 2);
      positions.set(id, { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) });
    });
    return {
      name: "preset",
      positions: (node) => positions.get(node.id()),
      fit: true,
      padding: 30,
      animate: false,
    };
  }

  _layoutIncremental(added, around) {
    const n = this.cy.nodes().length;
    if (added.empty()) return Promise.resolve(null);
    if (this.hasFcose && n <= INCREMENTAL_FORCE_MAX_NODES) {
      return this._run(
        {
          name: "fcose",
          quality: "proof",
          randomize: false,
          animate: true,
          animationDuration: 350,
          fit: true,
          padding: 40,
          nodeRepulsion: () => 9000,
          idealEdgeLength: () => 110,
          packComponents: false,
          initialEnergyOnIncremental: 0.3,
        },
        n,
      );
    }
    // Ring placement already happened in merge(); just bring the new part into view.
    const started = performance.now();
    this.cy.animate({ fit: { eles: added.union(around), padding: 40 } }, { duration: 250 });
    this.lastLayout = { name: "rings", nodes: n, ms: Math.round(performance.now() - started) };
    return Promise.resolve(this.lastLayout);
  }

  /** Positions of every node, to keep the picture steady across a redraw. */
  positions() {
    const map = new Map();
    this.cy.nodes().forEach((n) => map.set(n.id(), { ...n.position() }));
    return map;
  }

  markExpanded(id) {
    this.cy.getElementById(id).addClass("expanded");
  }

  selectNode(id) {
    this.cy.elements(":selected").unselect();
    this.cy.getElementById(id).select();
  }

  /** Draw the paths of a PathResult highlighted, adding whatever is missing. */
  showPaths(result) {
    const nodes = [];
    const edges = [];
    for (const path of result.paths) {
      for (const ref of path.nodes) nodes.push(nodeElement(ref));
      for (const hop of path.hops) {
        this.facts.set(hop.fact.key, hop.fact);
        edges.push(edgeElement(hop.fact));
      }
    }
    const newNodes = nodes.filter(
      (n, i) => this.cy.getElementById(n.data.id).empty() && nodes.findIndex((m) => m.data.id === n.data.id) === i,
    );
    const newEdges = edges.filter(
      (e, i) => this.cy.getElementById(e.data.id).empty() && edges.findIndex((m) => m.data.id === e.data.id) === i,
    );
    const wasEmpty = this.cy.nodes().empty();
    if (wasEmpty) this.centerId = result.source.id;
    const anchor = this.cy.getElementById(result.source.id);
    const spots = ringPositions(anchor.nonempty() ? anchor.position() : { x: 0, y: 0 }, newNodes.length);
    newNodes.forEach((n, i) => {
      n.position = spots[i];
    });
    this.cy.batch(() => {
      this.cy.add(newNodes);
      this.cy.add(newEdges);
      this._applyScale();
    });
    this.highlight(
      nodes.map((n) => n.data.id),
      edges.map((e) => e.data.id),
    );
    const pathElements = this.cy.elements(".path");
    const layout = newNodes.length
      ? wasEmpty
        ? this._layoutFresh()
        : this._layoutIncremental(this.cy.collection(newNodes.map((n) => this.cy.getElementById(n.data.id))), anchor)
      : Promise.resolve(null);
    return layout.then(() => {
      this.cy.animate({ fit: { eles: pathElements, padding: 60 } }, { duration: 250 });
      return { nodes: pathElements.nodes().length, edges: pathElements.edges().length };
    });
  }

  /** Draw these entities and facts as a path and fade everything else. */
  highlight(nodeIds, edgeKeys) {
    const on = this.cy.collection();
    this.cy.batch(() => {
      this.clearHighlight();
      for (const id of [...nodeIds, ...edgeKeys]) on.merge(this.cy.getElementById(id));
      this.cy.elements().not(on).addClass("faded");
      on.addClass("path");
    });
    return on;
  }

  clearHighlight() {
    this.cy.elements().removeClass("path faded focus");
  }

  /** Highlight one fact's edge and bring it into view; false when it is not drawn. */
  focusEdge(key) {
    const edge = this.cy.getElementById(key);
    this.cy.elements(".focus").removeClass("focus");
    if (edge.empty()) return false;
    edge.addClass("focus");
    edge.connectedNodes().addClass("focus");
    this.cy.elements(":selected").unselect();
    edge.select();
    const box = edge.union(edge.connectedNodes());
    if (this.cy.zoom() < 0.6) {
      this.cy.animate({ fit: { eles: box, padding: 120 } }, { duration: 250 });
    } else {
      this.cy.animate({ center: { eles: box } }, { duration: 250 });
    }
    return true;
  }

  /** Add a fact's edge (and its two entities as needed) so it can be focused. */
  addFact(fact, types = {}) {
    if (this.cy.getElementById(fact.key).nonempty()) return;
    const sub = {
      entities: [
        { id: fact.subject, name: fact.subject_name, type: types[fact.subject] ?? labelFromId(fact.subject) },
        { id: fact.object, name: fact.object_name, type: types[fact.object] ?? labelFromId(fact.object) },
      ].filter((e) => this.cy.getElementById(e.id).empty()),
      facts: [fact],
    };
    const anchor = this.cy.getElementById(fact.subject).nonempty() ? fact.subject : fact.object;
    this.merge(sub, anchor);
  }

  fit() {
    this.cy.fit(undefined, 30);
    this._clampZoom();
  }

  _clampZoom() {
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center();
    }
  }
}

// The explorer page: wires search, graph, details, path mode, timeline and the
// as-of control together. State lives here; every other module does one job.

import { getEntity, getFact, neighbors } from "./api-client.js";
import { h, replaceChildren } from "./dom.js";
import { renderEntity, renderFact } from "./evidence-panel.js";
import { readDate } from "./filters.js";
import { GraphView } from "./graph-view.js";
import { renderLegend } from "./legend.js";
import { LABEL_STYLES } from "./ontology.js";
import { createPathMode } from "./path-mode.js";
import { createEntityPicker } from "./search.js";
import { createTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);

// Bumped whenever the whole view is replaced; an answer that arrives for an older view
// (a slow request overtaken by a newer search) is dropped instead of drawn.
let viewGeneration = 0;

const state = {
  /** Entity ids whose neighbours are drawn, the first being the centre. */
  expanded: [],
  asOf: null,
  /** Entity types by id, for drawing facts that arrive without their entities. */
  types: {},
};

// ------------------------------------------------------------------ messages

function showError(err) {
  const title = err.title ?? "Something went wrong";
  const detail = err.title ? err.detail : err.message;
  const box = h(
    "div",
    { class: "message error" },
    h("strong", { class: "message-title" }, title),
    detail ? h("span", { class: "message-detail" }, ` ${detail}`) : null,
    h("button", { type: "button", class: "close", "aria-label": "Dismiss", onclick: () => box.remove() }, "×"),
  );
  replaceChildren($("messages"), box);
  if (!err.title) console.error(err); // a bug of the page, not an answer of the API
}

function clearError() {
  replaceChildren($("messages"));
}

// How many user actions are still loading or laying out; the page says when it is settled
// (data-busy on <html>) so people's tools and the browser test can wait for it.
let inFlight = 0;
function track(promise) {
  inFlight += 1;
  document.documentElement.dataset.busy = "true";
  return Promise.resolve(promise).finally(() => {
    inFlight -= 1;
    if (inFlight === 0) document.documentElement.dataset.busy = "false";
  });
}

function setStatus(text) {
  $("status").textContent = text;
}

// --------------------------------------------------------------------- graph

let graph = null;
if (typeof window.cytoscape === "function") {
  graph = new GraphView($("graph"), { onNodeTap: (id) => expand(id), onEdgeTap: (key) => openFact(key) });
  // Whatever draws (a neighbourhood, a path, a timeline fact) replaces the welcome text.
  // Cytoscape fires once per element; check once per batch instead (2,000 nodes).
  let emptyCheckQueued = false;
  graph.cy.on("add remove", () => {
    if (emptyCheckQueued) return;
    emptyCheckQueued = true;
    queueMicrotask(() => {
      emptyCheckQueued = false;
      $("graph-empty").hidden = graph.cy.elements().nonempty();
    });
  });
} else {
  // The vendor files are built, not committed: say exactly what is missing and how to fix it.
  replaceChildren(
    $("graph-empty"),
    h("p", { class: "vendor-missing" }, "The graph library is missing, so nothing can be drawn."),
    h(
      "p",
      {},
      "static/vendor/cytoscape.min.js was not found. Run ",
      h("code", {}, "make explorer-vendor"),
      " (npm ci + copy into api/static/vendor/) and reload. Search, details, paths and timelines still work.",
    ),
  );
  $("graph-empty").classList.add("error");
}

function describeGraph(extra = "") {
  if (!graph) return;
  const { nodes, edges } = graph.counts();
  const layout = graph.lastLayout ? ` · layout ${graph.lastLayout.name} ${graph.lastLayout.ms} ms` : "";
  setStatus(`${nodes} entities · ${edges} facts${layout}${extra}`);
  $("graph-empty").hidden = nodes > 0;
}

function rememberTypes(subgraph) {
  for (const e of subgraph.entities) state.types[e.id] = e.type;
}

function neighbourOptions(depth) {
  return { depth, limit: Number($("limit").value) || 200, asOf: state.asOf };
}

function truncatedNote(subgraph) {
  return subgraph.truncated ? " · neighbourhood cut at the node limit (raise “Max nodes”)" : "";
}

// ------------------------------------------------------------------ panels

function selectTab(name) {
  for (const tab of ["details", "path", "timeline"]) {
    $(`tab-${tab}`).setAttribute("aria-selected", String(tab === name));
    $(`panel-${tab}`).hidden = tab !== name;
  }
}
for (const tab of ["details", "path", "timeline"]) {
  $(`tab-${tab}`).addEventListener("click", () => selectTab(tab));
}

async function showEntityDetail(id) {
  try {
    const detail = await getEntity(id);
    renderEntity($("panel-details"), detail, {
      onTimeline: () => {
        timeline.show(detail.entity);
        selectTab("timeline");
      },
    });
    return detail.entity;
  } catch (err) {
    showError(err);
    return null;
  }
}

function openFact(key) {
  return track(showFact(key));
}

async function showFact(key) {
  clearError();
  selectTab("details");
  graph?.focusEdge(key);
  const cached = graph?.facts.get(key);
  if (cached) renderFact($("panel-details"), cached, { onEntity: (id) => showEntity(id) });
  try {
    const fact = await getFact(key);
    renderFact($("panel-details"), fact, { onEntity: (id) => showEntity(id) });
  } catch (err) {
    showError(err);
  }
}

function focusFact(fact) {
  if (!graph) return;
  if (graph.cy.getElementById(fact.key).empty()) graph.addFact(fact, state.types);
  graph.focusEdge(fact.key);
}

const timeline = createTimeline($("panel-timeline"), { focusFact, showError, clearError, track });
const pathMode = createPathMode($("panel-path"), {
  track,
  graph,
  showError,
  clearError,
  openFact,
  setStatus,
  getAsOf: () => state.asOf,
});

// --------------------------------------------------------------- actions

function writeHash(id) {
  const params = new URLSearchParams();
  if (id) params.set("entity", id);
  if (state.asOf) params.set("as_of", state.asOf);
  history.replaceState(null, "", `#${params}`);
}

/** Draw the neighbourhood of entity `id` from scratch and select it. */
function showEntity(id) {
  return track(drawEntity(id));
}

async function drawEntity(id) {
  clearError();
  const generation = ++viewGeneration;
  const depth = Number($("depth").value) || 1;
  setStatus("Loading…");
  try {
    const subgraph = await neighbors(id, neighbourOptions(depth));
    if (generation !== viewGeneration) return;
    rememberTypes(subgraph);
    state.expanded = [id];
    if (graph) {
      await graph.replace(subgraph, id);
      graph.markExpanded(id);
      graph.selectNode(id);
    }
    describeGraph(truncatedNote(subgraph));
    writeHash(id);
    selectTab("details");
    const entity = await showEntityDetail(id);
    if (entity) {
      pathMode.setSource(entity);
      await timeline.show(entity);
    }
  } catch (err) {
    setStatus("");
    showError(err);
  }
}

/** Add the neighbours of a drawn node (a click on it). */
function expand(id) {
  return track(expandNode(id));
}

async function expandNode(id) {
  clearError();
  graph?.selectNode(id);
  const detailShown = showEntityDetail(id).then((entity) => entity && timeline.show(entity));
  try {
    if (!state.expanded.includes(id)) await addNeighbours(id);
  } finally {
    await detailShown;
  }
}

async function addNeighbours(id) {
  setStatus("Expanding…");
  const generation = viewGeneration;
  try {
    const subgraph = await neighbors(id, neighbourOptions(1));
    if (generation !== viewGeneration) return;
    rememberTypes(subgraph);
    state.expanded.push(id);
    if (graph) {
      const { addedNodes, addedEdges, layout } = graph.merge(subgraph, id);
      graph.markExpanded(id);
      await layout;
      describeGraph(` · +${addedNodes} entities, +${addedEdges} facts${truncatedNote(subgraph)}`);
    }
  } catch (err) {
    describeGraph();
    showError(err);
  }
}

/** Redraw every expanded neighbourhood as the graph stood on `asOf` (null: now). */
function redraw(asOf) {
  return track(redrawAsOf(asOf));
}

async function redrawAsOf(asOf) {
  state.asOf = asOf;
  $("as-of-badge").hidden = !asOf;
  $("as-of-badge").textContent = asOf ? `as of ${asOf}` : "";
  writeHash(state.expanded[0]);
  if (!state.expanded.length) return;
  clearError();
  setStatus("Redrawing…");
  const generation = ++viewGeneration;
  try {
    const [center, ...others] = state.expanded;
    const depth = Number($("depth").value) || 1;
    const pages = await Promise.all([
      neighbors(center, neighbourOptions(depth)),
      ...others.map((id) => neighbors(id, neighbourOptions(1))),
    ]);
    if (generation !== viewGeneration) return;
    const entities = new Map();
    const facts = new Map();
    for (const page of pages) {
      rememberTypes(page);
      for (const e of page.entities) entities.set(e.id, e);
      for (const f of page.facts) facts.set(f.key, f);
    }
    if (graph) {
      const keep = graph.positions();
      await graph.replace({ entities: [...entities.values()], facts: [...facts.values()] }, center, {
        keepPositions: keep,
      });
      for (const id of state.expanded) graph.markExpanded(id);
    }
    describeGraph();
  } catch (err) {
    describeGraph();
    showError(err);
  }
}

// ------------------------------------------------------------ controls

const typeSelect = $("search-type");
for (const s of LABEL_STYLES) typeSelect.append(h("option", { value: s.label }, s.label));
createEntityPicker($("search-input"), {
  typeSelect,
  onChoose: (entity) => showEntity(entity.id),
  onError: showError,
});
$("search-form").addEventListener("submit", (ev) => ev.preventDefault());

$("as-of-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  try {
    redraw(readDate($("as-of"), "As of"));
  } catch (err) {
    showError(err);
  }
});
$("as-of-clear").addEventListener("click", () => {
  $("as-of").value = "";
  redraw(null);
});
$("fit").addEventListener("click", () => graph?.fit());
renderLegend($("legend"));

// Reopen what the address names (#entity=...&as_of=...), so a view can be shared.
const fromHash = new URLSearchParams(location.hash.slice(1));
if (fromHash.get("as_of")) {
  $("as-of").value = fromHash.get("as_of");
  state.asOf = fromHash.get("as_of");
  $("as-of-badge").hidden = false;
  $("as-of-badge").textContent = `as of ${state.asOf}`;
}
if (fromHash.get("entity")) showEntity(fromHash.get("entity"));

/** Handle for people poking at the page from the console, and for the browser test. */
window.sinographExplorer = {
  get cy() {
    return graph?.cy ?? null;
  },
  graph,
  state,
  showEntity,
  expand,
  openFact,
  redraw,
  selectTab,
  pathMode,
  timeline,
};
document.documentElement.dataset.busy = String(inFlight > 0);
document.documentElement.dataset.explorerReady = "true";

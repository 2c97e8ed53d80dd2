// The explorer page: wires search, graph, details, path mode, timeline, filters and
// the as-of control together, and keeps the view in the address. State lives here;
// every other module does one job.
//
// A "view" (history.js) says what is drawn. Every change of view -- a new entity, an
// expansion, a path, a date, a depth, a filter, a story, a dossier -- is a new history entry, so
// Back returns to the previous graph (with its positions, within one visit), and a
// pasted or edited address redraws what it names.

import { dossierPageUrl, getDossier, getEntity, getFact, getStory, neighbors } from "./api-client.js";
import { h, replaceChildren } from "./dom.js";
import { dossierSubgraph, renderDossier } from "./dossier-view.js";
import { renderEntity, renderFact, renderFactGroup, renderStory } from "./evidence-panel.js";
import { count } from "./format.js";
import { createTraversalFilters, describeFilters, noFilters, openFilters, readDate } from "./filters.js";
import { enableGraphKeyboard } from "./graph-keys.js";
import { GraphView } from "./graph-view.js";
import { decodeView, emptyView, encodeView, withView } from "./history.js";
import { renderLegend } from "./legend.js";
import { LABEL_STYLES, labelFromId } from "./ontology.js";
import { createPathMode } from "./path-mode.js";
import { createEntityPicker } from "./search.js";
import { createTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const FACT_LIST_LIMIT = 5_000;

/** What is drawn now; mirrors the address. */
let view = emptyView();
/** Entity types by id, for drawing facts that arrive without their entities. */
const types = {};
// Bumped whenever the whole view is replaced; an answer that arrives for an older view
// (a slow request overtaken by a newer one) is dropped instead of drawn.
let generation = 0;
/** The viewport before a path was drawn, so that clearing the path returns to it. */
let viewBeforePath = null;

/** Whether a view draws something: an entity, a story or a dossier. */
function hasSubject(v = view) {
  return Boolean(v.entity || v.story || v.dossier);
}

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
  return Promise.resolve(promise)
    .catch((err) => {
      if (err?.name !== "AbortError") showError(err);
    })
    .finally(() => {
      inFlight -= 1;
      if (inFlight === 0) document.documentElement.dataset.busy = "false";
    });
}

function setStatus(text) {
  $("status").textContent = text;
}

// --------------------------------------------------------------------- graph

const legend = renderLegend($("legend"), { openByDefault: window.innerWidth > 900 });

/** What the drawing must keep clear of: the toolbar on top, the open legend. */
function insets() {
  const area = $("graph-area").getBoundingClientRect();
  const top = $("graph-toolbar").getBoundingClientRect().bottom - area.top + 4;
  const box = legend.box($("graph-area"));
  if (!box) return { top };
  // Give up the thinner band: under the legend across, or beside it down.
  const below = area.width * (area.height - box.top);
  const beside = area.height * (box.left + box.width);
  return below <= beside
    ? { top, bottom: area.height - box.top + 4 }
    : { top, left: box.left + box.width + 4 };
}

let graph = null;
let keyboard = null;
if (typeof window.cytoscape === "function") {
  graph = new GraphView($("graph"), {
    onNodeTap: (id) => expand(id),
    onEdgeTap: (id, keys) => openEdge(id, keys),
    insets,
  });
  keyboard = enableGraphKeyboard($("graph"), graph, {
    onActivate: (id) => expand(id),
    onOpenEdge: (id) => openEdge(id, graph.cy.getElementById(id).data("keys")),
    onDossier: (id) => openDossier(id),
    announce: (text) => {
      $("graph-announce").textContent = text;
    },
  });
  // Whatever draws replaces the welcome text and updates the legend; checked once per
  // batch rather than per element (2,000 nodes).
  let checkQueued = false;
  graph.cy.on("add remove", () => {
    if (checkQueued) return;
    checkQueued = true;
    queueMicrotask(() => {
      checkQueued = false;
      $("graph-empty").hidden = graph.cy.elements().nonempty();
      legend.update(graph.typesDrawn());
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
  setStatus(nodes ? `${count(nodes, "entity", "entities")} · ${count(edges, "fact")}${extra}` : "");
  $("graph-empty").hidden = nodes > 0;
}

function rememberTypes(subgraph) {
  for (const e of subgraph.entities) types[e.id] = e.type;
}

function neighbourOptions(depth, v = view) {
  return { depth, limit: v.limit, asOf: v.asOf, filters: v.filters };
}

function truncatedNote(truncated) {
  return truncated ? " · cut at the node limit (raise “Max nodes”)" : "";
}

// ------------------------------------------------------------------ panels

const TABS = ["details", "path", "timeline"];

function selectTab(name, { focus = false } = {}) {
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    button.setAttribute("aria-selected", String(tab === name));
    button.tabIndex = tab === name ? 0 : -1;
    $(`panel-${tab}`).hidden = tab !== name;
  }
  if (focus) $(`tab-${name}`).focus();
}
for (const tab of TABS) {
  $(`tab-${tab}`).addEventListener("click", () => selectTab(tab));
}
document.querySelector(".tabs").addEventListener("keydown", (ev) => {
  const at = TABS.findIndex((t) => $(`tab-${t}`) === document.activeElement);
  if (at < 0) return;
  const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 };
  if (!(ev.key in moves)) return;
  ev.preventDefault();
  selectTab(TABS[(moves[ev.key] + TABS.length) % TABS.length], { focus: true });
});

/**
 * Whether focus is in the details panel (or lost): a view replacing the panel must then
 * put it somewhere, or a keyboard user is thrown back to the top of the page. Focus
 * elsewhere (the graph, a search field) is left where it is.
 */
function focusInPanel() {
  const at = document.activeElement;
  return !at || at === document.body || $("panel-details").contains(at);
}

/** Move the keyboard to a freshly shown panel's heading, so reading starts there. */
function focusHeading() {
  const heading = $("panel-details").querySelector("h2");
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: false });
}

let detailRequest = 0;

/** The details of entity `id`: identity, counts, and its facts as of the view's date. */
async function showEntityDetail(id, { focusKey = null } = {}) {
  const ticket = ++detailRequest;
  const [detail, around] = await Promise.all([
    getEntity(id),
    neighbors(id, { depth: 1, limit: FACT_LIST_LIMIT, asOf: view.asOf, filters: view.filters }),
  ]);
  if (ticket !== detailRequest) return detail.entity;
  const facts = around.facts.filter((f) => f.subject === id || f.object === id);
  const entity = detail.entity;
  renderEntity($("panel-details"), detail, {
    facts,
    truncated: around.truncated,
    asOf: view.asOf,
    onFact: (key) =>
      openFact(key, {
        back: () => track(showEntityDetail(id, { focusKey: key })),
        backLabel: `Back to ${entity.name}`,
      }),
    onTimeline: () => {
      timeline.show(entity, view.asOf);
      selectTab("timeline");
    },
    onDossier: () => openDossier(id),
    onCentre: view.entity === id && !view.expand.length ? null : () => showEntity(id),
    onPathFrom: () => {
      pathMode.setSource(entity);
      selectTab("path");
      $("path-target").focus();
    },
  });
  if (focusKey) {
    $("panel-details").querySelector(`li[data-fact-key="${CSS.escape(focusKey)}"] button`)?.focus();
  }
  return entity;
}

/** Show one fact's evidence; single it out in the graph (adding it if need be). */
function openFact(key, { back = null, backLabel = "Back" } = {}) {
  return track(showFact(key, { back, backLabel }));
}

async function showFact(key, { back, backLabel }) {
  const takeFocus = focusInPanel();
  clearError();
  selectTab("details");
  const options = {
    onEntity: (id) => expand(id),
    onStory: (id) => openStory(id),
    onBack: back,
    backLabel,
    asOf: view.asOf,
  };
  const cached = graph?.facts.get(key);
  if (cached) {
    renderFact($("panel-details"), cached, options);
    graph.focusFact(key);
  }
  const fact = await getFact(key);
  renderFact($("panel-details"), fact, options);
  if (takeFocus) focusHeading();
  if (graph && !cached) {
    await graph.addFact(fact, types);
    graph.focusFact(key);
    describeGraph();
  }
}

/** A click (or Enter) on an edge: its fact, or the list of the facts it bundles. */
function openEdge(edgeId, keys = []) {
  if (!keys || keys.length <= 1) return openFact(keys?.[0] ?? edgeId);
  clearError();
  selectTab("details");
  const facts = graph.factsOfEdge(edgeId);
  const showGroup = (focusKey = null) => {
    const takeFocus = focusInPanel();
    renderFactGroup($("panel-details"), facts, {
      onEntity: (id) => expand(id),
      onFact: (key) => openFact(key, { back: () => showGroup(key), backLabel: "Back to the list" }),
    });
    graph.focusFact(facts[0].key, { reveal: false });
    if (focusKey) $("panel-details").querySelector(`li[data-fact-key="${CSS.escape(focusKey)}"] button`)?.focus();
    else if (takeFocus) focusHeading();
  };
  showGroup();
  return Promise.resolve();
}

// ------------------------------------------------------------------- history

let entry = newEntry();
let appliedHash = null;
const positionsByEntry = new Map();
/** History entries this visit pushed: Back from one of them stays on the page. */
const pushedEntries = new Set();
/** What to focus once a view shown by Back or Forward is drawn (a selector in the panel). */
let focusAfterApply = null;

function newEntry() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Keep the current drawing's positions under its history entry, for Back. */
function rememberPositions() {
  if (graph && graph.cy.nodes().nonempty()) positionsByEntry.set(entry, graph.positions());
}

/** Make `next` the view, as a new history entry. */
function pushView(next) {
  rememberPositions();
  view = next;
  entry = newEntry();
  pushedEntries.add(entry);
  history.pushState({ entry }, "", `#${encodeView(view)}`);
  appliedHash = location.hash;
  syncControls();
}

/** The address changed under the page (Back, Forward, a pasted or edited address). */
function onLocation() {
  if (location.hash === appliedHash) return;
  rememberPositions();
  // Leaving a dossier for the view it was opened from: the keyboard returns to its button.
  const takeFocus = focusInPanel();
  if (view.dossier && !focusAfterApply) focusAfterApply = "button.open-dossier";
  appliedHash = location.hash;
  entry = history.state?.entry ?? newEntry();
  if (!history.state?.entry) history.replaceState({ entry }, "", location.href);
  track(
    applyView(decodeView(location.hash), { positions: positionsByEntry.get(entry) ?? null }).then(() => {
      const wanted = focusAfterApply;
      focusAfterApply = null;
      const at = document.activeElement;
      if (!wanted || !takeFocus || (at && at !== document.body)) return;
      const target = wanted && $("panel-details").querySelector(wanted);
      if (target) target.focus();
      else focusHeading();
    }),
  );
}
window.addEventListener("popstate", onLocation);
window.addEventListener("hashchange", onLocation);

/** Show the controls as the view says. */
function syncControls() {
  $("depth").value = String(view.depth);
  $("limit").value = String(view.limit);
  $("as-of").value = view.asOf ?? "";
  $("as-of-badge").hidden = !view.asOf;
  $("as-of-badge").textContent = view.asOf ? `as of ${view.asOf}` : "";
  filters.set(view.filters);
  const active = !noFilters(view.filters);
  $("filter-badge").hidden = !active;
  $("filter-badge").textContent = active ? describeFilters(view.filters) : "";
  if (graph && graph.asOf !== view.asOf) graph.setAsOf(view.asOf);
}

/** Draw a whole view from scratch (or with the positions it had): the address's job. */
async function applyView(target, { positions = null } = {}) {
  view = target;
  viewBeforePath = null;
  syncControls();
  clearError();
  if (view.path) pathMode.fill(view.path);
  else pathMode.clearResults();
  if (!hasSubject()) {
    ++generation;
    graph?.clear();
    describeGraph();
    return;
  }
  const drawnOk = await drawView({ positions, fresh: !positions });
  if (!drawnOk) return;
  if (view.path) await runPath(view.path);
  await showSubject();
}

/** Fetch what the view names (its entity, story or dossier, and each expansion) and draw it. */
async function drawView({ positions = null, fresh = false } = {}) {
  const ticket = ++generation;
  setStatus("Loading…");
  const base = view.story
    ? storySubgraph(view.story)
    : view.dossier
      ? fetchDossier(view.dossier).then((d) => dossierSubgraph(d, types))
      : neighbors(view.entity, neighbourOptions(view.depth));
  const pages = await Promise.all([base, ...view.expand.map((id) => neighbors(id, neighbourOptions(1)))]);
  if (ticket !== generation) return false;
  const entities = new Map();
  const facts = new Map();
  let truncated = false;
  for (const page of pages) {
    rememberTypes(page);
    truncated ||= Boolean(page.truncated);
    for (const e of page.entities) entities.set(e.id, e);
    for (const f of page.facts) facts.set(f.key, f);
  }
  if (graph) {
    const keep = positions ?? (fresh ? null : graph.positions());
    await graph.replace({ entities: [...entities.values()], facts: [...facts.values()] }, view.entity ?? view.dossier, {
      keepPositions: keep && keep.size ? keep : null,
      asOf: view.asOf,
      keepMarks: Boolean(view.path) && !fresh,
    });
    for (const id of [view.entity, ...view.expand]) if (id) graph.markExpanded(id);
    const selected = view.expand.at(-1) ?? view.entity ?? view.dossier;
    if (selected) graph.selectNode(selected);
  }
  describeGraph(truncatedNote(truncated));
  return true;
}

/** A story's facts as a subgraph (their entities named by the facts themselves). */
async function storySubgraph(id) {
  const story = await getStory(id);
  const entities = new Map();
  for (const f of story.facts) {
    entities.set(f.subject, { id: f.subject, name: f.subject_name, type: types[f.subject] ?? labelFromId(f.subject) });
    entities.set(f.object, { id: f.object, name: f.object_name, type: types[f.object] ?? labelFromId(f.object) });
  }
  return { entities: [...entities.values()], facts: story.facts, story };
}

/** Fill the details and timeline with what the view is about. */
async function showSubject() {
  const id = view.expand.at(-1) ?? view.entity;
  if (id) {
    const entity = await showEntityDetail(id);
    if (entity) {
      if (!view.path) pathMode.setSource(entity);
      await timeline.show(entity, view.asOf);
    }
  } else if (view.story) {
    await showStory(view.story);
  } else if (view.dossier) {
    await showDossier(view.dossier);
  }
}

// --------------------------------------------------------------- actions

/** Draw the neighbourhood of entity `id` afresh: a new view. */
function showEntity(id) {
  return track(
    (async () => {
      clearError();
      graph?.clearHighlight();
      viewBeforePath = null;
      pushView(withView(view, { entity: id, story: null, dossier: null, expand: [], path: null }));
      pathMode.clearResults();
      if (!(await drawView({ fresh: true }))) return;
      selectTab("details");
      await showSubject();
    })(),
  );
}

/** Select a node and add its neighbours to the drawing (a click, Enter, a name's link). */
function expand(id) {
  if (!hasSubject()) return showEntity(id);
  return track(
    (async () => {
      clearError();
      graph?.selectNode(id);
      selectTab("details");
      const detail = showEntityDetail(id).then((entity) => entity && timeline.show(entity, view.asOf));
      const already = id === view.entity || view.expand.includes(id);
      if (!already) {
        const ticket = generation;
        setStatus("Expanding…");
        const page = await neighbors(id, neighbourOptions(1));
        if (ticket === generation) {
          rememberTypes(page);
          pushView(withView(view, { expand: [...view.expand, id] }));
          if (graph) {
            const { addedNodes, addedEdges, layout } = graph.merge(page, id);
            graph.markExpanded(id);
            graph.selectNode(id);
            await layout;
            describeGraph(
              ` · +${count(addedNodes, "entity", "entities")}, +${count(addedEdges, "fact")}${truncatedNote(page.truncated)}`,
            );
          }
        }
      }
      await detail;
    })(),
  );
}

/** Redraw the current view with some settings changed (as-of, depth, limit, filters). */
function redrawWith(changes) {
  return track(
    (async () => {
      clearError();
      pushView(withView(view, changes));
      if (!hasSubject()) return;
      if (!(await drawView())) return;
      if (view.path) await runPath(view.path);
      await showSubject();
    })(),
  );
}

/** Redraw the graph as it stood on `asOf` (null: now). */
function redraw(asOf) {
  return redrawWith({ asOf });
}

async function runPath(request) {
  const status = await pathMode.run(request);
  if (status) setStatus(status);
}

function findPaths(request) {
  if (graph && !graph.hasHighlight) viewBeforePath = graph.viewport();
  pushView(withView(view, { path: request }));
  return runPath(request);
}

/**
 * Back to the plain drawing: the highlight goes, so do the entities only the path
 * brought in, and the viewport returns to where it was before the path was drawn.
 */
function clearPath() {
  return track(
    (async () => {
      graph?.clearHighlight();
      pathMode.clearResults();
      const before = viewBeforePath;
      viewBeforePath = null;
      let redrawn = false;
      if (view.path) {
        pushView(withView(view, { path: null }));
        if (hasSubject()) redrawn = await drawView();
      }
      if (graph && before) graph.setViewport(before);
      else graph?.fit();
      if (!redrawn) describeGraph();
    })(),
  );
}

/** Show a source story in the details panel. */
function openStory(id) {
  return track(showStory(id));
}

/**
 * Show story `id` in the details panel; `back` and `backLabel` add a way back to where
 * it was opened from (the dossier), kept while its facts are read.
 */
async function showStory(id, { focusKey = null, back = null, backLabel = "Back" } = {}) {
  const takeFocus = focusInPanel();
  clearError();
  selectTab("details");
  const story = await getStory(id);
  renderStory($("panel-details"), story, {
    onFact: (key) =>
      openFact(key, {
        back: () => track(showStory(id, { focusKey: key, back, backLabel })),
        backLabel: "Back to the story",
      }),
    onEntity: (entityId) => expand(entityId),
    onDraw: () => drawStory(id).then(() => track(showStory(id))),
    drawn: view.story === id && !view.expand.length,
    onBack: back,
    backLabel,
  });
  const item = focusKey && $("panel-details").querySelector(`li[data-fact-key="${CSS.escape(focusKey)}"] button`);
  if (item) item.focus();
  else if (takeFocus) focusHeading();
}

/** Draw a story's facts as the graph: a new view. */
function drawStory(id) {
  return track(
    (async () => {
      clearError();
      graph?.clearHighlight();
      viewBeforePath = null;
      pushView(withView(view, { entity: null, story: id, dossier: null, expand: [], path: null }));
      pathMode.clearResults();
      await drawView({ fresh: true });
    })(),
  );
}

// ---------------------------------------------------------------- dossier

/** The last dossier asked for, by entity and the view's date and confidence. */
let dossierCache = null;

function dossierOptions() {
  return { asOf: view.asOf, minConfidence: view.filters.minConfidence };
}

/** The dossier of `id` as the view asks for it (fetched once for drawing and panel). */
function fetchDossier(id) {
  const key = JSON.stringify([id, dossierOptions()]);
  if (dossierCache?.key !== key) {
    const promise = getDossier(id, dossierOptions());
    dossierCache = { key, promise };
    promise.catch(() => {
      if (dossierCache?.promise === promise) dossierCache = null;
    });
  }
  return dossierCache.promise;
}

/** Open the dossier of entity `id`: its facts become the graph and the panel reads it. */
function openDossier(id) {
  return track(
    (async () => {
      clearError();
      graph?.clearHighlight();
      viewBeforePath = null;
      dossierCache = null; // asked for again: read it afresh
      pushView(withView(view, { entity: null, story: null, dossier: id, expand: [], path: null }));
      pathMode.clearResults();
      if (!(await drawView({ fresh: true }))) return;
      selectTab("details");
      await showDossier(id);
    })(),
  );
}

/**
 * Leave the dossier: Back when this visit opened it from another view (so the browser's
 * Forward comes back to it), else the entity's own neighbourhood.
 */
function leaveDossier() {
  focusAfterApply = "button.open-dossier";
  if (pushedEntries.has(entry)) history.back();
  else showEntity(view.dossier).then(() => $("panel-details").querySelector("button.open-dossier")?.focus());
}

/** Show the dossier of `id` in the details panel, focus on a fact or story if given. */
async function showDossier(id, { focusKey = null, focusStory = null } = {}) {
  const takeFocus = focusInPanel();
  clearError();
  selectTab("details");
  const ticket = ++detailRequest;
  const dossier = await fetchDossier(id);
  if (ticket !== detailRequest) return;
  const back = { backLabel: "Back to the dossier" };
  const current = view.dossier === id && !view.expand.length;
  renderDossier($("panel-details"), dossier, {
    onFact: (key) => openFact(key, { back: () => track(showDossier(id, { focusKey: key })), ...back }),
    onEntity: (entityId) => expand(entityId),
    onStory: (storyId) =>
      track(showStory(storyId, { back: () => track(showDossier(id, { focusStory: storyId })), ...back })),
    onBack: current ? leaveDossier : null,
    backLabel: pushedEntries.has(entry) ? "Back to the previous view" : `Back to ${dossier.entity.name}`,
    printHref: dossierPageUrl(id, dossierOptions()),
  });
  const panel = $("panel-details");
  const item = focusKey
    ? panel.querySelector(`li[data-fact-key="${CSS.escape(focusKey)}"] button`)
    : focusStory
      ? panel.querySelector(`.dossier-source[data-story-id="${CSS.escape(focusStory)}"] button`)
      : null;
  if (item) {
    item.closest("details")?.setAttribute("open", "");
    item.focus();
  } else if (takeFocus) focusHeading();
}

// ------------------------------------------------------------ controls

const filters = createTraversalFilters($("filters-slot"), {
  onApply: (chosen) => redrawWith({ filters: chosen }),
});

const timeline = createTimeline($("panel-timeline"), {
  focusFact: (fact) => {
    if (!graph) return;
    const added = graph.facts.has(fact.key) ? Promise.resolve() : graph.addFact(fact, types);
    track(Promise.resolve(added).then(() => graph.focusFact(fact.key)));
  },
  showError,
  clearError,
  track,
  onStory: (id) => openStory(id),
});

const pathMode = createPathMode($("panel-path"), {
  graph,
  track,
  showError,
  clearError,
  getAsOf: () => view.asOf,
  getFilters: () => view.filters,
  onSubmit: (request) => findPaths(request),
  onClear: () => clearPath(),
  onHop: (fact) => graph?.focusFact(fact.key),
  onStory: (id) => openStory(id),
  onWidenFilters: () => redrawWith({ filters: openFilters() }),
});

const typeSelect = $("search-type");
for (const s of LABEL_STYLES) typeSelect.append(h("option", { value: s.label }, s.label));
createEntityPicker($("search-input"), {
  typeSelect,
  onChoose: (entity) => showEntity(entity.id),
  onError: showError,
  label: "Entity suggestions",
  track,
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
$("as-of-clear").addEventListener("click", () => redraw(null));
$("depth").addEventListener("change", () => redrawWith({ depth: Number($("depth").value) || 1 }));
$("limit").addEventListener("change", () => redrawWith({ limit: Number($("limit").value) || 200 }));
$("fit").addEventListener("click", () => graph?.fit());

// Open what the address names (#entity=...&as_of=...), so a view can be shared.
history.replaceState({ entry }, "", location.href);
onLocation();

/** Handle for people poking at the page from the console, and for the browser test. */
window.sinographExplorer = {
  get cy() {
    return graph?.cy ?? null;
  },
  graph,
  keyboard,
  get view() {
    return view;
  },
  showEntity,
  expand,
  openFact,
  openStory,
  openDossier,
  redraw,
  selectTab,
  pathMode,
  timeline,
};
document.documentElement.dataset.busy = String(inFlight > 0);
document.documentElement.dataset.explorerReady = "true";

// The view in the address: what is drawn (an entity with the nodes expanded from it,
// a story, or an entity's dossier), the as-of date, depth, node limit, traversal filters and a path
// search. Every change of view is a new history entry, so Back returns to the
// previous graph, and a pasted or edited address redraws what it names.

import { PARTIAL_DATE } from "./ontology.js";

/** The view shown before anything is chosen. */
export function emptyView() {
  return {
    entity: null,
    story: null,
    dossier: null,
    expand: [],
    asOf: null,
    depth: 1,
    limit: 200,
    filters: { minConfidence: null, maxDegree: null, excludeTypes: [], excludePredicates: [] },
    path: null,
  };
}

const LIMITS = [100, 200, 500, 1000, 2500];

function list(value) {
  return value ? value.split(",").map((v) => v.trim()).filter(Boolean) : [];
}

function date(value) {
  return value && PARTIAL_DATE.test(value) ? value : null;
}

/** The view an address fragment names ("#entity=...&as_of=..."); unknown parts are ignored. */
export function decodeView(hash) {
  const params = new URLSearchParams(String(hash).replace(/^#/, ""));
  const view = emptyView();
  view.entity = params.get("entity") || null;
  view.story = view.entity ? null : params.get("story") || null;
  view.dossier = view.entity || view.story ? null : params.get("dossier") || null;
  view.expand = list(params.get("expand"));
  view.asOf = date(params.get("as_of"));
  const depth = Number(params.get("depth"));
  if ([1, 2, 3].includes(depth)) view.depth = depth;
  const limit = Number(params.get("limit"));
  if (LIMITS.includes(limit)) view.limit = limit;
  const confidence = Number(params.get("min_confidence"));
  if (confidence > 0 && confidence <= 1) view.filters.minConfidence = confidence;
  const degree = Number(params.get("max_degree"));
  if (Number.isInteger(degree) && degree >= 1) view.filters.maxDegree = degree;
  view.filters.excludeTypes = list(params.get("exclude_types"));
  view.filters.excludePredicates = list(params.get("exclude_predicates"));
  if (params.get("path_from") && params.get("path_to")) {
    const hops = Number(params.get("max_hops"));
    const k = Number(params.get("k"));
    view.path = {
      from: params.get("path_from"),
      to: params.get("path_to"),
      maxHops: hops >= 1 && hops <= 6 ? hops : 4,
      k: k >= 1 && k <= 20 ? k : 3,
      predicates: list(params.get("predicates")),
      since: date(params.get("since")),
      until: date(params.get("until")),
    };
  }
  return view;
}

/** The address fragment (without "#") for a view; defaults are left out. */
export function encodeView(view) {
  const params = new URLSearchParams();
  if (view.entity) params.set("entity", view.entity);
  else if (view.story) params.set("story", view.story);
  else if (view.dossier) params.set("dossier", view.dossier);
  if (view.expand.length) params.set("expand", view.expand.join(","));
  if (view.asOf) params.set("as_of", view.asOf);
  if (view.depth !== 1) params.set("depth", String(view.depth));
  if (view.limit !== 200) params.set("limit", String(view.limit));
  const f = view.filters;
  if (f.minConfidence) params.set("min_confidence", String(f.minConfidence));
  if (f.maxDegree) params.set("max_degree", String(f.maxDegree));
  if (f.excludeTypes.length) params.set("exclude_types", f.excludeTypes.join(","));
  if (f.excludePredicates.length) params.set("exclude_predicates", f.excludePredicates.join(","));
  if (view.path) {
    params.set("path_from", view.path.from);
    params.set("path_to", view.path.to);
    if (view.path.maxHops !== 4) params.set("max_hops", String(view.path.maxHops));
    if (view.path.k !== 3) params.set("k", String(view.path.k));
    if (view.path.predicates.length) params.set("predicates", view.path.predicates.join(","));
    if (view.path.since) params.set("since", view.path.since);
    if (view.path.until) params.set("until", view.path.until);
  }
  return params.toString();
}

/** A copy of `view` with `changes` applied (filters and path copied, not shared). */
export function withView(view, changes) {
  return {
    ...view,
    expand: [...view.expand],
    filters: { ...view.filters },
    path: view.path ? { ...view.path } : null,
    ...changes,
  };
}

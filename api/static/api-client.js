// The API's read routes as plain async functions. Errors come back as ApiError
// carrying the problem document's title and detail, so the page can show them.

/**
 * An HTTP error from the API, or a network failure (status 0). `type` is the problem
 * type ("/problems/no-path"), `body` the whole problem document (candidates, ...).
 */
export class ApiError extends Error {
  constructor(status, title, detail, url, body = null) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.url = url;
    this.type = body?.type ?? null;
    this.body = body;
  }
}

// Relative to the page, so the explorer also works when the API is mounted under a prefix.
function urlFor(path, params = {}) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) url.searchParams.set(name, value.join(","));
    } else {
      url.searchParams.set(name, String(value));
    }
  }
  return url;
}

function problemDetail(body) {
  // FastAPI's own validation errors carry a list of {loc, msg}; problem documents a string.
  if (Array.isArray(body?.errors) && body.errors.length) {
    return body.errors.map((e) => `${(e.loc ?? []).join(".")}: ${e.msg}`).join("; ");
  }
  if (typeof body?.detail === "string") return body.detail;
  if (Array.isArray(body?.detail)) {
    return body.detail.map((e) => `${(e.loc ?? []).join(".")}: ${e.msg}`).join("; ");
  }
  return null;
}

async function getJson(path, params, signal) {
  const url = urlFor(path, params);
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(0, "The API cannot be reached", String(err.message ?? err), url.href);
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const title = body?.title ?? `HTTP ${response.status} ${response.statusText}`.trim();
    const detail = problemDetail(body) ?? (body ? null : text.slice(0, 200));
    throw new ApiError(response.status, title, detail, url.href, body);
  }
  if (body === null) {
    throw new ApiError(response.status, "The API sent no JSON", text.slice(0, 200), url.href);
  }
  return body;
}

const enc = encodeURIComponent;

/** Ranked entity search: [{entity, match, score, matched_alias}]. */
export function searchEntities(q, { type, limit = 10 } = {}, signal) {
  return getJson("entities", { q, type, limit }, signal);
}

/** EntityDetail: {entity, fact_counts, fact_total, metric_total, source_count}. */
export function getEntity(id, signal) {
  return getJson(`entities/${enc(id)}`, {}, signal);
}

/** The traversal filters as query parameters: {minConfidence, maxDegree, excludeTypes, excludePredicates}. */
function filterParams(filters = {}) {
  return {
    min_confidence: filters.minConfidence ?? null,
    max_degree: filters.maxDegree ?? null,
    exclude_types: filters.excludeTypes ?? [],
    exclude_predicates: filters.excludePredicates ?? [],
  };
}

/** Subgraph {entities, facts, truncated} around one entity. */
export function neighbors(id, { depth = 1, predicates, since, until, asOf, limit, filters } = {}, signal) {
  return getJson(
    `entities/${enc(id)}/neighbors`,
    { depth, predicates, since, until, as_of: asOf, limit, ...filterParams(filters) },
    signal,
  );
}

/** PathResult {source, target, paths: [{nodes, hops}]}. */
export function paths(source, target, { maxHops, k, predicates, since, until, asOf, filters } = {}, signal) {
  return getJson(
    "paths",
    {
      source,
      target,
      max_hops: maxHops,
      k,
      predicates,
      since,
      until,
      as_of: asOf,
      ...filterParams(filters),
    },
    signal,
  );
}

/** StoryView {id, title, publisher, published, url, facts, metrics}. */
export function getStory(id, signal) {
  return getJson(`stories/${enc(id)}`, {}, signal);
}

/**
 * Dossier {entity, as_of, ownership, people, exposure, deals, footprint, timeline,
 * stories, sources, citations, notes} of one entity, as of a date (default: today).
 */
export function getDossier(id, { asOf, minConfidence } = {}, signal) {
  return getJson(`entities/${enc(id)}/dossier`, { as_of: asOf, min_confidence: minConfidence }, signal);
}

/** The address of a dossier's printable page (one self-contained HTML page). */
export function dossierPageUrl(id, { asOf, minConfidence } = {}) {
  return urlFor(`entities/${enc(id)}/dossier`, { format: "html", as_of: asOf, min_confidence: minConfidence }).href;
}

/** FactView with every source. */
export function getFact(key, signal) {
  return getJson(`facts/${enc(key)}`, {}, signal);
}

/** TimelinePage {entity, items, undated, undated_total, next_cursor, undated_next_cursor}. */
export function timeline(id, { since, until, predicates, cursor, limit = 100 } = {}, signal) {
  return getJson(
    `entities/${enc(id)}/timeline`,
    { since, until, predicates, cursor, limit },
    signal,
  );
}

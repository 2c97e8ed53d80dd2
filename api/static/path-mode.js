// Path mode: pick two entities, max hops, predicates and a date window; the paths
// are drawn highlighted and listed hop by hop, each hop opening its evidence in
// place. "No path" is an answer, shown with what to try next.

import { paths as fetchPaths } from "./api-client.js";
import { h, replaceChildren } from "./dom.js";
import { count, extractorText, periodText, safeHref } from "./format.js";
import { InputError, createPredicateFilter, describeFilters, noFilters, readDate } from "./filters.js";
import { createEntityPicker } from "./search.js";

function sourceLine(source, onStory) {
  const link = safeHref(source.url);
  const reader = extractorText(source.extractor);
  return h(
    "p",
    { class: "source-meta" },
    h("span", { class: "publisher" }, source.publisher ?? "unknown publisher"),
    " · ",
    h("button", { type: "button", class: "link story-link", dataset: { storyId: source.story_id }, onclick: () => onStory(source.story_id) }, source.title || "Untitled story"),
    source.published ? ` · ${source.published}` : null,
    link ? [" · ", h("a", { href: link, target: "_blank", rel: "noopener noreferrer", class: "external" }, "source ↗")] : null,
    reader ? [" · ", h("span", { class: "reader" }, reader)] : null,
  );
}

function hopItem(hop, names, { onHop, onStory }) {
  const fact = hop.fact;
  const forward = hop.direction === "forward";
  const first = fact.sources[0];
  const when = periodText(fact);
  const evidence = h(
    "div",
    { class: "hop-evidence", hidden: true },
    fact.sources.map((s) => [h("blockquote", { class: "sentence" }, s.sentence), sourceLine(s, onStory)]),
  );
  const head = h(
    "button",
    {
      type: "button",
      class: "hop-head link",
      "aria-expanded": "false",
      onclick: () => {
        evidence.hidden = !evidence.hidden;
        head.setAttribute("aria-expanded", String(!evidence.hidden));
        onHop(fact);
      },
    },
    h("span", {}, names.get(hop.from_id) ?? hop.from_id),
    h("span", { class: "predicate" }, forward ? ` —${fact.predicate}→ ` : ` ←${fact.predicate}— `),
    h("span", {}, names.get(hop.to_id) ?? hop.to_id),
    when ? h("span", { class: "muted" }, ` (${when})`) : null,
  );
  return h(
    "li",
    { class: "hop", dataset: { factKey: fact.key } },
    head,
    first
      ? h("blockquote", { class: "sentence first-sentence" }, first.sentence, h("footer", {}, [first.publisher, first.published].filter(Boolean).join(", ")))
      : h("p", { class: "muted" }, "no source"),
    evidence,
  );
}

/**
 * Render the path form into `container`. context: {graph, track, showError, clearError,
 * getAsOf(), getFilters(), onSubmit(request), onClear(), onHop(fact), onStory(id),
 * setStatus(text), onWidenFilters()}.
 */
export function createPathMode(container, context) {
  const { graph, showError, clearError, track, onStory } = context;
  const form = h("form", { class: "path-form", id: "path-form", novalidate: true });
  const sourceInput = h("input", { id: "path-source", type: "search", placeholder: "from entity…" });
  const targetInput = h("input", { id: "path-target", type: "search", placeholder: "to entity…" });
  const hopsInput = h("input", { id: "path-max-hops", type: "number", min: 1, max: 6, value: 4 });
  const kInput = h("input", { id: "path-k", type: "number", min: 1, max: 20, value: 3 });
  const sinceInput = h("input", { id: "path-since", placeholder: "YYYY[-MM[-DD]]", size: 10 });
  const untilInput = h("input", { id: "path-until", placeholder: "YYYY[-MM[-DD]]", size: 10 });
  const results = h("div", { id: "path-results", class: "path-results", "aria-live": "polite" });
  const predicateBox = h("div", {});

  form.append(
    h("div", { class: "field picker" }, h("label", { for: "path-source" }, "From"), h("span", { class: "picker-wrap" }, sourceInput)),
    h("div", { class: "field picker" }, h("label", { for: "path-target" }, "To"), h("span", { class: "picker-wrap" }, targetInput)),
    h(
      "div",
      { class: "row" },
      h("label", { class: "field", for: "path-max-hops" }, "Max hops "),
      hopsInput,
      h("label", { class: "field", for: "path-k" }, "Paths "),
      kInput,
    ),
    predicateBox,
    h(
      "div",
      { class: "row" },
      h("label", { class: "field", for: "path-since" }, "Since "),
      sinceInput,
      h("label", { class: "field", for: "path-until" }, "Until "),
      untilInput,
    ),
    h(
      "div",
      { class: "row" },
      h("button", { type: "submit", id: "path-find" }, "Find paths"),
      h("button", { type: "button", id: "path-clear", onclick: () => context.onClear() }, "Clear highlight"),
    ),
  );
  container.append(form, results);

  const submit = () => form.requestSubmit();
  const source = createEntityPicker(sourceInput, {
    onChoose: () => {},
    onError: showError,
    onEnter: () => (target.entity ? submit() : targetInput.focus()),
    label: "Start entity suggestions",
    track,
  });
  const target = createEntityPicker(targetInput, {
    onChoose: () => {},
    onError: showError,
    onEnter: submit,
    label: "End entity suggestions",
    track,
  });
  const predicates = createPredicateFilter(predicateBox, { name: "path-predicate" });

  /** The request the form describes, resolving typed names; null when it cannot. */
  async function readForm() {
    const since = readDate(sinceInput, "Path since");
    const until = readDate(untilInput, "Path until");
    if (!sourceInput.value.trim() || !targetInput.value.trim()) {
      throw new InputError("Path", "choose both a start and an end entity");
    }
    const from = await source.resolve({ ask: "Start:" });
    if (!from) return null;
    const to = await target.resolve({ ask: "End:" });
    if (!to) return null;
    return {
      from: from.id,
      to: to.id,
      maxHops: Math.min(6, Math.max(1, Number(hopsInput.value) || 4)),
      k: Math.min(20, Math.max(1, Number(kInput.value) || 3)),
      predicates: predicates.selected(),
      since,
      until,
    };
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    clearError();
    track(
      readForm()
        .then((request) => request && context.onSubmit(request))
        .catch((err) => err.name !== "AbortError" && showError(err)),
    );
  });

  function showNoPath(err, request) {
    const tries = [];
    if (request.maxHops < 6) {
      tries.push(
        h("button", { type: "button", class: "try-hops", onclick: () => { hopsInput.value = "6"; submit(); } }, "Search up to 6 hops"),
      );
    }
    if (request.predicates.length) {
      tries.push(h("button", { type: "button", onclick: () => { predicates.set([]); submit(); } }, "Allow every predicate"));
    }
    if (request.since || request.until) {
      tries.push(
        h("button", { type: "button", onclick: () => { sinceInput.value = ""; untilInput.value = ""; submit(); } }, "Drop the dates"),
      );
    }
    const filters = context.getFilters();
    if (!noFilters(filters)) {
      tries.push(h("button", { type: "button", onclick: () => context.onWidenFilters() }, "Show everything (drop the filters)"));
    }
    const asOf = context.getAsOf();
    replaceChildren(
      results,
      h(
        "div",
        { class: "no-path", role: "status" },
        h("h3", {}, "No path"),
        h("p", {}, err.detail ?? err.message),
        h(
          "p",
          { class: "muted" },
          `Searched ${count(request.maxHops, "hop")}`,
          request.predicates.length ? ` through ${request.predicates.join(", ")} only` : "",
          request.since || request.until ? `, facts between ${request.since ?? "the start"} and ${request.until ?? "now"}` : "",
          asOf ? `, as of ${asOf}` : "",
          noFilters(filters) ? "" : `, ${describeFilters(filters)}`,
          ".",
        ),
        tries.length ? h("div", { class: "row" }, tries) : null,
      ),
    );
  }

  /** Fetch and draw the paths of `request`; resolves to a one-line status. */
  async function run(request) {
    replaceChildren(results, h("p", { class: "muted" }, "Searching…"));
    let result;
    try {
      result = await fetchPaths(request.from, request.to, {
        maxHops: request.maxHops,
        k: request.k,
        predicates: request.predicates,
        since: request.since,
        until: request.until,
        asOf: context.getAsOf(),
        filters: context.getFilters(),
      });
    } catch (err) {
      if (err.type === "/problems/no-path") {
        graph?.clearHighlight();
        showNoPath(err, request);
        return "No path";
      }
      replaceChildren(results);
      throw err;
    }
    source.set(result.source);
    target.set(result.target);
    const names = new Map();
    for (const p of result.paths) for (const n of p.nodes) names.set(n.id, n.name);
    const drawn = graph ? await graph.showPaths(result) : null;
    const many = result.paths.length > 1;
    replaceChildren(
      results,
      h(
        "h3",
        {},
        `${count(result.paths.length, "path")}: ${result.source.name} → ${result.target.name} `,
        graph && many ? h("button", { type: "button", class: "link show-all", onclick: () => graph.showPaths(result) }, "show all") : null,
      ),
      result.paths.map((p, i) =>
        h(
          "section",
          { class: "path", dataset: { pathIndex: i } },
          h(
            "h4",
            {},
            `Path ${i + 1} · ${count(p.hops.length, "hop")} `,
            graph && many
              ? h(
                  "button",
                  {
                    type: "button",
                    class: "link show-one",
                    onclick: () => graph.highlight(p.nodes.map((n) => n.id), p.hops.map((hop) => hop.fact.key)),
                  },
                  "show only this",
                )
              : null,
          ),
          h("ol", { class: "hops" }, p.hops.map((hop) => hopItem(hop, names, { onHop: context.onHop, onStory }))),
        ),
      ),
    );
    return drawn ? `Path: ${count(drawn.nodes, "entity", "entities")} and ${count(drawn.edges, "fact")} highlighted` : "";
  }

  return {
    /** Prefill the start from the explorer's current entity, unless one is being typed. */
    setSource(entity) {
      if (document.activeElement !== sourceInput) source.set(entity);
    },
    setTarget(entity) {
      target.set(entity);
    },
    /** Show a request's settings in the form (restoring a view). */
    fill(request) {
      hopsInput.value = String(request.maxHops);
      kInput.value = String(request.k);
      predicates.set(request.predicates);
      sinceInput.value = request.since ?? "";
      untilInput.value = request.until ?? "";
    },
    clearResults() {
      replaceChildren(results);
    },
    run,
    submit,
  };
}

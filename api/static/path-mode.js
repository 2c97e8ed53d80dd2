// Path mode: pick two entities, max hops, predicates and a date window; the paths
// are drawn highlighted and listed hop by hop with their evidence.

import { paths as fetchPaths } from "./api-client.js";
import { h, replaceChildren } from "./dom.js";
import { InputError, createPredicateFilter, readDate } from "./filters.js";
import { createEntityPicker } from "./search.js";

function hopItem(hop, names, onFact) {
  const fact = hop.fact;
  const forward = hop.direction === "forward";
  const source = fact.sources[0];
  return h(
    "li",
    { class: "hop", dataset: { factKey: fact.key } },
    h(
      "button",
      { type: "button", class: "hop-head link", onclick: () => onFact(fact.key) },
      h("span", {}, names.get(hop.from_id) ?? hop.from_id),
      h("span", { class: "predicate" }, forward ? ` —${fact.predicate}→ ` : ` ←${fact.predicate}— `),
      h("span", {}, names.get(hop.to_id) ?? hop.to_id),
      fact.date ? h("span", { class: "muted" }, ` (${fact.date})`) : null,
    ),
    source
      ? h(
          "blockquote",
          { class: "sentence" },
          source.sentence,
          h("footer", {}, [source.publisher, source.published].filter(Boolean).join(", ")),
        )
      : h("p", { class: "muted" }, "no source"),
  );
}

/** Render the path form into `container`; context supplies the graph and shared state. */
export function createPathMode(container, context) {
  const { graph, showError, clearError, openFact, getAsOf, setStatus, track } = context;
  const form = h("form", { class: "path-form", id: "path-form" });
  const sourceInput = h("input", { id: "path-source", type: "search", placeholder: "from entity…", required: true });
  const targetInput = h("input", { id: "path-target", type: "search", placeholder: "to entity…", required: true });
  const hopsInput = h("input", { id: "path-max-hops", type: "number", min: 1, max: 6, value: 4 });
  const kInput = h("input", { id: "path-k", type: "number", min: 1, max: 20, value: 3 });
  const sinceInput = h("input", { id: "path-since", placeholder: "YYYY[-MM[-DD]]", size: 10 });
  const untilInput = h("input", { id: "path-until", placeholder: "YYYY[-MM[-DD]]", size: 10 });
  const results = h("div", { id: "path-results", class: "path-results", "aria-live": "polite" });
  const predicateBox = h("div", {});

  form.append(
    h("label", { class: "field picker" }, "From", h("span", { class: "picker-wrap" }, sourceInput)),
    h("label", { class: "field picker" }, "To", h("span", { class: "picker-wrap" }, targetInput)),
    h("div", { class: "row" },
      h("label", { class: "field" }, "Max hops ", hopsInput),
      h("label", { class: "field" }, "Paths ", kInput),
    ),
    predicateBox,
    h("div", { class: "row" },
      h("label", { class: "field" }, "Since ", sinceInput),
      h("label", { class: "field" }, "Until ", untilInput),
    ),
    h("div", { class: "row" },
      h("button", { type: "submit", id: "path-find" }, "Find paths"),
      h("button", { type: "button", id: "path-clear", onclick: () => clear() }, "Clear highlight"),
    ),
  );
  container.append(form, results);

  const source = createEntityPicker(sourceInput, { onChoose: () => {}, onError: showError });
  const target = createEntityPicker(targetInput, { onChoose: () => {}, onError: showError });
  const predicates = createPredicateFilter(predicateBox, { name: "path-predicate" });

  function clear() {
    graph?.clearHighlight();
    replaceChildren(results);
  }

  function run() {
    return track(findPaths());
  }

  async function findPaths() {
    clearError();
    // An entity picked from the suggestions is sent by id; typed text by name, which
    // the API resolves (or answers with a clear "not found"/"ambiguous" problem).
    const from = source.entity?.id ?? sourceInput.value.trim();
    const to = target.entity?.id ?? targetInput.value.trim();
    let since;
    let until;
    try {
      if (!from || !to) throw new InputError("Path", "choose both a start and an end entity");
      since = readDate(sinceInput, "Path since");
      until = readDate(untilInput, "Path until");
    } catch (err) {
      showError(err);
      return;
    }
    replaceChildren(results, h("p", { class: "muted" }, "Searching…"));
    try {
      const result = await fetchPaths(from, to, {
        maxHops: Number(hopsInput.value) || 4,
        k: Number(kInput.value) || 3,
        predicates: predicates.selected(),
        since,
        until,
        asOf: getAsOf(),
      });
      const names = new Map();
      for (const p of result.paths) for (const n of p.nodes) names.set(n.id, n.name);
      const drawn = graph ? await graph.showPaths(result) : null;
      replaceChildren(
        results,
        h(
          "h3",
          {},
          `${result.paths.length} path${result.paths.length === 1 ? "" : "s"}: ${result.source.name} → ${result.target.name} `,
          graph && result.paths.length > 1
            ? h("button", { type: "button", class: "link", onclick: () => graph.showPaths(result) }, "show all")
            : null,
        ),
        result.paths.map((p, i) =>
          h(
            "section",
            { class: "path", dataset: { pathIndex: i } },
            h(
              "h4",
              {},
              `Path ${i + 1} · ${p.hops.length} hop${p.hops.length === 1 ? "" : "s"} `,
              graph
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
            h("ol", { class: "hops" }, p.hops.map((hop) => hopItem(hop, names, openFact))),
          ),
        ),
      );
      if (drawn) setStatus(`Path: ${drawn.nodes} entities and ${drawn.edges} facts highlighted`);
    } catch (err) {
      replaceChildren(results);
      showError(err);
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    run();
  });

  return {
    /** Prefill one end from the explorer's current entity. */
    setSource(entity) {
      source.set(entity);
    },
    setTarget(entity) {
      target.set(entity);
    },
    run,
  };
}

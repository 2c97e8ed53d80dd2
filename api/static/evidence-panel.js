// The details panel: one fact with its evidence sentences and sources, or one entity.

import { h, formatAmount, replaceChildren } from "./dom.js";
import { styleFor } from "./ontology.js";

function row(name, value) {
  if (value === null || value === undefined || value === "") return null;
  return [h("dt", {}, name), h("dd", {}, value)];
}

function entityLink(id, name, onEntity) {
  return h(
    "button",
    { type: "button", class: "link", title: id, onclick: () => onEntity(id) },
    name,
  );
}

function sourceItem(source) {
  const title = source.title ?? source.story_id;
  const titleNode = source.url
    ? h("a", { href: source.url, target: "_blank", rel: "noopener noreferrer" }, title)
    : h("span", {}, title);
  return h(
    "li",
    { class: "source" },
    h("blockquote", { class: "sentence" }, source.sentence),
    h(
      "p",
      { class: "source-meta" },
      h("span", { class: "publisher" }, source.publisher ?? "unknown publisher"),
      " · ",
      titleNode,
      source.published ? [" · ", h("time", { class: "published", datetime: source.published }, source.published)] : null,
    ),
  );
}

/** Show a FactView; onEntity(id) is called when an entity name is clicked. */
export function renderFact(container, fact, { onEntity }) {
  const attributes = Object.entries(fact.attributes ?? {}).map(([k, v]) => row(k, String(v)));
  replaceChildren(
    container,
    h("h2", {}, "Fact"),
    h(
      "p",
      { class: "fact-statement" },
      entityLink(fact.subject, fact.subject_name, onEntity),
      h("span", { class: "predicate" }, ` ${fact.predicate} `),
      entityLink(fact.object, fact.object_name, onEntity),
    ),
    fact.valid_until ? h("p", { class: "closed-note" }, `Closed: held until ${fact.valid_until}.`) : null,
    h(
      "dl",
      { class: "fact-fields" },
      row("date", fact.date ? `${fact.date}${fact.date_precision ? ` (${fact.date_precision})` : ""}` : "undated"),
      row("status", fact.status),
      row("amount", formatAmount(fact.amount)),
      row("stake", fact.stake_pct !== null && fact.stake_pct !== undefined ? `${fact.stake_pct}%` : null),
      row("role", fact.role),
      row("valid from", fact.valid_from),
      row("valid until", fact.valid_until),
      row("confidence", fact.confidence?.toFixed(2)),
      attributes,
    ),
    h("h3", {}, `Evidence (${fact.sources.length})`),
    fact.sources.length
      ? h("ul", { class: "sources" }, fact.sources.map(sourceItem))
      : h("p", { class: "muted" }, "No source recorded for this fact."),
    h("p", { class: "fact-key muted" }, fact.key),
  );
}

/** Show an entity's detail (EntityDetail from GET /entities/{id}). */
export function renderEntity(container, detail, { onTimeline }) {
  const e = detail.entity;
  const style = styleFor(e.type);
  const counts = Object.entries(detail.fact_counts ?? {}).sort((a, b) => b[1] - a[1]);
  const aliases = (e.aliases ?? []).filter((a) => a !== e.name);
  replaceChildren(
    container,
    h("h2", {}, e.name, e.name_zh && e.name_zh !== e.name ? h("span", { class: "name-zh", lang: "zh" }, ` ${e.name_zh}`) : null),
    h("p", { class: "entity-type" }, h("span", { class: "swatch", style: `background:${style.color}` }), e.type),
    e.description ? h("p", {}, e.description) : null,
    h(
      "dl",
      { class: "fact-fields" },
      row("id", e.id),
      row("Chinese name", e.name_zh),
      row("country", e.country),
      row("tickers", (e.tickers ?? []).join(", ")),
      row("aliases", aliases.join("; ")),
      row("facts", String(detail.fact_total)),
      row("metrics", String(detail.metric_total)),
      row("stories", String(detail.source_count)),
    ),
    counts.length
      ? h("ul", { class: "predicate-counts" }, counts.map(([p, n]) => h("li", {}, `${p}: ${n}`)))
      : null,
    h("button", { type: "button", onclick: () => onTimeline(e.id) }, "Open timeline"),
  );
}

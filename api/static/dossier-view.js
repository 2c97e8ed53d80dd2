// The dossier view in the details panel: what GET /entities/{id}/dossier says about one
// entity, section by section -- owners up to the ultimate ones, subsidiaries and
// holdings, people, government acts on it, its owners or its holdings (with the
// ownership links that lead there), deals, where it is based, its timeline and the
// stories cited, numbered. Every fact is a button that opens its evidence; every story
// opens the story view. Each section's list is one tab stop (dom.rovingList).

import { h, replaceChildren, rovingList } from "./dom.js";
import { entityLink, externalLink, statement } from "./evidence-panel.js";
import { count, factDetails, formatMetricValue, periodText } from "./format.js";
import { labelFromId, labelWords, styleFor } from "./ontology.js";

const WHERE = {
  self: () => "on the entity itself",
  owner: (x) => `on ${x.target.name}, an owner ${count(x.hops, "hop")} up`,
  holding: (x) => `on ${x.target.name}, a holding ${count(x.hops, "hop")} down`,
};

const ROLE_WORDS = { LEADS: "leader", WORKS_FOR: "staff", FOUNDED: "founder" };

const FOOTPRINT_WORDS = {
  HEADQUARTERED_IN: "based in",
  OPERATES_IN: "operates in",
  LISTED_ON: "listed on",
};

/** "sources 1, 3" for a fact the dossier cites. */
function citesText(dossier, fact) {
  const numbers = dossier.citations[fact.key] ?? [];
  if (!numbers.length) return null;
  return `${numbers.length === 1 ? "source" : "sources"} ${numbers.join(", ")}`;
}

/** "2019-04", "2015-03 → 2022-06" or "undated": when a fact happened or held. */
function when(fact) {
  return periodText(fact) || "undated";
}

/**
 * One fact of the dossier as a button opening its evidence: a first line (`lead`, or
 * the fact's statement) and a line with its date, `meta` and its source numbers.
 */
function factItem(dossier, fact, { onFact, lead = null, meta = [], date = when(fact), via = false }) {
  const self = dossier.entity.id;
  const line = [date, ...meta, citesText(dossier, fact)].filter(Boolean).join(" · ");
  return h(
    "li",
    { class: via ? "fact-item dossier-item via" : "fact-item dossier-item", dataset: { factKey: fact.key } },
    h(
      "button",
      { type: "button", class: "fact-button", onclick: () => onFact(fact.key) },
      h("span", { class: "fact-statement-line" }, lead ?? statement(fact, { self })),
      h("span", { class: "fact-meta" }, line),
    ),
  );
}

/**
 * A section: heading with its count (`total`, by default one per item), then its list
 * (one tab stop) or what is not known.
 */
function section(name, title, items, empty, { extra = null, total = items.length } = {}) {
  const id = `dossier-${name}-title`;
  return h(
    "section",
    { class: `dossier-section dossier-${name}`, "aria-labelledby": id, dataset: { section: name } },
    h("h3", { id }, items.length ? `${title} (${total})` : title),
    items.length
      ? rovingList(h("ul", { class: "fact-list", "aria-labelledby": id }, items), "button.fact-button")
      : h("p", { class: "muted dossier-empty" }, empty),
    extra,
  );
}

function ownershipMeta(link, direction) {
  const level = link.hops === 1 ? (direction === "up" ? "direct owner" : "direct holding") : `${count(link.hops, "hop")} ${direction}`;
  return [level, ...factDetails(link.fact)];
}

function peopleItems(dossier, onFact) {
  return dossier.people.map((p) => {
    const role = p.role || ROLE_WORDS[p.predicate] || p.predicate;
    const span = p.start && p.end ? `${p.start} → ${p.end}` : p.end ? `until ${p.end}` : p.start ? `from ${p.start}` : null;
    const tenure = p.current
      ? p.start
        ? `current, since ${p.start}`
        : "current"
      : span
        ? `former, ${span}`
        : "former";
    return factItem(dossier, p.fact, {
      onFact,
      lead: [h("strong", { class: "person" }, p.person.name), `, ${role}`],
      date: tenure,
    });
  });
}

function exposureItems(dossier, onFact) {
  const items = [];
  for (const x of dossier.exposure) {
    items.push(
      factItem(dossier, x.act, {
        onFact,
        lead: [h("span", { class: "flag" }, x.flag), " ", statement(x.act, { self: dossier.entity.id })],
        meta: [WHERE[x.relation](x), ...factDetails(x.act)],
      }),
    );
    for (const step of x.path) {
      items.push(
        factItem(dossier, step, { onFact, via: true, lead: ["via ", statement(step, { self: dossier.entity.id })] }),
      );
    }
  }
  return items;
}

function dealItems(dossier, onFact) {
  const items = [];
  for (const deal of dossier.deals) {
    items.push(factItem(dossier, deal.fact, { onFact, meta: factDetails(deal.fact) }));
    for (const other of deal.other_parties) {
      items.push(factItem(dossier, other, { onFact, via: true, lead: ["other party: ", statement(other)], meta: factDetails(other) }));
    }
    for (const owner of deal.party_owners) {
      items.push(factItem(dossier, owner, { onFact, via: true, lead: ["a party's owner: ", statement(owner)], meta: factDetails(owner) }));
    }
  }
  return items;
}

function timelineItems(dossier, onFact) {
  return dossier.timeline.map((item) => {
    if (item.fact) return factItem(dossier, item.fact, { onFact, date: item.date ?? when(item.fact), meta: factDetails(item.fact) });
    const m = item.metric;
    return h(
      "li",
      { class: "metric-item" },
      h("time", { datetime: item.date }, item.date),
      ` ${m.subject_name ?? ""}: ${m.name} ${formatMetricValue(m)}${m.period ? ` (${m.period})` : ""}`,
    );
  });
}

function storyButton(id, title, onStory) {
  return h(
    "button",
    { type: "button", class: "link story-link", dataset: { storyId: id }, onclick: () => onStory(id) },
    title || "Untitled story",
  );
}

function sourcesSection(dossier, onStory) {
  const cited = new Set(dossier.sources.map((s) => s.story_id));
  const others = dossier.stories.filter((s) => !cited.has(s.id));
  const line = (s, id, number = null) =>
    h(
      "li",
      { class: "dossier-source", dataset: { storyId: id } },
      number !== null ? h("span", { class: "source-number" }, `${number}.`) : null,
      number !== null ? " " : null,
      storyButton(id, s.title, onStory),
      h(
        "span",
        { class: "source-meta" },
        s.publisher ? [" · ", h("span", { class: "publisher" }, s.publisher)] : null,
        s.published ? [" · ", h("time", { datetime: s.published }, s.published)] : null,
        externalLink(s.url) ? [" · ", externalLink(s.url)] : null,
      ),
    );
  return h(
    "section",
    { class: "dossier-section dossier-sources", "aria-labelledby": "dossier-sources-title", dataset: { section: "sources" } },
    h("h3", { id: "dossier-sources-title" }, `Sources (${dossier.sources.length})`),
    dossier.sources.length
      ? h("ol", { class: "dossier-source-list" }, dossier.sources.map((s) => line(s, s.story_id, s.number)))
      : h("p", { class: "muted dossier-empty" }, "No story is cited."),
    others.length ? h("h4", {}, `Other stories that mention it (${others.length})`) : null,
    others.length ? h("ul", { class: "dossier-source-list" }, others.map((s) => line(s, s.id))) : null,
  );
}

/**
 * Show a Dossier (GET /entities/{id}/dossier) in `container`.
 * options: {onFact(key), onEntity(id), onStory(storyId), onBack() and backLabel, printHref}
 */
export function renderDossier(container, dossier, { onFact, onEntity, onStory, onBack = null, backLabel = "Back", printHref = null }) {
  const e = dossier.entity;
  const style = styleFor(e.type);
  const tree = dossier.ownership;
  const up = [...tree.up].sort((a, b) => a.hops - b.hops);
  const down = [...tree.down].sort((a, b) => a.hops - b.hops);
  const ultimate = tree.ultimate_parents.length
    ? h(
        "p",
        { class: "ultimate-owners" },
        tree.ultimate_parents.length === 1 ? "Ultimate owner: " : "Ultimate owners: ",
        tree.ultimate_parents.map((p, i) => [i ? ", " : "", entityLink(p.id, p.name, onEntity)]),
      )
    : null;
  const footprint = dossier.footprint.map((f) =>
    factItem(dossier, f, { onFact, lead: `${FOOTPRINT_WORDS[f.predicate] ?? f.predicate} ${f.object_name}` }),
  );
  replaceChildren(
    container,
    onBack ? h("button", { type: "button", class: "link back dossier-back", onclick: onBack }, `← ${backLabel}`) : null,
    h("p", { class: "eyebrow" }, "Dossier"),
    h(
      "h2",
      { class: "dossier-heading" },
      e.name,
      e.name_zh && e.name_zh !== e.name ? h("span", { class: "name-zh", lang: "zh" }, ` ${e.name_zh}`) : null,
    ),
    h(
      "p",
      { class: "entity-type" },
      h("span", { class: "swatch", style: `background:${style.color}`, "aria-hidden": "true" }),
      labelWords(e.type),
      e.country ? ` · ${e.country}` : null,
      dossier.as_of ? ` · as of ${dossier.as_of}` : null,
    ),
    e.description ? h("p", {}, e.description) : null,
    dossier.notes.length ? h("ul", { class: "dossier-notes" }, dossier.notes.map((n) => h("li", {}, n))) : null,
    h(
      "p",
      { class: "dossier-summary muted" },
      `${count(dossier.fact_total, "fact")} in the graph · ${count(dossier.sources.length, "story", "stories")} cited`,
      printHref ? [" · ", h("a", { href: printHref, target: "_blank", rel: "noopener", class: "dossier-print" }, "printable page ↗")] : null,
    ),
    section("owners", "Owners", up.map((l) => factItem(dossier, l.fact, { onFact, meta: ownershipMeta(l, "up") })), "No owner is known.", { extra: ultimate }),
    section(
      "holdings",
      "Subsidiaries and holdings",
      down.map((l) => factItem(dossier, l.fact, { onFact, meta: ownershipMeta(l, "down") })),
      "No subsidiary or holding is known.",
    ),
    section("people", "People", peopleItems(dossier, onFact), "No leader or staff member is known."),
    section(
      "acts",
      "Government acts",
      exposureItems(dossier, onFact),
      "No sanction, ban, fine, investigation or tariff is known on the entity, its owners or its holdings.",
      { total: dossier.exposure.length },
    ),
    section("deals", "Deals", dealItems(dossier, onFact), "No deal is known.", { total: dossier.deals.length }),
    footprint.length ? section("footprint", "Where it is based", footprint, "") : null,
    h(
      "details",
      { class: "dossier-section dossier-timeline", dataset: { section: "timeline" } },
      h("summary", {}, `Timeline (${count(dossier.timeline.length, "item")}${dossier.timeline_truncated ? ", cut short" : ""})`),
      dossier.timeline.length
        ? rovingList(h("ul", { class: "fact-list", "aria-label": `Timeline of ${e.name}` }, timelineItems(dossier, onFact)), "button.fact-button")
        : h("p", { class: "muted" }, "No dated fact or figure."),
    ),
    sourcesSection(dossier, onStory),
  );
}

/** The entities and facts a dossier names, as a subgraph to draw around its entity. */
export function dossierSubgraph(dossier, types = {}) {
  const entities = new Map();
  const facts = new Map();
  const ref = (r) => entities.set(r.id, { id: r.id, name: r.name, type: r.type });
  const add = (f) => {
    facts.set(f.key, f);
    for (const [id, name] of [
      [f.subject, f.subject_name],
      [f.object, f.object_name],
    ]) {
      if (!entities.has(id)) entities.set(id, { id, name, type: types[id] ?? labelFromId(id) });
    }
  };
  ref({ id: dossier.entity.id, name: dossier.entity.name, type: dossier.entity.type });
  for (const link of [...dossier.ownership.up, ...dossier.ownership.down]) {
    ref(link.owner);
    ref(link.owned);
    add(link.fact);
  }
  for (const p of dossier.people) {
    ref(p.person);
    add(p.fact);
  }
  for (const x of dossier.exposure) {
    ref(x.target);
    add(x.act);
    x.path.forEach(add);
  }
  for (const d of dossier.deals) {
    ref(d.counterparty);
    add(d.fact);
    [...d.other_parties, ...d.party_owners].forEach(add);
  }
  dossier.footprint.forEach(add);
  return { entities: [...entities.values()], facts: [...facts.values()], truncated: false };
}

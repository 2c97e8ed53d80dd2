// The details panel's views: one entity (with its facts as a list), one fact with its
// evidence and sources, the facts of a bundled edge, and one source story (the dossier
// view is dossier-view.js).
// Lists are one tab stop each, walked with the arrow keys (dom.rovingList).

import { h, replaceChildren, rovingList } from "./dom.js";
import {
  count,
  extractorText,
  factDetails,
  factPeriod,
  formatAmount,
  formatMetricValue,
  hasEnded,
  periodText,
  safeHref,
  visibleAttributes,
} from "./format.js";
import { labelWords, styleFor } from "./ontology.js";

const PRECISION_WORDS = { year: "year", month: "month", day: "day" };

function row(name, value) {
  if (value === null || value === undefined || value === "") return null;
  return [h("dt", {}, name), h("dd", {}, value)];
}

export function entityLink(id, name, onEntity) {
  return h(
    "button",
    {
      type: "button",
      class: "link entity-link",
      dataset: { entityId: id },
      onclick: () => onEntity(id),
    },
    name,
  );
}

/** "Subject PREDICATE Object", the entity `self` in bold instead of a link. */
export function statement(fact, { self = null, onEntity = null } = {}) {
  const end = (id, name) => {
    if (id === self) return h("strong", { class: "self" }, name);
    return onEntity ? entityLink(id, name, onEntity) : h("span", {}, name);
  };
  return [
    end(fact.subject, fact.subject_name),
    " ",
    h("span", { class: "predicate" }, fact.predicate),
    " ",
    end(fact.object, fact.object_name),
  ];
}

/** One line under a statement: its period, amount, stake, role, status. */
function factMeta(fact) {
  const parts = [periodText(fact) || "undated", ...factDetails(fact)];
  return parts.join(" · ");
}

function storyButton(source, onStory) {
  const title = source.title || "Untitled story";
  if (!onStory) return h("span", { class: "story-title" }, title);
  return h(
    "button",
    { type: "button", class: "link story-link", dataset: { storyId: source.story_id }, onclick: () => onStory(source.story_id) },
    title,
  );
}

export function externalLink(url, text = "source ↗") {
  const href = safeHref(url);
  if (!href) return null;
  return h("a", { href, target: "_blank", rel: "noopener noreferrer", class: "external" }, text);
}

function sourceItem(source, onStory) {
  const link = externalLink(source.url);
  const reader = extractorText(source.extractor);
  return h(
    "li",
    { class: "source" },
    h("blockquote", { class: "sentence" }, source.sentence),
    h(
      "p",
      { class: "source-meta" },
      h("span", { class: "publisher" }, source.publisher ?? "unknown publisher"),
      " · ",
      storyButton(source, onStory),
      source.published ? [" · ", h("time", { class: "published", datetime: source.published }, source.published)] : null,
      link ? [" · ", link] : null,
      reader ? [" · ", h("span", { class: "reader" }, reader)] : null,
    ),
  );
}

/** A keyboard-walkable list of facts, each a button calling onFact(key). */
export function factList(facts, { onFact, self = null, sentenceFrom = null, label = "Facts" }) {
  const list = h(
    "ul",
    { class: "fact-list", "aria-label": label },
    facts.map((fact) => {
      const sentence = sentenceFrom
        ? fact.sources.find((s) => s.story_id === sentenceFrom)?.sentence
        : null;
      return h(
        "li",
        { class: "fact-item", dataset: { factKey: fact.key } },
        h(
          "button",
          { type: "button", class: "fact-button", onclick: () => onFact(fact.key) },
          h("span", { class: "fact-statement-line" }, statement(fact, { self })),
          h("span", { class: "fact-meta" }, factMeta(fact)),
          sentence ? h("span", { class: "fact-sentence" }, `“${sentence}”`) : null,
        ),
      );
    }),
  );
  return rovingList(list, "button.fact-button");
}

/** Most recent first, undated last. */
export function byRecency(facts) {
  const start = (f) => factPeriod(f).start ?? factPeriod(f).end ?? "";
  return [...facts].sort((a, b) => (start(b) > start(a) ? 1 : start(b) < start(a) ? -1 : a.key < b.key ? -1 : 1));
}

/**
 * Show a FactView. options: {onEntity(id), onStory(storyId), onBack() and backLabel for
 * a "back" button, asOf (to say whether the fact had ended then)}.
 */
export function renderFact(container, fact, { onEntity, onStory = null, onBack = null, backLabel = "Back", asOf = null }) {
  const precision = fact.date_precision ? ` (${PRECISION_WORDS[fact.date_precision] ?? fact.date_precision})` : "";
  replaceChildren(
    container,
    onBack ? h("button", { type: "button", class: "link back", onclick: onBack }, `← ${backLabel}`) : null,
    h("h2", {}, "Fact"),
    h("p", { class: "fact-statement", dataset: { factKey: fact.key } }, statement(fact, { onEntity })),
    hasEnded(fact, asOf) ? h("p", { class: "closed-note" }, `Ended: held until ${fact.valid_until}.`) : null,
    h(
      "dl",
      { class: "fact-fields" },
      row("date", fact.date ? `${fact.date}${precision}` : "undated"),
      row("held", fact.valid_from || fact.valid_until ? periodText(fact) : null),
      row("status", fact.status),
      row("amount", formatAmount(fact.amount)),
      row("stake", fact.stake_pct !== null && fact.stake_pct !== undefined ? `${fact.stake_pct}%` : null),
      row("role", fact.role),
      visibleAttributes(fact).map(([name, value]) => row(name, value)),
      row("confidence", fact.confidence !== undefined ? `${Math.round(fact.confidence * 100)}%` : null),
    ),
    h("h3", {}, `Evidence (${fact.sources.length})`),
    fact.sources.length
      ? h("ul", { class: "sources" }, fact.sources.map((s) => sourceItem(s, onStory)))
      : h("p", { class: "muted" }, "No source recorded for this fact."),
  );
}

/** The facts of a bundled edge: "3 facts between A and B", each opening its evidence. */
export function renderFactGroup(container, facts, { onFact, onEntity }) {
  const [first] = facts;
  replaceChildren(
    container,
    h("h2", {}, count(facts.length, "fact")),
    h(
      "p",
      { class: "group-between" },
      "between ",
      entityLink(first.subject, first.subject_name, onEntity),
      " and ",
      entityLink(first.object, first.object_name, onEntity),
    ),
    factList(byRecency(facts), { onFact, label: "Facts between these two entities" }),
  );
}

/**
 * Show an entity's detail (EntityDetail from GET /entities/{id}) and its facts.
 * options: {facts (FactViews touching it, or null while unknown), truncated, asOf,
 *           onFact(key), onTimeline(), onDossier(), onCentre(), onPathFrom()}
 */
export function renderEntity(container, detail, options) {
  const { facts = null, truncated = false, asOf = null, onFact, onTimeline, onDossier = null, onCentre, onPathFrom } = options;
  const e = detail.entity;
  const style = styleFor(e.type);
  const aliases = (e.aliases ?? []).filter((a) => a !== e.name);
  const total = facts ? facts.length : detail.fact_total;
  const factWord = `${total}${facts && truncated ? "+" : ""}${asOf ? ` as of ${asOf}` : ""}`;
  replaceChildren(
    container,
    h(
      "h2",
      {},
      e.name,
      e.name_zh && e.name_zh !== e.name ? h("span", { class: "name-zh", lang: "zh" }, ` ${e.name_zh}`) : null,
    ),
    h(
      "p",
      { class: "entity-type" },
      h("span", { class: "swatch", style: `background:${style.color}`, "aria-hidden": "true" }),
      labelWords(e.type),
    ),
    e.description ? h("p", {}, e.description) : null,
    h(
      "dl",
      { class: "fact-fields" },
      row("Chinese name", e.name_zh),
      row("country", e.country),
      row("tickers", (e.tickers ?? []).join(", ")),
      row("also called", aliases.join("; ")),
      row("facts", factWord),
      row("figures", detail.metric_total ? String(detail.metric_total) : null),
      row("stories", String(detail.source_count)),
    ),
    h(
      "div",
      { class: "row actions" },
      onCentre ? h("button", { type: "button", class: "centre-here", onclick: onCentre }, "Centre the graph here") : null,
      h("button", { type: "button", class: "open-timeline", onclick: onTimeline }, "Timeline"),
      onDossier ? h("button", { type: "button", class: "open-dossier", onclick: onDossier }, "Dossier") : null,
      onPathFrom ? h("button", { type: "button", class: "path-from", onclick: onPathFrom }, "Find a path from here") : null,
    ),
    h("h3", { id: "entity-facts-title" }, facts ? `Facts (${factWord})` : "Facts"),
    facts
      ? facts.length
        ? factList(byRecency(facts), { onFact, self: e.id, label: `Facts of ${e.name}` })
        : h("p", { class: "muted" }, asOf ? `No fact held as of ${asOf}.` : "No fact recorded.")
      : h("p", { class: "muted" }, "Loading…"),
    truncated ? h("p", { class: "muted" }, "Only the first facts are listed; the timeline has them all.") : null,
  );
}

/** Show a source story (StoryView from GET /stories/{id}) and what was read from it. */
export function renderStory(container, story, { onFact, onEntity, onDraw, drawn = false, onBack = null, backLabel = "Back" }) {
  const link = safeHref(story.url);
  replaceChildren(
    container,
    onBack ? h("button", { type: "button", class: "link back", onclick: onBack }, `← ${backLabel}`) : null,
    h("p", { class: "eyebrow" }, "Source story"),
    h("h2", { class: "story-heading" }, story.title || "Untitled story"),
    h(
      "p",
      { class: "source-meta" },
      h("span", { class: "publisher" }, story.publisher ?? "unknown publisher"),
      story.published ? [" · ", h("time", { datetime: story.published }, story.published)] : null,
    ),
    link
      ? h("p", {}, h("a", { href: link, target: "_blank", rel: "noopener noreferrer", class: "external story-url" }, "Read the story ↗"))
      : story.url
        ? h("p", { class: "muted" }, `Address given: ${story.url} (not a web link)`)
        : h("p", { class: "muted" }, "No address recorded for this story."),
    story.facts.length && !drawn
      ? h("div", { class: "row actions" }, h("button", { type: "button", class: "draw-story", onclick: onDraw }, "Draw these facts"))
      : null,
    drawn ? h("p", { class: "muted" }, "The graph shows these facts.") : null,
    h("h3", {}, `Facts read from it (${story.facts.length})`),
    story.facts.length
      ? factList(byRecency(story.facts), { onFact, sentenceFrom: story.id, label: "Facts read from this story" })
      : h("p", { class: "muted" }, "No fact was read from this story."),
    story.metrics.length ? h("h3", {}, `Figures (${story.metrics.length})`) : null,
    story.metrics.length
      ? h(
          "ul",
          { class: "metric-list" },
          story.metrics.map((m) =>
            h(
              "li",
              { class: "metric-item" },
              entityLink(m.subject, m.subject_name, onEntity),
              `: ${m.name} ${formatMetricValue(m)}${m.period ? ` (${m.period})` : ""}`,
              m.sources.find((s) => s.story_id === story.id)
                ? h("blockquote", { class: "sentence" }, m.sources.find((s) => s.story_id === story.id).sentence)
                : null,
            ),
          ),
        )
      : null,
  );
}

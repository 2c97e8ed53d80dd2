// The timeline panel: the selected entity's facts and figures in time order, drawn
// along an axis (facts that held for a while as spans, events as dots) and listed
// with their amounts, statuses and periods. A fact or figure opens its evidence in
// place; a fact is also singled out in the graph (added to it if it was not drawn).
// With an as-of date, only what had happened by then is shown.

import { timeline as fetchTimeline } from "./api-client.js";
import { h, replaceChildren, rovingList, svg } from "./dom.js";
import {
  count,
  dateEnd,
  dateStart,
  extractorText,
  factDetails,
  factPeriod,
  formatMetricValue,
  hasEnded,
  periodText,
  safeHref,
  today,
} from "./format.js";
import { createPredicateFilter, readDate } from "./filters.js";

const AXIS_WIDTH = 360;
const AXIS_PAD = 16;
const LANE_GAP = 11;
const MAX_LANES = 10;
const DOT_WIDTH = 10;

function itemKey(item) {
  return item.kind === "fact" ? item.fact.key : item.metric.id;
}

/** Where an item sits in time: {start, end} partial dates; end only for facts that ended. */
function itemPeriod(item) {
  if (item.kind === "metric") return { start: item.date ?? item.metric.date ?? null, end: null };
  const period = factPeriod(item.fact);
  return { start: period.start ?? item.date ?? null, end: period.end };
}

/** Whether an item can be placed in time (a date, a start or an end). */
function placeable(item) {
  const { start, end } = itemPeriod(item);
  return Boolean(start || end);
}

/** Where an item sorts: its date as the API gave it, else the start (or end) of its period. */
function anchor(item) {
  const { start, end } = itemPeriod(item);
  return dateStart(item.date ?? start ?? end);
}

function sortByTime(items) {
  return items
    .map((item, i) => ({ item, i, at: anchor(item) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.item);
}

function drawAxis(items, { asOf, onPick }) {
  if (!items.length) return h("p", { class: "muted" }, "Nothing dated to draw.");
  const horizon = dateEnd(asOf ?? today());
  const bounds = [];
  for (const item of items) {
    const { start, end } = itemPeriod(item);
    if (start) bounds.push(dateStart(start));
    if (end) bounds.push(dateStart(end));
  }
  let lo = Math.min(...bounds);
  let hi = Math.max(...bounds);
  // A span still running reaches the as-of date (or today).
  if (items.some((i) => itemPeriod(i).start && !itemPeriod(i).end && i.kind === "fact" && i.fact.valid_from)) {
    hi = Math.max(hi, Math.min(horizon, Date.UTC(new Date().getUTCFullYear() + 1, 0, 1)));
  }
  if (hi - lo < 180 * 864e5) {
    lo -= 90 * 864e5;
    hi += 90 * 864e5;
  }
  const x = (v) => AXIS_PAD + ((v - lo) / (hi - lo)) * (AXIS_WIDTH - 2 * AXIS_PAD);
  // Each mark takes the first lane where it overlaps nothing.
  const lanes = [];
  const marks = items.map((item) => {
    const { start, end } = itemPeriod(item);
    const running = item.kind === "fact" && start && !end && item.fact.valid_from;
    const x1 = start ? x(dateStart(start)) : null;
    const x2 = end ? x(dateStart(end)) : running ? x(Math.min(hi, horizon)) : null;
    const from = x1 ?? x2;
    const to = x2 ?? x1;
    let lane = lanes.findIndex((right) => right + 3 < from - DOT_WIDTH / 2);
    if (lane < 0) {
      lane = Math.min(lanes.length, MAX_LANES - 1);
    }
    lanes[lane] = Math.max(lanes[lane] ?? -Infinity, to + DOT_WIDTH / 2);
    return { item, x1, x2, lane, running };
  });
  const axisY = 18 + Math.min(lanes.length, MAX_LANES) * LANE_GAP;
  const height = axisY + 26;
  const startYear = new Date(lo).getUTCFullYear();
  const endYear = new Date(hi).getUTCFullYear();
  const step = Math.max(1, Math.ceil((endYear - startYear + 1) / 7));
  const ticks = [];
  for (let year = startYear; year <= endYear + 1; year += step) {
    const v = Date.UTC(year, 0, 1);
    if (v < lo || v > hi) continue;
    ticks.push(
      svg("line", { x1: x(v), x2: x(v), y1: axisY - 3, y2: axisY + 3, class: "tick" }),
      svg("text", { x: x(v), y: axisY + 16, class: "tick-label", "text-anchor": "middle" }, String(year)),
    );
  }
  const asOfMark =
    asOf && dateEnd(asOf) >= lo && dateEnd(asOf) <= hi
      ? [
          svg("line", { x1: x(dateEnd(asOf)), x2: x(dateEnd(asOf)), y1: 4, y2: axisY + 4, class: "as-of-line" }),
          svg("text", { x: x(dateEnd(asOf)) - 3, y: 11, class: "as-of-label", "text-anchor": "end" }, `as of ${asOf}`),
        ]
      : [];
  return svg(
    "svg",
    {
      class: "timeline-axis",
      viewBox: `0 0 ${AXIS_WIDTH} ${height}`,
      width: "100%",
      role: "img",
      "aria-label": `Time axis from ${startYear} to ${endYear}; the list below has every item`,
    },
    svg("line", { x1: AXIS_PAD, x2: AXIS_WIDTH - AXIS_PAD, y1: axisY, y2: axisY, class: "axis" }),
    ...ticks,
    ...asOfMark,
    ...marks.map(({ item, x1, x2, lane, running }) => {
      const y = axisY - 10 - lane * LANE_GAP;
      const ended = item.kind === "fact" && hasEnded(item.fact, asOf);
      const cls = `${item.kind}${ended ? " closed" : ""}${running ? " running" : ""}`;
      const title = svg("title", {}, `${periodText(item.fact ?? {}) || item.date || ""} ${item.kind === "fact" ? item.fact.predicate : item.metric.name}`);
      if (x1 !== null && x2 !== null && x2 - x1 >= 2) {
        return svg(
          "rect",
          { x: x1, y: y - 3, width: x2 - x1, height: 6, rx: 3, class: `span ${cls}`, "data-key": itemKey(item), onclick: () => onPick(item) },
          title,
        );
      }
      return svg(
        "circle",
        { cx: x1 ?? x2, cy: y, r: 4, class: `dot ${cls}${x1 === null ? " until" : ""}`, "data-key": itemKey(item), onclick: () => onPick(item) },
        title,
      );
    }),
  );
}

function evidenceBlock(sources, { onStory }) {
  if (!sources.length) return h("p", { class: "muted evidence" }, "No source recorded.");
  return h(
    "ul",
    { class: "sources evidence" },
    sources.map((s) => {
      const link = safeHref(s.url);
      const reader = extractorText(s.extractor);
      return h(
        "li",
        { class: "source" },
        h("blockquote", { class: "sentence" }, s.sentence),
        h(
          "p",
          { class: "source-meta" },
          h("span", { class: "publisher" }, s.publisher ?? "unknown publisher"),
          " · ",
          h("button", { type: "button", class: "link story-link", dataset: { storyId: s.story_id }, onclick: () => onStory(s.story_id) }, s.title || "Untitled story"),
          s.published ? ` · ${s.published}` : null,
          link ? [" · ", h("a", { href: link, target: "_blank", rel: "noopener noreferrer", class: "external" }, "source ↗")] : null,
          reader ? [" · ", h("span", { class: "reader" }, reader)] : null,
        ),
      );
    }),
  );
}

/** The words of one item: a full statement for a fact, name and figure for a metric. */
function itemText(item, entityId) {
  if (item.kind === "metric") {
    const m = item.metric;
    return [
      h("span", { class: "metric-name" }, m.name),
      `: ${formatMetricValue(m)}`,
      m.period ? ` (${m.period})` : "",
      m.reported_by ? `, reported by ${m.reported_by}` : "",
    ];
  }
  const f = item.fact;
  const name = (id, text) => (id === entityId ? h("strong", { class: "self" }, text) : text);
  const details = factDetails(f);
  return [
    name(f.subject, f.subject_name),
    " ",
    h("span", { class: "predicate" }, f.predicate),
    " ",
    name(f.object, f.object_name),
    details.length ? h("span", { class: "details" }, ` · ${details.join(" · ")}`) : null,
  ];
}

/** Build the panel in `container`; context supplies focusFact, showError, clearError, track, onStory. */
export function createTimeline(container, { focusFact, showError, clearError, track, onStory }) {
  const title = h("h2", {}, "Timeline");
  const hint = h("p", { class: "muted" }, "Choose an entity to see its facts and figures in time.");
  const sinceInput = h("input", { id: "timeline-since", placeholder: "YYYY[-MM[-DD]]", size: 10 });
  const untilInput = h("input", { id: "timeline-until", placeholder: "YYYY[-MM[-DD]]", size: 10 });
  const predicateBox = h("div", {});
  const form = h(
    "form",
    { class: "timeline-form", id: "timeline-form" },
    predicateBox,
    h(
      "div",
      { class: "row" },
      h("label", { class: "field", for: "timeline-since" }, "Since "),
      sinceInput,
      h("label", { class: "field", for: "timeline-until" }, "Until "),
      untilInput,
      h("button", { type: "submit", id: "timeline-apply" }, "Apply"),
    ),
  );
  const note = h("p", { class: "muted timeline-note", "aria-live": "polite" });
  const axis = h("div", { class: "timeline-axis-wrap" });
  const list = rovingList(h("ol", { id: "timeline-items", class: "timeline-items", "aria-label": "Dated facts and figures" }), "button.item-button");
  const more = h("button", { type: "button", id: "timeline-more", hidden: true }, "Load more");
  const undated = h("div", { class: "timeline-undated" });
  const moreUndated = h("button", { type: "button", id: "timeline-more-undated", hidden: true }, "More undated items");
  container.append(title, hint, form, note, axis, list, more, undated);
  const predicates = createPredicateFilter(predicateBox, { name: "timeline-predicate" });

  let entity = null;
  let asOf = null;
  let dated = [];
  let loose = [];
  // Undated items come in their own pages: how many there are, how many were fetched
  // (before any as-of filtering), and the cursor and predicates of the next page.
  let undatedTotal = 0;
  let undatedFetched = 0;
  let undatedCursor = null;
  let undatedPredicates = null;
  let cursor = null;
  let request = null;

  function pick(item, { toggle = true } = {}) {
    for (const node of container.querySelectorAll(".active")) node.classList.remove("active");
    const key = itemKey(item);
    for (const node of container.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) node.classList.add("active");
    const li = container.querySelector(`li[data-key="${CSS.escape(key)}"]`);
    if (li) {
      const open = li.querySelector(".evidence");
      if (open && toggle) open.remove();
      else if (!open) {
        const sources = item.kind === "fact" ? item.fact.sources : item.metric.sources;
        li.append(evidenceBlock(sources, { onStory }));
      }
      li.querySelector("button.item-button")?.setAttribute("aria-expanded", String(Boolean(li.querySelector(".evidence"))));
    }
    if (item.kind === "fact") focusFact(item.fact);
  }

  function itemNode(item) {
    const { start } = itemPeriod(item);
    const when = item.kind === "fact" ? periodText(item.fact) || "undated" : item.date ?? "undated";
    const ended = item.kind === "fact" && hasEnded(item.fact, asOf);
    return h(
      "li",
      {
        class: `timeline-item ${item.kind}${ended ? " closed" : ""}`,
        dataset: { key: itemKey(item), date: item.date ?? start ?? "" },
      },
      h(
        "button",
        { type: "button", class: "item-button", "aria-expanded": "false", onclick: () => pick(item) },
        h("time", { datetime: start ?? "" }, when),
        " ",
        h("span", { class: "item-text" }, itemText(item, entity.id)),
      ),
    );
  }

  /** Redraw; `keepOpen` keeps the undated section open (more of it was just loaded). */
  function render({ keepOpen = false } = {}) {
    // Undated facts that held for a while are placed by their period, with the rest.
    const spans = loose.filter(placeable);
    const standing = loose.filter((i) => !placeable(i));
    const shown = sortByTime(dated.concat(spans));
    replaceChildren(list, shown.map(itemNode));
    rovingList(list, "button.item-button");
    if (!shown.length) list.append(h("li", { class: "muted" }, asOf ? `Nothing dated by ${asOf}.` : "Nothing dated in this range."));
    replaceChildren(axis, drawAxis(shown, { asOf, onPick: (item) => pick(item, { toggle: false }) }));
    const hiddenLoose = Math.max(0, undatedTotal - undatedFetched);
    moreUndated.hidden = !undatedCursor;
    const wasOpen = keepOpen && Boolean(undated.querySelector("details")?.open);
    replaceChildren(
      undated,
      standing.length || hiddenLoose
        ? h(
            "details",
            { open: wasOpen },
            h("summary", {}, `${count(standing.length + hiddenLoose, "undated item")}`),
            rovingList(h("ol", { class: "timeline-items", "aria-label": "Undated facts" }, standing.map(itemNode)), "button.item-button"),
            hiddenLoose ? h("p", { class: "muted" }, `${count(hiddenLoose, "more undated item")} not loaded.`) : null,
            moreUndated,
          )
        : null,
    );
    more.hidden = !cursor;
    note.textContent = asOf ? `What had happened by ${asOf}.` : "";
  }

  function load(append = false) {
    return track(loadPage(append));
  }

  async function loadPage(append) {
    if (!entity) return;
    clearError();
    let since;
    let until;
    try {
      since = readDate(sinceInput, "Timeline since");
      until = readDate(untilInput, "Timeline until");
    } catch (err) {
      showError(err);
      return;
    }
    // As of a date, nothing after it has happened yet.
    const bound = asOf && (!until || dateEnd(asOf) < dateEnd(until)) ? asOf : until;
    request?.abort();
    const controller = new AbortController();
    request = controller;
    const chosen = predicates.selected();
    try {
      const page = await fetchTimeline(
        entity.id,
        { since, until: bound, predicates: chosen, cursor: append ? cursor : null },
        controller.signal,
      );
      let undatedPage = page;
      if (!append && asOf && !since && !until) {
        // A date bound leaves undated items out of the page: ask for them apart.
        undatedPage = await fetchTimeline(entity.id, { predicates: chosen, limit: 100 }, controller.signal);
      }
      if (controller.signal.aborted) return;
      dated = append ? dated.concat(page.items) : page.items;
      if (!append) {
        loose = [];
        undatedFetched = 0;
        undatedPredicates = chosen;
        takeUndated(undatedPage);
      }
      cursor = page.next_cursor;
      render();
    } catch (err) {
      if (err.name !== "AbortError") showError(err);
    }
  }

  /** Keep an undated page's items (as of a date, those that had begun by then, or that
   *  nothing dates) and where the next undated page starts. */
  function takeUndated(page) {
    const items = page.undated ?? [];
    loose = loose.concat(
      asOf
        ? items.filter((i) => {
            const { start } = itemPeriod(i);
            return !start || dateStart(start) <= dateEnd(asOf);
          })
        : items,
    );
    undatedFetched += items.length;
    undatedTotal = page.undated_total ?? undatedFetched;
    undatedCursor = page.undated_next_cursor ?? null;
  }

  async function loadUndated() {
    if (!entity || !undatedCursor) return;
    clearError();
    request?.abort();
    const controller = new AbortController();
    request = controller;
    try {
      const page = await fetchTimeline(
        entity.id,
        { predicates: undatedPredicates, cursor: undatedCursor },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      const before = undated.querySelectorAll("button.item-button").length;
      takeUndated(page);
      render({ keepOpen: true });
      // Focus stays in the section: on the button while more remain, else on the first
      // item just loaded.
      const buttons = undated.querySelectorAll("button.item-button");
      if (!moreUndated.hidden) moreUndated.focus();
      else buttons[Math.min(before, buttons.length - 1)]?.focus();
    } catch (err) {
      if (err.name !== "AbortError") showError(err);
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    load(false);
  });
  more.addEventListener("click", () => load(true));
  // Undated items have their own pages (undated_next_cursor), added to those shown.
  moreUndated.addEventListener("click", () => track(loadUndated()));

  return {
    /** Show the timeline of `ref` ({id, name}) as of `date` (null: now). */
    show(ref, date = asOf) {
      entity = ref;
      asOf = date;
      title.textContent = `Timeline: ${ref.name}`;
      hint.hidden = true;
      return load(false);
    },
    /** Show the same entity as of another date. */
    setAsOf(date) {
      asOf = date;
      return entity ? load(false) : Promise.resolve();
    },
    get entity() {
      return entity;
    },
  };
}

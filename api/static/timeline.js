// The timeline panel: the selected entity's dated facts in order along a time axis
// (drawn as SVG), filterable by predicate and date range; clicking an item
// highlights its edge in the graph.

import { timeline as fetchTimeline } from "./api-client.js";
import { h, replaceChildren, svg } from "./dom.js";
import { createPredicateFilter, readDate } from "./filters.js";

const AXIS_WIDTH = 340;
const AXIS_PAD = 14;
const DOT_GAP = 9;

/** Milliseconds since 1970 at the start of a partial date's period. */
export function dateValue(partial) {
  const [y, m = "01", d = "01"] = partial.split("-");
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

function itemDescription(item, entityId) {
  if (item.kind === "metric" && item.metric) {
    const m = item.metric;
    const change = m.change_pct !== null && m.change_pct !== undefined ? ` (${m.change_pct > 0 ? "+" : ""}${m.change_pct}%)` : "";
    return `${m.name}: ${m.value.toLocaleString("en")}${m.unit ? ` ${m.unit}` : ""}${change}`;
  }
  const f = item.fact;
  if (f.subject === entityId) return `${f.predicate} → ${f.object_name}`;
  if (f.object === entityId) return `${f.subject_name} → ${f.predicate}`;
  return `${f.subject_name} ${f.predicate} ${f.object_name}`;
}

function itemKey(item) {
  return item.kind === "fact" ? item.fact.key : item.metric.id;
}

function drawAxis(items, onPick) {
  const dated = items.filter((i) => i.date);
  if (!dated.length) return h("p", { class: "muted" }, "No dated items to draw.");
  const values = dated.map((i) => dateValue(i.date));
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    lo -= 180 * 864e5;
    hi += 180 * 864e5;
  }
  const x = (v) => AXIS_PAD + ((v - lo) / (hi - lo)) * (AXIS_WIDTH - 2 * AXIS_PAD);
  // Items that fall on (nearly) the same spot stack upwards instead of hiding each other.
  const stacks = new Map();
  const dots = dated.map((item, i) => {
    const cx = x(values[i]);
    const bucket = Math.round(cx / DOT_GAP);
    const level = stacks.get(bucket) ?? 0;
    stacks.set(bucket, level + 1);
    return { item, cx, level };
  });
  const maxLevel = Math.max(...dots.map((d) => d.level));
  const axisY = 20 + Math.min(maxLevel, 8) * DOT_GAP;
  const height = axisY + 24;
  const startYear = new Date(lo).getUTCFullYear();
  const endYear = new Date(hi).getUTCFullYear();
  const step = Math.max(1, Math.ceil((endYear - startYear + 1) / 8));
  const ticks = [];
  for (let year = startYear; year <= endYear + 1; year += step) {
    const v = Date.UTC(year, 0, 1);
    if (v < lo || v > hi) continue;
    ticks.push(
      svg("line", { x1: x(v), x2: x(v), y1: axisY - 3, y2: axisY + 3, class: "tick" }),
      svg("text", { x: x(v), y: axisY + 15, class: "tick-label", "text-anchor": "middle" }, String(year)),
    );
  }
  return svg(
    "svg",
    { class: "timeline-axis", viewBox: `0 0 ${AXIS_WIDTH} ${height}`, width: "100%", role: "img", "aria-label": "time axis" },
    svg("line", { x1: AXIS_PAD, x2: AXIS_WIDTH - AXIS_PAD, y1: axisY, y2: axisY, class: "axis" }),
    ...ticks,
    ...dots.map(({ item, cx, level }) => {
      const dot = svg(
        "circle",
        {
          cx,
          cy: axisY - 8 - Math.min(level, 8) * DOT_GAP,
          r: 4,
          class: `dot ${item.kind}${item.fact?.valid_until ? " closed" : ""}`,
          "data-key": itemKey(item),
          onclick: () => onPick(item),
        },
        svg("title", {}, `${item.date} ${item.kind === "fact" ? item.fact.predicate : item.metric.name}`),
      );
      return dot;
    }),
  );
}

/** Build the panel in `container`; context supplies focusFact, showError, clearError. */
export function createTimeline(container, { focusFact, showError, clearError, track }) {
  const title = h("h2", {}, "Timeline");
  const hint = h("p", { class: "muted" }, "Choose an entity to see its dated facts.");
  const sinceInput = h("input", { id: "timeline-since", placeholder: "YYYY[-MM[-DD]]", size: 10 });
  const untilInput = h("input", { id: "timeline-until", placeholder: "YYYY[-MM[-DD]]", size: 10 });
  const predicateBox = h("div", {});
  const form = h(
    "form",
    { class: "timeline-form", id: "timeline-form" },
    predicateBox,
    h("div", { class: "row" },
      h("label", { class: "field" }, "Since ", sinceInput),
      h("label", { class: "field" }, "Until ", untilInput),
      h("button", { type: "submit", id: "timeline-apply" }, "Apply"),
    ),
  );
  const axis = h("div", { class: "timeline-axis-wrap" });
  const list = h("ol", { id: "timeline-items", class: "timeline-items" });
  const more = h("button", { type: "button", id: "timeline-more", hidden: true }, "Load more");
  const undated = h("div", { class: "timeline-undated" });
  const undatedList = h("ol", { class: "timeline-items", id: "timeline-undated-items" });
  const moreUndated = h("button", { type: "button", id: "timeline-more-undated", hidden: true }, "More undated items");
  container.append(title, hint, form, axis, list, more, undated);
  const predicates = createPredicateFilter(predicateBox, { name: "timeline-predicate" });

  let entity = null;
  let items = [];
  let cursor = null;
  let undatedCursor = null;
  let request = null;

  function pick(item) {
    for (const node of container.querySelectorAll(".active")) node.classList.remove("active");
    const key = itemKey(item);
    for (const node of container.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) node.classList.add("active");
    if (item.kind === "fact") focusFact(item.fact);
  }

  function itemNode(item) {
    return h(
      "li",
      { class: `timeline-item ${item.kind}${item.fact?.valid_until ? " closed" : ""}`, dataset: { key: itemKey(item), date: item.date ?? "" } },
      h(
        "button",
        { type: "button", class: "link", onclick: () => pick(item) },
        h("time", { datetime: item.date ?? "" }, item.date ?? "undated"),
        " ",
        h("span", {}, itemDescription(item, entity.id)),
        item.fact?.valid_until ? h("span", { class: "muted" }, ` (until ${item.fact.valid_until})`) : null,
      ),
    );
  }

  function render(page, append) {
    if (!append) {
      replaceChildren(list);
      replaceChildren(undatedList, ...page.undated.map(itemNode));
      undatedCursor = page.undated_next_cursor ?? null;
      moreUndated.hidden = !undatedCursor;
      replaceChildren(
        undated,
        page.undated_total
          ? h(
              "details",
              {},
              h("summary", {}, `${page.undated_total} undated item${page.undated_total === 1 ? "" : "s"}`),
              undatedList,
              moreUndated,
            )
          : null,
      );
    }
    list.append(...page.items.map(itemNode));
    replaceChildren(axis, drawAxis(items, pick));
    if (!items.length) list.append(h("li", { class: "muted" }, "No dated facts in this range."));
    more.hidden = !cursor;
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
    request?.abort();
    const controller = new AbortController();
    request = controller;
    try {
      const page = await fetchTimeline(
        entity.id,
        { since, until, predicates: predicates.selected(), cursor: append ? cursor : null },
        controller.signal,
      );
      items = append ? items.concat(page.items) : page.items;
      cursor = page.next_cursor;
      render(page, append);
    } catch (err) {
      if (err.name !== "AbortError") showError(err);
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    load(false);
  });
  more.addEventListener("click", () => load(true));
  // Undated items have their own pages (undated_next_cursor), appended to their list.
  moreUndated.addEventListener("click", () =>
    track(
      (async () => {
        if (!entity || !undatedCursor) return;
        clearError();
        try {
          const page = await fetchTimeline(entity.id, { cursor: undatedCursor });
          undatedList.append(...page.undated.map(itemNode));
          undatedCursor = page.undated_next_cursor ?? null;
          moreUndated.hidden = !undatedCursor;
        } catch (err) {
          showError(err);
        }
      })(),
    ),
  );

  return {
    /** Show the timeline of `ref` ({id, name}). */
    show(ref) {
      entity = ref;
      title.textContent = `Timeline: ${ref.name}`;
      hint.hidden = true;
      return load(false);
    },
    get entity() {
      return entity;
    },
  };
}

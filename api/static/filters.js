// Form controls: a predicate chooser, partial-date fields checked before anything is
// sent, and the traversal filters (minimum confidence, hubs left out, hidden labels and
// predicates) that apply to every neighbourhood and path the page asks for.

import { h } from "./dom.js";
import { LABEL_STYLES, PARTIAL_DATE, PREDICATES } from "./ontology.js";

let filterCount = 0;

/**
 * A collapsible list of predicate checkboxes; none ticked means every predicate.
 * `title` names what a ticked box does ("Only", "Hide").
 */
export function createPredicateFilter(
  container,
  { name, onChange = () => {}, title = "Predicates", names = PREDICATES, open = false },
) {
  const idBase = `${name}-${++filterCount}`;
  const summary = h("summary", {}, `${title}: all`);
  const boxes = names.map((p, i) =>
    h("label", { for: `${idBase}-${i}` }, h("input", { type: "checkbox", value: p, name, id: `${idBase}-${i}` }), ` ${p}`),
  );
  const details = h("details", { class: "predicate-filter", open }, summary, h("div", { class: "predicate-grid" }, boxes));
  container.append(details);
  const emptyWord = title === "Predicates" ? "all" : "none";
  summary.textContent = `${title}: ${emptyWord}`;

  function selected() {
    return boxes.map((b) => b.firstChild).filter((i) => i.checked).map((i) => i.value);
  }
  function describe() {
    const chosen = selected();
    summary.textContent = chosen.length ? `${title}: ${chosen.join(", ")}` : `${title}: ${emptyWord}`;
  }
  details.addEventListener("change", () => {
    describe();
    onChange(selected());
  });
  return {
    selected,
    set(values) {
      for (const b of boxes) b.firstChild.checked = values.includes(b.firstChild.value);
      describe();
    },
  };
}

/** A mistake in the page's own form, shown like an API problem (title + detail). */
export class InputError extends Error {
  constructor(title, detail) {
    super(`${title}: ${detail}`);
    this.name = "InputError";
    this.title = title;
    this.detail = detail;
  }
}

/**
 * The trimmed value of a partial-date <input>, or null when empty.
 * Throws an InputError naming the field when the text is not YYYY, YYYY-MM or YYYY-MM-DD.
 */
export function readDate(input, label) {
  const value = input.value.trim();
  if (!value) return null;
  if (!PARTIAL_DATE.test(value)) {
    input.setAttribute("aria-invalid", "true");
    throw new InputError(`Invalid date in “${label}”`, `“${value}” is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  input.removeAttribute("aria-invalid");
  return value;
}

export const CONFIDENCE_STEPS = [0.6, 0.7, 0.8, 0.9, 0.95];
/** Hub bounds offered: an entity with more facts than this is not walked through. */
export const DEGREE_STEPS = [5, 10, 20, 50, 100, 200, 500, 1000];

/** No traversal filter at all. */
export function openFilters() {
  return { minConfidence: null, maxDegree: null, excludeTypes: [], excludePredicates: [] };
}

/** True when no traversal filter is set. */
export function noFilters(filters) {
  return (
    !filters.minConfidence &&
    !filters.maxDegree &&
    !filters.excludeTypes.length &&
    !filters.excludePredicates.length
  );
}

/** "2 filters" style summary of the traversal filters, or "" when none. */
export function describeFilters(filters) {
  const parts = [];
  if (filters.minConfidence) parts.push(`confidence ≥ ${Math.round(filters.minConfidence * 100)}%`);
  if (filters.maxDegree) parts.push(`no hubs over ${filters.maxDegree} facts`);
  if (filters.excludeTypes.length) parts.push(`without ${filters.excludeTypes.join(", ")}`);
  if (filters.excludePredicates.length) parts.push(`without ${filters.excludePredicates.join(", ")}`);
  return parts.join("; ");
}

/**
 * The "Filters" pop-over: minimum confidence, labels and predicates to leave out.
 * onApply(filters) runs when Apply is pressed; set(filters) shows a given state.
 */
export function createTraversalFilters(container, { onApply }) {
  const confidence = h(
    "select",
    { id: "filter-confidence" },
    h("option", { value: "" }, "any"),
    CONFIDENCE_STEPS.map((c) => h("option", { value: String(c) }, `at least ${Math.round(c * 100)}%`)),
  );
  const degree = h(
    "select",
    { id: "filter-max-degree" },
    h("option", { value: "" }, "walk through every entity"),
    DEGREE_STEPS.map((d) => h("option", { value: String(d) }, `skip entities with over ${d} facts`)),
  );
  const typeBox = h("div", {});
  const predicateBox = h("div", {});
  const summary = h("summary", { id: "filters-summary" }, "Filters");
  const apply = h("button", { type: "submit", id: "filters-apply" }, "Apply");
  const reset = h("button", { type: "button", id: "filters-reset" }, "Show everything");
  const form = h(
    "form",
    { class: "filters-form", id: "filters-form" },
    h("p", { class: "muted" }, "What the graph and path searches walk through."),
    h("label", { class: "field", for: "filter-confidence" }, "Minimum confidence"),
    confidence,
    h("label", { class: "field", for: "filter-max-degree" }, "Hubs"),
    degree,
    typeBox,
    predicateBox,
    h("div", { class: "row" }, apply, reset),
  );
  const details = h("details", { class: "filters", id: "filters" }, summary, form);
  container.append(details);
  const types = createPredicateFilter(typeBox, {
    name: "exclude-type",
    title: "Hide labels",
    names: LABEL_STYLES.map((s) => s.label),
    open: true,
  });
  const predicates = createPredicateFilter(predicateBox, { name: "exclude-predicate", title: "Hide predicates" });

  function read() {
    return {
      minConfidence: confidence.value ? Number(confidence.value) : null,
      maxDegree: degree.value ? Number(degree.value) : null,
      excludeTypes: types.selected(),
      excludePredicates: predicates.selected(),
    };
  }
  function set(filters) {
    const wanted = filters.minConfidence ? String(filters.minConfidence) : "";
    if (wanted && ![...confidence.options].some((o) => o.value === wanted)) {
      confidence.append(h("option", { value: wanted }, `at least ${Math.round(filters.minConfidence * 100)}%`));
    }
    confidence.value = wanted;
    const bound = filters.maxDegree ? String(filters.maxDegree) : "";
    if (bound && ![...degree.options].some((o) => o.value === bound)) {
      degree.append(h("option", { value: bound }, `skip entities with over ${bound} facts`));
    }
    degree.value = bound;
    types.set(filters.excludeTypes);
    predicates.set(filters.excludePredicates);
    const active = !noFilters(filters);
    summary.textContent = active ? "Filters (on)" : "Filters";
    details.classList.toggle("active", active);
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    details.open = false;
    onApply(read());
  });
  reset.addEventListener("click", () => {
    details.open = false;
    onApply(openFilters());
  });
  return { read, set };
}

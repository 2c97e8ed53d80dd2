// Form controls shared by path mode and the timeline: a predicate chooser and
// partial-date fields checked before anything is sent.

import { h } from "./dom.js";
import { PARTIAL_DATE, PREDICATES } from "./ontology.js";

/** A collapsible list of predicate checkboxes; none ticked means every predicate. */
export function createPredicateFilter(container, { name, onChange = () => {} }) {
  const summary = h("summary", {}, "Predicates: all");
  const boxes = PREDICATES.map((p) =>
    h("label", {}, h("input", { type: "checkbox", value: p, name }), ` ${p}`),
  );
  const details = h("details", { class: "predicate-filter" }, summary, h("div", { class: "predicate-grid" }, boxes));
  container.append(details);

  function selected() {
    return boxes.map((b) => b.firstChild).filter((i) => i.checked).map((i) => i.value);
  }
  details.addEventListener("change", () => {
    const chosen = selected();
    summary.textContent = chosen.length ? `Predicates: ${chosen.join(", ")}` : "Predicates: all";
    onChange(chosen);
  });
  return {
    selected,
    set(values) {
      for (const b of boxes) b.firstChild.checked = values.includes(b.firstChild.value);
      details.dispatchEvent(new Event("change"));
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

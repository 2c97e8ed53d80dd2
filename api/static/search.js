// An entity picker: a text box that suggests entities from GET /entities?q= as you
// type and calls onChoose(entity) when one is picked (click, or arrows + Enter).
// Used for the main search and for both ends of a path.

import { searchEntities } from "./api-client.js";
import { debounce, h, replaceChildren } from "./dom.js";
import { styleFor } from "./ontology.js";

let pickerCount = 0;

/**
 * Wire a picker onto an existing <input>; the suggestion list is created next to it.
 * options: {onChoose(entity), onError(err), typeSelect: <select> whose value filters by label}
 */
export function createEntityPicker(input, { onChoose, onError, typeSelect = null, limit = 8 }) {
  const listId = `suggestions-${++pickerCount}`;
  const list = h("ul", { id: listId, class: "suggestions", role: "listbox", hidden: true });
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-expanded", "false");
  input.autocomplete = "off";

  let matches = [];
  let active = -1;
  let chosen = null;
  let pending = null;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) list.children[index]?.scrollIntoView({ block: "nearest" });
  }

  function choose(index) {
    const match = matches[index];
    if (!match) return;
    chosen = match.entity;
    input.value = match.entity.name;
    close();
    onChoose(match.entity);
  }

  function render(query) {
    if (!matches.length) {
      replaceChildren(list, h("li", { class: "empty", role: "option", "aria-disabled": "true" }, `No entity matches “${query}”`));
    } else {
      replaceChildren(
        list,
        matches.map((m, i) => {
          const style = styleFor(m.entity.type);
          const alias = m.matched_alias && m.matched_alias !== m.entity.name ? m.matched_alias : null;
          return h(
            "li",
            {
              role: "option",
              id: `${listId}-${i}`,
              "aria-selected": "false",
              dataset: { entityId: m.entity.id },
              onmousedown: (ev) => {
                ev.preventDefault(); // keep focus so blur does not close the list first
                choose(i);
              },
            },
            h("span", { class: "swatch", style: `background:${style.color}` }),
            h("span", { class: "name" }, m.entity.name),
            h("span", { class: "type" }, m.entity.type),
            alias ? h("span", { class: "alias" }, `as “${alias}”`) : null,
            h("span", { class: "match" }, m.match),
          );
        }),
      );
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(matches.length ? 0 : -1);
  }

  const lookup = debounce(async () => {
    const query = input.value.trim();
    pending?.abort();
    if (!query) {
      matches = [];
      close();
      return;
    }
    const controller = new AbortController();
    pending = controller;
    try {
      const type = typeSelect?.value || undefined;
      matches = await searchEntities(query, { type, limit }, controller.signal);
      if (controller.signal.aborted) return;
      render(query);
    } catch (err) {
      if (err.name === "AbortError") return;
      close();
      onError?.(err);
    }
  }, 150);

  input.addEventListener("input", () => {
    chosen = null;
    lookup();
  });
  typeSelect?.addEventListener("change", () => input.value.trim() && lookup());
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" && matches.length) {
      ev.preventDefault();
      if (list.hidden) render(input.value.trim());
      else highlight((active + 1) % matches.length);
    } else if (ev.key === "ArrowUp" && matches.length) {
      ev.preventDefault();
      highlight((active - 1 + matches.length) % matches.length);
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (!list.hidden && active >= 0) choose(active);
    } else if (ev.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("focus", () => {
    if (matches.length && !chosen && input.value.trim()) render(input.value.trim());
  });

  return {
    /** The entity last picked, or null once the text was edited. */
    get entity() {
      return chosen;
    },
    /** Show `entity` as picked without calling onChoose. */
    set(entity) {
      chosen = entity;
      input.value = entity ? entity.name : "";
      close();
    },
  };
}

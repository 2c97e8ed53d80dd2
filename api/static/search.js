// An entity picker: a text box that suggests entities from GET /entities?q= as you
// type and calls onChoose(entity) when one is picked (click, or arrows + Enter).
// Used for the main search and for both ends of a path.
//
// Only a confident match is ever taken without the user pointing at it: an id, an
// exact name or alias, the one name that starts with the text, or a fuzzy match the
// API does not call weak. Anything else opens the list and asks.

import { searchEntities } from "./api-client.js";
import { debounce, h, replaceChildren } from "./dom.js";
import { styleFor } from "./ontology.js";

let pickerCount = 0;

const MATCH_WORDS = { id: "id", exact: "exact name", prefix: "starts with", fuzzy: "similar name" };

function confident(match) {
  if (match.match === "id" || match.match === "exact" || match.match === "prefix") return true;
  // Older APIs do not mark weak matches: a fuzzy match is then never taken by itself.
  return match.match === "fuzzy" && match.weak === false;
}

/** The one match to take for `query` without asking, or null. */
export function confidentPick(matches) {
  const exact = matches.filter((m) => m.match === "id" || m.match === "exact");
  if (exact.length) return exact.length === 1 ? exact[0].entity : null;
  const prefix = matches.filter((m) => m.match === "prefix");
  if (prefix.length) return prefix.length === 1 ? prefix[0].entity : null;
  const fuzzy = matches.filter(confident);
  return fuzzy.length === 1 ? fuzzy[0].entity : null;
}

/**
 * Wire a picker onto an existing <input>; the suggestion list is created next to it.
 * options: {onChoose(entity, how), onError(err), typeSelect: <select> filtering by label,
 *           onEnter(): called after Enter picked an entity (to submit a form),
 *           track(promise): the page's busy tracker, for work Enter starts}
 */
export function createEntityPicker(
  input,
  {
    onChoose,
    onError,
    typeSelect = null,
    limit = 8,
    onEnter = null,
    label = "Suggestions",
    track = (promise) => promise,
  },
) {
  const listId = `suggestions-${++pickerCount}`;
  const hint = h("p", { class: "picker-hint", id: `${listId}-hint`, hidden: true });
  const list = h("ul", { id: listId, class: "suggestion-list", role: "listbox", "aria-label": label });
  const popup = h("div", { class: "suggestions", hidden: true }, hint, list);
  list.hidden = true;
  input.after(popup);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-describedby", hint.id);
  input.autocomplete = "off";

  let matches = [];
  let matchedText = null;
  let active = -1;
  let chosen = null;
  let pending = null;

  function isOpen() {
    return !list.hidden;
  }

  function close() {
    popup.hidden = true;
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0 && list.children[index]) {
      input.setAttribute("aria-activedescendant", list.children[index].id);
      list.children[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(index, how = "pick") {
    const match = matches[index];
    if (!match) return false;
    take(match.entity, how);
    return true;
  }

  function take(entity, how) {
    chosen = entity;
    input.value = entity.name;
    hint.hidden = true;
    close();
    onChoose(entity, how);
  }

  function render(query, message = null) {
    // The list belongs to the field being typed in: never open it for a field left behind.
    if (document.activeElement !== input) return;
    if (!matches.length) {
      replaceChildren(list, h("li", { class: "empty", role: "option", "aria-disabled": "true", id: `${listId}-none` }, `No entity matches “${query}”`));
    } else {
      replaceChildren(
        list,
        matches.map((m, i) => {
          const style = styleFor(m.entity.type);
          const alias = m.matched_alias && m.matched_alias !== m.entity.name ? m.matched_alias : null;
          const weak = !confident(m);
          return h(
            "li",
            {
              role: "option",
              id: `${listId}-${i}`,
              "aria-selected": "false",
              class: weak ? "weak" : null,
              dataset: { entityId: m.entity.id },
              onmousedown: (ev) => {
                ev.preventDefault(); // keep focus so blur does not close the list first
                choose(i);
              },
            },
            h("span", { class: "swatch", style: `background:${style.color}`, "aria-hidden": "true" }),
            h("span", { class: "name" }, m.entity.name),
            h("span", { class: "type" }, m.entity.type),
            alias ? h("span", { class: "alias" }, `as “${alias}”`) : null,
            h("span", { class: "match" }, weak ? "weak guess" : MATCH_WORDS[m.match] ?? m.match),
          );
        }),
      );
    }
    hint.textContent = message ?? "";
    hint.hidden = !message;
    popup.hidden = false;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    // Only a confident first match is pre-selected, so Enter never opens a guess.
    highlight(matches.length && confident(matches[0]) ? 0 : -1);
  }

  async function fetchMatches(query) {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    const type = typeSelect?.value || undefined;
    const found = await searchEntities(query, { type, limit }, controller.signal);
    if (controller.signal.aborted) throw new DOMException("superseded", "AbortError");
    matches = found;
    matchedText = query;
    return found;
  }

  const lookup = debounce(async () => {
    const query = input.value.trim();
    if (!query) {
      pending?.abort();
      matches = [];
      matchedText = null;
      close();
      return;
    }
    try {
      await fetchMatches(query);
      render(query);
    } catch (err) {
      if (err.name === "AbortError") return;
      close();
      onError?.(err);
    }
  }, 150);

  /**
   * The entity the typed text stands for: the picked one, else a confident match
   * (fetched now if needed). When there is none, the list opens with `ask` (or a
   * message saying why) and the result is null.
   */
  async function resolve({ ask = null } = {}) {
    if (chosen) return chosen;
    const query = input.value.trim();
    if (!query) return null;
    lookup.cancel();
    const found = matchedText === query ? matches : await fetchMatches(query);
    const pick = confidentPick(found);
    if (pick) {
      take(pick, "resolved");
      return pick;
    }
    input.focus();
    const why = found.length
      ? `“${query}” could be several entities, or none exactly: pick one.`
      : `Nothing in the graph is called “${query}”.`;
    render(query, ask ? `${ask} ${why}` : why);
    return null;
  }

  input.addEventListener("input", () => {
    chosen = null;
    hint.hidden = true;
    lookup();
  });
  typeSelect?.addEventListener("change", () => {
    chosen = null;
    if (input.value.trim()) lookup();
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") {
      ev.preventDefault();
      if (!isOpen()) {
        if (matches.length) render(input.value.trim());
        return;
      }
      if (matches.length) highlight((active + 1) % matches.length);
    } else if (ev.key === "ArrowUp" && isOpen() && matches.length) {
      ev.preventDefault();
      highlight((active - 1 + matches.length) % matches.length);
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (isOpen() && active >= 0) {
        if (choose(active, "enter")) onEnter?.();
        return;
      }
      if (chosen) {
        onEnter?.();
        return;
      }
      // Enter before the suggestions arrived (or with nothing pre-selected): decide now.
      track(
        resolve()
          .then((entity) => entity && onEnter?.())
          .catch((err) => err.name !== "AbortError" && onError?.(err)),
      );
    } else if (ev.key === "Escape" && isOpen()) {
      // type=search inputs clear themselves on Escape; here Escape only closes the list.
      ev.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => {
    lookup.cancel();
    close();
  });
  input.addEventListener("focus", () => {
    if (matches.length && !chosen && input.value.trim() === matchedText) render(matchedText);
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
      hint.hidden = true;
      close();
    },
    resolve,
    close,
  };
}

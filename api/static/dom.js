// Small DOM helpers. Text always goes in through textContent, never innerHTML,
// because names and sentences come from news stories.

/**
 * Create an element: h("a", {href: url, class: "x"}, "text", child).
 * Attributes whose value is null, undefined or false are left out; `on*` functions
 * become event listeners; `dataset` takes an object.
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(node.dataset, value);
    } else if (name === "class") {
      node.className = value;
    } else if (name === "style") {
      // Through the CSSOM: the page's Content-Security-Policy refuses style attributes.
      node.style.cssText = String(value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

/** Replace every child of `node` with `children`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** An SVG element (the timeline axis and the legend's shapes). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/**
 * Call `fn` once `wait` ms have passed without another call. The returned function
 * has `cancel()` (forget the pending call) and `flush()` (run it now, if pending).
 */
export function debounce(fn, wait) {
  let timer = null;
  let pending = null;
  const run = () => {
    timer = null;
    const args = pending;
    pending = null;
    return fn(...args);
  };
  const debounced = (...args) => {
    clearTimeout(timer);
    pending = args;
    timer = setTimeout(run, wait);
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = null;
    pending = null;
  };
  debounced.flush = () => {
    if (timer === null) return undefined;
    clearTimeout(timer);
    return run();
  };
  return debounced;
}

/**
 * Make the buttons of a list one tab stop, moved between with the arrow keys, Home
 * and End (the "roving tabindex" pattern): Tab enters the list once, Enter or Space
 * presses the focused button.
 */
export function rovingList(list, itemSelector = "button") {
  const items = () => [...list.querySelectorAll(itemSelector)];
  const all = items();
  all.forEach((b, i) => b.setAttribute("tabindex", i === 0 ? "0" : "-1"));
  list.addEventListener("keydown", (ev) => {
    const buttons = items();
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    const moves = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 };
    if (!(ev.key in moves)) return;
    ev.preventDefault();
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, moves[ev.key]))];
    buttons[at].setAttribute("tabindex", "-1");
    next.setAttribute("tabindex", "0");
    next.focus();
  });
  list.addEventListener("focusin", (ev) => {
    if (!ev.target.matches(itemSelector)) return;
    for (const b of items()) b.setAttribute("tabindex", b === ev.target ? "0" : "-1");
  });
  return list;
}

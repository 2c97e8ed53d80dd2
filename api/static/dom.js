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

/** Call `fn` once `wait` ms have passed without another call. */
export function debounce(fn, wait) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

/** "1.2 bn USD" style money for an Amount {value, currency}. */
export function formatAmount(amount) {
  if (!amount) return null;
  const { value, currency } = amount;
  const units = [
    [1e12, "tn"],
    [1e9, "bn"],
    [1e6, "m"],
  ];
  for (const [size, word] of units) {
    if (Math.abs(value) >= size) {
      return `${currency} ${(value / size).toLocaleString("en", { maximumFractionDigits: 2 })} ${word}`;
    }
  }
  return `${currency} ${value.toLocaleString("en")}`;
}

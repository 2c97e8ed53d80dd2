// The legend: one row per node label drawn (its colour and shape) and the edge
// styles. It folds away (remembered across visits) and tells the drawing how much
// of the canvas it covers, so that fitting the graph keeps nodes out from under it.

import { h, svg } from "./dom.js";
import { EDGE_COLOR, ENDED_COLOR, FOCUS_COLOR, PATH_COLOR } from "./graph-style.js";
import { LABEL_STYLES } from "./ontology.js";

const STORAGE_KEY = "sinograph.legend";

// Outlines of the Cytoscape shapes used, in a 16x16 box.
const OUTLINES = {
  "round-rectangle": () => svg("rect", { x: 1.5, y: 3, width: 13, height: 10, rx: 3 }),
  ellipse: () => svg("circle", { cx: 8, cy: 8, r: 6.5 }),
  hexagon: () => svg("polygon", { points: "4,2 12,2 15,8 12,14 4,14 1,8" }),
  triangle: () => svg("polygon", { points: "8,1.5 15,14.5 1,14.5" }),
  diamond: () => svg("polygon", { points: "8,1 15,8 8,15 1,8" }),
  octagon: () => svg("polygon", { points: "5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5" }),
  tag: () => svg("polygon", { points: "1,3 11,3 15,8 11,13 1,13" }),
  rhomboid: () => svg("polygon", { points: "5,3 15,3 11,13 1,13" }),
  barrel: () => svg("rect", { x: 1.5, y: 2, width: 13, height: 12, rx: 5, ry: 2 }),
  pentagon: () => svg("polygon", { points: "8,1 15,6.5 12.5,15 3.5,15 1,6.5" }),
  star: () => svg("polygon", { points: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6" }),
};

function shapeIcon(shape, color) {
  const outline = (OUTLINES[shape] ?? OUTLINES.ellipse)();
  outline.setAttribute("fill", color);
  return svg("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" }, outline);
}

function lineIcon(color, dashed = false, width = 2) {
  return svg(
    "svg",
    { width: 28, height: 10, viewBox: "0 0 28 10", "aria-hidden": "true" },
    svg("line", {
      x1: 1,
      y1: 5,
      x2: 27,
      y2: 5,
      stroke: color,
      "stroke-width": width,
      "stroke-dasharray": dashed ? "5 3" : null,
    }),
  );
}

function storedOpen(fallback) {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === null ? fallback : value === "open";
  } catch {
    return fallback;
  }
}

/**
 * Fill `container` with the legend. Returns {update(labels), box(), onToggle(fn)}:
 * update shows only the labels drawn (all of them when nothing is), box is the area
 * it covers over the canvas (zero when folded).
 */
export function renderLegend(container, { openByDefault = true } = {}) {
  const labels = h("ul", { class: "legend-labels" });
  const edges = h(
    "ul",
    { class: "legend-edges" },
    h("li", {}, lineIcon(EDGE_COLOR), h("span", {}, "fact")),
    h("li", {}, lineIcon(EDGE_COLOR, false, 3.5), h("span", {}, "several facts")),
    h("li", {}, lineIcon(ENDED_COLOR, true), h("span", {}, "ended")),
    h("li", {}, lineIcon(PATH_COLOR, false, 4), h("span", {}, "path")),
    h("li", {}, lineIcon(FOCUS_COLOR, false, 4), h("span", {}, "selected")),
  );
  const details = h(
    "details",
    { open: storedOpen(openByDefault) },
    h("summary", {}, "Legend"),
    labels,
    edges,
  );
  container.replaceChildren(details);
  const listeners = [];
  details.addEventListener("toggle", () => {
    try {
      localStorage.setItem(STORAGE_KEY, details.open ? "open" : "closed");
    } catch {
      // Private windows may refuse storage; the legend still folds.
    }
    for (const fn of listeners) fn(details.open);
  });

  function update(drawnLabels = new Set()) {
    const shown = LABEL_STYLES.filter((s) => !drawnLabels.size || drawnLabels.has(s.label));
    labels.replaceChildren(
      ...shown.map((s) =>
        h("li", { dataset: { label: s.label } }, shapeIcon(s.shape, s.color), h("span", {}, s.label)),
      ),
    );
  }
  update();

  return {
    update,
    /** The legend's rectangle relative to `relativeTo` (folded, just its title), or null. */
    box(relativeTo) {
      if (container.hidden) return null;
      const own = container.getBoundingClientRect();
      const base = relativeTo.getBoundingClientRect();
      return { left: own.left - base.left, top: own.top - base.top, width: own.width, height: own.height };
    },
    onToggle(fn) {
      listeners.push(fn);
    },
    get open() {
      return details.open;
    },
  };
}

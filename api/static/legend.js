// The legend: one row per node label (its colour and shape) and the edge styles.

import { h, svg } from "./dom.js";
import { FOCUS_COLOR, PATH_COLOR } from "./graph-style.js";
import { LABEL_STYLES } from "./ontology.js";

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

/** Fill `container` with the legend. */
export function renderLegend(container) {
  const labels = h(
    "ul",
    { class: "legend-labels" },
    LABEL_STYLES.map((s) =>
      h("li", { dataset: { label: s.label } }, shapeIcon(s.shape, s.color), h("span", {}, s.label)),
    ),
  );
  const edges = h(
    "ul",
    { class: "legend-edges" },
    h("li", {}, lineIcon("#718096"), h("span", {}, "fact (predicate, date)")),
    h("li", {}, lineIcon("#a0aec0", true), h("span", {}, "closed fact (valid_until set)")),
    h("li", {}, lineIcon(PATH_COLOR, false, 4), h("span", {}, "path")),
    h("li", {}, lineIcon(FOCUS_COLOR, false, 4), h("span", {}, "selected fact")),
  );
  container.replaceChildren(h("details", { open: true }, h("summary", {}, "Legend"), labels, edges));
}

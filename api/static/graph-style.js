// The Cytoscape stylesheet: nodes coloured and shaped by label, edges labelled with
// predicate and date, ended facts dashed, bundles of parallel facts, paths, the
// focused fact and the keyboard's place highlighted.
//
// Edges are painted above nodes (manual z-order): an arrowhead entering a node from
// the side where its label sits would otherwise vanish under the label. Node labels go
// on the side of the node that fewest edges enter (graph-view.js placeLabels).
// Colours keep 3:1 against the white canvas for lines and shapes and 4.5:1 for text.

export const CANVAS_COLOR = "#ffffff";
export const EDGE_COLOR = "#718096";
export const ENDED_COLOR = "#8493a8";
export const PATH_COLOR = "#e53e3e";
export const FOCUS_COLOR = "#b7791f";
export const KEYBOARD_COLOR = "#1a4f8b";
const TEXT = "#1a202c";
const EDGE_TEXT = "#2d3748";
const ENDED_TEXT = "#4a5568";

// Painting order (Cytoscape's manual z-order): nodes, edges, then whatever is singled out.
const Z_NODE = 1;
const Z_EDGE = 2;
const Z_HIGHLIGHT = 5;
const Z_FOCUS = 8;
const Z_RAISED_NODE = 9;

export const graphStyle = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)",
      shape: "data(shape)",
      width: 26,
      height: 26,
      label: "data(label)",
      "font-size": 11,
      color: TEXT,
      "text-valign": "data(valign)",
      "text-halign": "data(halign)",
      "text-margin-y": "data(marginY)",
      "text-margin-x": "data(marginX)",
      "text-wrap": "ellipsis",
      "text-max-width": "130px",
      "text-outline-color": CANVAS_COLOR,
      "text-outline-width": 2,
      "text-outline-opacity": 0.9,
      // Labels vanish when too small to read: the single biggest saving on large graphs.
      "min-zoomed-font-size": 7,
      "border-width": 1,
      "border-color": CANVAS_COLOR,
      "z-index-compare": "manual",
      "z-index": Z_NODE,
    },
  },
  { selector: "node.center", style: { width: 38, height: 38, "font-weight": "bold", "font-size": 13 } },
  { selector: "node.expanded", style: { "border-width": 3, "border-color": "#2d3748" } },
  { selector: "node.placeholder", style: { "background-opacity": 0.45, "border-style": "dashed", "border-color": "#4a5568" } },
  {
    // The centre, the selected, the hovered, the keyboard's node and the ends of the
    // singled-out fact show their whole name.
    selector: "node.center, node:selected, node.hover, node.kbd, node.focus",
    style: { "text-wrap": "wrap", "text-max-width": "320px" },
  },
  // The pointer's and the keyboard's node come to the front while they are there.
  { selector: "node.hover, node.kbd", style: { "z-index": Z_RAISED_NODE } },
  {
    selector: "node:selected",
    style: { "overlay-color": "#4299e1", "overlay-opacity": 0.25, "overlay-padding": 6 },
  },
  {
    selector: "edge",
    style: {
      width: 1.6,
      "line-color": EDGE_COLOR,
      "target-arrow-color": EDGE_COLOR,
      "source-arrow-color": EDGE_COLOR,
      "target-arrow-shape": "triangle",
      "arrow-scale": 1,
      "curve-style": "bezier",
      "control-point-step-size": 40,
      label: "data(label)",
      "font-size": 9,
      color: EDGE_TEXT,
      "text-wrap": "wrap",
      "text-rotation": "autorotate",
      "text-background-color": CANVAS_COLOR,
      "text-background-opacity": 0.9,
      "text-background-padding": "1px",
      "min-zoomed-font-size": 7,
      "z-index-compare": "manual",
      "z-index": Z_EDGE,
    },
  },
  { selector: "edge.symmetric", style: { "target-arrow-shape": "none" } },
  { selector: "edge.both", style: { "source-arrow-shape": "triangle" } },
  {
    // Several facts between the same two entities, drawn once: click for the list.
    selector: "edge.bundle",
    style: { width: 2.6, "font-weight": "bold" },
  },
  {
    // A fact that had ended by the date shown (valid_until): dashed and paler, still clickable.
    selector: "edge.closed",
    style: {
      "line-style": "dashed",
      "line-dash-pattern": [6, 4],
      "line-color": ENDED_COLOR,
      "target-arrow-color": ENDED_COLOR,
      "source-arrow-color": ENDED_COLOR,
      color: ENDED_TEXT,
    },
  },
  {
    selector: "edge:selected",
    style: { "overlay-color": "#4299e1", "overlay-opacity": 0.2, "overlay-padding": 4 },
  },
  // Large graphs: straight "haystack" edges draw several times faster than curves; the
  // edges that matter (path, selection) get their curve and arrow back below.
  { selector: "edge.bulk", style: { "curve-style": "haystack", "haystack-radius": 0 } },
  { selector: "edge.bulk.path, edge.bulk.focus, edge.bulk:selected", style: { "curve-style": "bezier" } },
  { selector: ".faded", style: { opacity: 0.3 } },
  {
    selector: "node.path",
    style: { "border-width": 4, "border-color": PATH_COLOR, opacity: 1 },
  },
  {
    selector: "edge.path",
    style: {
      width: 4,
      "line-color": PATH_COLOR,
      "target-arrow-color": PATH_COLOR,
      "source-arrow-color": PATH_COLOR,
      "z-index": Z_HIGHLIGHT,
      opacity: 1,
      "font-size": 10,
      "font-weight": "bold",
    },
  },
  {
    selector: "edge.focus",
    style: {
      width: 5,
      "line-color": FOCUS_COLOR,
      "target-arrow-color": FOCUS_COLOR,
      "source-arrow-color": FOCUS_COLOR,
      "z-index": Z_FOCUS,
      opacity: 1,
      "font-size": 11,
      "font-weight": "bold",
    },
  },
  { selector: "node.focus", style: { "border-width": 4, "border-color": FOCUS_COLOR, opacity: 1 } },
  {
    // Where the keyboard is: a ring that does not depend on colour alone.
    selector: ".kbd",
    style: {
      "overlay-color": KEYBOARD_COLOR,
      "overlay-opacity": 0.3,
      "overlay-padding": 9,
      "overlay-shape": "round-rectangle",
      opacity: 1,
    },
  },
];

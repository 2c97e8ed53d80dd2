// The Cytoscape stylesheet: nodes coloured and shaped by label, edges labelled with
// predicate and date, closed facts dashed, paths and the focused fact highlighted.

export const PATH_COLOR = "#e53e3e";
export const FOCUS_COLOR = "#d69e2e";

export const graphStyle = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)",
      shape: "data(shape)",
      width: 26,
      height: 26,
      label: "data(label)",
      "font-size": 10,
      color: "#1a202c",
      "text-valign": "bottom",
      "text-margin-y": 3,
      "text-wrap": "ellipsis",
      "text-max-width": "130px",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.7,
      "text-background-padding": "1px",
      // Labels vanish when too small to read: the single biggest saving on large graphs.
      "min-zoomed-font-size": 7,
      "border-width": 1,
      "border-color": "#ffffff",
    },
  },
  { selector: "node.center", style: { width: 38, height: 38, "font-weight": "bold", "font-size": 12 } },
  { selector: "node.expanded", style: { "border-width": 3, "border-color": "#2d3748" } },
  { selector: "node.placeholder", style: { "background-opacity": 0.4, "border-style": "dashed" } },
  {
    selector: "node:selected",
    style: { "overlay-color": "#4299e1", "overlay-opacity": 0.25, "overlay-padding": 6 },
  },
  {
    selector: "edge",
    style: {
      width: 1.6,
      "line-color": "#718096",
      "target-arrow-color": "#718096",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      "curve-style": "bezier",
      // Parallel facts between the same two entities bow apart far enough for their labels.
      "control-point-step-size": 70,
      label: "data(label)",
      "font-size": 8,
      color: "#2d3748",
      "text-wrap": "wrap",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "1px",
      "min-zoomed-font-size": 7,
    },
  },
  { selector: "edge.symmetric", style: { "target-arrow-shape": "none" } },
  {
    // A fact that has ended (valid_until set): dashed and paler, still clickable.
    selector: "edge.closed",
    style: {
      "line-style": "dashed",
      "line-dash-pattern": [6, 4],
      "line-color": "#a0aec0",
      "target-arrow-color": "#a0aec0",
      color: "#718096",
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
  { selector: ".faded", style: { opacity: 0.18 } },
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
      "z-index": 10,
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
      "z-index": 20,
      opacity: 1,
      "font-size": 11,
      "font-weight": "bold",
    },
  },
  { selector: "node.focus", style: { "border-width": 4, "border-color": FOCUS_COLOR, opacity: 1 } },
];

// The graph's vocabulary as the page draws it: one colour and shape per node label.
// Names follow the project's ontology contract exactly (labels PascalCase,
// predicates UPPER_SNAKE_CASE); the API rejects anything else.

/**
 * Node labels in legend order, each with a colour and a Cytoscape node shape.
 * Every colour keeps a contrast of at least 3:1 against the white canvas (WCAG 1.4.11,
 * checked by the browser test), and the shapes tell the labels apart without colour.
 */
export const LABEL_STYLES = [
  { label: "Company", color: "#2b6cb0", shape: "round-rectangle" },
  { label: "Person", color: "#c53030", shape: "ellipse" },
  { label: "Country", color: "#2f855a", shape: "hexagon" },
  { label: "Region", color: "#687a0a", shape: "triangle" },
  { label: "GovernmentBody", color: "#6b46c1", shape: "diamond" },
  { label: "Organization", color: "#a23b9e", shape: "octagon" },
  { label: "Product", color: "#c05621", shape: "tag" },
  { label: "Asset", color: "#8b5e34", shape: "rhomboid" },
  { label: "Commodity", color: "#d53f8c", shape: "barrel" },
  { label: "Market", color: "#0987a0", shape: "pentagon" },
  { label: "InvestorGroup", color: "#9c7a00", shape: "star" },
];

export const UNKNOWN_STYLE = { label: "other", color: "#718096", shape: "ellipse" };

const BY_LABEL = new Map(LABEL_STYLES.map((s) => [s.label, s]));

/** The style of a node label, or a neutral grey for a label this page does not know. */
export function styleFor(label) {
  return BY_LABEL.get(label) ?? UNKNOWN_STYLE;
}

/** "GovernmentBody" -> "government body", for sentences. */
export function labelWords(label) {
  return String(label).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export const PREDICATES = [
  "ACQUIRES", "SELLS", "INVESTS_IN", "MERGES_WITH", "PARTNERS_WITH", "OWNS", "CONTROLS",
  "SUBSIDIARY_OF", "LISTED_ON", "SUPPLIES", "AUDITS", "IMPORTS", "DEVELOPS", "RELEASES",
  "OPEN_SOURCES", "COMPETES_WITH", "FOUNDED", "LEADS", "WORKS_FOR", "BANS", "LIFTS_BAN",
  "IMPOSES_TARIFF", "SANCTIONS", "APPROVES", "INVESTIGATES", "FINES", "SUPPORTS",
  "HEADQUARTERED_IN", "LOCATED_IN", "OPERATES_IN",
];

/** Predicates whose direction carries no meaning: drawn without arrowheads. */
export const SYMMETRIC = new Set(["MERGES_WITH", "PARTNERS_WITH", "COMPETES_WITH"]);

/** A partial ISO date as the API accepts it: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The label an entity id was derived from ("governmentbody:ndrc" -> "GovernmentBody"). */
export function labelFromId(id) {
  const prefix = String(id).split(":")[0].toLowerCase();
  return LABEL_STYLES.find((s) => s.label.toLowerCase() === prefix)?.label ?? UNKNOWN_STYLE.label;
}

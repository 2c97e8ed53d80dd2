// Words and numbers as people read them: counts, money, figures, dates, periods,
// provenance. Nothing internal (rule names, fact keys) is ever formatted for display.

/** "1 fact", "2 facts"; `plural` defaults to the word plus "s". */
export function count(n, singular, plural = `${singular}s`) {
  return `${Number(n).toLocaleString("en")} ${n === 1 ? singular : plural}`;
}

const SCALES = [
  [1e12, "tn"],
  [1e9, "bn"],
  [1e6, "m"],
];

/** 808000000000 -> "808 bn", 1234.5 -> "1,234.5". */
export function humanNumber(value) {
  for (const [size, word] of SCALES) {
    if (Math.abs(value) >= size) {
      return `${(value / size).toLocaleString("en", { maximumFractionDigits: 2 })} ${word}`;
    }
  }
  return value.toLocaleString("en", { maximumFractionDigits: 2 });
}

const CURRENCY = /^[A-Z]{3}$/;

/** "USD 1.2 bn" for an Amount {value, currency}. */
export function formatAmount(amount) {
  if (!amount) return null;
  return `${amount.currency} ${humanNumber(amount.value)}`;
}

/** A metric's figure: "HKD 808 bn", "5.4 %", "1.2 m tonnes", with its change. */
export function formatMetricValue(metric) {
  const unit = metric.unit ?? "";
  let figure;
  if (CURRENCY.test(unit)) figure = `${unit} ${humanNumber(metric.value)}`;
  else if (unit === "%" || unit.toLowerCase() === "percent") figure = `${humanNumber(metric.value)}%`;
  else figure = `${humanNumber(metric.value)}${unit ? ` ${unit}` : ""}`;
  if (metric.change_pct !== null && metric.change_pct !== undefined) {
    figure += ` (${metric.change_pct > 0 ? "+" : ""}${metric.change_pct}%)`;
  }
  return figure;
}

// ------------------------------------------------------------------ dates

/** Milliseconds since 1970 at the start of a partial date's period ("2025" -> 1 Jan 2025). */
export function dateStart(partial) {
  const [y, m = "01", d = "01"] = String(partial).split("-");
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

/** Milliseconds at the last day of a partial date's period ("2025-02" -> 28 Feb 2025). */
export function dateEnd(partial) {
  const parts = String(partial).split("-");
  const y = Number(parts[0]);
  if (parts.length === 1) return Date.UTC(y, 11, 31);
  const m = Number(parts[1]);
  if (parts.length === 2) return Date.UTC(y, m, 0);
  return Date.UTC(y, m - 1, Number(parts[2]));
}

/** Today as YYYY-MM-DD (UTC), the reference when no as-of date is set. */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Whether a fact had ended on `asOf` (or today): the API's as-of rule, where a fact
 * holds until the day before its `valid_until`.
 */
export function hasEnded(fact, asOf = null) {
  if (!fact.valid_until) return false;
  return dateStart(fact.valid_until) <= dateEnd(asOf ?? today());
}

/** Where a fact sits in time: {start, end} partial dates (either may be null). */
export function factPeriod(fact) {
  return { start: fact.valid_from ?? fact.date ?? null, end: fact.valid_until ?? null };
}

/** "2021-01 → 2024-12-01", "since 2023-03", "until 2024-12-01", "2025-06-29", or "". */
export function periodText(fact) {
  const { start, end } = factPeriod(fact);
  if (start && end) return `${start} → ${end}`;
  if (end) return `until ${end}`;
  if (start && fact.valid_from && !fact.date) return `since ${start}`;
  return start ?? "";
}

// ------------------------------------------------------------------ facts

const yes = (v) => (v === true ? "yes" : v === false ? "no" : String(v));

const ATTRIBUTE_LABELS = {
  // Extractor bookkeeping (rule names, tokens, scores) stays out: only these are shown.
  through: (v) => ["through", String(v)],
  rate_pct: (v) => ["rate", `${v}%`],
  appointed: (v) => ["appointment", yes(v)],
  departure: (v) => ["departure", yes(v)],
  control: (v) => ["control", yes(v)],
};

/** The attributes of a fact a reader cares about, as [label, text] pairs. */
export function visibleAttributes(fact) {
  return Object.entries(fact.attributes ?? {})
    .filter(([name]) => name in ATTRIBUTE_LABELS)
    .map(([name, value]) => ATTRIBUTE_LABELS[name](value));
}

/** Short qualifiers of a fact: amount, stake, status, role. */
export function factDetails(fact) {
  const out = [];
  const amount = formatAmount(fact.amount);
  if (amount) out.push(amount);
  if (fact.stake_pct !== null && fact.stake_pct !== undefined) out.push(`${fact.stake_pct}% stake`);
  if (fact.role) out.push(fact.role);
  if (fact.status) out.push(fact.status);
  return out;
}

/** "read by the rules", "read by a language model (qwen2.5:7b)", both, or null. */
export function extractorText(label) {
  if (!label) return null;
  const parts = label.split(" + ").map((p) => {
    if (p === "rules") return "the rules";
    if (p.startsWith("llm:")) return `a language model (${p.slice(4)})`;
    return p;
  });
  return `read by ${parts.join(" and ")}`;
}

/** `url` when it is an http(s) address, else null: nothing else may become a link. */
export function safeHref(url) {
  if (typeof url !== "string" || !url.trim()) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

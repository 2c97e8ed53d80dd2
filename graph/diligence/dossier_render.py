"""A dossier as Markdown (for a ticket) or as one self-contained, printable HTML page.

The HTML page has its styles inline and loads nothing from the network: no
scripts, fonts or images, and links only to the sources' own addresses. Every
value from the graph is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from sinograph.graph.diligence.dossier import Dossier
from sinograph.graph.diligence.ownership import Exposure, OwnershipLink
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.model.results import FactView

__all__ = ["FORMATS", "render_dossier", "to_html", "to_markdown"]

FORMATS = ("json", "md", "html")

_VERB = {
    Predicate.OWNS: "owns",
    Predicate.CONTROLS: "controls",
    Predicate.SUBSIDIARY_OF: "is a subsidiary of",
    Predicate.ACQUIRES: "acquired",
}


def _when(fact: FactView) -> str:
    bits = []
    if fact.date:
        bits.append(fact.date)
    if fact.valid_from and fact.valid_from != fact.date:
        bits.append(f"from {fact.valid_from}")
    if fact.valid_until:
        bits.append(f"until {fact.valid_until}")
    if fact.status:
        bits.append(fact.status.value)
    return ", ".join(bits) or "undated"


def _fact_text(fact: FactView) -> str:
    """``Zijin Mining Group ACQUIRES RG Gold (USD 1,200,000,000; 2025-06-29, agreed)``"""
    extras = []
    if fact.stake_pct is not None:
        extras.append(f"{fact.stake_pct:g}%")
    if fact.amount is not None:
        extras.append(f"{fact.amount.currency} {fact.amount.value:,.0f}")
    if fact.role:
        extras.append(fact.role)
    extras.append(_when(fact))
    return f"{fact.subject_name} {fact.predicate.value} {fact.object_name} ({'; '.join(extras)})"


def _link_text(link: OwnershipLink) -> str:
    when = _when(link.fact)
    if link.fact.predicate is Predicate.SUBSIDIARY_OF:
        return f"{link.owned.name} is a subsidiary of {link.owner.name} ({when})"
    stake = f" {link.fact.stake_pct:g}% of" if link.fact.stake_pct is not None else ""
    verb = _VERB.get(link.fact.predicate, link.fact.predicate.value)
    return f"{link.owner.name} {verb}{stake} {link.owned.name} ({when})"


def _exposure_text(item: Exposure) -> str:
    where = {
        "self": "the entity itself",
        "owner": f"an owner {item.hops} hop{'s' if item.hops != 1 else ''} up",
        "holding": f"a holding {item.hops} hop{'s' if item.hops != 1 else ''} down",
    }[item.relation]
    return f"{item.flag}: {_fact_text(item.act)}, on {item.target.name} ({where})"


class _Writer:
    """The sections of a dossier, in order, written through two small hooks."""

    def __init__(
        self,
        dossier: Dossier,
        heading: Callable[[str], None],
        item: Callable[[str, list[int], int], None],
        text: Callable[[str], None],
        source: Callable[[int, str, str | None], None],
    ) -> None:
        self.d = dossier
        self.heading = heading
        self.item_at = item
        self.text = text
        self.source = source

    def item(self, text: str, cites: list[int], level: int = 0) -> None:
        self.item_at(text, cites, level)

    def cites(self, fact: FactView) -> list[int]:
        return self.d.citations.get(fact.key, [])

    def write(self) -> None:
        d = self.d
        e = d.entity
        self.heading("Identity")
        self.item(f"Name: {e.name}" + (f" ({e.name_zh})" if e.name_zh else ""), [])
        self.item(f"Type: {e.type.value}; id {e.id}", [])
        others = [a for a in e.aliases if a != e.name]
        if others:
            self.item("Also known as: " + ", ".join(others), [])
        if e.country:
            self.item(f"Country: {e.country}", [])
        if e.tickers:
            self.item("Tickers: " + ", ".join(e.tickers), [])
        for scheme, value in sorted(e.identifiers.items()):
            self.item(f"{scheme.upper()}: {value}", [])
        if e.description:
            self.item(f"Description: {e.description}", [])
        for fact in d.footprint:
            what = fact.predicate.value.lower().replace("_", " ")
            self.item(f"{what.capitalize()}: {fact.object_name}", self.cites(fact))
        self.item(f"Facts in the graph: {d.fact_total}; stories: {len(d.sources)} cited", [])

        self.heading("Ownership up (owners, to the ultimate parents)")
        if not d.ownership.up:
            self.text("No owner is known.")
        for link in d.ownership.up:
            self.item(f"{link.hops} up: {_link_text(link)}", self.cites(link.fact))
        if d.ownership.ultimate_parents:
            names = ", ".join(p.name for p in d.ownership.ultimate_parents)
            self.text(f"Ultimate parents: {names}")

        self.heading("Ownership down (subsidiaries and holdings)")
        if not d.ownership.down:
            self.text("No holding is known.")
        for link in d.ownership.down:
            self.item(f"{link.hops} down: {_link_text(link)}", self.cites(link.fact))

        self.heading("People")
        if not d.people:
            self.text("No leader or staff member is known.")
        for p in d.people:
            tenure = f"{p.start or '?'} to {p.end or ('now' if p.current else '?')}"
            state = "current" if p.current else "former"
            role = p.role or p.predicate.value.lower().replace("_", " ")
            self.item(f"{p.person.name}: {role} ({state}; {tenure})", self.cites(p.fact))

        self.heading("Government exposure")
        if not d.exposure:
            self.text("No sanction, ban, fine, investigation or tariff is known on the entity, "
                      "its owners or its holdings.")
        for x in d.exposure:
            self.item(_exposure_text(x), self.cites(x.act))
            for step in x.path:
                self.item(f"via {_fact_text(step)}", self.cites(step), 1)

        self.heading("Deals and counterparties")
        if not d.deals:
            self.text("No deal is known.")
        for deal in d.deals:
            self.item(f"{_fact_text(deal.fact)}; counterparty {deal.counterparty.name}",
                      self.cites(deal.fact))
            for other in deal.other_parties:
                self.item(f"other party: {_fact_text(other)}", self.cites(other), 1)
            for owner in deal.party_owners:
                self.item(f"party's owner: {_fact_text(owner)}", self.cites(owner), 1)

        self.heading("Timeline")
        if not d.timeline:
            self.text("No dated fact or metric.")
        for t in d.timeline:
            if t.fact is not None:
                self.item(f"{t.date}: {_fact_text(t.fact)}", self.cites(t.fact))
            elif t.metric is not None:
                m = t.metric
                unit = f" {m.unit}" if m.unit else ""
                self.item(f"{t.date}: {m.name} = {m.value:,.6g}{unit}", [])

        self.heading("Sources")
        for s in d.sources:
            where = ", ".join(x for x in (s.publisher, s.published) if x)
            title = s.title or s.story_id
            self.source(s.number, title + (f" ({where})" if where else ""), s.url)
        for note in d.notes:
            self.text(f"Note: {note}")


def to_markdown(dossier: Dossier) -> str:
    """The dossier as Markdown: a heading per section, one bullet per fact with ``[n]``
    pointing to the numbered sources at the end."""
    lines = [f"# Dossier: {dossier.entity.name}", ""]
    lines.append(f"As of {dossier.as_of}." if dossier.as_of else "As of today (all dates).")

    def heading(title: str) -> None:
        lines.extend(["", f"## {title}", ""])

    def item(text: str, cites: list[int], level: int) -> None:
        refs = "".join(f" [{n}]" for n in cites)
        lines.append(f"{'  ' * level}- {_md(text)}{refs}")

    def text(value: str) -> None:
        if lines[-1]:
            lines.append("")  # a paragraph, not a continuation of the list above
        lines.append(_md(value))

    def source(number: int, value: str, url: str | None) -> None:
        link = f" <{url}>" if url and url.startswith(("https://", "http://")) else ""
        lines.append(f"{number}. {_md(value)}{link}")

    _Writer(dossier, heading, item, text, source).write()
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    # Characters that would turn a name into Markdown markup or a link.
    for ch in ("\\", "*", "_", "`", "[", "]", "<", ">", "|"):
        text = text.replace(ch, "\\" + ch)
    return text


_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",
sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.15em;border-bottom:1px solid #999;
margin-top:1.6em;padding-bottom:.2em}ul{padding-left:1.2em}li{margin:.25em 0}
.via{color:#444;margin-left:1.5em;font-size:.95em;list-style:circle}.cite{font-size:.8em;vertical-align:super}
.asof{color:#444}p.src{margin:.2em 0}
@media print{body{margin:0;max-width:none}a{color:#111}h2{break-after:avoid}li{break-inside:avoid}}
"""


def to_html(dossier: Dossier) -> str:
    """The dossier as one HTML page with inline styles and no network access, for print."""
    esc = html.escape
    body: list[str] = []
    open_list = [False]

    def close() -> None:
        if open_list[0]:
            body.append("</ul>")
            open_list[0] = False

    def heading(title: str) -> None:
        close()
        body.append(f"<h2>{esc(title)}</h2>")

    def item(text: str, cites: list[int], level: int) -> None:
        if not open_list[0]:
            body.append("<ul>")
            open_list[0] = True
        refs = "".join(f' <a class="cite" href="#source-{n}">[{n}]</a>' for n in cites)
        kind = ' class="via"' if level else ""
        body.append(f"<li{kind}>{esc(text)}{refs}</li>")

    def text(value: str) -> None:
        close()
        body.append(f"<p>{esc(value)}</p>")

    def source(number: int, value: str, url: str | None) -> None:
        close()
        link = ""
        if url and url.startswith(("https://", "http://")):
            link = f' <a href="{esc(url, quote=True)}">{esc(url)}</a>'
        body.append(f'<p class="src" id="source-{number}">[{number}] {esc(value)}{link}</p>')

    _Writer(dossier, heading, item, text, source).write()
    close()
    name = esc(dossier.entity.name)
    as_of = f"As of {esc(dossier.as_of)}." if dossier.as_of else "As of today (all dates)."
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Dossier: {name}</title>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<style>{_STYLE}</style></head><body>"
        f'<h1>Dossier: {name}</h1><p class="asof">{as_of}</p>'
        + "\n".join(body)
        + "</body></html>\n"
    )


def render_dossier(dossier: Dossier, fmt: str) -> str:
    """``json``, ``md`` or ``html``; another name is :class:`InvalidInput`."""
    from sinograph.graph.model.errors import InvalidInput

    if fmt == "md":
        return to_markdown(dossier)
    if fmt == "html":
        return to_html(dossier)
    if fmt == "json":
        return dossier.model_dump_json(indent=1)
    raise InvalidInput(f"unknown dossier format {fmt!r}; use json, md or html")

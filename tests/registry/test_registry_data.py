"""The shipped entity registry (loaders/data/registry.jsonl): every line is a valid,
unambiguous entry of the ontology's vocabulary."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from sinograph.graph.model.domain import Entity
from sinograph.graph.model.ids import entity_id, normalize_name
from sinograph.graph.model.ontology import EntityType

REGISTRY = Path(__file__).resolve().parents[2] / "loaders" / "data" / "registry.jsonl"

FIELDS = {
    "name", "type", "aliases", "name_zh", "tickers", "identifiers", "country", "description",
    "demonyms",
}

# Surface forms shared on purpose by two entries (normalised). Empty today: add a pair
# here only with a comment saying why the ambiguity is acceptable.
ALLOWED_SHARED_FORMS: frozenset[str] = frozenset()

# Function words that must never be an alias: they would match everywhere.
# fmt: off
STOPWORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
    "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "out",
    "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "you", "your", "new", "one", "two", "group",
    "bank", "company", "holdings", "market",
})
# fmt: on

# Exchange suffixes used in tickers, e.g. 600028.SH, 0700.HK, AAPL.US, HSBA.L.
TICKER = re.compile(
    r"^[0-9A-Z][0-9A-Z.\-]*\.(SH|SZ|BJ|HK|US|L|T|KS|TW|SI|DE|PA|AS|SW|AX|TO|SR|MC|OL|HE|ST|CO)$"
)


def _lines() -> list[tuple[int, str]]:
    text = REGISTRY.read_text(encoding="utf-8")
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _entries() -> list[tuple[int, dict[str, Any]]]:
    return [(n, json.loads(line)) for n, line in _lines()]


def test_file_is_large_enough_to_matter() -> None:
    counts = Counter(entry["type"] for _, entry in _entries())
    assert sum(counts.values()) >= 800
    assert counts["Country"] >= 120
    assert counts["Region"] >= 60
    assert all(counts[label.value] > 0 for label in EntityType), counts


def test_every_line_is_a_json_object() -> None:
    for number, line in _lines():
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"line {number}: not JSON: {exc}")
        assert isinstance(data, dict), f"line {number}: not an object"


def test_fields_and_types() -> None:
    labels = {label.value for label in EntityType}
    for number, entry in _entries():
        where = f"line {number} ({entry.get('name')!r})"
        assert set(entry) <= FIELDS, f"{where}: unknown fields {set(entry) - FIELDS}"
        assert entry.get("type") in labels, f"{where}: unknown type {entry.get('type')!r}"
        assert isinstance(entry.get("name"), str), f"{where}: name must be a string"
        assert entry["name"].strip() == entry["name"] != "", f"{where}: blank or padded name"
        for key in ("aliases", "tickers", "demonyms"):
            values = entry.get(key, [])
            assert isinstance(values, list), f"{where}: {key} must be a list"
            assert all(isinstance(v, str) and v.strip() == v != "" for v in values), where
            assert len(values) == len(set(values)), f"{where}: repeated {key}"
        for key in ("name_zh", "country", "description"):
            value = entry.get(key)
            assert value is None or (isinstance(value, str) and value.strip()), where
        if "demonyms" in entry:
            assert entry["type"] == "Country", f"{where}: demonyms only belong to countries"


def test_every_entry_is_a_valid_domain_entity() -> None:
    for number, entry in _entries():
        fields = {k: v for k, v in entry.items() if k != "demonyms"}
        Entity.model_validate(fields)  # raises with the field at fault
        assert number > 0


def test_sorted_by_type_then_name() -> None:
    keys = [(e["type"], e["name"].casefold(), e["name"]) for _, e in _entries()]
    assert keys == sorted(keys)


def test_ids_are_unique() -> None:
    ids = Counter(entity_id(EntityType(e["type"]), e["name"]) for _, e in _entries())
    assert [i for i, n in ids.items() if n > 1] == []


def test_surface_forms_name_one_entity_only() -> None:
    owners: dict[str, set[str]] = {}
    for _, entry in _entries():
        ident = entity_id(EntityType(entry["type"]), entry["name"])
        for form in [entry["name"], *entry.get("aliases", [])]:
            owners.setdefault(normalize_name(form) or form, set()).add(ident)
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert set(shared) <= ALLOWED_SHARED_FORMS, shared


def test_no_alias_is_a_stopword_or_trivial() -> None:
    for number, entry in _entries():
        for alias in entry.get("aliases", []):
            folded = normalize_name(alias)
            assert folded not in STOPWORDS, f"line {number}: alias {alias!r} is a common word"
            assert len(alias) >= 2, f"line {number}: alias {alias!r} is too short"


def test_aliases_are_not_descriptions() -> None:
    description = re.compile(r"\b(largest|biggest|leading|top|major|world's|country's)\b", re.I)
    for number, entry in _entries():
        for alias in entry.get("aliases", []):
            assert not description.search(alias), f"line {number}: {alias!r} describes"


def test_tickers_name_an_exchange() -> None:
    for number, entry in _entries():
        for ticker in entry.get("tickers", []):
            assert TICKER.match(ticker), f"line {number}: bad ticker {ticker!r}"
    tickers = Counter(t for _, e in _entries() for t in e.get("tickers", []))
    assert [t for t, n in tickers.items() if n > 1] == []


def test_countries_referenced_exist() -> None:
    entries = [e for _, e in _entries()]
    countries = {e["name"] for e in entries if e["type"] == "Country"}
    missing = {e["country"] for e in entries if e.get("country") and e["country"] not in countries}
    assert missing == set()


@pytest.mark.parametrize(
    ("form", "name", "label"),
    [
        ("HKEX", "Hong Kong Stock Exchange", "Company"),
        ("PBOC", "People's Bank of China", "GovernmentBody"),
        ("CBIRC", "National Financial Regulatory Administration", "GovernmentBody"),
        ("Zijin", "Zijin Mining Group", "Company"),
        ("U.S.", "United States", "Country"),
        ("Macao", "Macau", "Country"),
        ("Xizang", "Tibet", "Region"),
        ("Contemporary Amperex Technology Co. Limited", "CATL", "Company"),
        ("Guotai Junan Securities", "Guotai Haitong Securities", "Company"),
        ("southbound funds", "southbound investors", "InvestorGroup"),
        ("Sci-Tech Innovation Board", "STAR Market", "Market"),
    ],
)
def test_well_known_forms(form: str, name: str, label: str) -> None:
    wanted = normalize_name(form)
    hits = [
        e
        for _, e in _entries()
        if wanted in {normalize_name(s) for s in [e["name"], *e.get("aliases", [])]}
    ]
    assert [(e["name"], e["type"]) for e in hits] == [(name, label)]

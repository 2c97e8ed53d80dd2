"""Stories written for these tests (invented firms and people) and recorded model answers."""

from __future__ import annotations

from typing import Any

from sinograph.loaders.story_input import StoryInput

MINE_TEXT = (
    "Norvik Mining Group said on Monday it had agreed to buy the Kestrel copper mine in "
    "Zambia from Tallis Resources for $450 million.\n\n"
    "The Kestrel mine lies in Zambia's Copperbelt Province. Tallis Resources is controlled "
    "by the investment firm Orin Capital.\n\n"
    "Norvik's chief executive, Mara Lindqvist, said the deal would close in the fourth "
    "quarter."
)

MINE_STORY = StoryInput(
    text=MINE_TEXT,
    title="Norvik Mining agrees to buy Kestrel copper mine",
    published="2025-06-30",
    publisher="Test Wire",
    origin="mine.txt",
)

FIRST = (
    "Norvik Mining Group said on Monday it had agreed to buy the Kestrel copper mine in "
    "Zambia from Tallis Resources for $450 million."
)


def _fact(
    subject: str,
    predicate: str,
    obj: str,
    evidence: str,
    *,
    date: str | None = None,
    amount: dict[str, Any] | None = None,
    status: str | None = None,
) -> dict[str, Any]:
    return {
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "date": date,
        "amount": amount,
        "status": status,
        "evidence": evidence,
    }


MINE_ENTITIES: list[dict[str, Any]] = [
    {"name": "Norvik Mining Group", "type": "Company", "aliases": ["Norvik", "Norvik Mining"]},
    {"name": "Kestrel copper mine", "type": "Asset", "aliases": ["Kestrel mine"]},
    {"name": "Zambia", "type": "Country", "aliases": []},
    {"name": "Tallis Resources", "type": "Company", "aliases": ["Tallis Resources Plc"]},
    {"name": "Orin Capital", "type": "Company", "aliases": []},
    {"name": "Mara Lindqvist", "type": "Person", "aliases": []},
    {"name": "Copperbelt Province", "type": "Region", "aliases": []},
    {"name": "Zambezi Holdings", "type": "Company", "aliases": []},
    {"name": "Kestrel Board", "type": "Committee", "aliases": []},
]

# Five facts the story states (one quoted with typographic quotes and extra spaces, one
# with a date and one with an amount it does not state), and five it does not support.
MINE_FACTS: list[dict[str, Any]] = [
    _fact("Norvik Mining Group", "ACQUIRES", "Kestrel copper mine", FIRST,
          date="2025-06-30", amount={"value": 450_000_000, "currency": "USD"}, status="agreed"),
    _fact("Tallis Resources", "SELLS", "Kestrel copper mine", FIRST,
          date="2025-06-30", amount={"value": 500_000_000, "currency": "USD"}),
    _fact("Orin Capital", "CONTROLS", "Tallis Resources",
          "Tallis Resources is controlled by the investment firm Orin Capital.",
          date="2024-01-15"),
    _fact("Mara Lindqvist", "LEADS", "Norvik", "Norvik\u2019s chief executive,  Mara Lindqvist, "
          "said the deal would close in the fourth quarter."),
    _fact("Kestrel mine", "LOCATED_IN", "Zambia",
          "The Kestrel mine lies in Zambia's Copperbelt Province."),
    # An invented quote.
    _fact("Norvik Mining Group", "ACQUIRES", "Orin Capital",
          "Norvik Mining Group also agreed to acquire Orin Capital."),
    # A predicate the ontology does not have.
    _fact("Norvik Mining Group", "EMPLOYS", "Mara Lindqvist",
          "Norvik's chief executive, Mara Lindqvist, said the deal would close in the "
          "fourth quarter."),
    # A person cannot acquire a country.
    _fact("Mara Lindqvist", "ACQUIRES", "Zambia", FIRST),
    # An entity the story never names.
    _fact("Zambezi Holdings", "OWNS", "Tallis Resources",
          "Tallis Resources is controlled by the investment firm Orin Capital."),
    # An entity of a label the ontology does not have.
    _fact("Kestrel Board", "APPROVES", "Kestrel copper mine", FIRST),
]

MINE_ANSWER: dict[str, Any] = {"entities": MINE_ENTITIES, "facts": MINE_FACTS, "metrics": []}

SALES_STORY = StoryInput(
    text=(
        "Harbour Motors said deliveries rose 18% to 42,500 vehicles in March, a record.\n\n"
        "Harbour Motors signed a supply agreement with Delta Cells on Tuesday."
    ),
    published="2025-04-03",
    origin="sales.txt",
)

SALES_ANSWER: dict[str, Any] = {
    "entities": [
        {"name": "Harbour Motors", "type": "Company", "aliases": []},
        {"name": "Delta Cells", "type": "Company", "aliases": []},
    ],
    "facts": [
        _fact("Delta Cells", "SUPPLIES", "Harbour Motors",
              "Harbour Motors signed a supply agreement with Delta Cells on Tuesday.",
              date="2025-04-01"),
    ],
    "metrics": [
        {"subject": "Harbour Motors", "name": "deliveries", "value": 42500, "unit": "vehicles",
         "change_pct": 18, "period": "2025-03", "reported_by": None,
         "evidence": "Harbour Motors said deliveries rose 18% to 42,500 vehicles in March, "
                     "a record."},
        {"subject": "Harbour Motors", "name": "revenue", "value": 9_000_000_000, "unit": "USD",
         "change_pct": None, "period": None, "reported_by": None,
         "evidence": "Harbour Motors said deliveries rose 18% to 42,500 vehicles in March, "
                     "a record."},
    ],
}

EMPTY_ANSWER: dict[str, Any] = {"entities": [], "facts": [], "metrics": []}

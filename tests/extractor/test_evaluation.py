from __future__ import annotations

from sinograph.loaders.evaluation import combine_scores, fold_name, score_story

GOLD = {
    "entities": [
        {"name": "Norvik Group", "type": "Company", "aliases": ["Norvik"]},
        {"name": "Tallis", "type": "Company", "aliases": []},
        {"name": "Brenn", "type": "Company", "aliases": []},
    ],
    "facts": [
        {
            "subject": "Norvik Group",
            "predicate": "ACQUIRES",
            "object": "Tallis",
            "date": "2025-01",
            "amount": {"value": 1e9, "currency": "USD"},
            "core": True,
        },
        {
            "subject": "Norvik Group",
            "predicate": "PARTNERS_WITH",
            "object": "Brenn",
            "date": None,
            "amount": None,
            "core": False,
        },
    ],
}


def report(facts: list[dict[str, object]]) -> dict[str, object]:
    return {
        "entities": [
            {"id": "c:n", "name": "The Norvik's", "aliases": []},
            {"id": "c:t", "name": "Tallis", "aliases": []},
            {"id": "c:b", "name": "Brenn", "aliases": []},
        ],
        "facts": facts,
    }


def test_folding() -> None:
    assert fold_name("The Norvik's  Group!") == "norvik group"
    assert fold_name("Cantech S.\u00e0 r.l.") == "cantech s a r l"


def test_match_date_amount_and_symmetry() -> None:
    score = score_story(
        GOLD,
        report(
            [
                {
                    "subject": "c:n",
                    "predicate": "ACQUIRES",
                    "object": "c:t",
                    "date": "2025-01-13",
                    "amount": {"value": 1.005e9, "currency": "USD"},
                },
                {"subject": "c:b", "predicate": "PARTNERS_WITH", "object": "c:n"},
                {"subject": "c:t", "predicate": "OWNS", "object": "c:b"},
            ]
        ),
    )
    assert (score.true_positives, score.false_positives, score.false_negatives) == (2, 1, 0)
    assert score.core_recall == 1.0
    assert score.date_accuracy == 1.0 and score.amount_accuracy == 1.0


def test_wrong_direction_and_amount() -> None:
    score = score_story(
        GOLD,
        report(
            [
                {"subject": "c:t", "predicate": "ACQUIRES", "object": "c:n"},
            ]
        ),
    )
    assert score.true_positives == 0 and score.false_negatives == 2
    score = score_story(
        GOLD,
        report(
            [
                {
                    "subject": "c:n",
                    "predicate": "ACQUIRES",
                    "object": "c:t",
                    "amount": {"value": 1e9, "currency": "HKD"},
                },
            ]
        ),
    )
    assert score.amount_accuracy == 0.0 and score.date_accuracy == 0.0


def test_micro_average() -> None:
    one = score_story(GOLD, report([]))
    two = score_story(GOLD, report([{"subject": "c:n", "predicate": "ACQUIRES", "object": "c:t"}]))
    total = combine_scores([one, two])
    assert (total.true_positives, total.false_negatives) == (1, 3)
    assert round(total.recall, 3) == 0.25

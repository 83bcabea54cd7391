"""Drawing an attempt's questions from the stream and pools (assessments.grading.draw)."""

import random

import pytest

from assessments import grading as q
from assessments.blocks import QuestionStreamBlock
from tests.assessments.builders import multiple_choice, pool, scenario, single_choice, true_false

SEEDS = range(300)

POOL_A = [true_false(f"a{i}") for i in range(6)]
POOL_B = [single_choice(f"b{i}") for i in range(4)] + [scenario("b-case", [true_false("b-case-1")])]
FIXED = [multiple_choice("fixed-mc"), single_choice("fixed-sc")]


def stream(raw):
    return QuestionStreamBlock().to_python(raw)


def mixed_stream():
    """Pool A draws 2 of 6, pool B draws 3 of 5, and two questions are always asked."""
    return stream([pool("pool-a", 2, POOL_A), FIXED[0], pool("pool-b", 3, POOL_B), FIXED[1]])


def ids(items):
    return [item["id"] for item in items]


def test_each_pool_contributes_exactly_its_draw_of_distinct_questions():
    for seed in SEEDS:
        drawn = ids(q.draw(mixed_stream(), per_attempt=0, rng=random.Random(seed)))

        assert len(drawn) == len(set(drawn)) == 2 + 3 + 2, seed
        assert len([i for i in drawn if i.startswith("a")]) == 2, seed
        assert len([i for i in drawn if i.startswith("b")]) == 3, seed
        assert {"fixed-mc", "fixed-sc"} <= set(drawn), seed
        assert "pool-a" not in drawn and "pool-b" not in drawn, seed


def test_draws_vary_between_seeds():
    draws = {tuple(sorted(ids(q.draw(mixed_stream(), per_attempt=0, rng=random.Random(seed))))) for seed in SEEDS}
    # 15 ways to pick 2 of pool A times 10 ways to pick 3 of pool B.
    assert len(draws) > 100


@pytest.mark.parametrize("per_attempt", [1, 4, 6])
def test_questions_per_attempt_caps_the_total(per_attempt):
    for seed in SEEDS:
        drawn = ids(q.draw(mixed_stream(), per_attempt=per_attempt, rng=random.Random(seed)))

        assert len(drawn) == len(set(drawn)) == per_attempt, seed
        assert len([i for i in drawn if i.startswith("a")]) <= 2, seed
        assert len([i for i in drawn if i.startswith("b")]) <= 3, seed


@pytest.mark.parametrize("per_attempt", [0, 7, 50])
def test_zero_or_a_large_cap_keeps_every_drawn_question(per_attempt):
    plain = stream([true_false(f"t{i}") for i in range(12)])

    items = q.draw(plain, per_attempt=per_attempt, rng=random.Random(1))

    expected = 12 if per_attempt in (0, 50) else 7
    assert len(items) == expected
    if per_attempt == 0:
        assert sorted(ids(items)) == sorted(f"t{i}" for i in range(12))


def test_snapshot_keeps_block_ids_and_choice_ids():
    raw = [
        single_choice("sc-id", correct="b"),
        multiple_choice("mc-id", correct="ac", scoring="partial"),
        true_false("tf-id", is_true=False),
        scenario("case-id", [single_choice("case-sc-id"), true_false("case-tf-id")]),
    ]

    # Answers in the order written (shuffling them is tests/assessments/test_shuffle.py).
    drawn = q.draw(stream(raw), per_attempt=0, rng=random.Random(0), shuffle_choices=False)
    items = {item["id"]: item for item in drawn}

    assert set(items) == {"sc-id", "mc-id", "tf-id", "case-id"}
    assert items["sc-id"]["type"] == "single_choice"
    assert [(c["id"], c["correct"]) for c in items["sc-id"]["choices"]] == [
        ("sc-id-a", False),
        ("sc-id-b", True),
        ("sc-id-c", False),
    ]
    assert items["sc-id"]["text"] == "Single choice question sc-id?"
    assert items["mc-id"]["scoring"] == "partial"
    assert [c["id"] for c in items["mc-id"]["choices"] if c["correct"]] == ["mc-id-a", "mc-id-c"]
    assert items["tf-id"]["answer"] is False
    assert [sub["id"] for sub in items["case-id"]["questions"]] == ["case-sc-id", "case-tf-id"]
    assert [c["id"] for c in items["case-id"]["questions"][0]["choices"]] == [
        "case-sc-id-a",
        "case-sc-id-b",
        "case-sc-id-c",
    ]
    assert items["case-id"]["case"] == "<p>A case.</p>"


def test_snapshot_is_plain_json_data():
    import json

    items = q.draw(mixed_stream(), per_attempt=0, rng=random.Random(3))

    assert json.loads(json.dumps(items)) == items

"""A retake draws around what the trainee has met: where a pool holds twice what an attempt
draws, two attempts share at most half their items (issue 13 point 4)."""

import random
from itertools import combinations

import pytest

from assessments import grading as q
from assessments.blocks import QuestionStreamBlock
from assessments.services import attempt_start, attempt_submit
from tests.assessments.builders import (
    answers_post,
    as_querydict,
    build_assessment,
    complete_lessons,
    pool,
    scenario,
    true_false,
)

SEEDS = range(200)


def seed_like_stream(standalone: int = 20, scenarios: int = 3) -> list[dict]:
    """As the seed courses are built: one case study of ``scenarios``, nine of ``standalone``."""
    cases = [scenario(f"case-{n}", [true_false(f"case-{n}-1"), true_false(f"case-{n}-2")]) for n in range(scenarios)]
    return [pool("cases", 1, cases), pool("questions", 9, [true_false(f"item-{n}") for n in range(standalone)])]


def item_ids(items: list[dict]) -> set[str]:
    return {item["id"] for item in items}


def attempts(stream, count: int, rng: random.Random) -> list[set[str]]:
    taken = []
    for _attempt in range(count):
        taken.append(item_ids(q.draw(stream, per_attempt=10, rng=rng, earlier=taken[::-1])))
    return taken


def test_a_retake_meets_none_of_the_last_attempts_items_when_the_pool_is_twice_the_draw():
    stream = QuestionStreamBlock().to_python(seed_like_stream())
    for seed in SEEDS:
        first, second = attempts(stream, 2, random.Random(seed))

        assert len(first) == len(second) == 10, seed
        assert first.isdisjoint(second), seed


@pytest.mark.parametrize("count", [3, 4])
def test_no_two_of_several_attempts_share_more_than_half_their_items(count):
    stream = QuestionStreamBlock().to_python(seed_like_stream())
    for seed in SEEDS:
        taken = attempts(stream, count, random.Random(seed))

        for one, other in combinations(taken, 2):
            assert len(one & other) <= 5, (seed, sorted(one & other))


def test_a_pool_too_small_to_avoid_repeats_draws_the_unmet_item_then_repeats():
    stream = QuestionStreamBlock().to_python(seed_like_stream(standalone=10, scenarios=1))
    for seed in SEEDS:
        first, second = attempts(stream, 2, random.Random(seed))

        assert len(second) == 10, seed
        assert {f"item-{n}" for n in range(10)} - first <= second, seed
        assert len(first & second) == 9, seed  # the one case study and eight of the nine met


def test_retakes_still_vary_and_show_items_in_a_random_order():
    stream = QuestionStreamBlock().to_python(seed_like_stream())
    orders = set()
    seconds = set()
    for seed in SEEDS:
        rng = random.Random(seed)
        first = q.draw(stream, per_attempt=10, rng=rng)
        second = q.draw(stream, per_attempt=10, rng=rng, earlier=[item_ids(first)])
        orders.add(second[0]["id"])
        seconds.add(frozenset(item_ids(second)))

    assert len(seconds) > 50
    assert len(orders) > 5  # the fresh case study is not always shown first


@pytest.mark.django_db
def test_a_trainees_second_attempt_avoids_the_first_ones_items(course_with_lessons, ready_trainee):
    assessment = build_assessment(course_with_lessons, stream=seed_like_stream(), questions_per_attempt=10)
    first = attempt_start(user=ready_trainee, assessment=assessment)
    attempt_submit(attempt=first, post=as_querydict(answers_post(first.questions, right=0)))

    second = attempt_start(user=ready_trainee, assessment=assessment)

    assert second.pk != first.pk
    assert item_ids(first.questions).isdisjoint(item_ids(second.questions))


@pytest.mark.django_db
def test_another_trainees_attempts_do_not_steer_the_draw(course_with_lessons, ready_trainee, other_user):
    assessment = build_assessment(course_with_lessons, stream=seed_like_stream(), questions_per_attempt=10)
    complete_lessons(other_user, course_with_lessons)
    theirs = attempt_start(user=other_user, assessment=assessment, rng=random.Random(1))

    mine = attempt_start(user=ready_trainee, assessment=assessment, rng=random.Random(1))

    assert mine.pk != theirs.pk
    assert item_ids(mine.questions) == item_ids(theirs.questions)  # the same seed, nothing met before

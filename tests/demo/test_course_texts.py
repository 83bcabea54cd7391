"""The seed course texts (demo/content/*.toml): read, given stable block ids, and checked
through the pages' own StreamField blocks, so a broken file fails with its name and field."""

from pathlib import Path

import pytest

from demo.course_texts import SeedContentError, load_course, load_courses, seed_id, seed_slugs

BROKEN = Path(__file__).resolve().parent.parent / "data" / "demo"


def test_every_seed_course_loads_in_catalogue_order():
    courses = load_courses()
    assert [course.slug for course in courses] == [
        "identifying-victims",
        "trauma-informed-interviewing",
        "non-punishment",
        "asylum-at-borders",
    ]
    assert all(len(course.lessons) == 5 for course in courses)
    assert seed_slugs() == {course.slug: [lesson.slug for lesson in course.lessons] for course in courses}


def test_block_ids_are_derived_from_course_lesson_and_position():
    """Translations and grading depend on these ids being the same on every installation."""
    course = load_courses()[0]
    lesson = course.lessons[0]
    assert lesson.body[0]["id"] == seed_id(course.slug, lesson.slug, 0)
    assert course.learning_outcomes[1]["id"] == seed_id(course.slug, "outcome", 1)
    pools = course.assessment.questions
    assert [pool["id"] for pool in pools] == [
        seed_id(course.slug, "pool", "scenarios"),
        seed_id(course.slug, "pool", "questions"),
    ]


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("invalid-block", ["02-broken.toml", "body[1] (heading).level", "body[2] (legal_provision).article"]),
        ("unknown-block", ["02-unknown.toml", "body[0]", "unknown block type 'paragrahp'"]),
        ("not-toml", ["02-not-toml.toml", "not valid TOML"]),
        ("no-correct-answer", ["assessment.toml", "questions", "choices", "Mark exactly one answer as correct."]),
    ],
)
def test_a_broken_file_fails_naming_the_file_and_the_field(folder, expected):
    with pytest.raises(SeedContentError) as error:
        load_course(BROKEN / folder)
    message = str(error.value)
    for part in expected:
        assert part in message, message


def test_the_valid_lesson_before_a_broken_one_is_not_blamed():
    with pytest.raises(SeedContentError) as error:
        load_course(BROKEN / "invalid-block")
    assert "01-fine.toml" not in str(error.value)

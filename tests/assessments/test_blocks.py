"""Editors' validation of question blocks (as the Wagtail admin form runs it) and page rules."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from assessments.blocks import (
    MultipleChoiceQuestionBlock,
    QuestionPoolBlock,
    QuestionStreamBlock,
    SingleChoiceQuestionBlock,
)
from assessments.models import AssessmentPage
from tests.assessments.builders import build_assessment, multiple_choice, pool, single_choice, true_false


def clean(block, raw_value):
    return block.clean(block.to_python(raw_value))


@pytest.mark.parametrize(("correct", "valid"), [("", False), ("a", True), ("ab", False), ("abc", False)])
def test_single_choice_needs_exactly_one_correct_answer(correct, valid):
    value = single_choice("sc", correct=correct)["value"]
    block = SingleChoiceQuestionBlock()

    if valid:
        clean(block, value)
    else:
        with pytest.raises(StructBlockValidationError) as error:
            clean(block, value)
        assert "choices" in error.value.block_errors
        assert "exactly one" in str(error.value.block_errors["choices"])


@pytest.mark.parametrize(("correct", "valid"), [("", False), ("a", True), ("abcd", True)])
def test_multiple_choice_needs_at_least_one_correct_answer(correct, valid):
    value = multiple_choice("mc", correct=correct)["value"]
    block = MultipleChoiceQuestionBlock()

    if valid:
        clean(block, value)
    else:
        with pytest.raises(StructBlockValidationError) as error:
            clean(block, value)
        assert "at least one" in str(error.value.block_errors["choices"])


@pytest.mark.parametrize(("draw", "valid"), [(1, True), (3, True), (4, False), (10, False)])
def test_pool_cannot_draw_more_questions_than_it_has(draw, valid):
    value = pool("p", draw, [true_false("t1"), true_false("t2"), single_choice("s1")])["value"]
    block = QuestionPoolBlock()

    if valid:
        clean(block, value)
    else:
        with pytest.raises(StructBlockValidationError) as error:
            clean(block, value)
        assert "draw" in error.value.block_errors
        assert "only 3 questions" in str(error.value.block_errors["draw"])


def test_whole_question_stream_reports_the_invalid_block():
    stream = [true_false("ok"), single_choice("bad", correct="")]
    block = QuestionStreamBlock()

    with pytest.raises(StreamBlockValidationError) as error:
        clean(block, stream)

    assert set(error.value.block_errors) == {1}


def test_nested_invalid_question_inside_a_pool_is_refused():
    stream = [pool("p", 1, [multiple_choice("mc", correct="")])]

    with pytest.raises(ValidationError):
        clean(QuestionStreamBlock(), stream)


@pytest.mark.django_db
@pytest.mark.parametrize(("pass_mark", "valid"), [(0, False), (1, True), (80, True), (100, True), (101, False)])
def test_assessment_pass_mark_must_be_between_1_and_100(course_with_lessons, pass_mark, valid):
    page = AssessmentPage.objects.get(pk=build_assessment(course_with_lessons).pk)
    page.pass_mark = pass_mark

    if valid:
        page.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "pass_mark" in error.value.message_dict

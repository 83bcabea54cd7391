"""The seeded lessons and assessments are valid for the blocks as they are now: the answer choice
block that knowledge checks and assessment questions share (cms.blocks.AnswerChoiceBlock) reads
the stored content unchanged."""

from assessments.models import AssessmentPage
from courses.models import LessonPage


def _stored_choices(data) -> list[dict]:
    """Every stored answer choice value ({"text", "is_correct"}), wherever it sits in a stream."""
    if isinstance(data, list):
        return [choice for item in data for choice in _stored_choices(item)]
    if not isinstance(data, dict):
        return []
    if set(data) == {"text", "is_correct"}:
        return [data]
    return [choice for value in data.values() for choice in _stored_choices(value)]


def test_seeded_streams_validate_against_the_shared_answer_choice_block(seeded):
    streams = [lesson.body for lesson in LessonPage.objects.all()]
    streams += [assessment.questions for assessment in AssessmentPage.objects.all()]
    for stream in streams:
        stream.stream_block.clean(stream)  # raises ValidationError on any invalid block
    lesson_choices = [c for lesson in LessonPage.objects.all() for c in _stored_choices(lesson.body.get_prep_value())]
    question_choices = [
        c for page in AssessmentPage.objects.all() for c in _stored_choices(page.questions.get_prep_value())
    ]
    assert lesson_choices and question_choices, "the seed has knowledge checks and questions with answer choices"

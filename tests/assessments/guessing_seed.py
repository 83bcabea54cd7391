"""The seed assessments in every language, read from the data files, for bench.guessing.

English comes from ``demo/content/<course>/assessment.toml`` (through the seed loader, block
ids included); Russian and Tajik replace each string by its translation in the PO files of
``demo/content/locale``, keyed by the English text as ``seed_translations import`` applies
them (a string without a translation stays in English there too). No database is needed.
"""

from functools import cache

from django.conf import settings

from assessments.models import AssessmentPage
from bench.guessing import Assessment
from demo.course_texts import PASS_MARK, QUESTIONS_PER_ATTEMPT, load_courses
from demo.translations import load_catalogue

# Fields that hold ids or settings, never text to translate.
UNTRANSLATED_KEYS = {"id", "type", "is_correct", "is_true", "scoring", "draw"}


def translated(raw, strings: dict[str, str]):
    """A raw StreamField value with every translated string in its language."""
    if isinstance(raw, str):
        return strings.get(raw, raw)
    if isinstance(raw, list):
        return [translated(item, strings) for item in raw]
    if isinstance(raw, dict):
        return {key: value if key in UNTRANSLATED_KEYS else translated(value, strings) for key, value in raw.items()}
    return raw


@cache
def seed_assessments() -> tuple[Assessment, ...]:
    stream_block = AssessmentPage._meta.get_field("questions").stream_block
    courses = load_courses()
    assessments = []
    for language, _name in settings.LANGUAGES:
        strings = {} if language == settings.LANGUAGE_CODE else load_catalogue(language)
        for course in courses:
            raw = translated(course.assessment.questions, strings)
            assessments.append(
                Assessment(
                    course=course.slug,
                    language=language,
                    questions=stream_block.to_python(raw),
                    per_attempt=QUESTIONS_PER_ATTEMPT,
                    pass_mark=PASS_MARK,
                )
            )
    return tuple(assessments)

"""Writes about a trainee's progress. Progress is always stored against the
default-language pages, so it counts whichever language the trainee reads in."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.selectors import canonical_page, published_lessons


def enrol(*, user, course: CoursePage) -> Enrolment:
    """Enrol a trainee in a course; enrolling twice returns the existing enrolment."""
    course = canonical_page(course)
    enrolment, _created = Enrolment.objects.get_or_create(user=user, course=course)
    return enrolment


@transaction.atomic
def lesson_mark_complete(*, user, lesson: LessonPage) -> LessonCompletion:
    """Record that a trainee finished a lesson. Marking it again changes nothing."""
    lesson = canonical_page(lesson)
    course = CoursePage.objects.get(path=lesson.path[: -Page.steplen])
    enrolment = enrol(user=user, course=course)
    completion, created = LessonCompletion.objects.get_or_create(user=user, lesson=lesson, defaults={"course": course})
    if created:
        Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=timezone.now())
        course_refresh_completion(user=user, course=course)
    return completion


def lessons_complete(*, user, course: CoursePage) -> bool:
    """Whether the trainee has completed every live lesson of the course."""
    course = canonical_page(course)
    lesson_ids = {lesson.pk for lesson in published_lessons(course=course)}
    done_ids = set(
        LessonCompletion.objects.filter(user=user, course=course, lesson_id__in=lesson_ids).values_list(
            "lesson_id", flat=True
        )
    )
    return bool(lesson_ids) and lesson_ids <= done_ids


def course_requirements_met(*, user, course: CoursePage) -> bool:
    """The course completion rule: every lesson complete and, where the course has an
    assessment, a passed attempt at it."""
    from assessments.selectors import course_assessment, has_passed

    if not lessons_complete(user=user, course=course):
        return False
    assessment = course_assessment(course=course)
    return assessment is None or has_passed(user=user, course=course)


def course_refresh_completion(*, user, course: CoursePage) -> bool:
    """Mark the enrolment complete once the completion rule is met; returns whether it is."""
    course = canonical_page(course)
    if not course_requirements_met(user=user, course=course):
        return False
    enrol(user=user, course=course)
    Enrolment.objects.filter(user=user, course=course, completed_at__isnull=True).update(completed_at=timezone.now())
    return True

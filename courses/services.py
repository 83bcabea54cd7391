"""Writes about a trainee's progress. Progress is always stored against the
default-language pages, so it counts whichever language the trainee reads in."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.i18n import canonical_page
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.selectors import course_requirements_met


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


def course_refresh_completion(*, user, course: CoursePage) -> bool:
    """Mark the enrolment complete once the completion rule is met; returns whether it is."""
    course = canonical_page(course)
    if not course_requirements_met(user=user, course=course):
        return False
    enrol(user=user, course=course)
    Enrolment.objects.filter(user=user, course=course, completed_at__isnull=True).update(completed_at=timezone.now())
    return True

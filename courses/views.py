from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from courses import selectors, services
from courses.models import CoursePage, LessonPage
from web.http_methods import require_POST


@login_required
@require_POST
def course_start(request, course_id: int):
    """Enrol and open the first lesson not yet completed."""
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    services.enrol(user=request.user, course=course)
    lessons = selectors.published_lessons(course=course)
    if not lessons:
        messages.info(request, _("This course has no lessons yet."))
        return redirect(course.get_url(request))
    progress = selectors.course_progress(user=request.user, course=course, lessons=lessons)
    return redirect(selectors.next_lesson(lessons=lessons, progress=progress).get_url(request))


@login_required
@require_POST
def lesson_complete(request, lesson_id: int):
    """Mark a lesson complete, then go on to the next one (or back to the course)."""
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    services.lesson_mark_complete(user=request.user, lesson=lesson)
    context = selectors.lesson_context(user=request.user, lesson=lesson)
    progress = context["progress"]
    if progress.total and progress.done >= progress.total:
        gate = selectors.course_gate(course=context["course"])
        if gate is not None:
            messages.success(request, _("You have completed every lesson. The assessment is now open to you."))
            return redirect(gate.get_url(request))
        messages.success(request, _("Well done: you have completed every lesson of this course."))
        return redirect(context["course"].get_url(request))
    messages.success(request, _("Lesson marked as complete."))
    following = context["next_lesson"] or selectors.next_lesson(
        lessons=context["lessons"], progress=context["progress"]
    )
    return redirect((following or context["course"]).get_url(request))

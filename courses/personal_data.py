"""A trainee's enrolments and lesson completions (kept on erasure: the coverage reports count them)."""

from accounts.personal_data import title, when
from courses.models import Enrolment, LessonCompletion


def export(*, user) -> dict:
    return {
        "enrolments": [
            {
                "course": title(enrolment.course),
                "started_at": when(enrolment.started_at),
                "completed_at": when(enrolment.completed_at),
                "last_activity_at": when(enrolment.last_activity_at),
            }
            for enrolment in Enrolment.objects.filter(user=user).select_related("course").order_by("started_at", "pk")
        ],
        "lesson_completions": [
            {
                "course": title(completion.course),
                "lesson": title(completion.lesson),
                "completed_at": when(completion.completed_at),
            }
            for completion in LessonCompletion.objects.filter(user=user)
            .select_related("course", "lesson")
            .order_by("completed_at", "pk")
        ],
    }

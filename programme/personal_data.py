"""A trainee's assignments and the reminders about them (``accounts.personal_data`` protocol).

Erasure deletes every reminder sent to the person or about their assignments (what was said to
whom, and when); the assignments stay, with no name on them, for the programme's figures."""

from django.db.models import Q
from django.utils import timezone

from accounts.personal_data import title, when
from programme.models import Assignment, Reminder
from programme.status import programme_settings, with_status


def export(*, user) -> dict:
    assignments = with_status(
        Assignment.objects.filter(user=user).select_related("course").order_by("assigned_at", "pk"),
        today=timezone.localdate(),
        settings=programme_settings(),
    )
    return {
        "assignments": [
            {
                "course": title(assignment.course),
                "cycle": assignment.cycle,
                "assigned_at": when(assignment.assigned_at),
                "due_on": when(assignment.due_on),
                "status": assignment.status,
                "completed_at": when(assignment.completed_at),
                "ended_at": when(assignment.ended_at),
                "end_reason": assignment.end_reason or None,
            }
            for assignment in assignments
        ],
        "reminders": [
            {
                "kind": reminder.kind,
                "course": title(reminder.assignment.course),
                "about_you": reminder.assignment.user_id == user.pk,
                "to_you": reminder.recipient_id == user.pk,
                "queued_at": when(reminder.created_at),
                "sent_at": when(reminder.sent_at),
                "read_at": when(reminder.read_at),
            }
            for reminder in Reminder.objects.filter(Q(recipient=user) | Q(assignment__user=user))
            .select_related("assignment__course")
            .order_by("created_at", "pk")
        ],
    }


def erase(*, user, erasure) -> dict:
    deleted, _by_model = Reminder.objects.filter(Q(recipient=user) | Q(assignment__user=user)).delete()
    return {"reminders_deleted": deleted}

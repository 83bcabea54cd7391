"""Notices on the site: every reminder sent to someone is also a notice they can read there.

A trainee's notices are their due-date, overdue and certificate reminders; a coordinator's
are the escalations about trainees in their scope. ``read_at`` records that the recipient saw
it; the header shows how many they have not (one indexed COUNT)."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from courses.selectors import course_version
from programme.models import Reminder

PER_PAGE = 20


def notices_of(*, user) -> QuerySet[Reminder]:
    """The user's notices, newest first, with what the list prints (no query per notice)."""
    return (
        Reminder.objects.filter(recipient=user)
        .select_related("assignment__course", "assignment__user", "assignment__certificate")
        .order_by("-created_at", "-pk")
    )


# The header's unread count is remembered for a few minutes (in Redis in production, shared by
# the web processes and the worker), so that a page costs no query once warm; marking a notice
# read and queueing new ones forget it.
UNREAD_CACHE_SECONDS = 300


def _unread_key(user_id: int) -> str:
    return f"programme:unread-notices:{user_id}"


def unread_count(*, user, fresh: bool = False) -> int:
    if not user.is_authenticated:
        return 0
    key = _unread_key(user.pk)
    count = None if fresh else cache.get(key)
    if count is None:
        count = Reminder.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def forget_unread(user_ids) -> None:
    """The unread counts of these users changed (new notices, or read ones)."""
    keys = [_unread_key(user_id) for user_id in set(user_ids)]
    for start in range(0, len(keys), 1000):
        cache.delete_many(keys[start : start + 1000])


@dataclass(frozen=True)
class Notice:
    reminder: Reminder
    course_title: str
    course_url: str

    @property
    def is_unread(self) -> bool:
        return self.reminder.read_at is None

    @property
    def kind(self) -> str:
        return self.reminder.kind


def notices_for_page(reminders, *, language: str | None = None) -> list[Notice]:
    """Each reminder with its course as it reads in ``language`` (the course versions are memoised
    per course, so a page of notices about three courses costs three lookups at most)."""
    language = language or translation.get_language()
    notices = []
    for reminder in reminders:
        course = course_version(course=reminder.assignment.course, language=language)
        notices.append(Notice(reminder=reminder, course_title=course.title, course_url=course.url or ""))
    return notices


@transaction.atomic
def notice_mark_read(*, user, reminder_id: int | None = None) -> int:
    """Mark one of the user's notices read (or all of them, without ``reminder_id``). Someone
    else's notice is not found: the count is 0."""
    unread = Reminder.objects.filter(recipient=user, read_at__isnull=True)
    if reminder_id is not None:
        unread = unread.filter(pk=reminder_id)
    marked = unread.update(read_at=timezone.now())
    forget_unread([user.pk])
    transaction.on_commit(lambda: forget_unread([user.pk]))  # and again, in case a page cached the old count
    return marked

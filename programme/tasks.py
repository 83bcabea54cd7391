"""The programme's background work, run by the worker (``manage.py db_worker``); recurring jobs
are scheduled by ``manage.py crontask``."""

from crontask import cron
from django.tasks import task
from django.utils import timezone

from programme import reminders, services
from programme.models import Requirement


@task
def apply_requirement(requirement_id: int) -> None:
    """Assign a requirement's course to its audience (all of it: made, moved or ended)."""
    requirement = Requirement.objects.filter(pk=requirement_id).first()
    if requirement is not None:
        services.requirement_apply(requirement=requirement)


@task
def sync_trainee(user_id: int) -> None:
    """One trainee's assignments after they moved (agency, region, position, active)."""
    services.trainees_sync(user_ids=[user_id])


@task
def sync_trainees(user_ids: list[int], new: bool = False) -> None:
    """Trainees who joined (``new``: due from the day they joined) or moved, in one batch."""
    services.trainees_sync(user_ids=user_ids, new=new)


@cron("0 6 * * *")
@task
def daily_sweep() -> None:
    """Queue the day's reminders and recertification assignments, then send them."""
    reminders.sweep(today=timezone.localdate())
    send_reminders.enqueue()


@cron("*/10 * * * *")
@task
def send_reminders() -> None:
    """Send what is queued, including the reminders whose last attempt failed and are due again."""
    reminders.send_pending()

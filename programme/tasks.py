"""The programme's background work, run by the worker (``manage.py db_worker``); recurring jobs
are scheduled by ``manage.py crontask``."""

from django.tasks import task

from programme import services
from programme.models import Requirement


# --- assign ---
@task
def apply_requirement(requirement_id: int) -> None:
    """Assign a requirement's course to its audience (all of it: made, moved or ended)."""
    requirement = Requirement.objects.filter(pk=requirement_id).first()
    if requirement is not None:
        services.requirement_apply(requirement=requirement)

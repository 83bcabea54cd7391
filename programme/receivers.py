"""Signal receivers that keep assignments in step with the apps below this one.

Certificates, courses and accounts never import the programme: it listens to their models'
signals instead, so the import contract's direction holds.

A trainee who signs up, is invited, or changes agency, region, position or whether they are
active is synced by the worker (task ``sync_trainees``) once the transaction commits: the
trainees one transaction touches (a bulk invitation of thousands) go in one task per 500, so
the request never assigns anything itself. A certificate's save completes, renews or reopens
the assignment at once: that is one indexed query.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from certificates.models import Certificate
from programme import services

WATCHED = ("agency_id", "region_id", "position", "is_active")
CHUNK = 500


class _Pending:
    """The trainees of one transaction waiting to be synced once it commits."""

    def __init__(self, savepoints: tuple):
        self.savepoints = savepoints
        self.new: set[int] = set()
        self.moved: set[int] = set()
        self.flushed = False

    def flush(self) -> None:
        from programme.tasks import sync_trainees

        self.flushed = True
        new, moved = sorted(self.new), sorted(self.moved - self.new)
        self.new, self.moved = set(), set()
        for ids, is_new in ((new, True), (moved, False)):
            for start in range(0, len(ids), CHUNK):
                sync_trainees.enqueue(ids[start : start + CHUNK], is_new)


def queue_sync(user_id: int, *, new: bool) -> None:
    """Sync the trainee after the current transaction commits (at once outside one)."""
    connection = transaction.get_connection()
    pending = getattr(connection, "_frontline_trainee_sync", None)
    # A savepoint rolled back drops its callback (and the trainees it was for) with it.
    # One callback per transaction (or savepoint: a nested atomic block commits or rolls back
    # its own trainees with it).
    savepoints = tuple(connection.savepoint_ids)
    registered = (
        pending is not None
        and not pending.flushed
        and pending.savepoints == savepoints
        and any(entry[1] == pending.flush for entry in connection.run_on_commit)
    )
    if not registered or not connection.in_atomic_block:
        pending = _Pending(savepoints)
        connection._frontline_trainee_sync = pending
        (pending.new if new else pending.moved).add(user_id)
        transaction.on_commit(pending.flush)
        return
    (pending.new if new else pending.moved).add(user_id)


@receiver(pre_save, sender=get_user_model(), dispatch_uid="programme-user-before")
def remember_audience_fields(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {name.removesuffix("_id") for name in WATCHED} & set(update_fields):
        return
    instance._programme_before = sender.objects.filter(pk=instance.pk).values(*WATCHED).first()


@receiver(post_save, sender=get_user_model(), dispatch_uid="programme-user-after")
def sync_changed_trainee(sender, instance, created, raw=False, **kwargs):
    if raw or instance.erased_at is not None:
        return  # an erasure keeps the assignments as they were, for the figures
    if created:
        queue_sync(instance.pk, new=True)
        return
    before = getattr(instance, "_programme_before", None)
    instance._programme_before = None
    if before is not None and any(before[name] != getattr(instance, name) for name in WATCHED):
        queue_sync(instance.pk, new=False)


@receiver(post_save, sender=Certificate, dispatch_uid="programme-certificate")
def follow_certificate(sender, instance, raw=False, **kwargs):
    if not raw:
        services.assignment_complete_from_certificate(certificate=instance)

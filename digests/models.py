"""What the coordinators are sent without asking each time: weekly digests, scheduled reports,
and the big exports the worker prepares for them.

``DigestDelivery`` is one message for one period: its unique constraint on (user, kind,
period_start) is what makes a digest or a scheduled report go out once per week or month,
however often the scheduler or a worker runs. The row is inserted first and the worker sends
it; a failing mail server leaves it queued (``sent_at`` empty) with the attempts and the last
error, and it is retried.
"""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DigestDelivery(models.Model):
    class Kind(models.TextChoices):
        DIGEST = "digest", _("Weekly digest")
        REPORT_WEEKLY = "report_weekly", _("Weekly report")
        REPORT_MONTHLY = "report_monthly", _("Monthly report")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not sent (switched off or no longer a coordinator)")
        FAILED = "failed", _("Gave up after repeated failures")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_deliveries")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    period_start = models.DateField(_("period"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # What the digest said (figures and ids, no names): a retry sends the same, and next week's
    # digest compares its coverage with these.
    figures = models.JSONField(_("figures"), default=dict, blank=True)

    class Meta:
        verbose_name = _("digest or report delivery")
        verbose_name_plural = _("digest and report deliveries")
        ordering = ["-period_start", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "period_start"], name="one_delivery_per_period"),
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="delivery_to_send")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period_start} → {self.user}"


class ReportSubscription(models.Model):
    """A coordinator asked for the matrix of their scope as XLSX by e-mail, weekly or monthly."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Every week (on Monday)")
        MONTHLY = "monthly", _("Every month (on the 1st)")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_subscription")
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("report subscription")
        verbose_name_plural = _("report subscriptions")

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"


def private_storage():
    """Storage that no web server publishes: exports carry trainees' names and addresses."""
    return storages["private"]


def export_path(job: "ExportJob", filename: str) -> str:
    return f"exports/{job.token.hex}/{filename}"


class ExportJob(models.Model):
    """An export too big for the request: the worker writes the file to private storage and
    e-mails its owner a link, which works for ``EXPORT_LINK_DAYS`` days and only for them."""

    class Kind(models.TextChoices):
        MATRIX = "matrix", _("Coverage matrix")
        TRAINEES = "trainees", _("Trainees")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (XLSX)"

    class State(models.TextChoices):
        QUEUED = "queued", _("Being prepared")
        RUNNING = "running", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs")
    kind = models.CharField(_("export"), max_length=10, choices=Kind.choices)
    file_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    query = models.JSONField(_("filters"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10)
    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=export_path, storage=private_storage, blank=True, max_length=255)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("link expires"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    emailed_at = models.DateTimeField(_("link e-mailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "created_at"]), models.Index(fields=["state", "expires_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.file_format}) – {self.user}"

    @property
    def is_pending(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    def is_expired(self, now=None) -> bool:
        now = now or timezone.now()
        return self.state == self.State.EXPIRED or (self.expires_at is not None and self.expires_at <= now)

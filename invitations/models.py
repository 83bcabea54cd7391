from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InvitationBatch(models.Model):
    """A CSV of trainees to invite, kept between preview and confirmation."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Awaiting confirmation")
        SENT = "sent", _("Invitations sent")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255, blank=True)
    rows = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEW)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table of the model's first home (reports), kept so that no data moves.
        db_table = "reports_invitationbatch"
        verbose_name = _("invitation batch")
        verbose_name_plural = _("invitation batches")

    def __str__(self):
        return self.filename or f"#{self.pk}"

    @property
    def valid_rows(self) -> list[dict]:
        return [row for row in self.rows if not row.get("errors")]


class InvitedAddress(models.Model):
    """An e-mail address that a batch's rows hold, in lower case: the index by which erasure and
    the e-mail change form find a person's rows without reading every batch."""

    batch = models.ForeignKey(InvitationBatch, on_delete=models.CASCADE, related_name="addresses")
    email = models.CharField(max_length=254, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["batch", "email"], name="one_address_per_batch")]

    def __str__(self):
        return self.email

from datetime import date, timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates import codes

RENEWAL_WINDOW = timedelta(days=60)


def private_storage():
    """Storage that no web server publishes: PDFs carry the holder's name."""
    return storages["private"]


class Certificate(models.Model):
    """Proof that a trainee completed a course. Never deleted: revocation and supersession
    are states. Holder, agency and course are copied at issue, as printed on the PDF."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded by a renewal")

    code = models.CharField(_("verification code"), max_length=17, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates")
    course = models.ForeignKey("courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="certificates")
    attempt = models.OneToOneField(
        "assessments.Attempt", on_delete=models.PROTECT, related_name="certificate", editable=False
    )
    holder_name = models.CharField(_("holder"), max_length=200)
    agency_name = models.CharField(_("agency"), max_length=200, blank=True)
    agency = models.ForeignKey("accounts.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    region = models.ForeignKey("accounts.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    course_title = models.CharField(_("course"), max_length=255)
    language = models.CharField(_("language"), max_length=10, default="en")
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    expires_on = models.DateField(_("expires"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VALID)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    superseded_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes"
    )
    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/%m/", storage=private_storage, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        permissions = [("revoke_certificate", _("Can revoke certificates"))]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], condition=Q(status="valid"), name="one_valid_certificate_per_course"
            ),
            models.CheckConstraint(
                condition=Q(status="revoked", revoked_at__isnull=False) | ~Q(status="revoked"),
                name="revoked_certificate_has_date",
            ),
        ]
        indexes = [models.Index(fields=["course", "status", "expires_on"])]

    def __str__(self):
        return f"{self.display_code} – {self.holder_name} – {self.course_title}"

    def get_absolute_url(self):
        return reverse("certificate_verify", args=[self.display_code])

    @property
    def display_code(self) -> str:
        return codes.display(self.code)

    def is_expired(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.expires_on is not None and self.expires_on < today

    def renewal_open(self, today: date | None = None) -> bool:
        """An expired certificate, or one expiring within 60 days, may be renewed."""
        today = today or timezone.localdate()
        return self.expires_on is not None and self.expires_on - RENEWAL_WINDOW <= today

    @property
    def public_status(self) -> str:
        """valid, expired, revoked or superseded, as the verification page states it."""
        if self.status == self.Status.VALID and self.is_expired():
            return "expired"
        return self.status

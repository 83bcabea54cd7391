from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Headcount(models.Model):
    """How many staff an agency has in a region: the denominator of coverage."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="headcounts")
    region = models.ForeignKey("accounts.Region", on_delete=models.CASCADE, related_name="headcounts")
    staff = models.PositiveIntegerField(_("staff"), validators=[MaxValueValidator(1_000_000)])
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("headcount")
        verbose_name_plural = _("headcounts")
        constraints = [models.UniqueConstraint(fields=["agency", "region"], name="one_headcount_per_cell")]

    def __str__(self):
        return f"{self.agency} / {self.region}: {self.staff}"

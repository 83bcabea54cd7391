"""The training programme: requirements, the assignments they make, and what was sent about them.

A ``Requirement`` says that an audience (an agency, optionally some regions and positions) must
hold a course's certificate, by a due rule. Each trainee in the audience holds one open
``Assignment`` per course (the earliest-due requirement decides its date); when the certificate
expires and the requirement recurs, the next cycle's assignment opens. ``Reminder`` rows are
what was (or is to be) sent: their unique constraint is what makes every notice go out once.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Requirement(models.Model):
    class DueRule(models.TextChoices):
        AFTER_JOINING = "after_joining", _("Within a number of days of joining the audience")
        AFTER_START = "after_start", _("Within a number of days of the requirement's start")
        FIXED_DATE = "fixed_date", _("By a fixed date")

    class ApplyState(models.TextChoices):
        PENDING = "pending", _("Waiting for the worker")
        RUNNING = "running", _("Assigning")
        DONE = "done", _("Assigned")

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="requirements",
        help_text=_("The course in the default language; its translations count too."),
    )
    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="requirements"
    )
    regions = models.ManyToManyField(
        "accounts.Region",
        verbose_name=_("regions and duty stations"),
        blank=True,
        related_name="requirements",
        help_text=_("Leave empty for every region."),
    )
    positions = models.JSONField(
        _("positions"),
        default=list,
        blank=True,
        help_text=_("Leave empty for every position; otherwise only trainees whose position is one of these."),
    )
    due_rule = models.CharField(_("due"), max_length=20, choices=DueRule.choices, default=DueRule.AFTER_JOINING)
    due_days = models.PositiveIntegerField(
        _("days to complete"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3650)]
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"), default=timezone.localdate)
    recurs = models.BooleanField(
        _("recertification"),
        default=True,
        help_text=_("When the certificate expires, the trainee is assigned the course again."),
    )
    recertify_within_days = models.PositiveIntegerField(
        _("days to recertify"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("How long after the certificate expires the new assignment is due."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Assigning a requirement to its audience runs in the worker; the admin shows how far it got.
    apply_state = models.CharField(max_length=10, choices=ApplyState.choices, default=ApplyState.PENDING)
    apply_total = models.PositiveIntegerField(default=0)
    apply_done = models.PositiveIntegerField(default=0)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["course__path", "agency__sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(due_rule="fixed_date") | Q(due_date__isnull=False),
                name="fixed_date_requirement_has_date",
            ),
            models.CheckConstraint(
                condition=Q(due_rule="fixed_date") | Q(due_days__isnull=False),
                name="relative_requirement_has_days",
            ),
        ]

    def __str__(self):
        return f"{self.course.title} – {self.agency.display_name}"


class Assignment(models.Model):
    """A trainee's duty to hold a course's certificate, with a due date.

    ``cycle`` counts recertifications: 1 is the first assignment, 2 the one opened when the
    first certificate expired, and so on. At most one assignment per trainee and course is open
    (``ended_at`` empty); an ended one is history (the trainee left the audience, or the
    certificate it was completed with expired and the next cycle took over)."""

    class EndReason(models.TextChoices):
        LEFT_AUDIENCE = "left_audience", _("No longer in the audience")
        RECERTIFICATION = "recertification", _("Replaced by the recertification assignment")
        REQUIREMENT_ENDED = "requirement_ended", _("The requirement was withdrawn")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="assignments"
    )
    requirement = models.ForeignKey(
        Requirement, null=True, blank=True, on_delete=models.SET_NULL, related_name="assignments"
    )
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    due_on = models.DateField(_("due"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    certificate = models.ForeignKey(
        "certificates.Certificate", null=True, blank=True, on_delete=models.SET_NULL, related_name="assignments"
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(_("why it ended"), max_length=20, choices=EndReason.choices, blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course", "cycle"], name="one_assignment_per_cycle"),
            models.UniqueConstraint(
                fields=["user", "course"], condition=Q(ended_at__isnull=True), name="one_open_assignment_per_course"
            ),
        ]
        indexes = [
            models.Index(fields=["course", "due_on"], condition=Q(ended_at__isnull=True), name="open_assignment_due"),
            models.Index(fields=["user", "ended_at"]),
        ]

    def __str__(self):
        return f"{self.user} – {self.course} ({self.due_on})"


class Reminder(models.Model):
    """One notice about one assignment to one person: queued, then sent once.

    The unique constraint on (assignment, recipient, kind, step) is the exactly-once guarantee:
    a sweep that runs twice, or two workers sweeping at once, insert the same row once. ``step``
    tells the reminders of one kind apart: the days before the date (14, 3; 60, 30, 7), 0 for
    the day of expiry, or the repeat number of an overdue reminder (1 to 4)."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")
        EXPIRING = "expiring", _("Certificate expiring")
        EXPIRED = "expired", _("Certificate expired")
        ESCALATION = "escalation", _("Overdue: sent to the coordinator")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    step = models.PositiveSmallIntegerField(_("step"), default=0)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    send_attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    read_at = models.DateTimeField(_("read on the site"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "recipient", "kind", "step"], name="one_reminder_per_step"),
        ]
        indexes = [
            models.Index(fields=["sent_at", "next_attempt_at"], name="reminder_to_send"),
            models.Index(fields=["recipient", "read_at"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient} ({self.created_at:%Y-%m-%d})"


class EmailOptOut(models.Model):
    """An optional kind of e-mail a person switched off (the one-click unsubscribe, RFC 8058)."""

    class Kind(models.TextChoices):
        DIGEST = "digest", _("Weekly digest")
        SCHEDULED_REPORT = "scheduled_report", _("Scheduled report")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_opt_outs")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("e-mail opt-out")
        verbose_name_plural = _("e-mail opt-outs")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_opt_out_per_kind")]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()}"


def validate_day_offsets(value: str) -> None:
    try:
        days = [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError:
        raise ValidationError(_("Enter whole numbers of days separated by commas, e.g. 14, 3.")) from None
    if not days or any(day < 1 or day > 365 for day in days):
        raise ValidationError(_("Enter at least one number of days, each from 1 to 365."))


def day_offsets(value: str) -> tuple[int, ...]:
    """ "14, 3" -> (14, 3): the offsets in days, largest first, each once."""
    return tuple(sorted({int(part) for part in value.replace(" ", "").split(",") if part}, reverse=True))


@register_setting(icon="mail")
class ProgrammeSettings(BaseGenericSetting):
    """When reminders go out; an administrator changes them in Settings."""

    due_soon_days = models.CharField(
        _("remind before the due date (days)"),
        max_length=100,
        default="14, 3",
        validators=[validate_day_offsets],
        help_text=_("Days before the due date, separated by commas."),
    )
    overdue_every_days = models.PositiveSmallIntegerField(
        _("remind when overdue every (days)"), default=7, validators=[MinValueValidator(1), MaxValueValidator(90)]
    )
    overdue_at_most = models.PositiveSmallIntegerField(
        _("overdue reminders at most"), default=4, validators=[MinValueValidator(0), MaxValueValidator(20)]
    )
    expiry_days = models.CharField(
        _("remind before a certificate expires (days)"),
        max_length=100,
        default="60, 30, 7",
        validators=[validate_day_offsets],
        help_text=_("Days before the expiry date, separated by commas. A notice is also sent on the day."),
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        _("tell the coordinators after overdue for (days)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    inactive_after_days = models.PositiveSmallIntegerField(
        _("at risk when inactive for (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("A trainee with a required course unfinished and no activity for this long is listed as at risk."),
    )

    class Meta:
        verbose_name = _("reminders and due dates")

    @property
    def due_soon_offsets(self) -> tuple[int, ...]:
        return day_offsets(self.due_soon_days)

    @property
    def expiry_offsets(self) -> tuple[int, ...]:
        return day_offsets(self.expiry_days)

    @property
    def due_soon_window(self) -> int:
        """An open assignment is "due soon" this many days before its date (the first reminder)."""
        return max(self.due_soon_offsets, default=14)

    @property
    def expiring_window(self) -> int:
        return max(self.expiry_offsets, default=60)

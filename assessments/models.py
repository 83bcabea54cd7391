from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from assessments import grading
from assessments.blocks import QuestionStreamBlock
from cms.i18n import canonical_page
from cms.pages import ViewRestrictionsInOneQuery
from courses.gates import CourseGate


class AssessmentPage(CourseGate, ViewRestrictionsInOneQuery, Page):
    """The graded assessment of a course; one per course, below its lessons. It is the
    course's gate: the course is complete once it is passed.

    The page shows the rules and the trainee's attempts; starting an attempt is a POST to
    ``assessments.views.attempt_start``, as a course is started from ``courses.views``."""

    intro = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions drawn per attempt"),
        default=10,
        help_text=_("How many questions each attempt shows, drawn at random. 0 shows them all."),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    cooldown_hours = models.PositiveSmallIntegerField(
        _("cool-down between attempts (hours)"), default=0, validators=[MaxValueValidator(24 * 30)]
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("Leave empty for no time limit."),
    )
    show_correct_answers = models.BooleanField(_("show correct answers after submission"), default=True)
    shuffle_choices = models.BooleanField(
        _("shuffle answer choices"),
        default=True,
        help_text=_(
            "Each attempt shows the answers of each question in a new order, the same in every language. "
            "A question can keep its written order (its “Keep this order” box)."
        ),
    )
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("questions_per_attempt"),
                FieldPanel("attempts_allowed"),
                FieldPanel("cooldown_hours"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("show_correct_answers"),
                FieldPanel("shuffle_choices"),
            ],
            heading=_("Rules"),
        ),
        FieldPanel("questions"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("assessment")

    def clean(self):
        """Refuse an assessment whose rules its questions cannot meet (each question block
        checks its own answers and each pool its draw: assessments.blocks)."""
        super().clean()
        errors = {}
        most = grading.most_drawn(self.questions)
        if most and self.questions_per_attempt > most:
            errors["questions_per_attempt"] = ValidationError(
                ngettext_lazy(
                    "Attempts can draw at most %(count)s question from those below; show that many or fewer.",
                    "Attempts can draw at most %(count)s questions from those below; show that many or fewer.",
                    "count",
                ),
                params={"count": most},
            )
        choice_questions = list(grading.iter_choice_blocks(self.questions))
        if self.shuffle_choices and choice_questions and all(value.get("keep_order") for value in choice_questions):
            errors["shuffle_choices"] = ValidationError(
                _(
                    "Every question keeps its answers in the order written, so there is nothing to shuffle: "
                    "untick this box or let a question be shuffled."
                )
            )
        if errors:
            raise ValidationError(errors)

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from assessments import selectors  # selectors reads these models: the sibling pages' idiom

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.assessment_overview(user=request.user, assessment=self))
        return context

    def is_passed_by(self, user) -> bool:
        """CourseGate: a passed attempt at the course's assessment, in any language. Attempts
        are stored against the default-language course, the parent of the default-language
        assessment."""
        course_path = canonical_page(self).path[: -Page.steplen]
        return Attempt.objects.filter(user=user, course__path=course_path, passed=True).exists()


class Attempt(models.Model):
    """One attempt at an assessment. Its drawn questions are stored with it, so later edits
    to the assessment never change what was asked or how it was graded."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        TIMED_OUT = "timed_out", _("Time ran out")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attempts")
    assessment = models.ForeignKey(AssessmentPage, null=True, on_delete=models.SET_NULL, related_name="attempts")
    course = models.ForeignKey("courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="attempts")
    revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(_("language"), max_length=10)
    questions = models.JSONField(_("questions drawn"))
    # The format of ``questions`` (assessments.grading.SNAPSHOT_VERSION when drawn), so that a
    # later format never changes how an older attempt is graded.
    snapshot_version = models.PositiveSmallIntegerField(_("snapshot format"), default=1)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    show_correct_answers = models.BooleanField(default=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    deadline_at = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # While the attempt is open, the answers saved so far (assessments.services.attempt_save);
    # once it is closed, the answers it was graded on.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    answers_saved_at = models.DateTimeField(_("answers last saved"), null=True, blank=True)
    results = models.JSONField(_("results per question"), default=list, blank=True)
    points = models.DecimalField(_("points"), max_digits=7, decimal_places=3, null=True, blank=True)
    max_points = models.PositiveSmallIntegerField(_("maximum points"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at"]
        constraints = [
            # At most one open attempt per trainee and assessment.
            models.UniqueConstraint(
                fields=["user", "assessment"],
                condition=Q(status="in_progress"),
                name="one_open_attempt_per_assessment",
            ),
            # A closed attempt is graded, an open one is not: grading happens exactly once.
            models.CheckConstraint(
                condition=(
                    Q(status="in_progress", submitted_at__isnull=True, score__isnull=True, passed__isnull=True)
                    | (
                        ~Q(status="in_progress")
                        & Q(submitted_at__isnull=False, score__isnull=False, passed__isnull=False)
                    )
                ),
                name="attempt_graded_iff_closed",
            ),
        ]
        indexes = [models.Index(fields=["user", "course", "submitted_at"])]

    def __str__(self):
        return f"{self.user} – {self.assessment} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class ItemResponse(models.Model):
    """One question of one submitted attempt, as item analysis reads it (assessments.item_analysis).

    Written with the grading (assessments.services), so the analysis reads this narrow table
    instead of unpacking every attempt's results out of the wide attempts table. ``assessment``
    and ``language`` repeat the attempt's so that the analysis never joins the attempts."""

    # No index of its own: the unique constraint's index starts with the attempt.
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses", db_index=False)
    assessment = models.ForeignKey(
        AssessmentPage, null=True, on_delete=models.SET_NULL, related_name="item_responses", db_index=True
    )
    question_id = models.CharField(max_length=64)
    language = models.CharField(max_length=10)
    points = models.FloatField()  # 0 to 1, as grading stored it in the attempt's results
    # The attempt's points without this question, as a share of the other questions' maximum;
    # null when the attempt had no other question.
    rest = models.FloatField(null=True)
    chosen = models.JSONField(default=list)  # the option values chosen, [] for a blank

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "question_id"], name="one_response_per_question")]

    def __str__(self):
        return f"{self.attempt_id}: {self.question_id}"

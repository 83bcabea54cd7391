from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import LessonStreamBlock, NamedCharBlock
from cms.pages import ViewRestrictionsInOneQuery


class CourseIndexPage(ViewRestrictionsInOneQuery, Page):
    """The catalogue: every published course, open to visitors without an account."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        courses = selectors.published_catalogue(locale_id=self.locale_id)
        context["courses"] = courses
        context["progress_by_course"] = selectors.progress_for_courses(user=request.user, courses=courses)
        return context


class CoursePage(ViewRestrictionsInOneQuery, Page):
    """A course: an overview with learning outcomes, then ordered lessons below it."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in the catalogue."))
    learning_outcomes = StreamField(
        [("outcome", NamedCharBlock(label=_("Outcome"), max_length=300))],
        verbose_name=_("learning outcomes"),
        blank=True,
    )
    estimated_minutes = models.PositiveIntegerField(
        _("estimated minutes"), default=60, validators=[MinValueValidator(1), MaxValueValidator(6000)]
    )
    validity_months = models.PositiveSmallIntegerField(
        _("certificate validity (months)"),
        default=24,
        validators=[MaxValueValidator(240)],
        help_text=_("0 means the certificate never expires."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("validity_months"),
            ],
            heading=_("Duration and certificate"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage", "assessments.AssessmentPage"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = selectors.published_lessons(course=self)
        context["progress"] = selectors.course_progress(user=request.user, course=self, lessons=context["lessons"])
        context["assessment"] = selectors.course_gate(course=self)
        return context


class LessonPage(ViewRestrictionsInOneQuery, Page):
    """One lesson of a course, read after signing in."""

    intro = models.TextField(_("introduction"), blank=True)
    estimated_minutes = models.PositiveIntegerField(
        _("estimated minutes"), default=15, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("estimated_minutes"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.lesson_context(user=request.user, lesson=self))
        context["assessment"] = selectors.course_gate(course=context["course"])
        context["check_answer"] = selectors.knowledge_check_answer(body=self.body, params=request.GET)
        context["lesson_address"] = request.build_absolute_uri(request.path)
        return context


class Enrolment(models.Model):
    """A trainee taking a course. Always points at the course in the default language."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_enrolment_per_course")]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self):
        return f"{self.user} – {self.course}"


class LessonCompletion(models.Model):
    """A lesson marked complete. ``course`` is stored too so progress is one indexed count."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="completions")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="lesson_completions")
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="one_completion_per_lesson")]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user} – {self.lesson}"


class SearchText(models.Model):
    """The published text of a course or lesson page as site search reads it (courses.search).

    Kept beside Wagtail's search index, which on PostgreSQL holds only word vectors in one
    language's configuration: search needs each language's own configuration and the passage
    itself to show it. Written from the page's saved row, so a draft never shows in a result."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="+")
    title = models.TextField()
    text = models.TextField(help_text="Plain text, one passage a line.")
    folded = models.TextField(help_text="Title and text case folded, for matching without full-text search.")

    class Meta:
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")

    def __str__(self):
        return self.title

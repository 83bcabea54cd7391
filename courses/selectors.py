"""Reads about courses and a trainee's progress.

Progress is matched by ``translation_key`` so a lesson read in Tajik counts for the same
lesson in English or Russian; every function here runs a fixed number of queries, whatever
the number of lessons or trainees.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import translation
from wagtail.models import Locale, Page

from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonCompletion, LessonPage


@dataclass(frozen=True)
class Progress:
    total: int = 0
    done: int = 0
    completed_keys: frozenset = field(default_factory=frozenset)
    enrolled: bool = False
    completed: bool = False

    @property
    def percent(self) -> int:
        if not self.total:
            return 0
        return min(100, round(100 * self.done / self.total))

    @property
    def started(self) -> bool:
        return self.enrolled or self.done > 0

    def is_done(self, lesson: Page) -> bool:
        return lesson.translation_key in self.completed_keys


def canonical_page(page: Page) -> Page:
    """The default-language version of a page, where progress is recorded."""
    locale = Locale.get_default()
    if page.locale_id == locale.pk:
        return page
    return page.get_translation_or_none(locale) or page


def localized_titles(pages) -> dict[str, str]:
    """Titles of pages in the active language where translated, keyed by translation key."""
    titles = {page.translation_key: page.title for page in pages}
    if titles:
        titles.update(
            Page.objects.filter(locale=Locale.get_active(), translation_key__in=list(titles)).values_list(
                "translation_key", "title"
            )
        )
    return titles


def catalogue_courses(*, locale: Locale):
    return CoursePage.objects.live().public().filter(locale=locale).order_by("path")


def catalogue_page(*, locale: Locale | None = None) -> CourseIndexPage | None:
    pages = CourseIndexPage.objects.live()
    if locale is not None:
        return pages.filter(locale=locale).first() or pages.first()
    return pages.first()


def course_lessons(*, course: CoursePage):
    return LessonPage.objects.live().child_of(course).order_by("path").defer_streamfields()


def _lesson_totals(courses) -> dict[str, int]:
    """Number of live lessons under each course, keyed by the course's translation key."""
    if not courses:
        return {}
    key_by_path = {course.path: course.translation_key for course in courses}
    condition = Q()
    for path in key_by_path:
        condition |= Q(path__startswith=path)
    totals = {key: 0 for key in key_by_path.values()}
    steplen = Page.steplen
    for path in LessonPage.objects.live().filter(condition).values_list("path", flat=True):
        totals[key_by_path[path[:-steplen]]] += 1
    return totals


def progress_for_courses(*, user, courses) -> dict[str, Progress]:
    """Progress for several courses at once, keyed by course translation key."""
    if not user.is_authenticated or not courses:
        return {}
    keys = [course.translation_key for course in courses]
    totals = _lesson_totals(courses)
    done_by_key = dict(
        LessonCompletion.objects.filter(user=user, course__translation_key__in=keys)
        .values_list("course__translation_key")
        .annotate(n=Count("id"))
    )
    enrolments = dict(
        Enrolment.objects.filter(user=user, course__translation_key__in=keys).values_list(
            "course__translation_key", "completed_at"
        )
    )
    return {
        key: Progress(
            total=totals.get(key, 0),
            done=done_by_key.get(key, 0),
            enrolled=key in enrolments,
            completed=enrolments.get(key) is not None,
        )
        for key in keys
    }


def course_progress(*, user, course: CoursePage, lessons=None) -> Progress:
    """Progress through one course, with the set of completed lessons."""
    if not user.is_authenticated:
        return Progress(total=len(lessons) if lessons is not None else 0)
    if lessons is None:
        lessons = list(course_lessons(course=course))
    completed_keys = frozenset(
        LessonCompletion.objects.filter(user=user, course__translation_key=course.translation_key).values_list(
            "lesson__translation_key", flat=True
        )
    )
    enrolment = (
        Enrolment.objects.filter(user=user, course__translation_key=course.translation_key)
        .values("completed_at")
        .first()
    )
    live_keys = {lesson.translation_key for lesson in lessons}
    return Progress(
        total=len(lessons),
        done=len(completed_keys & live_keys),
        completed_keys=completed_keys,
        enrolled=enrolment is not None,
        completed=enrolment is not None and enrolment["completed_at"] is not None,
    )


def next_lesson(*, lessons, progress: Progress):
    """The first lesson not yet completed, or the first lesson when all are done."""
    for lesson in lessons:
        if not progress.is_done(lesson):
            return lesson
    return lessons[0] if lessons else None


def _course_and_lessons(lesson: LessonPage, user) -> tuple[Page, list[Page], Progress]:
    """A lesson's course, its live lessons in reading order and the trainee's progress through
    them, in one query. Course and lessons come as plain ``Page`` objects (title, URL,
    translation key: what the outline shows); ``.specific`` gives the course's own fields.
    Progress counts completions by translation key, so a lesson read in another language
    counts (see the module docstring); ``enrolled`` and ``completed`` are not looked up."""
    course_path = lesson.path[: -Page.steplen]
    pages = Page.objects.filter(
        Q(path=course_path)
        | Q(
            path__startswith=course_path,
            depth=lesson.depth,
            live=True,
            content_type=ContentType.objects.get_for_model(LessonPage),
        )
    ).order_by("path")
    signed_in = user.is_authenticated
    if signed_in:
        pages = pages.annotate(
            done=Exists(LessonCompletion.objects.filter(user=user, lesson__translation_key=OuterRef("translation_key")))
        )
    pages = list(pages)
    if not pages or pages[0].path != course_path:
        raise CoursePage.DoesNotExist
    course, lessons = pages[0], pages[1:]
    done_keys = frozenset(page.translation_key for page in lessons if signed_in and page.done)
    return course, lessons, Progress(total=len(lessons), done=len(done_keys), completed_keys=done_keys)


def lesson_context(*, user, lesson: LessonPage) -> dict:
    """Everything a lesson page shows around its body: the course, its outline, progress
    (which lessons are done; ``enrolled`` and ``completed`` are not looked up)."""
    course, lessons, progress = _course_and_lessons(lesson, user)
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), 0)
    return {
        "course": course,
        "lessons": lessons,
        "progress": progress,
        "lesson_number": position + 1,
        "previous_lesson": lessons[position - 1] if position > 0 else None,
        "next_lesson": lessons[position + 1] if position + 1 < len(lessons) else None,
        "is_done": progress.is_done(lesson),
    }


@dataclass(frozen=True)
class LearningItem:
    course: CoursePage
    progress: Progress
    required: bool


@dataclass(frozen=True)
class MyLearning:
    in_progress: list
    completed: list
    required: list

    @property
    def is_empty(self) -> bool:
        return not (self.in_progress or self.completed or self.required)


def my_learning(*, user) -> MyLearning:
    """A trainee's courses: started, completed, and required for their agency.

    Courses are shown in the active language where a translation exists.
    """
    enrolled_keys = set(Enrolment.objects.filter(user=user).values_list("course__translation_key", flat=True))
    required_keys = set()
    if user.agency_id:
        required_keys = set(
            CoursePage.objects.live().filter(audiences=user.agency_id).values_list("translation_key", flat=True)
        )
    keys = enrolled_keys | required_keys
    if not keys:
        return MyLearning(in_progress=[], completed=[], required=[])

    language = translation.get_language() or "en"
    courses_by_key: dict = {}
    for course in (
        CoursePage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("path")
    ):
        current = courses_by_key.get(course.translation_key)
        if current is None or course.locale.language_code == language:
            courses_by_key[course.translation_key] = course
    courses = list(courses_by_key.values())
    progress = progress_for_courses(user=user, courses=courses)

    in_progress, completed, required = [], [], []
    for course in courses:
        item = LearningItem(
            course=course,
            progress=progress[course.translation_key],
            required=course.translation_key in required_keys,
        )
        if item.progress.completed:
            completed.append(item)
        elif item.progress.started:
            in_progress.append(item)
        if item.required and not item.progress.completed:
            required.append(item)
    return MyLearning(in_progress=in_progress, completed=completed, required=required)

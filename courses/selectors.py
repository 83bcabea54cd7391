"""Reads about courses and a trainee's progress.

Progress is matched by ``translation_key`` so a lesson read in Tajik counts for the same
lesson in English or Russian; every function here runs a fixed number of queries, whatever
the number of lessons or trainees.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page

from cms.i18n import canonical_page
from cms.published import Memo
from courses.gates import CourseGate
from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonCompletion, LessonPage


@dataclass(frozen=True)
class Progress:
    total: int = 0
    done: int = 0
    completed_keys: frozenset = field(default_factory=frozenset)
    enrolled: bool = False
    completed: bool = False
    # When the course was completed: a fact that stays, whatever lessons are added later.
    completed_at: datetime | None = None
    # The live lessons (of this language version) a trainee who completed the course has not
    # read: published since. Listed by ``course_progress``; counted by ``new_lesson_count``.
    new_lessons: tuple = ()

    @property
    def new_lesson_count(self) -> int:
        """Lessons of this language version published since the trainee completed the course."""
        return max(0, self.total - self.done) if self.completed else 0

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


CATALOGUE = Memo[tuple]("catalogue")
LESSONS = Memo[tuple]("lessons")
COURSE_GATE = Memo[CourseGate | None]("course_gate")
COURSE_VERSION = Memo[CoursePage | None]("course_version")
LESSON_KEYS = Memo[dict]("lesson_keys")
COURSE_OUTLINE = Memo[tuple | None]("course_outline")
LIVE_COURSES = Memo[tuple]("live_courses")
COURSE_LESSON_PAGES = Memo[dict]("course_lesson_pages")


def catalogue_courses(*, locale: Locale):
    return CoursePage.objects.live().public().filter(locale=locale).order_by("path")


def published_catalogue(*, locale_id: int) -> tuple[CoursePage, ...]:
    """``catalogue_courses``, kept with the published content."""
    return CATALOGUE.get(locale_id, lambda: tuple(catalogue_courses(locale=locale_id)))


def catalogue_page(*, locale: Locale | None = None) -> CourseIndexPage | None:
    pages = CourseIndexPage.objects.live()
    if locale is not None:
        return pages.filter(locale=locale).first() or pages.first()
    return pages.first()


def course_lessons(*, course: CoursePage):
    return LessonPage.objects.live().child_of(course).order_by("path").defer_streamfields()


def published_lessons(*, course: CoursePage) -> tuple[LessonPage, ...]:
    """``course_lessons``, kept with the published content."""
    return LESSONS.get(course.pk, lambda: tuple(course_lessons(course=course)), course=course)


def course_gate(*, course: CoursePage) -> CourseGate | None:
    """The live page below a course that its trainees must pass (its assessment), in the
    course's own language; kept with the published content."""
    return COURSE_GATE.get(
        course.pk,
        lambda: Page.objects.live().child_of(course).type(CourseGate).specific().first(),
        course=course,
    )


def course_version(*, course: CoursePage, language: str | None = None) -> CoursePage:
    """The live version of ``course`` in ``language`` (default: the active language), or the
    default-language course where that language has none; kept with the published content."""
    language = language or translation.get_language() or ""
    found = COURSE_VERSION.get(
        (course.translation_key, language),
        lambda: (
            CoursePage.objects.live()
            .filter(translation_key=course.translation_key, locale__language_code=language)
            .first()
        ),
        course=lambda version: version,
    )
    return found or canonical_page(course)


def lessons_complete(*, user, course: CoursePage, language: str | None = None) -> bool:
    """Whether the trainee has completed every live lesson of the course, as the course reads
    in ``language`` (default: the active language): a lesson whose translation is not live yet
    is not asked of a trainee who cannot read it; once it is, it is (a lesson read in any
    language counts). A version with none of the lessons live yet asks for all of them."""
    canonical = canonical_page(course)
    lesson_keys = {lesson.translation_key for lesson in published_lessons(course=canonical)}
    version = course_version(course=course, language=language)
    if version.pk != canonical.pk:
        readable = lesson_keys & {lesson.translation_key for lesson in published_lessons(course=version)}
        lesson_keys = readable or lesson_keys
    done_keys = set(
        LessonCompletion.objects.filter(
            user=user, course=canonical, lesson__translation_key__in=lesson_keys
        ).values_list("lesson__translation_key", flat=True)
    )
    return bool(lesson_keys) and lesson_keys <= done_keys


def course_requirements_met(*, user, course: CoursePage, language: str | None = None) -> bool:
    """The course completion rule: every lesson complete and, where the course has a gate
    (its assessment), the gate passed."""
    if not lessons_complete(user=user, course=course, language=language):
        return False
    course = canonical_page(course)
    gate = course_gate(course=course)
    return gate is None or gate.is_passed_by(user)


def _live_lesson_keys(courses) -> dict[str, frozenset]:
    """Translation keys of the live lessons under each course, keyed by the course's."""
    if not courses:
        return {}
    return LESSON_KEYS.get(tuple(course.pk for course in courses), lambda: _load_lesson_keys(courses), course=courses)


def _load_lesson_keys(courses) -> dict[str, frozenset]:
    key_by_path = {course.path: course.translation_key for course in courses}
    condition = Q()
    for path in key_by_path:
        condition |= Q(path__startswith=path)
    keys = {key: set() for key in key_by_path.values()}
    steplen = Page.steplen
    for path, lesson_key in LessonPage.objects.live().filter(condition).values_list("path", "translation_key"):
        keys[key_by_path[path[:-steplen]]].add(lesson_key)
    return {key: frozenset(lessons) for key, lessons in keys.items()}


def enrolments_of(*, user, keys=None) -> dict:
    """When the trainee's courses were completed (None: not yet), keyed by course translation key."""
    enrolments = Enrolment.objects.filter(user=user)
    if keys is not None:
        enrolments = enrolments.filter(course__translation_key__in=keys)
    return dict(enrolments.values_list("course__translation_key", "completed_at"))


def progress_for_courses(*, user, courses, enrolments: dict | None = None) -> dict[str, Progress]:
    """Progress for several courses at once, keyed by course translation key. ``enrolments``:
    the trainee's ``enrolments_of``, when the caller has them already."""
    if not user.is_authenticated or not courses:
        return {}
    keys = [course.translation_key for course in courses]
    live_keys = _live_lesson_keys(courses)
    # The completed lessons themselves rather than a count per course: as many rows as lessons
    # done, and what "Continue" needs to find the next lesson without another query.
    done_by_course: dict[str, set] = {}
    for course_key, lesson_key in LessonCompletion.objects.filter(
        user=user, course__translation_key__in=keys
    ).values_list("course__translation_key", "lesson__translation_key"):
        done_by_course.setdefault(course_key, set()).add(lesson_key)
    if enrolments is None:
        enrolments = enrolments_of(user=user, keys=keys)
    return {
        key: Progress(
            total=len(live_keys.get(key, ())),
            # Only lessons live in this language version: one read elsewhere, or since removed, is no step here.
            done=len(done_by_course.get(key, set()) & live_keys.get(key, frozenset())),
            completed_keys=frozenset(done_by_course.get(key, ())),
            enrolled=key in enrolments,
            completed=enrolments.get(key) is not None,
            completed_at=enrolments.get(key),
        )
        for key in keys
    }


def course_progress(*, user, course: CoursePage, lessons=None) -> Progress:
    """Progress through one course, with the set of completed lessons."""
    if not user.is_authenticated:
        return Progress(total=len(lessons) if lessons is not None else 0)
    if lessons is None:
        lessons = published_lessons(course=course)
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
    completed_at = enrolment["completed_at"] if enrolment is not None else None
    return Progress(
        total=len(lessons),
        done=len(completed_keys & live_keys),
        completed_keys=completed_keys,
        enrolled=enrolment is not None,
        completed=completed_at is not None,
        completed_at=completed_at,
        new_lessons=tuple(lesson for lesson in lessons if lesson.translation_key not in completed_keys)
        if completed_at is not None
        else (),
    )


def next_lesson(*, lessons, progress: Progress):
    """The first lesson not yet completed, or the first lesson when all are done."""
    for lesson in lessons:
        if not progress.is_done(lesson):
            return lesson
    return lessons[0] if lessons else None


def course_outline(*, course_path: str) -> tuple[Page, list[Page]] | None:
    """The course at ``course_path`` and its live lessons in reading order, as plain ``Page``
    objects (title, URL, translation key: what an outline shows; ``.specific`` gives the
    course's own fields). The same for everyone, so kept with the published content."""

    def load():
        pages = list(
            Page.objects.filter(
                Q(path=course_path)
                | Q(
                    path__startswith=course_path,
                    depth=len(course_path) // Page.steplen + 1,
                    live=True,
                    content_type=ContentType.objects.get_for_model(LessonPage),
                )
            ).order_by("path")
        )
        if not pages or pages[0].path != course_path:
            return None
        return pages[0], pages[1:]

    return COURSE_OUTLINE.get(course_path, load, course=course_path)


def completed_lesson_keys(*, user, lessons) -> frozenset:
    """Translation keys of the lessons the trainee has completed, in any language."""
    if not user.is_authenticated or not lessons:
        return frozenset()
    keys = [lesson.translation_key for lesson in lessons]
    return frozenset(
        LessonCompletion.objects.filter(user=user, lesson__translation_key__in=keys).values_list(
            "lesson__translation_key", flat=True
        )
    )


def _course_and_lessons(lesson: LessonPage, user) -> tuple[Page, list[Page], Progress]:
    """A lesson's course, its live lessons and the trainee's progress through them: the outline
    is remembered published content, the progress one query. ``enrolled`` and ``completed`` are
    not looked up."""
    outline = course_outline(course_path=lesson.path[: -Page.steplen])
    if outline is None:
        raise CoursePage.DoesNotExist
    course, lessons = outline
    done_keys = completed_lesson_keys(user=user, lessons=lessons)
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
    next_step: "NextStep | None" = None


@dataclass(frozen=True)
class MyLearning:
    in_progress: list
    completed: list
    required: list

    @property
    def is_empty(self) -> bool:
        return not (self.in_progress or self.completed or self.required)


def my_learning(*, user, required_keys=frozenset()) -> MyLearning:
    """A trainee's courses: started, completed, and required of them (``required_keys``: the
    translation keys of the courses assigned to them, which the programme knows).

    Courses are shown in the active language where a translation exists.
    """
    enrolments = enrolments_of(user=user)
    required_keys = frozenset(required_keys)
    keys = enrolments.keys() | required_keys
    if not keys:
        return MyLearning(in_progress=[], completed=[], required=[])

    language = translation.get_language() or "en"
    courses_by_key: dict = {}
    for course in _live_courses():
        if course.translation_key not in keys:
            continue
        current = courses_by_key.get(course.translation_key)
        if current is None or course.locale.language_code == language:
            courses_by_key[course.translation_key] = course
    courses = list(courses_by_key.values())
    progress = progress_for_courses(user=user, courses=courses, enrolments=enrolments)

    steps = next_steps(courses=courses, progress=progress)

    in_progress, completed, required = [], [], []
    for course in courses:
        item = LearningItem(
            course=course,
            progress=progress[course.translation_key],
            required=course.translation_key in required_keys,
            next_step=steps.get(course.translation_key),
        )
        # Each course once: a required course the trainee has started is listed (and continued)
        # under "Required", not a second time under "In progress".
        if item.progress.completed:
            completed.append(item)
        elif item.required:
            required.append(item)
        elif item.progress.started:
            in_progress.append(item)
    required.sort(key=lambda item: not item.progress.started)  # what to continue, then what to start
    return MyLearning(in_progress=in_progress, completed=completed, required=required)


def _live_courses() -> tuple[CoursePage, ...]:
    """Every live course in every language, in tree order."""
    return LIVE_COURSES.get(None, lambda: tuple(CoursePage.objects.live().select_related("locale").order_by("path")))


# --- Guiding a trainee through a course: where to go next, and answers to knowledge checks.


@dataclass(frozen=True)
class NextStep:
    """Where a trainee goes on in a course: ``lesson`` (the first one not completed, numbered
    in reading order), or the course's assessment once every lesson is done."""

    lesson: Page | None = None
    number: int = 0
    total: int = 0
    assessment: Page | None = None


def course_lesson_pages(*, courses) -> dict[str, list[Page]]:
    """The live lessons of several courses in reading order, as plain ``Page`` objects (title,
    URL, translation key), keyed by course translation key: one query for all of them, kept
    with the published content."""
    if not courses:
        return {}
    return COURSE_LESSON_PAGES.get(
        tuple(course.pk for course in courses), lambda: _load_lesson_pages(courses), course=courses
    )


def _load_lesson_pages(courses) -> dict[str, list[Page]]:
    key_by_path = {course.path: course.translation_key for course in courses}
    condition = Q()
    for path in key_by_path:
        condition |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    pages: dict[str, list[Page]] = {key: [] for key in key_by_path.values()}
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    for page in Page.objects.live().filter(condition, content_type=lesson_type).order_by("path"):
        pages[key_by_path[page.path[: -Page.steplen]]].append(page)
    return pages


def next_steps(*, courses, progress: dict[str, Progress]) -> dict[str, NextStep]:
    """Each course's next step for a trainee whose ``progress`` (``progress_for_courses``)
    says which lessons are done; courses already completed have none. No query once the
    published content is remembered."""
    lessons_by_key = course_lesson_pages(courses=courses)
    steps = {}
    for course in courses:
        key = course.translation_key
        course_progress = progress.get(key)
        lessons = lessons_by_key.get(key, [])
        if course_progress is None or course_progress.completed or not lessons:
            continue
        position = next((i for i, lesson in enumerate(lessons) if not course_progress.is_done(lesson)), None)
        if position is not None:
            steps[key] = NextStep(lesson=lessons[position], number=position + 1, total=len(lessons))
        else:
            steps[key] = NextStep(total=len(lessons), assessment=course_gate(course=course))
    return steps


KNOWLEDGE_CHECK = "knowledge_check"


@dataclass(frozen=True)
class CheckAnswer:
    """A reader's answer to one knowledge check of a lesson, as the lesson's address carries it
    without JavaScript (``?check=<block id>&choice=<number>``). Nothing is graded or stored: the
    lesson is shown again with the choice marked and the explanation revealed.

    ``found``: the check is on this lesson (an old link may name one an editor has removed);
    ``choice``: the option chosen, from 1, or None when none of the options was (nothing
    ticked, or a number that is not one of them)."""

    block_id: str
    found: bool = False
    choice: int | None = None
    correct: bool = False

    @property
    def answered(self) -> bool:
        return self.choice is not None


def knowledge_check_answer(*, body, params) -> CheckAnswer | None:
    """The answer ``params`` (a request's GET) give to a knowledge check in ``body`` (a
    lesson's StreamField value), or None when they answer none."""
    block_id = params.get("check")
    if not block_id:
        return None
    block = next((child for child in body if child.block_type == KNOWLEDGE_CHECK and child.id == block_id), None)
    if block is None:
        return CheckAnswer(block_id=block_id[:64])
    choices = block.value["choices"]
    raw = (params.get("choice") or "").strip()
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 4 else 0
    if not 1 <= number <= len(choices):
        return CheckAnswer(block_id=block_id, found=True)
    return CheckAnswer(block_id=block_id, found=True, choice=number, correct=bool(choices[number - 1]["is_correct"]))

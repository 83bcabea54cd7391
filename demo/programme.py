"""The demo's training programme: each seed course required of the agencies its text names,
and a few colleagues of the demo trainee whose assignments show every status (not started, in
progress, due soon, overdue, completed, certificate expiring, expired) on the coordinator's
pages. Run by ``seed_demo``; safe to run again (what exists is left alone)."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Agency, Region
from assessments.models import Attempt
from certificates.services import certificate_issue
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from programme.models import Assignment, Requirement
from programme.services import requirement_apply


def ensure_requirements(courses: dict[str, tuple[CoursePage, tuple[str, ...]]]) -> list[Requirement]:
    """``courses``: slug -> (course, agency codes). Returns the requirements it created."""
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    created = []
    for course, codes in courses.values():
        for code in codes:
            if code not in agencies:
                continue
            requirement, made = Requirement.objects.get_or_create(
                course=course,
                agency=agencies[code],
                defaults={"due_rule": Requirement.DueRule.AFTER_JOINING, "due_days": 90, "recurs": True},
            )
            if made:
                created.append(requirement)
    return created


def apply_requirements(requirements) -> None:
    for requirement in requirements:
        requirement_apply(requirement=requirement)


@dataclass(frozen=True)
class Colleague:
    email: str
    full_name: str
    agency: str
    region: str
    position: str
    # course slug -> what to make of that course's assignment
    story: dict


# Every status at least once. "due:N": due in N days (negative: overdue); "read:N": N lessons
# read; "certified:M": certificate issued M months ago (the seed courses' last 24 months).
COLLEAGUES = [
    Colleague(
        "f.sharipov@frontline.test",
        "Фирӯз Шарипов",
        "border-troops",
        "gbao",
        "Сарҳадбон",
        {"identifying-victims": "due:-12", "non-punishment": "due:6 read:2"},
    ),
    Colleague(
        "n.odinaeva@frontline.test",
        "Нигина Одинаева",
        "border-troops",
        "sughd",
        "Нозири гумрук",
        {"identifying-victims": "certified:3", "asylum-at-borders": "due:-30 read:1"},
    ),
    Colleague(
        "a.kurbonov@frontline.test",
        "Алишер Қурбонов",
        "police",
        "khatlon",
        "Нозири участка",
        {"identifying-victims": "certified:23", "non-punishment": "due:40 read:3"},
    ),
    Colleague(
        "s.nazarova@frontline.test",
        "Сабрина Назарова",
        "police",
        "dushanbe",
        "Тафтишгар",
        {"identifying-victims": "certified:25", "trauma-informed-interviewing": "due:2"},
    ),
]


# The demo trainee's own page shows an overdue course and one due soon beside those not started.
DEMO_TRAINEE = Colleague(
    "trainee@frontline.test",
    "",
    "border-troops",
    "gbao",
    "",
    {"trauma-informed-interviewing": "due:-4", "non-punishment": "due:9"},
)


def ensure_colleagues(courses: dict[str, CoursePage], *, demo_trainee_created: bool = False) -> list:
    """The demo trainee's colleagues (no password: nobody signs in as them), with the demo
    trainee's own story when the account was created just now. Returns (user, story) pairs."""
    User = get_user_model()
    made = []
    if demo_trainee_created:
        trainee = User.objects.filter(email=DEMO_TRAINEE.email).first()
        if trainee is not None:
            made.append((trainee, DEMO_TRAINEE))
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    regions = {region.code: region for region in Region.objects.all()}
    for colleague in COLLEAGUES:
        if User.objects.filter(email=colleague.email).exists():
            continue
        user = User(
            email=colleague.email,
            full_name=colleague.full_name,
            agency=agencies.get(colleague.agency),
            region=regions.get(colleague.region),
            position=colleague.position,
            preferred_language="tg",
            date_joined=timezone.now() - timedelta(days=120),
        )
        user.set_unusable_password()
        user.save()
        made.append((user, colleague))
    return made


def tell_stories(made, courses: dict[str, CoursePage]) -> None:
    """After the requirements are applied: move the colleagues' assignments to their story."""
    today = timezone.localdate()
    for user, colleague in made:
        for slug, story in colleague.story.items():
            course = courses.get(slug)
            if course is None:
                continue
            steps = dict(part.split(":") for part in story.split())
            lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
            if "read" in steps:
                Enrolment.objects.get_or_create(user=user, course=course)
                for lesson in lessons[: int(steps["read"])]:
                    LessonCompletion.objects.get_or_create(user=user, lesson=lesson, course=course)
            if "due" in steps:
                Assignment.objects.filter(user=user, course=course, ended_at=None).update(
                    due_on=today + timedelta(days=int(steps["due"]))
                )
            if "certified" in steps:
                _certify(user, course, lessons, months_ago=int(steps["certified"]))


def _certify(user, course: CoursePage, lessons, *, months_ago: int) -> None:
    when = timezone.now() - timedelta(days=round(months_ago * 30.44))
    enrolment, _made = Enrolment.objects.get_or_create(user=user, course=course)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=when)
    for lesson in lessons:
        LessonCompletion.objects.get_or_create(user=user, lesson=lesson, course=course)
    attempt = Attempt.objects.create(
        user=user,
        course=course,
        language=user.preferred_language,
        questions=[],
        pass_mark=80,
        status=Attempt.Status.SUBMITTED,
        submitted_at=when,
        score=90,
        points=9,
        max_points=10,
        passed=True,
    )
    certificate_issue(attempt=attempt)
    # A certificate issued long ago that expired is still the one the assignment was completed with.
    Assignment.objects.filter(user=user, course=course, ended_at=None, certificate=None).update(
        certificate=attempt.certificate, completed_at=when
    )

"""Synthetic load data for the coverage reports (``manage.py generate_load_data``).

A made-up country's worth of trainees, spread over the real agencies and regions with a
realistic skew, working through the four seed courses over the last 24 months: lesson
completions, graded attempts, certificates (valid, expired, revoked, superseded by a
renewal), enrolments consistent with all of that, and a headcount for every agency x region
cell.

Everything generated belongs to a user whose e-mail address ends in ``@load.frontline.test``
(headcounts: ``updated_by`` is the generator's own account in that domain), so ``clear()``
removes exactly what was generated and nothing else.

The work is split in two:

* planning (``plan_trainee``): plain Python on plain data, seeded, no database. Each trainee's
  story is drawn here, dates included, so every rule is kept by construction: lessons are
  completed before the assessment, a certificate belongs to a passed attempt of the same
  user and course, an enrolment is completed exactly when the course was passed, a renewal
  supersedes the previous certificate, at most one certificate per user and course is
  ``valid``.
* writing (``generate``): chunks of planned trainees turned into model instances and
  inserted with ``bulk_create`` (a handful of INSERTs per chunk, no per-row queries, no
  signals). ``auto_now``/``auto_now_add`` are switched off while writing so the planned dates
  are stored.

Dates: trainees joined over the last 24 months; a small "first cohort" joined 24-30 months
ago, which is where certificates that have already expired (24-month validity) come from.
"""

import math
import random
import time
from bisect import bisect
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate

DOMAIN = "load.frontline.test"
EMAIL_SUFFIX = f"@{DOMAIN}"
GENERATOR_EMAIL = f"generator{EMAIL_SUFFIX}"

DEFAULT_TRAINEES = 100_000
DEFAULT_BATCH_SIZE = 5_000
DAY = timedelta(days=1)
HISTORY_DAYS = 730  # 24 months

# --------------------------------------------------------------------------- the country

# Share of trainees per agency (codes from accounts' reference-data migration). An agency
# not listed here (added by an administrator) gets UNKNOWN_AGENCY_WEIGHT.
AGENCY_WEIGHTS = {
    "police": 36,
    "border-troops": 26,
    "migration": 9,
    "customs": 8,
    "consular": 6,
    "prosecutor": 5,
    "mia-ctip": 4,
    "drug-control": 4,
    "labour-inspectorate": 2,
}
UNKNOWN_AGENCY_WEIGHT = 1

# Where an agency's staff serve. Regions missing from an agency's row have none of its staff.
DEFAULT_REGION_WEIGHTS = {"dushanbe": 22, "sughd": 28, "khatlon": 30, "gbao": 4, "drs": 16}
REGION_WEIGHTS = {
    "police": DEFAULT_REGION_WEIGHTS,
    "prosecutor": DEFAULT_REGION_WEIGHTS,
    # The Afghan border runs through Khatlon and GBAO.
    "border-troops": {"dushanbe": 6, "sughd": 22, "khatlon": 34, "gbao": 30, "drs": 8},
    "consular": {"dushanbe": 40, "abroad-ru": 30, "abroad-kz": 12, "abroad-tr": 10, "abroad-ae": 8},
    "migration": {
        "dushanbe": 20,
        "sughd": 22,
        "khatlon": 22,
        "gbao": 3,
        "drs": 13,
        "abroad-ru": 14,
        "abroad-kz": 4,
        "abroad-tr": 1,
        "abroad-ae": 1,
    },
    "mia-ctip": {"dushanbe": 55, "sughd": 18, "khatlon": 17, "gbao": 3, "drs": 7},
    "customs": {"dushanbe": 18, "sughd": 35, "khatlon": 27, "gbao": 10, "drs": 10},
    # Drug control has staff in GBAO (see STAFF_WITHOUT_TRAINEES) but none of them registered.
    "drug-control": {"dushanbe": 40, "sughd": 20, "khatlon": 25, "drs": 15},
    "labour-inspectorate": {"dushanbe": 50, "sughd": 25, "khatlon": 25},
}

# Gaps the dashboard should show.
NO_CERTIFICATES_AGENCIES = {"labour-inspectorate"}  # they study, nobody has passed yet
NO_CERTIFICATES_REGIONS = {"abroad-ae"}
STAFF_WITHOUT_TRAINEES = {("drug-control", "gbao"): 0.0012}  # headcount = share x trainees

MALE_NAMES = [
    "Abdullo",
    "Akmal",
    "Alisher",
    "Anvar",
    "Bahodur",
    "Bakhtiyor",
    "Behruz",
    "Daler",
    "Dilshod",
    "Farhod",
    "Farrukh",
    "Firdavs",
    "Ismoil",
    "Jamshed",
    "Khurshed",
    "Komron",
    "Mahmadali",
    "Manuchehr",
    "Muhammad",
    "Nurullo",
    "Parviz",
    "Rustam",
    "Saidali",
    "Sharif",
    "Shavkat",
    "Sino",
    "Sunnatullo",
    "Umed",
    "Zafar",
    "Zoir",
]
FEMALE_NAMES = [
    "Dilnoza",
    "Farangis",
    "Firuza",
    "Gulnora",
    "Madina",
    "Malika",
    "Manizha",
    "Mavjuda",
    "Mehrangez",
    "Munisa",
    "Nargis",
    "Nigina",
    "Parvina",
    "Rukhshona",
    "Sabrina",
    "Shahnoza",
    "Sitora",
    "Tahmina",
    "Zarina",
    "Zebo",
]
SURNAMES = [  # -ov/-ev take -a for women
    "Azimov",
    "Boboev",
    "Davlatov",
    "Hakimov",
    "Ismoilov",
    "Karimov",
    "Kholov",
    "Mirzoev",
    "Nazarov",
    "Nurov",
    "Qodirov",
    "Rahimov",
    "Rasulov",
    "Safarov",
    "Saidov",
    "Sattorov",
    "Sharipov",
    "Sultonov",
    "Yusupov",
    "Aliev",
]
ZODA_SURNAMES = [
    "Davlatzoda",
    "Hakimzoda",
    "Mirzozoda",
    "Nazarzoda",
    "Qurbonzoda",
    "Rahmonzoda",
    "Saidzoda",
    "Sharifzoda",
]
POSITIONS = {
    "police": ["District inspector", "Patrol officer", "Investigator", "Senior investigator", "Duty officer"],
    "mia-ctip": ["Investigator", "Senior investigator", "Analyst", "Victim liaison officer"],
    "border-troops": ["Border guard", "Checkpoint officer", "Post commander", "Patrol leader"],
    "consular": ["Consul", "Vice-consul", "Consular officer", "Attaché"],
    "migration": ["Migration officer", "Senior specialist", "Registration officer"],
    "prosecutor": ["Assistant prosecutor", "Prosecutor", "Senior prosecutor"],
    "customs": ["Customs inspector", "Senior inspector", "Shift supervisor"],
    "drug-control": ["Operative", "Senior operative", "Analyst"],
    "labour-inspectorate": ["Labour inspector", "Senior labour inspector"],
}
DEFAULT_POSITIONS = ["Officer", "Senior officer", "Specialist"]
LANGUAGES = (("tg", 50), ("ru", 42), ("en", 8))
REVOCATION_REASONS = [
    "Issued in error; the assessment was taken by another person.",
    "Duplicate record corrected by the training coordinator.",
    "Holder's identity could not be confirmed.",
]

# The questions an attempt stores: ten short true/false statements (the real snapshot format,
# assessments.questions.snapshot_question), answered so that the stored score is what they grade to.
QUESTION_COUNT = 10
QUESTIONS = [
    {"id": f"load-{n}", "type": "true_false", "text": f"Synthetic statement {n}.", "answer": True, "explanation": ""}
    for n in range(1, QUESTION_COUNT + 1)
]


def answers_for(correct: int) -> tuple[dict, list]:
    """Answers and per-question results of an attempt with ``correct`` right answers."""
    answers, results = {}, []
    for n, question in enumerate(QUESTIONS):
        chosen = ["true" if n < correct else "false"]
        answers[question["id"]] = chosen
        results.append(
            {"id": question["id"], "points": "1.000" if n < correct else "0.000", "chosen": chosen, "correct": ["true"]}
        )
    return answers, results


ANSWERS = [answers_for(correct) for correct in range(QUESTION_COUNT + 1)]


# --------------------------------------------------------------------------- behaviour


@dataclass(frozen=True)
class Behaviour:
    """How trainees behave; tuned so that, per trainee, there are about 10 lesson completions,
    3 closed attempts and 0.8 certificates (1,000,000 / 300,000 / 80,000 for 100,000)."""

    inactive_share: float = 0.02  # account deactivated (left the service)
    dormant_share: float = 0.10  # registered, never started anything
    first_cohort_share: float = 0.10  # joined 24-30 months ago
    female_share: float = 0.2
    start_required: float = 0.84  # starts a course required for their agency
    start_optional: float = 0.04  # starts a course not required for them
    enrolled_only: float = 0.03  # started a course, no lesson yet
    finish_lessons: float = 0.46  # completes every lesson (times the trainee's zeal)
    pass_eventually: float = 0.58  # of those who finished the lessons (times zeal)
    first_try: float = 0.45  # chance each attempt passes, for those who will pass
    attempts_without_pass: tuple = (12, 14, 20, 22, 18, 14)  # weights of 0..5 attempts
    renew: float = 0.5  # renews once the renewal window (60 days before expiry) opens
    revoke: float = 0.015


@dataclass(frozen=True)
class CourseInfo:
    id: int
    title: str
    lesson_ids: tuple
    assessment_id: int | None
    revision_id: int | None
    pass_mark: int
    validity_months: int
    agency_ids: frozenset


@dataclass(frozen=True)
class Place:
    id: int
    code: str
    names: dict  # language -> display name


@dataclass
class Universe:
    """The reference data the plan is drawn against (read once from the database)."""

    agencies: list  # [Place]
    regions: list  # [Place]
    courses: list  # [CourseInfo]

    def __post_init__(self):
        self._agency_cum = list(accumulate(AGENCY_WEIGHTS.get(a.code, UNKNOWN_AGENCY_WEIGHT) for a in self.agencies))
        self._regions_by_agency = {}
        for agency in self.agencies:
            weights = REGION_WEIGHTS.get(agency.code, DEFAULT_REGION_WEIGHTS)
            regions = [r for r in self.regions if weights.get(r.code, 0) > 0] or self.regions
            self._regions_by_agency[agency.id] = (
                regions,
                list(accumulate(weights.get(r.code, 1) for r in regions)),
            )

    def draw_agency(self, rng: random.Random) -> Place:
        return self.agencies[bisect(self._agency_cum, rng.random() * self._agency_cum[-1])]

    def draw_region(self, rng: random.Random, agency: Place) -> Place:
        regions, cum = self._regions_by_agency[agency.id]
        return regions[bisect(cum, rng.random() * cum[-1])]


# --------------------------------------------------------------------------- planning


@dataclass(slots=True)
class AttemptPlan:
    started_at: datetime
    submitted_at: datetime
    correct: int
    passed: bool


@dataclass(slots=True)
class CertificatePlan:
    attempt: int  # index in CoursePlan.attempts
    issued_at: datetime
    expires_on: date | None
    status: str = "valid"
    revoked_at: datetime | None = None
    superseded_by: int | None = None  # index in CoursePlan.certificates


@dataclass(slots=True)
class CoursePlan:
    course: CourseInfo
    started_at: datetime
    completions: list  # [(lesson_id, completed_at)]
    attempts: list  # [AttemptPlan]
    certificates: list  # [CertificatePlan]
    completed_at: datetime | None
    last_activity_at: datetime


@dataclass(slots=True)
class TraineePlan:
    email: str
    full_name: str
    agency: Place
    region: Place
    position: str
    language: str
    date_joined: datetime
    is_active: bool
    courses: list = field(default_factory=list)  # [CoursePlan]

    @property
    def last_login(self) -> datetime:
        return max([self.date_joined] + [course.last_activity_at for course in self.courses])


def add_months(day: date, months: int) -> date:
    from certificates.services import add_months as _add_months

    return _add_months(day, months)


def _expovariate_days(rng: random.Random, mean_days: float) -> timedelta:
    return timedelta(days=rng.expovariate(1 / mean_days))


def _name(rng: random.Random, female: bool) -> str:
    first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    if rng.random() < 0.25:
        return f"{first} {rng.choice(ZODA_SURNAMES)}"
    surname = rng.choice(SURNAMES)
    return f"{first} {surname}a" if female else f"{first} {surname}"


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs)
    return rng.choices(values, weights)[0]


def _score(rng: random.Random, passed: bool, pass_mark: int) -> int:
    """Right answers out of QUESTION_COUNT, on the correct side of the pass mark."""
    threshold = math.ceil(pass_mark * QUESTION_COUNT / 100)
    if passed:
        return rng.randint(threshold, QUESTION_COUNT)
    low = max(0, threshold - 6)
    return min(threshold - 1, low + int(rng.triangular(0, threshold - low, threshold - low)))


def _attempts(rng, start: datetime, fails: int, passes: bool, pass_mark: int) -> list[AttemptPlan]:
    attempts = []
    t = start
    for n in range(fails + (1 if passes else 0)):
        passed = passes and n == fails
        submitted = t + timedelta(minutes=rng.uniform(6, 29))
        attempts.append(AttemptPlan(t, submitted, _score(rng, passed, pass_mark), passed))
        # The seed assessments have a one-hour cool-down.
        t = submitted + timedelta(minutes=61) + _expovariate_days(rng, 3)
    return attempts


def _fit(start: datetime, times: list[datetime], limit: datetime) -> list[datetime]:
    """Squeeze a timeline that would run past ``limit`` so it ends before it, keeping order."""
    if not times or times[-1] <= limit:
        return times
    factor = (limit - start) / (times[-1] - start)
    return [start + (t - start) * factor for t in times]


def _plan_course(rng, course: CourseInfo, *, joined, now, zeal, can_certify, first_cohort, b: Behaviour) -> CoursePlan:
    lessons = course.lesson_ids
    if rng.random() < b.enrolled_only:
        done = 0
    elif rng.random() < min(0.98, b.finish_lessons * zeal):
        done = len(lessons)
    else:
        done = rng.randint(1, max(1, len(lessons) - 1))
    finished = done == len(lessons) and done > 0

    passes, fails = False, 0
    if finished and course.assessment_id:
        if can_certify and rng.random() < min(0.97, b.pass_eventually * zeal):
            passes = True
            while rng.random() > b.first_try:
                fails += 1
        else:
            fails = _weighted(rng, enumerate(b.attempts_without_pass))

    # The timeline: start, lessons a few days apart, then the attempts.
    t = joined + _expovariate_days(rng, 20 if first_cohort else 30)
    times = [t]
    for _lesson in range(done):
        t += _expovariate_days(rng, 2) + timedelta(minutes=5)
        times.append(t)
    attempts = _attempts(rng, t + _expovariate_days(rng, 1) + timedelta(minutes=10), fails, passes, course.pass_mark)
    for attempt in attempts:
        times += [attempt.started_at, attempt.submitted_at]
    times = _fit(joined, times, now - timedelta(minutes=10))
    started_at, lesson_times = times[0], times[1 : done + 1]
    for n, attempt in enumerate(attempts):
        attempt.started_at, attempt.submitted_at = times[done + 1 + 2 * n], times[done + 2 + 2 * n]

    plan = CoursePlan(
        course=course,
        started_at=started_at,
        completions=list(zip(lessons, lesson_times)),
        attempts=attempts,
        certificates=[],
        completed_at=attempts[-1].submitted_at if passes else None,
        last_activity_at=times[-1],
    )
    if passes:
        _plan_certificates(rng, plan, now=now, b=b)
    return plan


def _expiry(course: CourseInfo, issued_at: datetime) -> date | None:
    from django.utils import timezone

    if not course.validity_months:
        return None
    return add_months(timezone.localtime(issued_at).date(), course.validity_months)


def _plan_certificates(rng, plan: CoursePlan, *, now: datetime, b: Behaviour) -> None:
    """The certificate of the passing attempt; maybe a renewal superseding it; maybe revoked."""
    from django.utils import timezone

    course = plan.course
    first = plan.attempts[-1]
    certificate = CertificatePlan(len(plan.attempts) - 1, first.submitted_at, _expiry(course, first.submitted_at))
    plan.certificates.append(certificate)
    today = timezone.localdate(now)
    if certificate.expires_on is not None and rng.random() < b.renew:
        window = certificate.expires_on - timedelta(days=60)
        window_start = max(
            timezone.make_aware(datetime.combine(window, datetime.min.time())), first.submitted_at + timedelta(hours=2)
        )
        if window < today and window_start < now - timedelta(days=1):
            start = window_start + (now - timedelta(days=1) - window_start) * rng.random()
            fails = 0
            while rng.random() > 0.75:
                fails += 1
            renewal = _attempts(rng, start, fails, True, course.pass_mark)
            if renewal[-1].submitted_at < now - timedelta(minutes=10):
                plan.attempts += renewal
                newer = CertificatePlan(
                    len(plan.attempts) - 1, renewal[-1].submitted_at, _expiry(course, renewal[-1].submitted_at)
                )
                certificate.status, certificate.superseded_by = "superseded", len(plan.certificates)
                plan.certificates.append(newer)
                plan.last_activity_at = max(plan.last_activity_at, renewal[-1].submitted_at)
                certificate = newer
    if rng.random() < b.revoke:
        certificate.status = "revoked"
        certificate.revoked_at = certificate.issued_at + (now - certificate.issued_at) * rng.uniform(0.05, 0.95)


def plan_trainee(
    rng: random.Random, universe: Universe, index: int, *, now: datetime, behaviour: Behaviour
) -> TraineePlan:
    b = behaviour
    agency = universe.draw_agency(rng)
    region = universe.draw_region(rng, agency)
    female = rng.random() < b.female_share
    first_cohort = rng.random() < b.first_cohort_share
    if first_cohort:
        joined = now - timedelta(days=rng.uniform(HISTORY_DAYS + 5, HISTORY_DAYS + 180))
    else:
        # More sign-ups in the first months after the launch, a steady trickle since.
        joined = now - timedelta(days=2 + (HISTORY_DAYS - 2) * (1 - rng.random() ** 1.3))
    trainee = TraineePlan(
        email=f"trainee{index:07d}{EMAIL_SUFFIX}",
        full_name=_name(rng, female),
        agency=agency,
        region=region,
        position=rng.choice(POSITIONS.get(agency.code, DEFAULT_POSITIONS)),
        language=_weighted(rng, LANGUAGES),
        date_joined=joined,
        is_active=rng.random() >= b.inactive_share,
    )
    if rng.random() < b.dormant_share:
        return trainee
    zeal = rng.uniform(0.6, 1.4)
    can_certify = agency.code not in NO_CERTIFICATES_AGENCIES and region.code not in NO_CERTIFICATES_REGIONS
    courses = list(universe.courses)
    rng.shuffle(courses)
    for course in courses:
        required = agency.id in course.agency_ids
        if rng.random() < (b.start_required if required else b.start_optional):
            trainee.courses.append(
                _plan_course(
                    rng,
                    course,
                    joined=joined,
                    now=now,
                    zeal=zeal,
                    can_certify=can_certify,
                    first_cohort=first_cohort,
                    b=b,
                )
            )
    return trainee


def plan_headcounts(rng: random.Random, universe: Universe, registered: Counter, trainees: int) -> dict:
    """Staff per (agency_id, region_id): every cell. Registered trainees are 55-95 % of the
    staff where anyone registered; the gap cells have staff and no trainees; elsewhere 0."""
    codes = {(a.id, r.id): (a.code, r.code) for a in universe.agencies for r in universe.regions}
    staff = {}
    for cell, (agency_code, region_code) in codes.items():
        count = registered.get(cell, 0)
        if count:
            staff[cell] = math.ceil(count / rng.uniform(0.55, 0.95))
        elif (agency_code, region_code) in STAFF_WITHOUT_TRAINEES:
            staff[cell] = max(3, round(trainees * STAFF_WITHOUT_TRAINEES[(agency_code, region_code)]))
        else:
            staff[cell] = 0
    return staff


# --------------------------------------------------------------------------- the database


def load_universe() -> Universe:
    """Agencies, regions and the four seed courses (with lessons and assessments) as plain data."""
    from wagtail.models import Locale

    from accounts.models import Agency, Region
    from assessments.models import AssessmentPage
    from cms.seed_content import load_courses
    from courses.models import CoursePage, LessonPage

    def places(model):
        rows = model.objects.filter(is_active=True).order_by("sort_order", "name")
        return [
            Place(
                row["id"],
                row["code"],
                {"en": row["name"], "ru": row["name_ru"] or row["name"], "tg": row["name_tg"] or row["name"]},
            )
            for row in rows.values("id", "code", "name", "name_ru", "name_tg")
        ]

    locale = Locale.get_default()
    slugs = [module.COURSE["slug"] for module in load_courses()]
    courses = []
    for course in CoursePage.objects.filter(locale=locale, slug__in=slugs).live().order_by("path"):
        assessment = AssessmentPage.objects.child_of(course).live().first()
        courses.append(
            CourseInfo(
                id=course.pk,
                title=course.title,
                lesson_ids=tuple(
                    LessonPage.objects.child_of(course).live().order_by("path").values_list("pk", flat=True)
                ),
                assessment_id=assessment.pk if assessment else None,
                revision_id=assessment.live_revision_id if assessment else None,
                pass_mark=assessment.pass_mark if assessment else 80,
                validity_months=course.validity_months,
                agency_ids=frozenset(course.audiences.values_list("pk", flat=True)),
            )
        )
    return Universe(agencies=places(Agency), regions=places(Region), courses=courses)


def generated_users():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__endswith=EMAIL_SUFFIX)


@contextmanager
def stored_timestamps():
    """Let bulk_create store the planned dates instead of ``now`` (auto_now/auto_now_add off)."""
    from assessments.models import Attempt
    from courses.models import Enrolment, LessonCompletion

    fields = [
        Enrolment._meta.get_field("started_at"),
        Enrolment._meta.get_field("last_activity_at"),
        LessonCompletion._meta.get_field("completed_at"),
        Attempt._meta.get_field("started_at"),
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


@dataclass
class Totals:
    users: int = 0
    enrolments: int = 0
    completions: int = 0
    attempts: int = 0
    certificates: int = 0
    by_status: Counter = field(default_factory=Counter)
    headcounts: int = 0
    seconds: Counter = field(default_factory=Counter)  # wall time per phase

    @contextmanager
    def timing(self, phase: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[phase] += time.perf_counter() - started

    def line(self) -> str:
        return (
            f"enrolments {self.enrolments:,} · completions {self.completions:,} · "
            f"attempts {self.attempts:,} · certificates {self.certificates:,}"
        )


class AlreadyGenerated(Exception):
    pass


def _build_users(plans: list[TraineePlan], password: str) -> list:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return [
        User(
            email=p.email,
            full_name=p.full_name,
            agency_id=p.agency.id,
            region_id=p.region.id,
            position=p.position,
            preferred_language=p.language,
            date_joined=p.date_joined,
            last_login=p.last_login if p.courses else None,
            is_active=p.is_active,
            password=password,
        )
        for p in plans
    ]


def _build_progress(users: list, plans: list[TraineePlan]) -> tuple[list, list, list]:
    """Enrolments, lesson completions and attempts of saved users (in plan order)."""
    from assessments.models import Attempt
    from courses.models import Enrolment, LessonCompletion

    enrolments, completions, attempts = [], [], []
    for user, plan in zip(users, plans):
        for course_plan in plan.courses:
            course = course_plan.course
            enrolments.append(
                Enrolment(
                    user_id=user.pk,
                    course_id=course.id,
                    started_at=course_plan.started_at,
                    completed_at=course_plan.completed_at,
                    last_activity_at=course_plan.last_activity_at,
                )
            )
            completions += [
                LessonCompletion(user_id=user.pk, lesson_id=lesson_id, course_id=course.id, completed_at=at)
                for lesson_id, at in course_plan.completions
            ]
            for a in course_plan.attempts:
                answers, results = ANSWERS[a.correct]
                attempts.append(
                    Attempt(
                        user_id=user.pk,
                        assessment_id=course.assessment_id,
                        course_id=course.id,
                        revision_id=course.revision_id,
                        language=plan.language,
                        questions=QUESTIONS,
                        pass_mark=course.pass_mark,
                        show_correct_answers=True,
                        status=Attempt.Status.SUBMITTED,
                        started_at=a.started_at,
                        deadline_at=a.started_at + timedelta(minutes=30),
                        submitted_at=a.submitted_at,
                        answers=answers,
                        results=results,
                        points=Decimal(a.correct),
                        max_points=QUESTION_COUNT,
                        score=100 * a.correct // QUESTION_COUNT,
                        passed=a.passed,
                    )
                )
    return enrolments, completions, attempts


def _build_certificates(
    users, plans, attempts, *, generator_id: int, codes_seen: set, rng, totals
) -> tuple[list, list]:
    """Certificates of saved attempts: (current ones, [(superseded one, its successor)])."""
    from certificates import codes
    from certificates.models import Certificate

    def new_code() -> str:
        while True:
            code = codes.generate()
            if code not in codes_seen:
                codes_seen.add(code)
                return code

    attempt_ids = iter([attempt.pk for attempt in attempts])
    current, superseded = [], []
    for user, plan in zip(users, plans):
        agency_name = plan.agency.names.get(plan.language, plan.agency.names["en"])
        for course_plan in plan.courses:
            ids = [next(attempt_ids) for _attempt in course_plan.attempts]
            built = [
                Certificate(
                    code=new_code(),
                    user_id=user.pk,
                    course_id=course_plan.course.id,
                    attempt_id=ids[cert.attempt],
                    holder_name=plan.full_name,
                    agency_name=agency_name,
                    agency_id=plan.agency.id,
                    region_id=plan.region.id,
                    course_title=course_plan.course.title,
                    language=plan.language,
                    issued_at=cert.issued_at,
                    expires_on=cert.expires_on,
                    status=cert.status,
                    revoked_at=cert.revoked_at,
                    revocation_reason=rng.choice(REVOCATION_REASONS) if cert.status == "revoked" else "",
                    revoked_by_id=generator_id if cert.status == "revoked" else None,
                )
                for cert in course_plan.certificates
            ]
            for cert, certificate in zip(course_plan.certificates, built):
                totals.by_status[cert.status] += 1
                if cert.superseded_by is None:
                    current.append(certificate)
                else:
                    superseded.append((certificate, built[cert.superseded_by]))
    return current, superseded


def _write_chunk(
    plans: list[TraineePlan],
    *,
    password: str,
    generator_id: int,
    batch_size: int,
    codes_seen: set,
    rng: random.Random,
    totals: Totals,
) -> None:
    from django.contrib.auth import get_user_model
    from django.db import reset_queries

    from assessments.models import Attempt
    from certificates.models import Certificate
    from courses.models import Enrolment, LessonCompletion

    with totals.timing("build objects"):
        users = _build_users(plans, password)
    with totals.timing("insert users"):
        get_user_model().objects.bulk_create(users, batch_size=batch_size)
    with totals.timing("build objects"):
        enrolments, completions, attempts = _build_progress(users, plans)
    with totals.timing("insert enrolments"):
        Enrolment.objects.bulk_create(enrolments, batch_size=batch_size)
    with totals.timing("insert completions"):
        LessonCompletion.objects.bulk_create(completions, batch_size=batch_size)
    with totals.timing("insert attempts"):
        Attempt.objects.bulk_create(attempts, batch_size=batch_size)
    # Certificates point at their attempts (ids now known) and a superseded certificate at
    # its renewal, so the current certificates go in first.
    with totals.timing("build objects"):
        current, superseded = _build_certificates(
            users, plans, attempts, generator_id=generator_id, codes_seen=codes_seen, rng=rng, totals=totals
        )
    with totals.timing("insert certificates"):
        Certificate.objects.bulk_create(current, batch_size=batch_size)
        for certificate, successor in superseded:
            certificate.superseded_by_id = successor.pk
        Certificate.objects.bulk_create([c for c, _s in superseded], batch_size=batch_size)
    reset_queries()  # with DEBUG on, every multi-megabyte INSERT would be kept in connection.queries

    totals.users += len(users)
    totals.enrolments += len(enrolments)
    totals.completions += len(completions)
    totals.attempts += len(attempts)
    totals.certificates += len(current) + len(superseded)


def generate(
    *,
    trainees: int = DEFAULT_TRAINEES,
    seed: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    behaviour: Behaviour | None = None,
    now: datetime | None = None,
    log=print,
) -> Totals:
    """Plan and insert ``trainees`` synthetic trainees with their history. One transaction."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from reports.models import Headcount

    if generated_users().exists():
        raise AlreadyGenerated(
            f"Generated data already exists (users @{DOMAIN}). "
            "Run with --clear to replace it, or --clear-only to remove it."
        )
    behaviour = behaviour or Behaviour()
    now = (now or timezone.now()).replace(microsecond=0)
    rng = random.Random(seed)
    started = time.monotonic()
    totals = Totals()
    universe = load_universe()
    if not universe.agencies or not universe.regions:
        raise ValueError("No active agencies or regions: run the migrations first.")
    password = make_password(None)  # unusable, hashed once and shared: these accounts cannot log in
    registered = Counter()
    codes_seen: set = set()

    with transaction.atomic(), stored_timestamps():
        User = get_user_model()
        # The generator's own account: revokes the revoked certificates and owns the headcounts.
        [generator] = User.objects.bulk_create(
            [User(email=GENERATOR_EMAIL, full_name="Load data generator", password=password, is_active=False)]
        )
        for first in range(0, trainees, batch_size):
            with totals.timing("plan"):
                plans = [
                    plan_trainee(rng, universe, index, now=now, behaviour=behaviour)
                    for index in range(first, min(trainees, first + batch_size))
                ]
            for plan in plans:
                registered[(plan.agency.id, plan.region.id)] += 1
            _write_chunk(
                plans,
                password=password,
                generator_id=generator.pk,
                batch_size=batch_size,
                codes_seen=codes_seen,
                rng=rng,
                totals=totals,
            )
            log(f"users {totals.users:,}/{trainees:,} · {totals.line()} · {time.monotonic() - started:.1f} s")

        staff = plan_headcounts(rng, universe, registered, trainees)
        # seed_demo's illustrative numbers (nobody entered them) make way for the generated
        # ones; numbers a coordinator entered are kept.
        replaced = Headcount.objects.filter(updated_by__isnull=True).delete()[0]
        existing = set(Headcount.objects.values_list("agency_id", "region_id"))
        headcounts = Headcount.objects.bulk_create(
            [
                Headcount(agency_id=a, region_id=r, staff=n, updated_by_id=generator.pk)
                for (a, r), n in staff.items()
                if (a, r) not in existing
            ],
            batch_size=batch_size,
        )
        totals.headcounts = len(headcounts)
        if replaced:
            log(f"headcounts: replaced {replaced} illustrative ones (seed_demo)")
        if existing:
            log(f"headcounts: {len(existing)} cells entered by a coordinator were left as they are")
        committing = time.perf_counter()
    totals.seconds["commit"] += time.perf_counter() - committing
    with totals.timing("analyze"):
        analyze()
    log(f"headcounts {totals.headcounts:,} · committed and analysed · {time.monotonic() - started:.1f} s")
    return totals


ANALYZED_TABLES = (
    "accounts_user",
    "courses_enrolment",
    "courses_lessoncompletion",
    "assessments_attempt",
    "certificates_certificate",
    "reports_headcount",
)


def analyze() -> None:
    """Refresh the planner's statistics after a bulk load, as autovacuum eventually would."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in ANALYZED_TABLES:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")


def clear(*, batch_size: int = DEFAULT_BATCH_SIZE, log=print) -> dict:
    """Delete the generated users and every row that belongs to them, nothing else."""
    from django.db import transaction

    from assessments.models import Attempt
    from certificates.models import Certificate
    from courses.models import Enrolment, LessonCompletion
    from reports.models import Headcount

    started = time.monotonic()
    deleted = Counter()
    user_ids = list(generated_users().order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        deleted["headcounts"] = Headcount.objects.filter(updated_by__email__endswith=EMAIL_SUFFIX).delete()[0]
        step = max(batch_size, 10_000)
        for first in range(0, len(user_ids), step):
            chunk = user_ids[first : first + step]
            certificates = Certificate.objects.filter(user_id__in=chunk)
            certificates.exclude(superseded_by=None).update(superseded_by=None)
            deleted["certificates"] += certificates.only("pk").delete()[1].get(Certificate._meta.label, 0)
            deleted["attempts"] += Attempt.objects.filter(user_id__in=chunk).only("pk").delete()[0]
            deleted["completions"] += LessonCompletion.objects.filter(user_id__in=chunk).delete()[0]
            deleted["enrolments"] += Enrolment.objects.filter(user_id__in=chunk).delete()[0]
            users = generated_users().filter(pk__in=chunk)
            deleted["users"] += users.delete()[1].get(users.model._meta.label, 0)
            log(
                f"cleared users {min(first + step, len(user_ids)):,}/{len(user_ids):,} · {time.monotonic() - started:.1f} s"
            )
    return dict(deleted)

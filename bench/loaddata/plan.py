"""Planning: each trainee's story drawn as plain data (seeded, no database), so every rule holds
by construction (see ``bench.loaddata``)."""

import math
import random
from bisect import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate

from django.utils import timezone

from bench.loaddata.country import (
    AGENCY_WEIGHTS,
    DEFAULT_POSITIONS,
    DEFAULT_REGION_WEIGHTS,
    EMAIL_SUFFIX,
    FEMALE_NAMES,
    HISTORY_DAYS,
    LANGUAGES,
    MALE_NAMES,
    NO_CERTIFICATES_AGENCIES,
    NO_CERTIFICATES_REGIONS,
    POSITIONS,
    REGION_WEIGHTS,
    STAFF_WITHOUT_TRAINEES,
    SURNAMES,
    UNKNOWN_AGENCY_WEIGHT,
    ZODA_SURNAMES,
)
from certificates.models import RENEWAL_WINDOW
from certificates.services import certificate_expiry

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
    passed: bool  # the answers are drawn to agree (bench.loaddata.responses)


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


def _expovariate_days(rng: random.Random, mean_days: float) -> timedelta:
    return timedelta(days=rng.expovariate(1 / mean_days))


def _name(rng: random.Random, female: bool) -> str:
    first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    if rng.random() < 0.25:
        return f"{first} {rng.choice(ZODA_SURNAMES)}"
    surname = rng.choice(SURNAMES)
    return f"{first} {surname}a" if female else f"{first} {surname}"


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _attempts(rng, start: datetime, fails: int, passes: bool) -> list[AttemptPlan]:
    attempts = []
    t = start
    for n in range(fails + (1 if passes else 0)):
        passed = passes and n == fails
        submitted = t + timedelta(minutes=rng.uniform(6, 29))
        attempts.append(AttemptPlan(t, submitted, passed))
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
    attempts = _attempts(rng, t + _expovariate_days(rng, 1) + timedelta(minutes=10), fails, passes)
    for attempt in attempts:
        times += [attempt.started_at, attempt.submitted_at]
    times = _fit(joined, times, now - timedelta(minutes=10))
    started_at, lesson_times = times[0], times[1 : done + 1]
    for n, attempt in enumerate(attempts):
        attempt.started_at, attempt.submitted_at = times[done + 1 + 2 * n], times[done + 2 + 2 * n]

    plan = CoursePlan(
        course=course,
        started_at=started_at,
        completions=list(zip(lessons, lesson_times, strict=False)),
        attempts=attempts,
        certificates=[],
        completed_at=attempts[-1].submitted_at if passes else None,
        last_activity_at=times[-1],
    )
    if passes:
        _plan_certificates(rng, plan, now=now, b=b)
    return plan


def _expiry(course: CourseInfo, issued_at: datetime) -> date | None:
    return certificate_expiry(issued_at=issued_at, validity_months=course.validity_months)


def _plan_certificates(rng, plan: CoursePlan, *, now: datetime, b: Behaviour) -> None:
    """The certificate of the passing attempt; maybe a renewal superseding it; maybe revoked."""
    course = plan.course
    first = plan.attempts[-1]
    certificate = CertificatePlan(len(plan.attempts) - 1, first.submitted_at, _expiry(course, first.submitted_at))
    plan.certificates.append(certificate)
    today = timezone.localdate(now)
    if certificate.expires_on is not None and rng.random() < b.renew:
        window = certificate.expires_on - RENEWAL_WINDOW
        window_start = max(
            timezone.make_aware(datetime.combine(window, datetime.min.time())), first.submitted_at + timedelta(hours=2)
        )
        if window < today and window_start < now - timedelta(days=1):
            start = window_start + (now - timedelta(days=1) - window_start) * rng.random()
            fails = 0
            while rng.random() > 0.75:
                fails += 1
            renewal = _attempts(rng, start, fails, True)
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

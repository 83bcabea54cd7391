"""Writing: planned trainees turned into model instances (``rows``) and inserted in chunks with
``bulk_create``; and removing everything generated (see ``bench.loaddata``)."""

import random
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, reset_queries, transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import Agency, Region
from assessments.models import AssessmentPage, Attempt, ItemResponse
from assessments.services import item_responses
from bench.loaddata import programme
from bench.loaddata.country import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_TRAINEES,
    DOMAIN,
    EMAIL_SUFFIX,
    GENERATOR_EMAIL,
)
from bench.loaddata.plan import (
    Behaviour,
    CourseInfo,
    Place,
    TraineePlan,
    Universe,
    plan_headcounts,
    plan_trainee,
)
from bench.loaddata.responses import Planted, Responses, build_quiz
from bench.loaddata.rows import build_certificates, build_progress, build_users
from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from programme.models import Requirement
from reports.models import Headcount

# --------------------------------------------------------------------------- the database

ATTEMPT_BATCH_SIZE = 1_000
# A response is a narrow row: many go in one INSERT.
RESPONSE_BATCH_SIZE = 5_000


def load_universe(course_slugs) -> Universe:
    """Agencies, regions and the seed courses named by ``course_slugs`` (with lessons and
    assessments) as plain data."""

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
    slugs = list(course_slugs)
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
                agency_ids=frozenset(
                    Requirement.objects.filter(course=course, is_active=True).values_list("agency_id", flat=True)
                ),
            )
        )
    return Universe(agencies=places(Agency), regions=places(Region), courses=courses)


def load_responses(universe: Universe, seed: int) -> Responses:
    """The seed assessments as the response model answers them, read from the database (their
    questions change with the seed texts): every language's page, one difficulty per question,
    and the planted mistranslation in the first course's assessment."""
    rng = random.Random(f"questions-{seed}")
    default_language = Locale.get_default().language_code
    quizzes, planted = {}, None
    for course in universe.courses:
        if course.assessment_id is None:
            continue
        default = AssessmentPage.objects.get(pk=course.assessment_id)
        pages = AssessmentPage.objects.filter(translation_key=default.translation_key).live().select_related("locale")
        streams = {page.locale.language_code: page.questions for page in pages}
        streams[default_language] = default.questions
        quiz, question = build_quiz(
            streams,
            default_language=default_language,
            per_attempt=default.questions_per_attempt,
            shuffle_choices=default.shuffle_choices,
            rng=rng,
            plant=planted is None,
        )
        if question is not None:
            planted = Planted(course_title=course.title, question_id=question["id"], text=question["text"])
        quizzes[course.assessment_id] = quiz
    return Responses(quizzes, planted, seed)


def generated_users():
    return get_user_model().objects.filter(email__endswith=EMAIL_SUFFIX)


@contextmanager
def stored_timestamps():
    """Let bulk_create store the planned dates instead of ``now`` (auto_now/auto_now_add off)."""
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
    requirements: int = 0
    assignments: int = 0
    seconds: Counter = field(default_factory=Counter)  # wall time per phase
    planted: Planted | None = None
    responses: Responses | None = None

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


def _write_chunk(
    plans: list[TraineePlan],
    *,
    password: str,
    generator_id: int,
    batch_size: int,
    codes_seen: set,
    rng: random.Random,
    responses: Responses,
    totals: Totals,
) -> None:

    with totals.timing("build objects"):
        users = build_users(plans, password)
    with totals.timing("insert users"):
        get_user_model().objects.bulk_create(users, batch_size=batch_size)
    with totals.timing("build objects"):
        enrolments, completions, attempts = build_progress(users, plans, responses)
    with totals.timing("insert enrolments"):
        Enrolment.objects.bulk_create(enrolments, batch_size=batch_size)
    with totals.timing("insert completions"):
        LessonCompletion.objects.bulk_create(completions, batch_size=batch_size)
    with totals.timing("insert attempts"):
        # An attempt carries its questions' texts (~10 kB): smaller INSERTs keep the statements and
        # the driver's buffers small.
        Attempt.objects.bulk_create(attempts, batch_size=min(batch_size, ATTEMPT_BATCH_SIZE))
    # What grading writes with a submitted attempt, for the item analysis (attempt ids now known).
    with totals.timing("build objects"):
        responses_written = [response for attempt in attempts for response in item_responses(attempt)]
    with totals.timing("insert item responses"):
        ItemResponse.objects.bulk_create(responses_written, batch_size=max(batch_size, RESPONSE_BATCH_SIZE))
    # Certificates point at their attempts (ids now known) and a superseded certificate at
    # its renewal, so the current certificates go in first.
    with totals.timing("build objects"):
        current, superseded = build_certificates(
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
    course_slugs,
    trainees: int = DEFAULT_TRAINEES,
    seed: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    behaviour: Behaviour | None = None,
    now: datetime | None = None,
    with_programme: bool = True,
    log=print,
) -> Totals:
    """Plan and insert ``trainees`` synthetic trainees with their history in the courses of
    ``course_slugs`` (the demo's seed courses). One transaction."""

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
    universe = load_universe(course_slugs)
    if not universe.agencies or not universe.regions:
        raise ValueError("No active agencies or regions: run the migrations first.")
    responses = load_responses(universe, seed)
    totals.planted, totals.responses = responses.planted, responses
    if responses.planted:
        p = responses.planted
        log(
            f"planted mistranslation: {p.course_title}, question {p.question_id} ({p.text!r}), "
            f"answered right {p.gap:.0%} less often in {p.language}"
        )
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
                responses=responses,
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
        if with_programme:
            with totals.timing("programme"):
                totals.requirements, totals.assignments = programme.generate(
                    universe=universe, users=generated_users(), batch_size=batch_size, log=log
                )
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
    "assessments_itemresponse",
    "certificates_certificate",
    "reports_headcount",
    "programme_assignment",
)


def analyze() -> None:
    """Refresh the planner's statistics after a bulk load, as autovacuum eventually would."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in ANALYZED_TABLES:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")


def clear(*, batch_size: int = DEFAULT_BATCH_SIZE, log=print) -> dict:
    """Delete the generated users and every row that belongs to them, nothing else."""

    started = time.monotonic()
    deleted = Counter()
    user_ids = list(generated_users().order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        deleted["headcounts"] = Headcount.objects.filter(updated_by__email__endswith=EMAIL_SUFFIX).delete()[0]
        deleted["requirements"] = programme.clear_requirements()
        step = max(batch_size, 10_000)
        for first in range(0, len(user_ids), step):
            chunk = user_ids[first : first + step]
            for name, n in programme.clear(user_ids=chunk).items():
                deleted[name] += n
            certificates = Certificate.objects.filter(user_id__in=chunk)
            certificates.exclude(superseded_by=None).update(superseded_by=None)
            deleted["certificates"] += certificates.only("pk").delete()[1].get(Certificate._meta.label, 0)
            # The attempts' item responses go with them (cascade): counted apart.
            _total, by_model = Attempt.objects.filter(user_id__in=chunk).only("pk").delete()
            deleted["attempts"] += by_model.get(Attempt._meta.label, 0)
            deleted["item responses"] += by_model.get(ItemResponse._meta.label, 0)
            deleted["completions"] += LessonCompletion.objects.filter(user_id__in=chunk).delete()[0]
            deleted["enrolments"] += Enrolment.objects.filter(user_id__in=chunk).delete()[0]
            users = generated_users().filter(pk__in=chunk)
            deleted["users"] += users.delete()[1].get(users.model._meta.label, 0)
            done = min(first + step, len(user_ids))
            log(f"cleared users {done:,}/{len(user_ids):,} · {time.monotonic() - started:.1f} s")
    return dict(deleted)

"""The bench trainees and what they do: prepared with a known password, their progress reset to
the same place before every run, a certificate each, and the URLs they visit.

Imports the models: import it only after ``server.configure()`` has set Django up.
"""

import random
import sys

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from accounts.models import Agency, Region
from assessments import grading as q
from assessments.models import Attempt
from assessments.selectors import course_assessment
from bench.loaddata.bulk import generated_users
from bench.loaddata.country import LANGUAGES
from bench.loadtest.common import EMAIL, GENERATE, OUT, PASSWORD, say
from certificates.models import Certificate
from certificates.pdf import certificate_render
from certificates.services import certificate_issue
from courses.models import Enrolment, LessonCompletion
from courses.selectors import catalogue_courses, catalogue_page, course_lessons

User = get_user_model()


def check_data() -> None:
    if not generated_users().exists() or catalogue_courses(locale=Locale.get_default()).count() < 4:
        say(f"No generated data in this database. Create it first:\n    {GENERATE}")
        sys.exit(2)


def courses_in_roles():
    """The four seed courses (default language): certified, two assessments open, not started."""

    courses = list(catalogue_courses(locale=Locale.get_default())[:4])
    return courses[0], courses[1:3], courses[3]


def language_mix(count: int) -> list[str]:
    """The generated trainees' languages (bench.loaddata.country.LANGUAGES), spread evenly."""
    total = sum(weight for _code, weight in LANGUAGES)
    languages = []
    for code, weight in LANGUAGES:
        languages += [code] * round(count * weight / total)
    languages = (languages + [LANGUAGES[0][0]] * count)[:count]
    random.Random(7).shuffle(languages)
    return languages


def prepare_trainees(count: int):
    """Bench trainees with a known password and a confirmed address; reused when present."""

    emails = [EMAIL.format(n) for n in range(1, count + 1)]
    languages = dict(zip(emails, language_mix(count), strict=True))
    password = make_password(PASSWORD)  # one hash for all: hashing 200 times would take a minute
    agencies = list(Agency.objects.filter(is_active=True).order_by("sort_order", "pk"))
    regions = list(Region.objects.filter(is_active=True).order_by("sort_order", "pk"))
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    User.objects.bulk_create(
        [
            User(
                email=email,
                full_name=f"Bench Trainee {n:03d}",
                password=password,
                agency=agencies[n % len(agencies)],
                region=regions[n % len(regions)],
                position="Officer",
                preferred_language=languages[email],
            )
            for n, email in enumerate(emails, start=1)
            if email not in existing
        ]
    )
    users = list(User.objects.filter(email__in=emails).order_by("email"))
    User.objects.filter(pk__in=[u.pk for u in users]).update(password=password, is_active=True, erased_at=None)
    for user in users:
        if user.preferred_language != languages[user.email]:
            User.objects.filter(pk=user.pk).update(preferred_language=languages[user.email])
            user.preferred_language = languages[user.email]
    verified = set(EmailAddress.objects.filter(user__in=users, verified=True).values_list("user_id", flat=True))
    EmailAddress.objects.filter(user__in=users).exclude(user_id__in=verified).delete()
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users if u.pk not in verified]
    )
    return users


def reset_progress(users) -> None:
    """Every bench trainee starts the run in the same place, whatever the last run left."""

    certified, open_courses, _fresh = courses_in_roles()
    done = [certified, *open_courses]
    now = timezone.now()
    with transaction.atomic():
        kept = Certificate.objects.filter(user__in=users, course=certified, status=Certificate.Status.VALID)
        stale = Certificate.objects.filter(user__in=users).exclude(pk__in=kept.values("pk"))
        Certificate.objects.filter(user__in=users).exclude(superseded_by=None).update(superseded_by=None)
        stale.delete()
        Attempt.objects.filter(user__in=users).exclude(pk__in=kept.values("attempt_id")).delete()
        LessonCompletion.objects.filter(user__in=users).exclude(course__in=done).delete()
        Enrolment.objects.filter(user__in=users).exclude(course__in=done).delete()
        completions = []
        for course in done:
            for lesson in course_lessons(course=course):
                completions += [LessonCompletion(user=u, lesson=lesson, course=course) for u in users]
        LessonCompletion.objects.bulk_create(completions, ignore_conflicts=True)
        Enrolment.objects.bulk_create(
            [Enrolment(user=u, course=course) for course in done for u in users], ignore_conflicts=True
        )
        Enrolment.objects.filter(user__in=users, course__in=open_courses).update(completed_at=None)
        Enrolment.objects.filter(user__in=users, course=certified, completed_at=None).update(completed_at=now)


def ensure_certificates(users) -> None:
    """A valid certificate of the first course for every bench trainee, its PDF on disk."""

    certified, _open, _fresh = courses_in_roles()
    assessment = course_assessment(course=certified)
    have = set(
        Certificate.objects.filter(user__in=users, course=certified, status=Certificate.Status.VALID).values_list(
            "user_id", flat=True
        )
    )
    missing = [u for u in users if u.pk not in have]
    if missing:
        say(f"  issuing {len(missing)} certificates (PDFs rendered once, kept in {OUT / 'private-media'})…")
    for user in missing:
        items = q.draw(assessment.questions, per_attempt=assessment.questions_per_attempt)
        with transaction.atomic():
            attempt = Attempt.objects.create(
                user=user,
                assessment=assessment,
                course=certified,
                revision_id=assessment.live_revision_id,
                language=user.preferred_language,
                questions=items,
                pass_mark=assessment.pass_mark,
                status=Attempt.Status.SUBMITTED,
                submitted_at=timezone.now(),
                points=1,
                max_points=1,
                score=100,
                passed=True,
            )
            certificate_issue(attempt=attempt)
    rendered = 0
    for certificate in Certificate.objects.filter(user__in=users, course=certified, status=Certificate.Status.VALID):
        if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
            certificate_render(certificate=certificate)
            rendered += 1
    if rendered:
        say(f"  rendered {rendered} missing certificate PDFs")


def page_plan() -> dict:
    """The URLs each language's trainees visit."""

    certified, open_courses, fresh = courses_in_roles()
    plan = {}
    for locale in Locale.objects.all():
        code = locale.language_code

        def translated(page, locale=locale):
            return page.get_translation_or_none(locale) or page

        courses = [translated(c) for c in (certified, *open_courses, fresh)]
        with translation.override(code):
            urls = {
                "my_learning": reverse("my_learning"),
                "certificates": reverse("my_certificates"),
                "lesson_complete": reverse("lesson_complete", args=[123456789]).replace("123456789", "{id}"),
            }
        catalogue = catalogue_page(locale=locale)
        assessments = [course_assessment(course=c) for c in courses]
        plan[code] = urls | {
            "catalogue": catalogue.url,
            "courses": [c.url for c in courses],
            "lessons": [lesson.url for c in courses for lesson in course_lessons(course=c)],
            "progress_lessons": [(lesson.url, lesson.pk) for lesson in course_lessons(course=courses[3])],
            "open_assessments": [a.url for a in assessments[1:3] if a],
            "assessments": [a.url for a in assessments if a],
        }
    return plan

"""Today's per-agency "required courses" (CoursePage.audiences) become requirements.

Every (course, agency) becomes a requirement due 90 days after joining, recurring, starting the
day the course was first published (today when it never was). Every active trainee of the agency
gets an assignment due 90 days after they joined: the old fixed "overdue after 90 days", so the
dashboard's figures do not jump; completed where they hold a valid certificate of the course.
Translations carry the same audiences: they count once, for the default-language course.
"""

from datetime import timedelta

from django.conf import settings
from django.db import migrations
from django.db.models import Q
from django.utils import timezone

BATCH = 2000


def local_date(value):
    return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()


def forwards(apps, schema_editor):
    CoursePage = apps.get_model("courses", "CoursePage")
    Locale = apps.get_model("wagtailcore", "Locale")
    Requirement = apps.get_model("programme", "Requirement")
    Assignment = apps.get_model("programme", "Assignment")
    Certificate = apps.get_model("certificates", "Certificate")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    through = CoursePage.audiences.through

    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    canonical = {}
    for page in CoursePage.objects.filter(locale=default).only("pk", "translation_key", "first_published_at"):
        canonical[page.translation_key] = page
    pairs = {}
    for course_key, agency_id in through.objects.values_list("coursepage__translation_key", "agency_id"):
        course = canonical.get(course_key)
        if course is not None:
            pairs.setdefault((course.pk, agency_id), course)
    today = timezone.localdate()
    now = timezone.now()
    for (course_id, agency_id), course in sorted(pairs.items()):
        if Requirement.objects.filter(course_id=course_id, agency_id=agency_id).exists():
            continue
        starts_on = local_date(course.first_published_at) if course.first_published_at else today
        requirement = Requirement.objects.create(
            course_id=course_id,
            agency_id=agency_id,
            due_rule="after_joining",
            due_days=90,
            starts_on=starts_on,
            recurs=True,
            apply_state="done",
            applied_at=now,
        )
        trainees = User.objects.filter(is_active=True, erased_at__isnull=True, agency_id=agency_id)
        ids = list(trainees.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            held = set(
                Assignment.objects.filter(course_id=course_id, user_id__in=chunk, ended_at__isnull=True).values_list(
                    "user_id", flat=True
                )
            )
            certificates = {
                user_id: (pk, issued_at)
                for user_id, pk, issued_at in Certificate.objects.filter(
                    course_id=course_id, user_id__in=chunk, status="valid"
                )
                .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
                .values_list("user_id", "pk", "issued_at")
            }
            rows = []
            for user_id, joined in User.objects.filter(pk__in=chunk).values_list("pk", "date_joined"):
                if user_id in held:
                    continue
                certificate = certificates.get(user_id)
                rows.append(
                    Assignment(
                        user_id=user_id,
                        course_id=course_id,
                        requirement=requirement,
                        cycle=1,
                        assigned_at=joined,
                        due_on=local_date(joined) + timedelta(days=90),
                        certificate_id=certificate[0] if certificate else None,
                        completed_at=certificate[1] if certificate else None,
                    )
                )
            Assignment.objects.bulk_create(rows, batch_size=BATCH)
        Requirement.objects.filter(pk=requirement.pk).update(apply_total=len(ids), apply_done=len(ids))


def backwards(apps, schema_editor):
    """The audiences come back from the requirements (which stay, with their assignments)."""
    CoursePage = apps.get_model("courses", "CoursePage")
    Requirement = apps.get_model("programme", "Requirement")
    through = CoursePage.audiences.through
    for course_id, agency_id in Requirement.objects.values_list("course_id", "agency_id").distinct():
        through.objects.get_or_create(coursepage_id=course_id, agency_id=agency_id)


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0001_initial"),
        ("courses", "0002_search_text"),
        ("certificates", "0002_certificate_pdf_private_storage"),
        ("accounts", "0007_one_language_preference"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

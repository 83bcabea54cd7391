"""Building the site tree and demo data (used by ``manage.py seed_demo``)."""

import secrets
import uuid
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Locale, Page, Site, Workflow, WorkflowPage

from accounts.models import Agency, CoordinatorScope, Region
from assessments.models import AssessmentPage
from cms.models import HomePage
from cms.seed_content import load_courses
from cms.seed_translations import translate_seed_pages
from courses.models import CourseIndexPage, CoursePage, LessonPage

DEMO_PASSWORD = "frontline-demo"
# The demo coordinator's and administrator's authenticator secret (development only): reports and
# the user admin need a second factor.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPFRONTLINEDEMOKEY"
# Seeded blocks get ids derived from the course and position, so every installation (and every
# translation) of a seed assessment grades the same answers the same way.
SEED_NAMESPACE = uuid.UUID("6f1c2a64-8d0b-4f7e-9a51-3c2d7e9b1f40")


@dataclass
class SeedReport:
    created_pages: list = field(default_factory=list)
    created_users: list = field(default_factory=list)
    passwords: dict = field(default_factory=dict)
    totp_secrets: dict = field(default_factory=dict)


def ensure_locales() -> None:
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_home_page(report: SeedReport) -> HomePage:
    """A HomePage as the default site's root, replacing Wagtail's welcome page."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's "Welcome" placeholder takes the slug we want; it has no content to keep.
        Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore", numchild=0
        ).delete()
        home = root.add_child(
            instance=HomePage(
                title="Frontline",
                slug="home",
                headline="Training for the officials who meet victims of trafficking first",
                intro=(
                    "<p>Short, practical courses for police officers, border guards, consular staff and "
                    "migration officers in Tajikistan: how to recognise a victim of trafficking, how to "
                    "interview them without harm, and how to protect their rights.</p>"
                ),
            )
        )
        home.save_revision().publish()
        report.created_pages.append(home.title)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Frontline")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def ensure_catalogue(home: HomePage, report: SeedReport) -> CourseIndexPage:
    catalogue = CourseIndexPage.objects.child_of(home).first()
    if catalogue is None:
        catalogue = home.add_child(
            instance=CourseIndexPage(
                title="Courses",
                slug="courses",
                intro=(
                    "Each course takes about an hour and a half, lesson by lesson, on a phone or a computer. "
                    "Pass its assessment to receive a certificate that anyone can verify."
                ),
            )
        )
        catalogue.save_revision().publish()
        report.created_pages.append(catalogue.title)
    return catalogue


def with_block_ids(stream: list[dict], *path) -> list[dict]:
    """A raw lesson body with stable ids on every block and list item.

    wagtail-localize translates list items only when they carry ids, and stable ids keep the
    translation files valid across installations.
    """
    blocks = []
    for index, block in enumerate(stream):
        value = block["value"]
        if isinstance(value, dict):
            value = {
                key: [
                    {"type": "item", "id": _seed_id(*path, index, key, n), "value": item}
                    for n, item in enumerate(items)
                ]
                if isinstance(items, list)
                else items
                for key, items in value.items()
            }
        blocks.append({"type": block["type"], "id": _seed_id(*path, index), "value": value})
    return blocks


def ensure_course(catalogue: CourseIndexPage, data: dict, report: SeedReport) -> CoursePage:
    """Create a seed course and its lessons once; an existing course is left as editors made it."""
    course = CoursePage.objects.child_of(catalogue).filter(slug=data["slug"]).first()
    if course is not None:
        return course
    course = catalogue.add_child(
        instance=CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            learning_outcomes=[
                {"type": "outcome", "id": _seed_id(data["slug"], "outcome", n), "value": text}
                for n, text in enumerate(data["learning_outcomes"])
            ],
            estimated_minutes=data["estimated_minutes"],
            validity_months=data["validity_months"],
        )
    )
    course.audiences.set(Agency.objects.filter(code__in=data["required_for"]))
    course.save_revision().publish()
    report.created_pages.append(course.title)
    for lesson in data["lessons"]:
        page = course.add_child(
            instance=LessonPage(
                title=lesson["title"],
                slug=lesson["slug"],
                intro=lesson["intro"],
                estimated_minutes=lesson["estimated_minutes"],
                body=with_block_ids(lesson["body"], data["slug"], lesson["slug"]),
            )
        )
        page.save_revision().publish()
        report.created_pages.append(page.title)
    return course


def _seed_id(*parts) -> str:
    return str(uuid.uuid5(SEED_NAMESPACE, "/".join(str(part) for part in parts)))


def _question_block(item: dict, *path) -> dict:
    """One question of a seed assessment in Wagtail's raw StreamField form."""
    kind = item["type"]
    if kind == "true_false":
        value = {"statement": item["statement"], "is_true": item["is_true"], "explanation": item["explanation"]}
    elif kind == "scenario":
        value = {
            "case": item["case"],
            "questions": [_question_block(sub, *path, i) for i, sub in enumerate(item["questions"])],
        }
    else:
        value = {
            "question": item["question"],
            "choices": [
                {
                    "type": "item",
                    "id": _seed_id(*path, "choice", i),
                    "value": dict(text=c["text"], is_correct=c["is_correct"]),
                }
                for i, c in enumerate(item["choices"])
            ],
            "explanation": item["explanation"],
        }
        if kind == "multiple_choice":
            value["scoring"] = "partial" if item.get("partial_credit") else "all_or_nothing"
    return {"type": kind, "id": _seed_id(*path), "value": value}


def assessment_stream(slug: str, items: list[dict], *, per_attempt: int) -> list[dict]:
    """Every attempt gets one scenario and fills the rest from the standalone questions."""
    scenarios = [(i, item) for i, item in enumerate(items) if item["type"] == "scenario"]
    standalone = [(i, item) for i, item in enumerate(items) if item["type"] != "scenario"]
    stream = []
    if scenarios:
        stream.append(
            {
                "type": "pool",
                "id": _seed_id(slug, "pool", "scenarios"),
                "value": {
                    "title": "Scenarios",
                    "draw": 1,
                    "questions": [_question_block(item, slug, i) for i, item in scenarios],
                },
            }
        )
    stream.append(
        {
            "type": "pool",
            "id": _seed_id(slug, "pool", "questions"),
            "value": {
                "title": "Questions",
                "draw": min(per_attempt - len(stream), len(standalone)),
                "questions": [_question_block(item, slug, i) for i, item in standalone],
            },
        }
    )
    return stream


def ensure_assessment(course: CoursePage, slug: str, data: dict, report: SeedReport) -> AssessmentPage:
    assessment = AssessmentPage.objects.child_of(course).first()
    if assessment is not None:
        return assessment
    per_attempt = 10
    assessment = course.add_child(
        instance=AssessmentPage(
            title=data["title"],
            slug="assessment",
            intro=data["intro"],
            pass_mark=80,
            questions_per_attempt=per_attempt,
            attempts_allowed=0,
            cooldown_hours=1,
            time_limit_minutes=30,
            show_correct_answers=True,
            questions=assessment_stream(slug, data["questions"], per_attempt=per_attempt),
        )
    )
    assessment.save_revision().publish()
    report.created_pages.append(assessment.title)
    return assessment


def ensure_groups() -> None:
    """Editors author and translate, Moderators approve (Wagtail's default workflow), Coordinators report."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    Group.objects.get_or_create(name="Coordinators")
    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is not None and not WorkflowPage.objects.filter(page=Page.get_first_root_node()).exists():
        WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    # "Translate this page" (wagtail-localize): editors translate courses as they author them; the
    # translation is a draft until someone who may publish (a moderator) publishes it.
    submit_translation = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for group in (editors, moderators):
        group.permissions.add(admin_access, submit_translation)


# Illustrative staff numbers per region for a fresh installation, so coverage can be read at
# once; coordinators replace them with real figures under Reports > Staff numbers.
DEMO_HEADCOUNTS = {
    "police": {"dushanbe": 900, "sughd": 1100, "khatlon": 1200, "gbao": 250, "drs": 700},
    "mia-ctip": {"dushanbe": 40, "sughd": 12, "khatlon": 12, "gbao": 6, "drs": 8},
    "border-troops": {"sughd": 600, "khatlon": 900, "gbao": 1300, "drs": 200},
    "consular": {"dushanbe": 60, "abroad-ru": 45, "abroad-kz": 12, "abroad-tr": 10, "abroad-ae": 8},
    "migration": {"dushanbe": 80, "sughd": 70, "khatlon": 70, "gbao": 20, "drs": 40},
}


def ensure_headcounts() -> None:
    from reports.models import Headcount

    if Headcount.objects.exists():
        return
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    regions = {region.code: region for region in Region.objects.all()}
    Headcount.objects.bulk_create(
        Headcount(agency=agencies[a], region=regions[r], staff=staff)
        for a, cells in DEMO_HEADCOUNTS.items()
        for r, staff in cells.items()
        if a in agencies and r in regions
    )


DEMO_USERS = [
    # email, full name, role, agency code, region code, position (as a Tajik officer would enter them)
    ("trainee@frontline.test", "Дилшод Раҳимов", "trainee", "border-troops", "gbao", "Сарҳадбон, посгоҳи Ишкошим"),
    ("coordinator@frontline.test", "Малика Саидова", "coordinator", "mia-ctip", "dushanbe", "Ҳамоҳангсози омӯзиш"),
    ("editor@frontline.test", "Фаррух Назаров", "editor", None, None, "Муҳаррири мундариҷа"),
    ("moderator@frontline.test", "Зарина Каримова", "moderator", None, None, "Тасдиқкунандаи мундариҷа"),
    ("admin@frontline.test", "Маъмури Frontline", "superuser", None, None, "Маъмури система"),
]

ROLE_GROUPS = {"editor": "Editors", "moderator": "Moderators", "coordinator": "Coordinators"}
# Roles that see other people's personal data, and so sign in with a second factor. Editors and
# moderators are offered it, not required to use it.
TWO_FACTOR_ROLES = {"coordinator", "superuser"}


def _ensure_demo_totp(user, report: SeedReport) -> None:
    """Development only: the demo authenticator, whose current code demo_totp_code prints."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    report.totp_secrets[user.email] = DEMO_TOTP_SECRET


def ensure_demo_users(report: SeedReport, *, show_passwords: bool) -> None:
    User = get_user_model()
    for email, full_name, role, agency_code, region_code, position in DEMO_USERS:
        existing = User.objects.filter(email=email).first()
        if existing is not None:
            if show_passwords and role in TWO_FACTOR_ROLES:
                _ensure_demo_totp(existing, report)
            continue
        password = DEMO_PASSWORD if show_passwords else secrets.token_urlsafe(18)
        user = User(
            email=email,
            full_name=full_name,
            agency=Agency.objects.filter(code=agency_code).first() if agency_code else None,
            region=Region.objects.filter(code=region_code).first() if region_code else None,
            position=position,
            preferred_language="en",
            is_staff=role in {"editor", "moderator", "superuser"},
            is_superuser=role == "superuser",
        )
        user.set_password(password)
        user.save()
        if role in ROLE_GROUPS:
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        if role == "coordinator":
            # A national coordinator: every agency, every region.
            CoordinatorScope.objects.create(user=user)
        if show_passwords and role in TWO_FACTOR_ROLES:
            _ensure_demo_totp(user, report)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        report.created_users.append(email)
        if show_passwords:
            report.passwords[email] = password


@transaction.atomic
def seed_demo(*, with_users: bool = True, show_passwords: bool = False, stdout=None) -> SeedReport:
    """Build the site tree, the seed courses and the demo accounts; safe to run again."""
    report = SeedReport()
    ensure_locales()
    home = ensure_home_page(report)
    catalogue = ensure_catalogue(home, report)
    for module in load_courses():
        if stdout:
            stdout.write(f"  course: {module.COURSE['title']}")
        course = ensure_course(catalogue, module.COURSE, report)
        ensure_assessment(course, module.COURSE["slug"], module.ASSESSMENT, report)
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            translate_seed_pages(code, stdout=stdout)
    ensure_groups()
    ensure_headcounts()
    if with_users:
        ensure_demo_users(report, show_passwords=show_passwords)
    return report

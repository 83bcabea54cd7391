"""Building the site tree and demo data (``manage.py seed_demo``); the course texts come from
``demo/content`` (``demo.course_texts``)."""

import secrets
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Locale, Page, Site, Workflow, WorkflowPage

from accounts.models import Agency, CoordinatorScope, Region
from assessments.models import AssessmentPage
from cms.models import HomePage
from courses.models import CourseIndexPage, CoursePage, LessonPage
from demo import programme
from demo.course_texts import PASS_MARK, QUESTIONS_PER_ATTEMPT, SeedAssessment, SeedCourse, load_courses
from demo.totp import activate_totp
from demo.translations import translate_seed_pages
from reports.models import Headcount

DEMO_PASSWORD = "frontline-demo"
# The demo coordinator's and administrator's authenticator secret (development only): reports and
# the user admin need a second factor.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPFRONTLINEDEMOKEY"


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


def ensure_course(catalogue: CourseIndexPage, data: SeedCourse, report: SeedReport) -> CoursePage:
    """Create a seed course and its lessons once; an existing course is left as editors made it."""
    course = CoursePage.objects.child_of(catalogue).filter(slug=data.slug).first()
    if course is not None:
        return course
    course = catalogue.add_child(
        instance=CoursePage(
            title=data.title,
            slug=data.slug,
            summary=data.summary,
            learning_outcomes=data.learning_outcomes,
            estimated_minutes=data.estimated_minutes,
            validity_months=data.validity_months,
        )
    )
    course.save_revision().publish()
    report.created_pages.append(course.title)
    for lesson in data.lessons:
        page = course.add_child(
            instance=LessonPage(
                title=lesson.title,
                slug=lesson.slug,
                intro=lesson.intro,
                estimated_minutes=lesson.estimated_minutes,
                body=lesson.body,
            )
        )
        page.save_revision().publish()
        report.created_pages.append(page.title)
    return course


def ensure_assessment(course: CoursePage, data: SeedAssessment, report: SeedReport) -> AssessmentPage:
    assessment = AssessmentPage.objects.child_of(course).first()
    if assessment is not None:
        return assessment
    assessment = course.add_child(
        instance=AssessmentPage(
            title=data.title,
            slug="assessment",
            intro=data.intro,
            pass_mark=PASS_MARK,
            questions_per_attempt=QUESTIONS_PER_ATTEMPT,
            attempts_allowed=0,
            cooldown_hours=1,
            time_limit_minutes=30,
            show_correct_answers=True,
            questions=data.questions,
        )
    )
    assessment.save_revision().publish()
    report.created_pages.append(assessment.title)
    return assessment


def ensure_groups() -> None:
    """Editors author and translate, Moderators approve (Wagtail's default workflow), Coordinators
    report and set their scope's requirements in the admin's Training programme menu."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
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
    requirement_permissions = Permission.objects.filter(
        content_type__app_label="programme", codename__endswith="_requirement"
    )
    coordinators.permissions.add(admin_access, *requirement_permissions)


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
        activate_totp(user=user, secret=DEMO_TOTP_SECRET)
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
    for data in load_courses():
        if stdout:
            stdout.write(f"  course: {data.title}")
        course = ensure_course(catalogue, data, report)
        ensure_assessment(course, data.assessment, report)
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            translate_seed_pages(code, stdout=stdout)
    ensure_groups()
    ensure_headcounts()
    seed_courses = {
        data.slug: (course, data.required_for)
        for data in load_courses()
        if (course := CoursePage.objects.child_of(catalogue).filter(slug=data.slug).first()) is not None
    }
    requirements = programme.ensure_requirements(seed_courses)
    colleagues = []
    if with_users:
        ensure_demo_users(report, show_passwords=show_passwords)
        colleagues = programme.ensure_colleagues(
            {slug: course for slug, (course, _codes) in seed_courses.items()},
            demo_trainee_created=programme.DEMO_TRAINEE.email in report.created_users,
        )
    programme.apply_requirements(requirements)
    programme.tell_stories(colleagues, {slug: course for slug, (course, _codes) in seed_courses.items()})
    return report

"""Factories for Frontline's models and helpers that build a published Wagtail site tree."""

import time
from collections.abc import Iterable
from datetime import timedelta

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page, Site

from accounts.models import Agency, CoordinatorScope, Region, User
from assessments.models import AssessmentPage, Attempt
from cms.models import HomePage
from courses.models import CourseIndexPage, CoursePage, LessonPage
from programme import services
from programme.models import Assignment, Requirement

DEFAULT_PASSWORD = "correct-horse-battery-staple"
TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # base32, as allauth stores it; codes can be computed from it


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-agency-{n}")
    name = factory.Sequence(lambda n: f"Test agency {n}")
    name_ru = ""
    name_tg = ""
    is_active = True


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-region-{n}")
    name = factory.Sequence(lambda n: f"Test region {n}")
    kind = Region.Kind.DOMESTIC
    is_active = True


class UserFactory(DjangoModelFactory):
    """A user whose e-mail address is already confirmed (so they may log in)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"trainee{n}@example.org")
    full_name = factory.Faker("name")
    agency = factory.SubFactory(AgencyFactory)
    region = factory.SubFactory(RegionFactory)
    position = "Inspector"
    preferred_language = "en"
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        """Pass ``verified_email=False`` to leave the address unconfirmed."""
        if create:
            EmailAddress.objects.create(
                user=obj, email=obj.email, primary=True, verified=True if extracted is None else bool(extracted)
            )


def with_totp(user: User, secret: str = TOTP_SECRET) -> User:
    """The user has set up two-factor login: an allauth MFA TOTP authenticator."""
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": secret})
    return user


def sign_in_with_second_factor(client, user: User) -> None:
    """Sign ``client`` in as ``user`` with the session records allauth writes after a password
    and, if the user has an authenticator, a TOTP code (tests/security/test_two_factor.py goes
    through the real forms)."""
    client.force_login(user)
    session = client.session
    now = time.time()
    records = [{"method": "password", "at": now, "email": user.email}]
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None:
        records.append({"method": "mfa", "at": now, "id": totp.pk, "type": totp.type})
    session["account_authentication_methods"] = records
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def make_coordinator(
    *,
    scopes: Iterable[tuple[Agency | None, Region | None]] = ((None, None),),
    totp: bool = True,
    totp_secret: str = TOTP_SECRET,
    **fields,
) -> User:
    """A training coordinator: a user (``fields`` go to UserFactory) with one CoordinatorScope
    per ``(agency, region)`` pair, None meaning every agency or every region (the default is
    one national scope), and TOTP set up unless ``totp=False`` (reports then ask for it)."""
    user = UserFactory(**fields)
    for agency, region in scopes:
        CoordinatorScope.objects.create(user=user, agency=agency, region=region)
    if totp:
        with_totp(user, totp_secret)
    return user


def lesson_body(text: str = "A short lesson paragraph.") -> list:
    return [
        {"type": "heading", "value": {"text": "Section", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{text}</p>"},
    ]


class PassedAttemptFactory(DjangoModelFactory):
    """A graded, passed attempt created directly (no questions), as certificate_issue receives
    it. Pass ``user`` and ``course``; ``score`` is a percentage."""

    class Meta:
        model = Attempt

    user = factory.SubFactory(UserFactory)
    course = None
    language = "en"
    questions = factory.LazyFunction(list)
    pass_mark = 80
    status = Attempt.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
    score = 100
    points = factory.LazyAttribute(lambda attempt: attempt.score / 100)
    max_points = 1
    passed = True


class RequirementFactory(DjangoModelFactory):
    """A requirement of ``course`` for ``agency`` (pass both): due 90 days after joining."""

    class Meta:
        model = Requirement

    course = None
    agency = factory.SubFactory(AgencyFactory)
    due_rule = Requirement.DueRule.AFTER_JOINING
    due_days = 90


class AssignmentFactory(DjangoModelFactory):
    """An open assignment of ``course`` (pass it) to a trainee, due in 30 days."""

    class Meta:
        model = Assignment

    user = factory.SubFactory(UserFactory)
    course = None
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))


# --- Pages (wagtail-factories): ``parent=`` places the page; publish() gives it a revision.


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Frontline"
    slug = "home"
    headline = "Training for the officials who meet victims of trafficking first"
    intro = "<p>Short, practical courses for the officials who meet victims of trafficking first.</p>"


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Courses"
    slug = "courses"
    intro = "Each course takes about an hour and a half, lesson by lesson."


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = factory.LazyAttribute(lambda page: f"Summary of {page.title}.")
    learning_outcomes = factory.LazyFunction(
        lambda: [{"type": "outcome", "value": "Recognise indicators of trafficking."}]
    )
    estimated_minutes = 90


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    intro = factory.LazyAttribute(lambda page: f"Introduction to {page.title}.")
    body = factory.LazyAttribute(lambda page: lesson_body(f"Body of {page.title}."))


class AssessmentPageFactory(wagtail_factories.PageFactory):
    """An assessment page; pass ``questions`` in Wagtail's raw StreamField form."""

    class Meta:
        model = AssessmentPage

    title = "Assessment"
    slug = "assessment"
    intro = "Answer every question."
    questions = factory.LazyFunction(list)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_home() -> HomePage:
    """The default site's root HomePage (replacing Wagtail's welcome page), with locales."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        # Wagtail's "Welcome" placeholder takes the slug; it has no content to keep.
        Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore", numchild=0
        ).delete()
        home = publish(HomePageFactory(parent=Page.get_first_root_node()))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Frontline")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def build_catalogue() -> CourseIndexPage:
    home = build_home()
    catalogue = CourseIndexPage.objects.child_of(home).first()
    return catalogue or publish(CourseIndexPageFactory(parent=home))


def build_course(
    *,
    title: str = "Identifying victims",
    lessons: int = 3,
    live: bool = True,
    audiences=(),
    catalogue: CourseIndexPage | None = None,
) -> CoursePage:
    """A CoursePage under the catalogue with ``lessons`` published LessonPages.

    With ``live=False`` the course (and its lessons) exist only as unpublished drafts.
    ``audiences``: agencies that require the course (what ``CoursePage.audiences`` was): a
    requirement due 90 days after joining for each, applied to the trainees there already.
    """
    catalogue = catalogue or build_catalogue()
    course = CoursePageFactory(parent=catalogue, title=title, slug=_unique_slug(catalogue, title), live=live)
    if live:
        publish(course)
    else:
        course.save_revision()
    for number in range(1, lessons + 1):
        lesson = LessonPageFactory(
            parent=course,
            title=f"{title}: lesson {number}",
            slug=f"lesson-{number}",
            intro=f"Introduction to lesson {number}.",
            body=lesson_body(f"Body of lesson {number} of {title}."),
            live=live,
        )
        if live:
            publish(lesson)
        else:
            lesson.save_revision()
    course.refresh_from_db()
    for agency in audiences:
        requirement = RequirementFactory(course=course, agency=agency)
        services.requirement_apply(requirement=requirement)
    return course


def _unique_slug(parent: Page, title: str) -> str:
    base = slugify(title) or "course"
    slug, n = base, 1
    while parent.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(course).order_by("path"))

"""``manage.py seed_demo``: the site tree, four seed courses and the demo accounts.

The seeded site is shared by every test in this package (see ``tests/demo/conftest.py``).
"""

import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.test import override_settings
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, Site

from accounts.models import User
from cms.models import HomePage
from courses.models import CourseIndexPage, CoursePage, LessonPage

DEMO_EMAILS = [
    "trainee@frontline.test",
    "coordinator@frontline.test",
    "editor@frontline.test",
    "moderator@frontline.test",
    "admin@frontline.test",
]


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def strings_in(value):
    """Every string inside a raw StreamField value (nested dicts and lists)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"type", "id", "level", "kind", "source_url", "url"}:
                yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)


def lesson_text(lesson: LessonPage) -> str:
    return strip_tags(" ".join([lesson.title, lesson.intro, *strings_in(list(lesson.body.raw_data))]))


def course_text(course: CoursePage) -> str:
    lessons = LessonPage.objects.child_of(course)
    outcomes = [block.value for block in course.learning_outcomes]
    return " ".join([course.title, course.summary, *outcomes, *(lesson_text(lesson) for lesson in lessons)])


def english_courses():
    return CoursePage.objects.filter(locale=Locale.get_default()).order_by("path")


def test_seed_builds_site_tree(seeded):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale == Locale.get_default()
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()  # welcome page gone
    catalogue = CourseIndexPage.objects.child_of(home).get()
    courses = CoursePage.objects.child_of(catalogue).live()
    assert courses.count() == 4
    for course in courses:
        assert LessonPage.objects.child_of(course).live().count() >= 4
        assert course.requirements.filter(is_active=True).exists()


def test_seed_assigns_the_required_courses_with_every_status(seeded):
    """The seed courses are required of the agencies their texts name; the demo trainee and
    their colleagues hold assignments in every status the programme knows."""
    from django.utils import timezone

    from programme.models import Assignment
    from programme.status import Status, with_status

    trainee = User.objects.get(email="trainee@frontline.test")
    border_courses = CoursePage.objects.filter(requirements__agency__code="border-troops").distinct()
    assert border_courses.count() == 4
    assert Assignment.objects.filter(user=trainee, ended_at=None).count() == 4
    statuses = set(
        with_status(Assignment.objects.filter(ended_at=None), today=timezone.localdate()).values_list(
            "status", flat=True
        )
    )
    assert statuses == {status.value for status in Status}


def test_first_run_reports_what_it_created(seeded):
    assert re.search(r"Done: \d+ pages and 5 accounts created", seeded)
    assert seeded.count("  course: ") == 4


def test_seed_creates_verified_demo_users(seeded):
    for email in DEMO_EMAILS:
        user = User.objects.get(email=email)
        assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True).exists()
    assert User.objects.get(email="admin@frontline.test").is_superuser
    assert User.objects.get(email="editor@frontline.test").groups.filter(name="Editors").exists()
    assert User.objects.get(email="moderator@frontline.test").groups.filter(name="Moderators").exists()
    trainee = User.objects.get(email="trainee@frontline.test")
    assert (trainee.agency.code, trainee.region.code, trainee.is_staff) == ("border-troops", "gbao", False)


def test_seed_twice_changes_nothing(seeded):
    pages, users = Page.objects.count(), User.objects.count()
    output = seed()
    assert (Page.objects.count(), User.objects.count()) == (pages, users)
    assert "0 pages and 0 accounts created" in output


def test_seed_pages_render(client, seeded):
    assert client.get("/en/").status_code == 200
    for course in english_courses():
        assert client.get(course.url).status_code == 200, course.url
    client.force_login(User.objects.get(email="trainee@frontline.test"))
    for lesson in LessonPage.objects.live().filter(locale=Locale.get_default()):
        assert client.get(lesson.url).status_code == 200, lesson.url


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_seed_courses_are_translated(client, seeded, language):
    locale = Locale.objects.get(language_code=language)
    translated = CoursePage.objects.live().filter(locale=locale)
    assert translated.count() == 4
    course = translated.first()
    assert course.url.startswith(f"/{language}/")
    assert client.get(course.url).status_code == 200


def test_each_seed_course_has_at_least_1500_words(seeded):
    for course in english_courses():
        words = len(re.findall(r"\w+", course_text(course)))
        assert words >= 1500, f"{course.title}: {words} words"


@pytest.mark.parametrize("phrase", ["130.1", "Act No. 327", "Article 20", "Article 31", "Article 33"])
def test_seed_content_cites_the_law(seeded, phrase):
    text = " ".join(course_text(course) for course in english_courses()).lower()
    assert phrase.lower() in text


@pytest.mark.parametrize(("debug", "shows_password"), [(True, True), (False, False)])
def test_passwords_printed_only_in_debug(seeded, debug, shows_password):
    User.objects.filter(email__in=DEMO_EMAILS).delete()  # so this run creates the accounts again
    with override_settings(DEBUG=debug):
        output = seed()
    assert f"0 pages and {len(DEMO_EMAILS)} accounts created" in output
    assert ("frontline-demo" in output) is shows_password
    if not shows_password:
        assert "random passwords" in output
        assert not User.objects.get(email="trainee@frontline.test").check_password("frontline-demo")


def test_running_seed_demo_again_does_not_translate_or_publish_an_editors_lesson(
    seeded, django_capture_on_commit_callbacks
):
    """``./run start`` seeds on every start; an editor's lesson awaiting approval stays unpublished
    and untranslated (seeding used to publish Russian and Tajik copies of it, in English)."""
    course = CoursePage.objects.get(locale=Locale.get_default(), slug="identifying-victims")
    draft = course.add_child(
        instance=LessonPage(
            title="Editor's draft",
            slug="editors-draft",
            body=[{"type": "paragraph", "value": "<p>Draft.</p>"}],
            live=False,
        )
    )
    draft.save_revision()

    with django_capture_on_commit_callbacks(execute=True):
        seed()

    tajik = Locale.objects.get(language_code="tg")
    assert not LessonPage.objects.filter(translation_key=draft.translation_key).exclude(pk=draft.pk).exists()
    assert not LessonPage.objects.get(pk=draft.pk).live
    assert LessonPage.objects.filter(locale=tajik, slug="the-definition").exists()  # the seed lessons still are

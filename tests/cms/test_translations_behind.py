"""The admin dashboard's "Translations behind": published pages that Russian or Tajik readers
do not see yet, or see older than the source (cms.translation_status, cms.wagtail_hooks)."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from cms.translation_status import DRAFT, MISSING, OUTDATED, translations_behind
from tests.factories import LessonPageFactory, UserFactory, build_course, publish

pytestmark = pytest.mark.django_db


def translate(page, language: str, *, live: bool = True):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    if live:
        return publish(translated)
    translated.save_revision()
    return translated


@pytest.fixture
def course(catalogue):
    """A course whose pages (and their parents) are published in English, Russian and Tajik."""
    course = build_course(title="Identifying victims", lessons=2, catalogue=catalogue)
    for language in ("ru", "tg"):
        for page in (catalogue.get_parent(), catalogue, course, *course.get_children()):
            existing = page.get_translation_or_none(Locale.objects.get(language_code=language))
            if existing is None:
                translate(page.specific, language)
            elif not existing.live:
                publish(existing.specific)
    return course


def add_lesson(course, title="Indicators at the Ishkoshim crossing", slug="ishkoshim"):
    return publish(LessonPageFactory(parent=course, title=title, slug=slug))


def lags_of(behind, page) -> dict[str, str]:
    row = next((row for row in behind.pages if row.page.pk == page.pk), None)
    return {} if row is None else {lag.locale.language_code: lag.state for lag in row.lags}


def test_nothing_is_behind_when_every_language_is_published(course):
    assert translations_behind().total == 0


def test_a_new_lesson_is_missing_in_every_other_language(course):
    lesson = add_lesson(course)

    behind = translations_behind()

    assert behind.total == 1
    assert lags_of(behind, lesson) == {"ru": MISSING, "tg": MISSING}
    assert behind.pages[0].kind == "Lesson"


def test_a_draft_translation_is_still_behind_and_a_published_one_is_not(course):
    lesson = add_lesson(course)
    tajik = translate(lesson, "tg", live=False)
    assert lags_of(translations_behind(), lesson) == {"ru": MISSING, "tg": DRAFT}

    publish(tajik)
    assert lags_of(translations_behind(), lesson) == {"ru": MISSING}

    translate(lesson, "ru")
    assert lags_of(translations_behind(), lesson) == {}


def test_a_source_republished_after_its_translation_is_outdated(course):
    lesson = course.get_children().first().specific
    lesson.intro = "A corrected introduction."
    publish(lesson)

    behind = translations_behind()

    assert lags_of(behind, lesson) == {"ru": OUTDATED, "tg": OUTDATED}
    row = behind.pages[0]
    assert {lag.translation_id for lag in row.lags} == {
        lesson.get_translation(Locale.objects.get(language_code=code)).pk for code in ("ru", "tg")
    }


def test_the_queries_do_not_grow_with_the_pages_behind(course):
    add_lesson(course)
    translations_behind()  # the default locale is remembered (cms.i18n)
    with CaptureQueriesContext(connection) as one:
        assert translations_behind().total == 1
    for number in range(2, 7):
        add_lesson(course, title=f"New lesson {number}", slug=f"new-{number}")
    with CaptureQueriesContext(connection) as six:
        behind = translations_behind(limit=4)
    assert behind.total == 6 and len(behind.pages) == 4
    assert len(six.captured_queries) == len(one.captured_queries) <= 4


@pytest.fixture
def translator(db):
    user = UserFactory(email="translator@example.org", is_staff=True, agency=None, region=None)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="submit_translation", content_type__app_label="wagtail_localize"),
    )
    return user


def test_the_dashboard_lists_the_lesson_with_a_way_to_translate_it(client, translator, course):
    lesson = add_lesson(course)
    tajik = translate(lesson, "tg", live=False)
    client.force_login(translator)

    with translation.override("en"):
        page = client.get("/admin/").content.decode()

    assert "Translations behind" in page
    assert lesson.title in page
    assert f'href="/admin/localize/submit/page/{lesson.pk}/"' in page  # Russian: translate it
    assert f'href="/admin/pages/{tajik.pk}/edit/"' in page  # Tajik: publish the draft
    assert "translation not published" in page and "not translated" in page


def test_the_dashboard_panel_is_for_those_who_translate(client, course):
    add_lesson(course)
    staff = UserFactory(email="other@example.org", is_staff=True, agency=None, region=None)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "Translations behind" not in response.content.decode()


def test_the_dashboard_with_the_panel_stays_within_its_query_budget(
    client, translator, course, django_assert_max_num_queries
):
    for number in range(5):
        add_lesson(course, title=f"New lesson {number}", slug=f"new-{number}")
    client.force_login(translator)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as without_more:
        client.get("/admin/")
    for number in range(5, 10):
        add_lesson(course, title=f"New lesson {number}", slug=f"new-{number}")
    with django_assert_max_num_queries(len(without_more.captured_queries)):
        page = client.get("/admin/").content.decode()
    assert "New lesson 9" in page

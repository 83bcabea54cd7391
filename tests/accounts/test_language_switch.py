"""The language switcher shows the page being read in the language chosen, whatever the browser,
the cookie or the profile says, and remembers the choice on a signed-in user."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from tests.factories import UserFactory, lessons_of, publish

SETLANG = "/i18n/setlang/"
COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.fixture(autouse=True)
def _no_language_leak():
    # A redirect followed into /ru/ or /tg/ activates that language in this thread.
    with translation.override("en"):
        yield


def switch(client, next_url, language, **headers):
    return client.post(SETLANG, {"next": next_url, "language": language}, headers=headers)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("browser", "page", "language", "expected"),
    [
        # A Russian phone opening a Tajik invitation link.
        ("ru-RU,ru;q=0.9", "/tg/verify/", "en", "/en/verify/"),
        ("ru-RU,ru;q=0.9", "/tg/verify/", "ru", "/ru/verify/"),
        # An English browser on a Russian page.
        ("en-US,en;q=0.9", "/ru/verify/", "tg", "/tg/verify/"),
        ("tg-TJ,tg;q=0.9", "/ru/verify/ABCD-EFGH/", "en", "/en/verify/ABCD-EFGH/"),
    ],
)
def test_the_page_comes_back_in_the_language_chosen_whatever_the_browser_says(
    client, browser, page, language, expected
):
    response = switch(client, page, language, accept_language=browser)

    assert response.status_code == 302
    assert response["Location"] == expected
    assert response.cookies[COOKIE].value == language


@pytest.mark.django_db
def test_the_cookie_of_an_earlier_choice_does_not_win(client):
    client.cookies[COOKIE] = "ru"

    response = switch(client, "/tg/verify/", "en")

    assert response["Location"] == "/en/verify/"
    followed = client.get(response["Location"])
    assert followed.headers["Content-Language"] == "en"
    assert '<html lang="en">' in followed.content.decode()


@pytest.mark.django_db
def test_a_second_switch_from_a_page_still_open_in_the_old_language(client):
    first = switch(client, "/tg/verify/", "ru", accept_language="ru")
    assert first["Location"] == "/ru/verify/"

    # Another tab still shows the Tajik page; the cookie now says Russian.
    second = switch(client, "/tg/verify/?code=ABCD", "en", accept_language="ru")

    assert second["Location"] == "/en/verify/?code=ABCD"
    assert second.cookies[COOKIE].value == "en"


@pytest.mark.django_db
def test_a_signed_in_user_whose_profile_says_otherwise_gets_the_choice_and_keeps_it(client, trainee):
    trainee.preferred_language = "ru"
    trainee.save()
    client.force_login(trainee)

    response = switch(client, "/tg/learning/", "en", accept_language="ru")

    assert response["Location"] == "/en/learning/"
    trainee.refresh_from_db()
    assert trainee.preferred_language == "en"
    # The profile's language is what the cookie is kept at from now on (UserLanguageMiddleware).
    followed = client.get("/en/learning/")
    assert followed.status_code == 200
    assert '<html lang="en">' in followed.content.decode()
    assert COOKIE not in followed.cookies or followed.cookies[COOKIE].value == "en"


@pytest.mark.django_db
def test_the_admin_language_follows_the_one_preference(client):
    editor = UserFactory(preferred_language="en", is_staff=True)
    UserProfile.get_for_user(editor)
    client.force_login(editor)

    switch(client, "/tg/learning/", "ru")

    assert UserProfile.objects.get(user=editor).preferred_language == "ru"


@pytest.mark.django_db
def test_an_anonymous_switch_stores_nothing_on_anyone(client, trainee):
    response = switch(client, "/ru/verify/", "tg")

    assert response["Location"] == "/tg/verify/"
    trainee.refresh_from_db()
    assert trainee.preferred_language == "en"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("/tg/search/?q=%D0%BD%D0%B8%D1%88%D0%BE%D0%BD%D0%B0", "/ru/search/?q=%D0%BD%D0%B8%D1%88%D0%BE%D0%BD%D0%B0"),
        ("/tg/accounts/profile/", "/ru/accounts/profile/"),
        # A path that matches nothing: the page not found, in the new language.
        ("/tg/no-such-page/", "/ru/no-such-page/"),
        ("/tg/", "/ru/"),
        # Outside the language-prefixed site the address does not carry the language.
        ("/admin/", "/admin/"),
    ],
)
def test_other_pages_keep_their_path_and_query(client, page, expected):
    assert switch(client, page, "ru", accept_language="tg")["Location"] == expected


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["xx", "", "../en"])
def test_an_unknown_language_changes_nothing(client, trainee, language):
    client.force_login(trainee)

    response = switch(client, "/tg/verify/", language)

    assert response.status_code == 302
    assert response["Location"] == "/tg/verify/"
    trainee.refresh_from_db()
    assert trainee.preferred_language == "en"


@pytest.mark.django_db
def test_another_site_is_never_the_destination(client):
    response = switch(client, "https://evil.example/tg/verify/", "ru")

    assert response["Location"] == "/"


@pytest.mark.django_db
def test_without_next_the_referring_page_is_translated(client):
    response = client.post(SETLANG, {"language": "en"}, headers={"referer": "http://testserver/tg/verify/"})

    assert response["Location"] == "/en/verify/"


# --- Pages of the site tree: translated by page, not by path --------------------------------


@pytest.fixture
def translated_course(course_with_lessons):
    """The course in Russian, its first lesson with a Russian slug of its own; the second
    lesson not translated yet. Nothing is in Tajik."""
    russian, _created = Locale.objects.get_or_create(language_code="ru")
    Locale.objects.get_or_create(language_code="tg")
    course = course_with_lessons.copy_for_translation(russian, copy_parents=True)
    publish(course)
    first = lessons_of(course_with_lessons)[0].copy_for_translation(russian)
    first.slug = "urok-1"
    first.title = "Урок 1"
    publish(first)
    return course_with_lessons


def test_a_lesson_switches_to_its_own_translation(client_trainee, translated_course):
    lesson = lessons_of(translated_course)[0]

    response = switch(client_trainee, lesson.url + "?from=outline#part-2", "ru", accept_language="tg")

    assert response["Location"].endswith("/urok-1/?from=outline#part-2")
    assert response["Location"].startswith("/ru/")
    with translation.override("ru"):
        page = client_trainee.get(response["Location"])
    assert page.status_code == 200
    assert "Урок 1" in page.content.decode()


def test_a_translated_lesson_switches_back_to_english(client, translated_course):
    lesson = lessons_of(translated_course)[0]
    russian = lesson.get_translation(Locale.objects.get(language_code="ru"))
    with translation.override("ru"):
        russian_url = russian.url

    response = switch(client, russian_url, "en", accept_language="ru")

    assert response["Location"] == lesson.url


def test_a_lesson_not_translated_yet_leads_to_its_course_with_a_word_why(client, translated_course):
    untranslated = lessons_of(translated_course)[1]
    course_in_russian = translated_course.get_translation(Locale.objects.get(language_code="ru"))
    with translation.override("ru"):
        course_url = course_in_russian.url

    response = switch(client, untranslated.url + "?from=outline", "ru")

    assert response["Location"] == course_url
    with translation.override("ru"):
        page = client.get(response["Location"]).content.decode()
    assert "Эта страница пока недоступна на этом языке" in page


def test_a_course_with_no_translation_at_all_leads_to_the_languages_home(client, translated_course):
    lesson = lessons_of(translated_course)[0]

    response = switch(client, lesson.url, "tg", accept_language="ru")

    # Not even the home page is in Tajik here: the Tajik site's address is all that is left.
    assert response["Location"] == "/tg/"


def test_switching_a_page_costs_a_walk_of_the_tree(client, translated_course, django_assert_max_num_queries):
    lesson = lessons_of(translated_course)[0]

    # Wagtail's own routing (the site, then a query per level of the tree), the page's
    # ancestors and its translation: a one-off request, not worth a shortcut of its own.
    with django_assert_max_num_queries(15):
        switch(client, lesson.url, "ru")

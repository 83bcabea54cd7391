"""The admin is in Russian for an editor who chooses Russian: Wagtail's, wagtail-localize's and
the project's own strings.

Each page's visible text is read as in tests/i18n/test_pages_translated.py; a Latin-script word
that is not a name, a code or the content's own English fails the test. Where Wagtail or
wagtail-localize ship a string without a Russian translation, the project's catalogue has one
(cms/admin_strings.py marks them for makemessages).
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Locale, Page, Task, Workflow
from wagtail_localize.models import Translation

from accounts.models import Agency, Region, User
from assessments.models import AssessmentPage
from courses.models import CoursePage, LessonPage
from tests.factories import UserFactory, sign_in_with_second_factor, with_totp
from tests.i18n.test_pages_translated import LATIN_WORD, TextCollector

ALLOWED = {
    "frontline",
    "wagtail",
    "pdf",
    "csv",
    "xlsx",
    "json",
    "html",
    "url",
    "id",
    "ok",
    "svg",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "utf",
    "totp",
    "email",
    "e-mail",
    "http",
    "https",
    "www",
    "api",
    "gbao",
    "covid",
    "slug",
    "cms",
    "javascript",
    # Keys of the keyboard, as they are printed on it.
    "esc",
    "ctrl",
    "alt",
    "shift",
    "enter",
    "tab",
    # Language names as each language calls itself, in the language menus.
    "english",
    # The English course's content and the demo site's names, which are data, not interface.
}


# Wagtail's page search prints its result count with the name of no model ("1-2 of 2 None", in
# English too): a bug upstream, not a missing translation.
UPSTREAM_BUGS = re.compile(r"\(None\)$")


def leaks(html: str, content: set[str]) -> list[str]:
    # What a field holds is content (the English lesson's intro in its editor), not interface.
    html = re.sub(r"<textarea\b[^>]*>.*?</textarea>", "", html, flags=re.S)
    # Time zones are offered by their identifiers (the admin's script names them in the
    # reader's language); text nobody is shown (a hidden, empty counter) is not read.
    html = re.sub(r'<select name="locale-current_time_zone".*?</select>', "", html, flags=re.S)
    html = re.sub(r"<(\w+)\b[^>]*\shidden(?:\s[^>]*)?>[^<]*</\1>", "", html)
    collector = TextCollector()
    collector.feed(html)
    found = []
    for text in collector.texts:
        text = UPSTREAM_BUGS.sub("", text.strip())
        text = re.sub(r"\S+@\S+|https?://\S+", " ", text)
        for word in LATIN_WORD.findall(text):
            # A title quoted in a label ('Identifying victims') is still the title.
            word = word.strip("'")
            if len(word) > 2 and word.lower() not in ALLOWED | content:
                found.append(f"{word!r} in {text.strip()[:100]!r}")
    return found


def content_words() -> set[str]:
    """Words of the English pages' titles and slugs, and of the people's names: data shown as
    it was written."""
    words = set()
    for text in [*Page.objects.values_list("title", flat=True), *Page.objects.values_list("slug", flat=True)]:
        words.update(word.lower() for word in re.findall(r"[A-Za-z][A-Za-z_']+", text))
    names = [
        *Group.objects.values_list("name", flat=True),
        *Workflow.objects.values_list("name", flat=True),
        *Task.objects.values_list("name", flat=True),
    ]
    for name in names:
        words.update(word.lower() for word in re.findall(r"[A-Za-z][A-Za-z_']+", name))
    for model in (Agency, Region):
        for name, code in model.objects.values_list("name", "code"):
            words.update(word.lower() for word in re.findall(r"[A-Za-z][A-Za-z_'-]+", f"{name} {code}"))
            words.update(word.lower() for word in re.findall(r"[A-Za-z][A-Za-z_']+", f"{name} {code}"))
    for user in User.objects.all():
        words.update(word.lower() for word in re.findall(r"[A-Za-z][A-Za-z_']+", f"{user.full_name} {user.email}"))
    return words


@pytest.fixture(scope="module")
def admin_pages(seeded_site, django_db_blocker):
    with django_db_blocker.unblock():
        russian = Locale.objects.get(language_code="ru")
        course = CoursePage.objects.get(slug="identifying-victims", locale__language_code="en")
        lesson = LessonPage.objects.child_of(course).first()
        lesson_ru = lesson.get_translation(russian)
        assessment = AssessmentPage.objects.child_of(course).get()
        translation_ru = Translation.objects.filter(target_locale=russian).first()
        trainee = User.objects.filter(is_staff=False).first()
        pages = {
            "dashboard": "/admin/",
            "explorer": f"/admin/pages/{lesson_ru.get_parent().pk}/",
            "page editor": f"/admin/pages/{lesson.pk}/edit/",
            "translation editor": f"/admin/pages/{lesson_ru.pk}/edit/",
            "page history": f"/admin/pages/{lesson.pk}/history/",
            "translate this page": f"/admin/localize/submit/page/{lesson.pk}/",
            "locales": "/admin/locales/",
            "search": "/admin/pages/search/?q=victims",
            "item analysis": f"/admin/assessments/{assessment.pk}/items/",
            "users": "/admin/users/",
            "user edit": f"/admin/users/edit/{trainee.pk}/",
            "groups": "/admin/groups/",
            "account": "/admin/account/",
            "workflows": "/admin/workflows/list/",
            "reports": "/admin/reports/site-history/",
            "snippets": "/admin/snippets/accounts/agency/",
            "documents": "/admin/documents/",
            "images": "/admin/images/",
        }
        if translation_ru is not None:
            pages["translations report"] = "/admin/localize/reports/translations/"
        yield pages, content_words()


@pytest.fixture
def client_editor_ru(client):
    admin = with_totp(
        UserFactory(
            email="redaktor@example.org",
            full_name="Зарина Каримова",
            is_staff=True,
            is_superuser=True,
            agency=None,
            region=None,
            preferred_language="ru",
        )
    )
    admin.groups.add(Group.objects.get(name="Editors"))
    sign_in_with_second_factor(client, admin)
    return client


@pytest.mark.parametrize(
    "name",
    [
        "dashboard",
        "explorer",
        "page editor",
        "translation editor",
        "page history",
        "translate this page",
        "locales",
        "search",
        "item analysis",
        "users",
        "user edit",
        "groups",
        "account",
        "workflows",
        "reports",
        "snippets",
        "documents",
        "images",
    ],
)
def test_the_admin_page_is_in_russian(client_editor_ru, admin_pages, name):
    pages, content = admin_pages
    with translation.override("ru"):
        response = client_editor_ru.get(pages[name])
    assert response.status_code == 200, (name, response.status_code, response.get("Location"))
    html = response.content.decode()
    assert 'lang="ru"' in html
    found = leaks(html, content)
    assert not found, f"{name}: English on the Russian admin page:\n" + "\n".join(found)

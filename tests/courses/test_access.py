"""Who may see which page: visitors browse the catalogue, trainees read lessons."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


def test_lesson_requires_login(client, lessons):
    url = lessons[0].url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_trainee_can_read_a_lesson(client_trainee, course_with_lessons, lessons):
    response = client_trainee.get(lessons[1].url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Body of lesson 2 of Identifying victims" in content
    assert "Lesson 2 of 3" in content
    assert reverse("lesson_complete", args=[lessons[1].pk]) in content


def test_published_course_is_visible_anonymously(client, course_with_lessons, lessons):
    response = client.get(course_with_lessons.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Identifying victims" in content
    for lesson in lessons:
        assert lesson.title in content
        assert lesson.url not in content  # visitors see titles, links need an account


def test_draft_course_is_not_found_for_anonymous(client, catalogue):
    draft = build_course(title="Unreleased course", catalogue=catalogue, live=False)
    assert not draft.live
    assert client.get(f"/en/courses/{draft.slug}/").status_code == 404
    assert client.get(f"/en/courses/{draft.slug}/lesson-1/").status_code == 404


def test_unpublished_course_is_not_found(client, course_with_lessons):
    course_with_lessons.unpublish()
    assert client.get("/en/courses/identifying-victims/").status_code == 404


def test_catalogue_lists_published_courses_not_drafts(client, catalogue, course_with_lessons):
    build_course(title="Unreleased course", catalogue=catalogue, live=False)
    response = client.get(catalogue.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Identifying victims" in content
    assert "Unreleased course" not in content
    assert [c.title for c in response.context["courses"]] == ["Identifying victims"]


def test_home_page_is_the_site_root(client, course_with_lessons):
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.context["page"].specific_class.__name__ == "HomePage"
    assert "Identifying victims" in response.content.decode()


@pytest.fixture
def page_urls(catalogue, course_with_lessons, lessons):
    return {
        "home": "/en/",
        "catalogue": catalogue.url,
        "course": course_with_lessons.url,
        "lesson": lessons[0].url,
        "my_learning": reverse("my_learning"),
        "search": reverse("search") + "?q=victims",
        "profile": reverse("profile"),
        "login": reverse("account_login"),
        "signup": reverse("account_signup"),
        "password_reset": reverse("account_reset_password"),
    }


PUBLIC = ["home", "catalogue", "course", "search", "login", "signup", "password_reset"]
MEMBERS_ONLY = ["lesson", "my_learning", "profile"]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_render_for_anonymous(client, page_urls, name):
    assert client.get(page_urls[name]).status_code == 200


@pytest.mark.parametrize("name", MEMBERS_ONLY)
def test_member_pages_send_anonymous_to_login(client, page_urls, name):
    response = client.get(page_urls[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


@pytest.mark.parametrize("name", ["home", "catalogue", "course", "lesson", "my_learning", "search", "profile"])
def test_pages_render_for_trainee(client_trainee, page_urls, name):
    response = client_trainee.get(page_urls[name])
    assert response.status_code == 200
    assert "Log out" in response.content.decode()


@pytest.mark.parametrize("name", ["login", "signup"])
def test_entrance_pages_redirect_signed_in_trainee(client_trainee, page_urls, name):
    response = client_trainee.get(page_urls[name])
    assert response.status_code == 302


def test_search_finds_lessons_and_courses(client, course_with_lessons):
    response = client.get(reverse("search"), {"q": "Identifying"})
    titles = [result.title for result in response.context["page"]]
    assert "Identifying victims" in titles


def test_search_without_query_shows_hint(client, catalogue):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert "Type a word in the search box" in response.content.decode()


def test_editor_can_open_wagtail_edit_view_for_a_lesson(client, lessons):
    editor = UserFactory(is_staff=True, agency=None, region=None)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[lessons[0].pk]))

    assert response.status_code == 200
    assert lessons[0].title in response.content.decode()


def test_trainee_cannot_open_wagtail_admin(client_trainee, lessons):
    response = client_trainee.get(reverse("wagtailadmin_pages:edit", args=[lessons[0].pk]))
    assert response.status_code == 302

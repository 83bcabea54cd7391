"""cms.routing: pages found by their URL path in a fixed number of queries, exactly as
Wagtail's walk down the tree would find them."""

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms import routing
from tests.factories import build_course, lessons_of, publish

pytestmark = pytest.mark.django_db


def test_no_page_type_routes_on_its_own():
    """The shortcut skips the walk, so it is only equivalent while no page type overrides
    ``route`` (a routable page, say). Add one and cms.routing has to learn about it first."""
    page_models = [
        m for m in apps.get_models() if issubclass(m, Page) and m._meta.app_label in {"cms", "courses", "assessments"}
    ]
    assert page_models
    for model in page_models:
        assert model.route is Page.route, model


def test_lesson_found_by_its_url_path(rf, client_trainee, lessons):
    lesson = lessons[1]
    request = rf.get(lesson.url)
    from django.utils import translation

    with translation.override("en"):
        result = routing.route(request, lesson.url.removeprefix("/en/"))
    assert result.page == lesson
    assert type(result.page).__name__ == "LessonPage"


def test_route_queries_do_not_grow_with_depth(rf, catalogue):
    """At most three queries (the sites, their root paths, the page with its specific fields),
    however deep the page; none once the published content is remembered (cms.published)."""
    from django.utils import translation

    course = build_course(title="Deep", lessons=1, catalogue=catalogue)
    lesson = lessons_of(course)[0]
    for page in (catalogue, course, lesson):
        counts = []
        for _ in range(2):
            request = rf.get(page.url)
            with translation.override("en"), CaptureQueriesContext(connection) as ctx:
                result = routing.route(request, page.url.removeprefix("/en/"))
            assert result.page.pk == page.pk
            assert type(result.page) is type(page)
            counts.append(len(ctx.captured_queries))
        assert counts[0] <= 3
        assert counts[1] == 0


def test_each_request_gets_its_own_copy_of_the_page(rf, lessons):
    from django.utils import translation

    with translation.override("en"):
        first, second = (routing.route(rf.get(lessons[0].url), lessons[0].url.removeprefix("/en/")) for _ in range(2))
    assert first.page == second.page
    assert first.page is not second.page
    first.page.title = "Changed by one request"
    assert second.page.title != "Changed by one request"


def test_draft_and_unknown_paths_are_not_found(client_trainee, catalogue):
    draft = build_course(title="Unreleased", lessons=1, catalogue=catalogue, live=False)
    assert client_trainee.get(draft.url if draft.url else "/en/courses/unreleased/").status_code == 404
    assert client_trainee.get("/en/courses/no-such-course/").status_code == 404
    assert client_trainee.get("/en/courses/unreleased/lesson-1/").status_code == 404


def test_unpublished_lesson_is_not_served_any_more(client_trainee, lessons):
    url = lessons[0].url
    assert client_trainee.get(url).status_code == 200
    lessons[0].unpublish()
    assert client_trainee.get(url).status_code == 404


def test_moved_slug_serves_the_new_path_only(client_trainee, lessons):
    lesson = lessons[0]
    old_url = lesson.url
    lesson.slug = "renamed-lesson"
    publish(lesson)
    new_url = Page.objects.get(pk=lesson.pk).url
    assert new_url != old_url
    assert client_trainee.get(new_url).status_code == 200
    assert client_trainee.get(old_url).status_code == 404


def test_home_page_still_served(client, catalogue):
    assert client.get("/en/").status_code == 200


def test_view_restrictions_still_apply(client_trainee, course_with_lessons, lessons):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    assert client_trainee.get(lessons[0].url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=course_with_lessons, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Pilot group"))
    response = client_trainee.get(lessons[0].url)
    assert response.status_code in (302, 403)
    restriction.delete()
    assert client_trainee.get(lessons[0].url).status_code == 200


def test_translated_lesson_is_served(client, seeded):
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale

    from courses.models import LessonPage

    lesson = LessonPage.objects.live().filter(locale=Locale.objects.get(language_code="tg")).first()
    user = get_user_model().objects.filter(email="trainee@frontline.test").first()
    client.force_login(user)
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert lesson.title in response.content.decode()


def test_serving_writes_no_private_attribute_on_the_request(rf, lessons):
    """cms.routing finds the site and the page with Wagtail's public API and writes nothing on
    the request; Wagtail's own attributes are set by Wagtail alone (none on this path)."""
    import inspect

    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    source = inspect.getsource(routing)
    assert "request._" not in source
    assert "copy.copy" not in source
    request = rf.get(lessons[0].url)
    request.user = AnonymousUser()
    before = set(vars(request))
    with translation.override("en"):
        routing.route(request, lessons[0].url.removeprefix("/en/"))
    assert not [name for name in set(vars(request)) - before if name.startswith("_wagtail")]

"""cms.published: what every reader sees is remembered per process and refreshed when an editor
changes it, in this process at once and in every other one through the shared content version."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site

from cms import published
from cms.models import HelplineSettings
from courses import services
from courses.models import LessonPage
from tests.assessments.builders import build_assessment
from tests.factories import build_course, lesson_body, lessons_of, publish

pytestmark = pytest.mark.django_db


def _publish_new_lesson(course):
    lesson = course.add_child(
        instance=LessonPage(title="A late lesson", slug="late", body=lesson_body("Late."), live=False)
    )
    publish(lesson)


def _unpublish_first_lesson(course):
    lessons_of(course)[0].unpublish()


def _move_first_lesson(course):
    lessons = lessons_of(course)
    lessons[0].move(lessons[-1], pos="right")


def _delete_first_lesson(course):
    lessons_of(course)[0].delete()


def _restrict_course(course):
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)


def _change_restriction_groups(course):
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    before = published.version()
    restriction.groups.add(Group.objects.create(name="Pilot"))
    assert published.version() != before


def _rename_site(course):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed"
    site.save()


def _edit_helpline(course):
    site = Site.objects.get(is_default_site=True)
    HelplineSettings.objects.update_or_create(site=site, defaults={"hotline_number": "+992 44 600 00 00"})


def _save_page_directly(course):
    Page.objects.get(pk=course.pk).save()  # the shell, a data migration


@pytest.mark.parametrize(
    "change",
    [
        _publish_new_lesson,
        _unpublish_first_lesson,
        _move_first_lesson,
        _delete_first_lesson,
        _restrict_course,
        _change_restriction_groups,
        _rename_site,
        _edit_helpline,
        _save_page_directly,
    ],
)
def test_every_change_of_published_content_moves_the_version(course_with_lessons, change):
    before = published.version()
    change(course_with_lessons)
    assert published.version() != before


def test_reading_progress_does_not_move_the_version(trainee, client_trainee, lessons):
    client_trainee.get(lessons[0].url)
    before = published.version()
    services.lesson_mark_complete(user=trainee, lesson=lessons[0])
    client_trainee.post(reverse("lesson_complete", args=[lessons[1].pk]))
    client_trainee.get(lessons[0].url)
    assert published.version() == before


def test_the_version_moves_again_when_the_change_commits(course_with_lessons, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _publish_new_lesson(course_with_lessons)
        saved = published.version()
    for callback in callbacks:
        callback()
    # A process that reloaded between the save and the commit saw the old rows: it loads again.
    assert published.version() != saved


def test_another_process_change_is_picked_up_through_the_version(client_trainee, course_with_lessons, lessons):
    assert "Identifying victims" in client_trainee.get(lessons[0].url).content.decode()
    # Another process renames the course and moves the version in the shared cache; this one
    # has seen neither the signal nor the rows yet.
    Page.objects.filter(pk=course_with_lessons.pk).update(title="Renamed elsewhere")
    assert "Renamed elsewhere" not in client_trainee.get(lessons[0].url).content.decode()

    cache.set(published.VERSION_KEY, "moved-by-another-process", timeout=None)

    assert "Renamed elsewhere" in client_trainee.get(lessons[0].url).content.decode()


def test_a_request_reads_the_version_once(client_trainee, lessons, monkeypatch):
    client_trainee.get(lessons[0].url)
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        if key == published.VERSION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(published.cache, "get", counting_get)
    client_trainee.get(lessons[0].url)
    assert len(reads) == 1


def test_entries_are_forgotten_after_a_while_without_a_shared_cache(monkeypatch):
    loads = []
    clock = [1000.0]
    monkeypatch.setattr(published.time, "monotonic", lambda: clock[0])

    def load():
        loads.append(1)
        return "value"

    assert published.remembered("test", 1, load) == "value"
    assert published.remembered("test", 1, load) == "value"
    assert len(loads) == 1
    clock[0] += published.MEMO_SECONDS + 1
    published.remembered("test", 1, load)
    assert len(loads) == 2


def test_nothing_is_kept_for_paths_that_lead_nowhere(client_trainee, catalogue):
    for n in range(3):
        assert client_trainee.get(f"/en/courses/no-such-course-{n}/").status_code == 404
    assert not [key for key in published._memo if key[0] == "page"]


def test_entries_are_bounded(monkeypatch):
    monkeypatch.setattr(published, "MEMO_ENTRIES", 3)
    for n in range(10):
        published.remembered("test", n, lambda n=n: n)
    assert len(published._memo) <= 3


# --- What readers see after a change, page by page -------------------------------------------


def test_a_new_lesson_shows_in_the_course_and_every_outline(client_trainee, course_with_lessons, lessons):
    client_trainee.get(course_with_lessons.url)
    client_trainee.get(lessons[0].url)
    _publish_new_lesson(course_with_lessons)

    assert "A late lesson" in client_trainee.get(course_with_lessons.url).content.decode()
    assert "A late lesson" in client_trainee.get(lessons[0].url).content.decode()


def test_an_unpublished_course_leaves_the_catalogue_and_my_learning(client_trainee, trainee, catalogue):
    course = build_course(title="Short-lived course", lessons=1, catalogue=catalogue, audiences=[trainee.agency])
    assert "Short-lived course" in client_trainee.get(catalogue.url).content.decode()
    assert "Short-lived course" in client_trainee.get(reverse("my_learning")).content.decode()

    course.unpublish()

    assert "Short-lived course" not in client_trainee.get(catalogue.url).content.decode()
    assert "Short-lived course" not in client_trainee.get(reverse("my_learning")).content.decode()


def test_a_restricted_course_leaves_the_catalogue(client_trainee, catalogue, course_with_lessons):
    assert course_with_lessons.title in client_trainee.get(catalogue.url).content.decode()
    _change_restriction_groups(course_with_lessons)
    assert course_with_lessons.title not in client_trainee.get(catalogue.url).content.decode()


def test_required_courses_follow_the_audiences(client_trainee, trainee, catalogue):
    course = build_course(title="Newly required", lessons=1, catalogue=catalogue)
    assert "Newly required" not in client_trainee.get(reverse("my_learning")).content.decode()

    course.audiences.set([trainee.agency])
    publish(course)

    assert "Newly required" in client_trainee.get(reverse("my_learning")).content.decode()


def test_a_new_assessment_shows_on_the_course_page(client_trainee, course_with_lessons):
    assert 'id="assessment-heading"' not in client_trainee.get(course_with_lessons.url).content.decode()
    build_assessment(course_with_lessons)
    assert 'id="assessment-heading"' in client_trainee.get(course_with_lessons.url).content.decode()

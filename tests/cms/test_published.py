"""cms.published: what every reader sees is remembered per process and refreshed when an editor
publishes a change to it, in this process at once and in every other one through the shared
site and course versions."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site

from cms import published, routing
from cms.models import HelplineSettings
from courses import selectors, services
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


def version() -> str:
    return published.versions([published.SITE_VERSION_KEY])[0]


def course_version(course) -> str:
    return published.versions([published.course_version_key(course.path)])[0]


def all_versions(course) -> tuple:
    return version(), course_version(course)


def _change_restriction_groups(course):
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    before = version()
    restriction.groups.add(Group.objects.create(name="Pilot"))
    assert version() != before


def _rename_site(course):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed"
    site.save()


def _edit_helpline(course):
    site = Site.objects.get(is_default_site=True)
    HelplineSettings.objects.update_or_create(site=site, defaults={"hotline_number": "+992 44 600 00 00"})


def _announce_a_direct_change(course):
    Page.objects.filter(pk=course.pk).update(title="Changed in the shell")
    call_command("content_changed", stdout=StringIO())


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
        _announce_a_direct_change,
    ],
)
def test_every_change_of_published_content_moves_a_version(course_with_lessons, change):
    before = all_versions(course_with_lessons)
    change(course_with_lessons)
    after = all_versions(course_with_lessons)
    assert after[0] != before[0] or after[1] != before[1]


def test_reading_progress_does_not_move_the_version(trainee, client_trainee, lessons):
    client_trainee.get(lessons[0].url)
    before = all_versions(lessons[0].get_parent())
    services.lesson_mark_complete(user=trainee, lesson=lessons[0])
    client_trainee.post(reverse("lesson_complete", args=[lessons[1].pk]))
    client_trainee.get(lessons[0].url)
    assert all_versions(lessons[0].get_parent()) == before


def test_the_version_moves_again_when_the_change_commits(course_with_lessons, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _publish_new_lesson(course_with_lessons)
        saved = course_version(course_with_lessons)
    for callback in callbacks:
        callback()
    # A process that reloaded between the save and the commit saw the old rows: it loads again.
    assert course_version(course_with_lessons) != saved


def test_another_process_change_is_picked_up_through_the_version(client_trainee, course_with_lessons, lessons):
    assert "Identifying victims" in client_trainee.get(lessons[0].url).content.decode()
    # Another process renames the course and moves the version in the shared cache; this one
    # has seen neither the signal nor the rows yet.
    Page.objects.filter(pk=course_with_lessons.pk).update(title="Renamed elsewhere")
    assert "Renamed elsewhere" not in client_trainee.get(lessons[0].url).content.decode()

    cache.set(published.SITE_VERSION_KEY, "moved-by-another-process", timeout=None)

    assert "Renamed elsewhere" in client_trainee.get(lessons[0].url).content.decode()


def test_a_request_reads_the_versions_once(client_trainee, lessons, monkeypatch):
    client_trainee.get(lessons[0].url)
    reads, inside_get_many = [], []
    real_get, real_get_many = cache.get, cache.get_many

    def counting_get(key, *args, **kwargs):
        if key.startswith("frontline:content:") and not inside_get_many:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    def counting_get_many(keys, *args, **kwargs):
        if any(key.startswith("frontline:content:") for key in keys):
            reads.append(tuple(keys))
        inside_get_many.append(1)  # locmem's get_many calls get for each key
        try:
            return real_get_many(keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    monkeypatch.setattr(published.cache, "get", counting_get)
    monkeypatch.setattr(published.cache, "get_many", counting_get_many)
    client_trainee.get(lessons[0].url)
    assert len(reads) == 1, reads


def test_entries_are_forgotten_after_a_while_without_a_shared_cache(monkeypatch):
    loads = []
    clock = [1000.0]
    monkeypatch.setattr(published.time, "monotonic", lambda: clock[0])

    def load():
        loads.append(1)
        return "value"

    memo = published.Memo("test")
    assert memo.get(1, load) == "value"
    assert memo.get(1, load) == "value"
    assert len(loads) == 1
    clock[0] += published.MEMO_SECONDS + 1
    memo.get(1, load)
    assert len(loads) == 2


def test_nothing_is_kept_for_paths_that_lead_nowhere(client_trainee, catalogue):
    for n in range(3):
        assert client_trainee.get(f"/en/courses/no-such-course-{n}/").status_code == 404
    assert not any(f"no-such-course-{n}" in str(key) for n in range(3) for key in routing.PAGE_AT._entries)


def test_entries_are_bounded(monkeypatch):
    monkeypatch.setattr(published, "MEMO_ENTRIES", 3)
    memo = published.Memo("test")
    for n in range(10):
        memo.get(n, lambda n=n: n)
    assert len(memo._entries) <= 3


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


def test_required_courses_follow_the_requirements(client_trainee, trainee, catalogue):
    """Whatever My learning remembers of the published courses, a requirement applied to the
    trainee's agency shows at once (the required courses are the trainee's assignments)."""
    from programme.services import requirement_apply
    from tests.factories import RequirementFactory

    course = build_course(title="Newly required", lessons=1, catalogue=catalogue)
    assert "Newly required" not in client_trainee.get(reverse("my_learning")).content.decode()

    requirement_apply(requirement=RequirementFactory(course=course, agency=trainee.agency))

    assert "Newly required" in client_trainee.get(reverse("my_learning")).content.decode()


def test_a_new_assessment_shows_on_the_course_page(client_trainee, course_with_lessons):
    assert 'id="assessment-heading"' not in client_trainee.get(course_with_lessons.url).content.decode()
    build_assessment(course_with_lessons)
    assert 'id="assessment-heading"' in client_trainee.get(course_with_lessons.url).content.decode()


# --- What a change invalidates, and what it keeps ---------------------------------------------


def _outline_loads(monkeypatch):
    """Counts the loads of course outlines from the database."""
    loads = []
    real_get = selectors.COURSE_OUTLINE.get

    def counting_get(key, load, **kwargs):
        return real_get(key, lambda: loads.append(key) or load(), **kwargs)

    monkeypatch.setattr(selectors.COURSE_OUTLINE, "get", counting_get)
    return loads


def test_a_draft_save_and_an_autosave_keep_what_is_remembered(client_trainee, course_with_lessons, lessons):
    client_trainee.get(lessons[0].url)
    before = all_versions(course_with_lessons)
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.title = "A draft title"
    lesson.save_revision()  # a draft save; Wagtail's autosave saves a revision the same way
    lesson.save_revision(clean=False)
    course_with_lessons.specific.save_revision()

    assert all_versions(course_with_lessons) == before
    page = client_trainee.get(lessons[0].url).content.decode()
    assert "A draft title" not in page


def test_publishing_a_lesson_refreshes_its_course_only(client_trainee, catalogue, monkeypatch):
    course_a = build_course(title="Course A", lessons=2, catalogue=catalogue)
    course_b = build_course(title="Course B", lessons=2, catalogue=catalogue)
    lesson_a, lesson_b = lessons_of(course_a)[0], lessons_of(course_b)[0]
    client_trainee.get(lesson_a.url)
    client_trainee.get(lesson_b.url)
    site_before, b_before = version(), course_version(course_b)
    loads = _outline_loads(monkeypatch)

    lesson_a.title = "Renamed lesson of A"
    publish(lesson_a)

    assert version() == site_before
    assert course_version(course_b) == b_before
    assert "Renamed lesson of A" in client_trainee.get(lessons_of(course_a)[1].url).content.decode()
    client_trainee.get(lesson_b.url)
    assert loads == [course_a.path]  # course B's outline was kept


def test_publishing_an_assessment_refreshes_its_course_only(client_trainee, course_with_lessons):
    before_site = version()
    before_course = course_version(course_with_lessons)
    build_assessment(course_with_lessons)
    assert version() == before_site
    assert course_version(course_with_lessons) != before_course


def test_a_course_publish_moves_the_site_version_only_when_its_catalogue_entry_changes(course_with_lessons):
    publish(course_with_lessons)  # first publish through Wagtail: the course enters the catalogue
    site_before, course_before = version(), course_version(course_with_lessons)

    course = course_with_lessons.specific
    course.learning_outcomes = course.learning_outcomes  # nothing the catalogue shows
    publish(course)
    assert version() == site_before
    assert course_version(course_with_lessons) != course_before

    course.title = "A new title for the catalogue"
    publish(course)
    assert version() != site_before


def test_a_page_outside_any_course_moves_the_site_version(catalogue):
    before = version()
    catalogue.intro = "New catalogue intro"
    publish(catalogue)
    assert version() != before


@pytest.mark.parametrize("change", [_unpublish_first_lesson, _move_first_lesson, _delete_first_lesson])
def test_unpublish_move_and_delete_refresh_the_outline(client_trainee, course_with_lessons, change):
    lessons = lessons_of(course_with_lessons)
    client_trainee.get(lessons[1].url)
    change(course_with_lessons)
    outline = selectors.course_outline(course_path=course_with_lessons.path)
    live = LessonPage.objects.live().child_of(course_with_lessons).order_by("path")
    assert [lesson.pk for lesson in outline[1]] == [lesson.pk for lesson in live]


def test_moving_or_deleting_a_page_moves_the_site_version(course_with_lessons):
    before = version()
    _move_first_lesson(course_with_lessons)
    moved = version()
    assert moved != before
    _delete_first_lesson(course_with_lessons)
    assert version() != moved


def test_the_content_changed_command_refreshes_every_process(client_trainee, course_with_lessons, lessons):
    client_trainee.get(lessons[0].url)
    Page.objects.filter(pk=course_with_lessons.pk).update(title="Renamed in a data migration")
    assert "Renamed in a data migration" not in client_trainee.get(lessons[0].url).content.decode()
    out = StringIO()
    call_command("content_changed", stdout=out)
    assert "reloaded" in out.getvalue()
    assert "Renamed in a data migration" in client_trainee.get(lessons[0].url).content.decode()

"""Editors author, Moderators approve: nothing an editor writes goes live on its own."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Locale, Page, Workflow, WorkflowPage

from accounts.models import User
from cms.models import HomePage
from courses.models import CoursePage, LessonPage
from tests.factories import lesson_body

pytestmark = pytest.mark.django_db

# ``seeded`` (tests/cms/conftest.py): the site after ``seed_demo``, shared by this package.


@pytest.fixture
def editor(seeded):
    return User.objects.get(email="editor@frontline.test")


@pytest.fixture
def moderator(seeded):
    return User.objects.get(email="moderator@frontline.test")


def test_editors_group_has_no_publish_permission(seeded):
    editors = Group.objects.get(name="Editors")
    codenames = set(GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True))
    assert "publish_page" not in codenames
    assert {"add_page", "change_page"} <= codenames
    assert GroupPagePermission.objects.filter(group__name="Moderators", permission__codename="publish_page").exists()


def test_moderation_workflow_covers_the_site(seeded):
    workflow = Workflow.objects.get(name="Moderators approval")
    assert workflow.active
    assert WorkflowPage.objects.filter(workflow=workflow, page=Page.get_first_root_node()).exists()
    for home in HomePage.objects.all():  # every language's home page
        assert home.get_workflow() == workflow
    assert LessonPage.objects.filter(locale=Locale.get_default()).first().get_workflow() == workflow


def test_editor_cannot_publish_but_moderator_can(editor, moderator):
    lesson = LessonPage.objects.filter(locale=Locale.get_default()).first()
    assert editor.is_staff and editor.has_perm("wagtailadmin.access_admin")
    assert lesson.permissions_for_user(editor).can_edit()
    assert not lesson.permissions_for_user(editor).can_publish()
    assert lesson.permissions_for_user(moderator).can_publish()


def test_editor_lesson_goes_live_only_after_moderator_approval(editor, moderator):
    course = CoursePage.objects.filter(locale=Locale.get_default()).first()
    lesson = course.add_child(
        instance=LessonPage(title="New lesson by editor", slug="new-by-editor", body=lesson_body(), live=False)
    )
    lesson.save_revision(user=editor)
    workflow = lesson.get_workflow()

    workflow_state = workflow.start(lesson, editor)

    lesson.refresh_from_db()
    assert not lesson.live
    assert workflow_state.status == "in_progress"
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    assert [name for name, *_rest in task.get_actions(lesson, editor)] == []
    assert "approve" in [name for name, *_rest in task.get_actions(lesson, moderator)]

    task.on_action(task_state, moderator, "approve")

    lesson.refresh_from_db()
    workflow_state.refresh_from_db()
    assert lesson.live
    assert workflow_state.status == "approved"
    assert lesson.live_revision.user == editor


def test_editor_change_to_live_lesson_stays_draft_until_approved(editor, moderator):
    lesson = LessonPage.objects.filter(locale=Locale.get_default()).first()
    original_title = lesson.title
    lesson.title = "Edited by the editor"
    lesson.save_revision(user=editor)
    workflow_state = lesson.get_workflow().start(lesson, editor)

    assert LessonPage.objects.get(pk=lesson.pk).title == original_title
    assert LessonPage.objects.get(pk=lesson.pk).has_unpublished_changes

    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")
    workflow_state.refresh_from_db()
    assert workflow_state.status == "needs_changes"
    assert LessonPage.objects.get(pk=lesson.pk).title == original_title

    lesson.save_revision(user=editor)
    workflow_state.resume(user=editor)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    assert LessonPage.objects.get(pk=lesson.pk).title == "Edited by the editor"


def _new_live_lesson(title: str, slug: str) -> LessonPage:
    course = CoursePage.objects.filter(locale=Locale.get_default(), slug="identifying-victims").get()
    lesson = course.add_child(instance=LessonPage(title=title, slug=slug, body=lesson_body("English text.")))
    lesson.save_revision().publish()
    return lesson


def test_editor_translates_a_lesson_as_a_draft_that_a_moderator_publishes(
    client, editor, moderator, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import StringTranslation, Translation

    lesson = _new_live_lesson("Lesson to translate", "lesson-to-translate")
    tajik = Locale.objects.get(language_code="tg")
    assert editor.has_perm("wagtail_localize.submit_translation")

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{lesson.pk}/", {"locales": [tajik.pk]})

    assert response.status_code == 302
    translated = lesson.get_translation(tajik)
    assert not translated.live, "the editor's translation must not go live on its own (in English, at that)"
    assert translated.get_parent().specific.slug == "identifying-victims"
    assert translated.get_parent().locale == tajik

    translation = Translation.objects.get(source__object_id=lesson.translation_key, target_locale=tajik)
    title = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=tajik, context=title.context, data="Дарси тарҷумашуда"
    )
    edit_url = f"/admin/pages/{translated.pk}/edit/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})  # editors cannot publish: the admin refuses
    translated.refresh_from_db()
    assert not translated.live

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        client.post(edit_url, {"action": "publish"})
    translated.refresh_from_db()
    assert translated.live
    assert translated.title == "Дарси тарҷумашуда"


def test_admin_sends_no_editor_address_hash_to_gravatar(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"gravatar" not in response.content.lower()


def test_editor_cannot_publish_translations_through_sync_translated_pages(
    client, editor, moderator, django_capture_on_commit_callbacks
):
    lesson = _new_live_lesson("Lesson to sync", "lesson-to-sync")
    tajik = Locale.objects.get(language_code="tg")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/localize/submit/page/{lesson.pk}/", {"locales": [tajik.pk]})
    from wagtail_localize.models import TranslationSource

    sync_url = f"/admin/localize/update/{TranslationSource.objects.get_for_instance(lesson).pk}/"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync_url, {"publish_translations": "on"})
    assert not lesson.get_translation(tajik).live

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(sync_url, {}).status_code == 302  # syncing without publishing is fine
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync_url, {"publish_translations": "on"})
    assert lesson.get_translation(tajik).live

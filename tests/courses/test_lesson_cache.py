"""What the lesson page caches (the published body, the header's links, the footer's helpline)
is the same for everyone and is refreshed when it changes; progress is never cached."""

import pytest
from django.urls import reverse

from accounts.models import CoordinatorScope
from cms.models import HelplineSettings
from courses import services
from tests.factories import UserFactory, lesson_body, publish

pytestmark = pytest.mark.django_db


def test_new_revision_of_a_lesson_is_shown_once_published(client_trainee, lessons):
    lesson = lessons[0]
    assert "Body of lesson 1" in client_trainee.get(lesson.url).content.decode()  # now cached

    lesson.body = lesson_body("A corrected paragraph.")
    lesson.save_revision()  # a draft changes nothing for readers
    assert "Body of lesson 1" in client_trainee.get(lesson.url).content.decode()

    lesson.save_revision().publish()
    content = client_trainee.get(lesson.url).content.decode()
    assert "A corrected paragraph." in content
    assert "Body of lesson 1" not in content


def test_title_change_is_shown_once_published(client_trainee, lessons):
    lesson = lessons[0]
    client_trainee.get(lesson.url)
    lesson.title = "A new title"
    publish(lesson)
    assert "<h1>A new title</h1>" in client_trainee.get(lesson.url).content.decode()


def test_progress_is_each_trainees_own(client, trainee, agency, region, lessons):
    other = UserFactory(agency=agency, region=region)
    services.lesson_mark_complete(user=trainee, lesson=lessons[0])
    complete_url = reverse("lesson_complete", args=[lessons[0].pk])

    client.force_login(trainee)
    mine = client.get(lessons[0].url).content.decode()
    client.force_login(other)
    theirs = client.get(lessons[0].url).content.decode()

    assert "You have completed this lesson." in mine and complete_url not in mine
    assert "1 of 3 lessons complete" in mine
    assert "You have completed this lesson." not in theirs and complete_url in theirs
    assert "0 of 3 lessons complete" in theirs
    assert 'class="is-done' not in theirs


def test_reports_link_follows_the_coordinator_scope(client_trainee, trainee, lessons):
    reports = reverse("reports_dashboard")
    assert reports not in client_trainee.get(lessons[0].url).content.decode()  # cached: not a coordinator
    scope = CoordinatorScope.objects.create(user=trainee)
    assert reports in client_trainee.get(lessons[0].url).content.decode()
    scope.delete()
    assert reports not in client_trainee.get(lessons[0].url).content.decode()


def test_helpline_change_shows_in_the_footer(client_trainee, lessons):
    from wagtail.models import Site

    assert "+992 44 600 00 00" not in client_trainee.get(lessons[0].url).content.decode()
    helpline = HelplineSettings.for_site(Site.objects.get(is_default_site=True))
    helpline.hotline_number = "+992 44 600 00 00"
    helpline.save()
    assert "+992 44 600 00 00" in client_trainee.get(lessons[0].url).content.decode()


def test_catalogue_link_follows_the_catalogue(client_trainee, catalogue, lessons):
    assert f'href="{catalogue.url}"' in client_trainee.get(lessons[0].url).content.decode()
    catalogue.slug = "all-courses"
    publish(catalogue)
    content = client_trainee.get(lessons[0].url).content.decode()
    assert 'href="/en/all-courses/"' in content

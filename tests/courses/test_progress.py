"""Marking lessons complete, progress, enrolment and the "My learning" page."""

import pytest
from django.urls import reverse

from courses import selectors, services
from courses.models import Enrolment, LessonCompletion
from tests.factories import AgencyFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def complete(client, lesson):
    return client.post(reverse("lesson_complete", args=[lesson.pk]))


def test_completing_a_lesson_twice_records_it_once(client_trainee, trainee, lessons):
    complete(client_trainee, lessons[0])
    complete(client_trainee, lessons[0])
    assert LessonCompletion.objects.filter(user=trainee, lesson=lessons[0]).count() == 1
    assert LessonCompletion.objects.filter(user=trainee).count() == 1


def test_completing_a_lesson_redirects_to_the_next_one(client_trainee, lessons):
    response = complete(client_trainee, lessons[0])
    assert response.status_code == 302
    assert response["Location"] == lessons[1].url


def test_completing_the_last_lesson_returns_to_the_course(client_trainee, course_with_lessons, lessons):
    for lesson in lessons:
        response = complete(client_trainee, lesson)
    assert response["Location"] == course_with_lessons.url


def test_completing_lessons_out_of_order_goes_to_the_first_unfinished(client_trainee, lessons):
    complete(client_trainee, lessons[1])
    response = complete(client_trainee, lessons[2])
    assert response["Location"] == lessons[0].url


@pytest.mark.parametrize(("done", "percent"), [(0, 0), (1, 33), (2, 67), (3, 100)])
def test_course_progress_percentage(client_trainee, trainee, course_with_lessons, lessons, done, percent):
    for lesson in lessons[:done]:
        complete(client_trainee, lesson)

    progress = selectors.course_progress(user=trainee, course=course_with_lessons)

    assert (progress.done, progress.total, progress.percent) == (done, 3, percent)
    assert progress.completed is (done == 3)
    enrolment = Enrolment.objects.filter(user=trainee, course=course_with_lessons).first()
    if done:
        assert (enrolment.completed_at is not None) is (done == 3)
    else:
        assert enrolment is None


def test_completing_every_lesson_completes_the_enrolment(client_trainee, trainee, course_with_lessons, lessons):
    for lesson in lessons:
        complete(client_trainee, lesson)
    enrolment = Enrolment.objects.get(user=trainee, course=course_with_lessons)
    assert enrolment.completed_at is not None


def test_lesson_complete_rejects_get(client_trainee, lessons):
    assert client_trainee.get(reverse("lesson_complete", args=[lessons[0].pk])).status_code == 405
    assert not LessonCompletion.objects.exists()


def test_lesson_complete_requires_login(client, lessons):
    response = complete(client, lessons[0])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not LessonCompletion.objects.exists()


def test_completing_an_unpublished_lesson_is_not_found(client_trainee, lessons):
    lessons[0].unpublish()
    assert complete(client_trainee, lessons[0]).status_code == 404
    assert not LessonCompletion.objects.exists()


def test_completing_a_lesson_of_a_draft_course_is_not_found(client_trainee, catalogue):
    draft = build_course(title="Draft course", catalogue=catalogue, live=False)
    assert complete(client_trainee, lessons_of(draft)[0]).status_code == 404
    assert not LessonCompletion.objects.exists()


def test_course_start_enrols_and_opens_first_unfinished_lesson(client_trainee, trainee, course_with_lessons, lessons):
    url = reverse("course_start", args=[course_with_lessons.pk])

    response = client_trainee.post(url)
    assert response.status_code == 302
    assert response["Location"] == lessons[0].url
    assert Enrolment.objects.filter(user=trainee, course=course_with_lessons).count() == 1

    complete(client_trainee, lessons[0])
    response = client_trainee.post(url)
    assert response["Location"] == lessons[1].url
    assert Enrolment.objects.filter(user=trainee).count() == 1


def test_course_start_rejects_get(client_trainee, course_with_lessons):
    assert client_trainee.get(reverse("course_start", args=[course_with_lessons.pk])).status_code == 405
    assert not Enrolment.objects.exists()


def test_course_start_for_draft_course_is_not_found(client_trainee, catalogue):
    draft = build_course(title="Draft course", catalogue=catalogue, live=False)
    assert client_trainee.post(reverse("course_start", args=[draft.pk])).status_code == 404


def test_course_without_lessons_start_returns_to_course(client_trainee, catalogue):
    empty = build_course(title="Empty course", catalogue=catalogue, lessons=0)
    response = client_trainee.post(reverse("course_start", args=[empty.pk]))
    assert response["Location"] == empty.url


def test_course_page_shows_progress_to_trainee(client_trainee, course_with_lessons, lessons):
    complete(client_trainee, lessons[0])
    content = client_trainee.get(course_with_lessons.url).content.decode()
    assert "1 of 3 lessons complete (33%)" in content
    assert "Continue the course" in content


def test_unpublishing_a_lesson_completes_course_only_on_live_lessons(trainee, course_with_lessons, lessons):
    for lesson in lessons[:2]:
        services.lesson_mark_complete(user=trainee, lesson=lesson)
    lessons[2].unpublish()
    assert services.course_refresh_completion(user=trainee, course=course_with_lessons)
    assert selectors.course_progress(user=trainee, course=course_with_lessons).percent == 100


class TestMyLearning:
    def sections(self, client):
        response = client.get(reverse("my_learning"))
        assert response.status_code == 200
        learning = response.context["learning"]
        return {
            "in_progress": [item.course.title for item in learning.in_progress],
            "completed": [item.course.title for item in learning.completed],
            "required": [item.course.title for item in learning.required],
        }, response.content.decode()

    def test_empty_for_a_new_trainee(self, client_trainee, course_with_lessons):
        sections, content = self.sections(client_trainee)
        assert sections == {"in_progress": [], "completed": [], "required": []}
        assert "You have not started a course yet." in content

    def test_course_in_progress_after_one_lesson(self, client_trainee, lessons):
        complete(client_trainee, lessons[0])
        sections, content = self.sections(client_trainee)
        assert sections == {"in_progress": ["Identifying victims"], "completed": [], "required": []}
        assert "1 of 3 lessons complete (33%)" in content

    def test_course_completed_after_all_lessons(self, client_trainee, lessons):
        for lesson in lessons:
            complete(client_trainee, lesson)
        sections, _content = self.sections(client_trainee)
        assert sections == {"in_progress": [], "completed": ["Identifying victims"], "required": []}

    def test_course_required_for_own_agency_is_listed_before_starting(self, client_trainee, trainee, catalogue):
        build_course(title="Required course", catalogue=catalogue, lessons=2, audiences=[trainee.agency])
        sections, content = self.sections(client_trainee)
        assert sections == {"in_progress": [], "completed": [], "required": ["Required course"]}
        assert "Required for your agency" in content

    def test_course_required_for_another_agency_is_not_listed(self, client_trainee, catalogue):
        build_course(title="Someone else's course", catalogue=catalogue, audiences=[AgencyFactory()])
        sections, _content = self.sections(client_trainee)
        assert sections == {"in_progress": [], "completed": [], "required": []}

    def test_completed_required_course_leaves_the_required_list(self, client_trainee, trainee, catalogue):
        """Completed is certified: the assignment is completed by the course's certificate, and
        the course stays under its requirement with the certificate's expiry."""
        from django.utils.formats import date_format

        from certificates.services import certificate_issue
        from tests.factories import PassedAttemptFactory

        course = build_course(title="Required course", catalogue=catalogue, lessons=2, audiences=[trainee.agency])
        for lesson in lessons_of(course):
            complete(client_trainee, lesson)
        certificate = certificate_issue(attempt=PassedAttemptFactory(user=trainee, course=course))
        sections, content = self.sections(client_trainee)
        assert sections == {"in_progress": [], "completed": [], "required": []}
        assert "You have completed every course your agency requires." in content
        assert f"Certificate expires on {date_format(certificate.expires_on, 'DATE_FORMAT')}" in content

    def test_draft_required_course_is_not_listed(self, client_trainee, trainee, catalogue):
        build_course(title="Draft required", catalogue=catalogue, live=False, audiences=[trainee.agency])
        sections, _content = self.sections(client_trainee)
        assert sections["required"] == []

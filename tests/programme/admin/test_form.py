"""Creating and changing requirements: every refusal on its field, nothing typed lost, and a
save that queues the assigning and leaves an audit entry."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from programme.models import Requirement
from programme.viewsets import ACTION_CHANGE, ACTION_CREATE
from tests.programme.admin.conftest import form_data, requirement, signed_in

pytestmark = pytest.mark.django_db

ADD = reverse("requirements:add")


def field_errors(response, name) -> list[str]:
    return list(response.context["form"].errors.get(name, []))


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"agency": ""}, "agency", "Choose the agency whose trainees must take the course"),
        ({"course": ""}, "course", "Choose the course the trainees must complete."),
        ({"due_days": ""}, "due_days", "Enter how many days the trainees have to complete the course."),
        ({"due_days": "0"}, "due_days", "Ensure this value is greater than or equal to 1."),
        (
            {"due_rule": "fixed_date", "due_date": ""},
            "due_date",
            "Enter the date by which the course must be completed.",
        ),
        ({"due_rule": "fixed_date", "due_date": "2020-01-31"}, "due_date", "This date has passed"),
        ({"due_rule": "fixed_date", "due_date": "31/31/2027"}, "due_date", "Enter a valid date."),
        ({"recertify_within_days": ""}, "recertify_within_days", "Enter how many days after the expiry"),
    ],
)
def test_refusals_are_on_their_field_and_keep_what_was_typed(admin_client, world, enqueued, overrides, field, message):
    data = form_data(world, positions="Border guard\nSenior  Inspector", **overrides)
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert any(message in error for error in field_errors(response, field)), response.context["form"].errors
    assert not Requirement.objects.exists() and enqueued == []
    body = response.content.decode()
    assert "Senior  Inspector" in body  # the textarea as typed
    for name, value in data.items():
        if name not in ("positions", "recurs") and value:
            assert str(value) in body, name


def test_a_course_without_an_assessment_is_refused_because_it_cannot_certify(admin_client, world, enqueued):
    response = admin_client.post(ADD, form_data(world, course=world.no_assessment.pk))
    assert "cannot issue certificates" in field_errors(response, "course")[0]
    assert not Requirement.objects.exists()


def test_the_unused_due_field_is_ignored(admin_client, world, enqueued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(ADD, form_data(world, due_rule="fixed_date", due_date="2099-03-01", due_days="abc"))
    made = Requirement.objects.get()
    assert (made.due_days, str(made.due_date)) == (None, "2099-03-01")


def test_a_duplicate_of_an_active_requirement_is_refused(admin_client, world, enqueued):
    requirement(world, regions=[world.r1], positions=["border guard"])
    data = form_data(world, regions=[world.r1.pk], positions="BORDER   Guard")
    response = admin_client.post(ADD, data)
    assert "already exists" in field_errors(response, "course")[0]
    # Another audience is no duplicate.
    response = admin_client.post(ADD, form_data(world, regions=[world.r1.pk, world.r2.pk]))
    assert response.status_code == 302
    assert Requirement.objects.count() == 2


def test_a_withdrawn_requirement_is_no_duplicate(admin_client, world, enqueued):
    requirement(world, is_active=False)
    assert admin_client.post(ADD, form_data(world)).status_code == 302


def test_a_coordinator_may_not_choose_an_agency_outside_their_scope(world, coordinator_a, enqueued):
    response = signed_in(coordinator_a).post(ADD, form_data(world, agency=world.agency_b.pk))
    assert field_errors(response, "agency") == ["You may set requirements only for the agencies in your scope."]
    assert not Requirement.objects.exists()


def test_a_regional_coordinator_must_keep_the_audience_inside_their_regions(world, coordinator_a1, enqueued):
    client = signed_in(coordinator_a1)
    # Every region of the agency: wider than their scope.
    response = client.post(ADD, form_data(world))
    assert "Your scope covers only some regions of this agency" in field_errors(response, "regions")[0]
    # A region outside it is not even offered.
    response = client.post(ADD, form_data(world, regions=[world.r1.pk, world.r2.pk]))
    assert field_errors(response, "regions")
    assert world.r2.name not in response.content.decode()
    assert not Requirement.objects.exists()
    # Their own region is fine.
    response = client.post(ADD, form_data(world, regions=[world.r1.pk]))
    assert response.status_code == 302
    assert list(Requirement.objects.get().regions.all()) == [world.r1]


def test_saving_a_new_requirement_queues_the_assigning_and_is_audited(
    admin_client, superuser, world, enqueued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            ADD, form_data(world, regions=[world.r1.pk], positions=" Border  GUARD \n\nborder guard\n"), follow=True
        )
    made = Requirement.objects.get()
    assert enqueued == [made.pk]
    assert made.positions == ["border guard"]
    assert (made.created_by, made.updated_by, made.apply_state) == (superuser, superuser, "pending")
    assert "Assigning the course to 3 trainees in the background" in response.content.decode()
    entry = log_registry.get_logs_for_instance(made).get()
    assert (entry.action, entry.user) == (ACTION_CREATE, superuser)


def test_changing_a_requirement_logs_each_field_old_and_new_and_requeues(
    admin_client, superuser, world, enqueued, django_capture_on_commit_callbacks
):
    made = requirement(world, regions=[world.r1])
    data = form_data(world, regions=[world.r1.pk, world.r2.pk], due_days="60", recurs="")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("requirements:edit", args=[made.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    made.refresh_from_db()
    assert (made.due_days, made.recurs, made.updated_by) == (60, False, superuser)
    assert enqueued == [made.pk]
    entry = log_registry.get_logs_for_instance(made).get(action=ACTION_CHANGE)
    changes = entry.data["changes"]
    assert changes["due_days"] == ["90", "60"]
    assert changes["recurs"] == ["yes", "no"]
    assert changes["regions"] == ["Zeravshan Valley", "Pamir Highlands, Zeravshan Valley"]
    assert "course" not in changes and "agency" not in changes
    history = admin_client.get(reverse("requirements:history", args=[made.pk])).content.decode()
    assert "days to complete: 90 → 60" in history
    site_history = admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Requirement changed" in site_history


def test_saving_without_a_change_queues_nothing(admin_client, world, enqueued, django_capture_on_commit_callbacks):
    made = requirement(world, starts_on=timezone.localdate())
    data = form_data(world, starts_on=str(timezone.localdate()))
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("requirements:edit", args=[made.pk]), data)
    assert enqueued == []
    assert not log_registry.get_logs_for_instance(made).exists()


def test_a_past_fixed_date_already_stored_may_stay_when_other_fields_change(admin_client, world, enqueued):
    past = timezone.localdate() - timedelta(days=10)
    made = requirement(world, due_rule="fixed_date", due_days=None, due_date=past)
    data = form_data(world, due_rule="fixed_date", due_date=str(past), due_days="", positions="Inspector")
    assert admin_client.post(reverse("requirements:edit", args=[made.pk]), data).status_code == 302


def test_the_course_of_a_saved_requirement_cannot_be_changed(admin_client, world, enqueued):
    made = requirement(world)
    admin_client.post(reverse("requirements:edit", args=[made.pk]), form_data(world, course=world.other_course.pk))
    made.refresh_from_db()
    assert made.course == world.course


def test_the_form_speaks_russian_to_a_russian_administrator(world, superuser, enqueued):
    superuser.preferred_language = "ru"
    superuser.save()
    response = signed_in(superuser).post(ADD, form_data(world, agency=""))
    body = response.content.decode()
    assert 'lang="ru"' in body
    assert "Амударьинская погранслужба" in body  # the agency in the admin's language

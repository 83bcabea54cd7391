"""The list of requirements (in words, with the progress of the worker, searchable, a fixed
number of queries) and withdrawal instead of deletion."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from programme.models import Requirement
from programme.viewsets import ACTION_WITHDRAW
from tests.factories import AssignmentFactory, UserFactory
from tests.programme.admin.conftest import requirement, signed_in

pytestmark = pytest.mark.django_db

INDEX = reverse("requirements:index")


def test_the_list_says_the_rules_in_words_and_shows_the_progress(admin_client, world):
    joining = requirement(world, regions=[world.r1], positions=["border guard"])
    for trainee in world.trainees["a1"]:
        AssignmentFactory(user=trainee, course=world.course, requirement=joining)
    AssignmentFactory(user=world.trainees["a2"][0], course=world.course, ended_at=timezone.now())
    requirement(
        world,
        agency=world.agency_b,
        due_rule="fixed_date",
        due_days=None,
        due_date=date(2027, 3, 1),
        recurs=False,
        apply_state="running",
        apply_done=12000,
        apply_total=50000,
    )
    body = admin_client.get(INDEX).content.decode()
    assert "within 90 days of joining" in body
    assert "by March 1, 2027" in body  # the date as the admin's language writes it
    assert "Assigning: 12,000 of 50,000" in body
    assert "Waiting for the worker" in body
    assert "Yes: due 30 days after the certificate expires" in body
    assert "Amudarya Border Agency · Zeravshan Valley · position: border guard" in body
    assert "Bactria Customs Office · every region" in body
    assert ">3<" in body.replace(" ", "").replace("\n", "")  # the open assignments only


def test_the_list_speaks_russian(world, superuser):
    requirement(world)
    superuser.preferred_language = "ru"
    superuser.save()
    body = signed_in(superuser).get(INDEX).content.decode()
    assert "Амударьинская погранслужба" in body


def test_the_list_is_searched_by_course(admin_client, world):
    requirement(world)
    requirement(world, course=world.other_course)
    body = admin_client.get(INDEX, {"q": "interviewing"}).content.decode()
    assert "Interviewing survivors" in body and "Identifying victims" not in body
    results = admin_client.get(reverse("requirements:index_results"), {"q": "identifying"}).content.decode()
    assert "Identifying victims" in results and "Interviewing survivors" not in results


def test_the_list_takes_a_fixed_number_of_queries(admin_client, world, django_assert_max_num_queries):
    """30 requirements (two pages): the same queries for either page, none per row."""
    for n in range(30):
        course = (world.course, world.other_course)[n % 2]
        agency = (world.agency_a, world.agency_b)[n // 2 % 2]
        made = requirement(world, course=course, agency=agency, regions=[world.r1, world.r2][: n % 3])
        AssignmentFactory(user=UserFactory(agency=agency, region=world.r1), course=course, requirement=made)
    admin_client.get(INDEX)  # warm per-process caches (content types, site root)
    with django_assert_max_num_queries(10) as captured:
        response = admin_client.get(INDEX)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 20
    with django_assert_max_num_queries(len(captured)):
        admin_client.get(INDEX, {"p": 2})


def test_a_requirement_with_assignments_is_withdrawn_not_deleted(
    admin_client, superuser, world, enqueued, django_capture_on_commit_callbacks
):
    made = requirement(world)
    for trainee in world.trainees["a1"]:
        AssignmentFactory(user=trainee, course=world.course, requirement=made)
    response = admin_client.get(reverse("requirements:delete", args=[made.pk]))
    assert response["Location"] == reverse("requirements:withdraw", args=[made.pk])
    admin_client.post(reverse("requirements:delete", args=[made.pk]))
    assert Requirement.objects.filter(pk=made.pk).exists()

    page = admin_client.get(reverse("requirements:withdraw", args=[made.pk])).content.decode()
    assert "ends 3 open assignments made by it" in page
    edit = admin_client.get(reverse("requirements:edit", args=[made.pk])).content.decode()
    assert reverse("requirements:withdraw", args=[made.pk]) in edit
    assert reverse("requirements:delete", args=[made.pk]) not in edit

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("requirements:withdraw", args=[made.pk]), follow=True)
    assert "Ending 3 assignments in the background" in response.content.decode()
    made.refresh_from_db()
    assert (made.is_active, made.updated_by, made.apply_state) == (False, superuser, "pending")
    assert enqueued == [made.pk]
    assert log_registry.get_logs_for_instance(made).get().action == ACTION_WITHDRAW
    # Withdrawn is history: no longer changed, nor withdrawn twice.
    assert admin_client.get(reverse("requirements:edit", args=[made.pk]))["Location"] == reverse("wagtailadmin_home")
    again = admin_client.post(reverse("requirements:withdraw", args=[made.pk]), follow=True)
    assert "already withdrawn" in again.content.decode()
    assert enqueued == [made.pk]


def test_a_requirement_nobody_was_assigned_by_may_be_deleted(admin_client, world):
    made = requirement(world)
    response = admin_client.post(reverse("requirements:delete", args=[made.pk]))
    assert response.status_code == 302
    assert not Requirement.objects.filter(pk=made.pk).exists()


def test_a_get_to_withdraw_changes_nothing(admin_client, world, enqueued):
    made = requirement(world)
    AssignmentFactory(user=world.trainees["a1"][0], course=world.course, requirement=made)
    admin_client.get(reverse("requirements:withdraw", args=[made.pk]))
    made.refresh_from_db()
    assert made.is_active and enqueued == []


def test_a_withdrawn_requirement_is_marked_in_the_list(admin_client, world):
    requirement(world, is_active=False, apply_state="done")
    requirement(world, course=world.other_course, is_active=False, apply_state="running", apply_total=10)
    body = admin_client.get(INDEX).content.decode()
    assert body.count("Withdrawn") == 2
    assert "Withdrawn · Assigning: 0 of 10" in body

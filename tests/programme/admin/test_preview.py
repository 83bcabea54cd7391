"""The preview: what saving a requirement would do, counted against a seeded audience and the
current assignments, without saving anything."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from programme.models import Assignment, Requirement
from programme.preview import requirement_preview
from tests.factories import AssignmentFactory, UserFactory
from tests.programme.admin.conftest import form_data, requirement

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def unsaved(world, **fields) -> Requirement:
    values = {"course": world.course, "agency": world.agency_a, "due_rule": "after_joining", "due_days": 90}
    values.update(fields)
    return Requirement(**values)


def test_a_new_requirement_assigns_its_whole_audience_counted_per_region(world):
    preview = requirement_preview(requirement=unsaved(world), region_ids=[], positions=[])
    assert (preview.new, preview.changed, preview.removed) == (5, 0, 0)
    assert [(row.name, row.count) for row in preview.by_region] == [("Zeravshan Valley", 3), ("Pamir Highlands", 2)]


def test_regions_and_positions_narrow_the_audience(world):
    preview = requirement_preview(requirement=unsaved(world), region_ids=[world.r1.pk], positions=["border guard"])
    assert preview.new == 3
    preview = requirement_preview(requirement=unsaved(world), region_ids=[], positions=["  INSPECTOR "])
    assert (preview.new, [row.count for row in preview.by_region]) == (2, [2])


def test_a_trainee_already_assigned_the_course_is_not_new_but_an_earlier_date_moves_theirs(world):
    holder = world.trainees["a1"][0]
    AssignmentFactory(user=holder, course=world.course, due_on=TODAY + timedelta(days=300))
    late_but_done = world.trainees["a1"][1]
    AssignmentFactory(
        user=late_but_done, course=world.course, due_on=TODAY + timedelta(days=300), completed_at=timezone.now()
    )
    soon = world.trainees["a2"][0]
    AssignmentFactory(user=soon, course=world.course, due_on=TODAY + timedelta(days=5))
    fixed = unsaved(world, due_rule="fixed_date", due_days=None, due_date=TODAY + timedelta(days=30))
    preview = requirement_preview(requirement=fixed, region_ids=[], positions=[])
    # Two of five hold an open assignment; only the unfinished one due later moves.
    assert (preview.new, preview.changed, preview.removed) == (2, 1, 0)


def test_on_edit_the_counts_are_relative_to_the_requirements_own_assignments(world):
    made = requirement(world)  # 90 days after joining, for all of agency A
    start = made.starts_on
    for trainee in world.trainees["a1"] + world.trainees["a2"]:
        joined = max(trainee.date_joined.date(), start)
        AssignmentFactory(
            user=trainee, course=world.course, requirement=made, due_on=max(joined + timedelta(days=90), TODAY)
        )
    # Unchanged: nothing happens.
    preview = requirement_preview(requirement=made, region_ids=[], positions=[])
    assert (preview.new, preview.changed, preview.removed) == (0, 0, 0)
    assert not preview.touches_anyone
    # Region 1 only, 60 days: region 2's two assignments end, region 1's three move.
    made.due_days = 60
    preview = requirement_preview(requirement=made, region_ids=[world.r1.pk], positions=[])
    assert (preview.new, preview.changed, preview.removed) == (0, 3, 2)
    # A withdrawal ends all five.
    made.is_active = False
    preview = requirement_preview(requirement=made, region_ids=[], positions=[])
    assert (preview.new, preview.changed, preview.removed) == (0, 0, 5)


def test_after_joining_counts_from_each_trainees_joining(world):
    made = requirement(world, starts_on=TODAY - timedelta(days=400), due_days=30)
    recent = world.trainees["a1"][0]
    recent.date_joined = timezone.now() - timedelta(days=10)
    recent.save()
    old = world.trainees["a1"][1]
    old.date_joined = timezone.now() - timedelta(days=200)
    old.save()
    # The recent joiner is due 20 days from now; the old one today (never before).
    AssignmentFactory(user=recent, course=world.course, requirement=made, due_on=TODAY + timedelta(days=20))
    AssignmentFactory(user=old, course=world.course, requirement=made, due_on=TODAY)
    preview = requirement_preview(requirement=made, region_ids=[world.r1.pk], positions=["border guard"])
    assert (preview.changed, preview.removed) == (0, 0)
    made.due_days = 40
    preview = requirement_preview(requirement=made, region_ids=[world.r1.pk], positions=["border guard"])
    assert preview.changed == 1  # the recent joiner: now 30 days from now; the old one stays due today


def test_the_preview_takes_the_same_few_queries_whatever_the_audience(world, django_assert_max_num_queries):
    UserFactory.create_batch(40, agency=world.agency_a, region=world.r3)
    with django_assert_max_num_queries(3):
        preview = requirement_preview(requirement=unsaved(world), region_ids=[], positions=[])
    assert preview.new == 45


def test_the_preview_button_shows_the_counts_and_saves_nothing(admin_client, world, enqueued):
    response = admin_client.post(reverse("requirements:add"), {**form_data(world), "preview": "1"})
    body = response.content.decode()
    assert response.status_code == 200
    expected = "This requirement will assign the course to 5 trainees, move the due date of 0 and end 0 assignments."
    assert expected in body
    assert "Zeravshan Valley: 3" in body and "Pamir Highlands: 2" in body
    assert 'value="90"' in body  # the form as typed, ready to save
    assert not Requirement.objects.exists() and enqueued == []
    assert not Assignment.objects.exists()


def test_the_preview_of_an_edit_saves_nothing(admin_client, world, enqueued):
    made = requirement(world)
    data = {**form_data(world, due_days="10", regions=[world.r1.pk]), "preview": "1"}
    response = admin_client.post(reverse("requirements:edit", args=[made.pk]), data)
    assert "assign the course to 3 trainees" in response.content.decode()
    made.refresh_from_db()
    assert (made.due_days, list(made.regions.all())) == (90, [])
    assert enqueued == []


def test_a_preview_of_an_invalid_form_shows_the_errors_instead(admin_client, world, enqueued):
    response = admin_client.post(reverse("requirements:add"), {**form_data(world, agency=""), "preview": "1"})
    assert response.status_code == 200
    assert response.context["form"].errors["agency"]
    assert "This requirement will assign" not in response.content.decode()

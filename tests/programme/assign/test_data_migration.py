"""programme 0002: the per-agency "required courses" (CoursePage.audiences) become requirements,
and every active trainee of those agencies an assignment due 90 days after joining (the old
"overdue after 90 days"), completed where they hold a valid certificate; then courses 0003
removes the field."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import certificate_issue
from programme.models import Assignment, Requirement
from tests.factories import AgencyFactory, PassedAttemptFactory, UserFactory, build_course

BEFORE = [("courses", "0002_search_text"), ("programme", "0001_initial")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_audiences_become_requirements_and_assignments():
    course = build_course(title="Identifying victims", lessons=1)
    border, police, other = AgencyFactory(), AgencyFactory(), AgencyFactory()
    long_ago = timezone.now() - timedelta(days=200)
    overdue = UserFactory(agency=border, date_joined=long_ago)
    certified = UserFactory(agency=border)
    certificate = certificate_issue(attempt=PassedAttemptFactory(user=certified, course=course))
    expired = UserFactory(agency=police)
    old = certificate_issue(attempt=PassedAttemptFactory(user=expired, course=course))
    Certificate.objects.filter(pk=old.pk).update(expires_on=timezone.localdate() - timedelta(days=3))
    UserFactory(agency=border, is_active=False)
    UserFactory(agency=other)

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldCourse = old_apps.get_model("courses", "CoursePage")
    OldCourse.objects.get(pk=course.pk).audiences.set([border.pk, police.pk])

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    requirements = Requirement.objects.filter(course=course).order_by("agency_id")
    assert [r.agency_id for r in requirements] == [border.pk, police.pk]
    for requirement in requirements:
        assert (requirement.due_rule, requirement.due_days, requirement.recurs) == ("after_joining", 90, True)
        assert requirement.starts_on == timezone.localtime(course.first_published_at).date()
        assert requirement.apply_state == "done"
    assignments = {a.user_id: a for a in Assignment.objects.filter(course=course)}
    assert set(assignments) == {overdue.pk, certified.pk, expired.pk}
    assert assignments[overdue.pk].due_on == timezone.localtime(long_ago).date() + timedelta(days=90)
    assert assignments[overdue.pk].due_on < timezone.localdate()  # overdue, as the old constant said
    assert assignments[certified.pk].certificate_id == certificate.pk
    assert assignments[certified.pk].completed_at == certificate.issued_at
    assert assignments[expired.pk].completed_at is None
    assert all(a.cycle == 1 and a.ended_at is None for a in assignments.values())

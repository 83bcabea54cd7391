"""Fixtures for digests, scheduled reports and big exports: a coordinator of one agency in one
region, a national one, and trainees inside and outside the first one's scope."""

from datetime import timedelta

import pytest
from django.urls import NoReverseMatch, clear_url_caches, reverse
from django.utils import timezone, translation

from programme import services
from programme.models import Assignment
from tests.assessments.builders import issue_certificate
from tests.factories import (
    AgencyFactory,
    RegionFactory,
    UserFactory,
    build_course,
    make_coordinator,
    sign_in_with_second_factor,
)


@pytest.fixture(autouse=True)
def _unsubscribe_url(settings):
    """Until the real ``email_unsubscribe`` view is merged, a stand-in under the same name."""
    try:
        reverse("email_unsubscribe", args=["token"])
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.digests.urls"
        clear_url_caches()
        yield
        clear_url_caches()
    else:
        yield


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def frontier(db):
    return AgencyFactory(
        code="frontier", name="Frontier Service", name_ru="Пограничная служба", name_tg="Хадамоти марзбонӣ"
    )


@pytest.fixture
def harbour(db):
    return AgencyFactory(code="harbour", name="Harbour Police", name_ru="Портовая полиция", name_tg="Пулиси бандар")


@pytest.fixture
def east(db):
    return RegionFactory(code="east", name="Eastern Province", name_ru="Восточная провинция", name_tg="Вилояти шарқӣ")


@pytest.fixture
def west(db):
    return RegionFactory(code="west", name="Western Province", name_ru="Западная провинция", name_tg="Вилояти ғарбӣ")


@pytest.fixture
def course(db, frontier, harbour):
    return build_course(title="Identifying victims", lessons=1, audiences=[frontier, harbour])


@pytest.fixture
def coordinator(db, frontier, east):
    return make_coordinator(
        email="coordinator@example.org", full_name="Malika Saidova", agency=None, region=None, scopes=[(frontier, east)]
    )


@pytest.fixture
def national(db):
    return make_coordinator(email="national@example.org", full_name="Nodira National", agency=None, region=None)


@pytest.fixture
def client_coordinator(client, coordinator):
    sign_in_with_second_factor(client, coordinator)
    return client


@pytest.fixture
def programme(db, course, frontier, harbour, east, west):
    """In the coordinator's scope (Frontier, East): one certified trainee, one whose assignment
    fell overdue three days ago, one due next month. Outside it: a Harbour trainee in the East
    and a Frontier trainee in the West, both overdue.

    The course is required of Frontier and Harbour (``build_course(audiences=...)``); trainees
    who join afterwards get their assignment from the worker's sync once the transaction commits,
    which a test transaction never does: ``trainees_sync`` is called as the task would, and the
    due dates are then set to the cases above."""
    today = timezone.localdate()
    certified = UserFactory(full_name="Certified Inscope", agency=frontier, region=east)
    late = UserFactory(full_name="Late Inscope", agency=frontier, region=east)
    next_month = UserFactory(agency=frontier, region=east)
    outsiders = [
        UserFactory(full_name=f"Outsider {agency.code} {region.code}", agency=agency, region=region)
        for agency, region in ((harbour, east), (frontier, west))
    ]
    services.trainees_sync(user_ids=[user.pk for user in (certified, late, next_month, *outsiders)], new=True)
    issue_certificate(certified, course)  # completes the certified trainee's assignment
    for user, due_on in (
        (late, today - timedelta(days=3)),
        (next_month, today + timedelta(days=30)),
        *((outsider, today - timedelta(days=2)) for outsider in outsiders),
    ):
        assert Assignment.objects.filter(user=user, course=course, ended_at__isnull=True).update(due_on=due_on) == 1
    return {"certified": certified, "late": late}

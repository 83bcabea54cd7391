"""The item analysis page of an assessment in the Wagtail admin (assessments/admin_views.py)."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments import grading as q
from assessments import item_analysis as ia
from assessments.models import Attempt, ItemResponse
from assessments.selectors import item_analysis_rows, item_statistics
from assessments.services import item_responses
from cms.i18n import default_locale
from tests.assessments.builders import build_assessment, graded_attempt, single_choice, true_false
from tests.factories import UserFactory, make_coordinator, sign_in_with_second_factor, with_totp

pytestmark = pytest.mark.django_db

STREAM = [single_choice("sc", correct="a"), true_false("tf", is_true=True)]


def url(page, **query) -> str:
    params = "&".join(f"{key}={value}" for key, value in query.items())
    return reverse("assessment_item_analysis", args=[page.pk]) + (f"?{params}" if params else "")


@pytest.fixture
def assessment(course_with_lessons):
    return build_assessment(course_with_lessons, stream=STREAM)


def staff(group: str):
    user = UserFactory(agency=None, region=None)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor_client(client):
    client.force_login(staff("Editors"))
    return client


def submitted(assessment, user, *, language="en", sc="sc-a", tf=q.TRUE, status=Attempt.Status.SUBMITTED):
    """A graded attempt of ``assessment`` with the answers given, graded by grading.grade, and
    the responses the grading service writes with it."""
    answers = {"sc": [sc] if sc else [], "tf": [tf] if tf else []}
    attempt = graded_attempt(
        assessment, user, {key: value for key, value in answers.items() if value}, language=language, status=status
    )
    ItemResponse.objects.bulk_create(item_responses(attempt))
    return attempt


# --- Who may see it ------------------------------------------------------------------------


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_see_it(client, assessment, group):
    client.force_login(staff(group))
    response = client.get(url(assessment))
    assert response.status_code == 200
    assert "Item analysis" in response.content.decode()


def test_a_trainee_is_sent_to_the_admin_login(client, assessment, trainee):
    client.force_login(trainee)
    response = client.get(url(assessment))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_anonymous_is_sent_to_the_login(client, assessment):
    response = client.get(url(assessment))
    assert response.status_code == 302
    assert "login" in response.url


def test_a_coordinator_without_page_permissions_is_refused(client, assessment):
    coordinator = make_coordinator(agency=None, region=None)
    sign_in_with_second_factor(client, coordinator)
    response = client.get(url(assessment))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_admin_access_without_edit_permission_on_the_page_is_refused(client, assessment, trainee):
    submitted(assessment, trainee)
    user = UserFactory(agency=None, region=None)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)
    response = client.get(url(assessment))
    # Wagtail's admin answers a PermissionDenied with its home page and a message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_a_page_that_is_not_an_assessment_is_not_found(editor_client, course_with_lessons):
    response = editor_client.get(reverse("assessment_item_analysis", args=[course_with_lessons.pk]), follow=True)
    assert response.status_code == 404


def test_a_password_only_session_of_an_administrator_must_pass_the_second_factor(client, assessment):
    admin = with_totp(UserFactory(is_staff=True, is_superuser=True, agency=None, region=None))
    client.force_login(admin)
    response = client.get(url(assessment))
    assert response.status_code == 302
    assert not response.url.startswith(url(assessment))

    sign_in_with_second_factor(client, admin)
    assert client.get(url(assessment)).status_code == 200


def test_only_get_and_head(editor_client, assessment):
    assert editor_client.post(url(assessment)).status_code == 405
    assert editor_client.head(url(assessment)).status_code == 200


# --- What it shows ---------------------------------------------------------------------------


def test_the_figures_match_the_attempts(editor_client, assessment, trainee):
    # sc: right in 3 of 4 (en: 2/2, ru: 1/2); tf: right in 1 of 4. Option "sc-b" chosen once.
    submitted(assessment, trainee, language="en", sc="sc-a", tf=q.TRUE)
    submitted(assessment, trainee, language="en", sc="sc-a", tf=q.FALSE)
    submitted(assessment, trainee, language="ru", sc="sc-a", tf=q.FALSE)
    submitted(assessment, trainee, language="ru", sc="sc-b", tf=None)
    submitted(assessment, trainee, language="ru", sc="sc-b", tf=None, status=Attempt.Status.TIMED_OUT)

    response = editor_client.get(url(assessment))

    rows = {row["id"]: row for row in response.context["rows"]}
    assert (rows["sc"]["n"], rows["sc"]["facility"], rows["sc"]["discrimination"]) == (4, "75", "")
    assert rows["tf"]["facility"] == "25"
    assert [(lang["code"], lang["n"], lang["facility"]) for lang in rows["sc"]["languages"]][:2] == [
        ("en", 2, "100"),
        ("ru", 2, "50"),
    ]
    assert [(o["text"], o["correct"], o["count"]) for o in rows["sc"]["options"]] == [
        ("Answer a", True, 3),
        ("Answer b", False, 1),
        ("Answer c", False, 0),
    ]
    assert [(o["text"], o["count"]) for o in rows["tf"]["options"]] == [("True", 1), ("False", 2)]
    body = response.content.decode()
    assert "Single choice question sc?" in body
    assert "What the figures mean" in body


def test_a_planted_mistranslation_is_flagged(editor_client, assessment, trainee):
    for index in range(30):
        submitted(assessment, trainee, language="en", sc="sc-a" if index < 28 else "sc-b", tf=q.TRUE)
        submitted(assessment, trainee, language="tg", sc="sc-a" if index < 15 else "sc-c", tf=q.TRUE)

    response = editor_client.get(url(assessment))

    rows = {row["id"]: row for row in response.context["rows"]}
    assert "Languages differ" in rows["sc"]["flags"]
    assert rows["sc"]["gap"] == "EN is 43 points above TG"
    assert "Languages differ" not in rows["tf"]["flags"]
    assert "Too easy" in rows["tf"]["flags"]


def test_sorting_by_facility(editor_client, assessment, trainee):
    submitted(assessment, trainee, sc="sc-b", tf=q.TRUE)
    submitted(assessment, trainee, sc="sc-a", tf=q.TRUE)

    ascending = editor_client.get(url(assessment, sort="facility")).context["rows"]
    descending = editor_client.get(url(assessment, sort="-facility")).context["rows"]

    assert [row["id"] for row in ascending] == ["sc", "tf"]
    assert [row["id"] for row in descending] == ["tf", "sc"]


@pytest.mark.parametrize("sort", ["nonsense", "", "__class__", "-", "facility;drop"])
def test_a_bad_sort_falls_back_to_the_assessments_order(editor_client, assessment, trainee, sort):
    submitted(assessment, trainee, sc="sc-b", tf=q.TRUE)
    response = editor_client.get(url(assessment, sort=sort))
    assert response.status_code == 200
    assert response.context["sort"] == "position"
    assert [row["id"] for row in response.context["rows"]] == ["sc", "tf"]


def test_the_empty_state(editor_client, assessment):
    response = editor_client.get(url(assessment))
    body = response.content.decode()
    assert "Nobody has submitted this assessment yet" in body
    assert "data-item-analysis>" not in body


def test_the_csv(editor_client, assessment, trainee):
    submitted(assessment, trainee, language="en", sc="sc-a", tf=q.TRUE)
    submitted(assessment, trainee, language="ru", sc="sc-b", tf=q.TRUE)

    response = editor_client.get(url(assessment, format="csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, sc, tf = table
    assert header[:7] == ["Position", "Question ID", "Question", "Responses", "Facility (%)", "Discrimination", "Flags"]
    assert sc[:6] == ["1", "sc", "Single choice question sc?", "2", "50", ""]
    assert sc[header.index("Facility (%) (ru)")] == "0"
    assert sc[-1] == "Answer a (correct): 1; Answer b: 1; Answer c: 0"
    assert tf[:5] == ["2", "tf", "Statement tf.", "2", "100"]


def test_a_question_text_that_starts_a_formula_is_quoted_in_the_csv(editor_client, course_with_lessons, trainee):
    formula = single_choice("sc", correct="a")
    formula["value"]["question"] = '=HYPERLINK("http://evil.example","Click")'
    formula["value"]["choices"][0]["value"]["text"] = "@SUM(A1)"
    assessment = build_assessment(course_with_lessons, stream=[formula, true_false("tf")])
    submitted(assessment, trainee, sc="sc-a", tf=q.TRUE)

    response = editor_client.get(url(assessment, format="csv"))

    row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1]
    assert row[2] == "'" + formula["value"]["question"]
    assert row[-1].startswith("'@SUM(A1) (correct): 1")


def test_the_number_of_queries_does_not_grow_with_the_attempts(editor_client, assessment, trainee):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(url(assessment)).status_code == 200
        return len(captured)

    for _ in range(5):
        submitted(assessment, trainee)
    editor_client.get(url(assessment))  # the session, locale and permission caches warm up
    few = queries()
    for _ in range(45):
        submitted(assessment, trainee, sc="sc-b")
    assert queries() == few


def test_the_selector_reads_the_attempts_in_one_query(assessment, trainee, django_assert_num_queries):
    for _ in range(5):
        submitted(assessment, trainee)
    default_locale()  # remembered for the request, as every page view has it
    with django_assert_num_queries(1):
        rows = list(item_analysis_rows(assessment=assessment))
    assert len(rows) == 5
    assert rows[0].max_points == 2


def test_the_assessments_edit_page_links_to_it(editor_client, assessment, course_with_lessons):
    body = editor_client.get(reverse("wagtailadmin_pages:edit", args=[assessment.pk])).content.decode()
    assert url(assessment) in body
    course_page = editor_client.get(reverse("wagtailadmin_pages:edit", args=[course_with_lessons.pk])).content
    assert b"/items/" not in course_page


def test_the_page_listing_links_to_it(editor_client, assessment, course_with_lessons):
    body = editor_client.get(reverse("wagtailadmin_explore", args=[course_with_lessons.pk])).content.decode()
    assert url(assessment) in body


def test_the_database_adds_up_the_same_figures_as_python_over_the_attempts(assessment, trainee):
    for index in range(40):
        submitted(
            assessment,
            trainee,
            language=("en", "ru")[index % 2],
            sc=("sc-a", "sc-b")[index % 3 == 0],
            tf=(q.TRUE, q.FALSE, None)[index % 3],
        )

    in_database = item_statistics(assessment=assessment)
    in_python = ia.analyse(item_analysis_rows(assessment=assessment))

    assert in_database.keys() == in_python.keys() == {"sc", "tf"}
    for question_id, expected in in_python.items():
        got = in_database[question_id]
        assert got.flags == expected.flags
        for language in ("en", "ru"):
            assert got.by_language[language].n == expected.by_language[language].n
            assert got.by_language[language].options == expected.by_language[language].options
        assert got.overall.facility == pytest.approx(expected.overall.facility)
        assert got.overall.discrimination == pytest.approx(expected.overall.discrimination)

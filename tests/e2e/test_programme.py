"""The training programme end to end: an administrator sets a requirement in the admin, the
worker assigns it, the trainee sees the due date on My learning, and once the date has passed a
coordinator finds the assignment in the at-risk list."""

import re
import tempfile
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from tests.e2e.conftest import assert_accessible, log_in
from tests.e2e.test_coordinator import log_in_with_totp

ADMIN = "admin@frontline.test"
COORDINATOR = "coordinator@frontline.test"
TRAINEE = "trainee@frontline.test"
COURSE = "Asylum and protection at borders"  # not started by the demo trainee, due in 90 days
AGENCY = "Border Troops (State Committee for National Security)"
REGION = "Gorno-Badakhshan (GBAO)"
WORKER_SECONDS = 60


def _backdate_the_assignment(site, days: int) -> None:
    """The clock moves on ``days`` days: the trainee's new assignment falls due and they stop
    coming (the site's clock cannot travel, so the rows do)."""
    site.manage(
        "shell",
        "-c",
        "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        "from programme.models import Assignment\n"
        "from accounts.models import User\n"
        f"past = timedelta(days={days})\n"
        f"assignment = Assignment.objects.get(user__email='{TRAINEE}', course__title='{COURSE}', ended_at=None)\n"
        "Assignment.objects.filter(pk=assignment.pk).update(due_on=assignment.due_on - past)\n"
        f"User.objects.filter(email='{TRAINEE}').update(last_login=timezone.now() - past)\n",
    )


def test_a_requirement_reaches_the_trainee_and_the_at_risk_list(site, new_page):
    due_on = timezone.localdate() + timedelta(days=20)

    admin = new_page()
    log_in_with_totp(admin, ADMIN)
    admin.goto("/admin/requirements/new/")
    admin.locator("select[name=course]").select_option(label=COURSE)
    admin.locator("select[name=agency]").select_option(label=AGENCY)
    admin.locator("input[name=regions]").and_(admin.get_by_label(REGION)).check()
    admin.locator("input[name=due_rule][value=fixed_date]").check()
    admin.locator("input[name=due_date]").fill(due_on.isoformat())
    admin.locator("button[name=preview]").click()
    admin.wait_for_load_state()
    preview = admin.locator("text=/This requirement will assign the course to/")
    assert preview.count(), "the preview did not say how many trainees it will touch"
    # The form's own Save button (the admin's search box has a submit button too).
    admin.locator("button[type=submit]").filter(has=admin.locator("[data-w-progress-target=label]")).click()
    admin.wait_for_load_state()
    if not re.search(r"/admin/requirements/$", admin.url):
        admin.screenshot(path=str(Path(tempfile.gettempdir()) / "frontline-e2e-requirement-form.png"), full_page=True)
        errors = admin.locator(".error-message, .help-critical, [role=alert]").all_inner_texts()
        raise AssertionError(f"saving the requirement was refused at {admin.url}: {errors}")
    assert "Assigning the course to" in admin.content()

    # The worker assigns it; the listing shows how far it got, a refresh later that it is done.
    for _attempt in range(WORKER_SECONDS):
        admin.reload()
        new_row = admin.locator("tbody tr").filter(has_text=COURSE).filter(has_text=REGION)
        if new_row.filter(has_text="Assigned on").count():
            break
        admin.wait_for_timeout(1000)
    else:
        raise AssertionError("the worker did not assign the requirement:\n" + site.log_tail())

    trainee = new_page()
    log_in(trainee, TRAINEE)
    trainee.goto("/en/learning/")
    with override("en"):
        expected = f"Due {date_format(due_on, 'DATE_FORMAT')}"
    card = trainee.locator("article, li, section").filter(has_text=COURSE).filter(has_text=expected)
    assert card.count(), f"My learning does not show {COURSE!r} {expected!r}:\n" + trainee.locator("main").inner_text()
    assert_accessible(trainee, "My learning with a due date")

    _backdate_the_assignment(site, days=40)

    coordinator = new_page()
    log_in_with_totp(coordinator, COORDINATOR)
    coordinator.goto("/en/reports/at-risk/")
    coordinator.locator("select[name=course]").select_option(label=COURSE)
    coordinator.locator("form.filters button[type=submit]").click()
    coordinator.wait_for_load_state()
    row = coordinator.locator("table.at-risk tbody tr").filter(has_text="Дилшод Раҳимов")
    assert row.count() == 1, "the overdue trainee is not in the at-risk list"
    assert "Overdue" in row.inner_text()
    assert_accessible(coordinator, "at-risk list")

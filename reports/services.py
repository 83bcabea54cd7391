"""Writes that coordinators make in the reports: headcount targets, and the audit trail of exports."""

from django.db import transaction
from wagtail.log_actions import log

from accounts.scope import Scope
from reports.models import Headcount


@transaction.atomic
def headcounts_save(*, scope: Scope, counts: dict, by) -> int:
    """Store staff numbers for cells in scope (empty clears a cell); returns cells changed."""
    changed = 0
    for (agency_id, region_id), staff in counts.items():
        if not scope.allows(agency_id, region_id):
            continue
        if staff is None:
            changed += Headcount.objects.filter(agency_id=agency_id, region_id=region_id).delete()[0]
            continue
        Headcount.objects.update_or_create(
            agency_id=agency_id, region_id=region_id, defaults={"staff": staff, "updated_by": by}
        )
        changed += 1
    log(instance=by, action="frontline.headcount.update", user=by, data={"cells": changed})
    return changed


def export_record(*, user, kind: str, file_format: str, filters: dict, rows: int) -> None:
    """Every export leaves a trace in Wagtail's audit log: who, what, when."""
    log(
        instance=user,
        action="frontline.report.export",
        user=user,
        data={"kind": kind, "format": file_format, "filters": filters, "rows": rows},
    )

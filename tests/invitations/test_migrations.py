"""InvitationBatch moved from reports to invitations without moving its data: a batch stored
before the move is there after it, with its rows, and its addresses are indexed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from invitations.models import InvitationBatch, InvitedAddress
from tests.factories import UserFactory

BEFORE = [("reports", "0001_initial"), ("invitations", None)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_batch_stored_before_the_move_is_still_there_after():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state([("reports", "0001_initial")]).apps
    OldBatch = old_apps.get_model("reports", "InvitationBatch")
    coordinator = UserFactory()
    rows = [{"row": 2, "full_name": "Dilshod Rahimov", "email": "Dilshod@Example.org", "errors": []}]
    old = OldBatch.objects.create(created_by_id=coordinator.pk, filename="staff.csv", rows=rows)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    batch = InvitationBatch.objects.get(pk=old.pk)
    assert (batch.filename, batch.rows, batch.created_by_id) == ("staff.csv", rows, coordinator.pk)
    assert list(InvitedAddress.objects.filter(batch=batch).values_list("email", flat=True)) == ["dilshod@example.org"]

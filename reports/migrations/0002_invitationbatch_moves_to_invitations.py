# InvitationBatch now lives in the invitations app (invitations/migrations/0001_initial.py),
# which keeps its table: only Django's state forgets the model here, no table is dropped.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("invitations", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="InvitationBatch")],
            database_operations=[],
        ),
    ]

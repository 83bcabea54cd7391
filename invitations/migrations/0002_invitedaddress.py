import django.db.models.deletion
from django.db import migrations, models


def index_existing_batches(apps, schema_editor):
    InvitationBatch = apps.get_model("invitations", "InvitationBatch")
    InvitedAddress = apps.get_model("invitations", "InvitedAddress")
    for batch in InvitationBatch.objects.only("pk", "rows").iterator():
        emails = {
            str(row.get("email", "")).lower() for row in batch.rows if isinstance(row, dict) and row.get("email")
        }
        InvitedAddress.objects.bulk_create([InvitedAddress(batch_id=batch.pk, email=email) for email in emails])


class Migration(migrations.Migration):
    dependencies = [
        ("invitations", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="InvitedAddress",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("email", models.CharField(db_index=True, max_length=254)),
                (
                    "batch",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="addresses",
                        to="invitations.invitationbatch",
                    ),
                ),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("batch", "email"), name="one_address_per_batch")],
            },
        ),
        migrations.RunPython(index_existing_batches, migrations.RunPython.noop),
    ]

# InvitationBatch moves here from reports. Its table (reports_invitationbatch) and rows stay
# where they are: this migration only tells Django's state that the model now lives here.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Permissions and log entries refer to the model through its content type: keep the row."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="invitations", model="invitationbatch").exists():
        ContentType.objects.filter(app_label="reports", model="invitationbatch").update(app_label="invitations")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="reports", model="invitationbatch").exists():
        ContentType.objects.filter(app_label="invitations", model="invitationbatch").update(app_label="reports")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reports", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="InvitationBatch",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("filename", models.CharField(blank=True, max_length=255)),
                        ("rows", models.JSONField(default=list)),
                        (
                            "status",
                            models.CharField(
                                choices=[("preview", "Awaiting confirmation"), ("sent", "Invitations sent")],
                                default="preview",
                                max_length=10,
                            ),
                        ),
                        ("sent_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "invitation batch",
                        "verbose_name_plural": "invitation batches",
                        "db_table": "reports_invitationbatch",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]

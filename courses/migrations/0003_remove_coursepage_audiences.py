from django.db import migrations


class Migration(migrations.Migration):
    """The agencies a course was required for are requirements now (programme 0002)."""

    dependencies = [
        ("courses", "0002_search_text"),
        ("programme", "0002_requirements_from_audiences"),
    ]

    operations = [migrations.RemoveField(model_name="coursepage", name="audiences")]

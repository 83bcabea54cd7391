from django.db import migrations

STATISTICS = "assessments_itemresponse_groups"


def create(apps, schema_editor):
    """PostgreSQL guesses the groups of the item analysis (question, language, options chosen) as
    the product of each column's distinct values: a hundred thousand where there are a few hundred,
    and so sorts a million responses on disk instead of hashing them (3 s instead of 1 s at 300,000
    attempts). Statistics of the three columns together correct the guess."""
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name("assessments_itemresponse")
    schema_editor.execute(
        f"CREATE STATISTICS IF NOT EXISTS {STATISTICS} (ndistinct) ON question_id, language, chosen FROM {table}"
    )
    schema_editor.execute(f"ANALYZE {table}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0004_item_responses"),
    ]

    operations = [migrations.RunPython(create, drop)]

"""Wagtail's documents become cms.PrivateDocument rows, and their files move from MEDIA_ROOT
(published by the web server) to the private storage.

Each row keeps its primary key: rich-text document links and DocumentChooserBlock values store
only the id, so they go on working. Tags and the reference index ("usage") follow. A file that
is missing from the old storage is reported and its row is copied anyway, so the links stay and
an editor can upload the file again. The old files are deleted only once the migration's
transaction has committed. Until then a failure leaves every file where it was.
"""

import sys

from django.core.management.color import no_style
from django.db import migrations, transaction

DOCUMENT_FIELDS = ("title", "collection_id", "uploaded_by_user_id", "file_size", "file_hash")


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def _move_documents(apps, schema_editor, source_label, target_label):
    Source = apps.get_model(*source_label)
    Target = apps.get_model(*target_label)
    if not Source.objects.exists():
        return
    source_storage = Source._meta.get_field("file").storage
    target_storage = Target._meta.get_field("file").storage
    moved = []

    for document in Source.objects.order_by("pk"):
        name = document.file.name
        if name and source_storage.exists(name):
            with source_storage.open(name, "rb") as content:
                target_name = target_storage.save(name, content)
            moved.append(name)
        else:
            sys.stderr.write(
                f"\n  Document {document.pk} ({document.title!r}): file {name!r} not found; row copied without it."
            )
            target_name = name
        copy = Target(pk=document.pk, file=target_name, **{field: getattr(document, field) for field in DOCUMENT_FIELDS})
        copy.save(force_insert=True)
        # created_at is auto_now_add, which save() would overwrite with the time of the migration.
        Target.objects.filter(pk=document.pk).update(created_at=document.created_at)

    source_type = _content_type(apps, *source_label)
    target_type = _content_type(apps, *target_label)
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    TaggedItem.objects.filter(content_type=source_type).update(content_type=target_type)
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ReferenceIndex.objects.filter(to_content_type=source_type).update(to_content_type=target_type)
    ReferenceIndex.objects.filter(content_type=source_type).update(content_type=target_type)
    ReferenceIndex.objects.filter(base_content_type=source_type).update(base_content_type=target_type)

    Source.objects.all().delete()
    # Rows were inserted with explicit ids: PostgreSQL's sequence must continue after them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Target]):
            cursor.execute(statement)

    def delete_old_files():
        for name in moved:
            source_storage.delete(name)

    transaction.on_commit(delete_old_files, using=schema_editor.connection.alias)


def to_private_storage(apps, schema_editor):
    _move_documents(apps, schema_editor, ("wagtaildocs", "document"), ("cms", "privatedocument"))


def back_to_wagtail_documents(apps, schema_editor):
    _move_documents(apps, schema_editor, ("cms", "privatedocument"), ("wagtaildocs", "document"))


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_private_document"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(to_private_storage, back_to_wagtail_documents)]

"""The text site search reads (courses.models.SearchText), written whenever a course or lesson
page's row is saved.

Each page's text is kept as plain passages, one a line: its summary or introduction, then every
heading, paragraph, indicator, case and explanation of its body, in reading order. Choice labels
(a callout's kind, a heading's level) and links are left out: they are not part of what a reader
reads as the passage.
"""

import unicodedata

from django.apps import apps
from django.db import connections
from django.db.models.signals import post_migrate, post_save
from wagtail import blocks

from courses.models import CoursePage, LessonPage, SearchText
from courses.stemming import fold

# What each page type shows as its text; saving only other fields (a draft's revision, a
# moderation state) leaves the search text as it is.
INDEXED_FIELDS = {
    CoursePage: {"title", "summary", "learning_outcomes", "locale"},
    LessonPage: {"title", "intro", "body", "locale"},
}


def _clean(text: str) -> str:
    """One line of plain text: control, format and private-use characters dropped (search marks
    matches with private-use characters, courses.search) and whitespace collapsed."""
    kept = (" " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in str(text))
    return " ".join("".join(char for char in kept if not unicodedata.category(char).startswith("C")).split())


def _block_texts(block, value):
    if value is None or isinstance(block, blocks.ChoiceBlock | blocks.BooleanBlock | blocks.URLBlock):
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _block_texts(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _block_texts(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _block_texts(block.child_block, item)
    else:
        yield from block.get_searchable_content(value)


def passages(page) -> list[str]:
    """The plain-text passages of a course or lesson page, in reading order."""
    if isinstance(page, CoursePage):
        texts = [page.summary, *_block_texts(page.learning_outcomes.stream_block, page.learning_outcomes)]
    else:
        texts = [page.intro, *_block_texts(page.body.stream_block, page.body)]
    return [line for line in map(_clean, texts) if line]


def index_page(page) -> None:
    """Write the search text of ``page`` (a specific CoursePage or LessonPage) from its fields."""
    title = _clean(page.title)
    text = "\n".join(passages(page))
    language = page.locale.language_code
    SearchText.objects.update_or_create(
        page_id=page.pk, defaults={"title": title, "text": text, "folded": fold(f"{title}\n{text}", language)}
    )


def index_missing_pages() -> int:
    """Index every course and lesson page that has no search text yet; how many were indexed."""
    indexed = 0
    for model in INDEXED_FIELDS:
        missing = model.objects.exclude(pk__in=SearchText.objects.values("page_id")).select_related("locale")
        for page in missing.iterator(chunk_size=200):
            index_page(page)
            indexed += 1
    return indexed


def _page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return  # fixtures: the rows may not be complete yet
    if update_fields is not None:
        if not INDEXED_FIELDS[sender] & set(update_fields):
            return
        # Only some fields were written; the others on the instance may hold a draft.
        instance = sender.objects.select_related("locale").get(pk=instance.pk)
    index_page(instance)


def _after_migrate(sender, using="default", **kwargs):
    # Pages that existed before search text did (or were loaded as fixtures) are indexed once.
    if SearchText._meta.db_table in connections[using].introspection.table_names():
        index_missing_pages()


for _model in INDEXED_FIELDS:
    post_save.connect(_page_saved, sender=_model, dispatch_uid=f"frontline-search-text-{_model.__name__}")
post_migrate.connect(
    _after_migrate, sender=apps.get_app_config("courses"), dispatch_uid="frontline-search-text-backfill"
)

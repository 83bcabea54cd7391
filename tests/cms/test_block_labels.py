"""Every field an editor fills in a StreamField has a name a screen reader announces.

Walks the block definitions of every page type's StreamFields, so a block added later is
checked too. Wagtail draws a label above a StructBlock's fields, but none for an item of a
ListBlock or a plain field directly in a StreamBlock, and a rich text editor is never named
by the label above it: those must name their input themselves.
"""

import pytest
from django.utils import translation
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from cms.blocks import NamedTextBlock
from cms.widgets import LabelledDraftailRichTextArea


def stream_fields():
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                yield f"{model.__name__}.{field.name}", field.stream_block


def walk(block, path, *, drawn_with_label):
    """(path, block, whether Wagtail draws a <label> for it) for ``block`` and every block in it."""
    yield path, block, drawn_with_label
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from walk(child, f"{path}.{name}", drawn_with_label=True)
    elif isinstance(block, blocks.ListBlock):
        yield from walk(block.child_block, f"{path}[]", drawn_with_label=False)
    elif isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield from walk(child, f"{path}.{name}", drawn_with_label=False)


def all_blocks():
    """Every block inside the StreamFields (a StreamField itself is labelled by the field)."""
    for name, stream_block in stream_fields():
        for path, block, labelled in walk(stream_block, name, drawn_with_label=False):
            if block is not stream_block:
                yield path, block, labelled


def accessible_name(block):
    """What names the block's input for assistive technology, or None."""
    widget = block.field.widget
    if isinstance(block, blocks.RichTextBlock):
        return widget.options.get("ariaLabel")
    return widget.attrs.get("aria-label")


def test_the_walk_reaches_the_lesson_and_assessment_blocks():
    paths = {path for path, _block, _labelled in all_blocks()}
    assert "LessonPage.body.indicator_checklist.indicators[]" in paths
    assert "LessonPage.body.knowledge_check.choices[].text" in paths
    assert "AssessmentPage.questions.scenario.case" in paths
    assert "CoursePage.learning_outcomes.outcome" in paths


@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_every_block_has_a_label(language):
    with translation.override(language):
        unlabelled = [path for path, block, _labelled in all_blocks() if not str(block.label or "").strip()]
    assert not unlabelled, unlabelled


def test_every_field_drawn_without_a_label_names_its_input():
    unnamed = []
    for path, block, drawn_with_label in all_blocks():
        if not isinstance(block, blocks.FieldBlock) or isinstance(block, blocks.ChooserBlock):
            continue  # choosers are buttons named by their own text
        if isinstance(block, blocks.RichTextBlock) or not drawn_with_label:
            name = accessible_name(block)
            if not name or str(name) != str(block.label):
                unnamed.append(path)
    assert not unnamed, unnamed


def test_the_name_follows_the_editors_language():
    block = NamedTextBlock(label=translation.gettext_lazy("Indicator"))
    with translation.override("ru"):
        russian = str(block.field.widget.attrs["aria-label"])
    assert russian != "Indicator" and russian.strip()


def test_a_rich_text_field_is_named_by_its_label():
    widget = LabelledDraftailRichTextArea(features=["bold"])
    html = widget.render("intro", "", attrs={"id": "id_intro"})
    assert "id_intro-label" in html and "ariaLabelledBy" in html
    # The widget's own options (shared by every render) are left alone.
    assert "ariaLabelledBy" not in widget.options

"""StreamField blocks shared by lessons and content pages.

Each block renders with its own template in ``templates/blocks/`` and works without
JavaScript: a knowledge check is a form that the lesson page answers (the explanation shown,
the choice marked; static/js/lesson.js does the same in place), and a checklist's boxes are
real checkboxes.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

PLAIN_RICH_TEXT = ["bold", "italic", "ol", "ul", "link"]


class NamedTextBlock(blocks.TextBlock):
    """A TextBlock whose text area is named by the block's label, for screen readers.

    Wagtail draws an item of a ListBlock without a label of its own (the list's label heads
    the whole list), which leaves the text area nameless (axe: critical ``label``)."""

    @cached_property
    def field(self):
        field = super().field
        # Lazy: the admin draws the widget per request, in the editor's language.
        field.widget.attrs["aria-label"] = self.label
        return field


class NamedCharBlock(blocks.CharBlock):
    """A CharBlock whose input is named by the block's label: as an item of a StreamBlock
    (a course's learning outcomes) it is drawn under the block type's heading, with no label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.field.widget.attrs["aria-label"] = self.label


class NamedRichTextBlock(blocks.RichTextBlock):
    """A RichTextBlock whose editor is named by the block's label, for screen readers.

    Draftail's editable area is a ``role=textbox`` that the label above it does not name
    (a ``<label>`` cannot point at a ``contenteditable``); Draftail takes ``ariaLabel``."""

    @cached_property
    def field(self):
        field = super().field
        options = getattr(field.widget, "options", None)
        if options is not None:
            options["ariaLabel"] = self.label
        return field


# Only what the admin draws differs: stored values and migrations are the plain blocks'.
DECONSTRUCT_ALIASES = {
    NamedCharBlock: "wagtail.blocks.CharBlock",
    NamedTextBlock: "wagtail.blocks.TextBlock",
    NamedRichTextBlock: "wagtail.blocks.RichTextBlock",
}


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a lesson."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(label=_("Level"), choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2")

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    """A boxed note: information, warning, practical tip or hotline numbers."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("info", _("Information")),
            ("warning", _("Warning")),
            ("tip", _("Practical tip")),
            ("hotline", _("Hotline / where to refer")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = NamedRichTextBlock(label=_("Text"), features=PLAIN_RICH_TEXT)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout.html"


class LegalProvisionBlock(blocks.StructBlock):
    """A provision of law: which instrument and article, and what it means in plain words."""

    instrument = blocks.CharBlock(label=_("Instrument"), max_length=255)
    article = blocks.CharBlock(label=_("Article"), max_length=100)
    paraphrase = NamedRichTextBlock(label=_("In plain words"), features=PLAIN_RICH_TEXT)
    source_url = blocks.URLBlock(label=_("Official text (link)"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Legal provision")
        template = "blocks/legal_provision.html"


class IndicatorChecklistBlock(blocks.StructBlock):
    """Signs that a person may be a victim of trafficking, as a printable checklist."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    indicators = blocks.ListBlock(NamedTextBlock(label=_("Indicator")), label=_("Indicators"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Indicator checklist")
        template = "blocks/indicator_checklist.html"


class CaseStudyBlock(blocks.StructBlock):
    """A realistic situation followed by questions for reflection or group discussion."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    scenario = NamedRichTextBlock(label=_("Scenario"), features=PLAIN_RICH_TEXT)
    discussion_points = blocks.ListBlock(
        NamedTextBlock(label=_("Discussion point")), label=_("Discussion points"), min_num=1
    )
    takeaway = blocks.TextBlock(label=_("Key takeaway"), required=False)

    class Meta:
        icon = "user"
        label = _("Case study")
        template = "blocks/case_study.html"


class AnswerChoiceBlock(blocks.StructBlock):
    """One answer to a question, right or wrong: the same shape in a lesson's knowledge check
    and in a graded assessment (assessments.blocks)."""

    text = blocks.CharBlock(label=_("Answer"), max_length=500)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)

    class Meta:
        icon = "radio-full"
        label = _("Answer choice")


class KnowledgeCheckBlock(blocks.StructBlock):
    """An ungraded question that lets the reader test their understanding on the spot."""

    question = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("Answers"), min_num=2)
    explanation = blocks.TextBlock(label=_("Explanation"))

    class Meta:
        icon = "help"
        label = _("Knowledge check")
        template = "blocks/knowledge_check.html"

    def clean(self, value):
        cleaned = super().clean(value)
        if not any(choice["is_correct"] for choice in cleaned["choices"]):
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark at least one answer as correct."))}
            )
        return cleaned


class VideoBlock(blocks.StructBlock):
    """A video served from the site's own documents or a link, always with a transcript.

    Many duty stations have slow connections, so the transcript carries the content and the
    video is an addition, never the only way to learn it.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Video address"), help_text=_("A link to an MP4 file or a video page."))
    transcript = NamedRichTextBlock(label=_("Transcript"), features=PLAIN_RICH_TEXT)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = NamedRichTextBlock(label=_("Text"), features=PLAIN_RICH_TEXT + ["h3"], template="blocks/paragraph.html")
    image = ImageBlock(label=_("Image"), template="blocks/image.html")
    video = VideoBlock()
    callout = CalloutBlock()
    legal_provision = LegalProvisionBlock()
    indicator_checklist = IndicatorChecklistBlock()
    case_study = CaseStudyBlock()
    knowledge_check = KnowledgeCheckBlock()


class ContentStreamBlock(blocks.StreamBlock):
    """Blocks for general pages (about, help, hotlines)."""

    heading = HeadingBlock()
    paragraph = NamedRichTextBlock(label=_("Text"), features=PLAIN_RICH_TEXT + ["h3"], template="blocks/paragraph.html")
    image = ImageBlock(label=_("Image"), template="blocks/image.html")
    callout = CalloutBlock()
    legal_provision = LegalProvisionBlock()

"""Admin widgets: the project's rich text editor (WAGTAILADMIN_RICH_TEXT_EDITORS)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.admin.rich_text import DraftailRichTextArea


class LabelledDraftailRichTextArea(DraftailRichTextArea):
    """Draftail named by its field's label for screen readers.

    The label of a rich text field points at Draftail's hidden input, not at the editable
    area (a ``role=textbox`` ``contenteditable``), which is left without a name (axe: serious
    ``aria-input-field-name``). Wagtail gives a field's label the id ``<input id>-label``;
    Draftail takes ``ariaLabelledBy``. Rich text blocks are drawn by the admin's scripts
    rather than by this method, and name themselves (cms.blocks.NamedRichTextBlock)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        element_id = context["widget"]["attrs"].get("id")
        if element_id and "ariaLabel" not in self.options:
            options = {**self.options, "ariaLabelledBy": f"{element_id}-label"}
            context["widget"]["attrs"]["data-w-init-detail-value"] = json.dumps(options, cls=DjangoJSONEncoder)
        return context

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from demo.glossary import glossary_terms


class GlossaryView(WagtailAdminTemplateMixin, TemplateView):
    """The legal terms and their one rendering in each language, for editors and translators."""

    template_name = "demo/admin/glossary.html"
    page_title = _("Glossary")
    header_icon = "doc-full"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(terms=glossary_terms(), **kwargs)

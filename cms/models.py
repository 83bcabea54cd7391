from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import ContentStreamBlock
from cms.pages import ViewRestrictionsInOneQuery


class HomePage(ViewRestrictionsInOneQuery, Page):
    """The site's front page: what Frontline is, and the way into the catalogue (its course
    teaser is ``courses``' ``catalogue_teaser`` tag: cms knows no course)."""

    headline = models.CharField(_("headline"), max_length=200)
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("headline"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage", "cms.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class ContentPage(ViewRestrictionsInOneQuery, Page):
    """A general page: about the programme, help, referral contacts."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = _("content page")


@register_setting(icon="warning")
class HelplineSettings(BaseSiteSetting):
    """Referral contacts printed in every page footer, so help is one glance away."""

    hotline_number = models.CharField(
        _("anti-trafficking hotline"),
        max_length=50,
        blank=True,
        help_text=_("The hotline of the Centre on Trafficking in Persons, free of charge."),
    )
    referral_note = models.TextField(
        _("referral note"),
        blank=True,
        help_text=_("Where officers refer a possible victim, shown in the footer of every page."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("hotline_number"), FieldPanel("referral_note")], heading=_("Helpline")),
    ]

    class Meta:
        verbose_name = _("helpline")


def private_document_storage():
    """A callable, so migrations name the storage rather than freeze its location."""
    return storages["private"]


class PrivateDocument(AbstractDocument):
    """Wagtail's document with its file in the private storage (PRIVATE_MEDIA_ROOT/documents/),
    which the web server does not publish: an uploaded file can only be fetched through
    Wagtail's serve view, which checks the collection's privacy and sends it as an attachment
    (cms/documents.py). In MEDIA_ROOT it would be served as-is from the site's own origin."""

    file = models.FileField(_("file"), upload_to="documents", storage=private_document_storage)

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        pass

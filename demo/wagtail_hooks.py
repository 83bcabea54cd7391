from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from demo.views import GlossaryView


@hooks.register("register_admin_urls")
def glossary_urls():
    return [path("glossary/", GlossaryView.as_view(), name="demo_glossary")]


@hooks.register("register_help_menu_item")
def glossary_menu_item():
    return MenuItem(_("Glossary"), reverse("demo_glossary"), icon_name="doc-full", order=900)

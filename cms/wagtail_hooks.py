"""Admin changes for the review workflow."""

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from cms.translation_status import DRAFT, MISSING, OUTDATED, translations_behind


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" would let anyone
    who may translate (editors) publish translated pages without a moderator's approval."""

    def post(self, request, **kwargs):
        if request.POST.get("publish_translations"):
            instance = self.object.get_source_instance()
            if isinstance(instance, Page) and not instance.permissions_for_user(request.user).can_publish():
                raise PermissionDenied
        return super().post(request, **kwargs)


@hooks.register("register_admin_urls")
def register_moderated_translation_sync():
    # Same address as wagtail-localize's view; this app's hooks load first (INSTALLED_APPS order).
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="frontline_update_translations",
        )
    ]


class TranslationsBehindPanel(Component):
    """The dashboard's list of published pages that Russian or Tajik readers do not see yet
    (no translation, or one not published) or see older than the source."""

    name = "translations_behind"
    template_name = "cms/admin/translations_behind.html"
    order = 230  # after "Awaiting your review"

    def get_context_data(self, parent_context):
        behind = translations_behind()
        return {
            "behind": behind,
            "more": behind.total - len(behind.pages),
            "MISSING": MISSING,
            "DRAFT": DRAFT,
            "OUTDATED": OUTDATED,
        }


@hooks.register("construct_homepage_panels")
def add_translations_behind(request, panels):
    # Those who translate (editors) and those who publish translations (moderators).
    if request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(TranslationsBehindPanel())


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-editor.css"))

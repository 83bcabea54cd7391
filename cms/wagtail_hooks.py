"""Admin changes for the review workflow."""

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView


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


@hooks.register("insert_editor_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-editor.css"))

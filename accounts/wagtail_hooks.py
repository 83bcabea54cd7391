from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.models import Agency, Region


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name", "code", "parent", "is_active"]
    search_fields = ["name", "name_ru", "name_tg", "code"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "code", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "name_ru", "name_tg", "code"]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Reference data")
    menu_icon = "list-ul"
    menu_order = 300
    items = (AgencyViewSet, RegionViewSet)


register_snippet(ReferenceDataGroup)


@hooks.register("register_log_actions")
def register_account_actions(actions):
    actions.register_action(
        "frontline.personal_data.export", _("Download personal data"), _("Personal data downloaded")
    )
    actions.register_action("frontline.personal_data.erase", _("Erase personal data"), _("Personal data erased"))
    actions.register_action("frontline.scope.change", _("Change coordinator scope"), _("Coordinator scope changed"))
    actions.register_action("frontline.role.change", _("Change role"), _("Role changed"))

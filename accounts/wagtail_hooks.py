from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts import two_factor
from accounts.models import Agency, Region

# Each list names entries in the admin's language (the English name is the fallback), and says
# "yes" or "no" in it rather than Python's True and False.
NAME_COLUMN = Column("display_name", label=_("name"))
ACTIVE_COLUMN = BooleanColumn("is_active", label=_("active"))


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = [NAME_COLUMN, "code", "parent", ACTIVE_COLUMN]
    search_fields = ["name", "name_ru", "name_tg", "code"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = [NAME_COLUMN, "code", "kind", ACTIVE_COLUMN]
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
    actions.register_action(
        "frontline.two_factor.reset", _("Reset two-factor authentication"), _("Two-factor authentication reset")
    )


class SecondFactorOfferPanel(Component):
    """Editors and moderators may use a second factor without being required to: the admin's
    home page offers it to staff who have not set one up."""

    name = "second_factor_offer"
    template_name = "accounts/admin_second_factor_offer.html"
    order = 50

    def get_context_data(self, parent_context):
        return {"activate_url": reverse("mfa_activate_totp")}


@hooks.register("construct_homepage_panels")
def offer_second_factor(request, panels):
    if not two_factor.has_authenticator(request.user):
        panels.insert(0, SecondFactorOfferPanel())

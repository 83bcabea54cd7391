from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

from accounts import translation_fallback


class AccountsConfig(AppConfig):
    # This module holds two configs (and imports Wagtail's): say which one "accounts" means.
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import signals  # noqa: F401 - connects the audit-trail receivers

        translation_fallback.install()


class FrontlineUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app with Frontline's user views (profile, scopes, erasure); it replaces
    "wagtail.users" in INSTALLED_APPS."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site (``seed_demo``) and its course texts; production runs ``seed_demo --no-users``."""

    name = "demo"
    verbose_name = _("Demo content")

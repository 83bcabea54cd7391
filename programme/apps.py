from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Training programme")

    def ready(self):
        from programme import receivers  # noqa: F401 - assignments follow trainees and certificates

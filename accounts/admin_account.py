"""The Wagtail admin's account settings, with Frontline's one name and one language.

Wagtail's page asks for a first and a last name, both required, before it saves anything: an
editor who only wanted another admin language was stopped by "This field is required" on names
the site never uses (it has ``full_name``). Its language is Wagtail's own admin language, apart
from the language the user reads the site and gets e-mails in. Here the name is ``full_name``
and the language is the user's one preference (``User.preferred_language``, which Wagtail's
profile field mirrors: accounts.signals), offered in every language the site speaks.

Wagtail's admin has no Tajik catalogue. An editor who chooses Tajik reads the project's own
admin strings in Tajik and Wagtail's in Russian (accounts.translation_fallback): Russian is the
other language of the country's administration, where English would be a third.

The e-mail address is not changed here: it is the sign-in, changed (and confirmed) through the
site's e-mail page, which keeps allauth's record of it in step.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.forms.account import LocalePreferencesForm
from wagtail.admin.views.account import AccountView, BaseSettingsPanel, LocaleSettingsPanel
from wagtail.log_actions import log

from accounts import services
from accounts.forms import full_name_cleaned
from accounts.models import User


def language_choices() -> list[tuple[str, str]]:
    return [(code, get_language_info(code)["name_local"].capitalize()) for code, _name in settings.LANGUAGES]


class FullNameForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name"]

    def clean_full_name(self):
        return full_name_cleaned(self.cleaned_data["full_name"])


class FullNamePanel(BaseSettingsPanel):
    name = "name_email"  # Wagtail's name panel, which this replaces
    title = _("Name")
    order = 100
    form_class = FullNameForm


class LanguageForm(LocalePreferencesForm):
    """Wagtail's language and time zone form; the language is the user's preference."""

    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=language_choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.initial["preferred_language"] = user.preferred_language

    def save(self, commit=True):
        profile = super().save(commit=commit)
        if commit:
            services.user_language_set(user=self.user, language=self.cleaned_data["preferred_language"])
        return profile


class LanguagePanel(LocaleSettingsPanel):
    form_class = LanguageForm

    def is_active(self):
        return True

    def get_form(self):
        kwargs = {"instance": self.profile, "prefix": self.name, "user": self.user}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, self.request.FILES, **kwargs)
        return self.form_class(**kwargs)


REPLACED_PANELS = {FullNamePanel.name: FullNamePanel, LanguagePanel.name: LanguagePanel}


class AccountSettingsView(AccountView):
    def post(self, request):
        # Wagtail's, except that its message is in the language just chosen (Wagtail words it in
        # the language of a copy of the profile read before the save).
        forms_ = [panel.get_form() for panel in self.get_panels()]
        if not all(form.is_valid() or not form.is_bound for form in forms_):
            return TemplateResponse(request, self.template_name, self.get_context_data())
        with transaction.atomic():
            for form in forms_:
                if form.is_bound:
                    form.save()
        log(request.user, "wagtail.edit")
        update_session_auth_hash(request, request.user)
        with translation.override(request.user.preferred_language):
            messages.success(request, gettext("Your account settings have been changed successfully!"))
        return redirect("wagtailadmin_account")

    def get_panels(self):
        return [
            REPLACED_PANELS[panel.name](panel.request, panel.user, panel.profile)
            if panel.name in REPLACED_PANELS
            else panel
            for panel in super().get_panels()
        ]

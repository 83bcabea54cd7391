from django import forms
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.validators import MaxLengthValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts import names, selectors
from accounts.models import User


def full_name_cleaned(value: str) -> str:
    """A full name as typed, normalised; refused when nothing visible is left."""
    name = names.normalise(value)
    if not names.is_visible(name):
        raise forms.ValidationError(
            _("Enter your full name in letters: spaces and invisible characters alone are not a name."),
            code="invisible",
        )
    # Unicode normalisation may lengthen a name past what the field checked.
    MaxLengthValidator(names.MAX_LENGTH)(name)
    return name


class ProfileFieldsMixin(forms.Form):
    """The trainee's profile: who they are and where they serve."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As it should appear on your certificates."),
        error_messages={"required": _("Enter your full name.")},
    )
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=selectors.active_agencies(),
        empty_label=_("Choose your agency"),
        error_messages={
            "required": _("Choose the agency you work for."),
            "invalid_choice": _("That agency is not on the list. Choose one from the list."),
        },
    )
    region = forms.ModelChoiceField(
        label=_("Region or duty station"),
        queryset=selectors.active_regions(),
        empty_label=_("Choose your region or duty station"),
        error_messages={
            "required": _("Choose the region or duty station where you serve."),
            "invalid_choice": _("That region is not on the list. Choose one from the list."),
        },
    )
    position = forms.CharField(
        label=_("Position"),
        max_length=200,
        required=False,
        help_text=_("For example: inspector, border guard, consul."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new trainee most likely wants the language they are reading the form in.
        if not self.initial.get("preferred_language"):
            self.initial["preferred_language"] = (get_language() or "en").split("-")[0]

    def clean_full_name(self):
        return full_name_cleaned(self.cleaned_data["full_name"])

    def apply_to(self, user: User) -> None:
        for field in ("full_name", "agency", "region", "position", "preferred_language"):
            setattr(user, field, self.cleaned_data[field])


class TraineeSignupForm(ProfileFieldsMixin):
    """Extra sign-up fields for allauth (``ACCOUNT_SIGNUP_FORM_CLASS``).

    The account adapter copies them onto the user before its first save, so a user never
    exists without agency and region.
    """

    def signup(self, request, user):
        # Everything was applied in AccountAdapter.save_user; nothing is left to store.
        return user

    def clean(self):
        # allauth's BaseSignupForm derives from this form and calls this after its own
        # clean_email(), which counts any row with the address as "account already exists",
        # even another trainee's unverified request to change to it. Only an account that
        # holds the address keeps a new one from being created.
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        if getattr(self, "account_already_exists", False) and email and not selectors.email_holders(email).exists():
            self.account_already_exists = False
        return cleaned_data

    def _post_clean(self):
        # For an address that already has an account allauth mails its owner instead of
        # creating a user, which skips hashing the password: the answer came several times
        # faster and told who has an account. Hash it anyway, once the form is valid (as the
        # other path does), so both take as long.
        super()._post_clean()
        if getattr(self, "account_already_exists", False) and not self._errors:
            make_password(self.cleaned_data.get("password1"))


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "agency", "region", "position", "preferred_language"]


class ErasureForm(forms.Form):
    """Erasing one's personal data: confirmed with the current password and a tick."""

    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your current password.")},
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my name and e-mail address will be erased and that I will not be able to sign in again."
        ),
        error_messages={"required": _("Tick the box to confirm that you want your personal data erased.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.has_usable_password():
            raise forms.ValidationError(
                _("Your account has no password yet. Set a password first, then come back to this page.")
            )
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your current password."))
        return password

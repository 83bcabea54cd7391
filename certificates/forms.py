from django import forms
from django.utils.translation import gettext_lazy as _

from certificates import codes


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("As printed on the certificate, for example 7K2M-9QXD-4HTA-PZ3N-R. Dashes are optional."),
        error_messages={"required": _("Enter the code printed on the certificate.")},
    )

    def clean_code(self):
        code = codes.normalise(self.cleaned_data["code"])
        if not codes.is_well_formed(code):
            raise forms.ValidationError(
                _("This is not a valid certificate code. Check it for typing mistakes: it has 17 characters.")
            )
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Give the reason: it is shown on the verification page's record.")},
    )

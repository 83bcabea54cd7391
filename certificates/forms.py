from django import forms
from django.utils.translation import gettext, ngettext
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
        found = codes.problem(code)
        if found is None:
            return code
        kind, detail = found
        if kind == codes.Problem.EMPTY:
            message = gettext("Enter the code printed on the certificate.")
        elif kind == codes.Problem.LENGTH:
            message = ngettext(
                "A certificate code has 17 characters, but you typed %(count)s character. "
                "Check for a missing or doubled character.",
                "A certificate code has 17 characters, but you typed %(count)s characters. "
                "Check for a missing or doubled character.",
                int(detail),
            ) % {"count": detail}
        elif kind == codes.Problem.CHARACTER:
            message = gettext(
                "“%(character)s” is never part of a certificate code: codes use digits and the Latin letters "
                "A to Z without I, L, O and U. Check that character."
            ) % {"character": detail}
        else:
            message = gettext(
                "This code does not exist: one character is mistyped or two are swapped. Compare it with the "
                "certificate group by group (B and 8, S and 5, Z and 2 look alike)."
            )
        raise forms.ValidationError(message)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Give the reason: it is shown on the verification page's record.")},
    )

from django import forms
from django.utils.translation import gettext_lazy as _


class InvitationUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: full_name, email, agency, region, position, language. Agency and region by code or name."
        ),
        error_messages={"required": _("Choose a CSV file to upload.")},
    )

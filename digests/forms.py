from django import forms
from django.utils.translation import gettext_lazy as _

from digests.models import ReportSubscription


class SubscriptionForm(forms.Form):
    """Subscribe to (or change) the scheduled report, or cancel it."""

    action = forms.ChoiceField(
        choices=[("save", "save"), ("cancel", "cancel")],
        initial="save",
        error_messages={
            "required": _("Choose to subscribe or to cancel."),
            "invalid_choice": _("Choose to subscribe or to cancel."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=ReportSubscription.Frequency.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose every week or every month.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "save" and not data.get("frequency") and "frequency" not in self.errors:
            self.add_error("frequency", _("Choose every week or every month."))
        return data

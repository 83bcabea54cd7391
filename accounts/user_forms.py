"""The Wagtail admin's user forms with Frontline's profile, and the coordinator-scope formset.

Users have one ``full_name`` (names are written in many orders here), so Wagtail's first and
last name fields are dropped; the profile is what trainees give at sign-up.
"""

from django import forms
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

from accounts.models import CoordinatorScope, User

PROFILE_FIELDS = ["full_name", "agency", "region", "position", "preferred_language"]


class UserCreationForm(WagtailUserCreationForm):
    first_name = None
    last_name = None

    class Meta(WagtailUserCreationForm.Meta):
        model = User
        fields = ["email", *PROFILE_FIELDS, "is_superuser", "groups"]


class UserEditForm(WagtailUserEditForm):
    first_name = None
    last_name = None

    def __init__(self, *args, **kwargs):
        editing_self = kwargs.get("editing_self", False)
        super().__init__(*args, **kwargs)
        if editing_self:
            # As with is_active and is_superuser: nobody changes their own role here.
            del self.fields["is_staff"]

    class Meta(WagtailUserEditForm.Meta):
        model = User
        fields = ["email", *PROFILE_FIELDS, "is_active", "is_staff", "is_superuser", "groups"]


class CoordinatorScopeForm(forms.ModelForm):
    """One scope. A new row with neither agency nor region is an unused row, as in any inline
    form; the whole country is chosen with ``everywhere``."""

    everywhere = forms.BooleanField(label=_("All agencies and regions"), required=False)

    class Meta:
        model = CoordinatorScope
        fields = ["agency", "region"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.agency_id is None and self.instance.region_id is None:
            self.initial["everywhere"] = True

    def clean(self):
        data = super().clean()
        if data.get("everywhere") and (data.get("agency") or data.get("region")):
            raise forms.ValidationError(
                _("Choose either “All agencies and regions” or an agency or a region, not both."),
                code="everywhere_and_cell",
            )
        return data


class CoordinatorScopeFormSetBase(BaseInlineFormSet):
    """The same scope twice is one scope (the table's unique constraints say so too): refuse it
    as a form error before the database does, including two new rows in one save."""

    def clean(self):
        # Before Django's own unique check, which words it for the table, not for people.
        self._refuse_repeated_scopes()
        super().clean()

    def _refuse_repeated_scopes(self):
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or (self.can_delete and self._should_delete_form(form)):
                continue
            key = (data.get("agency"), data.get("region"))
            if key in seen:
                raise forms.ValidationError(
                    _("The same coordinator scope is entered twice. Remove one of them."), code="duplicate_scope"
                )
            seen.add(key)


CoordinatorScopeFormSet = inlineformset_factory(
    User,
    CoordinatorScope,
    form=CoordinatorScopeForm,
    formset=CoordinatorScopeFormSetBase,
    fields=["agency", "region"],
    extra=1,
    can_delete=True,
)

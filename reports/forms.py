from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.scope import Scope
from cms.i18n import localized_titles
from reports.at_risk import DEFAULT_SORT, REASONS, SORT_CHOICES, AtRiskFilters
from reports.selectors import Filters, report_courses
from web.converters import is_database_id

PERIODS = [
    ("", _("All time")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
    ("365", _("Last 12 months")),
]


class IdChoiceField(forms.ModelChoiceField):
    """A choice by id, where an id no row can have (0, negative, past 2**63 - 1) is an invalid
    choice like any unknown id. Without this check SQLite fails on such a number (OverflowError,
    a 500) in lookups Django does not guard, such as a Wagtail page subclass's primary key."""

    def to_python(self, value):
        if isinstance(value, str) and value not in self.empty_values:
            try:
                number = int(value)
            except ValueError:
                pass  # not a number at all: the normal lookup refuses it with the normal message
            else:
                if not is_database_id(number):
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                    )
        return super().to_python(value)


class ReportFilterForm(forms.Form):
    """The dashboard's filters, read from the query string so a view can be bookmarked."""

    course = IdChoiceField(label=_("Course"), queryset=None, required=False, empty_label=_("All required courses"))
    agency = IdChoiceField(label=_("Agency"), queryset=None, required=False, empty_label=_("All agencies"))
    region = IdChoiceField(label=_("Region"), queryset=None, required=False, empty_label=_("All regions"))
    period = forms.ChoiceField(label=_("Completions in"), choices=PERIODS, required=False)

    def __init__(self, data, *, scope: Scope):
        super().__init__(data)
        courses = list(report_courses())
        titles = localized_titles(courses)
        self.fields["course"].queryset = report_courses()
        self.fields["course"].label_from_instance = lambda course: titles.get(course.translation_key, course.title)
        self.fields["agency"].queryset = scope.agencies()
        self.fields["region"].queryset = scope.regions()

    def filters(self) -> Filters:
        """The valid filters; a value that is not valid is ignored (and reported by the form)."""
        self.is_valid()  # cleaned_data then holds only the fields that validated
        data = self.cleaned_data
        period = data.get("period")
        return Filters(
            course=data.get("course"),
            agency=data.get("agency"),
            region=data.get("region"),
            since=timezone.localdate() - timedelta(days=int(period)) if period else None,
        )


class AtRiskFilterForm(forms.Form):
    """The at-risk list's filters, from the query string; a value that is not valid is ignored
    and reported on its field."""

    course = IdChoiceField(label=_("Course"), queryset=None, required=False, empty_label=_("All assigned courses"))
    agency = IdChoiceField(label=_("Agency"), queryset=None, required=False, empty_label=_("All agencies"))
    region = IdChoiceField(label=_("Region"), queryset=None, required=False, empty_label=_("All regions"))
    reason = forms.ChoiceField(label=_("Why"), choices=REASONS, required=False)
    sort = forms.ChoiceField(label=_("Order"), choices=SORT_CHOICES, required=False)

    def __init__(self, data, *, scope: Scope):
        super().__init__(data)
        courses = list(report_courses())
        titles = localized_titles(courses)
        self.fields["course"].queryset = report_courses()
        self.fields["course"].label_from_instance = lambda course: titles.get(course.translation_key, course.title)
        self.fields["agency"].queryset = scope.agencies()
        self.fields["region"].queryset = scope.regions()

    def filters(self) -> AtRiskFilters:
        self.is_valid()
        data = self.cleaned_data
        return AtRiskFilters(
            course=data.get("course"),
            agency=data.get("agency"),
            region=data.get("region"),
            reason=data.get("reason") or "",
        )

    def chosen_sort(self) -> str:
        """The chosen order (one of ``reports.at_risk.SORTS``), the default when not valid."""
        self.is_valid()
        return self.cleaned_data.get("sort") or DEFAULT_SORT


class HeadcountForm(forms.Form):
    """One number per agency x region cell in the coordinator's scope."""

    def __init__(self, *args, cells, initial_counts, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells = cells
        for agency, region in cells:
            name = self.field_name(agency.pk, region.pk)
            self.fields[name] = forms.IntegerField(
                label=f"{agency.display_name} – {region.display_name}",
                required=False,
                min_value=0,
                max_value=1_000_000,
                initial=initial_counts.get((agency.pk, region.pk)),
                error_messages={
                    "invalid": _("Enter a whole number."),
                    "min_value": _("Staff numbers cannot be negative."),
                    "max_value": _("That is more staff than any agency has; check the number."),
                },
            )

    @staticmethod
    def field_name(agency_id: int, region_id: int) -> str:
        return f"staff-{agency_id}-{region_id}"

    def counts(self) -> dict:
        return {
            (agency.pk, region.pk): self.cleaned_data.get(self.field_name(agency.pk, region.pk))
            for agency, region in self.cells
        }

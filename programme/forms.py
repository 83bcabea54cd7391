"""The requirement form of the admin: who must take which course, by when.

Every refusal is a message on the field it is about, in the admin's language, and the form keeps
what was typed. A coordinator chooses only among the agencies and regions of their scope, and an
audience must lie inside it (``accounts.scope.Scope``)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from accounts.scope import Scope
from assessments.selectors import course_assessment
from cms.i18n import default_locale, localized_titles
from courses.models import CoursePage
from programme.models import Requirement
from programme.selectors import normalised_positions

# --- admin ---


def scope_of(user) -> Scope:
    """The user's scope, computed once per request (the user object lives as long as it)."""
    if "_programme_scope" not in user.__dict__:
        user.__dict__["_programme_scope"] = Scope.for_user(user)
    return user.__dict__["_programme_scope"]


def audience_in_scope(scope: Scope, *, agency_id: int, region_ids) -> bool:
    """Whether every trainee an audience can hold is inside ``scope``: every chosen region, or
    the whole agency when no region is chosen."""
    if not region_ids:
        return scope.allows(agency_id, None)
    return all(scope.allows(agency_id, region_id) for region_id in region_ids)


class CourseChoiceField(forms.ModelChoiceField):
    """Courses are stored in the default language; the list names them in the admin's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.titles: dict | None = None

    def label_from_instance(self, obj):
        if self.titles is None:
            self.titles = localized_titles(list(self.queryset))
        return self.titles.get(obj.translation_key, obj.title)


class RequirementForm(forms.ModelForm):
    course = CourseChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.none(),
        error_messages={"required": _("Choose the course the trainees must complete.")},
    )
    positions = forms.CharField(
        label=_("Positions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One position per line, as trainees write it in their profile (capitals and spaces do not matter). "
            "Leave empty for every position."
        ),
    )

    class Meta:
        model = Requirement
        fields = [
            "course",
            "agency",
            "regions",
            "positions",
            "due_rule",
            "due_days",
            "due_date",
            "starts_on",
            "recurs",
            "recertify_within_days",
        ]
        widgets = {
            "regions": forms.CheckboxSelectMultiple,
            "due_rule": forms.RadioSelect,
            "due_date": AdminDateInput,
            "starts_on": AdminDateInput,
        }
        help_texts = {
            "due_days": _("For a due date counted in days: how many days the trainee has."),
            "due_date": _("For a fixed due date: the day by which everyone must hold the certificate."),
            "starts_on": _(
                "“Within a number of days of joining” counts from this day for those already in the audience."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.scope = scope_of(user)
        self.today = timezone.localdate()
        course = self.fields["course"]
        course.queryset = CoursePage.objects.live().filter(locale=default_locale()).order_by("path")
        if self.instance.pk:
            # Another course is another requirement: its trainees' assignments are not this one's.
            course.disabled = True
            course.help_text = _("To require another course, add a new requirement.")
            self.initial["positions"] = "\n".join(self.instance.positions)
        agency = self.fields["agency"]
        agency.queryset = self.scope.agencies().order_by("sort_order", "name")
        agency.error_messages = {
            "required": _("Choose the agency whose trainees must take the course: a requirement needs an audience."),
            "invalid_choice": _("You may set requirements only for the agencies in your scope."),
        }
        regions = self.fields["regions"]
        regions.queryset = self.scope.regions().order_by("kind", "sort_order", "name")
        regions.error_messages = {
            **regions.error_messages,
            "invalid_choice": _("You may choose only the regions in your scope."),
            "invalid_pk_value": _("You may choose only the regions in your scope."),
        }
        regions.help_text = _("Leave all unticked for every region of the agency.")
        self.fields["due_rule"].label = _("Due")
        self.fields["recertify_within_days"].required = False

    def clean_course(self):
        course = self.cleaned_data["course"]
        if not self.instance.pk and course_assessment(course=course) is None:
            raise forms.ValidationError(
                _(
                    "This course has no published assessment, so it cannot issue certificates. "
                    "Publish an assessment in it first."
                ),
                code="no_assessment",
            )
        return course

    def clean_positions(self):
        return normalised_positions((self.cleaned_data.get("positions") or "").splitlines())

    def clean(self):
        cleaned = super().clean()
        self._clean_due_rule(cleaned)
        self._clean_recertification(cleaned)
        agency = cleaned.get("agency")
        if agency is not None and "regions" in cleaned:
            region_ids = [region.pk for region in cleaned["regions"]]
            if not audience_in_scope(self.scope, agency_id=agency.pk, region_ids=region_ids):
                self.add_error(
                    "regions",
                    _(
                        "Your scope covers only some regions of this agency: tick the regions of your scope "
                        "this requirement is for."
                    )
                    if not region_ids
                    else _("Some of the ticked regions are outside your scope for this agency."),
                )
            elif cleaned.get("course") is not None and "positions" in cleaned:
                self._refuse_duplicate(cleaned, region_ids)
        return cleaned

    def _clean_due_rule(self, cleaned):
        rule = cleaned.get("due_rule")
        if rule == Requirement.DueRule.FIXED_DATE:
            cleaned["due_days"] = None
            self.errors.pop("due_days", None)
            due_date = cleaned.get("due_date")
            if due_date is None and "due_date" not in self.errors:
                self.add_error("due_date", _("Enter the date by which the course must be completed."))
            elif due_date is not None and due_date < self.today and due_date != self.instance.due_date:
                self.add_error("due_date", _("This date has passed: choose today or a later day."))
        elif rule:
            cleaned["due_date"] = None
            self.errors.pop("due_date", None)
            if cleaned.get("due_days") is None and "due_days" not in self.errors:
                self.add_error("due_days", _("Enter how many days the trainees have to complete the course."))

    def _clean_recertification(self, cleaned):
        if cleaned.get("recurs"):
            if cleaned.get("recertify_within_days") is None and "recertify_within_days" not in self.errors:
                self.add_error(
                    "recertify_within_days", _("Enter how many days after the expiry the course is due again.")
                )
        else:
            # Not used without recertification: keep what was stored.
            self.errors.pop("recertify_within_days", None)
            cleaned["recertify_within_days"] = self.instance.recertify_within_days or 30

    def _refuse_duplicate(self, cleaned, region_ids):
        wanted = (set(region_ids), tuple(sorted(cleaned["positions"])))
        others = (
            Requirement.objects.filter(course=cleaned["course"], agency=cleaned["agency"], is_active=True)
            .exclude(pk=self.instance.pk)
            .prefetch_related("regions")
        )
        for other in others:
            if ({region.pk for region in other.regions.all()}, tuple(sorted(other.positions))) == wanted:
                self.add_error(
                    "course" if not self.instance.pk else "agency",
                    _("An active requirement of this course for the same audience already exists: change that one."),
                )
                return

    def changes(self) -> dict[str, list[str]]:
        """What the form changes, field label -> [old, new], for the audit trail (call before save)."""
        result = {}
        for name in self.changed_data:
            field = self.fields[name]
            old, new = self.initial.get(name), self.cleaned_data.get(name)
            if name == "regions":
                old_names = sorted(str(r) for r in self.instance.regions.all()) if self.instance.pk else []
                new_names = sorted(str(r) for r in new or ())
                if old_names != new_names:
                    result[name] = [", ".join(old_names), ", ".join(new_names)]
                continue
            if name == "positions":
                old = list(self.instance.positions)
                if old != new:
                    result[name] = ["; ".join(old), "; ".join(new)]
                continue
            if hasattr(field, "queryset") and old is not None and not hasattr(old, "pk"):
                old = field.queryset.model._default_manager.filter(pk=old).first()
            if getattr(field, "choices", None) and not hasattr(field, "queryset"):
                labels = dict(field.choices)
                old, new = labels.get(old, old), labels.get(new, new)
            if old != new:
                result[name] = [_display(old), _display(new)]
        return result


def _display(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


class WithdrawForm(forms.Form):
    """The confirmation of a withdrawal; nothing to fill in."""

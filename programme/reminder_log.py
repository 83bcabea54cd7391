"""The reminder log in the Wagtail admin: every reminder and escalation, for superusers only."""

import django_filters
from django.db.models import Q
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy, register_permission_policy

from programme.models import Reminder

REMINDER_STATES = [
    ("queued", gettext_lazy("Queued")),
    ("failed", gettext_lazy("Failed, to be tried again")),
    ("sent", gettext_lazy("Sent")),
]


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    """Only superusers: what was sent to whom is personal data about everyone."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(is_superuser=True)


register_permission_policy(Reminder, SuperuserOnlyPolicy(Reminder))


class ReminderFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=Reminder.Kind.choices)
    state = django_filters.ChoiceFilter(label=gettext_lazy("State"), choices=REMINDER_STATES, method="filter_state")

    class Meta:
        model = Reminder
        fields = []

    def filter_state(self, queryset, name, value):
        if value == "sent":
            return queryset.filter(sent_at__isnull=False)
        if value == "failed":
            return queryset.filter(sent_at__isnull=True, send_attempts__gt=0)
        if value == "queued":
            return queryset.filter(sent_at__isnull=True)
        return queryset


class ReminderIndexView(generic.IndexView):
    http_method_names = ["get", "head"]

    @cached_property
    def columns(self):
        return [
            Column("recipient", label=gettext_lazy("To"), accessor=lambda r: r.recipient.email),
            Column(
                "trainee",
                label=gettext_lazy("About"),
                accessor=lambda r: "" if r.recipient_id == r.assignment.user_id else r.assignment.user.email,
            ),
            Column("course", label=gettext_lazy("Course"), accessor=lambda r: r.assignment.course.title),
            Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display", sort_key="kind"),
            Column("step", label=gettext_lazy("Step"), sort_key="step"),
            DateColumn("created_at", label=gettext_lazy("Queued"), sort_key="created_at"),
            DateColumn("sent_at", label=gettext_lazy("Sent"), sort_key="sent_at"),
            Column("send_attempts", label=gettext_lazy("Attempts"), sort_key="send_attempts"),
            Column("last_error", label=gettext_lazy("Last error"), accessor=lambda r: r.last_error[:120]),
        ]

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("recipient", "assignment__user", "assignment__course")
            .only(
                "pk",
                "kind",
                "step",
                "created_at",
                "sent_at",
                "send_attempts",
                "last_error",
                "recipient_id",
                "recipient__email",
                "assignment__user_id",
                "assignment__user__email",
                "assignment__course__title",
            )
        )

    def search_queryset(self, queryset):
        if not self.search_query:
            return queryset
        query = self.search_query
        return queryset.filter(
            Q(recipient__email__icontains=query)
            | Q(assignment__user__email__icontains=query)
            | Q(assignment__course__title__icontains=query)
        )


class ReminderViewSet(ModelViewSet):
    """ "Reminders sent": every reminder and escalation queued, sent or failing; read only."""

    model = Reminder
    name = "reminders"
    icon = "mail"
    menu_label = gettext_lazy("Reminders sent")
    menu_order = 410
    add_to_admin_menu = False  # an item of the "Training programme" menu
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = ReminderFilterSet
    index_view_class = ReminderIndexView
    search_fields = ["recipient__email"]
    ordering = ["-created_at", "-pk"]
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, usage_url_name=None, **kwargs
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().none()
